/* ingest/table.c: English markdown table digests ("## Papers for YYYY-MM-DD").
 *
 * Columns are found by header name.  A row starts on a line beginning with
 * '|' and runs over the following lines until one ends with '|'; since the
 * lines are contiguous in memory a row is one byte range, split into cells
 * at unescaped '|'.  Extra cells (an unescaped '|' in a summary) are given
 * back to the free-text column: cells left of it map from the left, cells
 * right of it from the right.
 */
#include "ingest/format.h"
#include "ingest/mdtext.h"
#include "ingest/table.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

#include <string.h>

enum col {
	COL_CATEGORY, COL_TITLE, COL_AUTHORS, COL_SUMMARY, COL_LINK,
	COL_CLASS, COL_GITHUB, COL_HF, COL_PDF, COL_DATE, COL_NCOLS
};

struct cell {
	const char *s;
	size_t n;
};

struct table {
	int col[COL_NCOLS];	/* header position of each known column, or -1 */
	size_t ncols;		/* header cells */
	int free_col;		/* position that absorbs extra cells */
};

/* A |---|:---:| separator row: '|', dashes, colons and blanks, at least one dash. */
static int
table_separator(const char *s, size_t n)
{
	size_t i;
	int dash = 0;

	lines_trim(&s, &n);
	if (n < 2 || s[0] != '|')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return dash;
}

/* Split s[0..n) (a whole row, leading '|' included) into cells. */
static struct cell *
split_cells(struct pctx *p, const char *s, size_t n, size_t *ncells)
{
	size_t cap = 0, k = 0, i = 0, start;
	struct cell *c = NULL;

	ARENA_GROW(p->scratch, c, 0, 16, cap);
	lines_trim(&s, &n);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n && s[0] == '|')
		i = 1;
	if (n > i && s[n - 1] == '|' && !(n >= 2 && s[n - 2] == '\\'))
		n--;
	start = i;
	for (;;) {
		const char *bar = i < n ? memchr(s + i, '|', n - i) : NULL;
		size_t e = bar ? (size_t)(bar - s) : n;

		if (bar && e > 0 && s[e - 1] == '\\') {
			i = e + 1;
			continue;
		}
		ARENA_GROW(p->scratch, c, k, k + 1, cap);
		c[k].s = s + start;
		c[k].n = e - start;
		k++;
		if (!bar)
			break;
		i = start = e + 1;
	}
	*ncells = k;
	return c;
}

/* Case-insensitive comparison of a trimmed cell with a header name. */
static int
cell_is(struct cell c, const char *name)
{
	size_t i, m = strlen(name);

	lines_trim(&c.s, &c.n);
	/* drop emphasis around header names */
	while (c.n && (c.s[0] == '*' || c.s[0] == '_'))
		c.s++, c.n--;
	while (c.n && (c.s[c.n - 1] == '*' || c.s[c.n - 1] == '_'))
		c.n--;
	if (c.n != m)
		return 0;
	for (i = 0; i < m; i++) {
		char a = c.s[i], b = name[i];

		if (a >= 'A' && a <= 'Z')
			a = (char)(a + 32);
		if (a != b)
			return 0;
	}
	return 1;
}

/* Read the header row into t. */
static void
read_header(struct pctx *p, struct table *t, const char *s, size_t n)
{
	static const char *const names[COL_NCOLS][4] = {
		{ "category", "categories", NULL, NULL },
		{ "title", "paper", NULL, NULL },
		{ "authors", "author", NULL, NULL },
		{ "summary", "abstract", "tl;dr", NULL },
		{ "link", "links", "url", NULL },
		{ "classification", "tags", NULL, NULL },
		{ "github urls", "github", "code", NULL },
		{ "huggingface urls", "huggingface", "hf urls", NULL },
		{ "pdf", "arxiv", NULL, NULL },
		{ "publish date", "date", "published", NULL },
	};
	size_t nc, i, k, j;
	struct cell *c = split_cells(p, s, n, &nc);

	for (k = 0; k < COL_NCOLS; k++)
		t->col[k] = -1;
	for (i = 0; i < nc; i++)
		for (k = 0; k < COL_NCOLS; k++)
			for (j = 0; j < 4 && names[k][j]; j++)
				if (t->col[k] < 0 && cell_is(c[i], names[k][j]))
					t->col[k] = (int)i;
	t->ncols = nc;
	t->free_col = t->col[COL_SUMMARY] >= 0 ? t->col[COL_SUMMARY] : t->col[COL_TITLE];
}

/*
 * Add a link; in the HuggingFace column a bare "owner/name" (no host) is a
 * repository on huggingface.co.
 */
static void
hf_link(struct pctx *p, struct rec_build *b, size_t line, const char *u, size_t un,
    enum link_kind hint)
{
	const char *slash = memchr(u, '/', un);

	if (hint == LINK_MODEL && slash && slash > u && !memchr(u, '.', (size_t)(slash - u)) &&
	    !memchr(u, ':', un) && memchr(slash + 1, '/', un - (size_t)(slash + 1 - u)) == NULL) {
		struct buf full = BUF_INIT;

		buf_init(&full);
		buf_puts(&full, "huggingface.co/");
		buf_add(&full, u, un);
		rec_link(p, b, line, full.buf, full.len, LINK_NKINDS);
		buf_free(&full);
		return;
	}
	rec_link(p, b, line, u, un, hint == LINK_MODEL ? LINK_NKINDS : hint);
}

/* Add every link of a cell: markdown links, else bare URLs split at commas/spaces. */
static void
cell_links(struct pctx *p, struct rec_build *b, size_t line, struct cell c, enum link_kind hint)
{
	size_t i = 0;
	const char *t, *u;
	size_t tn, un;
	int any = 0;

	lines_trim(&c.s, &c.n);
	if (c.n == 0 || (c.n == 3 && memcmp(c.s, "N/A", 3) == 0))
		return;
	while (mdtext_next_link(c.s, c.n, &i, &t, &tn, &u, &un)) {
		hf_link(p, b, line, u, un, hint);
		any = 1;
	}
	if (any)
		return;
	for (i = 0; i < c.n;) {
		size_t e = i;

		while (e < c.n && c.s[e] != ',' && c.s[e] != ' ' && c.s[e] != '\n')
			e++;
		if (e > i)
			hf_link(p, b, line, c.s + i, e - i, hint);
		i = e + 1;
	}
}

/* Position of a case-insensitive ASCII needle in s, or n. */
static size_t
find_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle), i, k;

	for (i = 0; i + m <= n; i++) {
		for (k = 0; k < m; k++) {
			char a = s[i + k];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a + 32);
			if (a != needle[k])
				break;
		}
		if (k == m)
			return i;
	}
	return n;
}

/* Title cell: "[title](url)", "title (Read more on [..](..))", "title - read more on ...". */
static void
title_cell(struct pctx *p, struct rec_build *b, size_t line, struct cell c)
{
	const char *s = c.s, *t, *u;
	size_t n = c.n, i = 0, tn, un, cut;

	lines_trim(&s, &n);
	if (n && s[0] == '[' && mdtext_next_link(s, n, &i, &t, &tn, &u, &un) && t == s + 1) {
		b->r.title = pctx_inline(p, t, tn, TEXT_ONELINE);
		rec_link(p, b, line, u, un, LINK_NKINDS);
		/* any further links after the title */
		while (mdtext_next_link(s, n, &i, &t, &tn, &u, &un))
			rec_link(p, b, line, u, un, LINK_NKINDS);
		return;
	}
	cut = find_ci(s, n, "(read more on");
	if (cut == n)
		cut = find_ci(s, n, " - read more on");
	if (cut == n)
		cut = find_ci(s, n, "read more on [");
	i = cut;
	while (mdtext_next_link(s, n, &i, &t, &tn, &u, &un))
		rec_link(p, b, line, u, un, LINK_NKINDS);
	b->r.title = pctx_inline(p, s, cut, TEXT_ONELINE);
}

/* Python list literal "['A', 'B']" (or a plain comma list) to categories. */
static void
class_cell(struct pctx *p, struct rec_build *b, struct cell c)
{
	const char *s = c.s;
	size_t n = c.n, i = 0;

	lines_trim(&s, &n);
	if (n && s[0] == '[')
		s++, n--;
	if (n && s[n - 1] == ']')
		n--;
	while (i < n) {
		size_t e = i;
		char q = 0;

		while (e < n && (s[e] == ' ' || s[e] == ','))
			e++;
		i = e;
		if (i < n && (s[i] == '\'' || s[i] == '"')) {
			q = s[i];
			e = i + 1;
			while (e < n && s[e] != q)
				e++;
			rec_cat(p, b, s + i + 1, e - i - 1);
			i = e + 1;
			continue;
		}
		while (e < n && s[e] != ',')
			e++;
		if (e > i)
			rec_cat(p, b, s + i, e - i);
		i = e + 1;
	}
}

/*
 * The cells of a row by column: cells left of the free column map from
 * the left, right of it from the right, and it spans what is between.
 */
static void
row_columns(const struct table *t, const struct cell *c, size_t nc, struct cell *cols, int *have)
{
	size_t k, extra = nc > t->ncols && t->free_col >= 0 ? nc - t->ncols : 0;

	for (k = 0; k < COL_NCOLS; k++) {
		int col = t->col[k];
		size_t pos = (size_t)col;

		have[k] = 0;
		if (col < 0)
			continue;
		if (extra && col == t->free_col) {
			/* the free column spans its cells and the extras */
			cols[k].s = c[pos].s;
			cols[k].n = (size_t)(c[pos + extra].s + c[pos + extra].n - c[pos].s);
			have[k] = 1;
			continue;
		}
		if (extra && col > t->free_col)
			pos += extra;
		if (pos < nc) {
			cols[k] = c[pos];
			have[k] = 1;
		}
	}
}

/* A Publish Date cell ("**2026-05-13**") gives the row its own day. */
static void
row_day(struct pctx *p, struct rec_build *b, struct cell c)
{
	char iso[11];

	if (lines_find_date(c.s, c.n, iso))
		b->r.day = pctx_text(p, iso, 10, 0);
}

/* Read the cells of a row into b, column by column. */
static void
row_cells(struct pctx *p, struct rec_build *b, size_t line, const struct cell *cols, const int *have)
{
	if (have[COL_TITLE])
		title_cell(p, b, line, cols[COL_TITLE]);
	if (have[COL_LINK])
		cell_links(p, b, line, cols[COL_LINK], LINK_NKINDS);
	if (have[COL_CATEGORY])
		rec_cat(p, b, cols[COL_CATEGORY].s, cols[COL_CATEGORY].n);
	if (have[COL_CLASS])
		class_cell(p, b, cols[COL_CLASS]);
	if (have[COL_AUTHORS])
		rec_authors(p, b, cols[COL_AUTHORS].s, cols[COL_AUTHORS].n);
	if (have[COL_SUMMARY])
		rec_summary(p, b, cols[COL_SUMMARY].s, cols[COL_SUMMARY].n);
	if (have[COL_GITHUB])
		cell_links(p, b, line, cols[COL_GITHUB], LINK_PROJECT);
	if (have[COL_HF])
		cell_links(p, b, line, cols[COL_HF], LINK_MODEL);
	if (have[COL_PDF])
		cell_links(p, b, line, cols[COL_PDF], LINK_NKINDS);
	if (have[COL_DATE])
		row_day(p, b, cols[COL_DATE]);
}

/* Parse one row s[0..n) starting at line; topic (may be NULL) is the heading above the table. */
static void
read_row(struct pctx *p, const struct table *t, const char *day, const char *topic, size_t line,
    const char *s, size_t n)
{
	struct rec_build b;
	size_t nc;
	struct cell *c = split_cells(p, s, n, &nc);
	struct cell cols[COL_NCOLS];
	int have[COL_NCOLS];

	rec_init(p, &b, line, p->source);
	b.r.day = day;
	if (nc < t->ncols && nc < 2) {
		pctx_warn(p, line, "table row with %zu cell%s, expected %zu: skipped", nc,
		    nc == 1 ? "" : "s", t->ncols);
		arena_reset(p->scratch, p->mark);
		return;
	}
	if (nc != t->ncols && (nc < t->ncols || t->free_col < 0))
		pctx_warn(p, line, "table row with %zu cells, expected %zu: read by position",
		    nc, t->ncols);
	row_columns(t, c, nc, cols, have);
	row_cells(p, &b, line, cols, have);
	if (topic)
		rec_cat(p, &b, topic, strlen(topic));
	if (b.r.title == NULL && b.nblocks == 0 && b.r.id == NULL) {
		pctx_warn(p, line, "table row without title or summary: skipped");
		arena_reset(p->scratch, p->mark);
		return;
	}
	pctx_emit(p, &b);
}

/* Ends with an unescaped '|' (ignoring trailing blanks). */
static int
ends_row(const char *s, size_t n)
{
	lines_trim(&s, &n);
	return n >= 1 && s[n - 1] == '|' && !(n >= 2 && s[n - 2] == '\\');
}

/* table_parse between lines. */
struct tparse {
	struct table t;
	const char *day;
	const char *topic;	/* a heading without a date above the table ("## SLAM") */
	struct arena_mark daymark;
	int in_table;		/* 1: in a table; 2: in one without a Title or Summary column */
	const char *prev;	/* the line before, when it may be a header */
	size_t prevn, prevline;
	const char *row;	/* the first line of a row not ended yet */
	size_t rowline, rowend;	/* its line, and where it ends so far (offset in data) */
};

/* Read the pending row. */
static void
flush_row(struct pctx *p, struct tparse *tp)
{
	read_row(p, &tp->t, tp->day, tp->topic, tp->rowline, tp->row, tp->rowend - (size_t)(tp->row - p->data));
	tp->row = NULL;
}

/* A line outside a table: remembered as a possible header, or a header before its separator. */
static void
outside_line(struct pctx *p, struct tparse *tp, const char *s, size_t n, int starts, size_t line)
{
	if (tp->prev && table_separator(s, n) && tp->prev[0] == '|') {
		read_header(p, &tp->t, tp->prev, tp->prevn);
		/* the header's cells live in scratch: keep them below the mark */
		p->mark = arena_mark(p->scratch);
		if (tp->t.col[COL_TITLE] < 0 && tp->t.col[COL_SUMMARY] < 0) {
			pctx_warn(p, tp->prevline, "table without a Title or Summary column: ignored");
			tp->in_table = 2;
		} else {
			tp->in_table = 1;
		}
		tp->prev = NULL;
		return;
	}
	if (tp->prev && tp->prev[0] == '|' && !starts)
		pctx_warn(p, tp->prevline, "table line outside a table: ignored");
	tp->prev = s;
	tp->prevn = n;
	tp->prevline = line;
}

/* A line inside a table: a row, or a line continuing one. */
static void
table_line(struct pctx *p, struct tparse *tp, const char *s, size_t n, int starts, size_t line)
{
	if (starts) {
		tp->row = s;
		tp->rowline = line;
	} else if (tp->row == NULL) {
		pctx_warn(p, line, "text inside a table that is not a row: ignored");
		return;
	}
	tp->rowend = (size_t)(s - p->data) + n;
	if (ends_row(s, n) && (!starts || n > 1))
		flush_row(p, tp);
}

/* A heading without a date names the topic of the tables under it ("## SLAM"). */
static const char *
heading_topic(struct pctx *p, const char *s, size_t n)
{
	while (n && (*s == '#' || *s == ' '))
		s++, n--;
	return n ? pctx_inline(p, s, n, TEXT_ONELINE) : NULL;
}

/* Read one row under a header given as text (see table.h). */
void
table_row(struct pctx *p, const char *header, const char *topic, size_t line,
    const char *row, size_t n)
{
	struct table t;
	struct arena_mark outer = p->mark;

	read_header(p, &t, header, strlen(header));
	p->mark = arena_mark(p->scratch);	/* the header's cells stay until the row is read */
	read_row(p, &t, NULL, topic, line, row, n);
	arena_reset(p->scratch, outer);
	p->mark = outer;
}

/* Parse a table digest. */
static void
table_parse(struct pctx *p)
{
	struct lines it;
	const char *s;
	size_t n;
	struct tparse tp;

	memset(&tp, 0, sizeof tp);
	/* the day label lives in scratch below every record's mark */
	p->mark = arena_mark(p->scratch);
	tp.daymark = p->mark;
	lines_init(&it, p->data, p->len, 1);
	while (1) {
		int more = lines_next(&it, &s, &n);
		int starts = more && n > 0 && (s[0] == '|' || (s[0] == ' ' && n > 1 && s[1] == '|'));

		/* finish a pending row when a new one starts or the row context ends */
		if (tp.row && (!more || starts || lines_blank(s, n) || s[0] == '#'))
			flush_row(p, &tp);
		if (!more)
			break;
		if (n && s[0] == '#') {
			tp.in_table = 0;
			tp.prev = NULL;
			if (n > 1 && (s[1] == '#' || s[1] == ' ')) {
				tp.day = pctx_day(p, tp.daymark, s, n);
				tp.topic = tp.day ? NULL : heading_topic(p, s, n);
				p->mark = arena_mark(p->scratch);
			}
		} else if (lines_blank(s, n)) {
			tp.in_table = 0;
			tp.prev = NULL;
		} else if (!tp.in_table) {
			outside_line(p, &tp, s, n, starts, it.lineno);
		} else if (tp.in_table == 2) {
			if (starts)
				pctx_warn(p, it.lineno, "row of a table without a Title column: skipped");
		} else {
			table_line(p, &tp, s, n, starts, it.lineno);
		}
	}
	arena_reset(p->scratch, tp.daymark);
}

/* A table header line naming a Title column, followed by a |---| line. */
static int
is_table_header(const char *s, size_t n, const char *next, size_t nn)
{
	size_t i;

	lines_trim(&s, &n);
	if (n < 3 || s[0] != '|' || !table_separator(next, nn))
		return 0;
	for (i = 0; i + 5 <= n; i++)
		if ((s[i] | 0x20) == 't' && (s[i + 1] | 0x20) == 'i' &&
		    (s[i + 2] | 0x20) == 't' && (s[i + 3] | 0x20) == 'l' && (s[i + 4] | 0x20) == 'e')
			return 1;
	return 0;
}

/* Where a "## Papers for" heading, or a table whose header names a Title column, starts. */
static size_t
table_sniff(const char *head, size_t len, size_t before)
{
	struct sniff_lines sl;
	const char *s, *prev = NULL;
	size_t n, prevn = 0, at;

	formats_lines_init(&sl, head, len, before);
	while (formats_lines_next(&sl, &s, &n, &at)) {
		if (lines_starts(s, n, "## Papers for") || lines_starts(s, n, "# Papers for"))
			return at;
		if (prev && is_table_header(prev, prevn, s, n))
			return at;
		if (!lines_blank(s, n)) {
			prev = s;
			prevn = n;
		}
	}
	return SNIFF_NONE;
}

const struct ingest_format table_format = { "table", table_sniff, table_parse, NULL };
