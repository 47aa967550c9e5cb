/* ui/list.c: what the Days, Categories and Papers lists show, and the selection (see ui/list.h). */
#include "ui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "model/lib.h"
#include "model/search.h"
#include "text/width.h"
#include "ui/state.h"

/* Free the lists. */
void
ui_list_free(struct ui_list *l)
{
	free(l->cats);
	free(l->v);
	free(l->found);
	free(l->found_q);
	memset(l, 0, sizeof *l);
}

/* The selected day, or NULL. */
const struct day *
ui_list_day(const struct ui_state *st)
{
	return st->list.day < lib_ndays(st->lib) ? lib_day(st->lib, st->list.day) : NULL;
}

/* The selected paper, or NULL. */
const struct paper *
ui_list_paper(const struct ui_state *st)
{
	if (st->list.sel >= st->list.n || st->list.v[st->list.sel] >= lib_npapers(st->lib))
		return NULL;
	/* a light library's selected paper as read in full from the store */
	return ui_paper_full(st, lib_paper(st->lib, st->list.v[st->list.sel]));
}

/* The lib index of the selected paper, or SIZE_MAX. */
size_t
ui_list_index(const struct ui_state *st)
{
	if (st->list.sel >= st->list.n || st->list.v[st->list.sel] >= lib_npapers(st->lib))
		return SIZE_MAX;
	return st->list.v[st->list.sel];
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
		if (st->marks.star[i])
			(*out)[k++] = (uint32_t)i;
	return k;
}

/*
 * The papers the Categories and Papers panes draw from: the selected
 * day's, every starred paper, or the search results.  *tofree is set
 * when the array is the caller's to free.
 */
static size_t
view_papers(const struct ui_state *st, const uint32_t **v, uint32_t **tofree)
{
	const struct day *d;

	*tofree = NULL;
	if (st->list.view == UI_VIEW_RESULTS) {
		*v = st->list.found;
		return st->list.nfound;
	}
	if (st->list.view == UI_VIEW_STARRED) {
		size_t n = starred_papers(st, tofree);

		*v = *tofree;
		return n;
	}
	d = ui_list_day(st);
	*v = d ? d->papers : NULL;
	return d ? d->npapers : 0;
}

/* The category names of papers v[0..np), each paper's once, sorted; *n set. */
static const char **
cat_names(const struct ui_state *st, const uint32_t *v, size_t np, size_t *n)
{
	const char **names;
	size_t i, j, total = 0;

	*n = 0;
	for (i = 0; i < np; i++)
		if (v[i] < lib_npapers(st->lib))
			total += lib_paper(st->lib, v[i])->ncats;
	names = xcalloc(total ? total : 1, sizeof *names);
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
				names[(*n)++] = p->cats[j];
		}
	}
	qsort(names, *n, sizeof *names, cmp_str);
	return names;
}

/* Collect the categories of the view with their counts, by name. */
static void
build_cats(struct ui_state *st)
{
	const uint32_t *v;
	uint32_t *tofree;
	size_t np = view_papers(st, &v, &tofree), n, i;
	const char **names = cat_names(st, v, np, &n);
	struct ui_list *l = &st->list;

	free(l->cats);
	l->cats = NULL;
	l->ncats = 0;
	if (n)
		l->cats = xcalloc(n, sizeof *l->cats);
	for (i = 0; i < n; i++) {
		if (l->ncats && strcmp(l->cats[l->ncats - 1].name, names[i]) == 0) {
			l->cats[l->ncats - 1].count++;
			continue;
		}
		l->cats[l->ncats].name = names[i];
		l->cats[l->ncats].count = 1;
		l->ncats++;
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

/* Recount the unread papers of each category of the view (after build_cats or a mark). */
void
ui_list_count_cats(struct ui_state *st)
{
	size_t np = lib_npapers(st->lib), i, k, n;
	const uint32_t *v;
	uint32_t *tofree;
	struct ui_list *l = &st->list;

	for (k = 0; k < l->ncats; k++)
		l->cats[k].unread = 0;
	n = view_papers(st, &v, &tofree);
	for (i = 0; i < n; i++) {
		const struct paper *p;

		if (v[i] >= np || st->marks.read[v[i]])
			continue;
		p = lib_paper(st->lib, v[i]);
		for (k = 0; k < l->ncats; k++)
			if (has_cat(p, l->cats[k].name))
				l->cats[k].unread++;
	}
	free(tofree);
}

/* A paper with what the order compares. */
struct sort_key {
	uint32_t i;
	long votes;
	uint32_t pos;
	const char *label;
};

/* qsort comparison by the place in the inputs (as published), then lib order. */
static int
cmp_pos(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	int c = (x->pos > y->pos) - (x->pos < y->pos);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* qsort comparison by votes (highest first), then lib order. */
static int
cmp_votes(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	int c = (x->votes < y->votes) - (x->votes > y->votes);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* qsort comparison by title (ignoring case), then lib order. */
static int
cmp_title(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	int c = strcasecmp(x->label, y->label);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * The order the list is sorted in: the selected one, except that a day
 * whose papers have no votes at all is shown as published by default.
 */
static enum ui_order
effective_order(const struct ui_state *st)
{
	const struct ui_list *l = &st->list;
	size_t i;

	if (l->order != UI_ORDER_VOTES || l->view != UI_VIEW_DAYS)
		return l->order;
	for (i = 0; i < l->n; i++)
		if (lib_paper(st->lib, l->v[i])->votes > 0)
			return UI_ORDER_VOTES;
	return UI_ORDER_PUBLISHED;
}

/* Sort the Papers list in the selected order (lib order is already the date order). */
static void
sort_list(struct ui_state *st)
{
	static int (*const cmp[UI_NORDERS])(const void *, const void *) = {
		[UI_ORDER_VOTES] = cmp_votes, [UI_ORDER_PUBLISHED] = cmp_pos, [UI_ORDER_TITLE] = cmp_title,
	};
	struct ui_list *l = &st->list;
	enum ui_order o = effective_order(st);
	struct sort_key *k;
	size_t i;

	/* search results are newest first, whatever the order */
	if (o == UI_ORDER_DATE || l->view == UI_VIEW_RESULTS || l->n < 2)
		return;
	k = xcalloc(l->n, sizeof *k);
	for (i = 0; i < l->n; i++) {
		const struct paper *p = lib_paper(st->lib, l->v[i]);

		k[i].i = l->v[i];
		k[i].votes = p->votes;
		k[i].pos = p->pos;
		k[i].label = ui_paper_label(p);
	}
	qsort(k, l->n, sizeof *k, cmp[o]);
	for (i = 0; i < l->n; i++)
		l->v[i] = k[i].i;
	free(k);
}

/* Whether paper i passes: 0, else what hides it (counted in the list's hid_filter or hid_votes). */
static size_t *
hidden_by(struct ui_state *st, uint32_t i)
{
	const struct paper *p = lib_paper(st->lib, i);

	if (st->list.filter == UI_FILTER_UNREAD && st->marks.read[i])
		return &st->list.hid_filter;
	if (st->list.filter == UI_FILTER_STARRED && !st->marks.star[i])
		return &st->list.hid_filter;
	if (st->list.min_votes > 0 && p->votes < st->list.min_votes)
		return &st->list.hid_votes;
	return NULL;
}

/* Fill the Papers list with the view's papers in the category, filtered and ordered. */
static void
build_list(struct ui_state *st)
{
	const uint32_t *v;
	uint32_t *tofree;
	size_t n = view_papers(st, &v, &tofree), i;
	struct ui_list *l = &st->list;

	free(l->v);
	l->n = l->total = l->hid_filter = l->hid_votes = 0;
	l->v = xcalloc(n ? n : 1, sizeof *l->v);
	for (i = 0; i < n; i++) {
		size_t *hid;

		if (v[i] >= lib_npapers(st->lib))
			continue;
		if (l->cat > 0 && l->cat <= l->ncats &&
		    !has_cat(lib_paper(st->lib, v[i]), l->cats[l->cat - 1].name))
			continue;
		l->total++;
		if ((hid = hidden_by(st, v[i])) != NULL) {
			(*hid)++;
			continue;
		}
		l->v[l->n++] = v[i];
	}
	free(tofree);
	sort_list(st);
}

/* Select row i of the paper list; what the paper panes show starts over. */
void
ui_list_select_paper(struct ui_state *st, size_t i)
{
	struct ui_list *l = &st->list;

	l->sel = i < l->n ? i : (l->n ? l->n - 1 : 0);
	ui_paper_reset(st);
	ui_marks_forget(st);
}

/* Select category row c (0 = All) and its first paper. */
void
ui_list_select_cat(struct ui_state *st, size_t c)
{
	st->list.cat = c <= st->list.ncats ? c : 0;
	build_list(st);
	ui_nav_unscroll(st, UI_PAPERS);
	ui_list_select_paper(st, 0);
}

/* Select day d, category All and its first paper. */
void
ui_list_select_day(struct ui_state *st, size_t d)
{
	size_t n = lib_ndays(st->lib);

	st->list.day = d < n ? d : (n ? n - 1 : 0);
	if (st->list.view == UI_VIEW_DAYS)
		ui_state_hold_day(st, st->list.day);	/* a window on the library: read the day */
	build_cats(st);
	ui_list_count_cats(st);
	ui_nav_unscroll(st, UI_CATS);
	ui_list_select_cat(st, 0);
}

/* A move or click in Days: the day in the days view (leaving the starred view). */
void
ui_list_pick_day(struct ui_state *st, size_t d)
{
	if (d != st->list.day || st->list.view != UI_VIEW_DAYS) {
		st->list.view = UI_VIEW_DAYS;
		ui_list_select_day(st, d);
	}
}

/* A move or click in Categories. */
void
ui_list_pick_cat(struct ui_state *st, size_t c)
{
	if (c <= st->list.ncats && c != st->list.cat)
		ui_list_select_cat(st, c);
}

/* A move or click in Papers. */
void
ui_list_pick_paper(struct ui_state *st, size_t i)
{
	if (i < st->list.n && i != st->list.sel)
		ui_list_select_paper(st, i);
}

/* Rebuild the lists after a filter, order or mark change, keeping the paper when it stays. */
void
ui_list_relist(struct ui_state *st)
{
	struct ui_list *l = &st->list;
	size_t keep = ui_list_index(st), i;
	const char *cat = l->cat > 0 && l->cat <= l->ncats ? l->cats[l->cat - 1].name : NULL;

	build_cats(st);
	l->cat = 0;
	for (i = 0; cat && i < l->ncats; i++)
		if (strcmp(l->cats[i].name, cat) == 0)
			l->cat = i + 1;
	ui_list_count_cats(st);
	build_list(st);
	for (i = 0; i < l->n; i++)
		if (l->v[i] == keep) {
			l->sel = i;
			ui_paper_keep(st);
			return;
		}
	ui_list_select_paper(st, l->sel);
}

/* The row of paper (lib index) i in the Papers list, or SIZE_MAX. */
size_t
ui_list_row_of(const struct ui_state *st, uint32_t i)
{
	size_t k;

	for (k = 0; k < st->list.n; k++)
		if (st->list.v[k] == i)
			return k;
	return SIZE_MAX;
}

/* The lib index of the paper with this key, or SIZE_MAX. */
size_t
ui_list_index_of_key(const struct ui_state *st, const char *key)
{
	size_t i;

	for (i = 0; key && i < lib_npapers(st->lib); i++)
		if (strcmp(lib_paper(st->lib, i)->key, key) == 0)
			return i;
	return SIZE_MAX;
}

/* Show the paper with this key on day d (see ui/list.h). */
int
ui_list_go_to_key(struct ui_state *st, const char *key, size_t d)
{
	const struct day *day = lib_day(st->lib, d);
	size_t i = ui_list_index_of_key(st, key);
	char *k;

	if (i != SIZE_MAX && (ui_list_row_of(st, (uint32_t)i) != SIZE_MAX || lib_day_held(day)))
		return ui_list_go_to(st, (uint32_t)i);	/* in the list shown, or held with its day */
	k = xstrdup(key);
	st->list.view = UI_VIEW_DAYS;
	ui_list_select_day(st, d);	/* a window reads the day in its place */
	i = ui_list_index_of_key(st, k);
	free(k);
	day = lib_day(st->lib, d);
	if (i != SIZE_MAX && !lib_day_held(day)) {
		/* the day could not be read (said): the paper where the window has it, or not at all */
		if ((i = ui_list_row_of(st, (uint32_t)i)) == SIZE_MAX)
			return 0;
		ui_list_select_paper(st, i);
		return 1;
	}
	return i != SIZE_MAX && ui_list_go_to(st, (uint32_t)i);
}

/* Show paper (lib index) i: its first day in the Days order, All, the paper. */
int
ui_list_go_to(struct ui_state *st, uint32_t i)
{
	const struct paper *p = lib_paper(st->lib, i);
	size_t k, d;

	if (!p)
		return 0;
	/* in the current list already (this day, the starred view): stay there */
	if ((k = ui_list_row_of(st, i)) != SIZE_MAX) {
		ui_list_select_paper(st, k);
		return 1;
	}
	st->list.view = UI_VIEW_DAYS;
	d = p->ndays ? p->days[0] : lib_ndays(st->lib) - 1;
	if (!lib_day_held(lib_day(st->lib, d)))
		return ui_list_go_to_key(st, p->key, d);	/* the day is read in the window's place */
	ui_list_select_day(st, d);
	if ((k = ui_list_row_of(st, i)) != SIZE_MAX) {
		ui_list_select_paper(st, k);
		return 1;
	}
	/* hidden by the filter: show everything */
	st->list.filter = UI_FILTER_ALL;
	st->list.min_votes = 0;
	ui_list_relist(st);
	if ((k = ui_list_row_of(st, i)) != SIZE_MAX) {
		ui_list_select_paper(st, k);
		ui_state_message(st, "filter cleared to show the paper");
		return 1;
	}
	return 0;
}

/*
 * Set the results to the papers of the library matching s: best first
 * when asked and the store's index answered s, else in lib order (newest
 * first).
 */
static void
find_all(struct ui_state *st, struct search *s)
{
	struct ui_list *l = &st->list;
	size_t n = lib_npapers(st->lib), i;
	uint32_t *best;
	long nbest;

	if (l->found_best && s == st->search.match && (nbest = ui_search_best(st, &best)) >= 0) {
		free(l->found);
		l->found = best;
		l->nfound = (size_t)nbest;
		return;
	}
	l->found_best = 0;
	free(l->found);
	l->found = xcalloc(n ? n : 1, sizeof *l->found);
	l->nfound = 0;
	for (i = 0; i < n; i++)
		if (search_paper(s, i))
			l->found[l->nfound++] = (uint32_t)i;
}

/* The results view of search s (see ui/list.h). */
size_t
ui_list_show_results(struct ui_state *st, struct search *s, const char *q)
{
	struct ui_list *l = &st->list;
	size_t keep = ui_list_index(st), k;
	char *nq;

	if (l->view != UI_VIEW_RESULTS)
		ui_list_save_place(st, &l->found_from);
	find_all(st, s);
	nq = xstrdup(q);	/* q may be l->found_q */
	free(l->found_q);
	l->found_q = nq;
	l->view = UI_VIEW_RESULTS;
	build_cats(st);
	ui_list_count_cats(st);
	ui_nav_unscroll(st, UI_CATS);
	ui_list_select_cat(st, 0);
	ui_nav_unscroll(st, UI_PAPERS);
	/* the match the user is on stays selected (neomutt's limit) */
	if (keep <= UINT32_MAX && (k = ui_list_row_of(st, (uint32_t)keep)) != SIZE_MAX)
		ui_list_select_paper(st, k);
	ui_nav_focus(st, UI_PAPERS);
	return l->nfound;
}

/* Back where the user was before the results view. */
void
ui_list_leave_results(struct ui_state *st)
{
	struct ui_place from = st->list.found_from;

	if (from.view == UI_VIEW_RESULTS)
		from.view = UI_VIEW_DAYS;
	ui_list_restore_place(st, &from);
}

/* Find the results view's query in a new library. */
void
ui_list_refind(struct ui_state *st)
{
	struct search *s;

	if (!st->list.found_q)
		return;
	if (st->search.active && strcmp(search_query(st->search.match), st->list.found_q) == 0) {
		find_all(st, st->search.match);	/* the search's own answer (the index's, if any) */
		return;
	}
	s = search_new(st->lib);
	search_set(s, st->list.found_q, strlen(st->list.found_q));
	find_all(st, s);
	search_free(s);
}

/* Remember the selection. */
void
ui_list_save_place(const struct ui_state *st, struct ui_place *p)
{
	p->view = st->list.view;
	p->day = st->list.day;
	p->cat = st->list.cat;
	p->sel = st->list.sel;
	p->paper = ui_list_index(st);
	p->gen = st->lib_gen;
	p->filter = st->list.filter;
	p->min_votes = st->list.min_votes;
	p->focus = st->nav.focus;
}

/* Restore a remembered selection, filter and minimum votes. */
void
ui_list_restore_place(struct ui_state *st, const struct ui_place *p)
{
	size_t k;

	st->list.view = p->view;
	st->list.filter = p->filter;
	st->list.min_votes = p->min_votes;
	if (p->view == UI_VIEW_STARRED)
		ui_state_hold_starred(st);	/* a window read since: the starred papers too */
	else if (p->view == UI_VIEW_RESULTS)
		ui_state_need_whole(st);
	ui_list_select_day(st, p->day);
	if (p->cat <= st->list.ncats)
		ui_list_select_cat(st, p->cat);
	/* the same paper, wherever a rebuilt list put it (another library: the same row) */
	k = p->paper <= UINT32_MAX && p->gen == st->lib_gen ? ui_list_row_of(st, (uint32_t)p->paper) : SIZE_MAX;
	ui_list_select_paper(st, k != SIZE_MAX ? k : p->sel);
	ui_nav_focus(st, p->focus);
}

/* Apply a minimum number of votes. */
void
ui_list_set_min_votes(struct ui_state *st, long v)
{
	st->list.min_votes = v;
	ui_list_relist(st);
	/* the position names the minimum and counts the papers: say only its end */
	if (v == 0)
		ui_state_message(st, "any number of votes");
}

/* The papers of the Papers list. */
size_t
ui_list_papers(const struct ui_state *st, const struct paper ***v)
{
	size_t i;

	*v = xcalloc(st->list.n ? st->list.n : 1, sizeof **v);
	for (i = 0; i < st->list.n; i++)
		(*v)[i] = lib_paper(st->lib, st->list.v[i]);
	return st->list.n;
}

/* "1 of 2 starred shown (1 read hidden: f twice shows all)": what the filters hide. */
void
ui_list_hidden(const struct ui_state *st, struct buf *out)
{
	const struct ui_list *l = &st->list;
	int both = l->hid_filter && l->hid_votes;

	if (l->hid_filter + l->hid_votes == 0)
		return;
	buf_printf(out, "%zu of %zu%s shown", l->n, l->total,
	    l->view == UI_VIEW_STARRED ? " starred" : "");
	if (st->status.len)
		return;	/* a message follows on the status line: the short form, room for it */
	buf_puts(out, " (");
	if (l->hid_filter)
		buf_printf(out, "%zu %s", l->hid_filter,
		    l->filter == UI_FILTER_UNREAD ? "read" : "unstarred");
	if (l->hid_votes)
		buf_printf(out, "%s%zu under %ld votes", both ? ", " : "", l->hid_votes,
		    l->min_votes);
	buf_puts(out, " hidden: ");
	/* f cycles all, unread, starred: from unread, all is two presses away */
	if (both)
		buf_puts(out, "f, v 0)");	/* short: the line has more to say */
	else if (l->hid_filter)
		buf_puts(out, l->filter == UI_FILTER_UNREAD ? "f twice shows all)" : "f shows all)");
	else
		buf_puts(out, "v 0 shows all)");
}

/* Append the active view, filter, minimum votes and order. */
void
ui_list_filters(const struct ui_state *st, struct buf *out)
{
	size_t before = out->len;

	if (st->list.view == UI_VIEW_RESULTS)
		buf_printf(out, "%zu result%s for '%s', %s first | ", st->list.nfound,
		    st->list.nfound == 1 ? "" : "s", st->list.found_q ? st->list.found_q : "",
		    st->list.found_best ? "best match" : "newest");
	if (st->list.hid_filter + st->list.hid_votes) {
		ui_list_hidden(st, out);
		buf_puts(out, " | ");
	} else {
		if (st->list.view == UI_VIEW_STARRED)
			buf_puts(out, "starred | ");
		if (st->list.filter == UI_FILTER_UNREAD)
			buf_puts(out, "unread only | ");
		else if (st->list.filter == UI_FILTER_STARRED)
			buf_puts(out, "starred only | ");
		if (st->list.min_votes > 0)
			buf_printf(out, ">= %ld votes | ", st->list.min_votes);
	}
	if (st->list.view == UI_VIEW_RESULTS)
		;	/* newest first, said with the results */
	else if (st->list.order == UI_ORDER_PUBLISHED)
		buf_puts(out, "as published | ");
	else if (st->list.order == UI_ORDER_TITLE)
		buf_puts(out, "by title | ");
	else if (st->list.order == UI_ORDER_DATE)
		buf_puts(out, "by date | ");
	if (out->len > before)
		buf_setlen(out, out->len - 3);
}

/* S: switch between the days and the starred papers of every day. */
unsigned
ui_list_toggle_starred(struct ui_state *st)
{
	if (st->list.view == UI_VIEW_STARRED) {
		st->list.view = UI_VIEW_DAYS;
		ui_list_select_day(st, st->list.day);
		ui_state_message(st, "days");
		return UI_ACT_REDRAW;
	}
	st->list.view = UI_VIEW_STARRED;
	ui_state_hold_starred(st);	/* the starred papers of every day */
	build_cats(st);
	ui_list_count_cats(st);
	ui_nav_unscroll(st, UI_CATS);
	ui_list_select_cat(st, 0);
	ui_nav_focus(st, UI_PAPERS);
	ui_state_message(st, "S again: back to the days");	/* the position says "starred" */
	return UI_ACT_REDRAW;
}

/* f: cycle the filter: all, unread, starred. */
unsigned
ui_list_cycle_filter(struct ui_state *st)
{
	static const char *const names[UI_NFILTERS] = { "all papers", "unread only", "starred only" };

	st->list.filter = (enum ui_filter)((st->list.filter + 1) % UI_NFILTERS);
	ui_list_relist(st);
	/* the position names a filter that is on; say only that it is off */
	if (st->list.filter == UI_FILTER_ALL)
		ui_state_message(st, "showing %s", names[st->list.filter]);
	return UI_ACT_REDRAW;
}

/* O in the results view: best match first (when the store's index can rank them) or newest first. */
static unsigned
results_order(struct ui_state *st)
{
	struct ui_list *l = &st->list;
	int want = !l->found_best;

	if (!st->search.active || strcmp(search_query(st->search.match), l->found_q) != 0) {
		ui_state_message(st, "results stay newest first");
		return UI_ACT_REDRAW;
	}
	l->found_best = want;
	ui_list_show_results(st, st->search.match, l->found_q);
	if (want && !l->found_best)
		ui_state_message(st, "results stay newest first (best match first needs the library store's index)");
	else
		ui_state_message(st, "%s first", l->found_best ? "best match" : "newest");
	return UI_ACT_REDRAW;
}

/* O: cycle the order: votes, title, date. */
unsigned
ui_list_cycle_order(struct ui_state *st)
{
	static const char *const names[UI_NORDERS] = { "votes", "as published", "title", "date" };

	if (st->list.view == UI_VIEW_RESULTS)
		return results_order(st);
	st->list.order = (enum ui_order)((st->list.order + 1) % UI_NORDERS);
	ui_list_relist(st);
	/* the position names an order other than votes; say only the return to votes */
	if (st->list.order == UI_ORDER_VOTES)
		ui_state_message(st, "ordered by %s", names[st->list.order]);
	return UI_ACT_REDRAW;
}

/* Cells of a list row: marker, text, a space, "N/N" counts, the border. */
static size_t
row_width(const char *text, size_t total)
{
	char num[48];

	snprintf(num, sizeof num, "%zu/%zu", total, total);
	return 2 + width_str(text) + 1 + strlen(num) + 2;
}

/* Width the Days and Categories panes need (see ui/list.h). */
int
ui_list_width(const struct ui_state *st)
{
	size_t w = row_width("All", lib_npapers(st->lib)), i, k;

	w = st->list.days_width > w ? st->list.days_width : w;
	for (i = 0; i < st->list.ncats; i++) {
		k = row_width(st->list.cats[i].name, st->list.cats[i].count);
		w = k > w ? k : w;
	}
	return w > 1000 ? 1000 : (int)w;
}

/* Measure the widest day row (see ui/list.h). */
void
ui_list_measure_days(struct ui_state *st)
{
	size_t w = 0, i, k;

	for (i = 0; i < lib_ndays(st->lib); i++) {
		const struct day *d = lib_day(st->lib, i);

		k = row_width(d->label ? d->label : "?", d->count);
		w = k > w ? k : w;
	}
	st->list.days_width = w;
}

/* The day delta rows away in Days (1: the one below, older), whatever pane has the focus. */
static unsigned
step_day(struct ui_state *st, long delta)
{
	size_t n = lib_ndays(st->lib), d = st->list.view == UI_VIEW_DAYS ?
	    ui_nav_step(st->list.day, delta, n) : st->list.day;

	if (n == 0) {
		ui_state_message(st, "no days");
		return UI_ACT_REDRAW;
	}
	if (d == st->list.day && st->list.view == UI_VIEW_DAYS)
		ui_state_message(st, delta > 0 ? "the oldest day" : "the newest day");
	ui_list_pick_day(st, d);
	return UI_ACT_REDRAW;
}

/* }: the next day down the Days list (older). */
unsigned
ui_list_next_day(struct ui_state *st)
{
	return step_day(st, 1);
}

/* {: the previous day up the Days list (newer). */
unsigned
ui_list_prev_day(struct ui_state *st)
{
	return step_day(st, -1);
}

/* The day number q's date, or the first day of its month or year (YYYY-MM, YYYY); -1 if none. */
static long
date_start(const char *q)
{
	struct buf full = BUF_INIT;
	size_t n = strlen(q);
	long d;

	if (n == 10)
		return date_parse(q);
	if (n != 4 && n != 7)
		return -1;
	buf_init(&full);
	buf_printf(&full, "%s%s", q, n == 4 ? "-01-01" : "-01");
	d = date_parse(full.buf);
	buf_free(&full);
	return d;
}

/* The dated day nearest to day number t (the newer of two as near), or -1. */
static long
nearest_day(const struct lib *lib, long t)
{
	long best = -1, bestd = 0;
	size_t i;

	for (i = 0; i < lib_ndays(lib); i++) {
		const struct day *d = lib_day(lib, i);
		long dn = d->kind == DAY_DATED ? date_parse(d->label) : -1, dist;

		if (dn < 0)
			continue;
		dist = dn > t ? dn - t : t - dn;
		if (best < 0 || dist < bestd) {	/* newest first: a tie keeps the newer */
			best = (long)i;
			bestd = dist;
		}
	}
	return best;
}

/* The first day (newest) whose month and day are m and md: dated, or a label such as "May 9". */
static long
day_of_month_day(const struct lib *lib, int m, int md)
{
	size_t i;

	for (i = 0; i < lib_ndays(lib); i++) {
		const struct day *d = lib_day(lib, i);
		int dm = 0, dd = 0;

		if (d->kind == DAY_DATED && d->label && strlen(d->label) == 10) {
			dm = atoi(d->label + 5);
			dd = atoi(d->label + 8);
		} else if (d->kind == DAY_LABEL && !lib_label_date(d->label, &dm, &dd)) {
			continue;
		}
		if (dm == m && dd == md)
			return (long)i;
	}
	return -1;
}

/* The day q names (see ui/list.h). */
long
ui_list_find_day(const struct lib *lib, const char *q, int *exact)
{
	size_t i, n = strlen(q);
	int m, md;
	long at;

	*exact = 1;
	if (n == 0)
		return -1;
	for (i = 0; i < lib_ndays(lib); i++)
		if (lib_day(lib, i)->label && strcasecmp(lib_day(lib, i)->label, q) == 0)
			return (long)i;
	if (lib_label_date(q, &m, &md) && (at = day_of_month_day(lib, m, md)) >= 0)
		return at;
	for (i = 0; i < lib_ndays(lib); i++)
		if (lib_day(lib, i)->label && strncasecmp(lib_day(lib, i)->label, q, n) == 0)
			return (long)i;
	*exact = 0;
	at = date_start(q);
	return at < 0 ? -1 : nearest_day(lib, at);
}

/* Go to day d found for q (exact, or the nearest), or say that none matches; 0 when none. */
static int
go_found(struct ui_state *st, const char *q, long d, int exact)
{
	if (d < 0) {
		ui_state_message(st, "no day matches '%s' (YYYY-MM-DD, YYYY-MM or a label such as May 9)",
		    q);
		return 0;
	}
	ui_list_pick_day(st, (size_t)d);
	if (!exact)
		ui_state_message(st, "no day %s: the nearest is %s", q, lib_day(st->lib, (size_t)d)->label);
	return 1;
}

/* Go to the day text names, spaces around it ignored (see go_found). */
int
ui_list_go_to_day(struct ui_state *st, const char *text)
{
	struct buf t = BUF_INIT;
	const char *q;
	size_t n;
	int exact, ok;
	long d;

	buf_init(&t);
	text += strspn(text, " ");
	for (n = strlen(text); n > 0 && text[n - 1] == ' '; n--)
		;
	buf_add(&t, text, n);
	q = buf_str(&t);
	d = ui_list_find_day(st->lib, q, &exact);
	ok = go_found(st, q, d, exact);
	buf_free(&t);
	return ok;
}
