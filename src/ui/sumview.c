/* ui/sumview.c: a paper's summary laid out in lines for the Summary pane (pure, no curses). */
#include "ui/sumview.h"

#include <stdlib.h>
#include <string.h>

#include "text/width.h"

/* Prepare an empty summary view. */
void
ui_sumview_init(struct ui_sumview *sv)
{
	memset(sv, 0, sizeof *sv);
	buf_init(&sv->text);
}

/* Free a summary view. */
void
ui_sumview_free(struct ui_sumview *sv)
{
	buf_free(&sv->text);
	free(sv->v);
	ui_sumview_init(sv);
}

/* Drop the cache key so the next build lays out again. */
void
ui_sumview_invalidate(struct ui_sumview *sv)
{
	sv->valid = 0;
	sv->paper = NULL;
}

/* Append one line whose text is s[0..n) (copied). */
static void
add_line(struct ui_sumview *sv, const char *s, size_t n, size_t width,
    int indent, enum ui_line_kind kind)
{
	struct ui_line *ln;

	ALLOC_GROW(sv->v, sv->n + 1, sv->alloc);
	ln = &sv->v[sv->n++];
	ln->off = sv->text.len;
	ln->len = n;
	ln->width = width;
	ln->indent = indent;
	ln->kind = kind;
	buf_add(&sv->text, s, n);
}

/* Append a blank line unless the view is empty or already ends in one. */
static void
add_blank(struct ui_sumview *sv)
{
	if (sv->n && sv->v[sv->n - 1].kind != UI_LINE_BLANK)
		add_line(sv, "", 0, 0, 0, UI_LINE_BLANK);
}

/* Wrap s[0..n) into width - indent cells; the first line gets kind first. */
static void
add_wrapped(struct ui_sumview *sv, const char *s, size_t n, int width, int indent,
    enum ui_line_kind first, enum ui_line_kind rest)
{
	struct width_lines tl = { NULL, 0, 0 };
	int avail = width - indent;
	size_t i;

	if (avail < 1) {
		avail = width > 0 ? width : 1;
		indent = 0;
	}
	width_wrap(&tl, s, n, (size_t)avail);
	for (i = 0; i < tl.n; i++)
		add_line(sv, s + tl.v[i].off, tl.v[i].len, tl.v[i].width, indent,
		    i == 0 ? first : rest);
	width_lines_free(&tl);
}

/*
 * Append "Label: a, b, c" as a wrapped metadata line; only the first max
 * items (0: all) and "+N more (a: all)" when there are more.
 */
static void
add_meta_list(struct ui_sumview *sv, struct buf *tmp, const char *label,
    const char *const *items, size_t nitems, int width, size_t max)
{
	size_t i, shown = max && nitems > max ? max : nitems;

	if (nitems == 0)
		return;
	buf_setlen(tmp, 0);
	buf_puts(tmp, label);
	for (i = 0; i < shown; i++) {
		if (i)
			buf_puts(tmp, ", ");
		buf_puts(tmp, items[i] ? items[i] : "");
	}
	if (shown < nitems)
		buf_printf(tmp, " +%zu more (a: all)", nitems - shown);
	add_wrapped(sv, tmp->buf, tmp->len, width, 0, UI_LINE_META, UI_LINE_META);
}

/* Append one wrapped line of kind k (NULL: a blank line). */
static void
add_text(struct ui_sumview *sv, const char *s, int width, int indent, enum ui_line_kind k)
{
	if (s == NULL)
		add_blank(sv);
	else
		add_wrapped(sv, s, strlen(s), width, indent, k, k);
}

/* An empty library: how to get papers (paperboy fetch, R, or files in the library directory). */
static void
build_empty(struct ui_sumview *sv, int width)
{
	if (sv->loading) {
		add_text(sv, "Reading the library...", width, 0, UI_LINE_TITLE);
		add_text(sv, NULL, width, 0, UI_LINE_TEXT);
		add_text(sv, "The papers appear here as soon as it is read; the status line says how "
		    "far it is.  The first time takes longest: what is read is kept in the library "
		    "store, and later starts are quick.", width, 0, UI_LINE_TEXT);
		return;
	}
	add_text(sv, "No papers yet.", width, 0, UI_LINE_TITLE);
	add_text(sv, NULL, width, 0, UI_LINE_TEXT);
	add_text(sv, "To get today's papers, run", width, 0, UI_LINE_TEXT);
	add_text(sv, "paperboy fetch", width, 4, UI_LINE_HEAD);
	add_text(sv, "in a shell, or press R here to fetch in the background.", width, 0, UI_LINE_TEXT);
	add_text(sv, NULL, width, 0, UI_LINE_TEXT);
	add_text(sv, "Or put digest files (markdown, JSON, feeds, ...) in the library directory",
	    width, 0, UI_LINE_TEXT);
	if (sv->libdir)
		add_text(sv, sv->libdir, width, 4, UI_LINE_HEAD);
	add_text(sv, "and press r to read them, or name files and folders on the command line: "
	    "paperboy PATH...", width, 0, UI_LINE_TEXT);
	add_text(sv, NULL, width, 0, UI_LINE_TEXT);
	add_text(sv, "Sources and settings: man paperboy.  ? shows the keys, q quits.", width, 0,
	    UI_LINE_TEXT);
}

/* Lay out the header lines: title, authors, days, categories, votes. */
static void
build_header(struct ui_sumview *sv, const struct lib *lib, const struct paper *p,
    struct buf *tmp, int width)
{
	const char *title = p->title ? p->title : "(untitled)";
	size_t i;

	add_wrapped(sv, title, strlen(title), width, 0, UI_LINE_TITLE, UI_LINE_TITLE);
	add_meta_list(sv, tmp, "Authors: ", p->authors, p->nauthors, width,
	    sv->all_authors ? 0 : UI_SUMVIEW_AUTHORS);
	if (p->ndays) {
		buf_setlen(tmp, 0);
		buf_puts(tmp, "Days: ");
		for (i = 0; i < p->ndays; i++) {
			const struct day *d = p->days[i] < lib_ndays(lib) ?
			    lib_day(lib, p->days[i]) : NULL;

			if (i)
				buf_puts(tmp, ", ");
			buf_puts(tmp, d && d->label ? d->label : "?");
		}
		if (p->votes >= 0)
			buf_printf(tmp, " | Votes: %ld", p->votes);
		add_wrapped(sv, tmp->buf, tmp->len, width, 0, UI_LINE_META, UI_LINE_META);
	} else if (p->votes >= 0) {
		buf_setlen(tmp, 0);
		buf_printf(tmp, "Votes: %ld", p->votes);
		add_wrapped(sv, tmp->buf, tmp->len, width, 0, UI_LINE_META, UI_LINE_META);
	}
	add_meta_list(sv, tmp, "Categories: ", p->cats, p->ncats, width, 0);
}

/* Lay out the blocks of one summary. */
static void
build_blocks(struct ui_sumview *sv, const struct summary *s, int width)
{
	int prev = -1;	/* kind of the previous block, -1 at the start */
	size_t i;

	for (i = 0; i < s->nblocks; i++) {
		const struct block *b = &s->blocks[i];
		const char *t = b->text ? b->text : "";

		if (b->label && *b->label) {
			add_blank(sv);
			add_wrapped(sv, b->label, strlen(b->label), width, 0,
			    UI_LINE_HEAD, UI_LINE_HEAD);
			add_wrapped(sv, t, strlen(t), width, 2, UI_LINE_TEXT, UI_LINE_TEXT);
			prev = 2;	/* a section: blank line before what follows */
		} else if (b->kind == BLOCK_BULLET) {
			if (prev != BLOCK_BULLET)
				add_blank(sv);
			add_wrapped(sv, t, strlen(t), width, 2, UI_LINE_BULLET, UI_LINE_TEXT);
			prev = BLOCK_BULLET;
		} else {
			add_blank(sv);
			add_wrapped(sv, t, strlen(t), width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
			prev = BLOCK_PARA;
		}
	}
	if (s->nblocks == 0 && s->text && *s->text) {
		add_blank(sv);
		add_wrapped(sv, s->text, strlen(s->text), width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
	}
}

/* Lay out a paper and one of its summaries at a width (cached). */
void
ui_sumview_build(struct ui_sumview *sv, const struct lib *lib,
    const struct paper *p, size_t sum, int width)
{
	struct buf tmp = BUF_INIT;

	if (sv->valid && sv->paper == p && sv->sum == sum && sv->width == width &&
	    sv->built_all == sv->all_authors && sv->built_loading == sv->loading)
		return;
	sv->valid = 1;
	sv->built_all = sv->all_authors;
	sv->built_loading = sv->loading;
	sv->paper = p;
	sv->sum = sum;
	sv->width = width;
	sv->n = 0;
	buf_setlen(&sv->text, 0);
	if (width < 1)
		width = 1;
	if (p == NULL && lib && lib_npapers(lib) == 0) {
		build_empty(sv, width);
		return;
	}
	if (p == NULL) {
		add_wrapped(sv, "No paper selected.", 18, width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
		return;
	}
	buf_init(&tmp);
	build_header(sv, lib, p, &tmp, width);
	buf_free(&tmp);
	if (p->nsums == 0) {
		add_blank(sv);
		add_wrapped(sv, "(no summary)", 12, width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
		return;
	}
	build_blocks(sv, &p->sums[sum < p->nsums ? sum : 0], width);
}
