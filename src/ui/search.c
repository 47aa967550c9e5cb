/* ui/search.c: searching the library from the reader (see ui/search.h). */
#include "ui/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/search.h"
#include "store/index.h"
#include "store/store.h"
#include "ui/state.h"

/* No query yet, over the state's library. */
void
ui_search_init(struct ui_state *st)
{
	st->search.match = search_new(st->lib);
	st->search.store = NULL;
	st->search.ix = NULL;
	st->search.hits = NULL;
	buf_init(&st->search.query);
	buf_init(&st->search.ixq);
	st->search.day = 0;
	st->search.active = 0;
	st->search.partial = 0;
}

/* Close the store and its index. */
static void
drop_store(struct ui_search *s)
{
	index_free(s->ix);
	store_close(s->store);
	s->ix = NULL;
	s->store = NULL;
	buf_setlen(&s->ixq, 0);
}

/* Free. */
void
ui_search_free(struct ui_search *s)
{
	search_free(s->match);
	s->match = NULL;
	drop_store(s);
	free(s->hits);
	s->hits = NULL;
	buf_free(&s->query);
	buf_free(&s->ixq);
}

/* An index that failed: dropped, but for the store a light library's papers are read from. */
static void
index_failed(struct ui_state *st)
{
	struct ui_search *s = &st->search;

	if (lib_is_light(st->lib)) {
		index_free(s->ix);
		s->ix = NULL;
	} else {
		drop_store(s);
	}
}

/*
 * The query q[0..n) on a window on the library (lib_whole false): the
 * index counts the matches of every day, and the window's papers that
 * match are marked by their rank among them (index_rank): the search is
 * wide.  When the index cannot answer exactly (papers waiting to be
 * indexed, too many to search one by one), it is not wide: the caller
 * reads every day (ui_state_need_whole).  Returns 1 (the query is set).
 */
static int
window_hits(struct ui_state *st, const char *q, size_t n)
{
	struct ui_search *s = &st->search;
	struct buf msg = BUF_INIT;
	size_t np = lib_npapers(st->lib), i;
	long r = 0;
	int is;

	if (s->ixq.len != n || memcmp(s->ixq.buf, q, n) != 0)	/* a window read in place: asked already */
		r = index_set(s->ix, q, n, &msg);
	buf_setlen(&s->ixq, 0);
	if (r >= 0)
		buf_add(&s->ixq, q, n);
	else
		index_failed(st);
	buf_free(&msg);
	if (r < 0 || index_pending(s->ix))
		return 1;
	free(s->hits);
	s->hits = xcalloc(np + 1, 1);
	for (i = 0; i < np; i++)
		s->hits[i] = index_rank(s->ix, lib_paper(st->lib, i)->key, &is) >= 0 && is;
	search_use_hits(s->match, s->hits);
	s->partial = 0;
	s->wide = 1;
	return 1;
}

/*
 * Set the matcher's query to q[0..n), answered by the index when it can;
 * returns 0 for an empty query.  An index that fails is dropped.
 */
static int
set_query(struct ui_state *st, const char *q, size_t n)
{
	struct ui_search *s = &st->search;
	struct buf msg = BUF_INIT;
	int on = search_set(s->match, q, n);
	long r;

	s->partial = on && lib_is_light(st->lib);	/* until the index answers */
	s->wide = 0;
	if (!on || s->ix == NULL)
		return on;
	if (!lib_whole(st->lib))
		return window_hits(st, q, n);
	buf_init(&msg);
	free(s->hits);
	s->hits = xcalloc(lib_npapers(st->lib) + 1, 1);
	r = index_hits(s->ix, q, n, s->hits, &msg);
	if (r >= 0) {
		search_use_hits(s->match, s->hits);
		s->partial = 0;
	} else {
		free(s->hits);	/* the papers are searched instead */
		s->hits = NULL;
		s->partial = s->partial ? 2 : 0;
	}
	if (r == -1)
		index_failed(st);	/* a light library's store still gives the papers' text */
	buf_setlen(&s->ixq, 0);	/* the index holds another query's matches now */
	if (r >= 0)
		buf_add(&s->ixq, q, n);
	buf_free(&msg);
	return on;
}

/* Search through the store's index from now on. */
void
ui_search_set_store(struct ui_state *st, struct store *s, struct index *ix, const struct lib *bound)
{
	struct ui_search *se = &st->search;

	drop_store(se);
	se->store = s;
	se->ix = ix ? ix : index_new(s);
	if (ix == NULL || bound != st->lib)
		index_bind(se->ix, lib_whole(st->lib) ? st->lib : NULL);	/* a window: by rank */
	ui_paper_refetch(st);
	if (se->active)
		set_query(st, se->query.buf, se->query.len);
}

/* Search the new library for the same query. */
void
ui_search_relib(struct ui_state *st)
{
	struct ui_search *s = &st->search;

	search_free(s->match);
	s->match = search_new(st->lib);
	if (s->ix)
		index_bind(s->ix, lib_whole(st->lib) ? st->lib : NULL);	/* a window: by rank */
	if (s->active)
		s->active = set_query(st, s->query.buf, s->query.len);
}

/* The papers a search goes through, in order: every paper, or the current list. */
static size_t
scope(const struct ui_state *st, size_t k)
{
	return st->search.day ? st->list.v[k] : k;
}

/* Number of papers in the search scope. */
static size_t
scope_len(const struct ui_state *st)
{
	return st->search.day ? st->list.n : lib_npapers(st->lib);
}

/* Position of the selected paper in the search scope (0 when none). */
static size_t
scope_pos(const struct ui_state *st)
{
	if (!st->search.day)
		return ui_list_index(st) == SIZE_MAX ? 0 : ui_list_index(st);
	return st->list.sel < st->list.n ? st->list.sel : 0;
}

/* The rank in m[0..count) of the next (dir 1) or previous (-1) match from from (or at it: same). */
static size_t
pick(const size_t *m, size_t count, size_t from, int dir, int same)
{
	size_t k;

	if (dir > 0) {
		/* the first match at (same) or after from, else wrap to the first */
		for (k = 0; k < count && (m[k] < from || (!same && m[k] == from)); k++)
			;
		return k == count ? 0 : k;
	}
	/* the last match before from, else wrap to the last */
	for (k = count; k > 0 && m[k - 1] >= from; k--)
		;
	return k > 0 ? k - 1 : count - 1;
}

/* Show match k (a rank) of a wide search: its first day, read in the window's place. */
static int
show_rank(struct ui_state *st, size_t k)
{
	struct buf key = BUF_INIT, label = BUF_INIT, msg = BUF_INIT;
	struct store *s = ui_paper_store(st);
	long d = -1;
	int ok;

	ok = index_key(st->search.ix, k, &key) == 0 && s && store_paper_day(s, key.buf, &label, &msg) > 0 &&
	    (d = lib_day_find(st->lib, label.buf)) >= 0 && ui_list_go_to_key(st, key.buf, (size_t)d);
	buf_free(&key);
	buf_free(&label);
	buf_free(&msg);
	return ok;
}

/*
 * find_match of a wide search (every day, on a window): the rank of the
 * selected paper among the matches says which is next (at it, same).
 */
static int
wide_match(struct ui_state *st, int dir, int same, size_t *nmatch, size_t *which)
{
	const struct paper *p = ui_list_paper(st);
	size_t count = index_count(st->search.ix), k;
	long r = 0;
	int is = 0;

	*nmatch = count;
	if (count == 0)
		return 0;
	if (p == NULL)
		same = 1;	/* nothing selected: the first match is next */
	else if ((r = index_rank(st->search.ix, p->key, &is)) < 0)
		r = 0;
	if (dir > 0)
		k = is && !same ? (size_t)r + 1 : (size_t)r;	/* at (same) or after */
	else
		k = r > 0 ? (size_t)r - 1 : count - 1;	/* before */
	k = k < count ? k : 0;
	*which = k + 1;
	return show_rank(st, k);
}

/*
 * Go to the next (dir 1) or previous (-1) match after the selection, or
 * at it (same); *nmatch is the number of matches, *which the rank of the
 * one chosen.  One pass over the scope collects the matches.
 */
static int
find_match(struct ui_state *st, int dir, int same, size_t *nmatch, size_t *which)
{
	size_t n = scope_len(st), k, count = 0;
	size_t *m;

	if (st->search.active && st->search.wide && !st->search.day)
		return wide_match(st, dir, same, nmatch, which);
	if (!st->search.active || n == 0)
		return 0;
	if (!ui_list_paper(st))
		same = 1;	/* nothing selected: the first match is next */
	m = xcalloc(n, sizeof *m);
	for (k = 0; k < n; k++)
		if (search_paper(st->search.match, scope(st, k)))
			m[count++] = k;
	*nmatch = count;
	if (count == 0) {
		free(m);
		return 0;
	}
	k = pick(m, count, scope_pos(st), dir, same);
	*which = k + 1;
	k = m[k];
	free(m);
	if (st->search.day)
		ui_list_select_paper(st, k);
	else
		ui_list_go_to(st, (uint32_t)k);
	return 1;
}

/* True when summary i of p holds a match of the search. */
static int
sum_matches(struct ui_state *st, const struct paper *p, size_t i)
{
	const char *t = p->sums[i].text;

	if (search_is_short(st->search.match))
		return 0;	/* a short query does not search summaries */
	return t && search_spans(st->search.match, t, strlen(t), NULL, 0) > 0;
}

/* Show the selected paper's summary that matched, unless the one shown did (or none did). */
static void
show_matching_summary(struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);
	size_t i;

	if (!p || !st->search.active || st->paper.sum >= p->nsums || sum_matches(st, p, st->paper.sum))
		return;
	for (i = 0; i < p->nsums; i++)
		if (sum_matches(st, p, i)) {
			ui_paper_show_sum(st, i);
			return;
		}
}

/* Say where the search stands on the status line (the prompt shows the query). */
static void
status(struct ui_state *st, int found, size_t count, size_t which)
{
	const char *where = st->search.day ? " on this day" : "";
	const char *part = st->search.partial == 2 ? " (titles only: the index cannot take this query)" :
	    st->search.partial ? " (titles only until the search index is ready)" : "";
	struct buf q = BUF_INIT;

	if (!st->search.active)
		return;
	buf_init(&q);
	if (st->prompt.kind != UI_PROMPT_SEARCH)
		buf_printf(&q, "/%s: ", search_query(st->search.match));
	if (found)
		ui_state_message(st, "%smatch %zu of %zu%s%s", q.buf, which, count, where, part);
	else
		ui_state_message(st, "%sno match%s%s", q.buf, where, part);
	buf_free(&q);
}

/* Go to the next (dir 1) or previous match, or at the selection (same), and say so. */
static void
go(struct ui_state *st, int dir, int same)
{
	size_t count = 0, which = 0;
	int found;

	if (st->search.active && !st->search.wide && !lib_whole(st->lib))
		ui_state_need_whole(st);	/* the index cannot answer for a window: every day */
	found = find_match(st, dir, same, &count, &which);

	if (found)
		show_matching_summary(st);
	status(st, found, count, which);
}

/* Run the search for what is typed, from where the search began. */
static void
update(struct ui_state *st)
{
	struct ui_search *s = &st->search;
	const struct buf *in = &st->prompt.input;

	s->active = set_query(st, in->buf, in->len);
	buf_setlen(&s->query, 0);
	buf_add(&s->query, in->buf, in->len);
	ui_list_restore_place(st, &s->before);
	if (!s->active) {
		ui_state_message(st, "search: type a few letters (Tab: %s)",
		    s->day ? "this day" : "every day");
		return;
	}
	go(st, 1, 1);
}

/* The query changed: search now, or once at the end of a batch of keys. */
void
ui_search_changed(struct ui_state *st)
{
	if (st->search.batch)
		st->search.pending = 1;
	else
		update(st);
}

/* Begin or end a batch of keys (see ui/search.h). */
void
ui_search_batch(struct ui_state *st, int on)
{
	st->search.batch = on;
	if (!on && st->search.pending) {
		st->search.pending = 0;
		if (st->prompt.kind == UI_PROMPT_SEARCH)
			update(st);
	}
}

/* Esc at the prompt: no search, back where it began. */
static void
cancel(struct ui_state *st)
{
	struct ui_search *s = &st->search;

	ui_prompt_close(st);
	s->active = 0;
	ui_prompt_clear(st);
	buf_setlen(&s->query, 0);
	search_set(s->match, "", 0);
	ui_list_restore_place(st, &s->before);
	ui_state_message(st, "search cancelled");
}

/* A key at the search prompt. */
unsigned
ui_search_key(struct ui_state *st, int key)
{
	if (st->search.pending && (key == KEYNAME_ENTER || key == '\t')) {
		st->search.pending = 0;	/* Enter and Tab act on the query as typed so far */
		update(st);
	}
	if (key == KEYNAME_ESC) {
		st->search.pending = 0;
		cancel(st);
	} else if (key == KEYNAME_ENTER) {
		ui_prompt_close(st);
		if (!st->search.active)
			ui_list_restore_place(st, &st->search.before);
		else
			go(st, 1, 1);	/* the list may have changed under the prompt: report from here */
	} else if (key == '\t') {
		st->search.day = !st->search.day;
		update(st);
	} else if (key == KEYNAME_BACKSPACE) {
		ui_prompt_backspace(st);
		ui_search_changed(st);
	} else if (key == KEYNAME_CTRL('u')) {
		ui_prompt_clear(st);
		ui_search_changed(st);
	} else if (ui_prompt_add(st, key, UI_SEARCH_MAX)) {
		ui_search_changed(st);
	}
	return UI_ACT_REDRAW;
}

/* /: start a search, remembering where we are. */
unsigned
ui_search_start(struct ui_state *st)
{
	struct ui_search *s = &st->search;

	ui_list_save_place(st, &s->before);
	s->active = 0;
	ui_prompt_clear(st);
	search_set(s->match, "", 0);
	ui_prompt_open(st, UI_PROMPT_SEARCH);
	ui_state_message(st, "search %s (Tab: %s; Enter: done; Esc: back)",
	    s->day ? "this day" : "every day", s->day ? "every day" : "this day only");
	return UI_ACT_REDRAW;
}

/* n / N: the next or previous match. */
static unsigned
step(struct ui_state *st, int dir)
{
	if (!st->search.active) {
		ui_state_message(st, "no search: / starts one");
		return UI_ACT_REDRAW;
	}
	go(st, dir, 0);
	return UI_ACT_REDRAW;
}

/* n. */
unsigned
ui_search_next(struct ui_state *st)
{
	return step(st, 1);
}

/* N. */
unsigned
ui_search_prev(struct ui_state *st)
{
	return step(st, -1);
}

/* L: the search's matches from every day in one list, newest first. */
unsigned
ui_search_results(struct ui_state *st)
{
	size_t n;

	if (!st->search.active) {
		ui_state_message(st, "no search: / starts one, then L lists its matches");
		return UI_ACT_REDRAW;
	}
	ui_state_need_whole(st);	/* the matches of every day in one list */
	n = ui_list_show_results(st, st->search.match, search_query(st->search.match));
	/* the position names the results and counts them */
	ui_state_message(st, n ? "q: back" : "no paper matches (q: back)");
	return UI_ACT_REDRAW;
}

/* Esc: clear the search (the help, when open, is closed by ui_help_cmd). */
unsigned
ui_search_close(struct ui_state *st)
{
	if (!st->search.active)
		return UI_ACT_NONE;
	st->search.active = 0;
	search_set(st->search.match, "", 0);
	ui_state_message(st, "search cleared");
	return UI_ACT_REDRAW;
}

/* The search's matches best first, when the store's index answered it. */
long
ui_search_best(struct ui_state *st, uint32_t **out)
{
	struct buf msg = BUF_INIT;
	long n;

	*out = NULL;
	if (st->search.ix && st->search.hits == NULL && st->search.active)
		set_query(st, st->search.query.buf, st->search.query.len);	/* the index came since */
	if (st->search.ix == NULL || st->search.hits == NULL)
		return -2;	/* the papers were searched one by one: no ranking */
	buf_init(&msg);
	n = index_best(st->search.ix, out, &msg);
	buf_free(&msg);
	return n;
}
