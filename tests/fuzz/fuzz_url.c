/* fuzz_url.c: libFuzzer target for the URL checks and the browser argv.
 *
 * The input is split at the first NUL byte into a URL and a $BROWSER
 * list.  Oracles:
 *  - launch_url_check accepts exactly what its contract allows: http:// or
 *    https:// (any case), a host without a user name, printable ASCII
 *    without space, quote, backtick, backslash, angle bracket, brace,
 *    pipe or caret; a refusal says why;
 *  - link_normalise gives an http(s) URL without control bytes or spaces;
 *  - for an accepted URL, every argv launch_argv builds from each entry of
 *    the list holds the URL whole (never split across arguments);
 *  - the OSC 8 and OSC 52 sequences for it contain no ESC, BEL or C1 byte
 *    but their own framing.
 *
 * Build and run: tests/fuzz/run.sh (make fuzz).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "launch/launch.h"
#include "model/lib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What launch_url_check's contract allows. */
static int
allowed(const char *u)
{
	const char *p, *host;
	size_t k;

	if (strncasecmp(u, "http://", 7) == 0)
		host = u + 7;
	else if (strncasecmp(u, "https://", 8) == 0)
		host = u + 8;
	else
		return 0;
	for (p = u; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || strchr("\"'`\\<>{}|^", *p))
			return 0;
	k = strcspn(host, "/?#");
	return k > 0 && memchr(host, '@', k) == NULL;	/* a host, and no user name */
}

/* Bytes in s[from..to) with an escape, BEL or C1 control. */
static int
has_control(const struct buf *s, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		unsigned char c = (unsigned char)s->buf[i];

		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
			return 1;
	}
	return 0;
}

/*
 * Every argv of every entry of list holds url whole, never split: built
 * again for a longer URL, the same number of arguments comes back, at
 * least one changes, and every one that changes holds url.
 */
static void
check_argv(const char *list, const char *url)
{
	struct buf entry = BUF_INIT, other = BUF_INIT;
	size_t pos = 0, n = 0;

	buf_init(&entry);
	buf_init(&other);
	buf_printf(&other, "%sZ", url);
	while (launch_browser_next(list, &pos, &entry) && n++ < 64) {
		char **a = launch_argv(entry.buf, url), **b = launch_argv(entry.buf, other.buf);
		size_t k, changed = 0;

		if ((a == NULL) != (b == NULL))
			abort();
		for (k = 0; a && a[k]; k++) {
			if (b[k] == NULL)
				abort();
			if (strcmp(a[k], b[k]) != 0) {
				changed++;
				if (strstr(a[k], url) == NULL)
					abort();
			}
		}
		if (a && (b[k] != NULL || changed == 0))
			abort();
		launch_argv_free(a);
		launch_argv_free(b);
	}
	buf_free(&entry);
	buf_free(&other);
}

/* The OSC 8 and OSC 52 sequences carry no control byte but their framing. */
static void
check_osc(const char *url)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	launch_osc8_open(&b, url);
	/* ESC ] 8 ; ; ... ESC \ */
	if (b.len < 9 || memcmp(b.buf, "\033]8;;", 5) != 0 || memcmp(b.buf + b.len - 2, "\033\\", 2) != 0 ||
	    has_control(&b, 5, b.len - 2))
		abort();
	buf_setlen(&b, 0);
	launch_osc52(&b, url, LAUNCH_MUX_NONE);
	if (b.len < 8 || memcmp(b.buf, "\033]52;c;", 7) != 0 || b.buf[b.len - 1] != '\a' ||
	    has_control(&b, 7, b.len - 1))
		abort();
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	size_t ulen = nul ? (size_t)(nul - (const char *)data) : size;
	char *url = malloc(ulen + 1), *list = NULL;
	struct buf why = BUF_INIT, norm = BUF_INIT;
	const char *nwhy = NULL;
	int ok;

	if (url == NULL)
		return 0;
	memcpy(url, data, ulen);
	url[ulen] = '\0';
	if (nul) {
		size_t ln = size - ulen - 1;

		list = malloc(ln + 1);
		if (list == NULL)
			abort();
		memcpy(list, nul + 1, ln);
		list[ln] = '\0';	/* a later NUL ends the list early */
	}
	buf_init(&why);
	buf_init(&norm);
	ok = launch_url_check(url, &why);
	if (ok != allowed(url) || (!ok && why.len == 0))
		abort();
	if (ok) {
		check_argv(list ? list : "firefox --new-tab %s:w3m:open %s%%s", url);
		check_osc(url);
	}
	if (link_normalise(&norm, url, ulen, &nwhy)) {
		if (strncmp(norm.buf, "http://", 7) != 0 && strncmp(norm.buf, "https://", 8) != 0)
			abort();
		if (has_control(&norm, 0, norm.len) || memchr(norm.buf, ' ', norm.len))
			abort();
	} else if (nwhy == NULL) {
		abort();
	}
	buf_free(&why);
	buf_free(&norm);
	free(url);
	free(list);
	return 0;
}
