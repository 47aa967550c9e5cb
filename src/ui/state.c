/* ui/state.c: key table, commands and state transitions of the reader (no curses). */
#include "ui/state.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "settings/settings.h"
#include "export/export.h"
#include "model/search.h"
#include "marks/marks.h"
#include "text/text.h"
#include "text/width.h"

static const struct ui_binding default_keys[] = {
	{ 'j', UI_CMD_DOWN }, { KEYNAME_DOWN, UI_CMD_DOWN },
	{ 'k', UI_CMD_UP }, { KEYNAME_UP, UI_CMD_UP },
	{ 'g', UI_CMD_TOP }, { KEYNAME_HOME, UI_CMD_TOP },
	{ 'G', UI_CMD_BOTTOM }, { KEYNAME_END, UI_CMD_BOTTOM },
	{ KEYNAME_PGDN, UI_CMD_PAGE_DOWN }, { ' ', UI_CMD_PAGE_DOWN },
	{ KEYNAME_PGUP, UI_CMD_PAGE_UP },
	{ KEYNAME_CTRL('d'), UI_CMD_HALF_DOWN }, { KEYNAME_CTRL('u'), UI_CMD_HALF_UP },
	{ '\t', UI_CMD_FOCUS_NEXT }, { 'l', UI_CMD_FOCUS_NEXT }, { KEYNAME_RIGHT, UI_CMD_FOCUS_NEXT },
	{ KEYNAME_BTAB, UI_CMD_FOCUS_PREV }, { 'h', UI_CMD_FOCUS_PREV }, { KEYNAME_LEFT, UI_CMD_FOCUS_PREV },
	{ KEYNAME_ENTER, UI_CMD_ENTER },
	{ '1', UI_CMD_OPEN_NUM }, { '2', UI_CMD_OPEN_NUM }, { '3', UI_CMD_OPEN_NUM },
	{ '4', UI_CMD_OPEN_NUM }, { '5', UI_CMD_OPEN_NUM }, { '6', UI_CMD_OPEN_NUM },
	{ '7', UI_CMD_OPEN_NUM }, { '8', UI_CMD_OPEN_NUM }, { '9', UI_CMD_OPEN_NUM },
	{ 'o', UI_CMD_OPEN_ARXIV },
	{ 'y', UI_CMD_COPY },
	{ 't', UI_CMD_LANG },
	{ 'u', UI_CMD_TOGGLE_READ }, { 'U', UI_CMD_NEXT_UNREAD },
	{ 's', UI_CMD_STAR }, { 'S', UI_CMD_STARRED },
	{ '/', UI_CMD_SEARCH }, { 'n', UI_CMD_SEARCH_NEXT }, { 'N', UI_CMD_SEARCH_PREV },
	{ 'f', UI_CMD_FILTER }, { 'v', UI_CMD_MIN_VOTES }, { 'O', UI_CMD_ORDER },
	{ 'E', UI_CMD_EXPORT },
	{ 'r', UI_CMD_RELOAD },
	{ KEYNAME_CTRL('l'), UI_CMD_REDRAW },
	{ '?', UI_CMD_HELP },
	{ KEYNAME_ESC, UI_CMD_CLOSE },
	{ 'q', UI_CMD_QUIT },
};

/* The built-in key table. */
const struct ui_binding *
ui_default_keys(size_t *n)
{
	*n = sizeof default_keys / sizeof default_keys[0];
	return default_keys;
}

/* One-line descriptions of the commands, for the help screen. */
const char *
ui_cmd_help(enum ui_cmd c)
{
	static const char *const help[UI_NCMDS] = {
		[UI_CMD_DOWN] = "move down (scroll the summary down)",
		[UI_CMD_UP] = "move up (scroll the summary up)",
		[UI_CMD_TOP] = "go to the first item",
		[UI_CMD_BOTTOM] = "go to the last item",
		[UI_CMD_PAGE_DOWN] = "page down",
		[UI_CMD_PAGE_UP] = "page up",
		[UI_CMD_HALF_DOWN] = "half a page down",
		[UI_CMD_HALF_UP] = "half a page up",
		[UI_CMD_FOCUS_NEXT] = "focus the next pane",
		[UI_CMD_FOCUS_PREV] = "focus the previous pane",
		[UI_CMD_ENTER] = "drill in: day > categories > papers > summary > links; open a link",
		[UI_CMD_OPEN_NUM] = "open link N (Links pane)",
		[UI_CMD_OPEN_ARXIV] = "open the paper's arXiv page (copied over SSH)",
		[UI_CMD_COPY] = "copy the link (Links pane) or the arXiv page to the clipboard",
		[UI_CMD_LANG] = "cycle the summary language and source",
		[UI_CMD_TOGGLE_READ] = "mark the paper read or unread",
		[UI_CMD_NEXT_UNREAD] = "go to the next unread paper, across days",
		[UI_CMD_STAR] = "star or unstar the paper",
		[UI_CMD_STARRED] = "show the starred papers of every day (again: back to the days)",
		[UI_CMD_SEARCH] = "search as you type; Tab: this day only / every day; Esc: back",
		[UI_CMD_SEARCH_NEXT] = "go to the next match",
		[UI_CMD_SEARCH_PREV] = "go to the previous match",
		[UI_CMD_FILTER] = "show all papers, only unread, only starred",
		[UI_CMD_MIN_VOTES] = "show only papers with at least N votes (0: all)",
		[UI_CMD_ORDER] = "order papers by votes, title or date",
		[UI_CMD_EXPORT] = "export the list as BibTeX, Markdown or JSON Lines",
		[UI_CMD_RELOAD] = "reload the inputs from disk",
		[UI_CMD_REDRAW] = "redraw the screen",
		[UI_CMD_HELP] = "show or close this help",
		[UI_CMD_CLOSE] = "close the help",
		[UI_CMD_QUIT] = "quit (close the help when it is open)",
	};

	return c < UI_NCMDS && help[c] ? help[c] : "";
}

static const char *const cmd_names[UI_NCMDS] = {
	[UI_CMD_DOWN] = "down", [UI_CMD_UP] = "up", [UI_CMD_TOP] = "top",
	[UI_CMD_BOTTOM] = "bottom", [UI_CMD_PAGE_DOWN] = "page-down",
	[UI_CMD_PAGE_UP] = "page-up", [UI_CMD_HALF_DOWN] = "half-page-down",
	[UI_CMD_HALF_UP] = "half-page-up", [UI_CMD_FOCUS_NEXT] = "next-pane",
	[UI_CMD_FOCUS_PREV] = "previous-pane", [UI_CMD_ENTER] = "enter",
	[UI_CMD_OPEN_NUM] = "open-number", [UI_CMD_OPEN_ARXIV] = "open",
	[UI_CMD_COPY] = "copy", [UI_CMD_LANG] = "language",
	[UI_CMD_TOGGLE_READ] = "toggle-read", [UI_CMD_NEXT_UNREAD] = "next-unread",
	[UI_CMD_STAR] = "star", [UI_CMD_STARRED] = "starred", [UI_CMD_SEARCH] = "search",
	[UI_CMD_SEARCH_NEXT] = "search-next", [UI_CMD_SEARCH_PREV] = "search-previous",
	[UI_CMD_FILTER] = "filter", [UI_CMD_MIN_VOTES] = "min-votes", [UI_CMD_ORDER] = "order",
	[UI_CMD_EXPORT] = "export", [UI_CMD_RELOAD] = "reload", [UI_CMD_REDRAW] = "redraw",
	[UI_CMD_HELP] = "help", [UI_CMD_CLOSE] = "close", [UI_CMD_QUIT] = "quit",
};

/* Name of a command for "bind KEY COMMAND". */
const char *
ui_cmd_name(enum ui_cmd c)
{
	return c < UI_NCMDS && cmd_names[c] ? cmd_names[c] : "";
}

/*
 * Append one line per command of the key table keys[0..n): its keys (runs
 * of three or more consecutive characters as "1-9") and what it does.
 */
void
ui_keys_describe(const struct ui_binding *keys, size_t n, struct buf *out)
{
	struct buf names = BUF_INIT;
	int c;

	buf_init(&names);
	for (c = 0; c < UI_NCMDS; c++) {
		size_t i, w;

		buf_setlen(&names, 0);
		for (i = 0; i < n; i++) {
			size_t j = i;

			if (keys[i].cmd != (enum ui_cmd)c)
				continue;
			while (j + 1 < n && keys[j + 1].cmd == (enum ui_cmd)c &&
			    keys[j + 1].key == keys[j].key + 1 && keys[j].key > 0x20 &&
			    keys[j + 1].key < 0x7f)
				j++;
			if (names.len)
				buf_puts(&names, ", ");
			keyname_print(&names, keys[i].key, KEYNAME_SHOWN);
			if (j >= i + 2) {
				buf_addch(&names, '-');
				keyname_print(&names, keys[j].key, KEYNAME_SHOWN);
				i = j;
			}
		}
		if (names.len == 0)
			continue;
		buf_puts(out, "  ");
		buf_puts(out, names.buf);
		w = width_of(names.buf, names.len);
		do
			buf_addch(out, ' ');
		while (++w < 24);
		buf_puts(out, ui_cmd_help((enum ui_cmd)c));
		buf_printf(out, " [%s]\n", ui_cmd_name((enum ui_cmd)c));
	}
	buf_free(&names);
}

/* Append the help text: one line per command with its keys. */
void
ui_help_build(const struct ui_state *st, struct buf *out)
{
	buf_puts(out, "paperboy keys (q or Esc closes this help)\n\n");
	ui_keys_describe(st->keys, st->nkeys, out);
	buf_puts(out, "\nPanes: Days, Categories, Papers, Summary, Links; the focused pane\n"
	    "has a double border and its name in [brackets].  In Papers, * is a\n"
	    "star and a check mark a paper read; Days and Categories show\n"
	    "unread/total.  [name]: the command for \"bind KEY name\" in the\n"
	    "settings file.\n");
}

/* Set the status message. */
void
ui_state_message(struct ui_state *st, const char *fmt, ...)
{
	va_list ap;

	buf_setlen(&st->status, 0);
	va_start(ap, fmt);
	buf_vprintf(&st->status, fmt, ap);
	va_end(ap);
}

/* The selected day, or NULL. */
static const struct day *
cur_day(const struct ui_state *st)
{
	return st->day < lib_ndays(st->lib) ? lib_day(st->lib, st->day) : NULL;
}

/* The selected paper, or NULL. */
const struct paper *
ui_state_paper(const struct ui_state *st)
{
	if (st->sel >= st->nlist || st->list[st->sel] >= lib_npapers(st->lib))
		return NULL;
	return lib_paper(st->lib, st->list[st->sel]);
}

/* The selected link, or NULL. */
const struct link *
ui_state_link(const struct ui_state *st)
{
	return st->link < st->nlinks ? &st->links[st->link] : NULL;
}

/* True when link l has kind k and names arXiv paper id. */
static int
link_is(const struct link *l, enum link_kind k, const char *id)
{
	struct buf b = BUF_INIT;
	int same;

	if (l->kind != k || l->url == NULL)
		return 0;
	buf_init(&b);
	same = link_arxiv_id(&b, l->url, strlen(l->url)) && strcmp(b.buf, id) == 0;
	buf_free(&b);
	return same;
}

/* The paper's arXiv page: the abs link of its id, else its first arXiv link. */
const struct link *
ui_state_arxiv(const struct ui_state *st)
{
	const struct paper *p = ui_state_paper(st);
	size_t i;

	for (i = 0; p && p->id && i < st->nlinks; i++)
		if (link_is(&st->links[i], LINK_ARXIV, p->id))
			return &st->links[i];
	for (i = 0; i < st->nlinks; i++)
		if (st->links[i].kind == LINK_ARXIV)
			return &st->links[i];
	return NULL;
}

/* Forget the link list. */
static void
free_links(struct ui_state *st)
{
	size_t i;

	for (i = 0; i < sizeof st->own / sizeof st->own[0]; i++) {
		free(st->own[i]);
		st->own[i] = NULL;
	}
	free(st->links);
	st->links = NULL;
	st->nlinks = 0;
	st->target = NULL;
}

/*
 * The selected paper's links, then, when its arXiv id is known and no
 * link already gives them, its arXiv page, PDF and Hugging Face page.
 */
static void
build_links(struct ui_state *st)
{
	static const struct {
		enum link_kind kind;
		const char *pre;
	} by_id[] = {
		{ LINK_ARXIV, "https://arxiv.org/abs/" },
		{ LINK_PDF, "https://arxiv.org/pdf/" },
		{ LINK_HUGGINGFACE, "https://huggingface.co/papers/" },
	};
	const struct paper *p = ui_state_paper(st);
	size_t i, k, n;

	free_links(st);
	if (!p)
		return;
	st->links = xcalloc(p->nlinks + 3, sizeof *st->links);
	for (i = 0; i < p->nlinks; i++)
		st->links[st->nlinks++] = p->links[i];
	if (!p->id)
		return;
	for (k = 0; k < sizeof by_id / sizeof by_id[0]; k++) {
		struct buf url = BUF_INIT;

		for (i = 0, n = st->nlinks; i < n; i++)
			if (link_is(&st->links[i], by_id[k].kind, p->id))
				break;
		if (i < n)
			continue;
		buf_init(&url);
		buf_printf(&url, "%s%s", by_id[k].pre, p->id);
		st->own[k] = buf_detach(&url, NULL);
		st->links[st->nlinks].kind = by_id[k].kind;
		st->links[st->nlinks].url = st->own[k];
		st->nlinks++;
	}
}

/* qsort comparison of category names. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Gather the starred papers (lib order: newest day first) into *out. */
static size_t
starred_papers(const struct ui_state *st, uint32_t **out)
{
	size_t n = lib_npapers(st->lib), i, k = 0;

	*out = xcalloc(n ? n : 1, sizeof **out);
	for (i = 0; i < n; i++)
		if (st->star[i])
			(*out)[k++] = (uint32_t)i;
	return k;
}

/*
 * The papers the Categories and Papers panes draw from: the selected
 * day's, or every starred paper.  *tofree is set when the array is the
 * caller's to free.
 */
static size_t
view_papers(const struct ui_state *st, const uint32_t **v, uint32_t **tofree)
{
	const struct day *d;

	*tofree = NULL;
	if (st->view == UI_VIEW_STARRED) {
		size_t n = starred_papers(st, tofree);

		*v = *tofree;
		return n;
	}
	d = cur_day(st);
	*v = d ? d->papers : NULL;
	return d ? d->npapers : 0;
}

/* Collect the categories of the view with their counts, by name. */
static void
build_cats(struct ui_state *st)
{
	const uint32_t *v;
	uint32_t *tofree;
	size_t np = view_papers(st, &v, &tofree);
	const char **names;
	size_t n = 0, i, j;

	free(st->cats);
	st->cats = NULL;
	st->ncats = 0;
	for (i = 0; i < np; i++)
		if (v[i] < lib_npapers(st->lib))
			n += lib_paper(st->lib, v[i])->ncats;
	if (n == 0) {
		free(tofree);
		return;
	}
	names = xcalloc(n, sizeof *names);
	n = 0;
	for (i = 0; i < np; i++) {
		const struct paper *p;

		if (v[i] >= lib_npapers(st->lib))
			continue;
		p = lib_paper(st->lib, v[i]);
		for (j = 0; j < p->ncats; j++) {
			size_t k;

			/* a paper counts once per category */
			for (k = 0; k < j && strcmp(p->cats[k], p->cats[j]) != 0; k++)
				;
			if (k == j && p->cats[j])
				names[n++] = p->cats[j];
		}
	}
	qsort(names, n, sizeof *names, cmp_str);
	st->cats = xcalloc(n ? n : 1, sizeof *st->cats);
	for (i = 0; i < n; i++) {
		if (st->ncats && strcmp(st->cats[st->ncats - 1].name, names[i]) == 0) {
			st->cats[st->ncats - 1].count++;
			continue;
		}
		st->cats[st->ncats].name = names[i];
		st->cats[st->ncats].count = 1;
		st->ncats++;
	}
	free(names);
	free(tofree);
}

/* True when paper p is in category name. */
static int
has_cat(const struct paper *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->ncats; i++)
		if (p->cats[i] && strcmp(p->cats[i], name) == 0)
			return 1;
	return 0;
}

/* Recount the unread papers of every day and the starred papers (after the marks change). */
static void
count_days(struct ui_state *st)
{
	size_t nd = lib_ndays(st->lib), i, k, np = lib_npapers(st->lib);

	free(st->unread_day);
	st->unread_day = xcalloc(nd ? nd : 1, sizeof *st->unread_day);
	for (i = 0; i < nd; i++) {
		const struct day *d = lib_day(st->lib, i);

		for (k = 0; k < d->npapers; k++)
			if (d->papers[k] < np && !st->read[d->papers[k]])
				st->unread_day[i]++;
	}
	st->nstarred = 0;
	for (i = 0; i < np; i++)
		st->nstarred += st->star[i] != 0;
}

/* Recount the unread papers of each category of the view (after build_cats or a mark). */
static void
count_cats(struct ui_state *st)
{
	size_t np = lib_npapers(st->lib), i, k, n;
	const uint32_t *v;
	uint32_t *tofree;

	for (k = 0; k < st->ncats; k++)
		st->cats[k].unread = 0;
	n = view_papers(st, &v, &tofree);
	for (i = 0; i < n; i++) {
		const struct paper *p;

		if (v[i] >= np || st->read[v[i]])
			continue;
		p = lib_paper(st->lib, v[i]);
		for (k = 0; k < st->ncats; k++)
			if (has_cat(p, st->cats[k].name))
				st->cats[k].unread++;
	}
	free(tofree);
}

/* The --dump-order rank of a paper (lib index) for sorting. */
static const struct ui_state *sort_st;

/* qsort comparison of paper indices in the selected order. */
static int
cmp_order(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct paper *p = lib_paper(sort_st->lib, x), *q = lib_paper(sort_st->lib, y);
	int c = 0;

	switch (sort_st->order) {
	case UI_ORDER_VOTES:
		c = (p->votes < q->votes) - (p->votes > q->votes);
		break;
	case UI_ORDER_TITLE:
		c = strcasecmp(ui_paper_label(p), ui_paper_label(q));
		break;
	default:
		break;
	}
	return c ? c : (x > y) - (x < y);
}

/* True when paper i passes the filter and the minimum votes. */
static int
passes(const struct ui_state *st, uint32_t i)
{
	const struct paper *p = lib_paper(st->lib, i);

	if (st->filter == UI_FILTER_UNREAD && st->read[i])
		return 0;
	if (st->filter == UI_FILTER_STARRED && !st->star[i])
		return 0;
	return st->min_votes <= 0 || p->votes >= st->min_votes;
}

/* Fill list[] with the view's papers in the category, filtered and ordered. */
static void
build_list(struct ui_state *st)
{
	const uint32_t *v;
	uint32_t *tofree;
	size_t n = view_papers(st, &v, &tofree), i;

	free(st->list);
	st->nlist = 0;
	st->list = xcalloc(n ? n : 1, sizeof *st->list);
	for (i = 0; i < n; i++) {
		if (v[i] >= lib_npapers(st->lib))
			continue;
		if (st->cat > 0 && st->cat <= st->ncats &&
		    !has_cat(lib_paper(st->lib, v[i]), st->cats[st->cat - 1].name))
			continue;
		if (!passes(st, v[i]))
			continue;
		st->list[st->nlist++] = v[i];
	}
	free(tofree);
	/* lib order is newest day, votes, title: the date order as it is */
	if (st->order != UI_ORDER_DATE) {
		sort_st = st;
		qsort(st->list, st->nlist, sizeof *st->list, cmp_order);
		sort_st = NULL;
	}
}

static void load_marks(struct ui_state *st);

/*
 * Save the marks after a change; a failure goes to the status line.  A
 * save merges what other readers saved meanwhile, so the marks are read
 * back: their stars and read papers show here too.  Returns 1 when it
 * did (the day counts are then fresh).
 */
static int
save_marks(struct ui_state *st)
{
	int reloaded = 0;

	if (!marks_path(st->marks))
		return 0;
	if (marks_save(st->marks) < 0) {
		size_t n = marks_nmsgs(st->marks);

		ui_state_message(st, "%s", n ? marks_msg(st->marks, n - 1) : "cannot save the marks");
	} else {
		load_marks(st);
		reloaded = 1;
	}
	marks_clear_msgs(st->marks);
	return reloaded;
}

/* Set a mark (MARKS_READ or MARKS_STARRED) of paper i (lib index) and keep it in the store. */
static void
set_mark(struct ui_state *st, size_t i, enum marks_field f, int on)
{
	const struct paper *p = lib_paper(st->lib, i);
	unsigned char *v = f == MARKS_READ ? st->read : st->star;
	int reloaded = 0;

	if (!p || !!v[i] == !!on)
		return;
	v[i] = on != 0;
	if (p->key) {
		marks_set(st->marks, p->key, f, on);
		reloaded = save_marks(st);
	}
	if (!reloaded)
		count_days(st);	/* a save that read the marks back counted them */
	count_cats(st);
}

/* Set the read mark of paper i. */
static void
set_read(struct ui_state *st, size_t i, int on)
{
	set_mark(st, i, MARKS_READ, on);
}

/* Select row i of the paper list: preferred language, top of summary, read mark. */
static void
select_paper(struct ui_state *st, size_t i)
{
	const struct paper *p;
	size_t k;

	st->sel = i < st->nlist ? i : (st->nlist ? st->nlist - 1 : 0);
	st->link = 0;
	st->sum = 0;
	st->sum_top = 0;
	st->top[UI_LINKS] = 0;
	build_links(st);
	st->shown = SIZE_MAX;
	p = ui_state_paper(st);
	if (!p)
		return;
	if (st->lang)
		for (k = 0; k < p->nsums; k++)
			if (p->sums[k].lang && strcmp(p->sums[k].lang, st->lang) == 0) {
				st->sum = k;
				break;
			}
}

/*
 * The user opened the selected paper (moved to it, clicked it, jumped to
 * it): mark it read now, or arm the delay.  Selections made by rebuilding
 * lists (filters, reloads, going back) are not openings.
 */
static void
paper_opened(struct ui_state *st)
{
	st->shown = SIZE_MAX;
	if (!ui_state_paper(st))
		return;
	if (st->markread == UI_MARKREAD_OPEN) {
		set_read(st, st->list[st->sel], 1);
	} else if (st->markread == UI_MARKREAD_DELAY && !st->read[st->list[st->sel]]) {
		st->shown = st->list[st->sel];
		st->shown_at = -1;	/* the clock starts at the next tick */
	}
}

/* The lib index of the selected paper, or SIZE_MAX. */
static size_t
sel_index(const struct ui_state *st)
{
	return ui_state_paper(st) ? st->list[st->sel] : SIZE_MAX;
}

/* Select category row c (0 = All) and its first paper. */
static void
select_cat(struct ui_state *st, size_t c)
{
	st->cat = c <= st->ncats ? c : 0;
	build_list(st);
	st->top[UI_PAPERS] = 0;
	select_paper(st, 0);
}

/* Select day d, category All and its first paper. */
static void
select_day(struct ui_state *st, size_t d)
{
	size_t n = lib_ndays(st->lib);

	st->day = d < n ? d : (n ? n - 1 : 0);
	build_cats(st);
	count_cats(st);
	st->top[UI_CATS] = 0;
	select_cat(st, 0);
}

/* Rebuild the lists after a filter, order or mark change, keeping the paper when it stays. */
static void
relist(struct ui_state *st)
{
	const struct paper *p = ui_state_paper(st);
	uint32_t keep = p ? st->list[st->sel] : UINT32_MAX;
	size_t i;
	const char *cat = st->cat > 0 && st->cat <= st->ncats ? st->cats[st->cat - 1].name : NULL;

	build_cats(st);
	st->cat = 0;
	for (i = 0; cat && i < st->ncats; i++)
		if (strcmp(st->cats[i].name, cat) == 0)
			st->cat = i + 1;
	count_cats(st);
	build_list(st);
	for (i = 0; i < st->nlist; i++)
		if (st->list[i] == keep) {
			size_t link = st->link, sum = st->sum, top = st->sum_top;
			size_t shown = st->shown;
			double at = st->shown_at;

			select_paper(st, i);
			st->link = link;
			st->sum = sum;
			st->sum_top = top;
			st->shown = shown;
			st->shown_at = at;
			return;
		}
	select_paper(st, st->sel);
}

/* Read every paper's marks from the marks store. */
static void
load_marks(struct ui_state *st)
{
	size_t n = lib_npapers(st->lib), i;

	free(st->read);
	free(st->star);
	st->read = xcalloc(n ? n : 1, 1);
	st->star = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++) {
		const char *key = lib_paper(st->lib, i)->key;

		if (key) {
			st->read[i] = marks_get(st->marks, key, MARKS_READ) != 0;
			st->star[i] = marks_get(st->marks, key, MARKS_STARRED) != 0;
		}
	}
	count_days(st);
}

/* Start the reader state on a library. */
void
ui_state_init(struct ui_state *st, struct lib *lib, const char *lang, const char *status)
{
	memset(st, 0, sizeof *st);
	st->lib = lib;
	st->keys = ui_default_keys(&st->nkeys);
	st->focus = UI_PAPERS;
	st->lang = lang ? xstrdup(lang) : NULL;
	buf_init(&st->status);
	buf_init(&st->input);
	ui_sumview_init(&st->sv);
	st->marks = marks_new(NULL);
	st->own_marks = 1;
	st->markread = UI_MARKREAD_DELAY;
	st->markread_ms = 1000;
	st->shown = SIZE_MAX;
	st->search = search_new(lib);
	buf_init(&st->query);
	st->export_fmt = -1;
	load_marks(st);
	select_day(st, 0);
	paper_opened(st);
	if (status)
		ui_state_message(st, "%s", status);
}

/* Use a marks store (see ui_state.h). */
void
ui_state_set_marks(struct ui_state *st, struct marks *marks)
{
	if (st->own_marks)
		marks_free(st->marks);
	st->marks = marks ? marks : marks_new(NULL);
	st->own_marks = marks == NULL;
	load_marks(st);
	relist(st);
}

/* Free everything, the library included. */
void
ui_state_free(struct ui_state *st)
{
	free_links(st);
	lib_free(st->lib);
	free(st->lang);
	free(st->read);
	free(st->star);
	free(st->unread_day);
	free(st->cats);
	free(st->list);
	free(st->own_keys);
	if (st->own_marks)
		marks_free(st->marks);
	search_free(st->search);
	buf_free(&st->status);
	buf_free(&st->input);
	buf_free(&st->query);
	ui_sumview_free(&st->sv);
	memset(st, 0, sizeof *st);
}

/* Strings remembered across a reload. */
struct saved {
	char *day, *cat, *paper;
};

/* Copy the selection's names and key before the library goes. */
static void
save_selection(const struct ui_state *st, struct saved *sv)
{
	const struct day *d = cur_day(st);
	const struct paper *p = ui_state_paper(st);

	memset(sv, 0, sizeof *sv);
	sv->day = d && d->label ? xstrdup(d->label) : NULL;
	sv->cat = st->cat > 0 && st->cat <= st->ncats ? xstrdup(st->cats[st->cat - 1].name) : NULL;
	sv->paper = p && p->key ? xstrdup(p->key) : NULL;
}

/* Free the remembered strings. */
static void
free_saved(struct saved *sv)
{
	free(sv->day);
	free(sv->cat);
	free(sv->paper);
}

/* Swap in a new library and restore the selection by day label, category and paper key. */
void
ui_state_replace_lib(struct ui_state *st, struct lib *lib)
{
	struct saved sv;
	size_t i, d = 0;
	enum ui_pane focus = st->focus;
	size_t link = st->link, sum_top = st->sum_top;

	save_selection(st, &sv);
	free_links(st);
	lib_free(st->lib);
	st->lib = lib;
	ui_sumview_invalidate(&st->sv);
	search_free(st->search);
	st->search = search_new(lib);
	if (st->searching)
		st->searching = search_set(st->search, st->query.buf, st->query.len);
	/* this session's marks are in the store: read them for the new papers */
	load_marks(st);
	for (i = 0; sv.day && i < lib_ndays(lib); i++)
		if (lib_day(lib, i)->label && strcmp(lib_day(lib, i)->label, sv.day) == 0) {
			d = i;
			break;
		}
	select_day(st, d);
	for (i = 0; sv.cat && i < st->ncats; i++)
		if (strcmp(st->cats[i].name, sv.cat) == 0) {
			select_cat(st, i + 1);
			break;
		}
	for (i = 0; sv.paper && i < st->nlist; i++) {
		const char *key = lib_paper(lib, st->list[i])->key;

		if (key && strcmp(key, sv.paper) == 0) {
			select_paper(st, i);
			st->link = link < st->nlinks ? link : (st->nlinks ? st->nlinks - 1 : 0);
			st->sum_top = sum_top;
			break;
		}
	}
	st->focus = focus;
	free_saved(&sv);
}

/* Rows to move for a page: the pane height (at least 1). */
static size_t
page_rows(const struct ui_state *st, int half)
{
	size_t r = st->rows[st->focus];

	if (half)
		r /= 2;
	return r ? r : 1;
}

/* New index after moving by delta (may be negative) within [0, n), clamped. */
static size_t
step(size_t cur, long delta, size_t n)
{
	if (n == 0)
		return 0;
	if (delta < 0)
		return (size_t)-delta > cur ? 0 : cur - (size_t)-delta;
	if ((size_t)delta >= n - cur)
		return n - 1;
	return cur + (size_t)delta;
}

/* Greatest first line of the summary that still fills the pane. */
static size_t
sum_max_top(const struct ui_state *st)
{
	size_t rows = st->rows[UI_SUMMARY];

	return st->sum_lines > rows ? st->sum_lines - rows : 0;
}

/* Move the selection (or scroll) of the focused pane by delta rows. */
static unsigned
move(struct ui_state *st, long delta)
{
	size_t n;

	switch (st->focus) {
	case UI_DAYS:
		n = step(st->day, delta, lib_ndays(st->lib));
		if (st->view != UI_VIEW_DAYS) {
			/* moving in Days leaves the starred view */
			st->view = UI_VIEW_DAYS;
			select_day(st, n);
		} else if (n != st->day) {
			select_day(st, n);
		}
		break;
	case UI_CATS:
		n = step(st->cat, delta, st->ncats + 1);
		if (n != st->cat)
			select_cat(st, n);
		break;
	case UI_PAPERS:
		n = step(st->sel, delta, st->nlist);
		if (n != st->sel)
			select_paper(st, n);
		break;
	case UI_SUMMARY:
		st->sum_top = step(st->sum_top, delta, sum_max_top(st) + 1);
		break;
	case UI_LINKS:
		st->link = step(st->link, delta, st->nlinks);
		break;
	default:
		break;
	}
	return UI_ACT_REDRAW;
}

/* Cycle to the next summary of the paper and make its language the preferred one. */
static void
cycle_lang(struct ui_state *st)
{
	const struct paper *p = ui_state_paper(st);
	struct buf name = BUF_INIT;

	if (!p || p->nsums == 0) {
		ui_state_message(st, "this paper has no summary");
		return;
	}
	if (p->nsums == 1) {
		buf_init(&name);
		ui_state_sum_name(st, &name);
		ui_state_message(st, "only one summary: %s", name.buf);
		buf_free(&name);
		return;
	}
	st->sum = (st->sum + 1) % p->nsums;
	st->sum_top = 0;
	if (p->sums[st->sum].lang) {
		free(st->lang);
		st->lang = xstrdup(p->sums[st->sum].lang);
	}
	buf_init(&name);
	ui_state_sum_name(st, &name);
	ui_state_message(st, "summary: %s", name.buf);
	buf_free(&name);
}

/* Enter: drill into the next pane, or open the selected link. */
static unsigned
enter(struct ui_state *st)
{
	const struct link *l;

	switch (st->focus) {
	case UI_DAYS:
		st->focus = UI_CATS;
		break;
	case UI_CATS:
		st->focus = UI_PAPERS;
		break;
	case UI_PAPERS:
		st->focus = UI_SUMMARY;
		break;
	case UI_SUMMARY:
		st->focus = UI_LINKS;
		break;
	case UI_LINKS:
		l = ui_state_link(st);
		if (!l) {
			ui_state_message(st, "no link to open");
			break;
		}
		st->target = l;
		return UI_ACT_OPEN | UI_ACT_REDRAW;
	default:
		break;
	}
	return UI_ACT_REDRAW;
}

/* A number key in the Links pane: select link N and open it. */
static unsigned
open_num(struct ui_state *st)
{
	size_t n = st->key >= '1' && st->key <= '9' ? (size_t)(st->key - '1') : 0;

	if (st->focus != UI_LINKS) {
		ui_state_message(st, "number keys open links in the Links pane");
		return UI_ACT_REDRAW;
	}
	if (n >= st->nlinks) {
		ui_state_message(st, "no link %zu (this paper has %zu)", n + 1, st->nlinks);
		return UI_ACT_REDRAW;
	}
	st->link = n;
	st->target = &st->links[n];
	return UI_ACT_OPEN | UI_ACT_REDRAW;
}

/* o: open the paper's arXiv page. */
static unsigned
open_arxiv(struct ui_state *st)
{
	st->target = ui_state_arxiv(st);
	if (!st->target) {
		ui_state_message(st, "no arXiv page for this paper");
		return UI_ACT_REDRAW;
	}
	return UI_ACT_OPEN | UI_ACT_REDRAW;
}

/* y: copy the selected link in the Links pane, else the arXiv page. */
static unsigned
copy_link(struct ui_state *st)
{
	st->target = st->focus == UI_LINKS ? ui_state_link(st) : ui_state_arxiv(st);
	if (!st->target) {
		ui_state_message(st, st->focus == UI_LINKS ? "no link to copy" :
		    "no arXiv page for this paper");
		return UI_ACT_REDRAW;
	}
	return UI_ACT_COPY | UI_ACT_REDRAW;
}

/* Commands while the help screen is open: scroll it or close it. */
static unsigned
help_cmd(struct ui_state *st, enum ui_cmd cmd)
{
	switch (cmd) {
	case UI_CMD_DOWN:
		st->help_top++;
		break;
	case UI_CMD_UP:
		st->help_top = step(st->help_top, -1, st->help_top + 1);
		break;
	case UI_CMD_TOP:
		st->help_top = 0;
		break;
	case UI_CMD_BOTTOM:
		st->help_top = (size_t)-1 / 2;	/* clamped by ui_state_fit */
		break;
	case UI_CMD_PAGE_DOWN:
	case UI_CMD_HALF_DOWN:
		st->help_top += 10;
		break;
	case UI_CMD_PAGE_UP:
	case UI_CMD_HALF_UP:
		st->help_top = st->help_top > 10 ? st->help_top - 10 : 0;
		break;
	case UI_CMD_HELP:
	case UI_CMD_CLOSE:
	case UI_CMD_QUIT:
		st->help = 0;
		break;
	case UI_CMD_REDRAW:
		return UI_ACT_REPAINT | UI_ACT_REDRAW;
	default:
		return UI_ACT_NONE;
	}
	return UI_ACT_REDRAW;
}

/* Show paper (lib index) i: its first day in the Days order, All, the paper. */
static int
go_to_paper(struct ui_state *st, uint32_t i)
{
	const struct paper *p = lib_paper(st->lib, i);
	size_t k;

	if (!p)
		return 0;
	/* in the current list already (this day, the starred view): stay there */
	for (k = 0; k < st->nlist; k++)
		if (st->list[k] == i) {
			select_paper(st, k);
			return 1;
		}
	st->view = UI_VIEW_DAYS;
	select_day(st, p->ndays ? p->days[0] : lib_ndays(st->lib) - 1);
	for (k = 0; k < st->nlist; k++)
		if (st->list[k] == i) {
			select_paper(st, k);
			return 1;
		}
	/* hidden by the filter: show everything */
	st->filter = UI_FILTER_ALL;
	st->min_votes = 0;
	relist(st);
	for (k = 0; k < st->nlist; k++)
		if (st->list[k] == i) {
			select_paper(st, k);
			ui_state_message(st, "filter cleared to show the paper");
			return 1;
		}
	return 0;
}

/* Toggle a mark of the selected paper (it stays in the list either way). */
static unsigned
toggle_mark(struct ui_state *st, enum marks_field f)
{
	size_t i;

	if (!ui_state_paper(st)) {
		ui_state_message(st, "no paper selected");
		return UI_ACT_REDRAW;
	}
	i = st->list[st->sel];
	if (f == MARKS_READ) {
		set_mark(st, i, f, !st->read[i]);
		st->shown = SIZE_MAX;	/* by hand: the delay does not undo it */
		ui_state_message(st, "marked %s", st->read[i] ? "read" : "unread");
	} else {
		int on = !st->star[i];

		set_mark(st, i, f, on);
		if (st->view == UI_VIEW_STARRED)
			relist(st);	/* the Starred view shows what is starred */
		ui_state_message(st, "%s (%zu starred)", on ? "starred" : "unstarred", st->nstarred);
	}
	return UI_ACT_REDRAW;
}

/* The next unread paper after the selection, across every day (wrapping). */
static unsigned
next_unread(struct ui_state *st)
{
	size_t n = lib_npapers(st->lib), from = sel_index(st), k;

	if (from == SIZE_MAX)
		from = n - 1;	/* nothing selected: start at the first paper */

	for (k = 1; k <= n; k++) {
		uint32_t i = (uint32_t)((from + k) % n);

		if (!st->read[i] && (!ui_state_paper(st) || i != st->list[st->sel])) {
			go_to_paper(st, i);
			st->focus = UI_PAPERS;
			return UI_ACT_REDRAW;
		}
	}
	ui_state_message(st, "no unread papers");
	return UI_ACT_REDRAW;
}

/* Switch between the days and the starred papers of every day. */
static unsigned
toggle_starred(struct ui_state *st)
{
	if (st->view == UI_VIEW_STARRED) {
		st->view = UI_VIEW_DAYS;
		select_day(st, st->day);
		ui_state_message(st, "days");
		return UI_ACT_REDRAW;
	}
	st->view = UI_VIEW_STARRED;
	build_cats(st);
	count_cats(st);
	st->top[UI_CATS] = 0;
	select_cat(st, 0);
	st->focus = UI_PAPERS;
	ui_state_message(st, "starred papers of every day: %zu (S: back to the days)", st->nlist);
	return UI_ACT_REDRAW;
}

/* Cycle the filter: all, unread, starred. */
static unsigned
cycle_filter(struct ui_state *st)
{
	static const char *const names[UI_NFILTERS] = { "all papers", "unread only", "starred only" };

	st->filter = (enum ui_filter)((st->filter + 1) % UI_NFILTERS);
	relist(st);
	ui_state_message(st, "showing %s: %zu", names[st->filter], st->nlist);
	return UI_ACT_REDRAW;
}

/* Cycle the order: votes, title, date. */
static unsigned
cycle_order(struct ui_state *st)
{
	static const char *const names[UI_NORDERS] = { "votes", "title", "date" };

	st->order = (enum ui_order)((st->order + 1) % UI_NORDERS);
	relist(st);
	ui_state_message(st, "ordered by %s", names[st->order]);
	return UI_ACT_REDRAW;
}

/* Open a prompt. */
static unsigned
prompt_open(struct ui_state *st, enum ui_prompt pr)
{
	st->prompt = pr;
	if (pr != UI_PROMPT_SEARCH)
		buf_setlen(&st->input, 0);
	return UI_ACT_REDRAW;
}

/* The papers a search goes through, in order: every paper, or the current list. */
static size_t
search_scope(const struct ui_state *st, size_t k)
{
	return st->search_day ? st->list[k] : k;
}

/* Number of papers in the search scope. */
static size_t
scope_len(const struct ui_state *st)
{
	return st->search_day ? st->nlist : lib_npapers(st->lib);
}

/* Position of the selected paper in the search scope (0 when none). */
static size_t
scope_pos(const struct ui_state *st)
{
	if (!st->search_day)
		return sel_index(st) == SIZE_MAX ? 0 : sel_index(st);
	return st->sel < st->nlist ? st->sel : 0;
}

/*
 * Go to the next (dir 1) or previous (-1) match after the selection, or
 * at it (same); *nmatch is the number of matches, *which the rank of the
 * one chosen.  One pass over the scope collects the matches.
 */
static int
find_match(struct ui_state *st, int dir, int same, size_t *nmatch, size_t *which)
{
	size_t n = scope_len(st), from = scope_pos(st), k, count = 0, pick;
	size_t *m;

	if (!st->searching || n == 0)
		return 0;
	if (!ui_state_paper(st))
		same = 1;	/* nothing selected: the first match is next */
	m = xcalloc(n, sizeof *m);
	for (k = 0; k < n; k++)
		if (search_paper(st->search, search_scope(st, k)))
			m[count++] = k;
	*nmatch = count;
	if (count == 0) {
		free(m);
		return 0;
	}
	if (dir > 0) {
		/* the first match at (same) or after from, else wrap to the first */
		for (pick = 0; pick < count && (m[pick] < from || (!same && m[pick] == from)); pick++)
			;
		if (pick == count)
			pick = 0;
	} else {
		/* the last match before from, else wrap to the last */
		for (pick = count; pick > 0 && m[pick - 1] >= from; pick--)
			;
		pick = pick > 0 ? pick - 1 : count - 1;
	}
	*which = pick + 1;
	k = m[pick];
	free(m);
	if (st->search_day)
		select_paper(st, k);
	else
		go_to_paper(st, (uint32_t)k);
	return 1;
}

/* Say where the search stands on the status line (the prompt shows the query). */
static void
search_status(struct ui_state *st, int found, size_t count, size_t which)
{
	const char *scope = st->search_day ? "this day" : "every day";
	struct buf q = BUF_INIT;

	if (!st->searching)
		return;
	buf_init(&q);
	if (st->prompt != UI_PROMPT_SEARCH)
		buf_printf(&q, "/%s: ", search_query(st->search));
	if (found)
		ui_state_message(st, "%smatch %zu of %zu in %s", q.buf, which, count, scope);
	else
		ui_state_message(st, "%snot found in %s", q.buf, scope);
	buf_free(&q);
}

/* Restore the selection, filter and minimum votes saved when the search began. */
static void
restore_place(struct ui_state *st)
{
	size_t k;

	st->view = st->before.view;
	st->filter = st->before.filter;
	st->min_votes = st->before.min_votes;
	select_day(st, st->before.day);
	if (st->before.cat <= st->ncats)
		select_cat(st, st->before.cat);
	/* the same paper, wherever a rebuilt list put it */
	for (k = 0; k < st->nlist; k++)
		if (st->list[k] == st->before.paper)
			break;
	select_paper(st, k < st->nlist ? k : st->before.sel);
	st->focus = st->before.focus;
}

/* Run the search for what is typed, from where the search began. */
static void
search_update(struct ui_state *st)
{
	size_t count = 0, which = 0;
	int found;

	st->searching = search_set(st->search, st->input.buf, st->input.len);
	buf_setlen(&st->query, 0);
	buf_add(&st->query, st->input.buf, st->input.len);
	restore_place(st);
	if (!st->searching) {
		ui_state_message(st, "search: type a few letters (Tab: %s)",
		    st->search_day ? "this day" : "every day");
		return;
	}
	found = find_match(st, 1, 1, &count, &which);
	search_status(st, found, count, which);
}

/* Remove the last character (code point) typed. */
static void
input_backspace(struct buf *in)
{
	size_t n = in->len;

	while (n > 0 && ((unsigned char)in->buf[n - 1] & 0xC0) == 0x80)
		n--;
	buf_setlen(in, n > 0 ? n - 1 : 0);
}

/* A key while a prompt is open. */
static unsigned
prompt_key(struct ui_state *st, int key)
{
	switch (st->prompt) {
	case UI_PROMPT_EXPORT: {
		const char *p = key > 0 && key < 0x80 ? strchr("bmj", key) : NULL;

		st->prompt = UI_PROMPT_NONE;
		if (key == KEYNAME_ESC || p == NULL || key == 0) {
			ui_state_message(st, "export cancelled");
			return UI_ACT_REDRAW;
		}
		st->export_fmt = p[0] == 'b' ? EXPORT_BIBTEX : p[0] == 'm' ? EXPORT_MARKDOWN : EXPORT_JSONL;
		return UI_ACT_EXPORT | UI_ACT_REDRAW;
	}
	case UI_PROMPT_VOTES:
		if (key == KEYNAME_ESC) {
			st->prompt = UI_PROMPT_NONE;
			ui_state_message(st, "cancelled");
		} else if (key == KEYNAME_ENTER) {
			st->prompt = UI_PROMPT_NONE;
			st->min_votes = st->input.len ? strtol(st->input.buf, NULL, 10) : 0;
			relist(st);
			if (st->min_votes > 0)
				ui_state_message(st, "at least %ld votes: %zu papers", st->min_votes, st->nlist);
			else
				ui_state_message(st, "any number of votes: %zu papers", st->nlist);
		} else if (key == KEYNAME_BACKSPACE) {
			input_backspace(&st->input);
		} else if (key >= '0' && key <= '9' && st->input.len < 9) {
			buf_addch(&st->input, key);
		}
		return UI_ACT_REDRAW;
	case UI_PROMPT_SEARCH:
		if (key == KEYNAME_ESC) {
			st->prompt = UI_PROMPT_NONE;
			st->searching = 0;
			buf_setlen(&st->input, 0);
			buf_setlen(&st->query, 0);
			search_set(st->search, "", 0);
			restore_place(st);
			ui_state_message(st, "search cancelled");
		} else if (key == KEYNAME_ENTER) {
			size_t count = 0, which = 0;
			int found;

			st->prompt = UI_PROMPT_NONE;
			if (!st->searching) {
				restore_place(st);
				return UI_ACT_REDRAW;
			}
			/* the list may have changed under the prompt: report from here */
			found = find_match(st, 1, 1, &count, &which);
			search_status(st, found, count, which);
		} else if (key == '\t') {
			st->search_day = !st->search_day;
			search_update(st);
		} else if (key == KEYNAME_BACKSPACE) {
			input_backspace(&st->input);
			search_update(st);
		} else if (key == KEYNAME_CTRL('u')) {
			buf_setlen(&st->input, 0);
			search_update(st);
		} else if (key >= 0x20 && key < 0x110000 && key != 0x7f && !text_is_stripped(key) &&
		    st->input.len < 256) {
			text_encode(&st->input, key);
			search_update(st);
		}
		return UI_ACT_REDRAW;
	default:
		st->prompt = UI_PROMPT_NONE;
		return UI_ACT_REDRAW;
	}
}

/* Start a search (/): remember where we are. */
static unsigned
search_start(struct ui_state *st)
{
	st->before.view = st->view;
	st->before.day = st->day;
	st->before.cat = st->cat;
	st->before.sel = st->sel;
	st->before.paper = sel_index(st);
	st->before.filter = st->filter;
	st->before.min_votes = st->min_votes;
	st->before.focus = st->focus;
	st->searching = 0;
	buf_setlen(&st->input, 0);
	search_set(st->search, "", 0);
	prompt_open(st, UI_PROMPT_SEARCH);
	ui_state_message(st, "search %s (Tab: %s; Enter: done; Esc: back)",
	    st->search_day ? "this day" : "every day", st->search_day ? "every day" : "this day only");
	return UI_ACT_REDRAW;
}

/* n / N: the next or previous match. */
static unsigned
search_step(struct ui_state *st, int dir)
{
	size_t count = 0, which = 0;
	int found;

	if (!st->searching) {
		ui_state_message(st, "no search: / starts one");
		return UI_ACT_REDRAW;
	}
	found = find_match(st, dir, 0, &count, &which);
	search_status(st, found, count, which);
	return UI_ACT_REDRAW;
}

/* The papers of the Papers list. */
size_t
ui_state_list(const struct ui_state *st, const struct paper ***v)
{
	size_t i;

	*v = xcalloc(st->nlist ? st->nlist : 1, sizeof **v);
	for (i = 0; i < st->nlist; i++)
		(*v)[i] = lib_paper(st->lib, st->list[i]);
	return st->nlist;
}

/* Carry out one command. */
unsigned
ui_do_cmd(struct ui_state *st, enum ui_cmd cmd)
{
	if (st->help)
		return help_cmd(st, cmd);
	switch (cmd) {
	case UI_CMD_DOWN:
		return move(st, 1);
	case UI_CMD_UP:
		return move(st, -1);
	case UI_CMD_TOP:
		return move(st, -(long)((size_t)-1 / 4));
	case UI_CMD_BOTTOM:
		return move(st, (long)((size_t)-1 / 4));
	case UI_CMD_PAGE_DOWN:
		return move(st, (long)page_rows(st, 0));
	case UI_CMD_PAGE_UP:
		return move(st, -(long)page_rows(st, 0));
	case UI_CMD_HALF_DOWN:
		return move(st, (long)page_rows(st, 1));
	case UI_CMD_HALF_UP:
		return move(st, -(long)page_rows(st, 1));
	case UI_CMD_FOCUS_NEXT:
		st->focus = (enum ui_pane)((st->focus + 1) % UI_NPANES);
		return UI_ACT_REDRAW;
	case UI_CMD_FOCUS_PREV:
		st->focus = (enum ui_pane)((st->focus + UI_NPANES - 1) % UI_NPANES);
		return UI_ACT_REDRAW;
	case UI_CMD_ENTER:
		return enter(st);
	case UI_CMD_OPEN_NUM:
		return open_num(st);
	case UI_CMD_OPEN_ARXIV:
		return open_arxiv(st);
	case UI_CMD_COPY:
		return copy_link(st);
	case UI_CMD_LANG:
		cycle_lang(st);
		return UI_ACT_REDRAW;
	case UI_CMD_TOGGLE_READ:
		return toggle_mark(st, MARKS_READ);
	case UI_CMD_NEXT_UNREAD:
		return next_unread(st);
	case UI_CMD_STAR:
		return toggle_mark(st, MARKS_STARRED);
	case UI_CMD_STARRED:
		return toggle_starred(st);
	case UI_CMD_SEARCH:
		return search_start(st);
	case UI_CMD_SEARCH_NEXT:
		return search_step(st, 1);
	case UI_CMD_SEARCH_PREV:
		return search_step(st, -1);
	case UI_CMD_FILTER:
		return cycle_filter(st);
	case UI_CMD_MIN_VOTES:
		ui_state_message(st, "minimum votes (Enter: apply, empty or 0: all; Esc: cancel)");
		return prompt_open(st, UI_PROMPT_VOTES);
	case UI_CMD_ORDER:
		return cycle_order(st);
	case UI_CMD_EXPORT:
		if (st->nlist == 0) {
			ui_state_message(st, "nothing to export: the list is empty");
			return UI_ACT_REDRAW;
		}
		ui_state_message(st, "export %zu papers as b)ibtex, m)arkdown or j)son lines?", st->nlist);
		return prompt_open(st, UI_PROMPT_EXPORT);
	case UI_CMD_RELOAD:
		return UI_ACT_RELOAD | UI_ACT_REDRAW;
	case UI_CMD_REDRAW:
		return UI_ACT_REPAINT | UI_ACT_REDRAW;
	case UI_CMD_HELP:
		st->help = 1;
		st->help_top = 0;
		return UI_ACT_REDRAW;
	case UI_CMD_CLOSE:
		if (st->searching) {
			st->searching = 0;
			search_set(st->search, "", 0);
			ui_state_message(st, "search cleared");
			return UI_ACT_REDRAW;
		}
		return UI_ACT_NONE;
	case UI_CMD_QUIT:
		return UI_ACT_QUIT;
	default:
		return UI_ACT_NONE;
	}
}

/* True for the commands that move the user to another paper (opening it). */
static int
is_nav(enum ui_cmd c)
{
	switch (c) {
	case UI_CMD_DOWN: case UI_CMD_UP: case UI_CMD_TOP: case UI_CMD_BOTTOM:
	case UI_CMD_PAGE_DOWN: case UI_CMD_PAGE_UP: case UI_CMD_HALF_DOWN: case UI_CMD_HALF_UP:
	case UI_CMD_NEXT_UNREAD: case UI_CMD_SEARCH_NEXT: case UI_CMD_SEARCH_PREV:
		return 1;
	default:
		return 0;
	}
}

/* Look the key up in the table and carry out its command. */
unsigned
ui_handle_key(struct ui_state *st, int key)
{
	struct buf name = BUF_INIT;
	size_t i, before = sel_index(st);

	if (key == KEYNAME_RESIZE)
		return UI_ACT_REDRAW;
	buf_setlen(&st->status, 0);
	st->target = NULL;
	st->key = key;
	if (st->prompt != UI_PROMPT_NONE && !st->help) {
		enum ui_prompt pr = st->prompt;
		unsigned a = prompt_key(st, key);

		/* Enter on a search opens the match; the papers passed while typing are not */
		if (pr == UI_PROMPT_SEARCH && st->prompt == UI_PROMPT_NONE && st->searching)
			paper_opened(st);
		return a;
	}
	for (i = 0; i < st->nkeys; i++)
		if (st->keys[i].key == key) {
			enum ui_cmd c = st->keys[i].cmd;
			unsigned a = ui_do_cmd(st, c) | UI_ACT_REDRAW;

			if (is_nav(c) && !st->help && sel_index(st) != before)
				paper_opened(st);
			return a;
		}
	buf_init(&name);
	keyname_print(&name, key, KEYNAME_SHOWN);
	ui_state_message(st, "unknown key %s (? shows the keys)", name.buf);
	buf_free(&name);
	return UI_ACT_REDRAW;
}

/* Remember pane sizes, lay out the summary and keep selections visible. */
void
ui_state_fit(struct ui_state *st, const struct ui_layout *l)
{
	struct ui_rect in[UI_NPANES];
	const struct paper *p = ui_state_paper(st);
	int i;

	st->layout = *l;
	for (i = 0; i < UI_NPANES; i++) {
		in[i] = ui_rect_inner(l->pane[i]);
		st->rows[i] = (size_t)in[i].h;
	}
	if (in[UI_SUMMARY].w > 0) {
		ui_sumview_build(&st->sv, st->lib, p, st->sum, in[UI_SUMMARY].w);
		st->sum_lines = st->sv.n;
	}
	if (st->sum_top > sum_max_top(st))
		st->sum_top = sum_max_top(st);
	ui_scroll_to(&st->top[UI_DAYS], st->day, lib_ndays(st->lib), st->rows[UI_DAYS]);
	ui_scroll_to(&st->top[UI_CATS], st->cat, st->ncats + 1, st->rows[UI_CATS]);
	ui_scroll_to(&st->top[UI_PAPERS], st->sel, st->nlist, st->rows[UI_PAPERS]);
	ui_scroll_to(&st->top[UI_LINKS], st->link, st->nlinks, st->rows[UI_LINKS]);
	if (st->help) {
		struct buf h = BUF_INIT;
		size_t lines = 0, j, rows = (size_t)ui_rect_inner(l->help).h;

		buf_init(&h);
		ui_help_build(st, &h);
		for (j = 0; j < h.len; j++)
			lines += h.buf[j] == '\n';
		if (st->help_top + rows > lines)
			st->help_top = lines > rows ? lines - rows : 0;
		buf_free(&h);
	}
}

/* Append the name of the shown summary: language, source and number. */
void
ui_state_sum_name(const struct ui_state *st, struct buf *out)
{
	const struct paper *p = ui_state_paper(st);
	const struct summary *s;

	if (!p || p->nsums == 0)
		return;
	s = &p->sums[st->sum < p->nsums ? st->sum : 0];
	buf_puts(out, s->lang ? s->lang : "?");
	if (s->source)
		buf_printf(out, " %s", s->source);
	if (p->nsums > 1)
		buf_printf(out, " %zu/%zu", st->sum + 1, p->nsums);
}

/* Append "paper 3/23 | 2025-05-06 | en table". */
void
ui_state_position(const struct ui_state *st, struct buf *out)
{
	const struct day *d = cur_day(st);
	size_t before = out->len;

	if (st->nlist)
		buf_printf(out, "paper %zu/%zu", st->sel + 1, st->nlist);
	else
		buf_puts(out, "no papers");
	if (st->view == UI_VIEW_DAYS && d && d->label)
		buf_printf(out, " | %s", d->label);
	if (st->cat > 0 && st->cat <= st->ncats)
		buf_printf(out, " | %s", st->cats[st->cat - 1].name);
	before = out->len;
	buf_puts(out, " | ");
	ui_state_filters(st, out);
	if (out->len == before + 3)
		buf_setlen(out, before);
	buf_puts(out, " | ");
	before = out->len;
	ui_state_sum_name(st, out);
	if (out->len == before)
		buf_setlen(out, before - 3);
}

/* Advance the clock: a paper shown long enough becomes read. */
unsigned
ui_state_tick(struct ui_state *st, double now, long *wait_ms)
{
	unsigned a = UI_ACT_NONE;

	st->now = now;
	*wait_ms = -1;
	if (st->shown == SIZE_MAX || st->markread != UI_MARKREAD_DELAY)
		return a;
	if (!ui_state_paper(st) || st->list[st->sel] != st->shown) {
		st->shown = SIZE_MAX;
		return a;
	}
	if (st->shown_at < 0)
		st->shown_at = now;
	if (now - st->shown_at >= (double)st->markread_ms) {
		set_read(st, st->shown, 1);
		st->shown = SIZE_MAX;
		return UI_ACT_REDRAW;
	}
	*wait_ms = (long)((double)st->markread_ms - (now - st->shown_at)) + 1;
	return a;
}

/* The pane whose rectangle holds cell (y, x), or UI_NPANES. */
static enum ui_pane
pane_at(const struct ui_layout *l, int y, int x)
{
	int i;

	for (i = 0; i < UI_NPANES; i++) {
		struct ui_rect r = l->pane[i];

		if (r.h > 0 && r.w > 0 && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w)
			return (enum ui_pane)i;
	}
	return UI_NPANES;
}

/* A mouse event: a click selects and focuses, the wheel scrolls the pane under it. */
unsigned
ui_handle_mouse(struct ui_state *st, int y, int x, int button)
{
	enum ui_pane p = pane_at(&st->layout, y, x);
	struct ui_rect in;
	size_t row, before = sel_index(st);
	unsigned a;

	if (!st->mouse || st->help || st->prompt != UI_PROMPT_NONE || p == UI_NPANES)
		return UI_ACT_NONE;
	buf_setlen(&st->status, 0);
	st->focus = p;
	if (button == 4 || button == 5) {
		a = move(st, button == 4 ? -3 : 3);
		if (sel_index(st) != before)
			paper_opened(st);
		return a;
	}
	in = ui_rect_inner(st->layout.pane[p]);
	if (y < in.y || y >= in.y + in.h || x < in.x || x >= in.x + in.w)
		return UI_ACT_REDRAW;	/* the border: focus only */
	row = st->top[p] + (size_t)(y - in.y);
	switch (p) {
	case UI_DAYS:
		if (row < lib_ndays(st->lib) && (row != st->day || st->view != UI_VIEW_DAYS)) {
			st->view = UI_VIEW_DAYS;
			select_day(st, row);
		}
		break;
	case UI_CATS:
		if (row <= st->ncats && row != st->cat)
			select_cat(st, row);
		break;
	case UI_PAPERS:
		if (row < st->nlist && row != st->sel)
			select_paper(st, row);
		break;
	case UI_LINKS:
		if (row < st->nlinks)
			st->link = row;
		break;
	default:
		break;
	}
	if (sel_index(st) != before)
		paper_opened(st);
	return UI_ACT_REDRAW;
}

/* Apply the settings: bindings, mark-read, mouse. */
void
ui_state_configure(struct ui_state *st, const struct settings *c, struct buf *msgs)
{
	size_t n, i, k, nb;
	struct ui_binding *keys;
	const struct ui_binding *def = ui_default_keys(&n);

	if (c == NULL)
		return;
	switch (settings_mark_read(c)) {
	case SETTINGS_MARK_OPEN: st->markread = UI_MARKREAD_OPEN; break;
	case SETTINGS_MARK_MANUAL: st->markread = UI_MARKREAD_MANUAL; break;
	default: st->markread = UI_MARKREAD_DELAY; break;
	}
	st->markread_ms = settings_mark_read_delay(c);
	st->mouse = settings_mouse(c);
	/* the paper already on screen follows the new rule */
	paper_opened(st);
	nb = settings_nbindings(c);
	if (nb == 0)
		return;
	keys = xcalloc(n + nb, sizeof *keys);
	memcpy(keys, def, n * sizeof *keys);
	for (i = 0; i < nb; i++) {
		const struct settings_binding *b = settings_binding(c, i);
		int key = b->code;
		int cmd = -1;

		for (k = 0; k < UI_NCMDS; k++)
			if (strcmp(b->cmd, cmd_names[k]) == 0)
				cmd = (int)k;
		if (cmd < 0) {
			buf_printf(msgs, "bind %s %s: unknown command (see the help, ?)\n", b->key, b->cmd);
			continue;
		}
		for (k = 0; k < n; k++)
			if (keys[k].key == key)
				break;
		keys[k].key = key;
		keys[k].cmd = (enum ui_cmd)cmd;
		if (k == n)
			n++;
	}
	free(st->own_keys);
	st->own_keys = keys;
	st->keys = keys;
	st->nkeys = n;
}

/* Append the prompt being typed. */
void
ui_state_prompt(const struct ui_state *st, struct buf *out)
{
	switch (st->prompt) {
	case UI_PROMPT_SEARCH:
		buf_printf(out, "%s/%s", st->search_day ? "(this day) " : "", buf_str(&st->input));
		break;
	case UI_PROMPT_VOTES:
		buf_printf(out, "minimum votes: %s", buf_str(&st->input));
		break;
	case UI_PROMPT_EXPORT:
		buf_puts(out, "export as b)ibtex, m)arkdown, j)son lines: ");
		break;
	default:
		break;
	}
}

/* Append the active view, filter, minimum votes and order. */
void
ui_state_filters(const struct ui_state *st, struct buf *out)
{
	size_t before = out->len;

	if (st->view == UI_VIEW_STARRED)
		buf_puts(out, "starred | ");
	if (st->filter == UI_FILTER_UNREAD)
		buf_puts(out, "unread only | ");
	else if (st->filter == UI_FILTER_STARRED)
		buf_puts(out, "starred only | ");
	if (st->min_votes > 0)
		buf_printf(out, ">= %ld votes | ", st->min_votes);
	if (st->order == UI_ORDER_TITLE)
		buf_puts(out, "by title | ");
	else if (st->order == UI_ORDER_DATE)
		buf_puts(out, "by date | ");
	if (out->len > before)
		buf_setlen(out, out->len - 3);
}
