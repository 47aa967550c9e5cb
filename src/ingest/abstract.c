/* ingest/abstract.c: plain "Abstract:" lines, one untitled, undated paper each.
 * Lines that follow an abstract without a new "Abstract:" continue it. */
#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"

#include <string.h>

/* Parse a file of abstracts. */
static void
abstract_parse(struct pctx *p)
{
	struct lines it;
	const char *s, *start = NULL;
	size_t n, line = 0, end = 0;

	p->mark = arena_mark(p->scratch);
	lines_init(&it, p->data, p->len, 1);
	while (1) {
		int more = lines_next(&it, &s, &n);

		if (start && (!more || lines_starts(s, n, "Abstract:"))) {
			struct rec_build b;

			rec_init(p, &b, line, "abstract");
			rec_summary(p, &b, start, end - (size_t)(start - p->data));
			if (b.nblocks == 0) {
				pctx_warn(p, line, "empty abstract: skipped");
				arena_reset(p->scratch, p->mark);
			} else {
				pctx_emit(p, &b);
			}
			start = NULL;
		}
		if (!more)
			break;
		if (lines_starts(s, n, "Abstract:")) {
			start = s + 9;
			line = it.lineno;
			end = (size_t)(s - p->data) + n;
			continue;
		}
		if (start) {
			end = (size_t)(s - p->data) + n;
			continue;
		}
		if (!lines_blank(s, n))
			pctx_warn(p, it.lineno, "text before the first 'Abstract:': ignored");
	}
}

/* An "Abstract:" line. */
static int
abstract_marker(const char *s, size_t n)
{
	return lines_starts(s, n, "Abstract:");
}

/* Where the first "Abstract:" line starts. */
static size_t
abstract_sniff(const char *head, size_t len, size_t before)
{
	return formats_find_line(head, len, before, abstract_marker);
}

const struct ingest_format abstract_format = { "abstract", abstract_sniff, abstract_parse, NULL };
