/* export/dump.h: the library as JSON Lines (one paper per line). */
#ifndef PB_DUMP_H
#define PB_DUMP_H

#include <stdio.h>

#include "base/buf.h"
#include "model/lib.h"
#include "marks/marks.h"

/* Append a JSON string literal for s (escaping quotes, backslashes and controls). */
void dump_json_str(struct buf *out, const char *s);
/*
 * Append one paper as a JSON object (no newline); its read and starred
 * keys come from st (false when st is NULL).
 */
void dump_paper(struct buf *out, const struct lib *lib, const struct marks *st, const struct paper *p);
/* Write every paper in display order, one JSON object per line. Returns 0 or -1 on a write error. */
int dump_lib(FILE *out, const struct lib *lib, const struct marks *st);

#endif
