/* ui/draw.c: drawing the reader's panes, status line and help from the state (see ui/draw.h).
 *
 * No curses here: text goes through the terminal layer (ui/term.h),
 * which measures, cuts and styles it.  Search matches are found in the
 * text as it will be shown (cut to the cells available) and drawn as runs
 * in the match style.
 */
#include "ui/draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "launch/launch.h"
#include "model/search.h"
#include "text/width.h"

/* What drawing one frame needs. */
struct frame {
	struct ui_term *t;
	const struct ui_state *st;
	int rows, cols;
	struct buf row;			/* a row being composed */
	struct buf text;		/* a row cut to fit, for highlighting */
	struct buf why;			/* scratch for launch_url_check */
	struct search_span *spans;	/* search matches of the row being drawn */
	size_t aspans;
};

/* The search whose matches are highlighted, or NULL. */
static struct search *
matches(const struct ui_state *st)
{
	return st->search.active ? st->search.match : NULL;
}

/* Find the matches in text[skip, upto) into f->spans; their number. */
static size_t
find_spans(struct frame *f, struct search *search, const char *text, size_t skip, size_t upto)
{
	size_t nsp, k;

	if (upto <= skip)
		return 0;
	ALLOC_GROW(f->spans, 16, f->aspans);
	nsp = search_spans(search, text + skip, upto - skip, f->spans, f->aspans);
	if (nsp > f->aspans) {
		/* more matches than room: grow and find them again (rare: a line is short) */
		ALLOC_GROW(f->spans, nsp, f->aspans);
		search_spans(search, text + skip, upto - skip, f->spans, f->aspans);
	}
	for (k = 0; k < nsp; k++)
		f->spans[k].off += skip;
	return nsp;
}

/* Draw the text cut to fit in runs of whole clusters, the matches' runs in the match style. */
static void
put_runs(struct frame *f, int y, int x, const struct buf *text, size_t nsp, int style)
{
	struct width_cluster c;
	size_t pos = 0, run = 0, sp = 0;
	int run_hl = 0, cx = x;

	for (;;) {
		int more = width_next_cluster(text->buf, text->len, &pos, &c);
		int hl = 0;

		if (more) {
			while (sp < nsp && f->spans[sp].off + f->spans[sp].len <= c.off)
				sp++;
			hl = sp < nsp && f->spans[sp].off < c.off + c.len;
		}
		if (!more || hl != run_hl) {
			size_t end = more ? c.off : text->len;

			if (end > run) {
				ui_term_fitted(f->t, y, cx, text->buf + run, end - run,
				    run_hl ? style | UI_STYLE_MATCH : style);
				cx += (int)width_of(text->buf + run, end - run);
			}
			run = end;
			run_hl = hl;
		}
		if (!more)
			break;
	}
}

/*
 * Draw s[0..n) like ui_term_text, with the search's matches (search may
 * be NULL) in [skip, upto) of the text as shown in the match style: not
 * in marks, counts or a closing "…".
 */
static void
put_hl(struct frame *f, int y, int x, int w, const char *s, size_t n, int style, unsigned flags,
    struct search *search, size_t skip, size_t upto)
{
	size_t nsp;

	if (search == NULL || w <= 0 || y < 0 || x < 0 || y >= f->rows || x >= f->cols) {
		ui_term_text(f->t, y, x, w, s, n, style, flags);
		return;
	}
	if (x + w > f->cols)
		w = f->cols - x;
	buf_setlen(&f->text, 0);
	width_trunc(&f->text, s, n, (size_t)w, flags);
	if (upto > f->text.len)
		upto = f->text.len;
	if (upto >= 3 && memcmp(f->text.buf + upto - 3, "\xE2\x80\xA6", 3) == 0)
		upto -= 3;
	nsp = find_spans(f, search, f->text.buf, skip, upto);
	if (nsp == 0)
		ui_term_text(f->t, y, x, w, s, n, style, flags);
	else
		put_runs(f, y, x, &f->text, nsp, style);
}

/* Draw a C string (see ui_term_text). */
static void
put_str(struct frame *f, int y, int x, int w, const char *s, int style, unsigned flags)
{
	ui_term_text(f->t, y, x, w, s, strlen(s), style, flags);
}

/*
 * Draw one list row: a selection marker (">" when selected, then tag,
 * a space or "+" for a tagged paper), then left and right text; base is
 * the row's style when not selected; search (may be NULL) highlights
 * matches after the marker and skip more bytes.
 */
static void
draw_row_hl(struct frame *f, struct ui_rect in, int i, int selected, int focused, char tag,
    const char *left, const char *right, int base, struct search *search, size_t skip)
{
	struct buf *row = &f->row;
	int style = selected ? (focused ? SETTINGS_EL_SELECTED : UI_STYLE_BOLD) : base;
	int mark = in.w >= 3 ? 2 : 0;
	size_t upto;

	buf_setlen(row, 0);
	if (mark) {
		buf_addch(row, selected ? '>' : ' ');
		buf_addch(row, tag);
	}
	ui_layout_row(row, left, right, (size_t)(in.w - mark));
	/* the left text ends before the padding and the right text */
	upto = row->len - (right && row->len >= (size_t)mark + strlen(right) ? strlen(right) : 0);
	while (upto > (size_t)mark && row->buf[upto - 1] == ' ')
		upto--;
	put_hl(f, in.y + i, in.x, in.w, row->buf, row->len, style, WIDTH_PAD, search,
	    (size_t)mark + skip, upto);
}

/* Draw one list row without highlighting (see draw_row_hl). */
static void
draw_row(struct frame *f, struct ui_rect in, int i, int selected, int focused,
    const char *left, const char *right)
{
	draw_row_hl(f, in, i, selected, focused, ' ', left, right, SETTINGS_EL_NORMAL, NULL, 0);
}

/*
 * "unread/total" into dst; "0/3" when everything is read (a bare "3"
 * would read as three unread).
 */
static const char *
counts(char *dst, size_t size, size_t unread, size_t total)
{
	snprintf(dst, size, "%zu/%zu", unread, total);
	return dst;
}

/*
 * A day's counts for a row of inner width w: "unread/total", or where the
 * date and that do not fit, the unread count alone (nothing when all is
 * read), so that the date stays whole.
 */
static const char *
day_counts(char *dst, size_t size, const char *label, size_t unread, size_t total, int w)
{
	counts(dst, size, unread, total);
	if (2 + width_str(label) + 1 + strlen(dst) > (size_t)(w > 0 ? w : 0)) {
		if (unread)
			snprintf(dst, size, "%zu", unread);
		else
			dst[0] = '\0';
	}
	return dst;
}

/* "a/b" position text for a footer, in the caller's buffer. */
static const char *
position(char *dst, size_t size, size_t i, size_t n)
{
	if (n == 0)
		snprintf(dst, size, "0/0");
	else
		snprintf(dst, size, "%zu/%zu", i + 1, n);
	return dst;
}

/* The Days pane: each day with its paper count. */
static void
draw_days(struct frame *f, struct ui_rect r, int focused)
{
	const struct ui_state *st = f->st;
	struct ui_rect in = ui_layout_inner(r);
	size_t n = lib_ndays(st->lib), i;
	char num[48], foot[48];

	ui_term_box(f->t, r, focused, "Days", position(foot, sizeof foot, st->list.day, n));
	for (i = 0; (int)i < in.h && st->nav.top[UI_DAYS] + i < n; i++) {
		size_t k = st->nav.top[UI_DAYS] + i;
		const struct day *d = lib_day(st->lib, k);
		size_t unread = st->marks.unread_day ? st->marks.unread_day[k] : 0;

		const char *label = d->label ? d->label : "?";

		draw_row_hl(f, in, (int)i, k == st->list.day && st->list.view == UI_VIEW_DAYS, focused, ' ',
		    label, day_counts(num, sizeof num, label, unread, d->count, in.w),
		    unread ? SETTINGS_EL_UNREAD : SETTINGS_EL_NORMAL, NULL, 0);
	}
}

/* The papers and unread papers of the Categories pane's "All" row. */
static void
all_counts(const struct ui_state *st, size_t *all, size_t *unread)
{
	const struct day *d = ui_list_day(st);
	size_t i;

	if (st->list.view == UI_VIEW_RESULTS) {
		*all = st->list.nfound;
		for (i = *unread = 0; i < st->list.nfound; i++)
			*unread += !st->marks.read[st->list.found[i]];
	} else if (st->list.view == UI_VIEW_STARRED) {
		*all = st->marks.nstarred;
		for (i = *unread = 0; i < lib_npapers(st->lib); i++)
			*unread += st->marks.star[i] && !st->marks.read[i];
	} else {
		*all = d ? d->npapers : 0;
		*unread = d && st->marks.unread_day ? st->marks.unread_day[st->list.day] : 0;
	}
}

/* The Categories pane: All, then each category of the day with its count. */
static void
draw_cats(struct frame *f, struct ui_rect r, int focused)
{
	const struct ui_state *st = f->st;
	const struct ui_list *l = &st->list;
	struct ui_rect in = ui_layout_inner(r);
	size_t n = l->ncats + 1, i, all, all_unread;
	char num[48], foot[48];

	all_counts(st, &all, &all_unread);
	ui_term_box(f->t, r, focused, "Categories", position(foot, sizeof foot, l->cat, n));
	for (i = 0; (int)i < in.h && st->nav.top[UI_CATS] + i < n; i++) {
		size_t c = st->nav.top[UI_CATS] + i;
		size_t unread = c == 0 ? all_unread : l->cats[c - 1].unread;

		counts(num, sizeof num, unread, c == 0 ? all : l->cats[c - 1].count);
		draw_row_hl(f, in, (int)i, c == l->cat, focused, ' ', c == 0 ? "All" : l->cats[c - 1].name,
		    num, unread ? SETTINGS_EL_UNREAD : SETTINGS_EL_NORMAL, NULL, 0);
	}
}

/*
 * The right text of paper p's row: its votes; in the results view, which
 * mix days, its votes and its (newest) day.
 */
static const char *
row_right(const struct ui_state *st, const struct paper *p, struct buf *out)
{
	const struct day *d = st->list.view == UI_VIEW_RESULTS && p->ndays ?
	    lib_day(st->lib, p->days[0]) : NULL;

	buf_setlen(out, 0);
	if (p->votes >= 0)
		buf_printf(out, "%ld", p->votes);
	if (d && d->label)
		buf_printf(out, "%s%s", out->len ? "  " : "", d->label);
	return out->len ? out->buf : NULL;
}

/* The Papers pane's title: the view's name. */
static const char *
papers_title(const struct ui_state *st)
{
	switch (st->list.view) {
	case UI_VIEW_STARRED: return "Papers: starred";
	case UI_VIEW_RESULTS: return "Papers: search results";
	default: return "Papers";
	}
}

/* The Papers pane: tag, star and read marks, title, votes (and the day of a result). */
static void
draw_papers(struct frame *f, struct ui_rect r, int focused)
{
	const struct ui_state *st = f->st;
	struct ui_rect in = ui_layout_inner(r);
	struct buf left = BUF_INIT, right = BUF_INIT;
	char foot[48];
	size_t i, marks;

	ui_term_box(f->t, r, focused, papers_title(st),
	    position(foot, sizeof foot, st->list.sel, st->list.n));
	buf_init(&left);
	buf_init(&right);
	for (i = 0; (int)i < in.h && st->nav.top[UI_PAPERS] + i < st->list.n; i++) {
		size_t row = st->nav.top[UI_PAPERS] + i;
		uint32_t k = st->list.v[row];
		const struct paper *p = lib_paper(st->lib, k);

		buf_setlen(&left, 0);
		buf_puts(&left, st->marks.star[k] ? "*" : " ");
		buf_puts(&left, st->marks.read[k] ? "\xE2\x9C\x93 " : "  ");	/* U+2713 */
		marks = left.len;
		buf_puts(&left, ui_paper_label(p));
		draw_row_hl(f, in, (int)i, row == st->list.sel, focused,
		    ui_tags_has(st, k) ? '+' : ' ', left.buf, row_right(st, p, &right),
		    st->marks.read[k] ? SETTINGS_EL_NORMAL : SETTINGS_EL_UNREAD, matches(st), marks);
	}
	if (st->list.n == 0 && in.h > 0) {
		buf_setlen(&left, 0);
		if (st->list.total)	/* every paper is hidden: say by what */
			buf_printf(&left, "(all %zu hidden by the filters)", st->list.total);
		else
			buf_puts(&left, "(no papers)");
		put_str(f, in.y, in.x, in.w, left.buf, UI_STYLE_PLAIN, 0);
	}
	buf_free(&left);
	buf_free(&right);
}

/* The style of a summary line kind. */
static int
line_style(enum ui_line_kind k)
{
	switch (k) {
	case UI_LINE_TITLE: return SETTINGS_EL_TITLE;
	case UI_LINE_HEAD: return SETTINGS_EL_HEADING;
	case UI_LINE_META: return UI_STYLE_DIM;
	default: return SETTINGS_EL_NORMAL;
	}
}

/* The Summary pane: the laid-out summary from its first line shown. */
static void
draw_summary(struct frame *f, struct ui_rect r, int focused)
{
	const struct ui_state *st = f->st;
	struct ui_rect in = ui_layout_inner(r);
	const struct ui_sumview *sv = &st->paper.sv;
	size_t i, top = st->paper.sum_top;
	char foot[96];

	buf_setlen(&f->row, 0);
	buf_puts(&f->row, "Summary");
	if (ui_list_paper(st) && ui_list_paper(st)->nsums) {
		buf_puts(&f->row, " ");
		ui_paper_sum_name(st, &f->row);
	}
	foot[0] = '\0';
	if (sv->n > (size_t)in.h && in.h > 0)
		snprintf(foot, sizeof foot, "%zu-%zu/%zu", top + 1,
		    top + (size_t)in.h < sv->n ? top + (size_t)in.h : sv->n, sv->n);
	ui_term_box(f->t, r, focused, f->row.buf, foot[0] ? foot : NULL);
	if (!sv->valid || sv->width != in.w)
		return;
	for (i = 0; (int)i < in.h && top + i < sv->n; i++) {
		const struct ui_line *ln = &sv->v[top + i];
		int y = in.y + (int)i;
		struct search *hl = matches(st);

		if (hl && search_is_short(hl) && ln->kind != UI_LINE_TITLE && ln->kind != UI_LINE_META)
			hl = NULL;	/* a short query does not search the summary's text */
		if (ln->kind == UI_LINE_BULLET && ln->indent >= 2)
			put_str(f, y, in.x + ln->indent - 2, 2, "\xE2\x80\xA2", UI_STYLE_PLAIN, 0);
		put_hl(f, y, in.x + ln->indent, in.w - ln->indent, sv->text.buf + ln->off, ln->len,
		    line_style(ln->kind), 0, hl, 0, (size_t)-1);
	}
}

/* The Links pane: numbered links with their kind and URL. */
static void
draw_links(struct frame *f, struct ui_rect r, int focused)
{
	const struct ui_state *st = f->st;
	struct ui_rect in = ui_layout_inner(r);
	size_t n = st->paper.nlinks, i;
	struct buf left = BUF_INIT;
	char foot[48];

	ui_term_box(f->t, r, focused, "Links", position(foot, sizeof foot, st->paper.link, n));
	if (n == 0 && in.h > 0)
		put_str(f, in.y, in.x, in.w, "(no links)", UI_STYLE_PLAIN, 0);
	buf_init(&left);
	for (i = 0; (int)i < in.h && st->nav.top[UI_LINKS] + i < n; i++) {
		size_t k = st->nav.top[UI_LINKS] + i;
		const struct link *l = &st->paper.links[k];
		int mark = in.w >= 3 ? 2 : 0, at;

		buf_setlen(&left, 0);
		buf_printf(&left, "%zu %-11s ", k + 1, link_kind_name(l->kind));
		at = mark + (int)left.len;
		buf_puts(&left, l->url ? l->url : "");
		draw_row(f, in, (int)i, k == st->paper.link, focused, left.buf, NULL);
		buf_setlen(&f->why, 0);
		if (l->url && at < in.w && launch_url_check(l->url, &f->why))
			ui_term_link(f->t, in.y + (int)i, in.x + at, in.w - at, l->url);
	}
	buf_free(&left);
}

/* The status line: position, day, language, message, and a help hint. */
static void
draw_status(struct frame *f, struct ui_rect r)
{
	const struct ui_state *st = f->st;
	struct buf left = BUF_INIT;
	int w = r.w;

	if (r.h <= 0)
		return;
	if (r.y + 1 >= f->rows)
		w--;	/* the bottom-right cell cannot be written without scrolling */
	buf_init(&left);
	if (st->prompt.kind != UI_PROMPT_NONE)
		ui_prompt_text(st, &left);	/* the line being typed, a cursor, then the message */
	else
		ui_state_position(st, &left);
	if (st->prompt.kind != UI_PROMPT_NONE)
		buf_puts(&left, "_");
	if (st->fetch.activity.len) {	/* a background fetch's progress */
		buf_puts(&left, " | ");
		buf_add(&left, st->fetch.activity.buf, st->fetch.activity.len);
	}
	if (st->load.activity.len) {	/* a background load's progress */
		buf_puts(&left, " | ");
		buf_add(&left, st->load.activity.buf, st->load.activity.len);
	}
	if (st->status.len) {
		buf_puts(&left, st->prompt.kind != UI_PROMPT_NONE ? "  " : " | ");
		buf_add(&left, st->status.buf, st->status.len);
	}
	buf_setlen(&f->row, 0);
	ui_layout_row(&f->row, left.buf, st->prompt.kind != UI_PROMPT_NONE ? "Esc cancels" : "? help",
	    w > 0 ? (size_t)w : 0);
	ui_term_text(f->t, r.y, r.x, w, f->row.buf, f->row.len, SETTINGS_EL_STATUS, WIDTH_PAD);
	buf_free(&left);
}

/* The help screen over the panes. */
static void
draw_help(struct frame *f, struct ui_rect r)
{
	struct ui_rect in = ui_layout_inner(r);
	struct buf text = BUF_INIT;
	size_t pos = 0, line = 0;
	int y;

	if (r.h <= 0)
		return;
	for (y = r.y; y < r.y + r.h; y++)
		put_str(f, y, r.x, r.w, "", UI_STYLE_PLAIN, WIDTH_PAD);
	ui_term_box(f->t, r, 1, f->st->help.title ? f->st->help.title : "Help", NULL);
	buf_init(&text);
	ui_help_build(f->st, ui_help_width(r), &text);
	y = in.y;
	while (pos < text.len && y < in.y + in.h) {
		const char *nl = memchr(text.buf + pos, '\n', text.len - pos);
		size_t end = nl ? (size_t)(nl - text.buf) : text.len;

		if (line++ >= f->st->help.top)
			ui_term_text(f->t, y++, in.x + 1, in.w - 1, text.buf + pos, end - pos,
			    UI_STYLE_PLAIN, 0);
		pos = end + 1;
	}
	buf_free(&text);
}

/* Draw everything from the state. */
void
ui_draw(struct ui_term *t, const struct ui_state *st, const struct ui_layout *l, int repaint)
{
	static void (*const pane[UI_NPANES])(struct frame *, struct ui_rect, int) = {
		draw_days, draw_cats, draw_papers, draw_summary, draw_links,
	};
	struct frame f;
	int i;

	memset(&f, 0, sizeof f);
	f.t = t;
	f.st = st;
	ui_term_size(t, &f.rows, &f.cols);
	buf_init(&f.row);
	buf_init(&f.text);
	buf_init(&f.why);
	ui_term_begin(t, repaint);
	for (i = 0; i < UI_NPANES; i++)
		if (l->pane[i].h > 0 && l->pane[i].w > 0)
			pane[i](&f, l->pane[i], st->nav.focus == (enum ui_pane)i);
	draw_status(&f, l->status);
	if (st->help.open)
		draw_help(&f, l->help);
	ui_term_end(t, !st->help.open);
	buf_free(&f.row);
	buf_free(&f.text);
	buf_free(&f.why);
	free(f.spans);
}

/* Lay out for the terminal's size and fit the state to it. */
void
ui_draw_fit(struct ui_term *t, struct ui_state *st, struct ui_layout *l)
{
	int rows, cols;

	ui_term_size(t, &rows, &cols);
	ui_layout_compute(l, rows, cols, st->nav.focus, ui_list_width(st), st->nav.zoom);
	ui_state_fit(st, l);
}

/* Lay out for the terminal's size, fit the state to it and draw. */
void
ui_draw_screen(struct ui_term *t, struct ui_state *st, int repaint)
{
	struct ui_layout l;

	ui_draw_fit(t, st, &l);
	ui_draw(t, st, &l, repaint);
}
