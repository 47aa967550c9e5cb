/* model/search.c: case- and normalisation-blind search over a library. */
#include "model/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "text/text.h"

struct search {
	const struct lib *lib;
	struct buf typed;	/* the query as typed, cleaned */
	struct buf q;		/* its search form */
	int q_vowel;		/* the form ends in a Hangul vowel jamo (a syllable without its final) */
	size_t *gaps;		/* offsets in q of spaces between Hangul: they match a space or none */
	size_t ngaps, agaps;
	int q_short;		/* a short query (search_form_short): titles, authors, categories only */
	const uint8_t *hits;	/* the caller's answer for the query set last (search_use_hits), or NULL */
	struct buf hay;		/* every paper's search form, one after another */
	size_t *hoff;		/* paper i's form is hay[hoff[i] .. hoff[i + 1]) */
	size_t *soff;		/* its summaries begin at hay[soff[i]] */
	size_t nhoff;		/* papers indexed (0 until the first search) */
	struct buf tmp;		/* a displayed string's search form */
	uint32_t *map;		/* tmp byte -> source offset */
	size_t amap;
};

/* A new search over lib. */
struct search *
search_new(const struct lib *lib)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->lib = lib;
	buf_init(&s->typed);
	buf_init(&s->q);
	buf_init(&s->hay);
	buf_init(&s->tmp);
	return s;
}

/* Free the search. */
void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	buf_free(&s->typed);
	buf_free(&s->q);
	buf_free(&s->hay);
	buf_free(&s->tmp);
	free(s->hoff);
	free(s->soff);
	free(s->gaps);
	free(s->map);
	free(s);
}

/* Find the spaces of the query with Hangul on both sides (강화 학습). */
static void
find_gaps(struct search *s)
{
	size_t i = 0, at;
	int32_t prev = -1, cp;

	s->ngaps = 0;
	while (i < s->q.len) {
		at = i;
		cp = text_decode(s->q.buf, s->q.len, &i);
		if (cp == ' ' && text_jamo(prev) && i < s->q.len) {
			size_t j = i;

			if (text_jamo(text_decode(s->q.buf, s->q.len, &j))) {
				ALLOC_GROW(s->gaps, s->ngaps + 1, s->agaps);
				s->gaps[s->ngaps++] = at;
			}
		}
		prev = cp;
	}
}

/* Set the query. */
int
search_set(struct search *s, const char *q, size_t n)
{
	buf_setlen(&s->typed, 0);
	text_clean(&s->typed, q, n, TEXT_ONELINE);
	buf_setlen(&s->q, 0);
	text_search_form(&s->q, s->typed.buf, s->typed.len, NULL, NULL);
	s->q_vowel = 0;
	if (s->q.len >= 3) {
		size_t i = s->q.len - 3;

		s->q_vowel = text_jamo_vowel(text_decode(s->q.buf, s->q.len, &i));
	}
	s->q_short = search_form_short(s->q.buf, s->q.len);
	s->hits = NULL;
	find_gaps(s);
	return s->q.len > 0;
}

/* The query as typed. */
const char *
search_query(const struct search *s)
{
	return buf_str(&s->typed);
}

/* Append a string's search form and a separator no query can span. */
static void
add_field(struct buf *hay, const char *str)
{
	if (str == NULL)
		return;
	text_search_form(hay, str, strlen(str), NULL, NULL);
	buf_addch(hay, '\n');
}

/* Build every paper's search form (once). */
static void
build(struct search *s)
{
	size_t np = lib_npapers(s->lib), i, k;

	s->hoff = xcalloc(np + 1, sizeof *s->hoff);
	s->soff = xcalloc(np + 1, sizeof *s->soff);
	for (i = 0; i < np; i++) {
		const struct paper *p = lib_paper(s->lib, i);

		s->hoff[i] = s->hay.len;
		add_field(&s->hay, p->title);
		for (k = 0; k < p->nauthors; k++)
			add_field(&s->hay, p->authors[k]);
		for (k = 0; k < p->ncats; k++)
			add_field(&s->hay, p->cats[k]);
		s->soff[i] = s->hay.len;
		for (k = 0; k < p->nsums; k++)
			add_field(&s->hay, p->sums[k].text);
	}
	s->hoff[np] = s->hay.len;
	s->nhoff = np;
}

/* True when the code point at hay[at] is a Hangul final consonant jamo. */
static int
hangul_final_at(const char *hay, size_t n, size_t at)
{
	int32_t cp;

	if (at >= n)
		return 0;
	cp = text_decode(hay, n, &at);
	return text_jamo_final(cp);
}

/*
 * The length of the query's match at hay[at..n), or 0: a gap (a space
 * between Hangul) matches one space or none, everything else itself.  The
 * piece after a gap starts with a jamo, so skipping a space is the only
 * choice and the walk never goes back.
 */
static size_t
match_at(const struct search *s, const char *hay, size_t n, size_t at)
{
	size_t qi = 0, hi = at, g, len;

	for (g = 0; g <= s->ngaps; g++) {
		len = (g < s->ngaps ? s->gaps[g] : s->q.len) - qi;
		if (len > n - hi || memcmp(hay + hi, s->q.buf + qi, len) != 0)
			return 0;
		hi += len;
		qi += len + 1;
		if (g < s->ngaps && hi < n && hay[hi] == ' ')
			hi++;
	}
	return hi - at;
}

/*
 * The first occurrence of the query in hay[0..n) from offset from, or NULL;
 * its length in *len.  A query ending in a syllable without a final
 * consonant (하) does not match inside a syllable that has one (한): the
 * decomposed forms would.
 */
static const char *
find(const struct search *s, const char *hay, size_t n, size_t from, size_t *len)
{
	size_t first = s->ngaps ? s->gaps[0] : s->q.len;

	while (from + first <= n) {
		const char *m = mem_find(hay + from, n - from, s->q.buf, first);
		size_t at;

		if (m == NULL)
			return NULL;
		at = (size_t)(m - hay);
		*len = match_at(s, hay, n, at);
		if (*len && (!s->q_vowel || !hangul_final_at(hay, n, at + *len)))
			return m;
		from = at + 1;
	}
	return NULL;
}

/* True when paper i matches. */
int
search_paper(struct search *s, size_t i)
{
	size_t len;

	if (s->q.len == 0)
		return 0;
	if (s->hits)
		return i < lib_npapers(s->lib) && s->hits[i];
	if (s->hoff == NULL)
		build(s);
	if (i >= s->nhoff)
		return 0;
	return find(s, s->hay.buf + s->hoff[i],
	    (s->q_short ? s->soff[i] : s->hoff[i + 1]) - s->hoff[i], 0, &len) != NULL;
}

/* Take the matches of the query set last from hits (see search.h). */
void
search_use_hits(struct search *s, const uint8_t *hits)
{
	s->hits = hits;
}

/* True when the query set last is short. */
int
search_is_short(const struct search *s)
{
	return s->q_short;
}

/* True for a short query form (see search.h). */
int
search_form_short(const char *form, size_t n)
{
	size_t i = 0, k = 0;
	int prev_vowel = 0;

	while (i < n && k < SEARCH_SHORT) {
		int32_t cp = text_decode(form, n, &i);

		k += 1 + (prev_vowel && !text_jamo_final(cp));
		prev_vowel = text_jamo_vowel(cp);
	}
	k += prev_vowel;
	return k < SEARCH_SHORT;
}

/* The byte ranges of text where the query occurs. */
size_t
search_spans(struct search *s, const char *text, size_t n,
    struct search_span *out, size_t max)
{
	size_t count = 0, pos = 0;

	if (s->q.len == 0 || n == 0)
		return 0;
	buf_setlen(&s->tmp, 0);
	text_search_form(&s->tmp, text, n, &s->map, &s->amap);
	while (pos < s->tmp.len) {
		size_t a, e, last, len;
		const char *m = find(s, s->tmp.buf, s->tmp.len, pos, &len);

		if (m == NULL)
			break;
		a = (size_t)(m - s->tmp.buf);
		last = a + len - 1;
		/* end after the code point that made the match's last byte */
		e = s->map[last];
		text_decode(text, n, &e);
		if (count < max) {
			out[count].off = s->map[a];
			out[count].len = e - s->map[a];
		}
		count++;
		/* go on after that code point: spans never overlap */
		pos = last + 1;
		while (pos < s->tmp.len && s->map[pos] == s->map[last])
			pos++;
	}
	return count;
}
