/* store/cover.h: a long phrase found through a third of its trigrams (store-internal).
 *
 * The search index (store/indexer.h) uses FTS5's trigram tokenizer, which
 * gives a column a token at every code point: the three code points that
 * start there, none skipped (spaces and line ends included; it skips
 * U+0000, which the store's text never holds).  A phrase of n code
 * points is n - 2 tokens at consecutive positions, and FTS5 reads
 * the position list of every one of them in every row that holds them
 * all, so a long phrase of common trigrams is slow (transformer: nine
 * tokens, 30 ms on a 67k-paper store).
 *
 * The trigrams that start at code points 0, 3, 6, ... and the last one
 * (at n - 3) together cover every code point of the phrase.  So a column
 * holds the phrase at position p exactly when it holds each of those
 * trigrams at p plus the trigram's offset: about n / 3 tokens, the same
 * matches.  cover_make writes the FTS5 query that requires each of them
 * (a superset of the matches, since it says nothing of where) and their
 * offsets; the FTS5 auxiliary function pb_cover (cover_register) keeps the
 * rows where the offsets hold in one column.  COVER_SQL runs both.
 * cover_quote is the quoting of an FTS5 string every query here uses.
 */
#ifndef PB_STORE_COVER_H
#define PB_STORE_COVER_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* Most trigrams a cover has: a longer phrase is searched as a phrase (cover_make returns 0). */
#define COVER_MAX 64

/*
 * The rows that hold the phrase: ?1 the cover's query (q), ?2 its offsets
 * (off as a blob of n int32_t).  The FTS5 table is fts.
 */
#define COVER_SQL "SELECT rowid FROM fts WHERE fts MATCH ?1 AND pb_cover(fts, ?2)"

struct cover {
	struct buf q;		/* the FTS5 query: "t0" AND "t1" AND ..., each trigram quoted */
	int32_t off[COVER_MAX];	/* offset of trigram k in the phrase, in code points, ascending */
	size_t n;		/* trigrams in q and off */
};

/* Append s[0..n) to q as one FTS5 string: quoted, each quote doubled. */
void cover_quote(struct buf *q, const char *s, size_t n);
/* An empty cover (free with cover_free). */
void cover_init(struct cover *c);
/* Free the cover's query. */
void cover_free(struct cover *c);
/*
 * Make c the cover of the phrase f[0..len) (valid UTF-8 without U+0000,
 * in the index's form).  Returns 1 when it has fewer trigrams than the
 * phrase has tokens (use COVER_SQL), 0 when not, the phrase being
 * shorter than five code points or its cover longer than COVER_MAX
 * (search the phrase).
 */
int cover_make(struct cover *c, const char *f, size_t len);
/*
 * Register pb_cover on connection db: once for each connection, before
 * COVER_SQL is prepared on it.  0, or -1 when FTS5 is missing or refuses
 * it (then search the phrase).
 */
int cover_register(sqlite3 *db);

#endif
