/* ingest/yamlpaper.c: papers as YAML files (one document each: date, title,
 * link, summary, tags ...), read with libyaml and the field table.
 */
#include "ingest/fields.h"
#include "ingest/jsonrec.h"
#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "ingest/yamldoc.h"

#include <string.h>

/*
 * True when data is YAML whose top-level keys name a paper: a title and an
 * id, a link or a summary, and no markdown body after front matter.
 */
static size_t
yamlpaper_sniff(const char *data, size_t len, size_t before)
{
	const char *ys;
	size_t yn, body, nkeys, lim = len < 8192 ? len : 8192;
	unsigned r;

	if (before == 0 || (yamldoc_front_matter(data, len, &ys, &yn, &body) && body < len))
		return SNIFF_NONE;
	r = yamldoc_key_roles(data, lim, &nkeys);
	return (r & (1u << ROLE_TITLE)) &&
	    (r & ((1u << ROLE_ID) | (1u << ROLE_LINK) | (1u << ROLE_SUMMARY))) ? 0 : SNIFF_NONE;
}

/* Each document is one paper. */
static void
on_doc(struct pctx *p, struct json_object *root, size_t line, void *arg)
{
	(void)arg;
	if (root)
		jsonrec_read(p, root, line, NULL, p->source);
}

/* Parse a YAML paper file. */
static void
yamlpaper_parse(struct pctx *p)
{
	yamldoc_each(p, p->data, p->len, p->line_base, on_doc, NULL);
}

const struct ingest_format yamlpaper_format = { "yaml", yamlpaper_sniff, yamlpaper_parse, NULL };
