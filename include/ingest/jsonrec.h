/* ingest/jsonrec.h: one paper object read through the field table (fields.h).
 *
 * The object is a json-c object: a JSON element, a JSON Lines line, or a
 * YAML document turned into json-c objects (yamldoc.h).
 */
#ifndef PB_INGEST_JSONREC_H
#define PB_INGEST_JSONREC_H

#include <stddef.h>

#include "ingest/pctx.h"
#include "ingest/rec.h"

struct json_object;

/* What a JSON value is, for messages: "a string", "an array", "null" (json-c's NULL), ... */
const char *jsonrec_type(struct json_object *v);

/*
 * Start record b and read the paper object el found at line into it
 * (without emitting it): 1, or 0 after a warning when el is not an object.
 */
int jsonrec_fill(struct pctx *p, struct rec_build *b, struct json_object *el, size_t line,
    const char *dflt_day, const char *source);
/*
 * Read the paper object el found at line into a record and emit it, or
 * warn and skip it when it has no title, summary or arXiv id.  dflt_day is
 * the day when el has none (a wrapper's date, or NULL); source names the
 * format.  Members go through the table; unknown ones are ignored.
 */
void jsonrec_read(struct pctx *p, struct json_object *el, size_t line,
    const char *dflt_day, const char *source);

#endif
