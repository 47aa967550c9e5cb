/* store/indexer.h: what the store's full-text index holds, and writing it.
 *
 * The index form of a text is its search form (model/search.h: case
 * folded, NFKD) with a marker, INDEXER_MARK (U+0001, which sanitised text
 * never holds), after every Hangul vowel jamo that no final consonant
 * follows: so a query ending in a syllable without a final consonant (하)
 * does not match inside one that has one (한).  Texts are indexed in that
 * form and queries made in it (store/index.h).
 *
 * A sync only notes the papers it wrote as not indexed yet; indexer_build
 * indexes them later, a batch per transaction, so a reader can do it in
 * the background and nothing is lost when it is killed.
 */
#ifndef PB_STORE_INDEXER_H
#define PB_STORE_INDEXER_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "store/store.h"

#define INDEXER_MARK '\x01'	/* after a Hangul vowel jamo without a final consonant */

/* Append a search form[0..n) with INDEXER_MARK after every vowel jamo that no final follows. */
void indexer_marks(struct buf *out, const char *form, size_t n);
/* Append the index form of s[0..n): search form plus the Hangul vowel markers. */
void indexer_form(struct buf *out, const char *s, size_t n);
/* Append the index form of each of v[0..n), each followed by "\n". */
void indexer_fields(struct buf *out, const char *const *v, size_t n);
struct paper;
/* Set out to the narrow form of p (papers.nform): its title, authors and categories' index forms. */
void indexer_narrow(struct buf *out, const struct paper *p);

/*
 * Index up to max of the papers waiting to be indexed, in one
 * transaction.  Returns how many are left, or -1 with msg.
 */
long indexer_build(struct store *s, size_t max, struct buf *msg);
/*
 * Merge the index's segments a step further, in one short transaction
 * (an index built in many steps is in many segments, and a query reads
 * each): 1 when there is more to merge, 0 when it is done, -1 with msg.
 * After a build that indexed a large share of the papers at once (a
 * quarter or more: a first build) it is done when the index is one
 * segment; after a small one (a day added) it merges only what FTS5's
 * own rule asks for (a level of usermerge segments), not the whole index
 * again.  The wish for a full merge is kept in the store until it is
 * done, so a reader killed meanwhile goes on at its next start.
 */
int indexer_tidy(struct store *s, struct buf *msg);
/*
 * Of papers ids[0..n), those in the index (not waiting in fts_todo),
 * into out (room for n): how many, or -1 with msg.
 */
long indexer_indexed(struct store *s, const int64_t *ids, size_t n, int64_t *out, struct buf *msg);
/* Take papers ids[0..n) (indexed ones) out of the index; -1 with msg (within a transaction). */
int indexer_remove(struct store *s, const int64_t *ids, size_t n, struct buf *msg);
/*
 * Take every paper out of the index at once (when every indexed paper
 * goes: no content to merge again for the deletes); -1 with msg (within a
 * transaction).
 */
int indexer_clear(struct store *s, struct buf *msg);

#endif
