/* ingest/hfpage.c: the text of a huggingface.co/papers listing page.
 *
 * Page chrome is skipped; a day label without a year ("May 9") sets the
 * day as written; then paragraphs alternate title / abstract.  A title is
 * one short line; two titles in a row give a paper without an abstract.
 */
#include "ingest/format.h"
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

/* Emit a paper of day: its title (NULL: untitled) and abstract (NULL: none). */
static void
hf_emit(struct pctx *p, size_t line, const char *day, const char *title, size_t tn,
    const char *abstract, size_t an)
{
	struct rec_build b;

	rec_init(p, &b, line, "hf-page");
	b.r.day = day;
	if (title)
		b.r.title = pctx_inline(p, title, tn, TEXT_ONELINE);
	if (abstract)
		rec_summary(p, &b, abstract, an);
	pctx_emit(p, &b);
}

/* Parse the page text. */
static void
hfpage_parse(struct pctx *p)
{
	struct lines it;
	const char *s, *day = NULL, *title = NULL;
	size_t n, titlen = 0, titleline = 0;
	struct arena_mark daymark = arena_mark(p->scratch);

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
			if (title)
				hf_emit(p, titleline, day, title, titlen, NULL, 0);
			title = NULL;
			arena_reset(p->scratch, daymark);
			day = arena_strndup(p->scratch, s, n);
			p->mark = arena_mark(p->scratch);
			continue;
		}
		if (!more || title == NULL || looks_like_title(s, n)) {
			if (title)	/* the previous title had no abstract */
				hf_emit(p, titleline, day, title, titlen, NULL, 0);
			title = NULL;
			if (!more)
				break;
			if (looks_like_title(s, n)) {
				title = s;
				titlen = n;
				titleline = it.lineno;
			} else {
				pctx_warn(p, it.lineno, "abstract without a title: read as untitled");
				hf_emit(p, it.lineno, day, NULL, 0, s, n);
			}
			continue;
		}
		hf_emit(p, titleline, day, title, titlen, s, n);
		title = NULL;
	}
	arena_reset(p->scratch, daymark);
}

/* Line starting at s of length n equals (ignoring trailing blanks) lit. */
static int
line_is(const char *s, size_t n, const char *lit)
{
	lines_trim(&s, &n);
	return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* "May 9" / "Sep 12" / "September 12": a day label without a year. */
static int
is_day_label(const char *s, size_t n)
{
	static const char *const mon[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
	};
	size_t i, k;

	lines_trim(&s, &n);
	if (n < 5 || n > 12)
		return 0;
	for (k = 0; k < 12; k++)
		if (memcmp(s, mon[k], 3) == 0)
			break;
	if (k == 12)
		return 0;
	for (i = 3; i < n && s[i] >= 'a' && s[i] <= 'z'; i++)
		;
	if (i >= n || s[i] != ' ')
		return 0;
	i++;
	if (n - i < 1 || n - i > 2)
		return 0;
	for (; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return 1;
}

/* Where the page's fixed lines, or a day label as its first line, start. */
static size_t
hfpage_sniff(const char *head, size_t len, size_t before)
{
	struct sniff_lines sl;
	const char *s;
	size_t n, at;
	int first = 1;

	formats_lines_init(&sl, head, len, before);
	while (formats_lines_next(&sl, &s, &n, &at)) {
		if (line_is(s, n, "Get trending papers in your email inbox!") ||
		    line_is(s, n, "byAK and the research community"))
			return at;
		if (!lines_blank(s, n)) {
			if (first && is_day_label(s, n))
				return at;
			first = 0;
		}
	}
	return SNIFF_NONE;
}

const struct ingest_format hfpage_format = { "hf-page", hfpage_sniff, hfpage_parse, NULL };
