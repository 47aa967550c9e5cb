/* ingest/table.h: one markdown table row read under a given header, for
 * formats that store rows outside a table (the cv-arxiv-daily JSON).
 */
#ifndef PB_INGEST_TABLE_H
#define PB_INGEST_TABLE_H

#include <stddef.h>

#include "ingest/format.h"
#include "ingest/pctx.h"

/* The table format's row (table.c), for formats whose files hold its tables. */
extern const struct ingest_format table_format;

/*
 * Read and emit one row ("|a|b|", possibly over several lines) found at
 * line, under the header row header ("|Publish Date|Title|...|"); topic
 * (may be NULL, kept by the caller) becomes its category.
 */
void table_row(struct pctx *p, const char *header, const char *topic, size_t line,
    const char *row, size_t n);

#endif
