/* base/hashmap.c: the open-addressing index table (see base/hashmap.h). */
#include "base/hashmap.h"
#include "base/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Find the index whose entry eq matches key; -1 when none. */
long
hashmap_find(const struct hashmap *m, uint64_t h, hashmap_eq_fn *eq, const void *ctx,
    const void *key)
{
	size_t i;

	if (m->cap == 0)
		return -1;
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		uint32_t v = m->slots[i];

		if (v == 0)
			return -1;
		if (m->hashes[i] == h && eq(ctx, v - 1, key))
			return (long)(v - 1);
	}
}

/* A string key and how to get the key of an index (for hashmap_get). */
struct str_key {
	hashmap_key_fn *keyof;
	const void *ctx;
	const char *key;
};

/* hashmap_eq_fn for string keys. */
static int
str_eq(const void *ctx, uint32_t idx, const void *key)
{
	const struct str_key *k = key;

	(void)ctx;
	return strcmp(k->keyof(k->ctx, idx), k->key) == 0;
}

/* Find key; returns its index or -1. */
long
hashmap_get(const struct hashmap *m, const char *key, uint64_t h,
    hashmap_key_fn *keyof, const void *ctx)
{
	struct str_key k = { keyof, ctx, key };

	return hashmap_find(m, h, str_eq, NULL, &k);
}

/* Place (h, slot) in the first free slot of its probe sequence. */
static void
place(uint32_t *slots, uint64_t *hashes, size_t cap, uint64_t h, uint32_t slot)
{
	size_t i;

	for (i = h & (cap - 1); slots[i]; i = (i + 1) & (cap - 1))
		;
	slots[i] = slot;
	hashes[i] = h;
}

/* Double the capacity (64 at first) and re-place every entry. */
static void
grow(struct hashmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, k;
	uint32_t *ns = xcalloc(ncap, sizeof *ns);
	uint64_t *nh = xcalloc(ncap, sizeof *nh);

	for (k = 0; k < m->cap; k++)
		if (m->slots[k])
			place(ns, nh, ncap, m->hashes[k], m->slots[k]);
	free(m->slots);
	free(m->hashes);
	m->slots = ns;
	m->hashes = nh;
	m->cap = ncap;
}

/* Insert idx under hash h. */
void
hashmap_put(struct hashmap *m, uint64_t h, uint32_t idx)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	place(m->slots, m->hashes, m->cap, h, idx + 1);
	m->n++;
}

/* Release the table. */
void
hashmap_free(struct hashmap *m)
{
	free(m->slots);
	free(m->hashes);
	memset(m, 0, sizeof *m);
}
