/* patho.c: pathological inputs through the public ingest API.
 *
 * Every case is generated in memory, wrapped in plausible digest context so
 * that the real parsers run on it, and fed through
 *   lib_new -> ingest_new -> ingest_buffer -> lib_finish -> dump_lib
 * within a bound of one second of CPU time (the case runs on one thread, so
 * its CPU time is its work; other load on the machine does not count).  The dump is then checked: one
 * JSON object per line and per paper, every string valid UTF-8 in NFC with
 * no control characters, no raw control bytes anywhere; messages are clean
 * one-liners.  Cases with known content assert more (paper counts, sentinel
 * papers around the pathological part surviving, identical dumps for BOM,
 * CRLF and NFD variants).
 *
 * Each case runs in a child process with an alarm, so one crash or hang is
 * reported as that case's failure and the others still run.
 * Prints one line per case and "patho: N passed, M failed"; exits 0 or 1.
 * Usage: patho [SUBSTRING]   (run only the cases whose name contains it);
 * PATHO_SAVE=DIR writes each case's input to DIR/NAME.md.
 * PATHO_TIME_SCALE=F multiplies the bound: the sanitizer pass of make check
 * sets 3, since ASan+UBSan code runs two to three times slower and that pass
 * is there to find memory errors; the normal build keeps the 1 s bound.
 */
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "export/dump.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "patho.h"

#define TIME_LIMIT 1.0		/* seconds per ingest+finish+dump (spec) */
#define CHILD_ALARM 120		/* seconds before a hung case is killed */
#define CHILD_FAILED 3		/* exit status of a child that printed its FAIL line */

#define ID_ALPHA "2505.00001"
#define ID_OMEGA "2505.00002"

/* ---- small helpers ----------------------------------------------------- */

static void rep(struct buf *b, const char *s, size_t count)
{
	size_t n = strlen(s);

	buf_grow(b, n * count);
	for (size_t i = 0; i < count; i++)
		buf_add(b, s, n);
}

static uint64_t rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return x;
}

/* CPU seconds this process has used (the case's own work, whatever the load). */
double patho_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User CPU seconds this process has used (its own work, without the kernel's). */
double patho_user_now(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
}

static int memmem_has(const char *h, size_t hn, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return 1;
	for (size_t i = 0; i + n <= hn; i++)
		if (h[i] == needle[0] && memcmp(h + i, needle, n) == 0)
			return 1;
	return 0;
}

/*
 * Strict UTF-8 decoding of one scalar value; -1 on anything invalid
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation).
 */
static int32_t u8_next(const unsigned char *s, size_t n, size_t *i)
{
	unsigned c = s[*i];
	size_t len;
	int32_t cp, min;

	if (c < 0x80) {
		(*i)++;
		return (int32_t)c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2; cp = c & 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; cp = c & 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; cp = c & 0x07; min = 0x10000;
	} else {
		return -1;
	}
	if (*i + len > n)
		return -1;
	for (size_t k = 1; k < len; k++) {
		unsigned cc = s[*i + k];
		if ((cc & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (int32_t)(cc & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*i += len;
	return cp;
}

/* A code point that must never reach the library or the terminal. */
static int cp_forbidden(int32_t cp, int allow_nl_tab)
{
	if (cp == '\n' || cp == '\t')
		return !allow_nl_tab;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 1;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 1;
	return 0;
}

/* 0 when s is clean; else a description in why. */
static int check_clean(const char *s, size_t n, int allow_nl_tab, char *why, size_t wn)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		size_t at = i;
		int32_t cp = u8_next(u, n, &i);
		if (cp < 0) {
			snprintf(why, wn, "invalid UTF-8 byte 0x%02x at offset %zu", u[at], at);
			return -1;
		}
		if (cp_forbidden(cp, allow_nl_tab)) {
			snprintf(why, wn, "control character U+%04X at offset %zu", (unsigned)cp, at);
			return -1;
		}
	}
	return 0;
}

static int check_nfc(const char *s, char *why, size_t wn)
{
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
	int bad;

	if (!nfc) {
		snprintf(why, wn, "utf8proc could not normalise a string");
		return -1;
	}
	bad = strcmp((const char *)nfc, s) != 0;
	free(nfc);
	if (bad) {
		snprintf(why, wn, "string not in NFC: \"%.60s\"", s);
		return -1;
	}
	return 0;
}

static int check_json_value(struct json_object *v, char *why, size_t wn)
{
	size_t i;

	switch (json_object_get_type(v)) {
	case json_type_string: {
		const char *s = json_object_get_string(v);
		size_t n = (size_t)json_object_get_string_len(v);

		if (check_clean(s, n, 1, why, wn) < 0)
			return -1;
		if (strlen(s) != n) {
			snprintf(why, wn, "string with an embedded NUL");
			return -1;
		}
		return check_nfc(s, why, wn);
	}
	case json_type_object: {
		json_object_object_foreach(v, key, sub) {
			if (check_clean(key, strlen(key), 0, why, wn) < 0)
				return -1;
			if (check_json_value(sub, why, wn) < 0)
				return -1;
		}
		return 0;
	}
	case json_type_array:
		for (i = 0; i < json_object_array_length(v); i++)
			if (check_json_value(json_object_array_get_idx(v, i), why, wn) < 0)
				return -1;
		return 0;
	default:
		return 0;
	}
}

/* Decode one dump line strictly (valid UTF-8, nothing after the value); NULL on error. */
static struct json_object *decode_line(const char *s, size_t n, const char **err)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *v;
	enum json_tokener_error e;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	v = json_tokener_parse_ex(tok, s, (int)n);
	e = json_tokener_get_error(tok);
	if (v && e == json_tokener_success && json_tokener_get_parse_end(tok) != n) {
		json_object_put(v);
		v = NULL;
		*err = "text after the value";
	} else if (!v || e != json_tokener_success) {
		json_object_put(v);
		v = NULL;
		*err = e == json_tokener_continue ? "line ends inside a value" : json_tokener_error_desc(e);
	}
	json_tokener_free(tok);
	return v;
}

/* Check the dump: lines, raw bytes, JSON, strings.  Returns line count or -1. */
static long check_dump(const char *d, size_t n, char *why, size_t wn)
{
	long lines = 0;
	size_t pos = 0;
	char sub[200];

	if (check_clean(d, n, 1, sub, sizeof sub) < 0) {
		snprintf(why, wn, "dump: %s", sub);
		return -1;
	}
	while (pos < n) {
		const char *nl = memchr(d + pos, '\n', n - pos);
		size_t len;
		struct json_object *j;
		const char *err = NULL;

		if (!nl) {
			snprintf(why, wn, "dump: last line not terminated");
			return -1;
		}
		len = (size_t)(nl - (d + pos));
		lines++;
		if (memchr(d + pos, '\t', len)) {
			snprintf(why, wn, "dump line %ld: raw tab", lines);
			return -1;
		}
		j = decode_line(d + pos, len, &err);
		if (!j) {
			snprintf(why, wn, "dump line %ld: not JSON: %s", lines, err);
			return -1;
		}
		if (!json_object_is_type(j, json_type_object)) {
			json_object_put(j);
			snprintf(why, wn, "dump line %ld: not a JSON object", lines);
			return -1;
		}
		if (check_json_value(j, sub, sizeof sub) < 0) {
			json_object_put(j);
			snprintf(why, wn, "dump line %ld: %s", lines, sub);
			return -1;
		}
		json_object_put(j);
		pos += len + 1;
	}
	return lines;
}

/* ---- running one input ------------------------------------------------- */

struct result {
	double secs;
	size_t npapers, ndays, nmsgs;
	char *dump;		/* malloc'd dump text */
	size_t dumplen;
	char why[512];		/* empty when every generic check passed */
};

static void result_free(struct result *r)
{
	free(r->dump);
	r->dump = NULL;
}

/* Lines, counting LF, CR LF and a lone CR as line ends. */
static size_t count_lines(const char *d, size_t n)
{
	size_t c = 1;

	for (size_t i = 0; i < n; i++)
		if (d[i] == '\n' || (d[i] == '\r' && (i + 1 == n || d[i + 1] != '\n')))
			c++;
	return c;
}

/* The bound per case: TIME_LIMIT times $PATHO_TIME_SCALE (1 to 10, default 1). */
double patho_limit(void)
{
	const char *e = getenv("PATHO_TIME_SCALE");
	double f = e && *e ? strtod(e, NULL) : 1.0;

	return TIME_LIMIT * (f >= 1.0 && f <= 10.0 ? f : 1.0);
}

static int run_input(const char *data, size_t len, struct result *res)
{
	FILE *devnull, *mem;
	struct lib *lib;
	struct ingest *ing;
	double t0;
	char *md = NULL;
	size_t mdlen = 0;
	long dl;
	size_t maxline;

	memset(res, 0, sizeof *res);
	devnull = fopen("/dev/null", "w");
	if (!devnull) {
		snprintf(res->why, sizeof res->why, "/dev/null: %s", strerror(errno));
		return -1;
	}

	t0 = patho_now();
	lib = lib_new();
	ing = ingest_new(lib);
	(void)ingest_buffer(ing, "case.md", data, len);
	lib_finish(lib);
	dump_lib(devnull, lib, NULL);
	fflush(devnull);
	res->secs = patho_now() - t0;
	fclose(devnull);

	res->npapers = lib_npapers(lib);
	res->ndays = lib_ndays(lib);
	res->nmsgs = ingest_nmsgs(ing);

	mem = open_memstream(&md, &mdlen);
	if (!mem) {
		snprintf(res->why, sizeof res->why, "open_memstream: %s", strerror(errno));
		ingest_free(ing);
		lib_free(lib);
		return -1;
	}
	if (dump_lib(mem, lib, NULL) != 0)
		snprintf(res->why, sizeof res->why, "dump_lib to memory returned an error");
	fclose(mem);
	res->dump = md;
	res->dumplen = mdlen;

	if (res->secs >= patho_limit())
		snprintf(res->why, sizeof res->why, "took %.3f s (limit %.1f s)",
		    res->secs, patho_limit());

	if (!res->why[0]) {
		dl = check_dump(md, mdlen, res->why, sizeof res->why);
		if (dl >= 0 && (size_t)dl != res->npapers)
			snprintf(res->why, sizeof res->why,
			    "dump has %ld lines but lib_npapers is %zu", dl, res->npapers);
	}

	/* Messages: clean one-liners that point inside the input. */
	maxline = count_lines(data, len);
	for (size_t i = 0; i < res->nmsgs && !res->why[0]; i++) {
		const struct diag *m = ingest_msg(ing, i);
		char sub[200];
		if (!m || !m->text) {
			snprintf(res->why, sizeof res->why, "message %zu has no text", i);
			break;
		}
		if (check_clean(m->text, strlen(m->text), 0, sub, sizeof sub) < 0)
			snprintf(res->why, sizeof res->why, "message %zu (\"%.40s\"): %s", i, m->text, sub);
		else if (m->line > maxline)
			snprintf(res->why, sizeof res->why, "message %zu at line %zu, input has %zu lines",
			    i, m->line, maxline);
	}
	if (!res->why[0]) {
		const struct ingest_file *f;
		if (ingest_nfiles(ing) != 1 || !(f = ingest_file(ing, 0)))
			snprintf(res->why, sizeof res->why, "ingest_nfiles is %zu, expected 1",
			    ingest_nfiles(ing));
		else if (f->bytes != len)
			snprintf(res->why, sizeof res->why, "file bytes %zu, expected %zu",
			    f->bytes, len);
		else if (!f->failed && f->npapers < res->npapers)
			snprintf(res->why, sizeof res->why, "file says %zu papers read, library has %zu",
			    f->npapers, res->npapers);
	}

	ingest_free(ing);
	lib_free(lib);
	return res->why[0] ? -1 : 0;
}

/* ---- digest context ---------------------------------------------------- */

static void table_head(struct buf *b)
{
	buf_puts(b, "## Papers for 2025-05-06\n\n"
	    "| Title | Authors | Summary |\n|-------|---------|---------|\n");
}

static void table_row(struct buf *b, const char *title, const char *id, const char *summary)
{
	buf_printf(b, "| [%s](https://arxiv.org/abs/%s) | Ann Author, Bob Author | %s |\n",
	    title, id, summary);
}

static void ko_entry(struct buf *b, const char *title, const char *id, const char *summary)
{
	buf_printf(b, "### [%s](https://arxiv.org/abs/%s)\n\n"
	    "![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/%s.png)\n\n"
	    "Vote: 12\n\nAuthors: Ann Author, Bob Author\n\n"
	    "- ***What's New***: %s\n"
	    "- ***Technical Details***: 이 연구는 새로운 방법을 제안합니다.\n\n",
	    title, id, id, summary);
}

static void json_entry(struct buf *b, const char *title, const char *id, const char *summary)
{
	buf_printf(b, "{\"title\": \"%s\", \"authors\": \"Ann Author, Bob Author\", "
	    "\"link\": \"https://arxiv.org/abs/%s\", \"github_repo\": null, "
	    "\"summary\": \"%s\", \"classification\": [\"Multimodal\"], "
	    "\"github_urls\": [], \"huggingface_urls\": []}", title, id, summary);
}

/* Opening context and the first sentinel paper. */
static void ctx_open(struct buf *b, enum ctx c)
{
	switch (c) {
	case CTX_NONE:
		break;
	case CTX_TABLE:
		table_head(b);
		table_row(b, "Sentinel Alpha", ID_ALPHA, "First sentinel summary.");
		break;
	case CTX_KO:
		buf_puts(b, "## Daily Papers (2025-05-06)\n\n");
		ko_entry(b, "Sentinel Alpha", ID_ALPHA, "첫 번째 요약입니다.");
		break;
	case CTX_JSON:
		buf_puts(b, "[\n");
		json_entry(b, "Sentinel Alpha", ID_ALPHA, "First sentinel summary.");
		buf_puts(b, ",\n");
		break;
	case CTX_ABSTRACT:
		buf_puts(b, "Abstract:First sentinel abstract about language models.\n");
		break;
	case CTX_HF:
		buf_puts(b, "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
		    "byAK and the research community\n\nMay 9\n\n"
		    "Sentinel Alpha\n\nFirst sentinel abstract about language models.\n\n");
		break;
	case CTX_ATOM:
		buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>cs.AI updates</title>\n"
		    "<entry><id>oai:arXiv.org:" ID_ALPHA "v1</id><title>Sentinel Alpha</title>"
		    "<summary>First sentinel summary.</summary>"
		    "<author><name>Ann Author</name></author>"
		    "<link href=\"https://arxiv.org/abs/" ID_ALPHA "\"/></entry>\n");
		break;
	}
}

/* The last sentinel paper and closing context. */
static void ctx_close(struct buf *b, enum ctx c)
{
	switch (c) {
	case CTX_NONE:
		break;
	case CTX_TABLE:
		table_row(b, "Sentinel Omega", ID_OMEGA, "Last sentinel summary.");
		break;
	case CTX_KO:
		buf_puts(b, "\n\n");
		ko_entry(b, "Sentinel Omega", ID_OMEGA, "마지막 요약입니다.");
		break;
	case CTX_JSON:
		json_entry(b, "Sentinel Omega", ID_OMEGA, "Last sentinel summary.");
		buf_puts(b, "\n]\n");
		break;
	case CTX_ABSTRACT:
		buf_puts(b, "\nAbstract:Last sentinel abstract about vision models.\n");
		break;
	case CTX_HF:
		buf_puts(b, "\n\nSentinel Omega\n\nLast sentinel abstract about vision models.\n");
		break;
	case CTX_ATOM:
		buf_puts(b, "<entry><id>oai:arXiv.org:" ID_OMEGA "v1</id><title>Sentinel Omega</title>"
		    "<summary>Last sentinel summary.</summary>"
		    "<link href=\"https://arxiv.org/abs/" ID_OMEGA "\"/></entry>\n</feed>\n");
		break;
	}
}

/* ---- case builders ----------------------------------------------------- */

static void b_brackets_table(struct buf *b)
{
	buf_puts(b, "| ");
	rep(b, "[", 30000);
	buf_puts(b, " | Ann Author | Brackets in the title. |\n| Paren Row | ");
	rep(b, "{", 30000);
	buf_puts(b, " | ");
	rep(b, "(", 30000);
	buf_puts(b, " |\n| Mixed Row | Ann Author | ");
	rep(b, "[(", 15000);
	rep(b, "](", 15000);
	buf_puts(b, " |\n");
}

static void b_brackets_ko(struct buf *b)
{
	buf_puts(b, "### ");
	rep(b, "[", 30000);
	buf_puts(b, "\n\n- 괄호가 많은 제목입니다.\n\n### [");
	rep(b, "[", 30000);
	buf_puts(b, "](https://arxiv.org/abs/2505.00003)\n\n- ");
	rep(b, "(", 30000);
	buf_puts(b, "\n\n");
}

static void b_brackets_json_string(struct buf *b)
{
	buf_puts(b, "{\"title\": \"");
	rep(b, "[", 30000);
	buf_puts(b, "\", \"summary\": \"");
	rep(b, "{(", 15000);
	buf_puts(b, "\", \"link\": \"https://arxiv.org/abs/2505.00003\"},\n");
}

static void b_nested_json(struct buf *b)
{
	buf_puts(b, "[{\"title\": \"Deep\", \"link\": \"https://arxiv.org/abs/2505.00003\", \"x\": ");
	rep(b, "[", 30000);
	rep(b, "]", 30000);
	buf_puts(b, ", \"y\": ");
	rep(b, "{\"a\":", 30000);
	buf_puts(b, "1");
	rep(b, "}", 30000);
	buf_puts(b, "}]\n");
}

static void b_unbalanced_json(struct buf *b)
{
	rep(b, "[{\"a\":", 30000);
}

static void b_nested_atom(struct buf *b)
{
	buf_puts(b, "<entry><title>Deep</title><summary>");
	rep(b, "<x>", 30000);
	rep(b, "</x>", 30000);
	buf_puts(b, "</summary></entry>\n");
}

static void b_cols_10000(struct buf *b)
{
	buf_puts(b, "## Papers for 2025-05-06\n\n| Title | Authors | Summary |");
	for (int i = 3; i < 10000; i++)
		buf_printf(b, " Extra %d |", i);
	buf_puts(b, "\n|");
	rep(b, "---|", 10000);
	buf_puts(b, "\n");
	for (int r = 0; r < 3; r++) {
		buf_printf(b, "| [Wide Row %d](https://arxiv.org/abs/2505.1000%d) | Ann Author | "
		    "A summary of row %d. |", r, r, r);
		for (int i = 3; i < 10000; i++)
			buf_printf(b, " c%d |", i);
		buf_puts(b, "\n");
	}
}

static void b_rows_100000(struct buf *b)
{
	table_head(b);
	for (int i = 0; i < 100000; i++)
		buf_printf(b, "| [Row Paper Number %d](https://arxiv.org/abs/2505.%05d) | "
		    "Ann Author | Summary of paper %d. |\n", i, i, i);
}

static void b_line_10mb_cell(struct buf *b)
{
	buf_puts(b, "| [Huge Cell](https://arxiv.org/abs/2505.00003) | Ann Author | ");
	rep(b, "lorem ipsum ", 10 * 1024 * 1024 / 12);
	buf_puts(b, " |\n");
}

static void b_line_10mb_plain(struct buf *b)
{
	rep(b, "x", 10 * 1024 * 1024);
}

static void b_line_10mb_abstract(struct buf *b)
{
	buf_puts(b, "Abstract:");
	rep(b, "We study models. ", 10 * 1024 * 1024 / 17);
	buf_puts(b, "\n");
}

static void b_line_10mb_json(struct buf *b)
{
	buf_puts(b, "{\"title\": \"Huge String\", \"link\": \"https://arxiv.org/abs/2505.00003\", "
	    "\"summary\": \"");
	rep(b, "lorem ipsum ", 10 * 1024 * 1024 / 12);
	buf_puts(b, "\"},\n");
}

static void b_million_pipes_row(struct buf *b)
{
	buf_puts(b, "| [Pipe Row](https://arxiv.org/abs/2505.00003) | Ann Author | ");
	rep(b, "|", 1000000);
	buf_puts(b, "\n");
}

static void b_million_pipes_sep(struct buf *b)
{
	buf_puts(b, "## Papers for 2025-05-06\n\n");
	rep(b, "|", 1000000);
	buf_puts(b, "\n|");
	rep(b, "-|", 500000);
	buf_puts(b, "\n");
	rep(b, "|", 1000000);
	buf_puts(b, "\n");
}

static void b_unclosed_links_table(struct buf *b)
{
	buf_puts(b, "| ");
	rep(b, "[a](", 30000);
	buf_puts(b, " | Ann Author | Unclosed links in the title. |\n"
	    "| [Unclosed Summary](https://arxiv.org/abs/2505.00003) | Ann Author | ");
	rep(b, "[a](", 30000);
	buf_puts(b, " |\n| [Links Cell](https://arxiv.org/abs/2505.00004) | Ann | S. | ");
	rep(b, "[Link](", 30000);
	buf_puts(b, " |\n");
}

static void b_unclosed_links_ko(struct buf *b)
{
	buf_puts(b, "### ");
	rep(b, "[a](", 30000);
	buf_puts(b, "\n\n- ");
	rep(b, "[a](", 30000);
	buf_puts(b, "\n\n![](");
	rep(b, "[a](", 30000);
	buf_puts(b, "\n\n");
}

static void b_unclosed_links_abstract(struct buf *b)
{
	buf_puts(b, "Abstract:");
	rep(b, "[a](", 30000);
	buf_puts(b, "\n");
}

static void b_nul_table(struct buf *b)
{
	static const char row[] =
	    "| [Nul\0Title Zeta](https://arxiv.org/abs/2505.00003) | Ann\0 Author | "
	    "Text before\0 and text after the nul. |\n";
	buf_add(b, row, sizeof row - 1);
}

static void b_nul_ko(struct buf *b)
{
	static const char entry[] =
	    "### [Nul\0Title Zeta](https://arxiv.org/abs/2505.00003)\n\n"
	    "Authors: Ann\0 Author\n\n- ***What's New***: 앞\0 and text after the nul.\n\n";
	buf_add(b, entry, sizeof entry - 1);
}

static const char bad_utf8[] =
    "overlong \xc0\xaf and \xe0\x80\xaf and \xf0\x80\x80\xaf, surrogates \xed\xa0\x80"
    "\xed\xbf\xbf, too big \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80, stray \x80\xbf, lone \xc3 x";

static void b_bad_utf8_table(struct buf *b)
{
	buf_printf(b, "| [Bad %s](https://arxiv.org/abs/2505.00003) | %s | %s |\n",
	    bad_utf8, bad_utf8, bad_utf8);
}

static void b_bad_utf8_ko(struct buf *b)
{
	buf_printf(b, "### [Bad %s](https://arxiv.org/abs/2505.00003)\n\nAuthors: %s\n\n- %s\n\n",
	    bad_utf8, bad_utf8, bad_utf8);
}

static void b_bad_utf8_json(struct buf *b)
{
	buf_printf(b, "{\"title\": \"Bad %s\", \"summary\": \"%s\"},\n", bad_utf8, bad_utf8);
}

static const char controls[] =
    "csi \xc2\x9b" "31m osc \xc2\x9d" "0;pwned\x07 raw \x9b" "2J esc \x1b[2J\x1b]0;t\x07"
    " bs \b ff \f vt \v del \x7f rlo \xe2\x80\xae lri \xe2\x81\xa6 end";

static void b_controls_table(struct buf *b)
{
	buf_printf(b, "| [Ctl %s](https://arxiv.org/abs/2505.00003) | %s | %s |"
	    " [Link](https://github.com/\x1b[31mevil) |\n", controls, controls, controls);
	buf_printf(b, "| Ctl link row | Ann | S | [x](http://exa\x1b]0;t\x07mple.com/%s) |\n",
	    controls);
}

static void b_controls_ko(struct buf *b)
{
	buf_printf(b, "### [Ctl %s](https://arxiv.org/abs/2505.00003)\n\n![](%s)\n\n"
	    "Vote: %s\n\nAuthors: %s\n\n- ***%s***: %s\n\n", controls, controls, controls,
	    controls, controls, controls);
}

static void b_controls_json(struct buf *b)
{
	buf_puts(b, "{\"title\": \"Ctl \\u001b[31m \\u009b \\u202e \\u0000 x\", "
	    "\"link\": \"https://arxiv.org/abs/2505.00003\\u001b\", "
	    "\"summary\": \"a\\u0007b\\u0085c\", \"authors\": \"\\u001b]0;t\\u0007\"},\n");
}

static void b_controls_atom(struct buf *b)
{
	buf_puts(b, "<entry><id>oai:arXiv.org:2505.00003v1</id><title>Ctl &#x9b; &#27; "
	    "&#x202e; &#0; &#x1b;[2J x</title><summary>a&#7;b &#xd800; &#x110000;</summary>"
	    "<link href=\"https://arxiv.org/abs/2505.00003\"/></entry>\n");
}

static void b_truncated_table(struct buf *b)
{
	table_head(b);
	table_row(b, "Sentinel Alpha", ID_ALPHA, "First sentinel summary.");
	buf_puts(b, "| [Truncated](https://arxiv.org/abs/2505.00003) | Ann | 요약 \xed\x95");
}

static void b_truncated_ko(struct buf *b)
{
	buf_puts(b, "## Daily Papers (2025-05-06)\n\n");
	ko_entry(b, "Sentinel Alpha", ID_ALPHA, "요약");
	buf_puts(b, "### [Truncated \xed\x95");
}

static void b_truncated_json(struct buf *b)
{
	buf_puts(b, "[{\"title\": \"Truncated \xed\x95");
}

static void b_truncated_atom(struct buf *b)
{
	buf_puts(b, "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
	    "<entry><id>oai:arXiv.org:" ID_ALPHA "v1</id><title>Sentinel Alpha</title>"
	    "<summary>First.</summary></entry><entry><title>Truncated \xed\x95");
}

static void random_bytes(struct buf *b, size_t n, uint64_t seed)
{
	buf_grow(b, n);
	for (size_t i = 0; i < n; i += 8) {
		uint64_t x = rng_next(&seed);
		size_t k = n - i < 8 ? n - i : 8;
		buf_add(b, &x, k);
	}
}

static void b_random_1mb(struct buf *b)
{
	random_bytes(b, 1024 * 1024, 0x9e3779b97f4a7c15ULL);
}

static void b_random_256k(struct buf *b)
{
	random_bytes(b, 256 * 1024, 0x2545f4914f6cdd1dULL);
}

/* Random markdown-ish tokens: a structured fuzz of every construct. */
static void b_random_tokens(struct buf *b)
{
	static const char *tok[] = {
		"|", "| ", " |", "\n", "\n\n", "[", "]", "(", ")", "](", "[a](", "https://",
		"arxiv.org/abs/2505.01234", "*", "**", "***", "_", "`", "<", ">", "&", "&#",
		"&#x", "&amp;", ";", "- ", "### ", "## ", "Vote: ", "Authors: ", "Abstract:",
		"***What's New***: ", "|---|", "\r\n", "\r", "\xc2\x9b", "\xed\xa0\x80", "\xea\xb0",
		"\xea\xb0\x80", "\"", "\\", "{", "}", "$", "  ", "\t", "\x00", "hf.co/", "N/A",
		"Read more on [arXiv](", "<sup>", "</sup>", "<!--", "-->", "word ", "한국어 ",
	};
	uint64_t s = 0x1234567890abcdefULL;

	for (int i = 0; i < 200000; i++) {
		const char *t = tok[rng_next(&s) % (sizeof tok / sizeof tok[0])];
		if (t[0] == '\0')
			buf_addch(b, 0);
		else
			buf_puts(b, t);
	}
	buf_puts(b, "\n");
}

static void b_emphasis_table(struct buf *b)
{
	buf_puts(b, "| [");
	rep(b, "***", 10000);
	buf_puts(b, "deep");
	rep(b, "***", 10000);
	buf_puts(b, "](https://arxiv.org/abs/2505.00003) | Ann | ");
	rep(b, "***", 10000);
	buf_puts(b, " ");
	rep(b, "_", 30000);
	buf_puts(b, " ");
	rep(b, "`", 30000);
	buf_puts(b, " |\n| Unclosed Bold | Ann | ");
	rep(b, "**a ", 30000);
	rep(b, "~~", 15000);
	rep(b, "`a ", 30000);
	rep(b, "$", 30000);
	buf_puts(b, " |\n");
}

static void b_emphasis_ko(struct buf *b)
{
	buf_puts(b, "### [");
	rep(b, "***", 10000);
	buf_puts(b, "](https://arxiv.org/abs/2505.00003)\n\n- ");
	rep(b, "***", 10000);
	buf_puts(b, ": x\n- ***");
	rep(b, "*a", 30000);
	buf_puts(b, "\n\n");
}

static void b_bullets_table(struct buf *b)
{
	buf_puts(b, "| [Many Bullets](https://arxiv.org/abs/2505.00003) | Ann | ");
	rep(b, "- b ", 100000);
	buf_puts(b, "|\n| [Empty Bullets](https://arxiv.org/abs/2505.00004) | Ann | ");
	rep(b, "- ", 100000);
	buf_puts(b, "|\n");
}

static void b_bullets_ko(struct buf *b)
{
	buf_puts(b, "### [Many Bullets](https://arxiv.org/abs/2505.00003)\n\n");
	rep(b, "- b\n", 100000);
	rep(b, "- ***L***: \n", 20000);
	buf_puts(b, "\n");
}

static void b_bullets_json(struct buf *b)
{
	buf_puts(b, "{\"title\": \"Many Bullets\", \"link\": \"https://arxiv.org/abs/2505.00003\", "
	    "\"summary\": \"");
	rep(b, "- b\\n", 100000);
	buf_puts(b, "\"},\n");
}

static void b_entities_table(struct buf *b)
{
	static const char *starts[] = { "<", "&", "&#", "&#x", "<a ", "<!--", "&amp", "&#9999999999",
		"</", "<![CDATA[", "<<>", "&lt" };

	for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
		buf_printf(b, "| [Entity Row %zu](https://arxiv.org/abs/2505.100%02zu) | Ann | ", k, k);
		rep(b, starts[k], 30000);
		buf_puts(b, " |\n");
	}
	buf_puts(b, "| ");
	rep(b, "<", 30000);
	buf_puts(b, " | ");
	rep(b, "&#", 30000);
	buf_puts(b, " | x |\n");
}

static void b_entities_ko(struct buf *b)
{
	buf_puts(b, "### [");
	rep(b, "<", 30000);
	buf_puts(b, "](https://arxiv.org/abs/2505.00003)\n\n- ");
	rep(b, "&#", 30000);
	buf_puts(b, "\n- ");
	rep(b, "&", 30000);
	buf_puts(b, "\n\n");
}

static void b_entities_atom(struct buf *b)
{
	buf_puts(b, "<entry><id>oai:arXiv.org:2505.00003v1</id><title>Entities</title><summary>");
	rep(b, "&lt;", 30000);
	rep(b, "&amp;#", 30000);
	rep(b, "&amp;", 30000);
	buf_puts(b, "</summary></entry>\n");
}

static void b_many_days(struct buf *b)
{
	for (int i = 0; i < 50000; i++) {
		int y = 1901 + i / 336, m = (i % 336) / 28 + 1, d = i % 28 + 1;
		buf_printf(b, "## Papers for %04d-%02d-%02d\n\n| Title | Authors | Summary |\n"
		    "|---|---|---|\n| [Day Paper %d](https://arxiv.org/abs/2505.%05d) | A | S. |\n\n",
		    y, m, d, i, i);
	}
}

static void b_duplicates(struct buf *b)
{
	table_head(b);
	for (int i = 0; i < 100000; i++)
		buf_puts(b, "| [Same Paper](https://arxiv.org/abs/2505.04242) | Ann | Same summary. |\n");
}

static void b_ko_30000(struct buf *b)
{
	buf_puts(b, "## Daily Papers (2025-05-06)\n\n");
	for (int i = 0; i < 30000; i++)
		buf_printf(b, "### [한국어 논문 %d](https://arxiv.org/abs/2505.%05d)\n\n- 요약 %d\n\n",
		    i, i, i);
}

static void b_headings_only(struct buf *b)
{
	rep(b, "### \n", 50000);
	rep(b, "## Daily Papers (\n", 50000);
	rep(b, "## Papers for \n", 50000);
	rep(b, "Abstract:\n", 50000);
}

static void b_authors_100k(struct buf *b)
{
	buf_puts(b, "| [Many Authors](https://arxiv.org/abs/2505.00003) | ");
	rep(b, "Ann Author, ", 100000);
	buf_puts(b, " | S. |\n| [Many Commas](https://arxiv.org/abs/2505.00004) | ");
	rep(b, ",", 100000);
	buf_puts(b, " | S. |\n");
}

static void b_lone_cr(struct buf *b)
{
	buf_puts(b, "## Papers for 2025-05-06\r\r| Title | Authors | Summary |\r|---|---|---|\r");
	for (int i = 0; i < 1000; i++)
		buf_printf(b, "| [CR Paper %d](https://arxiv.org/abs/2505.%05d) | A | S. |\r", i, i);
	rep(b, "\r", 100000);
}

static void b_atom_xxe(struct buf *b)
{
	buf_puts(b, "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
	    "<!ENTITY % pe SYSTEM \"file:///etc/passwd\"> %pe;]>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>oai:arXiv.org:2505.00003v1</id>"
	    "<title>XXE &xxe; title</title><summary>&xxe;</summary>"
	    "<link href=\"https://arxiv.org/abs/2505.00003\"/></entry></feed>\n");
}

static void b_atom_laughs(struct buf *b)
{
	buf_puts(b, "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY l0 \"lol\">");
	for (int i = 1; i < 10; i++) {
		buf_printf(b, "<!ENTITY l%d \"", i);
		for (int k = 0; k < 10; k++)
			buf_printf(b, "&l%d;", i - 1);
		buf_puts(b, "\">");
	}
	buf_puts(b, "]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
	    "<id>oai:arXiv.org:2505.00003v1</id><title>Laughs &l9;</title><summary>&l9;</summary>"
	    "</entry></feed>\n");
}

/* A "### [" title ending in ")" plus blanks and no "](": trimmed length bugs. */
static void b_ko_heading_paren(struct buf *b)
{
	buf_puts(b, "### [Abs (x) \n\n- y\n\n### [a](b) \t\n\n- z\n\n#hashtag in an entry\n\n- w\n\n");
}

static const struct pcase cases[] = {
	{ "brackets-table", CTX_TABLE, b_brackets_table, 2, -1, 4, NULL, NULL, NULL },
	{ "brackets-ko", CTX_KO, b_brackets_ko, 2, -1, 2, NULL, NULL, NULL },
	{ "brackets-json-string", CTX_JSON, b_brackets_json_string, 2, -1, 3, NULL, NULL, NULL },
	{ "nested-json-30000", CTX_NONE, b_nested_json, 0, -1, 0, NULL, NULL, NULL },
	{ "unbalanced-json-30000", CTX_NONE, b_unbalanced_json, 0, -1, 0, NULL, NULL, NULL },
	{ "nested-atom-30000", CTX_ATOM, b_nested_atom, 0, -1, 0, NULL, NULL, NULL },
	{ "columns-10000", CTX_NONE, b_cols_10000, 0, 3, 3, "Wide Row 2", NULL, NULL },
	{ "rows-100000", CTX_NONE, b_rows_100000, 0, 100000, 100000, "Row Paper Number 99999", NULL, NULL },
	{ "line-10mb-table-cell", CTX_TABLE, b_line_10mb_cell, 2, 3, 3, NULL, NULL, NULL },
	{ "line-10mb-plain", CTX_NONE, b_line_10mb_plain, 0, -1, 0, NULL, NULL, NULL },
	{ "line-10mb-abstract", CTX_NONE, b_line_10mb_abstract, 0, 1, 1, NULL, NULL, NULL },
	{ "line-10mb-json", CTX_JSON, b_line_10mb_json, 2, 3, 3, NULL, NULL, NULL },
	{ "million-pipes-row", CTX_TABLE, b_million_pipes_row, 2, -1, 2, NULL, NULL, NULL },
	{ "million-pipes-separator", CTX_NONE, b_million_pipes_sep, 0, -1, 0, NULL, NULL, NULL },
	{ "unclosed-links-table", CTX_TABLE, b_unclosed_links_table, 2, -1, 4, NULL, NULL, NULL },
	{ "unclosed-links-ko", CTX_KO, b_unclosed_links_ko, 2, -1, 2, NULL, NULL, NULL },
	{ "unclosed-links-abstract", CTX_ABSTRACT, b_unclosed_links_abstract, 0, -1, 2, NULL, NULL, NULL },
	{ "nul-in-cells-table", CTX_TABLE, b_nul_table, 2, 3, 3, "NulTitle Zeta", "text after the nul", NULL },
	{ "nul-in-ko", CTX_KO, b_nul_ko, 2, 3, 3, "NulTitle Zeta", "text after the nul", NULL },
	{ "bad-utf8-table", CTX_TABLE, b_bad_utf8_table, 2, 3, 3, "\xef\xbf\xbd", NULL, NULL },
	{ "bad-utf8-ko", CTX_KO, b_bad_utf8_ko, 2, 3, 3, "\xef\xbf\xbd", NULL, NULL },
	{ "bad-utf8-json", CTX_JSON, b_bad_utf8_json, 0, -1, 0, NULL, NULL, NULL },
	{ "c1-controls-table", CTX_TABLE, b_controls_table, 2, -1, 3, NULL, NULL, NULL },
	{ "c1-controls-ko", CTX_KO, b_controls_ko, 2, 3, 3, NULL, NULL, NULL },
	{ "c1-controls-json", CTX_JSON, b_controls_json, 2, -1, 2, NULL, NULL, NULL },
	{ "c1-controls-atom", CTX_ATOM, b_controls_atom, 0, -1, 0, NULL, NULL, NULL },
	{ "truncated-utf8-table", CTX_NONE, b_truncated_table, 1, 2, 1, NULL, NULL, NULL },
	{ "truncated-utf8-ko", CTX_NONE, b_truncated_ko, 1, -1, 1, NULL, NULL, NULL },
	{ "truncated-utf8-json", CTX_NONE, b_truncated_json, 0, -1, 0, NULL, NULL, NULL },
	{ "truncated-utf8-atom", CTX_NONE, b_truncated_atom, 0, -1, 0, NULL, NULL, NULL },
	{ "random-1mb", CTX_NONE, b_random_1mb, 0, -1, 0, NULL, NULL, NULL },
	{ "random-after-table", CTX_TABLE, b_random_256k, 1, -1, 1, NULL, NULL, NULL },
	{ "random-after-ko", CTX_KO, b_random_256k, 1, -1, 1, NULL, NULL, NULL },
	{ "random-after-json", CTX_JSON, b_random_256k, 0, -1, 0, NULL, NULL, NULL },
	{ "random-after-abstract", CTX_ABSTRACT, b_random_256k, 0, -1, 0, NULL, NULL, NULL },
	{ "random-after-hfpage", CTX_HF, b_random_256k, 0, -1, 0, NULL, NULL, NULL },
	{ "random-after-atom", CTX_ATOM, b_random_256k, 0, -1, 0, NULL, NULL, NULL },
	{ "random-tokens-table", CTX_TABLE, b_random_tokens, 1, -1, 1, NULL, NULL, NULL },
	{ "random-tokens-ko", CTX_KO, b_random_tokens, 1, -1, 1, NULL, NULL, NULL },
	{ "deep-emphasis-table", CTX_TABLE, b_emphasis_table, 2, -1, 3, NULL, NULL, NULL },
	{ "deep-emphasis-ko", CTX_KO, b_emphasis_ko, 2, 3, 3, NULL, NULL, NULL },
	{ "bullets-100000-table", CTX_TABLE, b_bullets_table, 2, 4, 4, NULL, NULL, NULL },
	{ "bullets-100000-ko", CTX_KO, b_bullets_ko, 2, 3, 3, NULL, NULL, NULL },
	{ "bullets-100000-json", CTX_JSON, b_bullets_json, 2, 3, 3, NULL, NULL, NULL },
	{ "entities-table", CTX_TABLE, b_entities_table, 2, -1, 14, NULL, NULL, NULL },
	{ "entities-ko", CTX_KO, b_entities_ko, 2, 3, 3, NULL, NULL, NULL },
	{ "entities-atom", CTX_ATOM, b_entities_atom, 0, -1, 0, NULL, NULL, NULL },
	{ "days-50000", CTX_NONE, b_many_days, 0, 50000, 50000, "Day Paper 49999", NULL, NULL },
	{ "duplicate-rows-100000", CTX_NONE, b_duplicates, 0, 1, 1, "Same Paper", NULL, NULL },
	{ "ko-entries-30000", CTX_NONE, b_ko_30000, 0, 30000, 30000, NULL, NULL, NULL },
	{ "headings-only-200000", CTX_NONE, b_headings_only, 0, -1, 0, NULL, NULL, NULL },
	{ "authors-100000", CTX_TABLE, b_authors_100k, 2, 4, 4, NULL, NULL, NULL },
	{ "ko-heading-paren-blank", CTX_KO, b_ko_heading_paren, 2, -1, 3, NULL, NULL, NULL },
	{ "lone-cr", CTX_NONE, b_lone_cr, 0, -1, 0, NULL, NULL, NULL },
	{ "atom-external-entity", CTX_NONE, b_atom_xxe, 0, -1, 0, NULL, NULL, "root:" },
	{ "atom-billion-laughs", CTX_NONE, b_atom_laughs, 0, -1, 0, NULL, NULL, "lollollollollollollollollollollollollollollollollollollollollollol" },
};

/* With PATHO_SAVE=DIR, write the input to DIR/NAME.md for reproducing. */
static void save_input(const char *name, const char *data, size_t len)
{
	const char *dir = getenv("PATHO_SAVE");
	char path[512];
	FILE *f;

	if (!dir || !*dir)
		return;
	snprintf(path, sizeof path, "%s/%s.md", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		fprintf(stderr, "patho: cannot write %s\n", path);
}

static int run_case(const struct pcase *c, char *why, size_t wn, struct result *res)
{
	struct buf in;

	buf_init(&in);
	ctx_open(&in, c->ctx);
	c->build(&in);
	ctx_close(&in, c->ctx);
	save_input(c->name, in.buf, in.len);

	if (run_input(in.buf, in.len, res) < 0) {
		snprintf(why, wn, "%s", res->why);
	} else if (c->exact >= 0 && res->npapers != (size_t)c->exact) {
		snprintf(why, wn, "%zu papers, expected %ld", res->npapers, c->exact);
	} else if (res->npapers < (size_t)c->min) {
		snprintf(why, wn, "%zu papers, expected at least %ld", res->npapers, c->min);
	} else if (c->sentinels >= 1 && !memmem_has(res->dump, res->dumplen, ID_ALPHA)) {
		snprintf(why, wn, "paper %s before the pathological part is missing", ID_ALPHA);
	} else if (c->sentinels >= 2 && !memmem_has(res->dump, res->dumplen, ID_OMEGA)) {
		snprintf(why, wn, "paper %s after the pathological part is missing", ID_OMEGA);
	} else if (c->must && !memmem_has(res->dump, res->dumplen, c->must)) {
		snprintf(why, wn, "dump lacks \"%s\"", c->must);
	} else if (c->must2 && !memmem_has(res->dump, res->dumplen, c->must2)) {
		snprintf(why, wn, "dump lacks \"%s\"", c->must2);
	} else if (c->mustnot && memmem_has(res->dump, res->dumplen, c->mustnot)) {
		snprintf(why, wn, "dump contains \"%.40s\"", c->mustnot);
	} else if (!strcmp(c->name, "days-50000") && res->ndays != 50000) {
		snprintf(why, wn, "%zu days, expected 50000", res->ndays);
	}
	buf_free(&in);
	return why[0] ? -1 : 0;
}

/* ---- equivalence cases: BOM, CRLF and NFD give the same dump ----------- */

static void base_table(struct buf *b)
{
	buf_puts(b, "\n\n## Papers for 2025-05-06\n\n"
	    "| Category | Title | Authors | Summary |\n|----------|-------|---------|---------|\n");
	for (int i = 0; i < 20; i++)
		buf_printf(b, "| Multi-Modal | Caf\xc3\xa9 Model %d: Scaling Things for Real-Time\n"
		    "  Interaction (Read more on [arXiv](https://arxiv.org/abs/2505.%05d) or "
		    "[HuggingFace](https://huggingface.co/papers/2505.%05d))| Ann Author, Bob | "
		    "The paper introduces model %d, which uses **bold** ideas, `code` and "
		    "&amp; entities; it improves \xce\xb1 by 2.7%%. |\n", i, 2000 + i, 2000 + i, i);
	buf_puts(b, "\n## Papers for 2025-05-07\n\n| Title | Authors | Summary | Link |\n"
	    "|-------|---------|---------|------|\n");
	for (int i = 0; i < 10; i++)
		buf_printf(b, "| Second Day Paper %d | Ann | Summary with \xc3\xa9l\xc3\xa8ve %d. | "
		    "[Read more](https://arxiv.org/abs/2505.%05d) |\n", i, i, 3000 + i);
}

static void base_ko(struct buf *b)
{
	buf_puts(b, "## Daily Papers (2025-05-06)\n\n");
	for (int i = 0; i < 15; i++) {
		char id[32], title[64];
		snprintf(id, sizeof id, "2505.%05d", 2000 + i);
		snprintf(title, sizeof title, "Caf\xc3\xa9 Model %d", i);
		ko_entry(b, title, id, "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xec\x9a\x94\xec\x95\xbd"
		    "(Korean summary)\xec\x9d\x84 \xec\xa0\x9c\xec\x8b\x9c\xed\x95\xa9\xeb\x8b\x88\xeb\x8b\xa4.");
	}
}

static void base_json(struct buf *b)
{
	buf_puts(b, "[\n");
	for (int i = 0; i < 12; i++) {
		char id[32], title[64];
		snprintf(id, sizeof id, "2505.%05d", 2000 + i);
		snprintf(title, sizeof title, "Caf\xc3\xa9 Model %d", i);
		json_entry(b, title, id, "- First point.\\n- Second point with \xc3\xa9.");
		buf_puts(b, i < 11 ? ",\n" : "\n");
	}
	buf_puts(b, "]\n");
}

static void base_abstract(struct buf *b)
{
	for (int i = 0; i < 8; i++)
		buf_printf(b, "Abstract:In this caf\xc3\xa9 work number %d we study large models.\n", i);
}

static void base_hf(struct buf *b)
{
	buf_puts(b, "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
	    "byAK and the research community\n\nMay 9\n\n");
	for (int i = 0; i < 8; i++)
		buf_printf(b, "Caf\xc3\xa9 Paper %d: Benchmarks\n\nWe study models number %d "
		    "with a long abstract that goes on about the caf\xc3\xa9 benchmark, its tasks, "
		    "its metrics and what the results mean for practitioners.\n\n", i, i);
}

static void to_crlf(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			buf_addch(out, '\r');
		buf_addch(out, s[i]);
	}
}

/* Decompose precomposed Hangul syllables and Latin é/è arithmetically. */
static void to_nfd(struct buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		size_t at = i;
		int32_t cp = u8_next(u, n, &i);
		utf8proc_uint8_t enc[4];
		int32_t parts[3];
		int np = 0;

		if (cp < 0) {
			buf_addch(out, s[at]);
			i = at + 1;
			continue;
		}
		if (cp >= 0xac00 && cp <= 0xd7a3) {
			int32_t si = cp - 0xac00;
			parts[np++] = 0x1100 + si / 588;
			parts[np++] = 0x1161 + (si % 588) / 28;
			if (si % 28)
				parts[np++] = 0x11a7 + si % 28;
		} else if (cp == 0xe9) {
			parts[np++] = 'e';
			parts[np++] = 0x301;
		} else if (cp == 0xe8) {
			parts[np++] = 'e';
			parts[np++] = 0x300;
		} else {
			parts[np++] = cp;
		}
		for (int k = 0; k < np; k++) {
			utf8proc_ssize_t m = utf8proc_encode_char(parts[k], enc);
			buf_add(out, enc, (size_t)m);
		}
	}
}

struct ecase {
	const char *name;
	void (*build)(struct buf *b);
	size_t papers;
};

static const struct ecase ecases[] = {
	{ "table", base_table, 30 },
	{ "ko", base_ko, 15 },
	{ "json", base_json, 12 },
	{ "abstract", base_abstract, 8 },
	{ "hfpage", base_hf, 8 },
};

enum variant { V_BOM, V_CRLF, V_BOM_CRLF, V_NFD, V_NVARIANTS };
static const char *const vnames[] = { "bom", "crlf", "bom+crlf", "nfd" };

static int run_equiv(const struct ecase *e, enum variant v, char *why, size_t wn,
    struct result *res)
{
	struct buf base, var;
	struct result r0;

	buf_init(&base);
	buf_init(&var);
	e->build(&base);
	if (v == V_BOM || v == V_BOM_CRLF)
		buf_puts(&var, "\xef\xbb\xbf");
	if (v == V_CRLF || v == V_BOM_CRLF)
		to_crlf(&var, base.buf, base.len);
	else if (v == V_NFD)
		to_nfd(&var, base.buf, base.len);
	else
		buf_add(&var, base.buf, base.len);

	if (run_input(base.buf, base.len, &r0) < 0) {
		snprintf(why, wn, "plain original: %s", r0.why);
	} else if (r0.npapers != e->papers) {
		snprintf(why, wn, "plain original: %zu papers, expected %zu", r0.npapers, e->papers);
	} else if (run_input(var.buf, var.len, res) < 0) {
		snprintf(why, wn, "%s copy: %s", vnames[v], res->why);
	} else if (res->dumplen != r0.dumplen || memcmp(res->dump, r0.dump, r0.dumplen) != 0) {
		size_t k = 0;
		while (k < r0.dumplen && k < res->dumplen && r0.dump[k] == res->dump[k])
			k++;
		snprintf(why, wn, "%s dump differs from the plain one at byte %zu: "
		    "plain \"%.50s\" vs \"%.50s\"", vnames[v], k,
		    r0.dump + k, res->dump + k);
	}
	result_free(&r0);
	buf_free(&base);
	buf_free(&var);
	return why[0] ? -1 : 0;
}

/* ---- driver ------------------------------------------------------------ */

/* nftw callback: remove one entry (children come first). */
static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) < 0 ? -1 : 0;
}

/* The system case sc in a fresh directory: its time and verdict. */
static int run_sys(const struct scase *sc, char *why, size_t wn, struct result *res)
{
	struct stat sb;
	/* a memory file system when there is one: some cases make 90,000 directories */
	char dir[] = "/dev/shm/patho.XXXXXX", alt[] = "/tmp/patho.XXXXXX";
	char *d = stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) && access("/dev/shm", W_OK) == 0 ? dir : alt;
	int rc;

	if (!mkdtemp(d)) {
		snprintf(why, wn, "mkdtemp: %s", strerror(errno));
		return -1;
	}
	rc = sc->run(d, &res->secs, why, wn);
	if (rc == 0 && res->secs >= patho_limit()) {
		snprintf(why, wn, "took %.3f s (limit %.1f s)", res->secs, patho_limit());
		rc = -1;
	}
	/* the case may leave FIFOs, links and thousands of directories */
	if (nftw(d, rm_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "patho: cannot remove %s\n", d);
	return rc;
}

/* Which table a case comes from. */
enum kind { K_CASE, K_EQUIV, K_SYS };

/* Run one case in a child; print the case line; return 0 on pass. */
static int in_child(const char *name, enum kind kind, const void *c, int variant)
{
	pid_t pid;
	int st;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		printf("FAIL %s: fork: %s\n", name, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		char why[768] = "";
		struct result res;
		int rc;

		alarm(CHILD_ALARM);
		memset(&res, 0, sizeof res);
		if (kind == K_CASE)
			rc = run_case(c, why, sizeof why, &res);
		else if (kind == K_EQUIV)
			rc = run_equiv(c, (enum variant)variant, why, sizeof why, &res);
		else
			rc = run_sys(c, why, sizeof why, &res);
		if (rc == 0 && kind == K_SYS)
			printf("ok   %-32s %7.3f s  %s\n", name, res.secs, why);
		else if (rc == 0)
			printf("ok   %-32s %7.3f s  %6zu papers %6zu days %6zu msgs\n", name,
			    res.secs, res.npapers, res.ndays, res.nmsgs);
		else
			printf("FAIL %-32s %7.3f s: %s\n", name, res.secs, why);
		result_free(&res);
		fflush(stdout);
		_exit(rc == 0 ? 0 : CHILD_FAILED);
	}
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			printf("FAIL %s: waitpid: %s\n", name, strerror(errno));
			return -1;
		}
	}
	if (WIFSIGNALED(st)) {
		if (WTERMSIG(st) == SIGALRM)
			printf("FAIL %-32s hung: killed after %d s\n", name, CHILD_ALARM);
		else
			printf("FAIL %-32s crashed: %s\n", name, strsignal(WTERMSIG(st)));
		return -1;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != CHILD_FAILED)
		printf("FAIL %-32s exited with status %d (a sanitizer report or abort above)\n",
		    name, WEXITSTATUS(st));
	return -1;
}

/* Count a case's result. */
static void tally(int rc, int *pass, int *fail)
{
	if (rc == 0)
		(*pass)++;
	else
		(*fail)++;
}

int main(int argc, char **argv)
{
	int pass = 0, fail = 0;
	const char *only = argc > 1 ? argv[1] : NULL;	/* run cases containing this */
	char name[96];

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (!only || strstr(cases[i].name, only))
			tally(in_child(cases[i].name, K_CASE, &cases[i], 0), &pass, &fail);
	for (size_t i = 0; i < patho_nmerge; i++)
		if (!only || strstr(patho_merge[i].name, only))
			tally(in_child(patho_merge[i].name, K_CASE, &patho_merge[i], 0), &pass, &fail);
	for (size_t i = 0; i < patho_nmarkup; i++)
		if (!only || strstr(patho_markup[i].name, only))
			tally(in_child(patho_markup[i].name, K_CASE, &patho_markup[i], 0), &pass, &fail);
	for (size_t i = 0; i < sizeof ecases / sizeof ecases[0]; i++) {
		for (int v = 0; v < V_NVARIANTS; v++) {
			snprintf(name, sizeof name, "equiv-%s-%s", ecases[i].name, vnames[v]);
			if (!only || strstr(name, only))
				tally(in_child(name, K_EQUIV, &ecases[i], v), &pass, &fail);
		}
	}
	for (size_t i = 0; i < patho_nsys; i++)
		if (!only || strstr(patho_sys[i].name, only))
			tally(in_child(patho_sys[i].name, K_SYS, &patho_sys[i], 0), &pass, &fail);
	printf("patho: %d passed, %d failed\n", pass, fail);
	return fail ? 1 : 0;
}
