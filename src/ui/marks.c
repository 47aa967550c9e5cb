/* ui/marks.c: read and starred marks in the reader (see ui/marks.h). */
#include "ui/marks.h"

#include <stdlib.h>
#include <string.h>

#include "model/lib.h"
#include "settings/prefs.h"
#include "store/store.h"
#include "ui/loop.h"
#include "ui/state.h"

/* Marks in memory, the default mark-read rule. */
void
ui_marks_init(struct ui_marks *m)
{
	memset(m, 0, sizeof *m);
	m->store = marks_new(NULL);
	m->own = 1;
	m->markread = SETTINGS_MARK_DELAY;
	m->markread_ms = 1000;
	m->shown = SIZE_MAX;
	buf_init(&m->save_err);
	m->last = SIZE_MAX;
}

/* Free the arrays and an owned store. */
void
ui_marks_free(struct ui_marks *m)
{
	free(m->read);
	free(m->star);
	free(m->unread_day);
	free(m->known);
	if (m->own)
		marks_free(m->store);
	buf_free(&m->save_err);
	memset(m, 0, sizeof *m);
}

/* Recount the unread papers of every day and the starred papers (after the marks change). */
static void
count_days(struct ui_state *st)
{
	struct ui_marks *m = &st->marks;
	size_t nd = lib_ndays(st->lib), i, k, np = lib_npapers(st->lib);

	free(m->unread_day);
	free(m->known);
	m->unread_day = xcalloc(nd ? nd : 1, sizeof *m->unread_day);
	m->known = xcalloc(nd ? nd : 1, 1);
	for (i = 0; i < nd; i++) {
		const struct day *d = lib_day(st->lib, i);

		/* a day held in part (a window) is counted from the store when shown */
		if ((m->known[i] = (unsigned char)lib_day_held(d)) == 0)
			continue;
		for (k = 0; k < d->npapers; k++)
			if (d->papers[k] < np && !m->read[d->papers[k]])
				m->unread_day[i]++;
	}
	m->nstarred = m->star_out;
	for (i = 0; i < np; i++)
		m->nstarred += m->star[i] != 0;
}

/*
 * A library that holds only some days: the starred papers the store has
 * that the library does not hold (none when there is no store or it fails).
 */
static size_t
stars_out(struct ui_state *st)
{
	struct ui_marks *m = &st->marks;
	struct store *s = ui_paper_store(st);
	const char **keys;
	size_t n, i, held = 0;
	long found;
	struct buf msg = BUF_INIT;

	if (lib_whole(st->lib) || s == NULL)
		return 0;
	n = marks_keys(m->store, MARKS_STARRED, &keys);
	found = store_count_keys(s, keys, n, &msg);
	free(keys);
	buf_free(&msg);
	for (i = 0; i < lib_npapers(st->lib); i++)
		held += m->star[i] != 0;
	return found > (long)held ? (size_t)found - held : 0;
}

/* What counting a window's days from the store's keys needs. */
struct day_count {
	struct ui_state *st;
	unsigned char *met;	/* per day: its papers were met (counted) */
};

/* store_key_fn: count key unread on its day unless the library holds the day (counted already). */
static void
count_key(void *arg, const char *day, const char *key)
{
	struct day_count *c = arg;
	struct ui_marks *m = &c->st->marks;
	long d = lib_day_find(c->st->lib, day ? day : "undated");

	if (d < 0 || m->known[d])
		return;
	if (!c->met[d])
		m->unread_day[d] = 0;
	c->met[d] = 1;
	m->unread_day[d] += !marks_get(m->store, key, MARKS_READ);
}

/*
 * Count the unread papers of days [first, first + n) that are not counted
 * yet (see ui/marks.h).  With nothing marked read, each is its count, and
 * the store is not asked.
 */
void
ui_marks_count_days(struct ui_state *st, size_t first, size_t n)
{
	struct ui_marks *m = &st->marks;
	struct store *s = ui_paper_store(st);
	size_t nd = lib_ndays(st->lib), i, lo = SIZE_MAX, hi = 0;
	struct day_count c = { st, NULL };
	struct buf msg = BUF_INIT;
	int none_read;

	for (i = first; i < nd && i - first < n; i++)
		if (!m->known[i]) {
			lo = lo == SIZE_MAX ? i : lo;
			hi = i + 1;
		}
	if (lo == SIZE_MAX)
		return;
	none_read = marks_count(m->store, MARKS_READ) == 0;
	c.met = xcalloc(nd, 1);
	if (!none_read && s && store_days_keys(s, lo, hi - lo, count_key, &c, &msg) < 0)
		memset(c.met, 0, nd);
	/* a day not met (no store, a failure): every paper it does not hold unread, until asked again */
	for (i = lo; i < hi; i++)
		if (!m->known[i] && !c.met[i]) {
			m->unread_day[i] = lib_day(st->lib, i)->count;
			m->known[i] = (unsigned char)none_read;
		}
	for (i = 0; i < nd; i++)
		m->known[i] |= c.met[i];
	free(c.met);
	buf_free(&msg);
}

/* Read every paper's marks from the store. */
void
ui_marks_load(struct ui_state *st)
{
	struct ui_marks *m = &st->marks;
	size_t n = lib_npapers(st->lib), i;

	free(m->read);
	free(m->star);
	m->read = xcalloc(n ? n : 1, 1);
	m->star = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++) {
		const char *key = lib_paper(st->lib, i)->key;

		if (key) {
			m->read[i] = marks_get(m->store, key, MARKS_READ) != 0;
			m->star[i] = marks_get(m->store, key, MARKS_STARRED) != 0;
		}
	}
	m->star_out = stars_out(st);
	count_days(st);
}

/* Use a marks store (see ui/marks.h). */
void
ui_marks_use(struct ui_state *st, struct marks *store)
{
	struct ui_marks *m = &st->marks;

	if (m->own)
		marks_free(m->store);
	m->store = store ? store : marks_new(NULL);
	m->own = store == NULL;
	ui_marks_load(st);
	ui_list_relist(st);
}

/* Apply mark-read and its delay. */
void
ui_marks_configure(struct ui_state *st, const struct prefs *p)
{
	st->marks.markread = p->mark_read;
	st->marks.markread_ms = p->mark_read_delay;
}

/*
 * Save the marks after a change.  A failure stays on the status line
 * (save_err) and the marks stay pending (see ui/marks.h).  A save merges
 * what other readers saved meanwhile, so the marks are read back: their
 * stars and read papers show here too.  Returns 1 when it did (the day
 * counts are then fresh).
 */
static int
save(struct ui_state *st)
{
	struct ui_marks *m = &st->marks;
	int reloaded = 0;

	if (!marks_path(m->store))
		return 0;
	if (marks_save(m->store) < 0) {
		size_t n = marks_nmsgs(m->store);

		buf_setlen(&m->save_err, 0);
		buf_printf(&m->save_err, "MARKS NOT SAVED: %s", n ? marks_msg(m->store, n - 1) : "cannot save");
		m->save_retry = ui_loop_now() + UI_SAVE_RETRY_MS;
		ui_state_clear_status(st);
	} else {
		if (m->save_err.len) {
			buf_setlen(&m->save_err, 0);
			ui_state_message(st, "marks saved");
		}
		ui_marks_load(st);
		reloaded = 1;
	}
	marks_clear_msgs(m->store);
	return reloaded;
}

/* Set a mark of paper i and keep it in the store. */
void
ui_marks_set(struct ui_state *st, size_t i, enum marks_field f, int on)
{
	const struct paper *p = lib_paper(st->lib, i);
	unsigned char *v = f == MARKS_READ ? st->marks.read : st->marks.star;
	int reloaded = 0;

	if (!p || !!v[i] == !!on)
		return;
	v[i] = on != 0;
	if (p->key) {
		marks_set(st->marks.store, p->key, f, on);
		reloaded = save(st);
	}
	if (!reloaded)
		count_days(st);	/* a save that read the marks back counted them */
	ui_list_count_cats(st);
}

/* The user looks at the selected paper: its summary is shown while Papers or Summary has the focus. */
static int
looked_at(const struct ui_state *st)
{
	/* a zoomed Papers pane hides the summary */
	return (st->nav.focus == UI_SUMMARY || (st->nav.focus == UI_PAPERS && !st->nav.zoom)) &&
	    !st->help.open && st->prompt.kind == UI_PROMPT_NONE;
}

/* The user went to the selected paper: read now, or start the delay (held while not looked at). */
void
ui_marks_opened(struct ui_state *st)
{
	struct ui_marks *m = &st->marks;
	size_t i = ui_list_index(st);

	m->shown = SIZE_MAX;
	m->last = i;
	if (i == SIZE_MAX || m->read[i] || m->markread == SETTINGS_MARK_MANUAL)
		return;
	if (m->markread == SETTINGS_MARK_OPEN && looked_at(st)) {
		ui_marks_set(st, i, MARKS_READ, 1);
		return;
	}
	m->shown = i;
	m->shown_at = -1;	/* the clock starts at the next tick the paper is looked at */
}

/*
 * After a command: a move to another paper, or the focus coming to the
 * paper, opens it.  The paper on screen at start-up is opened by the
 * user's first command (last is SIZE_MAX until then): starting the reader
 * and leaving it reads nothing.
 */
void
ui_marks_after(struct ui_state *st, size_t before, unsigned gen, enum ui_pane focus_before, int nav)
{
	size_t i = ui_list_index(st);

	if ((nav && (i != before || st->lib_gen != gen)) || (st->nav.focus != focus_before && i != st->marks.last) ||
	    st->marks.last == SIZE_MAX)
		ui_marks_opened(st);
}

/* The key of the paper opened last, before the library goes. */
void
ui_marks_unlib(const struct ui_state *st, char **key)
{
	size_t i = st->marks.last;

	*key = i < lib_npapers(st->lib) && lib_paper(st->lib, i)->key ? xstrdup(lib_paper(st->lib, i)->key) : NULL;
}

/* The paper opened last in the new library, or none there (UI_MARKS_GONE: one was). */
void
ui_marks_relib(struct ui_state *st, char *key)
{
	size_t i = key ? ui_list_index_of_key(st, key) : SIZE_MAX;

	if (st->marks.last != SIZE_MAX)
		st->marks.last = i != SIZE_MAX ? i : UI_MARKS_GONE;
	free(key);
}

/* Nothing waits to be marked read. */
void
ui_marks_forget(struct ui_state *st)
{
	st->marks.shown = SIZE_MAX;
}

/* Advance the clock: a paper looked at long enough becomes read. */
unsigned
ui_marks_tick(struct ui_state *st, double now, long *wait_ms)
{
	struct ui_marks *m = &st->marks;

	unsigned a = UI_ACT_NONE;
	long left;

	*wait_ms = -1;
	if (m->save_err.len && now >= m->save_retry) {
		if (!save(st))	/* again: a full disk may have room now */
			count_days(st);
		ui_list_count_cats(st);
		a = UI_ACT_REDRAW;
	}
	if (m->save_err.len)
		*wait_ms = (long)(m->save_retry - now) + 1;
	if (m->shown == SIZE_MAX || m->markread == SETTINGS_MARK_MANUAL)
		return a;
	if (ui_list_index(st) != m->shown) {
		m->shown = SIZE_MAX;
		return a;
	}
	if (!looked_at(st)) {
		m->shown_at = -1;	/* the clock starts again when the user looks */
		return a;
	}
	if (m->shown_at < 0)
		m->shown_at = now;
	if (m->markread == SETTINGS_MARK_OPEN || now - m->shown_at >= (double)m->markread_ms) {
		ui_marks_set(st, m->shown, MARKS_READ, 1);
		m->shown = SIZE_MAX;
		return a | UI_ACT_REDRAW;
	}
	left = (long)((double)m->markread_ms - (now - m->shown_at)) + 1;
	if (*wait_ms < 0 || left < *wait_ms)
		*wait_ms = left;
	return a;
}

/* u: toggle the read mark of the selected paper (it stays in the list). */
unsigned
ui_marks_toggle_read(struct ui_state *st)
{
	size_t i = ui_list_index(st);

	if (i == SIZE_MAX) {
		ui_state_message(st, "no paper selected");
		return UI_ACT_REDRAW;
	}
	ui_marks_set(st, i, MARKS_READ, !st->marks.read[i]);
	st->marks.shown = SIZE_MAX;	/* by hand: the delay does not undo it */
	ui_state_message(st, "marked %s", st->marks.read[i] ? "read" : "unread");
	return UI_ACT_REDRAW;
}

/* s: toggle the star of the selected paper. */
unsigned
ui_marks_toggle_star(struct ui_state *st)
{
	size_t i = ui_list_index(st);
	int on;

	if (i == SIZE_MAX) {
		ui_state_message(st, "no paper selected");
		return UI_ACT_REDRAW;
	}
	on = !st->marks.star[i];
	ui_marks_set(st, i, MARKS_STARRED, on);
	if (st->list.view == UI_VIEW_STARRED)
		ui_list_relist(st);	/* the Starred view shows what is starred */
	ui_state_message(st, "%s (%zu starred)", on ? "starred" : "unstarred", st->marks.nstarred);
	return UI_ACT_REDRAW;
}

/* Row of the first unread paper of the list from row from on, going dir; SIZE_MAX when none. */
static size_t
unread_row(const struct ui_state *st, long from, int dir)
{
	const struct ui_list *l = &st->list;
	long r;

	for (r = from; r >= 0 && r < (long)l->n; r += dir)
		if (!st->marks.read[l->v[r]])
			return (size_t)r;
	return SIZE_MAX;
}

/*
 * The row of the first unread paper of the list (the last, going back),
 * the filter and the minimum votes cleared when they hide every unread
 * one (as ui_list_go_to shows a paper); SIZE_MAX when none.
 */
static size_t
unread_shown(struct ui_state *st, int dir)
{
	size_t row = unread_row(st, dir > 0 ? 0 : (long)st->list.n - 1, dir);

	if (row != SIZE_MAX || (st->list.filter == UI_FILTER_ALL && st->list.min_votes == 0))
		return row;
	st->list.filter = UI_FILTER_ALL;
	st->list.min_votes = 0;
	ui_list_relist(st);
	row = unread_row(st, dir > 0 ? 0 : (long)st->list.n - 1, dir);
	if (row != SIZE_MAX)
		ui_state_message(st, "filter cleared to show the paper");
	return row;
}

/*
 * In a window on the library (lib_whole false): the next day in dir
 * (wrapping) that has unread papers, selected, and the row of its first
 * unread paper as shown (last, going back); SIZE_MAX when none.
 */
static size_t
unread_day(struct ui_state *st, int dir)
{
	size_t nd = lib_ndays(st->lib), k, d;

	for (k = 1; k < nd; k++) {
		d = dir > 0 ? (st->list.day + k) % nd : (st->list.day + nd - k) % nd;
		ui_marks_count_days(st, d, 1);
		if (st->marks.unread_day[d]) {
			ui_list_select_day(st, d);
			return unread_shown(st, dir);
		}
	}
	return SIZE_MAX;
}

/*
 * The next (dir 1) or previous (-1) unread paper from the selection: in
 * the list as it is shown; else in the other days, in their order
 * (wrapping), landing on that day's first unread paper as it is shown
 * (its last, going back); else from the list's other end.  The Summary
 * pane keeps the focus when it has it, else Papers gets it.
 */
static unsigned
step_unread(struct ui_state *st, int dir)
{
	size_t n, cur, from, k, row = SIZE_MAX;
	enum ui_pane keep = st->nav.focus == UI_SUMMARY ? UI_SUMMARY : UI_PAPERS;
	unsigned gen;

	if (!lib_whole(st->lib) && st->list.view != UI_VIEW_DAYS &&
	    (st->list.n == 0 || unread_row(st, (long)st->list.sel + dir, dir) == SIZE_MAX))
		ui_state_need_whole(st);	/* the starred view's window: look at every paper, below */
	n = lib_npapers(st->lib);
	cur = from = ui_list_index(st);
	gen = st->lib_gen;

	if (st->list.n)
		row = unread_row(st, (long)st->list.sel + dir, dir);
	if (row == SIZE_MAX && !lib_whole(st->lib) && st->list.view == UI_VIEW_DAYS) {
		row = unread_day(st, dir);	/* a window: the days' counts say where */
		n = 0;				/* and no paper is looked for one by one */
		if (st->lib_gen != gen)
			cur = SIZE_MAX;		/* another library: its indices */
	}
	if (from == SIZE_MAX)
		from = dir > 0 ? n - 1 : 0;	/* nothing selected: from either end */
	for (k = 1; row == SIZE_MAX && k <= n; k++) {
		uint32_t i = (uint32_t)(dir > 0 ? (from + k) % n : (from + n - k) % n);

		if (!st->marks.read[i] && ui_list_row_of(st, i) == SIZE_MAX) {
			ui_list_go_to(st, i);
			row = unread_row(st, dir > 0 ? 0 : (long)st->list.n - 1, dir);
		}
	}
	if (row == SIZE_MAX && st->list.n)	/* only this list has some: round its end */
		row = unread_row(st, dir > 0 ? 0 : (long)st->list.n - 1, dir);
	if (row == SIZE_MAX || st->list.v[row] == cur) {	/* none, or only the one shown */
		ui_state_message(st, "no unread papers");
		return UI_ACT_REDRAW;
	}
	ui_list_select_paper(st, row);
	ui_nav_focus(st, keep);
	return UI_ACT_REDRAW;
}

/* U, ]: the next unread paper. */
unsigned
ui_marks_next_unread(struct ui_state *st)
{
	return step_unread(st, 1);
}

/* [: the previous unread paper. */
unsigned
ui_marks_prev_unread(struct ui_state *st)
{
	return step_unread(st, -1);
}

/* Set a mark of papers v[0..n) (lib indices), saving once (see ui/marks.h). */
size_t
ui_marks_set_many(struct ui_state *st, const uint32_t *v, size_t n, enum marks_field f, int on)
{
	unsigned char *m = f == MARKS_READ ? st->marks.read : st->marks.star;
	size_t k, count = 0;

	for (k = 0; k < n; k++) {
		const struct paper *p = lib_paper(st->lib, v[k]);

		if (!p || !!m[v[k]] == !!on)
			continue;
		m[v[k]] = on != 0;
		if (p->key)
			marks_set(st->marks.store, p->key, f, on);
		count++;
	}
	if (count && !save(st))
		count_days(st);	/* a save that read the marks back counted them */
	ui_list_count_cats(st);
	if (f == MARKS_READ)
		st->marks.shown = SIZE_MAX;	/* by hand: the delay does not undo it */
	return count;
}

/* Mark papers v[0..n) (lib indices) read, saving once; returns how many were unread. */
static size_t
mark_read(struct ui_state *st, const uint32_t *v, size_t n)
{
	return ui_marks_set_many(st, v, n, MARKS_READ, 1);
}

/* A: mark every paper of the selected day read (in the Starred and results views, the list). */
unsigned
ui_marks_day_read(struct ui_state *st)
{
	const struct day *d = ui_list_day(st);
	size_t n;

	if (st->list.view != UI_VIEW_DAYS || !d) {
		n = mark_read(st, st->list.v, st->list.n);
		ui_state_message(st, "marked %zu paper%s read", n, n == 1 ? "" : "s");
		return UI_ACT_REDRAW;
	}
	n = mark_read(st, d->papers, d->npapers);
	ui_state_message(st, "marked %zu paper%s of %s read", n, n == 1 ? "" : "s",
	    d->label ? d->label : "the day");
	return UI_ACT_REDRAW;
}

/* C: mark the papers of the Papers list (the day's selected category) read. */
unsigned
ui_marks_cat_read(struct ui_state *st)
{
	const struct ui_list *l = &st->list;
	size_t n = mark_read(st, l->v, l->n);

	ui_state_message(st, "marked %zu paper%s of %s read", n, n == 1 ? "" : "s",
	    l->cat > 0 && l->cat <= l->ncats ? l->cats[l->cat - 1].name : "the list");
	return UI_ACT_REDRAW;
}

/* q: quit, unless marks are still not saved: try once more, then ask (q again quits). */
unsigned
ui_marks_quit(struct ui_state *st)
{
	struct ui_marks *m = &st->marks;
	size_t n;

	if (!marks_path(m->store) || !marks_dirty(m->store) || m->quit_armed)
		return UI_ACT_QUIT;
	save(st);
	if (!marks_dirty(m->store))
		return UI_ACT_QUIT;
	n = marks_ndirty(m->store);
	m->quit_asked = 1;
	/* the question first, the reason after it: the status line may be narrow */
	buf_setlen(&st->status, 0);
	buf_printf(&st->status, "%zu paper%s' marks not saved: q again quits without them, "
	    "any other key stays | %s", n, n == 1 ? "" : "s", m->save_err.buf);
	return UI_ACT_REDRAW;
}
