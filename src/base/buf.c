/* base/buf.c: growable byte strings and string lists. */
#include "base/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shared empty string every unallocated buffer points at (never written). */
char buf_slop[1];

/* Prepare an empty buffer. */
void
buf_init(struct buf *b)
{
	b->buf = buf_slop;
	b->len = 0;
	b->alloc = 0;
}

/* Release the memory and leave an empty buffer. */
void
buf_free(struct buf *b)
{
	if (b->alloc)
		free(b->buf);
	buf_init(b);
}

/* Make room for extra more bytes plus the terminating NUL. */
void
buf_grow(struct buf *b, size_t extra)
{
	size_t need, n;

	if (b->buf == NULL)
		buf_init(b);
	if (extra > SIZE_MAX - b->len - 1)
		alloc_die(SIZE_MAX);
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return;
	n = alloc_nr(b->alloc, need < 64 ? 64 : need, 1);
	if (b->alloc == 0) {
		/* the shared empty string of BUF_INIT is never written to */
		b->buf = xmalloc(n);
		b->buf[0] = '\0';
	} else {
		b->buf = xrealloc(b->buf, n);
	}
	b->alloc = n;
}

/* Append n bytes. */
void
buf_add(struct buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->buf + b->len, data, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

/* Append a NUL-terminated string. */
void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Append formatted text with a va_list, growing as needed. */
void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->buf[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->alloc - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
		if (n < 0) {
			b->buf[b->len] = '\0';
			return;
		}
	}
	b->len += (size_t)n;
}

/* Append printf-style formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Shorten to n bytes. */
void
buf_setlen(struct buf *b, size_t n)
{
	if (n > b->len)
		n = b->len;
	b->len = n;
	if (b->alloc)
		b->buf[n] = '\0';
}

/* Hand the string to the caller (who frees it) and reset the buffer. */
char *
buf_detach(struct buf *b, size_t *len)
{
	char *s;

	if (b->alloc == 0)
		buf_grow(b, 0);
	s = b->buf;
	if (len)
		*len = b->len;
	buf_init(b);
	return s;
}

/* The current contents, always NUL-terminated. */
const char *
buf_str(const struct buf *b)
{
	return b->buf ? b->buf : buf_slop;
}
