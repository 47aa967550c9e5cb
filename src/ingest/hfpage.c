/* ingest/hfpage.c: the text of a huggingface.co/papers listing page.
 *
 * Page chrome is skipped; a day label without a year ("May 9") sets the
 * day as written; then paragraphs alternate title / abstract.  A title is
 * one short line; two titles in a row give a paper without an abstract.
 */
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

#include <string.h>

static const char *const chrome[] = {
	"new", "Get trending papers in your email inbox!", "Subscribe",
	"byAK and the research community", "Daily Papers", "Trending Papers",
	"Submit a paper", "Upvote", "Previous", "Next",
};

/* One of the page's fixed strings. */
static int
is_chrome(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof chrome / sizeof chrome[0]; k++)
		if (strlen(chrome[k]) == n && memcmp(chrome[k], s, n) == 0)
			return 1;
	return 0;
}

/* "May 9", "September 12". */
static int
is_label(const char *s, size_t n)
{
	static const char *const mon[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	};
	size_t k, m, i;

	for (k = 0; k < sizeof mon / sizeof mon[0]; k++) {
		m = strlen(mon[k]);
		if (n < m + 2 || n > m + 3 || memcmp(s, mon[k], m) != 0 || s[m] != ' ')
			continue;
		for (i = m + 1; i < n; i++)
			if (s[i] < '0' || s[i] > '9')
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* A line that reads as a title: short, and not ending like a sentence. */
static int
looks_like_title(const char *s, size_t n)
{
	return n <= 300 && !(n > 120 && s[n - 1] == '.');
}

/* Parse the page text. */
void
parse_hfpage(struct pctx *p)
{
	struct lines it;
	const char *s, *day = NULL, *title = NULL;
	size_t n, titlen = 0, titleline = 0;
	struct arena_mark daymark = arena_mark(p->scratch);
	struct rec_build b;

	p->mark = daymark;
	lines_init(&it, p->data, p->len, 1);
	while (1) {
		int more = lines_next(&it, &s, &n);

		if (more) {
			lines_trim(&s, &n);
			if (n == 0 || is_chrome(s, n))
				continue;
		}
		if (more && is_label(s, n)) {
			if (title) {
				rec_init(p, &b, titleline, "hf-page");
				b.r.day = day;
				b.r.title = pctx_inline(p, title, titlen, TEXT_ONELINE);
				pctx_emit(p, &b);
				title = NULL;
			}
			arena_reset(p->scratch, daymark);
			day = arena_strndup(p->scratch, s, n);
			p->mark = arena_mark(p->scratch);
			continue;
		}
		if (!more || title == NULL || looks_like_title(s, n)) {
			if (title) {
				/* the previous title had no abstract */
				rec_init(p, &b, titleline, "hf-page");
				b.r.day = day;
				b.r.title = pctx_inline(p, title, titlen, TEXT_ONELINE);
				pctx_emit(p, &b);
				title = NULL;
			}
			if (!more)
				break;
			if (looks_like_title(s, n)) {
				title = s;
				titlen = n;
				titleline = it.lineno;
			} else {
				pctx_warn(p, it.lineno, "abstract without a title: read as untitled");
				rec_init(p, &b, it.lineno, "hf-page");
				b.r.day = day;
				rec_summary(p, &b, s, n);
				pctx_emit(p, &b);
			}
			continue;
		}
		rec_init(p, &b, titleline, "hf-page");
		b.r.day = day;
		b.r.title = pctx_inline(p, title, titlen, TEXT_ONELINE);
		rec_summary(p, &b, s, n);
		pctx_emit(p, &b);
		title = NULL;
	}
	arena_reset(p->scratch, daymark);
}
