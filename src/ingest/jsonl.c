/* ingest/jsonl.c: JSON Lines, one paper object a line (daily-arXiv-ai-enhanced
 * and other scrapers).
 *
 * Each line is decoded on its own with json-c, so a broken line is reported
 * with its number and the others still load; every object goes through the
 * field table (fields.h).
 */
#include "ingest/fields.h"
#include "ingest/jsonrec.h"
#include "ingest/format.h"
#include "ingest/jsonl.h"
#include "ingest/json.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"

#include <string.h>

#include <json-c/json.h>

/* Offset just past the line at s[i] (its LF included). */
static size_t
line_end(const char *s, size_t n, size_t i, size_t *len)
{
	const char *nl = memchr(s + i, '\n', n - i);
	size_t e = nl ? (size_t)(nl - s) : n;

	*len = e - i;
	return nl ? e + 1 : n;
}

/* True when s[0..n) looks like JSON Lines: an object on the first line, another on the next. */
int
jsonl_lines(const char *s, size_t n)
{
	size_t i = 0, len, next;
	const char *l;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i >= n || s[i] != '{')
		return 0;
	next = line_end(s, n, i, &len);
	l = s + i;
	lines_trim(&l, &len);
	if (len < 2 || l[len - 1] != '}')
		return 0;
	while (next < n && (s[next] == ' ' || s[next] == '\t' || s[next] == '\r' || s[next] == '\n'))
		next++;
	return next < n && s[next] == '{';
}

/* Read every line of p's input as one paper object of format source. */
void
jsonl_read(struct pctx *p, const char *source)
{
	struct buf fixed = BUF_INIT;
	const char *d = p->data, *why;
	size_t n = p->len, i = 0, bad = 0, line = p->line_base, len, next, off;

	if (json_fix_utf8(p->data, p->len, &fixed, &bad)) {
		pctx_warn(p, pctx_lineno(p, bad), "invalid UTF-8 replaced with U+FFFD");
		d = fixed.buf;
		n = fixed.len;
	}
	for (; i < n; i = next, line++) {
		const char *l = d + i;
		struct json_object *o;

		next = line_end(d, n, i, &len);
		lines_trim(&l, &len);
		if (len && l[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		o = json_decode(l, len, &why, &off);
		if (o == NULL) {
			pctx_warn(p, line, "invalid JSON: %s", why);
			continue;
		}
		jsonrec_read(p, o, line, NULL, source);
		json_object_put(o);
	}
	buf_free(&fixed);
}

/* Parse a JSON Lines file. */
static void
jsonl_parse(struct pctx *p)
{
	jsonl_read(p, p->source);
}

/* JSON Lines start at their first object. */
static size_t
jsonl_sniff(const char *head, size_t len, size_t before)
{
	return before > 0 && jsonl_lines(head, len) ? lines_skip_space(head, len) : SNIFF_NONE;
}

const struct ingest_format jsonl_format = { "jsonl", jsonl_sniff, jsonl_parse, NULL };
