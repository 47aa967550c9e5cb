/* store/index.h: search through the store's full-text index (store/indexer.h writes it).
 *
 * The semantics are model/search.h's: a query matches a paper when its
 * search form (case folded, NFKD) occurs in the search form of the title,
 * an author, a category or any summary, in every language; a query ending
 * in a Hangul syllable without a final consonant (하) does not match inside
 * one that has one (한).  To give FTS5 that rule, the text is indexed
 * and the query made in the index form (store/indexer.h).
 *
 * Queries of three or more code points in that form (every Hangul
 * syllable is two or three jamo, so 학 and 학습 are such queries) go
 * through the FTS5 trigram index.  A space between Hangul matches a space
 * or none: the FTS5 query spells out both ways of each such gap (up to
 * four of them, and only when the query without them is still three code
 * points long; index_hits declines the others).  A single phrase of five
 * or more code points is found through its cover (store/cover.h): about
 * a third of its trigrams, at their offsets, with the phrase's matches.
 * Shorter queries (a Latin letter or two, one or two CJK
 * ideographs: model/search.h's short queries) are answered by scanning a
 * narrow column that holds only the search form of titles, authors and
 * categories, as model/search.c does for them (index_set keeps that
 * column of every paper in memory).  So the matches are exactly
 * model/search.c's.
 *
 * Matches are kept in display order (lib.h's paper order).  One struct
 * index belongs to one thread; it reads the store in its own snapshots.
 */
#ifndef PB_STORE_INDEX_H
#define PB_STORE_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "store/store.h"

/*
 * While papers wait to be indexed, a query also searches them one by one
 * (model/search.c) when they are at most INDEX_SCAN_MAX; beyond that they
 * are left out and index_pending says how many.
 */
#define INDEX_SCAN_MAX 5000

/*
 * A store of at least INDEX_SPLIT_MIN papers is searched on two cores:
 * the rows at or above the median paper id are read by a helper thread
 * on its own connection (store/split.h), the rest here.  A commit by
 * another connection during the query sends it again without the
 * helper, so the matches always come from one snapshot.
 */
#define INDEX_SPLIT_MIN 16384

struct index;

/* A search over store s (caller frees with index_free; s must outlive it). */
struct index *index_new(struct store *s);
/* Free the search. */
void index_free(struct index *ix);
/*
 * Load now what every query needs: the display order and the papers'
 * narrow forms (about 10 MB for 67k papers), which index_set otherwise
 * loads at the first query after the store changed or index_bind (150 to
 * 500 ms on a 67k-paper store, a read of its papers table).  A reader
 * calls it before the first keystroke, e.g. when it opens the store.  0,
 * or -1 with msg.
 */
int index_warm(struct index *ix, struct buf *msg);
/*
 * Set the query (what was typed): returns the number of papers that match
 * in all days (0 for an empty query), or -1 with msg.
 */
long index_set(struct index *ix, const char *q, size_t n, struct buf *msg);
/*
 * Split queries on stores of at least min papers (INDEX_SPLIT_MIN by
 * default; 0 always, SIZE_MAX never): for tests and the benchmark.
 */
void index_set_split(struct index *ix, size_t min);
/*
 * For tests: fn(arg) runs each time a query has asked the helper, before
 * it reads its own rows (NULL: nothing), e.g. to commit meanwhile.
 */
void index_set_split_hook(struct index *ix, void (*fn)(void *), void *arg);
/* Papers the last query could not search (not indexed yet, too many to scan). */
size_t index_pending(const struct index *ix);
/* Number of matches of the query set last. */
size_t index_count(const struct index *ix);
/* Append the key of match i (0-based, display order); -1 when out of range. */
int index_key(struct index *ix, size_t i, struct buf *key);
/*
 * The rank of the paper with this key among the matches: the number of
 * matches before it in display order; *is_match tells whether it matches.
 * -1 when the key is unknown.
 */
long index_rank(struct index *ix, const char *key, int *is_match);
/*
 * The matches on one day, in that day's order: *out gets their ranks
 * among all matches (caller frees); returns how many, or -1 with msg.
 */
long index_day(struct index *ix, const char *day, size_t **out, struct buf *msg);
/*
 * The best max matches across all days by relevance (bm25; for short
 * queries, display order): keys appended to keys, one per line.  Returns
 * how many, or -1 with msg.
 */
long index_ranked(struct index *ix, size_t max, struct buf *keys, struct buf *msg);

/*
 * Answer index_hits for the papers of lib from now on (NULL: for none,
 * and the display order read already is kept: index_rank and index_key
 * need no library); lib must outlive the binding.  The store and lib are
 * matched by key, at the next query.
 */
void index_bind(struct index *ix, const struct lib *lib);
/*
 * Set the query (as index_set) and set hit[i] to 1 for every paper i of
 * the bound library that matches, 0 for the others (hit holds
 * lib_npapers entries).  Returns the number of matches; -2 when the index
 * cannot answer for that library exactly (none bound, papers not indexed
 * yet, a library that is not the store's: hit is untouched and the caller
 * searches the papers itself), or -1 with msg.
 */
long index_hits(struct index *ix, const char *q, size_t n, uint8_t *hit, struct buf *msg);
/*
 * The bound library's papers that match the query set last, best first
 * (FTS5's bm25, a title match weighing most; papers searched one by one
 * and short queries' matches follow in display order), into *out (caller
 * frees); returns how many, -2 when index_hits cannot answer for that
 * library, or -1 with msg.
 */
long index_best(struct index *ix, uint32_t **out, struct buf *msg);

#endif
