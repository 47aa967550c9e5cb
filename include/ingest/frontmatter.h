/* ingest/frontmatter.h: a markdown paper with YAML front matter, shared by
 * the front-matter format and the templates that use it.
 */
#ifndef PB_INGEST_FRONTMATTER_H
#define PB_INGEST_FRONTMATTER_H

#include "ingest/pctx.h"

/*
 * Read p's input (front matter, then a markdown body) as one paper of format
 * source; flags (mdtext.h) say how the body is read.
 */
void frontmatter_read(struct pctx *p, const char *source, unsigned flags);

#endif
