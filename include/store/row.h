/* store/row.h: a record (struct rec) as one row of the store, and back.
 *
 * A row is a JSON object written here and read with json-c: the record's
 * line, id, title, day, authors, categories, votes, source, summary blocks
 * and links.  Reading checks every type and refuses strings that are not
 * clean (text_is_clean: valid UTF-8 without the controls the sanitiser
 * removes), so a damaged or edited store cannot put anything on the
 * screen that the parsers would not have.  tests/fuzz/fuzz_ingest.c
 * fuzzes row_decode.
 */
#ifndef PB_STORE_ROW_H
#define PB_STORE_ROW_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/lib.h"

/* Append r as a row (JSON text, no newline). */
void row_encode(struct buf *out, const struct rec *r);
/*
 * Read a row into *r, its strings and arrays in arena a (r->file is left
 * NULL).  Returns 0, or -1 when the row is not one row_encode writes.
 */
int row_decode(const char *text, size_t len, struct arena *a, struct rec *r);

#endif
