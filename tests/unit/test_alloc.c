/* test_alloc.c: the allocators and the one growth rule (base/alloc.c). */
#include "unit.h"

#include "base/alloc.h"

/* max(need, 2 * alloc, 4), and an abort rather than a size that overflows. */
static void
test_alloc_nr(void **state)
{
	(void)state;
	assert_int_equal(alloc_nr(0, 1, 8), 4);
	assert_int_equal(alloc_nr(4, 5, 8), 8);
	assert_int_equal(alloc_nr(8, 100, 8), 100);
	assert_int_equal(alloc_nr(100, 101, 1), 200);
	assert_int_equal(alloc_nr(SIZE_MAX / 2 + 1, SIZE_MAX, 1), SIZE_MAX);
}

/* ALLOC_GROW keeps what was there and grows only when needed. */
static void
test_alloc_grow(void **state)
{
	int *v = NULL;
	size_t n = 0, alloc = 0, i, before;

	(void)state;
	for (i = 0; i < 1000; i++) {
		ALLOC_GROW(v, n + 1, alloc);
		v[n++] = (int)i;
		assert_true(alloc >= n);
	}
	for (i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i);
	before = alloc;
	ALLOC_GROW(v, n, alloc);	/* already big enough: unchanged */
	assert_int_equal(alloc, before);
	free(v);
}

/* The x* allocators return usable memory; xcalloc zeroes it. */
static void
test_x(void **state)
{
	char *s = xstrdup("paperboy");
	unsigned char *z = xcalloc(16, 4);
	size_t i;

	(void)state;
	assert_string_equal(s, "paperboy");
	for (i = 0; i < 64; i++)
		assert_int_equal(z[i], 0);
	s = xrealloc(s, 64);
	assert_string_equal(s, "paperboy");
	free(s);
	free(z);
	free(xmalloc(0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_nr),
		cmocka_unit_test(test_alloc_grow),
		cmocka_unit_test(test_x),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
