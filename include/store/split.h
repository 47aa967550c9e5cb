/* store/split.h: the upper rows of a query, read on a helper thread (store-internal).
 *
 * A search of a common word reads tens of thousands of rows from FTS5 on
 * one core (store/index.c).  The index asks a helper for the rows at or
 * above a rowid while it reads those below: two cores, about half the
 * wait.  The helper is a thread with its own connection to the store,
 * both made at the first question and kept until split_free; it only
 * reads.  One question at a time: split_ask, then split_answer before the
 * next.
 *
 * The helper's one statement reads the store as it is when the statement
 * starts, which is the asking connection's snapshot only when no other
 * connection commits meanwhile: the caller checks that (PRAGMA
 * data_version, store/index.c) and asks again without a helper when one
 * did.  A helper that cannot open or read says so (split_answer -1), and
 * the caller reads those rows itself.
 */
#ifndef PB_STORE_SPLIT_H
#define PB_STORE_SPLIT_H

#include <stddef.h>
#include <stdint.h>

struct split;

/* A helper for the store at path, not started yet (caller frees with split_free). */
struct split *split_new(const char *path);
/* Stop the helper (waiting for its question) and free it; NULL is nothing. */
void split_free(struct split *sp);
/*
 * Ask for the rowids sql gives, its parameters bound: ?1 the text
 * text[0..ntext), ?2 the blob blob[0..nblob) when blob is not NULL, ?3
 * the integer from (the statement's lower bound).  sql, text and blob
 * must stay unchanged until split_answer.  0, or -1 when no helper can be
 * started (then read those rows yourself).
 */
int split_ask(struct split *sp, const char *sql, const char *text, size_t ntext,
    const void *blob, size_t nblob, int64_t from);
/*
 * Wait for the answer: *ids gets the rowids (valid until the next
 * question; the helper owns them) and the count is returned, or -1 when
 * the helper could not read them.
 */
long split_answer(struct split *sp, const int64_t **ids);

#endif
