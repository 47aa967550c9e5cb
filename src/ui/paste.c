/* ui/paste.c: bracketed paste read in large pieces (see ui/paste.h). */
#include "ui/paste.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#define END_MARK "\033[201~"
#define END_LEN 6

/* Keep what fits of s[0..n) in out (at most max bytes in all); count it in *total. */
static void
keep(struct buf *out, size_t max, size_t *total, const char *s, size_t n)
{
	size_t kept = *total < max ? max - *total : 0;

	if (kept > n)
		kept = n;
	buf_add(out, s, kept);
	*total += n;
}

/* Wait up to ms for fd to be readable; 1 when it is, 0 on timeout or error. */
static int
readable(int fd, int ms)
{
	struct pollfd p;
	int r;

	p.fd = fd;
	p.events = POLLIN;
	do
		r = poll(&p, 1, ms);
	while (r < 0 && errno == EINTR);
	return r > 0;
}

/* Read up to the end marker; see paste.h. */
size_t
ui_paste_read(int fd, struct buf *out, size_t max, struct buf *rest, int wait_ms, int *ended)
{
	char chunk[65536 + END_LEN];
	size_t carry = 0, total = 0;

	*ended = 0;
	while (readable(fd, wait_ms)) {
		ssize_t r = read(fd, chunk + carry, sizeof chunk - carry);
		size_t n, i;

		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r <= 0)
			break;
		n = carry + (size_t)r;
		/* the marker may straddle two reads: carry its possible start over */
		for (i = 0; i + END_LEN <= n; i++)
			if (chunk[i] == '\033' && memcmp(chunk + i, END_MARK, END_LEN) == 0)
				break;
		if (i + END_LEN <= n) {
			keep(out, max, &total, chunk, i);
			buf_add(rest, chunk + i + END_LEN, n - i - END_LEN);
			*ended = 1;
			return total;
		}
		carry = n < END_LEN - 1 ? n : END_LEN - 1;
		keep(out, max, &total, chunk, n - carry);
		memmove(chunk, chunk + n - carry, carry);
	}
	keep(out, max, &total, chunk, carry);	/* no end marker: what came is the paste */
	return total;
}
