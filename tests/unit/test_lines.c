/* test_lines.c: the line iterator and the scanning helpers (ingest/lines.c). */
#include "unit.h"

#include "ingest/lines.h"

/* LF, CR LF and a lone CR all end a line; the last line needs no terminator. */
static void
test_lines_next(void **state)
{
	static const char data[] = "one\ntwo\r\nthree\rfour";
	static const char *const want[] = { "one", "two", "three", "four" };
	struct lines it;
	const char *s;
	size_t n, k = 0;

	(void)state;
	lines_init(&it, data, sizeof data - 1, 10);
	while (lines_next(&it, &s, &n)) {
		assert_true(k < 4);
		assert_int_equal(n, strlen(want[k]));
		assert_memory_equal(s, want[k], n);
		assert_int_equal(it.lineno, 10 + k);
		k++;
	}
	assert_int_equal(k, 4);
	lines_init(&it, "", 0, 1);
	assert_false(lines_next(&it, &s, &n));
}

/* Blank, trim, prefix and leading-space helpers. */
static void
test_helpers(void **state)
{
	const char *s = " \t x y \r";
	size_t n = strlen(s);

	(void)state;
	assert_true(lines_blank(" \t\r", 3));
	assert_false(lines_blank(" x", 2));
	lines_trim(&s, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(s, "x y", 3);
	assert_true(lines_starts("Abstract: x", 11, "Abstract:"));
	assert_false(lines_starts("Abs", 3, "Abstract:"));
	assert_int_equal(lines_skip_space(" \r\n\tx", 5), 4);
	assert_int_equal(lines_skip_space("  ", 2), 2);
}

/* The first plausible ISO date, not one inside a longer number. */
static void
test_find_date(void **state)
{
	char d[11];

	(void)state;
	assert_true(lines_find_date("## Papers for 2024-01-31 (x)", 28, d));
	assert_string_equal(d, "2024-01-31");
	assert_false(lines_find_date("2024-13-01 2024-00-10", 21, d));
	assert_false(lines_find_date("2024-01-011", 11, d));
	assert_true(lines_find_date("v12024-05-07", 12, d));
	assert_string_equal(d, "2024-05-07");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_next),
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_find_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
