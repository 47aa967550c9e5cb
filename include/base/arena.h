/* base/arena.h: bump allocation in large chunks, freed all at once.
 *
 * Every string and array of a library lives in its arena, so freeing a
 * library is one call.  Allocation never fails (aborts on out of memory).
 * arena_mark/arena_reset give a scratch arena that is reused per record.
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
/* Grow an array allocated in the arena from old_n to new_n elements. */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n, size_t size);
/* Remember the current position. */
struct arena_mark arena_mark(struct arena *a);
/* Forget every allocation made since the mark (memory kept for reuse). */
void arena_reset(struct arena *a, struct arena_mark m);
/* Bytes obtained from the system so far. */
size_t arena_bytes(const struct arena *a);

#endif
