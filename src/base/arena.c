/* base/arena.c: chunked bump allocator. */
#include "base/arena.h"
#include "base/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Allocate n bytes, moving to a new or recycled chunk when full. */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk *c = a->cur;
	size_t off;

	if (n > SIZE_MAX - ARENA_ALIGN * 2)
		n = SIZE_MAX - ARENA_ALIGN * 2;	/* xmalloc will fail loudly */
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	if (c && c->size - c->used >= n) {
		off = c->used;
		c->used += n;
		return c->data + off;
	}
	/* a recycled newer chunk big enough? */
	if (c && c->next && c->next->size >= n) {
		c = c->next;
		c->used = n;
		a->cur = c;
		return c->data;
	}
	{
		size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		struct chunk *nc = xmalloc(sizeof *nc + size);

		nc->size = size;
		nc->used = n;
		nc->prev = c;
		nc->next = NULL;
		if (c) {
			/* drop recycled chunks too small to use */
			struct chunk *p = c->next;
			while (p) {
				struct chunk *q = p->next;
				free(p);
				p = q;
			}
			c->next = nc;
		}
		a->cur = nc;
		a->bytes += size;
		return nc->data;
	}
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
	char *p = arena_alloc(a, n + 1);

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
