/* base/arena.h: bump allocation in chunks, freed all at once.
 *
 * Every string and array of a library lives in its arena, so freeing a
 * library is one call.  Allocation never fails (aborts on out of memory).
 * arena_mark/arena_reset give a scratch arena that is reused per record.
 * Chunks grow with the arena (4 KB first, 256 KB at most), so a small
 * arena costs little.
 */
#ifndef PB_ARENA_H
#define PB_ARENA_H

#include <stddef.h>

struct arena;

struct arena_mark {
	void *chunk;
	size_t used;
};

/* A new empty arena (caller frees with arena_free). */
struct arena *arena_new(void);
/* Free the arena and everything allocated in it. */
void arena_free(struct arena *a);
/* n bytes aligned for any type; contents undefined. */
void *arena_alloc(struct arena *a, size_t n);
/* n zeroed elements of size bytes, overflow-checked. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* A NUL-terminated copy of n bytes of s. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* A copy of a NUL-terminated string; NULL stays NULL. */
char *arena_strdup(struct arena *a, const char *s);
/*
 * Grow array p in the arena (alloc elements allocated, the first used of
 * them in use) so it holds at least need elements of size bytes: *alloc
 * becomes alloc_nr(*alloc, need, size) (base/alloc.h), the used elements
 * are copied, the rest is zeroed, and the old block is left in the arena.
 * Use ARENA_GROW.
 */
void *arena_grow(struct arena *a, void *p, size_t used, size_t *alloc, size_t need, size_t size);
/* ALLOC_GROW for an array in arena a: make p (used in use, alloc a size_t lvalue) hold nr. */
#define ARENA_GROW(a, p, used, nr, alloc) do { \
	if ((size_t)(nr) > (alloc)) \
		(p) = arena_grow((a), (p), (used), &(alloc), (size_t)(nr), sizeof *(p)); \
} while (0)
/* Remember the current position. */
struct arena_mark arena_mark(struct arena *a);
/* Forget every allocation made since the mark (memory kept for reuse). */
void arena_reset(struct arena *a, struct arena_mark m);
/* Bytes obtained from the system so far. */
size_t arena_bytes(const struct arena *a);

#endif
