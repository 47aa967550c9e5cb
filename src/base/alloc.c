/* base/alloc.c: allocation that aborts on failure; array growth. */
#include "config.h"
#include "base/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

/* Abort with a message: the process cannot continue without memory. */
void
alloc_die(size_t n)
{
	fprintf(stderr, "paperboy: out of memory allocating %zu bytes\n", n);
	abort();
}

/* malloc that never returns NULL. */
void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		alloc_die(n);
	return p;
}

/* calloc that never returns NULL and checks n * size for overflow. */
void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		alloc_die(SIZE_MAX);
	p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		alloc_die(n * size);
	return p;
}

/* realloc that never returns NULL. */
void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		alloc_die(n);
	return q;
}

/* strdup that never returns NULL. */
char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xmalloc(n);

	memcpy(p, s, n);
	return p;
}

/* Grow an array to hold at least need elements of size bytes. */
void *
xgrow(void *p, size_t *alloc, size_t need, size_t size)
{
	size_t n = alloc_nr(*alloc, need, size);

	p = xrealloc(p, n * size);
	*alloc = n;
	return p;
}

/* Give freed pages back to the system where the C library can. */
void
xtrim(void)
{
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);
#endif
}
