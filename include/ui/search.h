/* ui/search.h: searching the library from the reader (no curses).
 *
 * / opens the search prompt; every key typed searches again from where
 * the search began (model/search.h's matching: the library store's index
 * answers when the reader has one, ui_search_set_store) and selects the
 * first match; Tab limits it to the current list; Esc goes back; n and N
 * walk the matches afterwards, across days, and L lists them all, newest
 * first (neomutt's limit).
 *
 * On a window on the library (one day held, ui/state.h) the index
 * answers for every day by rank: the count, the next match's key and its
 * first day, which is then read in the window's place; the window's own
 * papers are marked in hits.  Where the index cannot answer exactly (not
 * there yet, papers waiting), and for L, every day is read first
 * (ui_state_need_whole) and searched as before.
 */
#ifndef PB_UI_SEARCH_H
#define PB_UI_SEARCH_H

#include <stdint.h>

#include "base/buf.h"
#include "ui/list.h"

struct search;
struct ui_state;

struct index;
struct store;

/* The search; part of struct ui_state, owned by search.c. */
struct ui_search {
	struct search *match;		/* the matcher over the library (its query may be empty) */
	struct store *store;		/* the library store for searching, or NULL (ui_search_set_store) */
	struct index *ix;		/* its search index, bound to the library */
	uint8_t *hits;			/* the index's answer for the query, one per paper (match uses it) */
	struct buf ixq;			/* the query whose matches the index holds ("": none) */
	int wide;			/* a window on the library: the index answers for every day
					   (matches by rank; the window marks its own in hits) */
	struct buf query;		/* the query as typed (kept across reloads) */
	int day;			/* search only the current list, not every day */
	int active;			/* a query is active: highlight, n and N */
	int partial;			/* the library is light and the index did not answer: the
					   papers' titles and categories were searched, not their
					   text; 1: the index is not ready yet, 2: it declined */
	struct ui_place before;		/* the selection before / was pressed */
	int batch;			/* keys come in a batch: search once, at its end */
	int pending;			/* the query changed during the batch */
};

#define UI_SEARCH_MAX 256	/* bytes of a query */

/* Start with no query over the state's library. */
void ui_search_init(struct ui_state *st);
/* Free. */
void ui_search_free(struct ui_search *s);
/*
 * Search through the library store s from now on (the reader's thread
 * owns it and ix; the state closes them): its index answers each query
 * when it can answer for the library shown (store/index.h), else the
 * papers are searched one by one as without a store.  ix (may be NULL: a
 * new one) is a search over s bound to the library bound (and warmed up
 * for it).  A light library's selected paper is read in full from s
 * (ui_paper_refetch), and s stays for that when its index fails.
 */
void ui_search_set_store(struct ui_state *st, struct store *s, struct index *ix, const struct lib *bound);
/* The library was replaced: search the new one for the same query. */
void ui_search_relib(struct ui_state *st);
/* A key at the search prompt. */
unsigned ui_search_key(struct ui_state *st, int key);
/* The query was changed (typed, pasted): search now, or at the end of the batch. */
void ui_search_changed(struct ui_state *st);
/*
 * Begin (on) or end a batch of keys read together: during it the search
 * prompt collects the query and searches once, when the batch ends.
 */
void ui_search_batch(struct ui_state *st, int on);

/* Handlers (see ui/cmd.h). */
unsigned ui_search_start(struct ui_state *st);
unsigned ui_search_next(struct ui_state *st);
unsigned ui_search_prev(struct ui_state *st);
/* L: the search's matches from every day in one list, newest first (ui/list.h's results view). */
unsigned ui_search_results(struct ui_state *st);
/*
 * The active search's matches, best first (store/index.h's index_best)
 * into *out (caller frees): how many, or -2 when the index did not answer
 * this search (no store, a library it does not hold) or could not rank.
 */
long ui_search_best(struct ui_state *st, uint32_t **out);
/* Esc outside the help: clear the search's highlight. */
unsigned ui_search_close(struct ui_state *st);

#endif
