/* model/search.h: finding papers by text, whatever the case or normalisation.
 *
 * A query matches a paper when its search form (text_search_form: case
 * folded, NFKD) occurs in the search form of the paper's title, authors,
 * categories or any of its summaries, in every language.  So "TRANSFORMER"
 * finds "Transformer", and Hangul typed in NFD finds the library's NFC.
 * A space of the query between two Hangul letters matches a space or
 * none, as Korean spacing varies: "강화 학습" finds "강화학습" (not the
 * other way round: a query without the space finds only that spelling).
 * A short query, of one or two code points in that form (one or two Latin
 * letters or digits, one or two CJK ideographs), matches titles, authors
 * and categories only: in summaries it would match nearly every paper.
 * Every Hangul syllable is two or three code points in that form and
 * counts as three, so 학 and 학습 search the summaries too.
 * The papers' search forms are built once, on the first search, and kept,
 * unless the caller answers the query itself (search_use_hits: the
 * library store's index does).
 */
#ifndef PB_SEARCH_H
#define PB_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "model/lib.h"

/* A matched byte range of a displayed string. */
struct search_span {
	size_t off;
	size_t len;
};

struct search;

/* A search over lib (caller frees with search_free; lib must outlive it). */
struct search *search_new(const struct lib *lib);
/* Free the search. */
void search_free(struct search *s);
/* Set the query from what was typed; returns 0 when it is empty (matches nothing). */
int search_set(struct search *s, const char *q, size_t n);
/* The query as typed (NUL-terminated, clean for display). */
const char *search_query(const struct search *s);
/* True when paper i (lib_paper order) matches the query. */
int search_paper(struct search *s, size_t i);
/*
 * Take the matches of the query set last from hits[i] (one per paper of
 * the library; the caller keeps it alive and unchanged until the next
 * search_set or search_use_hits), instead of searching the papers; NULL
 * searches them again.  search_set forgets hits.
 */
void search_use_hits(struct search *s, const uint8_t *hits);

/* True when the query set last is short: it matches titles, authors and categories only. */
int search_is_short(const struct search *s);

/* Code points a query form needs to search summaries too (see above). */
#define SEARCH_SHORT 3
/*
 * True when the search form form[0..n) is short: fewer than SEARCH_SHORT
 * code points, a Hangul vowel jamo without a final after it counting two.
 */
int search_form_short(const char *form, size_t n);
/*
 * The ranges of text[0..n) where the query occurs, in order, each covering
 * whole code points: up to max are stored in out; returns how many there are.
 */
size_t search_spans(struct search *s, const char *text, size_t n,
    struct search_span *out, size_t max);

#endif
