/* test_mem.c: mem_find finds what a byte-by-byte search finds, at every
 * offset and length, with bytes above 0x7F, and in linear time. */
#include "unit.h"

#include <stdint.h>
#include <string.h>

#include "base/mem.h"

/* The first needle in hay, a byte at a time. */
static const char *
naive(const char *hay, size_t n, const char *needle, size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0)
			return hay + i;
	return NULL;
}

/* Both searches agree on hay and needle. */
static void
agree(const char *hay, size_t n, const char *needle, size_t m)
{
	assert_ptr_equal(mem_find(hay, n, needle, m), naive(hay, n, needle, m));
}

/* A pair at each place of haystacks of every length up to 40, and pairs that are not there. */
static void
test_pair_everywhere(void **state)
{
	char hay[41];
	size_t n, at;

	(void)state;
	for (n = 0; n <= 40; n++) {
		memset(hay, 'a', n);
		for (at = 0; at + 2 <= n; at++) {
			hay[at] = 't';
			hay[at + 1] = '\xC3';
			agree(hay, n, "t\xC3", 2);
			assert_ptr_equal(mem_find(hay, n, "t\xC3", 2), hay + at);
			agree(hay, n, "\xC3t", 2);
			agree(hay, n, "at", 2);
			hay[at] = hay[at + 1] = 'a';
		}
		agree(hay, n, "aa", 2);
		agree(hay, n, "ab", 2);
		agree(hay, n, "a", 1);
		agree(hay, n, "", 0);
		agree(hay, n, "aaa", 3);
	}
	/* the first of several; a first byte without its second before the pair */
	{
		const char *s = "xtyxtztz";

		assert_ptr_equal(mem_find(s, 8, "tz", 2), s + 4);
	}
	agree("\xFF\xFE\xFF\xFF\x80\x7F\x80\x80\x00\x80", 10, "\x80\x80", 2);
	agree("\xFF\xFE\xFF\xFF\x80\x7F\x80\x80\x00\x80", 10, "\x00\x80", 2);
	agree("\xFF\xFE\xFF\xFF\x80\x7F\x80\x80\x00\x80", 10, "\xFF\xFF", 2);
}

/* The next of a xorshift sequence. */
static uint32_t
next(uint32_t *seed)
{
	*seed ^= *seed << 13;
	*seed ^= *seed >> 17;
	*seed ^= *seed << 5;
	return *seed;
}

/* Random haystacks over three bytes (one of them above 0x7F) and random needles of one to four bytes. */
static void
test_random(void **state)
{
	static const char abc[] = { 'a', 'b', '\xE4' };
	char hay[64], needle[4];
	uint32_t seed = 88172645u;
	size_t r, i, n, m;

	(void)state;
	for (r = 0; r < 20000; r++) {
		n = next(&seed) % (sizeof hay + 1);
		m = 1 + next(&seed) % sizeof needle;
		for (i = 0; i < n; i++)
			hay[i] = abc[next(&seed) % 3];
		for (i = 0; i < m; i++)
			needle[i] = abc[next(&seed) % 3];
		agree(hay, n, needle, m);
	}
}

/* Sixteen megabytes of one byte, searched for a pair that is not there: well under a second. */
static void
test_linear(void **state)
{
	size_t n = (size_t)16 << 20;
	char *hay = xcalloc(n, 1);
	double t0 = unit_cpu_seconds();

	(void)state;
	memset(hay, 'a', n);
	assert_null(mem_find(hay, n, "ab", 2));
	assert_null(mem_find(hay, n, "aab", 3));
	assert_true(unit_cpu_seconds() - t0 < 2.0);
	free(hay);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pair_everywhere),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
