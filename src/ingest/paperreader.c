/* ingest/paperreader.c: the daily-paper-reader template (at least 100
 * repositories).
 *
 * Two files, one format:
 *  - docs/<day or range>/papers.meta.json: {label, date, papers: [{title_en,
 *    authors: "A, B", date, pdf, tldr, abstract_en, tags, ...}]} (json.c
 *    and the field table; a range "A ~ B" gives no default day, each paper
 *    has its own);
 *  - one markdown file per paper: front matter (title, title_zh, authors,
 *    date as YYYYMMDD, pdf, tldr, motivation, method, result, conclusion,
 *    abstract_en) and a body whose "## 摘要" is the abstract in Chinese; the
 *    rest of the body repeats the front matter or is a long generated
 *    report, and is left out.
 * The per-day README files only link to the paper files: not digests.
 */
#include "ingest/format.h"
#include "ingest/frontmatter.h"
#include "ingest/json.h"
#include "ingest/mdtext.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "ingest/yamldoc.h"

#include <string.h>

/* The template's files start with their marker: the JSON object, or the front matter. */
static size_t
paperreader_sniff(const char *head, size_t len, size_t before)
{
	const char *ys;
	size_t yn, body, i = lines_skip_space(head, len), lim = len < 4096 ? len : 4096;

	if (before == 0)
		return SNIFF_NONE;
	if (i < len && head[i] == '{')
		return lines_has(head, lim, "\"papers\"") && lines_has(head, lim, "\"title_en\"") ? i : SNIFF_NONE;
	if (!yamldoc_front_matter(head, len, &ys, &yn, &body))
		return SNIFF_NONE;
	return lines_has(ys, yn, "\ntitle_zh:") || lines_has(ys, yn, "\nabstract_en:") ||
	    lines_has(ys, yn, "\nselection_source:") ? 0 : SNIFF_NONE;
}

/* Parse a daily-paper-reader file. */
static void
paperreader_parse(struct pctx *p)
{
	size_t i = lines_skip_space(p->data, p->len);

	if (i < p->len && p->data[i] == '{')
		json_format.parse(p);
	else
		frontmatter_read(p, p->source, MDTEXT_SECTIONS | MDTEXT_ONLY_SUMMARIES);
}

const struct ingest_format paperreader_format = { "daily-paper-reader", paperreader_sniff, paperreader_parse, NULL };
