/* base/alloc.h: allocation that aborts on failure, and the one array-growth helper.
 *
 * Out of memory is not an input error the program can recover from: every
 * function here either returns usable memory or prints a message and aborts.
 * Sizes are checked for overflow before they are multiplied.
 */
#ifndef PB_BASE_ALLOC_H
#define PB_BASE_ALLOC_H

#include <stddef.h>
#include <stdint.h>

/* Print "out of memory allocating N bytes" and abort. */
void alloc_die(size_t n) __attribute__((noreturn));
/* malloc that never returns NULL (caller frees). */
void *xmalloc(size_t n);
/* calloc that never returns NULL and checks n * size for overflow. */
void *xcalloc(size_t n, size_t size);
/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n);
/* strdup that never returns NULL (caller frees). */
char *xstrdup(const char *s);
/*
 * Return the pages of freed memory to the kernel (after a big transient
 * allocation such as a load); a no-op where the C library cannot.
 */
void xtrim(void);
/*
 * The one growth rule: how many elements an array of alloc elements of
 * size bytes grows to so that it holds need: max(need, 2 * alloc, 4).
 * Aborts when that many would not fit in size_t bytes.  (Inline: every
 * growing buffer and array asks it.)
 */
static inline size_t
alloc_nr(size_t alloc, size_t need, size_t size)
{
	size_t n = alloc > SIZE_MAX / 2 ? SIZE_MAX : alloc * 2;

	if (n < need)
		n = need;
	if (n < 4)
		n = 4;
	if (size != 0 && n > SIZE_MAX / size)
		alloc_die(SIZE_MAX);
	return n;
}
/*
 * Grow array p of elements of size bytes so it holds at least need
 * elements: *alloc becomes alloc_nr(*alloc, need, size).  Returns the new
 * pointer; the old one is no longer valid.  Use ALLOC_GROW.
 */
void *xgrow(void *p, size_t *alloc, size_t need, size_t size);

/*
 * Make array p (with alloc elements allocated, alloc a size_t lvalue) hold
 * at least nr elements.  The one way arrays grow here, as git's ALLOC_GROW:
 *     ALLOC_GROW(v, n + 1, alloc); v[n++] = x;
 * (An array in an arena grows with ARENA_GROW, base/arena.h, by the same rule.)
 */
#define ALLOC_GROW(p, nr, alloc) do { \
	if ((size_t)(nr) > (alloc)) \
		(p) = xgrow((p), &(alloc), (size_t)(nr), sizeof *(p)); \
} while (0)

#endif
