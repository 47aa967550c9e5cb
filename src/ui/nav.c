/* ui/nav.c: focus, moves, paging, scrolling and the mouse (see ui/nav.h). */
#include "ui/nav.h"

#include <string.h>

#include "ui/state.h"

/* Papers focused, nothing scrolled, no mouse. */
void
ui_nav_init(struct ui_nav *nv)
{
	memset(nv, 0, sizeof *nv);
	nv->focus = UI_PAPERS;
}

/* Take mouse events or not. */
void
ui_nav_set_mouse(struct ui_state *st, int on)
{
	st->nav.mouse = on != 0;
}

/* New index after moving by delta within [0, n), clamped. */
size_t
ui_nav_step(size_t cur, long delta, size_t n)
{
	if (n == 0)
		return 0;
	if (delta < 0)
		return (size_t)-delta > cur ? 0 : cur - (size_t)-delta;
	if ((size_t)delta >= n - cur)
		return n - 1;
	return cur + (size_t)delta;
}

/* Focus a pane. */
void
ui_nav_focus(struct ui_state *st, enum ui_pane p)
{
	st->nav.focus = p;
}

/* Scroll a pane back to its first row. */
void
ui_nav_unscroll(struct ui_state *st, enum ui_pane p)
{
	st->nav.top[p] = 0;
}

/* Remember the layout and pane heights; keep the selections of the lists visible. */
void
ui_nav_fit(struct ui_state *st, const struct ui_layout *l)
{
	struct ui_nav *nv = &st->nav;
	int i;

	nv->layout = *l;
	for (i = 0; i < UI_NPANES; i++)
		nv->rows[i] = (size_t)ui_layout_inner(l->pane[i]).h;
	ui_layout_scroll(&nv->top[UI_DAYS], st->list.day, lib_ndays(st->lib), nv->rows[UI_DAYS]);
	ui_layout_scroll(&nv->top[UI_CATS], st->list.cat, st->list.ncats + 1, nv->rows[UI_CATS]);
	ui_layout_scroll(&nv->top[UI_PAPERS], st->list.sel, st->list.n, nv->rows[UI_PAPERS]);
	ui_layout_scroll(&nv->top[UI_LINKS], st->paper.link, st->paper.nlinks, nv->rows[UI_LINKS]);
}

/* Rows to move for a page: the pane height (at least 1). */
static long
page_rows(const struct ui_state *st, int half)
{
	size_t r = st->nav.rows[st->nav.focus];

	if (half)
		r /= 2;
	return r ? (long)r : 1;
}

/* Move the selection (or scroll) of the focused pane by delta rows. */
static unsigned
move(struct ui_state *st, long delta)
{
	switch (st->nav.focus) {
	case UI_DAYS:
		ui_list_pick_day(st, ui_nav_step(st->list.day, delta, lib_ndays(st->lib)));
		break;
	case UI_CATS:
		ui_list_pick_cat(st, ui_nav_step(st->list.cat, delta, st->list.ncats + 1));
		break;
	case UI_PAPERS:
		ui_list_pick_paper(st, ui_nav_step(st->list.sel, delta, st->list.n));
		break;
	case UI_SUMMARY:
		ui_paper_scroll(st, delta);
		break;
	case UI_LINKS:
		ui_paper_move_link(st, delta);
		break;
	default:
		break;
	}
	return UI_ACT_REDRAW;
}

/* j, Down. */
unsigned
ui_nav_down(struct ui_state *st)
{
	return move(st, 1);
}

/* k, Up. */
unsigned
ui_nav_up(struct ui_state *st)
{
	return move(st, -1);
}

/* g, Home. */
unsigned
ui_nav_top(struct ui_state *st)
{
	return move(st, -(long)((size_t)-1 / 4));
}

/* G, End. */
unsigned
ui_nav_bottom(struct ui_state *st)
{
	return move(st, (long)((size_t)-1 / 4));
}

/* PgDn, Space. */
unsigned
ui_nav_page_down(struct ui_state *st)
{
	size_t top = st->paper.sum_top;
	unsigned a = move(st, page_rows(st, 0));

	/* at the end of the summary: on to the next unread paper (neomutt) */
	if (st->nav.focus == UI_SUMMARY && st->paper.sum_top == top)
		return ui_marks_next_unread(st);
	return a;
}

/* PgUp. */
unsigned
ui_nav_page_up(struct ui_state *st)
{
	return move(st, -page_rows(st, 0));
}

/* Ctrl-D. */
unsigned
ui_nav_half_down(struct ui_state *st)
{
	return move(st, page_rows(st, 1));
}

/* Ctrl-U. */
unsigned
ui_nav_half_up(struct ui_state *st)
{
	return move(st, -page_rows(st, 1));
}

/* Tab: Days, Categories, Papers, Summary, Links, Days. */
unsigned
ui_nav_focus_next(struct ui_state *st)
{
	st->nav.focus = (enum ui_pane)((st->nav.focus + 1) % UI_NPANES);
	return UI_ACT_REDRAW;
}

/* Shift-Tab. */
unsigned
ui_nav_focus_prev(struct ui_state *st)
{
	st->nav.focus = (enum ui_pane)((st->nav.focus + UI_NPANES - 1) % UI_NPANES);
	return UI_ACT_REDRAW;
}

/* Enter: drill into the next pane, or open the selected link. */
unsigned
ui_nav_enter(struct ui_state *st)
{
	switch (st->nav.focus) {
	case UI_DAYS:
		st->nav.focus = UI_CATS;
		break;
	case UI_CATS:
		st->nav.focus = UI_PAPERS;
		break;
	case UI_PAPERS:
		st->nav.focus = UI_SUMMARY;
		break;
	case UI_SUMMARY:
		st->nav.focus = UI_LINKS;
		break;
	case UI_LINKS:
		return ui_act_open_link(st);
	default:
		break;
	}
	return UI_ACT_REDRAW;
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

/* A click on row (counted from the pane's first row shown) of pane p. */
static void
click(struct ui_state *st, enum ui_pane p, size_t row)
{
	switch (p) {
	case UI_DAYS:
		if (row < lib_ndays(st->lib))
			ui_list_pick_day(st, row);
		break;
	case UI_CATS:
		ui_list_pick_cat(st, row);
		break;
	case UI_PAPERS:
		ui_list_pick_paper(st, row);
		break;
	case UI_LINKS:
		ui_paper_pick_link(st, row);
		break;
	default:
		break;
	}
}

/* A mouse event: a click selects and focuses, the wheel scrolls the pane under it. */
unsigned
ui_nav_mouse(struct ui_state *st, int y, int x, int button)
{
	enum ui_pane p = pane_at(&st->nav.layout, y, x);
	struct ui_rect in;
	size_t before = ui_list_index(st);
	unsigned gen = st->lib_gen;
	enum ui_pane focus = st->nav.focus;
	unsigned a = UI_ACT_REDRAW;

	if (!st->nav.mouse || st->help.open || st->prompt.kind != UI_PROMPT_NONE || p == UI_NPANES)
		return UI_ACT_NONE;
	ui_state_clear_status(st);
	st->marks.quit_asked = 0;
	st->nav.focus = p;
	in = ui_layout_inner(st->nav.layout.pane[p]);
	if (button == 4 || button == 5)
		a = move(st, button == 4 ? -3 : 3);
	else if (y < in.y || y >= in.y + in.h || x < in.x || x >= in.x + in.w)
		return UI_ACT_REDRAW;	/* the border: focus only */
	else
		click(st, p, st->nav.top[p] + (size_t)(y - in.y));
	ui_marks_after(st, before, gen, focus, 1);
	return a;
}

/* z: the focused pane fills the screen, or the panes come back. */
unsigned
ui_nav_zoom(struct ui_state *st)
{
	st->nav.zoom = !st->nav.zoom;
	ui_state_message(st, st->nav.zoom ? "%s zoomed (z: back)" : "%s back in place",
	    ui_layout_pane_name(st->nav.focus));
	return UI_ACT_REDRAW;
}

/* Go back one level (see ui/nav.h); 0 when at the top already. */
static int
back(struct ui_state *st)
{
	if (st->help.open) {
		st->help.open = 0;
	} else if (st->nav.zoom) {
		ui_nav_zoom(st);
	} else if (st->nav.focus == UI_SUMMARY || st->nav.focus == UI_LINKS) {
		ui_nav_focus(st, UI_PAPERS);
	} else if (st->list.view == UI_VIEW_RESULTS) {
		ui_list_leave_results(st);
		ui_state_message(st, "back from the search results");
	} else if (st->search.active) {
		ui_search_close(st);
	} else if (st->list.view == UI_VIEW_STARRED) {
		ui_list_toggle_starred(st);
		ui_state_message(st, "back to the days");
	} else {
		return 0;
	}
	return 1;
}

/* q: back one level, or quit at the top. */
unsigned
ui_nav_back(struct ui_state *st)
{
	if (st->marks.quit_armed || !back(st))
		return ui_marks_quit(st);
	return UI_ACT_REDRAW;
}

/* Esc, Backspace: back one level; at the top, say how to quit. */
unsigned
ui_nav_close(struct ui_state *st)
{
	if (!back(st))
		ui_state_message(st, "at the top: q or Q quits");
	return UI_ACT_REDRAW;
}

/* Select the paper delta rows away in the Papers list, whatever pane has the focus. */
static unsigned
step_paper(struct ui_state *st, long delta)
{
	size_t i = ui_nav_step(st->list.sel, delta, st->list.n);

	if (i == st->list.sel)
		ui_state_message(st, delta > 0 ? "the last paper of the list" :
		    "the first paper of the list");
	ui_list_pick_paper(st, i);
	return UI_ACT_REDRAW;
}

/* J: the next paper (tig), the focus staying where it is. */
unsigned
ui_nav_next_paper(struct ui_state *st)
{
	return step_paper(st, 1);
}

/* K: the previous paper. */
unsigned
ui_nav_prev_paper(struct ui_state *st)
{
	return step_paper(st, -1);
}
