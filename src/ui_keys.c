/* ui_keys.c: key table, commands and state transitions of the reader (no curses). */
#include "ui_state.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text_width.h"

static const struct ui_binding default_keys[] = {
	{ 'j', UI_CMD_DOWN }, { UI_KEY_DOWN, UI_CMD_DOWN },
	{ 'k', UI_CMD_UP }, { UI_KEY_UP, UI_CMD_UP },
	{ 'g', UI_CMD_TOP }, { UI_KEY_HOME, UI_CMD_TOP },
	{ 'G', UI_CMD_BOTTOM }, { UI_KEY_END, UI_CMD_BOTTOM },
	{ UI_KEY_PGDN, UI_CMD_PAGE_DOWN }, { ' ', UI_CMD_PAGE_DOWN },
	{ UI_KEY_PGUP, UI_CMD_PAGE_UP },
	{ UI_CTRL('d'), UI_CMD_HALF_DOWN }, { UI_CTRL('u'), UI_CMD_HALF_UP },
	{ '\t', UI_CMD_FOCUS_NEXT }, { 'l', UI_CMD_FOCUS_NEXT }, { UI_KEY_RIGHT, UI_CMD_FOCUS_NEXT },
	{ UI_KEY_BTAB, UI_CMD_FOCUS_PREV }, { 'h', UI_CMD_FOCUS_PREV }, { UI_KEY_LEFT, UI_CMD_FOCUS_PREV },
	{ UI_KEY_ENTER, UI_CMD_ENTER },
	{ '1', UI_CMD_OPEN_NUM }, { '2', UI_CMD_OPEN_NUM }, { '3', UI_CMD_OPEN_NUM },
	{ '4', UI_CMD_OPEN_NUM }, { '5', UI_CMD_OPEN_NUM }, { '6', UI_CMD_OPEN_NUM },
	{ '7', UI_CMD_OPEN_NUM }, { '8', UI_CMD_OPEN_NUM }, { '9', UI_CMD_OPEN_NUM },
	{ 'o', UI_CMD_OPEN_ARXIV },
	{ 'y', UI_CMD_COPY },
	{ 't', UI_CMD_LANG },
	{ 'r', UI_CMD_RELOAD },
	{ UI_CTRL('l'), UI_CMD_REDRAW },
	{ '?', UI_CMD_HELP },
	{ UI_KEY_ESC, UI_CMD_CLOSE },
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
		[UI_CMD_RELOAD] = "reload the inputs from disk",
		[UI_CMD_REDRAW] = "redraw the screen",
		[UI_CMD_HELP] = "show or close this help",
		[UI_CMD_CLOSE] = "close the help",
		[UI_CMD_QUIT] = "quit (close the help when it is open)",
	};

	return c < UI_NCMDS && help[c] ? help[c] : "";
}

/* Append a readable key name. */
void
ui_key_name(struct buf *out, int key)
{
	static const char *const special[] = {
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
		"Shift-Tab", "Enter", "Resize", "Backspace",
	};

	if (key >= UI_KEY_UP && key <= UI_KEY_BACKSPACE)
		buf_puts(out, special[key - UI_KEY_UP]);
	else if (key == '\t')
		buf_puts(out, "Tab");
	else if (key == UI_KEY_ESC)
		buf_puts(out, "Esc");
	else if (key == ' ')
		buf_puts(out, "Space");
	else if (key >= 0 && key < 0x20)
		buf_printf(out, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		buf_addch(out, key);
	else
		buf_printf(out, "<%d>", key);
}

/* Append the help text: one line per command with its keys. */
void
ui_help_build(const struct ui_state *st, struct buf *out)
{
	struct buf keys = BUF_INIT;
	int c;

	buf_init(&keys);
	buf_puts(out, "paperboy keys (q or Esc closes this help)\n\n");
	for (c = 0; c < UI_NCMDS; c++) {
		size_t i, w;

		buf_setlen(&keys, 0);
		for (i = 0; i < st->nkeys; i++) {
			size_t j = i;

			if (st->keys[i].cmd != (enum ui_cmd)c)
				continue;
			/* a run of three or more consecutive keys shows as "1-9" */
			while (j + 1 < st->nkeys && st->keys[j + 1].cmd == (enum ui_cmd)c &&
			    st->keys[j + 1].key == st->keys[j].key + 1 && st->keys[j].key > 0x20 &&
			    st->keys[j + 1].key < 0x7f)
				j++;
			if (keys.len)
				buf_puts(&keys, ", ");
			ui_key_name(&keys, st->keys[i].key);
			if (j >= i + 2) {
				buf_addch(&keys, '-');
				ui_key_name(&keys, st->keys[j].key);
				i = j;
			}
		}
		if (keys.len == 0)
			continue;
		buf_puts(out, "  ");
		buf_puts(out, keys.buf);
		w = text_width(keys.buf, keys.len);
		do
			buf_addch(out, ' ');
		while (++w < 24);
		buf_puts(out, ui_cmd_help((enum ui_cmd)c));
		buf_addch(out, '\n');
	}
	buf_puts(out, "\nPanes: Days, Categories, Papers, Summary, Links; the focused pane\n"
	    "has a double border and its name in [brackets].  A check mark in\n"
	    "Papers means the paper was read.\n");
	buf_free(&keys);
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

/* Collect the categories of the selected day with their counts, by name. */
static void
build_cats(struct ui_state *st)
{
	const struct day *d = cur_day(st);
	const char **names;
	size_t n = 0, i, j;

	free(st->cats);
	st->cats = NULL;
	st->ncats = 0;
	if (!d)
		return;
	for (i = 0; i < d->npapers; i++)
		if (d->papers[i] < lib_npapers(st->lib))
			n += lib_paper(st->lib, d->papers[i])->ncats;
	if (n == 0)
		return;
	names = xcalloc(n, sizeof *names);
	n = 0;
	for (i = 0; i < d->npapers; i++) {
		const struct paper *p;

		if (d->papers[i] >= lib_npapers(st->lib))
			continue;
		p = lib_paper(st->lib, d->papers[i]);
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

/* Fill list[] with the papers of the selected day and category. */
static void
build_list(struct ui_state *st)
{
	const struct day *d = cur_day(st);
	size_t i;

	free(st->list);
	st->list = NULL;
	st->nlist = 0;
	if (!d)
		return;
	st->list = xcalloc(d->npapers ? d->npapers : 1, sizeof *st->list);
	for (i = 0; i < d->npapers; i++) {
		if (d->papers[i] >= lib_npapers(st->lib))
			continue;
		if (st->cat > 0 && st->cat <= st->ncats &&
		    !has_cat(lib_paper(st->lib, d->papers[i]), st->cats[st->cat - 1].name))
			continue;
		st->list[st->nlist++] = d->papers[i];
	}
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
	p = ui_state_paper(st);
	if (!p)
		return;
	st->read[st->list[st->sel]] = 1;
	if (st->lang)
		for (k = 0; k < p->nsums; k++)
			if (p->sums[k].lang && strcmp(p->sums[k].lang, st->lang) == 0) {
				st->sum = k;
				break;
			}
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
	st->top[UI_CATS] = 0;
	select_cat(st, 0);
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
	ui_sumview_init(&st->sv);
	st->read = xcalloc(lib_npapers(lib) ? lib_npapers(lib) : 1, 1);
	select_day(st, 0);
	if (status)
		ui_state_message(st, "%s", status);
}

/* Free everything, the library included. */
void
ui_state_free(struct ui_state *st)
{
	lib_free(st->lib);
	free(st->lang);
	free(st->read);
	free(st->cats);
	free(st->list);
	buf_free(&st->status);
	ui_sumview_free(&st->sv);
	free_links(st);
	memset(st, 0, sizeof *st);
}

/* Strings remembered across a reload. */
struct saved {
	char *day, *cat, *paper;
	char **read;
	size_t nread;
};

/* Copy the selection and the read papers' keys before the library goes. */
static void
save_selection(const struct ui_state *st, struct saved *sv)
{
	const struct day *d = cur_day(st);
	const struct paper *p = ui_state_paper(st);
	size_t i, n = lib_npapers(st->lib);

	memset(sv, 0, sizeof *sv);
	sv->day = d && d->label ? xstrdup(d->label) : NULL;
	sv->cat = st->cat > 0 && st->cat <= st->ncats ? xstrdup(st->cats[st->cat - 1].name) : NULL;
	sv->paper = p && p->key ? xstrdup(p->key) : NULL;
	sv->read = xcalloc(n ? n : 1, sizeof *sv->read);
	for (i = 0; i < n; i++)
		if (st->read[i] && lib_paper(st->lib, i)->key)
			sv->read[sv->nread++] = xstrdup(lib_paper(st->lib, i)->key);
	qsort(sv->read, sv->nread, sizeof *sv->read, cmp_str);
}

/* Free the remembered strings. */
static void
free_saved(struct saved *sv)
{
	size_t i;

	for (i = 0; i < sv->nread; i++)
		free(sv->read[i]);
	free(sv->read);
	free(sv->day);
	free(sv->cat);
	free(sv->paper);
}

/* Swap in a new library and restore the selection by day label, category and paper key. */
void
ui_state_replace_lib(struct ui_state *st, struct lib *lib)
{
	struct saved sv;
	size_t i, n = lib_npapers(lib), d = 0;
	enum ui_pane focus = st->focus;
	size_t link = st->link, sum_top = st->sum_top;

	save_selection(st, &sv);
	free_links(st);
	lib_free(st->lib);
	st->lib = lib;
	ui_sumview_invalidate(&st->sv);
	free(st->read);
	st->read = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++) {
		const char *key = lib_paper(lib, i)->key;

		if (key && sv.nread && bsearch(&key, sv.read, sv.nread, sizeof *sv.read, cmp_str))
			st->read[i] = 1;
	}
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
			st->link = link;
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
		if (n != st->day)
			select_day(st, n);
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
	case UI_CMD_RELOAD:
		return UI_ACT_RELOAD | UI_ACT_REDRAW;
	case UI_CMD_REDRAW:
		return UI_ACT_REPAINT | UI_ACT_REDRAW;
	case UI_CMD_HELP:
		st->help = 1;
		st->help_top = 0;
		return UI_ACT_REDRAW;
	case UI_CMD_CLOSE:
		return UI_ACT_NONE;
	case UI_CMD_QUIT:
		return UI_ACT_QUIT;
	default:
		return UI_ACT_NONE;
	}
}

/* Look the key up in the table and carry out its command. */
unsigned
ui_handle_key(struct ui_state *st, int key)
{
	struct buf name = BUF_INIT;
	size_t i;

	if (key == UI_KEY_RESIZE)
		return UI_ACT_REDRAW;
	buf_setlen(&st->status, 0);
	st->target = NULL;
	st->key = key;
	for (i = 0; i < st->nkeys; i++)
		if (st->keys[i].key == key)
			return ui_do_cmd(st, st->keys[i].cmd) | UI_ACT_REDRAW;
	buf_init(&name);
	ui_key_name(&name, key);
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
	if (d && d->label)
		buf_printf(out, " | %s", d->label);
	if (st->cat > 0 && st->cat <= st->ncats)
		buf_printf(out, " | %s", st->cats[st->cat - 1].name);
	buf_puts(out, " | ");
	before = out->len;
	ui_state_sum_name(st, out);
	if (out->len == before)
		buf_setlen(out, before - 3);
}
