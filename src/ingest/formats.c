/* ingest/formats.c: the one ordered table of digest formats (see format.h).
 *
 * To add a format: write src/ingest/NAME.c exporting NAME_format (its
 * sniff beside its parser), add a row below and the file to Makefile.am.  Order matters only for ties: structural
 * formats (JSON, XML) come first, a fallback format goes last.
 */
#include "ingest/format.h"

#include <pthread.h>
#include <string.h>

/* The rows: each format is defined beside its parser. */
extern const struct ingest_format json_format, atom_format, hfhtml_format, table_format,
    ko_format, abstract_format, hfpage_format, jsonl_format, yamlpaper_format, frontmatter_format,
    cvarxiv_format, arxivdaily_format, paperreader_format, headings_format, generic_format;

static const struct ingest_format *const formats[] = {
	/* the templates before the formats whose markers they share */
	&arxivdaily_format,	/* arxivdaily.c: JSON Lines with "abs", or "### [1] [" entries */
	&cvarxiv_format,	/* cvarxiv.c: {topic: {id: row}}, its table header, or its bullets */
	&paperreader_format,	/* paperreader.c: papers.meta.json, or front matter with title_zh */
	&jsonl_format,		/* jsonl.c: an object a line */
	&json_format,		/* json.c: '[' and a value, or '{' naming papers, first */
	&atom_format,		/* atom.c: a tag first, <feed, <rss or <rdf:RDF soon after */
	&hfhtml_format,		/* hfhtml.c: a tag first, <html and a papers page's marks */
	&table_format,		/* table.c: "## Papers for", or a table with a Title column */
	&ko_format,		/* ko.c: "## Daily Papers", "### [" */
	&abstract_format,	/* abstract.c: "Abstract:" */
	&hfpage_format,		/* hfpage.c: the page's fixed lines, or a day label first */
	&yamlpaper_format,	/* yamlpaper.c: YAML whose keys name a paper */
	&frontmatter_format,	/* frontmatter.c: front matter whose keys name a paper */
	&headings_format,	/* generic.c: a heading per paper, each with its link */
	&generic_format,	/* generic.c: the fallback, any links to papers (last) */
};

#define NFORMATS (sizeof formats / sizeof formats[0])

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Run each format's init. */
static void
init_all(void)
{
	size_t k;

	for (k = 0; k < NFORMATS; k++)
		if (formats[k]->init)
			formats[k]->init();
}

/* Run every format's init once. */
void
formats_init(void)
{
	pthread_once(&once, init_all);
}

/* The format with this name, or NULL. */
const struct ingest_format *
formats_by_name(const char *name)
{
	size_t k;

	for (k = 0; name && k < NFORMATS; k++)
		if (strcmp(formats[k]->name, name) == 0)
			return formats[k];
	return NULL;
}

/* The row whose marker starts first in the head of data; ties go to the earlier row. */
const struct ingest_format *
formats_sniff(const char *data, size_t len)
{
	const struct ingest_format *best = NULL;
	size_t at = SNIFF_NONE, k;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	if (len > FORMAT_SNIFF_MAX)
		len = FORMAT_SNIFF_MAX;
	for (k = 0; k < NFORMATS; k++) {
		size_t r = formats[k]->sniff(data, len, at);

		if (r < at) {
			at = r;
			best = formats[k];
		}
	}
	return best;
}

/* Start iterating over the lines of a head being sniffed. */
void
formats_lines_init(struct sniff_lines *sl, const char *head, size_t len, size_t before)
{
	size_t i = lines_skip_space(head, len);

	lines_init(&sl->it, head + i, len - i, 1);
	sl->head = head;
	sl->before = before;
	sl->count = 0;
}

/* Next line of the head, with its offset; 0 at the end, the line limit or before. */
int
formats_lines_next(struct sniff_lines *sl, const char **s, size_t *n, size_t *at)
{
	if (!lines_next(&sl->it, s, n) || sl->count++ >= FORMAT_SNIFF_LINES)
		return 0;
	*at = (size_t)(*s - sl->head);
	return *at < sl->before;
}

/* Offset of the first line of the head for which is_marker holds, or SNIFF_NONE. */
size_t
formats_find_line(const char *head, size_t len, size_t before,
    int (*is_marker)(const char *s, size_t n))
{
	struct sniff_lines sl;
	const char *s;
	size_t n, at;

	formats_lines_init(&sl, head, len, before);
	while (formats_lines_next(&sl, &s, &n, &at))
		if (is_marker(s, n))
			return at;
	return SNIFF_NONE;
}
