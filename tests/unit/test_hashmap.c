/* test_hashmap.c: the index table and the string hash; ALLOC_GROW. */
#include "unit.h"

#include <stdio.h>

#include "base/alloc.h"
#include "base/hashmap.h"

struct keys {
	char (*v)[16];
	size_t n, alloc;
};

/* The key of index i. */
static const char *
key_of(const void *ctx, uint32_t i)
{
	const struct keys *k = ctx;

	return k->v[i];
}

/* 10,000 keys go in; each is found at its index, absent keys are not. */
static void
test_put_get(void **state)
{
	struct hashmap m = { 0 };
	struct keys k = { 0 };
	char probe[16];
	size_t i;

	(void)state;
	for (i = 0; i < 10000; i++) {
		ALLOC_GROW(k.v, k.n + 1, k.alloc);
		snprintf(k.v[k.n], sizeof k.v[k.n], "key-%zu", i);
		assert_int_equal(hashmap_get(&m, k.v[k.n], hash_str(k.v[k.n]), key_of, &k), -1);
		hashmap_put(&m, hash_str(k.v[k.n]), (uint32_t)k.n);
		k.n++;
	}
	assert_true(k.alloc >= k.n);
	for (i = 0; i < k.n; i++)
		assert_int_equal(hashmap_get(&m, k.v[i], hash_str(k.v[i]), key_of, &k), (long)i);
	snprintf(probe, sizeof probe, "key-%d", 10000);
	assert_int_equal(hashmap_get(&m, probe, hash_str(probe), key_of, &k), -1);
	assert_true(m.n == k.n && m.cap * 3 >= m.n * 4);
	hashmap_free(&m);
	assert_int_equal(hashmap_get(&m, "key-1", hash_str("key-1"), key_of, &k), -1);
	free(k.v);
}

/* Equal hashes with different keys are told apart by the key. */
static void
test_collision(void **state)
{
	struct hashmap m = { 0 };
	char v[2][16] = { "alpha", "beta" };
	struct keys k = { v, 2, 2 };

	(void)state;
	hashmap_put(&m, 42, 0);
	hashmap_put(&m, 42, 1);
	assert_int_equal(hashmap_get(&m, "alpha", 42, key_of, &k), 0);
	assert_int_equal(hashmap_get(&m, "beta", 42, key_of, &k), 1);
	assert_int_equal(hashmap_get(&m, "gamma", 42, key_of, &k), -1);
	hashmap_free(&m);
}

/* hashmap_eq_fn over integer keys: entry idx of the array ctx equals *key. */
static int
int_eq(const void *ctx, uint32_t idx, const void *key)
{
	return ((const int *)ctx)[idx] == *(const int *)key;
}

/* Keys that are not strings: hashmap_find with the caller's equality, all in one bucket. */
static void
test_find(void **state)
{
	struct hashmap m = { 0 };
	int v[100], probe;
	uint32_t i;

	(void)state;
	for (i = 0; i < 100; i++) {
		v[i] = (int)i * 7;
		hashmap_put(&m, 5, i);	/* one hash for all: equality decides */
	}
	for (i = 0; i < 100; i++) {
		probe = (int)i * 7;
		assert_int_equal(hashmap_find(&m, 5, int_eq, v, &probe), (long)i);
	}
	probe = 3;
	assert_int_equal(hashmap_find(&m, 5, int_eq, v, &probe), -1);
	probe = 7;
	assert_int_equal(hashmap_find(&m, 6, int_eq, v, &probe), -1);	/* another hash */
	hashmap_free(&m);
}

/* The hash never changes: "text:HASH" keys in users' marks files depend on it. */
static void
test_hash(void **state)
{
	(void)state;
	assert_true(hash_str("") == 1469598103934665603ULL);
	assert_true(hash_str("a") == 0x44bd8ad473cd9906ULL);
	assert_true(hash_str("a") != hash_str("b"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_collision),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
