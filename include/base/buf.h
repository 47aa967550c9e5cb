/* base/buf.h: a growable byte string.
 *
 * Invariants (as in git's strbuf):
 *  - b->buf is never NULL once initialised (BUF_INIT or buf_init): it
 *    always points at b->len bytes followed by a NUL, so it can be passed
 *    to any C string function; an empty buffer that never grew points at
 *    the shared, never-written buf_slop (b->alloc == 0);
 *  - a zeroed struct buf (inside a calloc'd struct) is also accepted as
 *    empty by every function here;
 *  - b->len < b->alloc whenever b->alloc > 0;
 *  - growing never truncates: on allocation failure the program aborts with
 *    a message (out of memory is not a recoverable input error).
 * The caller owns the memory; buf_free releases it, buf_detach hands it over.
 */
#ifndef PB_BUF_H
#define PB_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "base/alloc.h"

struct buf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char buf_slop[1];
#define BUF_INIT { buf_slop, 0, 0 }

/* Prepare an empty buffer (no allocation until the first append). */
void buf_init(struct buf *b);
/* Release the memory and leave an empty, reusable buffer. */
void buf_free(struct buf *b);
/* Make room for at least extra more bytes plus the NUL. */
void buf_grow(struct buf *b, size_t extra);
/* Append n bytes. */
void buf_add(struct buf *b, const void *data, size_t n);
/* Append a NUL-terminated string. */
void buf_puts(struct buf *b, const char *s);
/* Append one byte (inline: it is called per byte in the text layer). */
static inline void
buf_addch(struct buf *b, int c)
{
	if (b->len + 2 > b->alloc)
		buf_grow(b, 1);
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
}
/* Append printf-style formatted text; never truncates. */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Same with a va_list. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Set the length to n (n <= len) and keep the NUL invariant. */
void buf_setlen(struct buf *b, size_t n);
/* Return the string (caller frees) and leave the buffer empty. */
char *buf_detach(struct buf *b, size_t *len);
/* Return b->buf, valid even when nothing was ever appended. */
const char *buf_str(const struct buf *b);

#endif
