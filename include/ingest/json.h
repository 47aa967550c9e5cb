/* ingest/json.h: JSON helpers shared by the JSON and JSON Lines formats (json-c). */
#ifndef PB_INGEST_JSON_H
#define PB_INGEST_JSON_H

#include <stddef.h>

#include "base/buf.h"
#include "ingest/format.h"

/* The JSON format's row (json.c), for formats whose files are JSON day files. */
extern const struct ingest_format json_format;

struct json_object;

/*
 * Append to out a copy of s[0..n) with every invalid UTF-8 sequence
 * replaced by U+FFFD and return 1, *bad being the offset of the first; or
 * return 0 (out untouched) when s is valid.  Every LF is kept.
 */
int json_fix_utf8(const char *s, size_t n, struct buf *out, size_t *bad);
/*
 * Decode the single JSON value d[0..n) strictly (nothing but blanks after
 * it).  Returns it (caller frees with json_object_put), or NULL with the
 * reason in *why and its offset in *off.
 */
struct json_object *json_decode(const char *d, size_t n, const char **why, size_t *off);

#endif
