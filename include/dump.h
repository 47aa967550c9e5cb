/* dump.h: the library as JSON Lines (one paper per line). */
#ifndef PB_DUMP_H
#define PB_DUMP_H

#include <stdio.h>

#include "buf.h"
#include "model.h"
#include "state.h"

/* Append a JSON string literal for s (escaping quotes, backslashes and controls). */
void dump_json_str(struct buf *out, const char *s);
/*
 * Append one paper as a JSON object (no newline); its read and starred
 * keys come from st (false when st is NULL).
 */
void dump_paper(struct buf *out, const struct lib *lib, const struct state *st, const struct paper *p);
/* Write every paper in display order, one JSON object per line. Returns 0 or -1 on a write error. */
int dump_lib(FILE *out, const struct lib *lib, const struct state *st);

#endif
