/* base/hashmap.h: the string hash, and the one open-addressing index table.
 *
 * A hashmap maps string keys to small indexes (uint32_t) into an array the
 * caller owns; the table keeps only the index and the key's hash, and asks
 * the caller for the key of an index (keyof) when two hashes are equal.
 * So one table type serves the library's papers and days and the marks.
 * Linear probing, power-of-two capacity, load at most 3/4.  Keys are
 * never removed (clear the whole table instead).
 * A zeroed struct hashmap is an empty table; hashmap_free releases it
 * and leaves it zeroed (an empty table again).
 */
#ifndef PB_BASE_HASHMAP_H
#define PB_BASE_HASHMAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * 64-bit FNV-1a (with this project's historic offset basis) of a
 * NUL-terminated string; never 0.  It must never change: the stable
 * "text:HASH" keys of untitled papers in users' marks files come from it.
 */
static inline uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

/* 64-bit FNV-1a of n bytes (a file's content hash in the store's manifest). */
static inline uint64_t
hash_bytes(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct hashmap {
	uint32_t *slots;	/* index + 1; 0 = empty */
	uint64_t *hashes;
	size_t cap, n;
};

/* The key of index idx in the caller's array. */
typedef const char *hashmap_key_fn(const void *ctx, uint32_t idx);

/* Index stored under key (hash h), or -1. */
long hashmap_get(const struct hashmap *m, const char *key, uint64_t h,
    hashmap_key_fn *keyof, const void *ctx);
/* True when index idx of the caller's array holds key (a key of any type). */
typedef int hashmap_eq_fn(const void *ctx, uint32_t idx, const void *key);

/* Index stored under a key that eq matches (hash h), or -1: for keys that are not strings. */
long hashmap_find(const struct hashmap *m, uint64_t h, hashmap_eq_fn *eq, const void *ctx,
    const void *key);
/* Store idx under hash h; the key must not be present yet. */
void hashmap_put(struct hashmap *m, uint64_t h, uint32_t idx);
/* Release the table and leave it empty and usable. */
void hashmap_free(struct hashmap *m);

#endif
