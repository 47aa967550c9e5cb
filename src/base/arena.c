/* base/arena.c: chunked bump allocator. */
#include "base/arena.h"
#include "base/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * A new chunk is as big as what the arena obtained so far, from
 * ARENA_FIRST to ARENA_CHUNK (or the allocation, when bigger): a small
 * arena (one file's records, one paper) stays small, a big one soon takes
 * big steps.
 */
#define ARENA_FIRST (4 * 1024)
#define ARENA_CHUNK (256 * 1024)
#define ARENA_ALIGN 16

struct chunk {
	struct chunk *prev;	/* older chunk, or NULL */
	struct chunk *next;	/* newer chunk kept after a reset, or NULL */
	size_t size;		/* usable bytes in data */
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct chunk *cur;
	size_t bytes;
};

/* A new empty arena. */
struct arena *
arena_new(void)
{
	struct arena *a = xcalloc(1, sizeof *a);
	return a;
}

/* Free every chunk, older and newer than the current one. */
void
arena_free(struct arena *a)
{
	struct chunk *c, *p;

	if (a == NULL)
		return;
	c = a->cur;
	if (c) {
		p = c->next;
		while (p) {
			struct chunk *n = p->next;
			free(p);
			p = n;
		}
	}
	while (c) {
		p = c->prev;
		free(c);
		c = p;
	}
	free(a);
}

/* Start a new chunk holding n bytes at its start; it becomes the current one. */
static void *
new_chunk(struct arena *a, size_t n)
{
	struct chunk *c = a->cur, *nc;
	size_t size = a->bytes < ARENA_FIRST ? ARENA_FIRST :
	    a->bytes > ARENA_CHUNK ? ARENA_CHUNK : a->bytes;

	if (size < n)
		size = n;
	nc = xmalloc(sizeof *nc + size);
	nc->size = size;
	nc->used = n;
	nc->prev = c;
	nc->next = NULL;
	if (c)
		c->next = nc;	/* any recycled chunks were dropped by take */
	a->cur = nc;
	a->bytes += size;
	return nc->data;
}

/*
 * Allocate n bytes at an offset that is a multiple of align (1 or
 * ARENA_ALIGN), moving to a new or recycled chunk when full.  Strings
 * take align 1: they need no padding.
 */
static void *
take(struct arena *a, size_t n, size_t align)
{
	struct chunk *c = a->cur;

	if (n > SIZE_MAX - ARENA_ALIGN * 2)
		n = SIZE_MAX - ARENA_ALIGN * 2;	/* xmalloc will fail loudly */
	if (n == 0)
		n = 1;
	if (c) {
		size_t off = (c->used + align - 1) & ~(align - 1);

		if (off <= c->size && c->size - off >= n) {
			c->used = off + n;
			return c->data + off;
		}
	}
	/* a recycled newer chunk big enough? (smaller ones are dropped) */
	while (c && c->next && c->next->size < n) {
		struct chunk *p = c->next;

		c->next = p->next;
		if (p->next)
			p->next->prev = c;
		free(p);
	}
	if (c && c->next) {
		c = c->next;
		c->used = n;
		a->cur = c;
		return c->data;
	}
	return new_chunk(a, n);
}

/* n bytes aligned for any type. */
void *
arena_alloc(struct arena *a, size_t n)
{
	return take(a, n, ARENA_ALIGN);
}

/* Zeroed, overflow-checked array allocation. */
void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		n = SIZE_MAX / size;
	p = arena_alloc(a, n * size);
	memset(p, 0, n * size);
	return p;
}

/* Copy n bytes and terminate. */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = take(a, n + 1, 1);

	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Copy a string; NULL stays NULL. */
char *
arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* Grow an array by the one growth rule; the old block is simply abandoned in the arena. */
void *
arena_grow(struct arena *a, void *p, size_t used, size_t *alloc, size_t need, size_t size)
{
	size_t n = alloc_nr(*alloc, need, size);
	void *np = arena_calloc(a, n, size);

	if (used)
		memcpy(np, p, used * size);
	*alloc = n;
	return np;
}

/* Remember the current position. */
struct arena_mark
arena_mark(struct arena *a)
{
	struct arena_mark m;

	m.chunk = a->cur;
	m.used = a->cur ? a->cur->used : 0;
	return m;
}

/* Return to a mark; chunks after it stay allocated for reuse. */
void
arena_reset(struct arena *a, struct arena_mark m)
{
	struct chunk *c = m.chunk;

	if (c == NULL) {
		/* mark taken on an empty arena: rewind to the first chunk */
		c = a->cur;
		if (c == NULL)
			return;
		while (c->prev)
			c = c->prev;
		c->used = 0;
	} else {
		c->used = m.used;
	}
	a->cur = c;
	for (c = c->next; c; c = c->next)
		c->used = 0;
}

/* Bytes obtained from the system. */
size_t
arena_bytes(const struct arena *a)
{
	return a->bytes;
}
