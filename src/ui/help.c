/* ui/help.c: the help screen (see ui/help.h). */
#include "ui/help.h"

#include <string.h>

#include "text/width.h"
#include "ui/state.h"

#define HELP_WRAP_MIN 20	/* narrower than this, pages are not wrapped */

/*
 * Append page[0..n) with every line wrapped to width cells (0: not
 * wrapped), the lines it is broken into indented by indent cells (0 or 2).
 */
static void
wrap_page(struct buf *out, const char *page, size_t n, size_t width, size_t indent)
{
	struct width_lines wl = { NULL, 0, 0 };
	size_t pos = 0, i;

	if (width < HELP_WRAP_MIN) {
		buf_add(out, page, n);
		return;
	}
	while (pos < n) {
		const char *nl = memchr(page + pos, '\n', n - pos);
		size_t end = nl ? (size_t)(nl - page) : n;

		wl.n = 0;
		width_wrap(&wl, page + pos, end - pos, width - indent);
		for (i = 0; i < wl.n; i++) {
			buf_puts(out, i && indent ? "  " : "");
			buf_add(out, page + pos + wl.v[i].off, wl.v[i].len);
			buf_addch(out, '\n');
		}
		if (wl.n == 0)
			buf_addch(out, '\n');	/* an empty line */
		pos = end + 1;
	}
	width_lines_free(&wl);
}

/* Append the help text: one line per command with its keys (or the page shown). */
void
ui_help_build(const struct ui_state *st, size_t width, struct buf *out)
{
	static const char head[] = "paperboy keys (q or Esc closes this help)\n\n";
	static const char tail[] = "\nPanes: Days, Categories, Papers, Summary, Links; the focused pane "
	    "has a double border and its name in [brackets].  In Papers, * is a "
	    "star and a check mark a paper read; Days and Categories show "
	    "unread/total.  [name]: the command for \"bind KEY name\" in the "
	    "settings file.\n";

	if (st->help.page) {
		buf_puts(out, "q or Esc closes this page\n\n");
		wrap_page(out, st->help.page->buf, st->help.page->len, width, 2);
		return;
	}
	wrap_page(out, head, sizeof head - 1, width, 0);
	ui_keys_describe(&st->keys, width, out);
	wrap_page(out, tail, sizeof tail - 1, width ? width : 70, 0);	/* a paragraph */
}

/* ?: open the help at its top. */
unsigned
ui_help_open(struct ui_state *st)
{
	ui_help_show(st, "Help", NULL);
	return UI_ACT_REDRAW;
}

/* !: the problems with the settings, the marks and the inputs, as --check prints them. */
unsigned
ui_help_problems(struct ui_state *st)
{
	if (st->help.problems == NULL || st->help.problems->len == 0) {
		ui_state_message(st, "no problems with the settings or the inputs");
		return UI_ACT_REDRAW;
	}
	ui_help_show(st, "Problems", st->help.problems);
	return UI_ACT_REDRAW;
}

/* " (! lists them)", with the key in use, when there are problems. */
void
ui_help_problems_hint(const struct ui_state *st, struct buf *out)
{
	size_t before;

	if (st->help.problems == NULL || st->help.problems->len == 0)
		return;
	buf_puts(out, " (");
	before = out->len;
	ui_keys_names(&st->keys, UI_CMD_PROBLEMS, out);
	if (out->len == before)
		buf_puts(out, "paperboy --check");	/* no key: the command line lists them */
	buf_puts(out, " lists them)");
}

/* Open the box on a page (NULL: the keys). */
void
ui_help_show(struct ui_state *st, const char *title, const struct buf *page)
{
	st->help.open = 1;
	st->help.top = 0;
	st->help.title = title;
	st->help.page = page;
}

/* Commands while the help screen is open: scroll it or close it. */
unsigned
ui_help_cmd(struct ui_state *st, enum ui_cmd c)
{
	switch (c) {
	case UI_CMD_DOWN:
		st->help.top++;
		break;
	case UI_CMD_UP:
		st->help.top = ui_nav_step(st->help.top, -1, st->help.top + 1);
		break;
	case UI_CMD_TOP:
		st->help.top = 0;
		break;
	case UI_CMD_BOTTOM:
		st->help.top = (size_t)-1 / 2;	/* clamped by ui_help_fit */
		break;
	case UI_CMD_PAGE_DOWN:
	case UI_CMD_HALF_DOWN:
		st->help.top += 10;
		break;
	case UI_CMD_PAGE_UP:
	case UI_CMD_HALF_UP:
		st->help.top = st->help.top > 10 ? st->help.top - 10 : 0;
		break;
	case UI_CMD_HELP:
	case UI_CMD_CLOSE:
	case UI_CMD_BACK:
		st->help.open = 0;
		break;
	case UI_CMD_QUIT:
		return ui_marks_quit(st);	/* Q quits from anywhere */
	case UI_CMD_REDRAW:
		return UI_ACT_REPAINT | UI_ACT_REDRAW;
	default:
		return UI_ACT_NONE;
	}
	return UI_ACT_REDRAW;
}

/* The cells of text in a help box r (the text starts a cell in from the border). */
size_t
ui_help_width(struct ui_rect r)
{
	int w = ui_layout_inner(r).w - 1;

	return w > 0 ? (size_t)w : 0;
}

/* Keep the last screenful of the help text the furthest it scrolls. */
void
ui_help_fit(struct ui_state *st, const struct ui_layout *l)
{
	struct buf h = BUF_INIT;
	size_t lines = 0, j, rows = (size_t)ui_layout_inner(l->help).h;

	if (!st->help.open)
		return;
	buf_init(&h);
	ui_help_build(st, ui_help_width(l->help), &h);
	for (j = 0; j < h.len; j++)
		lines += h.buf[j] == '\n';
	if (st->help.top + rows > lines)
		st->help.top = lines > rows ? lines - rows : 0;
	buf_free(&h);
}
