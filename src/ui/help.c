/* ui/help.c: the help screen (see ui/help.h). */
#include "ui/help.h"

#include "ui/state.h"

/* Append the help text: one line per command with its keys (or the page shown). */
void
ui_help_build(const struct ui_state *st, struct buf *out)
{
	if (st->help.page) {
		buf_puts(out, "q or Esc closes this page\n\n");
		buf_add(out, st->help.page->buf, st->help.page->len);
		return;
	}
	buf_puts(out, "paperboy keys (q or Esc closes this help)\n\n");
	ui_keys_describe(&st->keys, out);
	buf_puts(out, "\nPanes: Days, Categories, Papers, Summary, Links; the focused pane\n"
	    "has a double border and its name in [brackets].  In Papers, * is a\n"
	    "star and a check mark a paper read; Days and Categories show\n"
	    "unread/total.  [name]: the command for \"bind KEY name\" in the\n"
	    "settings file.\n");
}

/* ?: open the help at its top. */
unsigned
ui_help_open(struct ui_state *st)
{
	ui_help_show(st, "Help", NULL);
	return UI_ACT_REDRAW;
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

/* Keep the last screenful of the help text the furthest it scrolls. */
void
ui_help_fit(struct ui_state *st, const struct ui_layout *l)
{
	struct buf h = BUF_INIT;
	size_t lines = 0, j, rows = (size_t)ui_layout_inner(l->help).h;

	if (!st->help.open)
		return;
	buf_init(&h);
	ui_help_build(st, &h);
	for (j = 0; j < h.len; j++)
		lines += h.buf[j] == '\n';
	if (st->help.top + rows > lines)
		st->help.top = lines > rows ? lines - rows : 0;
	buf_free(&h);
}
