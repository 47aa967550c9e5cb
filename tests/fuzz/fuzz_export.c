/* fuzz_export.c: libFuzzer target for every export format.
 *
 * The input is cut into papers at "\n\n" and each paper into fields at
 * "\n": arXiv id (kept only when it is one), title, authors (separated by
 * ';'), day, summary, link.  Each field is cleaned as the parsers clean
 * text, so titles and names may hold any brace, quote, backslash, "and"
 * or '@'.  The library is exported as BibTeX, Markdown and JSON Lines.
 *
 * Oracles:
 *  - BibTeX: every entry is "@misc{KEY," with a key of key characters
 *    only, field lines "  NAME = {VALUE}," whose braces balance exactly at
 *    the closing one (the brace-balance oracle: no title or name can end
 *    its field or open another), then "}"; every entry has a title or an
 *    eprint (never an empty entry); the
 *    author field has as many top-level " and " as the paper has authors
 *    less one;
 *  - Markdown: one line per paper, "- " first, no raw '<' (so no tag);
 *  - JSON Lines: one line per paper, each a JSON object (json-c, strict).
 *
 * Build and run: tests/fuzz/run.sh (make fuzz).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "base/buf.h"
#include "export/export.h"
#include "model/lib.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_AUTHORS 16

/* The next piece of s[*pos..n) up to sep (copied, cleaned to one line into out). */
static int
next_piece(const char *s, size_t n, size_t *pos, const char *sep, struct buf *out)
{
	size_t start = *pos, sl = strlen(sep), end = start;

	if (start > n)
		return 0;
	while (end + sl <= n && memcmp(s + end, sep, sl) != 0)
		end++;
	if (end + sl > n)
		end = n;
	buf_setlen(out, 0);
	text_clean(out, s + start, end - start, TEXT_ONELINE | TEXT_SQUEEZE);
	*pos = end + sl;
	return 1;
}

/* Add one paper from the fields of s[0..n). */
static void
add_paper(struct lib *lib, const char *s, size_t n)
{
	struct buf f[6], idb = BUF_INIT, au = BUF_INIT;
	const char *authors[MAX_AUTHORS];
	struct block blk;
	struct link lnk;
	struct rec r;
	size_t pos = 0, k, apos = 0, na = 0;

	for (k = 0; k < 6; k++) {
		buf_init(&f[k]);
		if (!next_piece(s, n, &pos, "\n", &f[k]))
			buf_setlen(&f[k], 0);
	}
	buf_init(&idb);
	buf_init(&au);
	memset(&r, 0, sizeof r);
	r.file = "fuzz";
	r.votes = -1;
	r.source = "fuzz";
	if (f[0].len && link_arxiv_any_id(&idb, f[0].buf, f[0].len))
		r.id = idb.buf;
	r.title = f[1].len ? f[1].buf : NULL;
	/* authors: the pieces of field 2 at ';', kept in one buffer */
	while (na < MAX_AUTHORS && apos < f[2].len) {
		size_t e = apos;

		while (e < f[2].len && f[2].buf[e] != ';')
			e++;
		if (e > apos) {
			buf_add(&au, f[2].buf + apos, e - apos);
			buf_addch(&au, '\0');
			na++;
		}
		apos = e + 1;
	}
	for (k = 0, apos = 0; k < na; k++) {
		authors[k] = au.buf + apos;
		apos += strlen(authors[k]) + 1;
	}
	r.authors = authors;
	r.nauthors = na;
	r.day = f[3].len ? f[3].buf : NULL;
	if (f[4].len) {
		blk.kind = BLOCK_PARA;
		blk.label = NULL;
		blk.text = f[4].buf;
		r.blocks = &blk;
		r.nblocks = 1;
	}
	if (f[5].len) {
		struct buf u = BUF_INIT;
		const char *why = NULL;

		buf_init(&u);
		if (link_normalise(&u, f[5].buf, f[5].len, &why)) {
			lnk.kind = link_classify(u.buf);
			buf_setlen(&f[5], 0);
			buf_add(&f[5], u.buf, u.len);
			lnk.url = f[5].buf;
			r.links = &lnk;
			r.nlinks = 1;
		}
		buf_free(&u);
	}
	lib_add_paper(lib, &r);
	for (k = 0; k < 6; k++)
		buf_free(&f[k]);
	buf_free(&idb);
	buf_free(&au);
}

/* A key of key characters only. */
static int
key_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:./-_", s[i]))
			return 0;
	return 1;
}

/* Top-level " and " separators in a field value (between the outer braces). */
static size_t
top_ands(const char *v, size_t n)
{
	size_t i, c = 0;
	long depth = 0;

	for (i = 0; i < n; i++) {
		if (v[i] == '{')
			depth++;
		else if (v[i] == '}')
			depth--;
		else if (depth == 1 && i + 5 <= n && (v[i] == ' ' || v[i] == '\t') &&
		    (v[i + 1] | 0x20) == 'a' && (v[i + 2] | 0x20) == 'n' && (v[i + 3] | 0x20) == 'd' &&
		    (v[i + 4] == ' ' || v[i + 4] == '\t'))
			c++;
	}
	return c;
}

/* The brace-balance oracle over a whole BibTeX text of n entries. */
static void
check_bibtex(const char *s, size_t len, const struct paper *const *v, size_t n)
{
	size_t pos = 0, entry = 0;
	int in_entry = 0, has_title = 0;	/* has a title or an eprint */

	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos), *l = s + pos;
		size_t ln = nl ? (size_t)(nl - l) : len - pos;

		if (!nl)
			abort();	/* every line ends */
		if (!in_entry) {
			if (ln == 0)
				;	/* a blank line between entries */
			else if (ln > 7 && memcmp(l, "@misc{", 6) == 0 && l[ln - 1] == ',' && key_ok(l + 6, ln - 7))
				in_entry = 1, has_title = 0;
			else
				abort();
		} else if (ln == 1 && l[0] == '}') {
			if (!has_title || entry >= n)
				abort();
			entry++;
			in_entry = 0;
		} else {
			const char *eq = ln > 6 && l[0] == ' ' && l[1] == ' ' ? memchr(l, '=', ln) : NULL;
			size_t i, vstart;
			long depth = 0;

			if (eq == NULL || eq + 3 > l + ln || eq[-1] != ' ' || eq[1] != ' ' || eq[2] != '{')
				abort();
			vstart = (size_t)(eq + 2 - l);
			for (i = vstart; i < ln; i++) {
				depth += l[i] == '{' ? 1 : l[i] == '}' ? -1 : 0;
				if (depth == 0)
					break;
			}
			/* balanced, and closed exactly by the last brace before the comma */
			if (i != ln - 2 || l[ln - 1] != ',')
				abort();
			if ((eq - l == 8 && memcmp(l, "  title ", 8) == 0) ||
			    (eq - l == 9 && memcmp(l, "  eprint ", 9) == 0))
				has_title = 1;
			if (eq - l == 9 && memcmp(l, "  author ", 9) == 0 &&
			    top_ands(l + vstart, ln - 1 - vstart) + 1 != v[entry]->nauthors)
				abort();
		}
		pos += ln + 1;
	}
	if (in_entry || entry != n)
		abort();
}

/* Markdown: one "- " line per paper, no raw '<'. */
static void
check_markdown(const char *s, size_t len, size_t n)
{
	size_t lines = 0, i;

	for (i = 0; i < len; i++) {
		if (s[i] == '<')
			abort();
		if (s[i] == '\n')
			lines++;
	}
	if (lines != n)
		abort();
	for (i = 0; i < len; i++)
		if ((i == 0 || s[i - 1] == '\n') && (i + 2 > len || s[i] != '-' || s[i + 1] != ' '))
			abort();
}

/* JSON Lines: one strict JSON object per paper. */
static void
check_jsonl(const char *s, size_t len, size_t n)
{
	size_t pos = 0, lines = 0;

	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		struct json_tokener *tok = json_tokener_new();
		struct json_object *o;

		if (!nl || !tok)
			abort();
		json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
		o = json_tokener_parse_ex(tok, s + pos, (int)(nl - (s + pos)));
		if (!o || !json_object_is_type(o, json_type_object) ||
		    json_tokener_get_parse_end(tok) != (size_t)(nl - (s + pos)))
			abort();
		json_object_put(o);
		json_tokener_free(tok);
		lines++;
		pos = (size_t)(nl - s) + 1;
	}
	if (lines != n)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lib *lib = lib_new();
	const char *s = (const char *)data;
	const struct paper **v;
	struct buf piece = BUF_INIT, out = BUF_INIT;
	size_t pos = 0, start, n, i;

	buf_init(&piece);
	buf_init(&out);
	/* papers at "\n\n" (raw, before cleaning) */
	while (pos <= size) {
		start = pos;
		while (pos + 1 < size && !(s[pos] == '\n' && s[pos + 1] == '\n'))
			pos++;
		if (pos + 1 >= size)
			pos = size;
		add_paper(lib, s + start, pos - start);
		pos += 2;
	}
	lib_finish(lib);
	n = lib_npapers(lib);
	v = malloc((n ? n : 1) * sizeof *v);
	if (v == NULL)
		abort();
	for (i = 0; i < n; i++)
		v[i] = lib_paper(lib, i);
	export_papers(&out, EXPORT_BIBTEX, lib, NULL, NULL, v, n);
	check_bibtex(out.buf, out.len, v, n);
	buf_setlen(&out, 0);
	export_papers(&out, EXPORT_MARKDOWN, lib, NULL, "ko", v, n);
	check_markdown(out.buf, out.len, n);
	buf_setlen(&out, 0);
	export_papers(&out, EXPORT_JSONL, lib, NULL, NULL, v, n);
	check_jsonl(out.buf, out.len, n);
	free(v);
	buf_free(&piece);
	buf_free(&out);
	lib_free(lib);
	return 0;
}
