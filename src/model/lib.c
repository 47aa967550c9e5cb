/* model/lib.c: the merged library of papers and days.
 *
 * Papers merge by arXiv id, else by title key (text_title_key), else by
 * the text of an untitled summary.  Lookups go through open-addressing
 * hash tables of 32-bit paper indices; all paper data lives in the arena.
 */
#include "model/lib.h"
#include "base/hashmap.h"
#include "base/arena.h"
#include "base/buf.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* A paper as the library builds it; pub is what readers see. */
struct mpaper {
	struct paper pub;
	const char **authors; size_t aauthors;
	uint32_t *days; size_t adays;
	const char **cats; size_t acats;
	struct summary *sums; size_t asums;
	struct link *links; size_t alinks;
	const char *tkey;	/* title key, or NULL */
	long author_score;
	uint32_t rank;		/* rank of the newest day, set by lib_finish */
};

struct mday {
	struct day pub;
	uint32_t *papers; size_t apapers;
	int month, mday;	/* for labels such as "May 9"; 0 when unknown */
	uint32_t seen;		/* first-seen order */
	uint32_t pos;		/* position after sorting */
};

struct lib {
	struct arena *a;
	struct mpaper **papers; size_t npapers, apapers;
	struct mday **days; size_t ndays, adays;
	struct hashmap by_id, by_title, by_text, by_day;
	const struct paper **order;	/* display order after lib_finish */
	struct buf tmp;
	int finished;
	int light;		/* keep no summary text (--check) */
};

static const char *
key_id(const void *ctx, uint32_t i)
{
	const struct lib *lib = ctx;

	return lib->papers[i]->pub.id;
}

static const char *
key_title(const void *ctx, uint32_t i)
{
	const struct lib *lib = ctx;

	return lib->papers[i]->tkey;
}

static const char *
key_text(const void *ctx, uint32_t i)
{
	const struct lib *lib = ctx;
	const struct mpaper *p = lib->papers[i];

	return p->pub.nsums ? p->pub.sums[0].text : "";
}

static const char *
key_day(const void *ctx, uint32_t i)
{
	const struct lib *lib = ctx;

	return lib->days[i]->pub.label;
}

/* A new empty library. */
struct lib *
lib_new(void)
{
	struct lib *lib = xcalloc(1, sizeof *lib);

	lib->a = arena_new();
	buf_init(&lib->tmp);
	return lib;
}

/* Free everything. */
void
lib_free(struct lib *lib)
{
	if (lib == NULL)
		return;
	hashmap_free(&lib->by_id);
	hashmap_free(&lib->by_title);
	hashmap_free(&lib->by_text);
	hashmap_free(&lib->by_day);
	free(lib->papers);
	free(lib->days);
	free(lib->order);
	buf_free(&lib->tmp);
	arena_free(lib->a);
	free(lib);
}

static const char *const month_names[12] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* Parse "May 9" / "9 May" style labels for ordering; 1 on success. */
static int
parse_label(const char *s, int *month, int *mday)
{
	size_t i;

	for (i = 0; i < 12; i++) {
		const char *p = s;
		size_t k;

		for (k = 0; k < 3 && p[k]; k++)
			if ((p[k] | 0x20) != month_names[i][k])
				break;
		if (k == 3) {
			const char *d = strchr(s, ' ');

			if (d && d[1] >= '0' && d[1] <= '9') {
				*month = (int)i + 1;
				*mday = atoi(d + 1);
				return 1;
			}
		}
	}
	return 0;
}

/* True for YYYY-MM-DD. */
static int
is_iso_date(const char *s)
{
	int k;

	for (k = 0; k < 10; k++) {
		if (k == 4 || k == 7) {
			if (s[k] != '-')
				return 0;
		} else if (!(s[k] >= '0' && s[k] <= '9')) {
			return 0;
		}
	}
	return s[10] == '\0';
}

/* The index of a day, created on first use. */
static uint32_t
day_get(struct lib *lib, const char *label)
{
	const char *l = label && *label ? label : "undated";
	uint64_t h = hash_str(l);
	long i = hashmap_get(&lib->by_day, l, h, key_day, lib);
	struct mday *d;

	if (i >= 0)
		return (uint32_t)i;
	d = arena_calloc(lib->a, 1, sizeof *d);
	d->pub.label = arena_strdup(lib->a, l);
	d->pub.kind = label == NULL || *label == '\0' ? DAY_NONE :
	    is_iso_date(label) ? DAY_DATED : DAY_LABEL;
	if (d->pub.kind == DAY_LABEL)
		parse_label(label, &d->month, &d->mday);
	d->seen = (uint32_t)lib->ndays;
	ALLOC_GROW(lib->days, lib->ndays + 1, lib->adays);
	lib->days[lib->ndays] = d;
	hashmap_put(&lib->by_day, h, (uint32_t)lib->ndays);
	return (uint32_t)lib->ndays++;
}

/* Score of an author list: more names, and full names over handles. */
static long
author_score(const char *const *a, size_t n)
{
	long s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += strchr(a[i], ' ') ? 3 : 1;
	return s;
}

/* Flatten summary blocks into display text. */
static void
flatten(struct buf *out, const struct block *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_puts(out, b[i].kind == BLOCK_PARA || b[i - 1].kind == BLOCK_PARA ? "\n\n" : "\n");
		if (b[i].kind == BLOCK_BULLET)
			buf_puts(out, "- ");
		if (b[i].label) {
			buf_puts(out, b[i].label);
			buf_puts(out, ": ");
		}
		buf_puts(out, b[i].text);
	}
}

/* ASCII case-insensitive equality. */
static int
eq_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* Create an empty paper and return its index. */
static uint32_t
paper_new(struct lib *lib)
{
	struct mpaper *p = arena_calloc(lib->a, 1, sizeof *p);

	p->pub.votes = -1;
	p->author_score = -1;
	ALLOC_GROW(lib->papers, lib->npapers + 1, lib->apapers);
	lib->papers[lib->npapers] = p;
	return (uint32_t)lib->npapers++;
}

/* Merge the fields of r into paper p. */
static void
paper_merge(struct lib *lib, struct mpaper *p, const struct rec *r)
{
	size_t i, k;
	uint32_t d = day_get(lib, r->day);
	struct buf *t = &lib->tmp;

	if (p->pub.title == NULL && r->title)
		p->pub.title = arena_strdup(lib->a, r->title);
	if (p->pub.id == NULL && r->id)
		p->pub.id = arena_strdup(lib->a, r->id);
	if (r->nauthors) {
		long s = author_score(r->authors, r->nauthors);

		if (s > p->author_score) {
			const char **a = arena_calloc(lib->a, r->nauthors, sizeof *a);

			for (i = 0; i < r->nauthors; i++)
				a[i] = arena_strdup(lib->a, r->authors[i]);
			p->authors = a;
			p->aauthors = r->nauthors;
			p->pub.authors = a;
			p->pub.nauthors = r->nauthors;
			p->author_score = s;
		}
	}
	for (k = 0; k < p->pub.ndays; k++)
		if (p->days[k] == d)
			break;
	if (k == p->pub.ndays) {
		ARENA_GROW(lib->a, p->days, p->pub.ndays, p->pub.ndays + 1, p->adays);
		p->days[p->pub.ndays++] = d;
		p->pub.days = p->days;
	}
	for (i = 0; i < r->ncats; i++) {
		for (k = 0; k < p->pub.ncats; k++)
			if (eq_ci(p->cats[k], r->cats[i]))
				break;
		if (k < p->pub.ncats)
			continue;
		ARENA_GROW(lib->a, p->cats, p->pub.ncats, p->pub.ncats + 1, p->acats);
		p->cats[p->pub.ncats++] = arena_strdup(lib->a, r->cats[i]);
		p->pub.cats = p->cats;
	}
	if (r->votes > p->pub.votes)
		p->pub.votes = r->votes;
	if (r->nblocks && (!lib->light || (r->id == NULL && r->title == NULL))) {
		struct summary *s;
		struct block *b;

		buf_setlen(t, 0);
		flatten(t, r->blocks, r->nblocks);
		for (k = 0; k < p->pub.nsums; k++)
			if (strcmp(p->sums[k].text, t->buf) == 0)
				break;
		if (k == p->pub.nsums) {
			ARENA_GROW(lib->a, p->sums, p->pub.nsums, p->pub.nsums + 1, p->asums);
			s = &p->sums[p->pub.nsums++];
			p->pub.sums = p->sums;
			s->text = arena_strndup(lib->a, t->buf, t->len);
			s->lang = text_lang(t->buf, t->len);
			s->source = arena_strdup(lib->a, r->source ? r->source : "unknown");
			b = arena_calloc(lib->a, r->nblocks, sizeof *b);
			for (i = 0; i < r->nblocks; i++) {
				b[i].kind = r->blocks[i].kind;
				b[i].label = arena_strdup(lib->a, r->blocks[i].label);
				b[i].text = arena_strdup(lib->a, r->blocks[i].text);
			}
			s->blocks = b;
			s->nblocks = r->nblocks;
		}
	}
	for (i = 0; i < r->nlinks; i++) {
		for (k = 0; k < p->pub.nlinks; k++)
			if (strcmp(p->links[k].url, r->links[i].url) == 0)
				break;
		if (k < p->pub.nlinks)
			continue;
		ARENA_GROW(lib->a, p->links, p->pub.nlinks, p->pub.nlinks + 1, p->alinks);
		p->links[p->pub.nlinks].kind = r->links[i].kind;
		p->links[p->pub.nlinks].url = arena_strdup(lib->a, r->links[i].url);
		p->pub.nlinks++;
		p->pub.links = p->links;
	}
}

/* Merge one record into the library. */
void
lib_add_paper(struct lib *lib, const struct rec *r)
{
	long idx = -1;
	uint64_t hid = 0, ht = 0;
	const char *tkey = NULL;
	struct mpaper *p;
	int new_paper = 0;

	if (r->id == NULL && r->title == NULL && r->nblocks == 0)
		return;
	if (r->title) {
		buf_setlen(&lib->tmp, 0);
		text_title_key(&lib->tmp, r->title, strlen(r->title));
		if (lib->tmp.len)
			tkey = arena_strndup(lib->a, lib->tmp.buf, lib->tmp.len);
		if (tkey)
			ht = hash_str(tkey);
	}
	if (r->id) {
		hid = hash_str(r->id);
		idx = hashmap_get(&lib->by_id, r->id, hid, key_id, lib);
		if (idx < 0 && tkey) {
			long t = hashmap_get(&lib->by_title, tkey, ht, key_title, lib);

			/* an id-less paper with this title becomes this id */
			if (t >= 0 && lib->papers[t]->pub.id == NULL)
				idx = t;
		}
	} else if (tkey) {
		idx = hashmap_get(&lib->by_title, tkey, ht, key_title, lib);
	}
	if (idx < 0 && r->id == NULL && tkey == NULL) {
		/* untitled: the same summary text is the same paper */
		buf_setlen(&lib->tmp, 0);
		flatten(&lib->tmp, r->blocks, r->nblocks);
		idx = hashmap_get(&lib->by_text, lib->tmp.buf, hash_str(lib->tmp.buf), key_text, lib);
	}
	if (idx < 0) {
		idx = paper_new(lib);
		new_paper = 1;
	}
	p = lib->papers[idx];
	{
		int had_id = p->pub.id != NULL;

		paper_merge(lib, p, r);
		if (!had_id && p->pub.id)
			hashmap_put(&lib->by_id, hid, (uint32_t)idx);
	}
	if (tkey && p->tkey == NULL) {
		p->tkey = tkey;
		if (hashmap_get(&lib->by_title, tkey, ht, key_title, lib) < 0)
			hashmap_put(&lib->by_title, ht, (uint32_t)idx);
	}
	if (new_paper && r->id == NULL && tkey == NULL && p->pub.nsums)
		hashmap_put(&lib->by_text, hash_str(p->pub.sums[0].text), (uint32_t)idx);
	lib->finished = 0;
}

/* Day order: dated newest first, then labels, then undated. */
static int
day_cmp(const void *a, const void *b)
{
	const struct mday *x = *(const struct mday *const *)a;
	const struct mday *y = *(const struct mday *const *)b;
	int c;

	if (x->pub.kind != y->pub.kind)
		return (int)x->pub.kind - (int)y->pub.kind;
	if (x->pub.kind == DAY_DATED)
		return -strcmp(x->pub.label, y->pub.label);
	if (x->pub.kind == DAY_LABEL) {
		c = (y->month * 32 + y->mday) - (x->month * 32 + x->mday);
		if (c)
			return c;
	}
	return x->seen < y->seen ? -1 : x->seen > y->seen;
}

/* Paper order: newest day, votes (highest first), title, key. */
static int
paper_cmp(const void *a, const void *b)
{
	const struct mpaper *x = *(const struct mpaper *const *)a;
	const struct mpaper *y = *(const struct mpaper *const *)b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->pub.votes != y->pub.votes)
		return x->pub.votes > y->pub.votes ? -1 : 1;
	if ((x->pub.title == NULL) != (y->pub.title == NULL))
		return x->pub.title == NULL ? 1 : -1;
	if (x->pub.title && (c = strcmp(x->pub.title, y->pub.title)) != 0)
		return c;
	return strcmp(x->pub.key, y->pub.key);
}

/* Sort days and papers, fill per-day paper lists and keys. */
void
lib_finish(struct lib *lib)
{
	size_t i, k;
	uint32_t *rank = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *rank);
	struct mday **sorted = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *sorted);
	struct mpaper **ps = xcalloc(lib->npapers ? lib->npapers : 1, sizeof *ps);

	if (lib->ndays)
		memcpy(sorted, lib->days, lib->ndays * sizeof *sorted);
	qsort(sorted, lib->ndays, sizeof *sorted, day_cmp);
	for (i = 0; i < lib->ndays; i++)
		sorted[i]->pos = (uint32_t)i;
	for (k = 0; k < lib->ndays; k++)
		rank[k] = lib->days[k]->pos;
	for (i = 0; i < lib->npapers; i++) {
		struct mpaper *p = lib->papers[i];
		size_t a, b;

		/* days: rewrite to sorted indices, ascending */
		for (a = 0; a < p->pub.ndays; a++)
			p->days[a] = rank[p->days[a]];
		for (a = 1; a < p->pub.ndays; a++)
			for (b = a; b > 0 && p->days[b - 1] > p->days[b]; b--) {
				uint32_t t = p->days[b];
				p->days[b] = p->days[b - 1];
				p->days[b - 1] = t;
			}
		p->rank = p->pub.ndays ? p->days[0] : UINT32_MAX;
		buf_setlen(&lib->tmp, 0);
		if (p->pub.id)
			buf_printf(&lib->tmp, "arxiv:%s", p->pub.id);
		else if (p->tkey)
			buf_printf(&lib->tmp, "title:%s", p->tkey);
		else
			buf_printf(&lib->tmp, "text:%016llx", (unsigned long long)
			    hash_str(p->pub.nsums ? p->pub.sums[0].text : ""));
		p->pub.key = arena_strndup(lib->a, lib->tmp.buf, lib->tmp.len);
		ps[i] = p;
	}
	/* the days are now stored in sorted order; maps are rebuilt lazily */
	if (lib->ndays)
		memcpy(lib->days, sorted, lib->ndays * sizeof *sorted);
	hashmap_free(&lib->by_day);
	memset(&lib->by_day, 0, sizeof lib->by_day);
	for (i = 0; i < lib->ndays; i++) {
		lib->days[i]->pub.npapers = 0;
		hashmap_put(&lib->by_day, hash_str(lib->days[i]->pub.label), (uint32_t)i);
	}
	qsort(ps, lib->npapers, sizeof *ps, paper_cmp);
	free(lib->order);
	lib->order = xcalloc(lib->npapers ? lib->npapers : 1, sizeof *lib->order);
	for (i = 0; i < lib->npapers; i++) {
		struct mpaper *p = ps[i];

		lib->order[i] = &p->pub;
		for (k = 0; k < p->pub.ndays; k++) {
			struct mday *d = lib->days[p->days[k]];

			ARENA_GROW(lib->a, d->papers, d->pub.npapers, d->pub.npapers + 1, d->apapers);
			d->papers[d->pub.npapers++] = (uint32_t)i;
			d->pub.papers = d->papers;
		}
	}
	free(ps);
	free(sorted);
	free(rank);
	lib->finished = 1;
}

/* Light mode: summaries are merged away (except for untitled papers, whose text is their identity). */
void
lib_set_light(struct lib *lib, int light)
{
	lib->light = light;
}

/* True in light mode. */
int
lib_is_light(const struct lib *lib)
{
	return lib->light;
}

/* Number of papers. */
size_t
lib_npapers(const struct lib *lib)
{
	return lib->npapers;
}

/* Paper i in display order (or insertion order before lib_finish). */
const struct paper *
lib_paper(const struct lib *lib, size_t i)
{
	if (i >= lib->npapers)
		return NULL;
	return lib->finished ? lib->order[i] : &lib->papers[i]->pub;
}

/* Number of days. */
size_t
lib_ndays(const struct lib *lib)
{
	return lib->ndays;
}

/* Day i. */
const struct day *
lib_day(const struct lib *lib, size_t i)
{
	return i < lib->ndays ? &lib->days[i]->pub : NULL;
}

/* Arena size. */
size_t
lib_bytes(const struct lib *lib)
{
	return arena_bytes(lib->a);
}
