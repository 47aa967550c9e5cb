/* store/split.h: the upper rows of a query, read on a helper thread (store-internal).
 *
 * A search of a common word reads tens of thousands of rows from FTS5 on
 * one core (store/index.c).  The index asks a helper for the rows at or
 * above a rowid while it reads those below: two cores, about half the
 * wait.  The helper is a thread with its own read-only connection to
 * the store, both made at the first question and kept until split_free.
 * One question at a time: split_ask, then split_answer before the next.
 *
 * The helper's one statement reads the store as it is when the statement
 * starts, which is the asking connection's snapshot only when no other
 * connection commits meanwhile: the caller checks that (PRAGMA
 * data_version, store/index.c) and asks again without a helper when one
 * did.  A helper that cannot read says so (split_answer -1), and the
 * caller reads those rows itself.  One that cannot open the store, or
 * finds another file at its path than the asker's (a store built anew
 * there: its mark, STORE_MARK_SQL, differs), says so and is never asked
 * again (split_ask -1).
 */
#ifndef PB_STORE_SPLIT_H
#define PB_STORE_SPLIT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct split;

/*
 * A helper for the store at path whose mark (STORE_MARK_SQL, as the
 * asker's connection reads it) is mark; not started yet (caller frees
 * with split_free).
 */
struct split *split_new(const char *path, const char *mark);
/* Stop the helper (waiting for its question) and free it; NULL is nothing. */
void split_free(struct split *sp);
/*
 * Ask for the rowids sql gives, its parameters bound: ?1 the text
 * text[0..ntext), ?2 the blob blob[0..nblob) when blob is not NULL, ?3
 * the integer from (the statement's lower bound).  sql, text and blob
 * must stay unchanged until split_answer.  0, or -1 when there is no
 * helper (none could be started, or it could not open the store): then
 * read those rows yourself.
 */
int split_ask(struct split *sp, const char *sql, const char *text, size_t ntext,
    const void *blob, size_t nblob, int64_t from);
/*
 * Bind a question's parameters to st, as split_ask's helper does (the
 * asker binds its own half with it): ?1 the text, ?2 the blob when not
 * NULL, ?3 from when st has a third parameter.  Both stay the caller's
 * until st is done.
 */
void split_bind(sqlite3_stmt *st, const char *text, size_t ntext, const void *blob, size_t nblob, int64_t from);
/*
 * Wait for the answer: *ids gets the rowids (valid until the next
 * question; the helper owns them) and the count is returned, or -1 when
 * the helper could not read them.
 */
long split_answer(struct split *sp, const int64_t **ids);

#endif
