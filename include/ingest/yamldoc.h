/* ingest/yamldoc.h: YAML documents as json-c objects, read with libyaml.
 *
 * YAML is only ever read here, with libyaml's event parser, and turned into
 * the json-c objects that fields_read takes, so a YAML paper file, a front
 * matter block and a JSON object go through the same field table.  Scalars
 * become strings; aliases become null (with a warning); nesting deeper than
 * YAMLDOC_DEPTH is an error.  Problems are reported with the file's line
 * numbers through pctx_warn; what a document said before an error is still
 * passed on.
 */
#ifndef PB_YAMLDOC_H
#define PB_YAMLDOC_H

#include <stddef.h>

#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"

struct json_object;

#define YAMLDOC_DEPTH 64

/*
 * Called with each document's root (a json-c object, array or string, or
 * NULL for an empty document) and the line it starts on; the callee does not
 * keep root past the call.
 */
typedef void yamldoc_fn(struct pctx *p, struct json_object *root, size_t line, void *arg);

/*
 * Read the YAML stream s[0..n), whose first line is line first_line of the
 * file, and call fn for each document.  Returns the number of documents, or
 * -1 after reporting an error (the documents before it, and the part of the
 * one it is in, were passed on).
 */
int yamldoc_each(struct pctx *p, const char *s, size_t n, size_t first_line, yamldoc_fn *fn, void *arg);
/*
 * The front matter of a markdown file: when data opens with a "---" line
 * and a later line is "---" or "...", the YAML between them ([*ys, *ys +
 * *yn)) and the offset of the body after them (*body).  0 when there is none.
 */
int yamldoc_front_matter(const char *data, size_t len, const char **ys, size_t *yn, size_t *body);

/*
 * The roles, as bits 1 << enum field_role, of the top-level "key: value"
 * lines of a YAML text, and how many such lines there are (for sniffing).
 */
unsigned yamldoc_key_roles(const char *s, size_t n, size_t *nkeys);

#endif
