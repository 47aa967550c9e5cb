/* model/lib.c: the merged library of papers and days.
 *
 * Papers merge by arXiv id, else by title key (text_title_key), else by
 * the text of an untitled summary.  Lookups go through open-addressing
 * hash tables of 32-bit paper indices; all paper data lives in the arena.
 * A paper's own lists (days, categories, summaries, links) are searched
 * linearly while short; once one grows past LIST_LINEAR items its items
 * go into one library-wide table keyed by (paper, list, item), so merging
 * one paper from any number of records stays linear.  The passes over
 * the whole library at lib_finish (days, categories) are in libtidy.c;
 * the structures both share are in model/libint.h.
 */
#include "model/lib.h"
#include "model/libint.h"
#include "model/libtidy.h"
#include "base/hashmap.h"
#include "base/arena.h"
#include "base/buf.h"
#include "text/lang.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
key_cat(const void *ctx, uint32_t i)
{
	const struct lib *lib = ctx;

	return lib->catnames[i];
}

const char *
lib_key_day(const void *ctx, uint32_t i)
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
	lib->whole = 1;
	buf_init(&lib->tmp);
	buf_init(&lib->tkey);
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
	hashmap_free(&lib->items);
	hashmap_free(&lib->by_cat);
	free(lib->catnames);
	free(lib->litems);
	free(lib->papers);
	free(lib->days);
	free(lib->order);
	buf_free(&lib->tmp);
	buf_free(&lib->tkey);
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
	long i = hashmap_get(&lib->by_day, l, h, lib_key_day, lib);
	struct mday *d;

	if (i >= 0)
		return (uint32_t)i;
	d = arena_calloc(lib->a, 1, sizeof *d);
	d->pub.label = arena_strdup(lib->a, l);
	d->pub.kind = lib_day_kind(label);
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

/* FNV-1a of s with ASCII letters lowered (categories match ignoring case). */
static uint64_t
hash_ci(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		h ^= c >= 'A' && c <= 'Z' ? c + 32u : c;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Length of list l of p. */
static size_t
list_len(const struct mpaper *p, enum plist l)
{
	switch (l) {
	case PL_DAY: return p->pub.ndays;
	case PL_CAT: return p->ncats;
	case PL_SUM: return p->pub.nsums;
	default: return p->pub.nlinks;
	}
}

/* Hash of a value of list l: a day index, or a string. */
static uint64_t
value_hash(enum plist l, const void *v)
{
	if (l == PL_DAY)
		return (*(const uint32_t *)v + 1) * 0x9E3779B97F4A7C15ULL;
	return l == PL_CAT ? hash_ci(v) : hash_str(v);
}

/* True when item k of list l of p equals v. */
static int
item_eq(const struct mpaper *p, enum plist l, size_t k, const void *v)
{
	switch (l) {
	case PL_DAY: return p->days[k] == *(const uint32_t *)v;
	case PL_CAT: return eq_ci(p->cats[k], v);
	case PL_SUM: return strcmp(p->sums[k].text, v) == 0;
	default: return strcmp(p->links[k].url, v) == 0;
	}
}

/* Hash of item k of list l of p, as value_hash gives for its value. */
static uint64_t
item_hash(const struct mpaper *p, enum plist l, size_t k)
{
	switch (l) {
	case PL_DAY: return value_hash(l, &p->days[k]);
	case PL_CAT: return value_hash(l, p->cats[k]);
	case PL_SUM: return value_hash(l, p->sums[k].text);
	default: return value_hash(l, p->links[k].url);
	}
}

/* The table's hash for a value hash of list l of paper pi. */
static uint64_t
item_key(uint32_t pi, enum plist l, uint64_t vh)
{
	uint64_t h = vh ^ (((uint64_t)pi << 2 | (uint64_t)l) * 0xC2B2AE3D27D4EB4FULL);

	h ^= h >> 29;
	return h ? h : 1;
}

/* A value looked for in list l of paper pi. */
struct lkey {
	uint32_t paper;
	enum plist list;
	const void *v;
};

/* hashmap_eq_fn: entry idx of lib->litems is the value k looks for. */
static int
litem_eq(const void *ctx, uint32_t idx, const void *key)
{
	const struct lib *lib = ctx;
	const struct litem *it = &lib->litems[idx];
	const struct lkey *k = key;

	return it->paper == k->paper && it->list == k->list &&
	    it->item < list_len(lib->papers[it->paper], it->list) &&
	    item_eq(lib->papers[it->paper], it->list, it->item, k->v);
}

/* Put item k of list l of paper pi into lib->items. */
void
lib_item_put(struct lib *lib, uint32_t pi, enum plist l, size_t k)
{
	struct litem *it;

	ALLOC_GROW(lib->litems, lib->nlitems + 1, lib->alitems);
	it = &lib->litems[lib->nlitems];
	it->paper = pi;
	it->item = (uint32_t)k;
	it->list = l;
	hashmap_put(&lib->items, item_key(pi, l, item_hash(lib->papers[pi], l, k)), (uint32_t)lib->nlitems++);
}

/* Index of value v (hash vh) in list l of paper pi, or -1. */
static long
list_find(const struct lib *lib, uint32_t pi, enum plist l, const void *v, uint64_t vh)
{
	const struct mpaper *p = lib->papers[pi];
	struct lkey key = { pi, l, v };
	size_t n = list_len(p, l), i;
	long at;

	if (n <= LIST_LINEAR) {
		for (i = 0; i < n; i++)
			if (item_eq(p, l, i, v))
				return (long)i;
		return -1;
	}
	at = hashmap_find(&lib->items, item_key(pi, l, vh), litem_eq, lib, &key);
	return at < 0 ? -1 : (long)lib->litems[at].item;
}

/* Item k was appended to list l of paper pi: index it once the list is long. */
static void
list_added(struct lib *lib, uint32_t pi, enum plist l, size_t k)
{
	size_t n = list_len(lib->papers[pi], l), i;

	if (n == LIST_LINEAR + 1) {
		for (i = 0; i < n; i++)
			lib_item_put(lib, pi, l, i);
	} else if (n > LIST_LINEAR + 1) {
		lib_item_put(lib, pi, l, k);
	}
}

/* Create an empty paper and return its index. */
static uint32_t
paper_new(struct lib *lib)
{
	struct mpaper *p = arena_calloc(lib->a, 1, sizeof *p);

	p->pub.votes = -1;
	p->pub.pos = (uint32_t)lib->npapers;
	p->author_score = -1;
	ALLOC_GROW(lib->papers, lib->npapers + 1, lib->apapers);
	lib->papers[lib->npapers] = p;
	return (uint32_t)lib->npapers++;
}

/* Keep r's authors when they are more complete than p's (a shortened list never wins). */
static void
merge_authors(struct lib *lib, struct mpaper *p, const struct rec *r)
{
	long s;
	size_t i;
	const char **a;

	if (r->nauthors == 0)
		return;
	s = author_score(r->authors, r->nauthors);
	if (p->author_score >= 0 && !(p->pub.authors_cut && !r->authors_cut) &&
	    !(p->pub.authors_cut == r->authors_cut && s > p->author_score))
		return;
	a = arena_calloc(lib->a, r->nauthors, sizeof *a);
	for (i = 0; i < r->nauthors; i++)
		a[i] = arena_strdup(lib->a, r->authors[i]);
	p->authors = a;
	p->aauthors = r->nauthors;
	p->pub.authors = a;
	p->pub.nauthors = r->nauthors;
	p->pub.authors_cut = r->authors_cut;
	p->author_score = s;
}

/* Add day d to paper pi: undated only when it has no day, and a day replaces undated. */
static void
merge_day(struct lib *lib, uint32_t pi, uint32_t d)
{
	struct mpaper *p = lib->papers[pi];
	int none = lib->days[d]->pub.kind == DAY_NONE;

	if (p->pub.ndays == 1 && lib->days[p->days[0]]->pub.kind == DAY_NONE) {
		if (!none)
			p->days[0] = d;
		return;
	}
	if (none && p->pub.ndays > 0)
		return;
	if (list_find(lib, pi, PL_DAY, &d, value_hash(PL_DAY, &d)) >= 0)
		return;
	ARENA_GROW(lib->a, p->days, p->pub.ndays, p->pub.ndays + 1, p->adays);
	p->days[p->pub.ndays++] = d;
	p->pub.days = p->days;
	list_added(lib, pi, PL_DAY, p->pub.ndays - 1);
}

/* The library's one copy of the category name s (papers share it). */
static const char *
cat_name(struct lib *lib, const char *s)
{
	uint64_t h = hash_str(s);
	long at = hashmap_get(&lib->by_cat, s, h, key_cat, lib);

	if (at >= 0)
		return lib->catnames[at];
	ALLOC_GROW(lib->catnames, lib->ncatnames + 1, lib->acatnames);
	lib->catnames[lib->ncatnames] = arena_strdup(lib->a, s);
	hashmap_put(&lib->by_cat, h, (uint32_t)lib->ncatnames);
	return lib->catnames[lib->ncatnames++];
}

/* Add r's categories that paper pi lacks (ignoring case), in order. */
static void
merge_cats(struct lib *lib, uint32_t pi, const struct rec *r)
{
	struct mpaper *p = lib->papers[pi];
	size_t i;

	for (i = 0; i < r->ncats; i++) {
		if (list_find(lib, pi, PL_CAT, r->cats[i], value_hash(PL_CAT, r->cats[i])) >= 0)
			continue;
		ARENA_GROW(lib->a, p->cats, p->ncats, p->ncats + 1, p->acats);
		p->cats[p->ncats++] = cat_name(lib, r->cats[i]);
		p->pub.cats = p->cats;
		p->pub.ncats = p->ncats;
		list_added(lib, pi, PL_CAT, p->ncats - 1);
	}
}

/* The publisher of the file at path (publisher_of), kept for the next record of that file. */
static const char *
publisher(struct lib *lib, const char *path)
{
	struct buf b = BUF_INIT;

	if (path == NULL)
		return NULL;
	if (lib->pub_path && strcmp(lib->pub_path, path) == 0)
		return lib->pub_name;
	buf_init(&b);
	lib->pub_path = arena_strdup(lib->a, path);
	lib->pub_name = publisher_of(&b, path) ? arena_strndup(lib->a, b.buf, b.len) : NULL;
	buf_free(&b);
	return lib->pub_name;
}

/* Add to paper pi a summary made of blocks b[0..n) unless it has one with the same text. */
static void
merge_summary(struct lib *lib, uint32_t pi, const struct rec *r, const char *name,
    const struct block *b, size_t n)
{
	const char *source = r->source;
	struct mpaper *p = lib->papers[pi];
	struct buf *t = &lib->tmp;
	struct summary *s;
	struct block *v;
	size_t i;

	if (n == 0)
		return;
	buf_setlen(t, 0);
	flatten(t, b, n);
	if (list_find(lib, pi, PL_SUM, t->buf, value_hash(PL_SUM, t->buf)) >= 0)
		return;
	ARENA_GROW(lib->a, p->sums, p->pub.nsums, p->pub.nsums + 1, p->asums);
	s = &p->sums[p->pub.nsums++];
	p->pub.sums = p->sums;
	s->text = arena_strndup(lib->a, t->buf, t->len);
	s->lang = lang_detect(t->buf, t->len);
	s->source = arena_strdup(lib->a, source ? source : "unknown");
	s->name = arena_strdup(lib->a, name);
	s->publisher = publisher(lib, r->file);
	v = arena_calloc(lib->a, n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i].kind = b[i].kind;
		v[i].label = arena_strdup(lib->a, b[i].label);
		v[i].text = arena_strdup(lib->a, b[i].text);
	}
	s->blocks = v;
	s->nblocks = n;
	list_added(lib, pi, PL_SUM, p->pub.nsums - 1);
}

/* Add r's links that paper pi lacks, in order (a light library keeps none). */
static void
merge_links(struct lib *lib, uint32_t pi, const struct rec *r)
{
	struct mpaper *p = lib->papers[pi];
	size_t i;

	for (i = 0; !lib->light && i < r->nlinks; i++) {
		const char *u = r->links[i].url;

		if (list_find(lib, pi, PL_LINK, u, value_hash(PL_LINK, u)) >= 0)
			continue;
		ARENA_GROW(lib->a, p->links, p->pub.nlinks, p->pub.nlinks + 1, p->alinks);
		p->links[p->pub.nlinks].kind = r->links[i].kind;
		p->links[p->pub.nlinks].url = arena_strdup(lib->a, u);
		p->pub.nlinks++;
		p->pub.links = p->links;
		list_added(lib, pi, PL_LINK, p->pub.nlinks - 1);
	}
}

#define KEY_ARXIV "arxiv:"

/*
 * A copy of id inside the string "arxiv:ID", the paper's key: lib_finish
 * takes the key from before the id rather than copying it again.
 */
static const char *
id_in_key(struct lib *lib, const char *id)
{
	size_t n = strlen(id);
	char *k = arena_alloc(lib->a, sizeof KEY_ARXIV - 1 + n + 1);

	memcpy(k, KEY_ARXIV, sizeof KEY_ARXIV - 1);
	memcpy(k + sizeof KEY_ARXIV - 1, id, n + 1);
	return k + sizeof KEY_ARXIV - 1;
}

/* Set the paper's stable key: "arxiv:ID", "title:KEY" or "text:HASH". */
static void
set_key(struct lib *lib, struct mpaper *p)
{
	if (p->pub.id) {
		p->pub.key = p->pub.id - (sizeof KEY_ARXIV - 1);	/* see id_in_key */
		return;
	}
	buf_setlen(&lib->tmp, 0);
	if (p->tkey)
		buf_printf(&lib->tmp, "title:%s", p->tkey);
	else
		buf_printf(&lib->tmp, "text:%016llx", (unsigned long long)
		    hash_str(p->pub.nsums ? p->pub.sums[0].text : ""));
	p->pub.key = arena_strndup(lib->a, lib->tmp.buf, lib->tmp.len);
}

/*
 * Merge the fields of r into paper pi; by_text: r has no id and no title
 * key, so its text is its identity (a light library keeps it).
 */
static void
paper_merge(struct lib *lib, uint32_t pi, const struct rec *r, int by_text)
{
	struct mpaper *p = lib->papers[pi];
	size_t i;

	if (p->pub.title == NULL && r->title)
		p->pub.title = arena_strdup(lib->a, r->title);
	if (p->pub.id == NULL && r->id)
		p->pub.id = id_in_key(lib, r->id);
	merge_authors(lib, p, r);
	merge_day(lib, pi, day_get(lib, r->day));
	merge_cats(lib, pi, r);
	if (r->votes > p->pub.votes)
		p->pub.votes = r->votes;
	/* a light library keeps only the text of a paper known by its text */
	if (!lib->light || by_text)
		merge_summary(lib, pi, r, NULL, r->blocks, r->nblocks);
	for (i = 0; !lib->light && i < r->nmore; i++)
		merge_summary(lib, pi, r, r->more[i].name, r->more[i].blocks, r->more[i].nblocks);
	merge_links(lib, pi, r);
}

/* Empty the maps only merging uses: a finished library keeps no memory for them. */
static void
maps_drop(struct lib *lib)
{
	hashmap_free(&lib->by_id);
	hashmap_free(&lib->by_title);
	hashmap_free(&lib->by_text);
	hashmap_free(&lib->items);
	free(lib->litems);
	lib->litems = NULL;
	lib->nlitems = lib->alitems = 0;
	lib->sealed = 1;
}

/*
 * Build the merge maps again from the papers, in insertion order, as
 * lib_add_paper left them: the first paper of a title key keeps it, an
 * untitled paper without an id is found by its first summary's text.
 */
static void
maps_rebuild(struct lib *lib)
{
	size_t i, k;
	enum plist l;

	lib->sealed = 0;
	for (i = 0; i < lib->npapers; i++) {
		const struct mpaper *p = lib->papers[i];

		if (p->pub.id)
			hashmap_put(&lib->by_id, hash_str(p->pub.id), (uint32_t)i);
		if (p->tkey && hashmap_get(&lib->by_title, p->tkey, hash_str(p->tkey), key_title, lib) < 0)
			hashmap_put(&lib->by_title, hash_str(p->tkey), (uint32_t)i);
		if (p->pub.id == NULL && p->tkey == NULL && p->pub.nsums)
			hashmap_put(&lib->by_text, hash_str(p->pub.sums[0].text), (uint32_t)i);
		for (l = PL_DAY; l <= PL_LINK; l++)
			for (k = 0; list_len(p, l) > LIST_LINEAR && k < list_len(p, l); k++)
				lib_item_put(lib, (uint32_t)i, l, k);
	}
}

/* The title key of r's title in lib->tkey (valid until the next call), or NULL when it has none. */
static const char *
title_key(struct lib *lib, const struct rec *r)
{
	if (r->title == NULL)
		return NULL;
	buf_setlen(&lib->tkey, 0);
	text_title_key(&lib->tkey, r->title, strlen(r->title));
	return lib->tkey.len ? lib->tkey.buf : NULL;
}

/* Merge one record into the library; returns the paper's index (insertion order) or -1. */
long
lib_add_paper(struct lib *lib, const struct rec *r)
{
	long idx = -1;
	uint64_t hid = 0, ht = 0;
	const char *tkey = NULL;
	struct mpaper *p;
	int new_paper = 0;

	if (lib_rec_empty(r))
		return -1;
	if (lib->sealed)
		maps_rebuild(lib);
	if ((tkey = title_key(lib, r)) != NULL)	/* copied into the arena only when a paper keeps it */
		ht = hash_str(tkey);
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

		paper_merge(lib, (uint32_t)idx, r, r->id == NULL && tkey == NULL);
		if (!had_id && p->pub.id)
			hashmap_put(&lib->by_id, hid, (uint32_t)idx);
	}
	if (tkey && p->tkey == NULL) {
		p->tkey = tkey = arena_strndup(lib->a, lib->tkey.buf, lib->tkey.len);
		if (hashmap_get(&lib->by_title, tkey, ht, key_title, lib) < 0)
			hashmap_put(&lib->by_title, ht, (uint32_t)idx);
	}
	if (new_paper && r->id == NULL && tkey == NULL && p->pub.nsums)
		hashmap_put(&lib->by_text, hash_str(p->pub.sums[0].text), (uint32_t)idx);
	lib->finished = 0;
	return idx;
}

/*
 * Add a paper merged already (see lib.h).  The merge maps are dropped,
 * not filled: a library fed this way is not merged into, and the next
 * lib_add_paper, if any, builds them again from the papers.
 */
long
lib_add_merged(struct lib *lib, const struct rec *r, const char *const *days, size_t ndays)
{
	struct rec one = *r;
	const char *tkey = title_key(lib, r);
	uint32_t pi;
	size_t i;

	if (lib_rec_empty(r))
		return -1;
	if (!lib->sealed)
		maps_drop(lib);
	one.day = ndays ? days[0] : NULL;
	pi = paper_new(lib);
	paper_merge(lib, pi, &one, r->id == NULL && tkey == NULL);
	for (i = 1; i < ndays; i++)
		merge_day(lib, pi, day_get(lib, days[i]));
	if (tkey && r->id == NULL)	/* the key of a paper without an id; never merged into */
		lib->papers[pi]->tkey = arena_strdup(lib->a, tkey);
	lib->merged = 1;
	lib->finished = 0;
	return pi;
}

/* The categories of p as merged, before lib_finish's spelling (see lib.h). */
const char *const *
lib_merged_cats(const struct paper *p, size_t *n)
{
	const struct mpaper *m = (const struct mpaper *)(const void *)
	    ((const char *)p - offsetof(struct mpaper, pub));

	*n = m->ncats;
	return m->cats;
}

/* Spellings that win their groups at lib_finish (see lib.h). */
void
lib_prefer_cats(struct lib *lib, const char *const *names, size_t n)
{
	size_t i;

	lib->prefer = arena_calloc(lib->a, n ? n : 1, sizeof *lib->prefer);
	for (i = 0; i < n; i++)
		lib->prefer[i] = arena_strdup(lib->a, names[i]);
	lib->nprefer = n;
}

/* The spelling chosen in each group spelled two or more ways (see lib.h). */
const char *const *
lib_cat_choices(const struct lib *lib, size_t *n)
{
	*n = lib->nchoices;
	return lib->choices;
}

/* True when the record is dropped: nothing to know it by. */
int
lib_rec_empty(const struct rec *r)
{
	return r->id == NULL && r->title == NULL && r->nblocks == 0;
}

/* Create a day (if new) so that it counts as seen now. */
void
lib_add_day(struct lib *lib, const char *label)
{
	day_get(lib, label);
	lib->finished = 0;
}

/* Create a day (if new) of count papers in the whole library. */
void
lib_add_day_count(struct lib *lib, const char *label, size_t count)
{
	uint32_t d = day_get(lib, label);	/* it may move lib->days */

	lib->days[d]->count = count;
	lib->merged = 1;	/* its label was resolved when the whole library was merged */
	lib->finished = 0;
}

/* True when the library holds all of d's papers. */
int
lib_day_held(const struct day *d)
{
	return d == NULL || d->npapers == d->count;
}

/* True when every day holds all its papers. */
int
lib_whole(const struct lib *lib)
{
	return lib->whole;
}

/* The text of a summary made of blocks, as the library keeps it. */
void
lib_summary_text(struct buf *out, const struct block *b, size_t n)
{
	flatten(out, b, n);
}

/* The kind of day a label makes. */
enum day_kind
lib_day_kind(const char *label)
{
	return label == NULL || *label == '\0' ? DAY_NONE : is_iso_date(label) ? DAY_DATED : DAY_LABEL;
}

/* Month and day of a label such as "May 9"; 1 on success. */
int
lib_label_date(const char *label, int *month, int *mday)
{
	return parse_label(label, month, mday);
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

/* qsort order of day indices. */
static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort a paper's day indices ascending: by insertion while short, else qsort. */
static void
sort_days(uint32_t *d, size_t n)
{
	size_t a, b;

	if (n > LIST_LINEAR) {
		qsort(d, n, sizeof *d, cmp_u32);
		return;
	}
	for (a = 1; a < n; a++)
		for (b = a; b > 0 && d[b - 1] > d[b]; b--) {
			uint32_t t = d[b];

			d[b] = d[b - 1];
			d[b - 1] = t;
		}
}

/* True when days[0..n) are in display order already. */
static int
days_in_order(struct mday *const *days, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (day_cmp(&days[i - 1], &days[i]) > 0)
			return 0;
	return 1;
}

/* Set each day's count: what lib_add_day_count said, or the papers it holds when more. */
static void
count_days(struct lib *lib)
{
	size_t i;

	lib->whole = 1;
	for (i = 0; i < lib->ndays; i++) {
		struct mday *d = lib->days[i];

		d->pub.count = d->count > d->pub.npapers ? d->count : d->pub.npapers;
		lib->whole &= d->pub.count == d->pub.npapers;
	}
}

/* Sort days and papers, fill per-day paper lists and keys. */
void
lib_finish(struct lib *lib)
{
	size_t i, k, ndays = lib->ndays;
	uint32_t *rank = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *rank);
	struct mday **sorted = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *sorted);
	struct mpaper **ps = xcalloc(lib->npapers ? lib->npapers : 1, sizeof *ps);
	int moved;

	libtidy_days(lib);
	libtidy_cats(lib);
	if (lib->ndays)
		memcpy(sorted, lib->days, lib->ndays * sizeof *sorted);
	moved = lib->ndays != ndays || !days_in_order(sorted, lib->ndays);
	if (moved)	/* a store's window comes in order: no sort, and its map stays */
		qsort(sorted, lib->ndays, sizeof *sorted, day_cmp);
	for (i = 0; i < lib->ndays; i++)
		sorted[i]->pos = (uint32_t)i;
	for (k = 0; k < lib->ndays; k++)
		rank[k] = lib->days[k]->pos;
	for (i = 0; i < lib->npapers; i++) {
		struct mpaper *p = lib->papers[i];
		size_t a;

		/* days: rewrite to sorted indices, ascending */
		for (a = 0; a < p->pub.ndays; a++)
			p->days[a] = rank[p->days[a]];
		sort_days(p->days, p->pub.ndays);
		p->rank = p->pub.ndays ? p->days[0] : UINT32_MAX;
		set_key(lib, p);
		ps[i] = p;
	}
	/* the days are now stored in sorted order; maps are rebuilt lazily */
	if (lib->ndays)
		memcpy(lib->days, sorted, lib->ndays * sizeof *sorted);
	if (moved)
		hashmap_free(&lib->by_day);
	for (i = 0; i < lib->ndays; i++) {
		lib->days[i]->pub.npapers = 0;
		lib->days[i]->pub.count = 0;
		if (moved)
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
	count_days(lib);
	free(ps);
	free(sorted);
	free(rank);
	maps_drop(lib);
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

/* The index of a day by its label, through the day map lib_finish rebuilt. */
long
lib_day_find(const struct lib *lib, const char *label)
{
	if (!lib->finished || label == NULL)
		return -1;
	return hashmap_get(&lib->by_day, label, hash_str(label), lib_key_day, lib);
}

/* The summary to show first for a language preference list. */
size_t
lib_summary_for(const struct paper *p, const char *prefs)
{
	size_t k, best = 0;
	int rank = -1;

	for (k = 0; prefs && k < p->nsums; k++) {
		int r = lang_rank(prefs, p->sums[k].lang);

		if (r >= 0 && (rank < 0 || r < rank)) {
			rank = r;
			best = k;
		}
	}
	return best;
}

/* Arena size. */
size_t
lib_bytes(const struct lib *lib)
{
	return arena_bytes(lib->a);
}
