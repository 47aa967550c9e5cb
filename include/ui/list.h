/* ui/list.h: what the Days, Categories and Papers lists show, and the selection (no curses).
 *
 * The view (the days, the starred papers of every day, or a search's
 * matches from every day, newest first, like neomutt's limit), the filter,
 * the minimum votes and the order decide which papers the Papers list
 * holds; the selected day and category narrow it.  Selecting a paper here
 * resets what the Summary and Links panes show of it (ui/paper.h).
 */
#ifndef PB_UI_LIST_H
#define PB_UI_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "ui/layout.h"

/* Which papers the lists show. */
enum ui_view {
	UI_VIEW_DAYS,		/* the selected day's papers */
	UI_VIEW_STARRED,	/* starred papers from every day */
	UI_VIEW_RESULTS,	/* a search's matches from every day, newest first (L) */
};

/* Filters of the Papers list (cycled by f). */
enum ui_filter { UI_FILTER_ALL, UI_FILTER_UNREAD, UI_FILTER_STARRED, UI_NFILTERS };

/* Orders of the Papers list (cycled by O). */
enum ui_order {
	UI_ORDER_VOTES,		/* votes, highest first (the --dump order within a day); a day
				   without any votes: as published */
	UI_ORDER_PUBLISHED,	/* as published: the order of the inputs and within each */
	UI_ORDER_TITLE,		/* title, A to Z */
	UI_ORDER_DATE,		/* newest day first */
	UI_NORDERS
};

/* A category of the view with its paper and unread counts. */
struct ui_cat {
	const char *name;
	size_t count;
	size_t unread;
};

/* Where the selection is (a search remembers it; Esc goes back). */
struct ui_place {
	enum ui_view view;
	size_t day, cat, sel;
	size_t paper;			/* lib index of the selected paper, or SIZE_MAX */
	unsigned gen;			/* of the library then (struct ui_state's lib_gen) */
	enum ui_filter filter;
	long min_votes;
	enum ui_pane focus;
};

/* The lists; part of struct ui_state, owned by list.c. */
struct ui_list {
	enum ui_view view;
	enum ui_filter filter;
	long min_votes;			/* 0: no minimum */
	enum ui_order order;
	size_t day;			/* selected day */
	size_t cat;			/* 0 = All, else cats[cat - 1] */
	size_t sel;			/* selected row of v[] */
	struct ui_cat *cats;		/* categories of the view, by name */
	size_t ncats;
	uint32_t *v;			/* papers (lib indices) of the Papers list */
	size_t n;
	size_t total;			/* papers of the view's day and category before the filters */
	size_t hid_filter;		/* of those, hidden by the filter (read, or not starred) */
	size_t hid_votes;		/* hidden by the minimum votes (and not by the filter) */
	uint32_t *found;		/* the results view's papers (lib order: newest first) */
	size_t nfound;
	char *found_q;			/* the query they match, as shown (owned) */
	int found_best;			/* best match first (the store's index ranks them), not newest first */
	struct ui_place found_from;	/* where the user was before the results view */
	size_t days_width;		/* cells of the library's widest day row (ui_list_measure_days) */
};

struct ui_state;
struct paper;
struct day;
struct lib;

/* Free the lists. */
void ui_list_free(struct ui_list *l);
/* The selected day, or NULL. */
const struct day *ui_list_day(const struct ui_state *st);
/* The selected paper (a light library's as read in full: ui_paper_full), or NULL. */
const struct paper *ui_list_paper(const struct ui_state *st);
/* The lib index of the selected paper, or SIZE_MAX. */
size_t ui_list_index(const struct ui_state *st);
/* The lib index of the paper with this key, or SIZE_MAX (a look at every paper). */
size_t ui_list_index_of_key(const struct ui_state *st, const char *key);

/* Select day d (clamped), category All and its first paper. */
void ui_list_select_day(struct ui_state *st, size_t d);
/* Select category row c (0 = All, else clamped to All) and its first paper. */
void ui_list_select_cat(struct ui_state *st, size_t c);
/* Select row i of the Papers list (clamped). */
void ui_list_select_paper(struct ui_state *st, size_t i);
/* The row of paper (lib index) i in the Papers list, or SIZE_MAX. */
size_t ui_list_row_of(const struct ui_state *st, uint32_t i);
/* Go to day d in the days view unless it is shown already (a move or a click in Days). */
void ui_list_pick_day(struct ui_state *st, size_t d);
/* Select category row c when it exists and is not selected. */
void ui_list_pick_cat(struct ui_state *st, size_t c);
/* Select paper row i when it exists and is not selected. */
void ui_list_pick_paper(struct ui_state *st, size_t i);
/*
 * Rebuild the lists after a filter, order or mark change, keeping the
 * category and the paper (its summary and link as they were) when they stay.
 */
void ui_list_relist(struct ui_state *st);
/* Recount the unread papers of each category (after a mark changed). */
void ui_list_count_cats(struct ui_state *st);
/*
 * Show paper (lib index) i: in the current list when it is there, else on
 * its first day, else with the filter cleared.  0 when it cannot be shown.
 */
int ui_list_go_to(struct ui_state *st, uint32_t i);
/*
 * Show the paper with this key on day d (its first day) as ui_list_go_to
 * does, when the library may not hold it yet: a window reads day d in
 * its place first.  0 when it cannot be shown.
 */
int ui_list_go_to_key(struct ui_state *st, const char *key, size_t d);
/* Remember the selection in *p. */
void ui_list_save_place(const struct ui_state *st, struct ui_place *p);
/* Go back to a remembered selection: view, filter, minimum votes, day, category, paper, focus. */
void ui_list_restore_place(struct ui_state *st, const struct ui_place *p);
/* Show only papers with at least v votes (0: all), and say how many. */
void ui_list_set_min_votes(struct ui_state *st, long v);

struct search;
/*
 * Show the papers matching the search s (query q as shown) from every
 * day, newest first: the results view, the selected paper still selected
 * when it is one of them.  Where the user was is kept for
 * ui_list_leave_results, unless the results view is shown already.
 * Returns the number of results.
 */
size_t ui_list_show_results(struct ui_state *st, struct search *s, const char *q);
/* Leave the results view: back where the user was before it. */
void ui_list_leave_results(struct ui_state *st);
/* The library was replaced: find the results view's query's matches in it again. */
void ui_list_refind(struct ui_state *st);

/* The papers of the Papers list, for export (*v: caller frees the array). */
size_t ui_list_papers(const struct ui_state *st, const struct paper ***v);
/*
 * Append what the filter and the minimum votes hide, or nothing (see
 * ui_list_filters); only "1 of 2 starred shown" while the status line has
 * a message, which then has the room.
 */
void ui_list_hidden(const struct ui_state *st, struct buf *out);
/*
 * Append the active view, filter, minimum votes and order ("starred |
 * unread only", "23 results for 'diffusion', newest first"), or nothing.  When the filter or the minimum hides papers
 * it names what they hide and the keys that show them, once: "1 of 2
 * starred shown (1 read hidden: f twice shows all)".
 */
void ui_list_filters(const struct ui_state *st, struct buf *out);

/*
 * The day q names, or -1: a label equal to q (any case); a day of the
 * month and day of a label such as "May 9" (the newest); the newest day
 * whose label starts with q ("2025-05", "May"); else, for a date or a
 * date's start (YYYY-MM-DD, YYYY-MM, YYYY), the dated day nearest to it
 * (the newer of two as near).  *exact is set when the day is the one q
 * names, not the nearest.
 */
long ui_list_find_day(const struct lib *lib, const char *q, int *exact);
/*
 * Go to the day text names (ui_list_find_day; spaces around it are
 * ignored), saying so when it is the nearest; 0 when none matches.
 */
int ui_list_go_to_day(struct ui_state *st, const char *text);

/* Handlers (see ui/cmd.h). */
unsigned ui_list_next_day(struct ui_state *st);
unsigned ui_list_prev_day(struct ui_state *st);
unsigned ui_list_toggle_starred(struct ui_state *st);
unsigned ui_list_cycle_filter(struct ui_state *st);
unsigned ui_list_cycle_order(struct ui_state *st);

/*
 * Width (border included) the Days and Categories panes need to show every
 * day label and category name whole with its count.
 */
int ui_list_width(const struct ui_state *st);
/*
 * Measure the library's widest day row for ui_list_width: once for each
 * library the state takes, not at every frame (a window has every day).
 */
void ui_list_measure_days(struct ui_state *st);

#endif
