/* test_arena.c: bump allocation, marks, and arrays grown in an arena (base/arena.c). */
#include "unit.h"

#include "base/arena.h"

/* Allocations are aligned, copies are independent, NULL stays NULL. */
static void
test_alloc(void **state)
{
	struct arena *a = arena_new();
	char src[] = "hello";
	char *s = arena_strdup(a, src), *t = arena_strndup(a, "abcdef", 3);
	size_t i;

	(void)state;
	src[0] = 'j';
	assert_string_equal(s, "hello");
	assert_string_equal(t, "abc");
	assert_null(arena_strdup(a, NULL));
	for (i = 1; i < 40; i++)
		assert_int_equal((uintptr_t)arena_alloc(a, i) % sizeof(void *), 0);
	{
		long *z = arena_calloc(a, 1000, sizeof *z);	/* larger than a small chunk is fine */

		for (i = 0; i < 1000; i++)
			assert_int_equal(z[i], 0);
	}
	assert_true(arena_bytes(a) >= 8000);
	arena_free(a);
}

/* A reset forgets what came after the mark and reuses the memory. */
static void
test_mark_reset(void **state)
{
	struct arena *a = arena_new();
	struct arena_mark m;
	char *keep, *p;
	size_t bytes, i;

	(void)state;
	keep = arena_strdup(a, "kept");
	m = arena_mark(a);
	for (i = 0; i < 10000; i++)
		arena_strdup(a, "scratch scratch scratch");
	bytes = arena_bytes(a);
	arena_reset(a, m);
	for (i = 0; i < 10000; i++)
		p = arena_strdup(a, "scratch scratch scratch");
	assert_string_equal(p, "scratch scratch scratch");
	assert_int_equal(arena_bytes(a), bytes);	/* nothing new obtained */
	assert_string_equal(keep, "kept");
	arena_free(a);
}

/* A small arena obtains a small chunk; a big one grows in bigger chunks. */
static void
test_chunk_sizes(void **state)
{
	struct arena *a = arena_new();
	size_t i;

	(void)state;
	arena_strdup(a, "one paper");
	assert_int_equal(arena_bytes(a), 4096);
	for (i = 0; i < 20000; i++)
		arena_alloc(a, 100);	/* 2.2 MB with the alignment */
	assert_true(arena_bytes(a) >= 20000 * 112);
	assert_true(arena_bytes(a) <= 20000 * 112 + 256 * 1024);
	arena_free(a);
}

/* Strings are packed without padding; what follows them is aligned again. */
static void
test_strings_packed(void **state)
{
	struct arena *a = arena_new();
	size_t i;
	char *s = NULL;

	(void)state;
	for (i = 0; i < 1000; i++)
		s = arena_strdup(a, "abc");	/* 4 bytes each */
	assert_string_equal(s, "abc");
	assert_int_equal(arena_bytes(a), 4096);
	assert_int_equal((uintptr_t)arena_alloc(a, 8) % 16, 0);
	arena_free(a);
}

/* After a reset, a big allocation skips the small recycled chunks for a big one. */
static void
test_reset_reuses_big_chunk(void **state)
{
	struct arena *a = arena_new();
	struct arena_mark m = arena_mark(a);
	size_t bytes, i;
	char *p;

	(void)state;
	for (i = 0; i < 5000; i++)
		arena_alloc(a, 100);
	bytes = arena_bytes(a);
	arena_reset(a, m);
	p = arena_alloc(a, 100 * 1024);
	memset(p, 'x', 100 * 1024);
	assert_int_equal(arena_bytes(a), bytes);	/* a recycled chunk served it */
	p = arena_strdup(a, "after");
	assert_string_equal(p, "after");
	arena_free(a);
}

/* ARENA_GROW keeps the elements in use, zeroes the rest, and follows alloc_nr. */
static void
test_grow(void **state)
{
	struct arena *a = arena_new();
	int *v = NULL;
	size_t n = 0, alloc = 0, i;

	(void)state;
	for (i = 0; i < 100; i++) {
		ARENA_GROW(a, v, n, n + 1, alloc);
		assert_int_equal(v[n], 0);
		v[n++] = (int)i + 1;
	}
	for (i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i + 1);
	assert_int_equal(alloc, 128);	/* 4, 8, 16, ... */
	ARENA_GROW(a, v, n, 16, alloc);	/* already big enough */
	assert_int_equal(alloc, 128);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_mark_reset),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_chunk_sizes),
		cmocka_unit_test(test_strings_packed),
		cmocka_unit_test(test_reset_reuses_big_chunk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
