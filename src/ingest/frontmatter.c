/* ingest/frontmatter.c: one paper per markdown file, with YAML front matter
 * (title, arxiv_id, date, authors, categories ...) and a body.
 *
 * The front matter is read with libyaml (yamldoc.h) and through the field
 * table; the body's sections are the summary (or, when the front matter
 * has one, a further summary named "notes"), an "Abstract"/"摘要" section a
 * summary of its own, and "**Field**: value" lines set the record.  A paper
 * without a title in its front matter takes the body's first "# " heading.
 */
#include "ingest/fields.h"
#include "ingest/jsonrec.h"
#include "ingest/format.h"
#include "ingest/frontmatter.h"
#include "ingest/mdtext.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "ingest/yamldoc.h"
#include "text/text.h"

#include <string.h>

/* What the front matter's callback needs: the body and how to read it. */
struct fm {
	const char *body;
	size_t bodyn, body_line;
	const char *source;
	unsigned flags;
	int done;
};

/* True when data opens with front matter that names a paper (a title and an id, link, day or summary). */
static size_t
frontmatter_sniff(const char *data, size_t len, size_t before)
{
	const char *ys;
	size_t yn, body, nkeys;
	unsigned r;

	if (before == 0 || !yamldoc_front_matter(data, len, &ys, &yn, &body))
		return SNIFF_NONE;
	r = yamldoc_key_roles(ys, yn, &nkeys);
	return (r & (1u << ROLE_TITLE)) &&
	    (r & ((1u << ROLE_ID) | (1u << ROLE_LINK) | (1u << ROLE_DAY) | (1u << ROLE_SUMMARY))) ?
	    0 : SNIFF_NONE;
}

/* The first "# " heading of a body, as a title. */
static const char *
body_title(struct pctx *p, const char *s, size_t n)
{
	struct lines it;
	const char *l, *t;
	size_t ln, tn;

	lines_init(&it, s, n, 1);
	while (lines_next(&it, &l, &ln))
		if (mdtext_heading(l, ln, &t, &tn) == 1)
			return pctx_inline(p, t, tn, TEXT_ONELINE);
	return NULL;
}

/* The front matter's one document: fill the record, add the body, emit. */
static void
on_doc(struct pctx *p, struct json_object *root, size_t line, void *arg)
{
	struct fm *fm = arg;
	struct rec_build b;

	if (fm->done++)
		return;		/* front matter is one document */
	if (!jsonrec_fill(p, &b, root, line, NULL, fm->source))
		return;
	if (b.r.title == NULL)
		b.r.title = body_title(p, fm->body, fm->bodyn);
	if (b.nblocks > 0 || b.nmore > 0)
		rec_into(p, &b, "notes");
	mdtext_blocks(p, &b, fm->body, fm->bodyn, fm->body_line, fm->flags);
	rec_into(p, &b, NULL);
	if (!b.r.id && !b.r.title && b.nblocks == 0) {
		pctx_warn(p, line, "front matter with no title, summary or arXiv id: skipped");
		arena_reset(p->scratch, p->mark);
		return;
	}
	pctx_emit(p, &b);
}

/* Read a markdown file with front matter as one paper of format source. */
void
frontmatter_read(struct pctx *p, const char *source, unsigned flags)
{
	struct fm fm;
	const char *ys;
	size_t yn, body;

	memset(&fm, 0, sizeof fm);
	if (!yamldoc_front_matter(p->data, p->len, &ys, &yn, &body)) {
		pctx_warn(p, 1, "no front matter");
		return;
	}
	fm.body = p->data + body;
	fm.bodyn = p->len - body;
	fm.body_line = pctx_lineno(p, body);
	fm.source = source;
	fm.flags = flags;
	yamldoc_each(p, ys, yn, 2, on_doc, &fm);
}

/* Parse a markdown paper with front matter. */
static void
frontmatter_parse(struct pctx *p)
{
	frontmatter_read(p, p->source, MDTEXT_SECTIONS | MDTEXT_FIELDS | MDTEXT_LINKS);
}

const struct ingest_format frontmatter_format = { "front-matter", frontmatter_sniff, frontmatter_parse, NULL };
