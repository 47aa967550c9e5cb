/* ingest/jsonl.h: JSON Lines, shared by the jsonl format and the templates that use it. */
#ifndef PB_INGEST_JSONL_H
#define PB_INGEST_JSONL_H

#include <stddef.h>

#include "ingest/pctx.h"

/* True when s[0..n) looks like JSON Lines: an object on the first line, another on the next. */
int jsonl_lines(const char *s, size_t n);
/* Read each line of p's input as one paper object (fields.h) of format source. */
void jsonl_read(struct pctx *p, const char *source);

#endif
