/* model/libtidy.c: the passes lib_finish makes over the whole library:
 * day labels without a year resolved and unused days dropped, and one
 * spelling per category.  See model/libtidy.h.
 */
#include "model/libtidy.h"
#include "model/libint.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/date.h"
#include "base/hashmap.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The years of the dated days (distinct, into years[]) and the range of their day numbers. */
static size_t
dated_years(const struct lib *lib, int *years, long *lo, long *hi)
{
	size_t i, k, n = 0;

	*lo = 0;
	*hi = -1;
	for (i = 0; i < lib->ndays; i++) {
		const char *l = lib->days[i]->pub.label;
		int y, m, d;
		long dn;

		if (lib->days[i]->pub.kind != DAY_DATED)
			continue;
		y = atoi(l);
		m = atoi(l + 5);
		d = atoi(l + 8);
		dn = date_from_ymd(y, m, d);
		if (*hi < *lo || dn < *lo)
			*lo = dn;
		if (*hi < dn)
			*hi = dn;
		for (k = 0; k < n && years[k] != y; k++)
			;
		if (k == n)
			years[n++] = y;
	}
	return n;
}

/*
 * Give a label without a year the one year of the dated days that fits it
 * (the date within a month of their range): remap[i] becomes the dated
 * day it joins, or the label day itself turns into that date.
 */
static void
resolve_labels(struct lib *lib, uint32_t *remap)
{
	int *years = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *years);
	long lo, hi;
	size_t ny = dated_years(lib, years, &lo, &hi), i, k;

	for (i = 0; i < lib->ndays; i++) {
		struct mday *d = lib->days[i];
		int fit = 0, y = 0;
		char iso[16];
		long at;

		if (d->pub.kind != DAY_LABEL || d->month == 0)
			continue;
		for (k = 0; k < ny; k++) {
			long dn = date_from_ymd(years[k], d->month, d->mday);

			if (date_valid(years[k], d->month, d->mday) && dn >= lo - 31 && dn <= hi + 31) {
				fit++;
				y = years[k];
			}
		}
		if (fit != 1 || y < 1000 || y > 9999)
			continue;
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, d->month, d->mday);
		at = hashmap_get(&lib->by_day, iso, hash_str(iso), lib_key_day, lib);
		if (at >= 0) {
			remap[i] = (uint32_t)at;
			continue;
		}
		d->pub.label = arena_strdup(lib->a, iso);
		d->pub.kind = DAY_DATED;
		d->month = d->mday = 0;
		hashmap_put(&lib->by_day, hash_str(iso), (uint32_t)i);
	}
	free(years);
}

/*
 * Rewrite every paper's days through map (dropping repeats), in time
 * linear in the days of all papers; a long day list is indexed again.
 */
static void
remap_days(struct lib *lib, const uint32_t *map)
{
	uint32_t *seen = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *seen);
	size_t i, a, n;

	for (i = 0; i < lib->npapers; i++) {
		struct mpaper *p = lib->papers[i];
		int changed = 0;

		for (a = n = 0; a < p->pub.ndays; a++) {
			uint32_t d = map[p->days[a]];

			changed |= d != p->days[a] || n != a;
			if (seen[d] == (uint32_t)i + 1)
				continue;
			seen[d] = (uint32_t)i + 1;
			p->days[n++] = d;
		}
		p->pub.ndays = n;
		for (a = 0; changed && n > LIST_LINEAR && a < n; a++)
			lib_item_put(lib, (uint32_t)i, PL_DAY, a);
	}
	free(seen);
}

/* Resolve labels, then drop the days no paper is on (merged labels, a left undated group). */
void
libtidy_days(struct lib *lib)
{
	uint32_t *map = xcalloc(lib->ndays ? lib->ndays : 1, sizeof *map);
	char *used = xcalloc(lib->ndays ? lib->ndays : 1, 1);
	size_t i, k, n = 0;

	for (i = 0; i < lib->ndays; i++)
		map[i] = (uint32_t)i;
	if (!lib->merged)	/* merged papers' labels were resolved when they were merged */
		resolve_labels(lib, map);
	remap_days(lib, map);
	for (i = 0; i < lib->npapers; i++)
		for (k = 0; k < lib->papers[i]->pub.ndays; k++)
			used[lib->papers[i]->days[k]] = 1;
	for (i = 0; i < lib->ndays; i++) {
		map[i] = (uint32_t)n;
		if (used[i])
			lib->days[n++] = lib->days[i];
	}
	if (n < lib->ndays) {
		lib->ndays = n;
		remap_days(lib, map);
	}
	free(map);
	free(used);
}

/* Every spelling of a category, grouped by its key (text_title_key). */
struct cattab {
	struct catspell {
		const char *name;
		uint32_t count;		/* papers that give this spelling */
		uint32_t group;
	} *sp;
	size_t nsp, asp;
	struct catgroup {
		const char *key;
		uint32_t best;		/* the most common spelling, the first on a tie */
	} *gr;
	size_t ngr, agr;
	struct hashmap by_name, by_key;
};

static const char *
key_spell(const void *ctx, uint32_t i)
{
	return ((const struct cattab *)ctx)->sp[i].name;
}

static const char *
key_group(const void *ctx, uint32_t i)
{
	return ((const struct cattab *)ctx)->gr[i].key;
}

/* The group of the key of name (created when new). */
static uint32_t
cat_group(struct lib *lib, struct cattab *t, const char *name, uint32_t spell)
{
	const char *key;
	uint64_t h;
	long g;

	buf_setlen(&lib->tmp, 0);
	text_title_key(&lib->tmp, name, strlen(name));
	key = lib->tmp.len ? lib->tmp.buf : name;	/* punctuation only: itself */
	h = hash_str(key);
	if ((g = hashmap_get(&t->by_key, key, h, key_group, t)) >= 0)
		return (uint32_t)g;
	ALLOC_GROW(t->gr, t->ngr + 1, t->agr);
	t->gr[t->ngr].key = arena_strdup(lib->a, key);
	t->gr[t->ngr].best = spell;
	hashmap_put(&t->by_key, h, (uint32_t)t->ngr);
	return (uint32_t)t->ngr++;
}

/* The spelling name in t, added when new. */
static uint32_t
cat_spell(struct lib *lib, struct cattab *t, const char *name)
{
	uint64_t h = hash_str(name);
	long i = hashmap_get(&t->by_name, name, h, key_spell, t);

	if (i >= 0)
		return (uint32_t)i;
	ALLOC_GROW(t->sp, t->nsp + 1, t->asp);
	t->sp[t->nsp].name = name;
	t->sp[t->nsp].count = 0;
	t->sp[t->nsp].group = cat_group(lib, t, name, (uint32_t)t->nsp);
	hashmap_put(&t->by_name, h, (uint32_t)t->nsp);
	return (uint32_t)t->nsp++;
}

/*
 * The tidied categories of paper i into pub.cats: each group's best
 * spelling, each group once (seen[group] == mark: met already, with two
 * marks unique to the paper, one a pass).  The merged list stays as it
 * is, for the next lib_finish and for the store.
 */
static void
tidy_paper(struct lib *lib, struct cattab *t, struct mpaper *p, uint32_t *seen, const uint32_t mark[2])
{
	const char **v;
	size_t k, n = 0;
	int same = 1;

	for (k = 0; k < p->ncats; k++) {
		uint32_t s = cat_spell(lib, t, p->cats[k]), g = t->sp[s].group;

		same &= seen[g] != mark[0] && t->gr[g].best == s;
		seen[g] = mark[0];
	}
	p->pub.cats = p->cats;
	p->pub.ncats = p->ncats;
	if (same)
		return;
	v = arena_calloc(lib->a, p->ncats, sizeof *v);
	for (k = 0; k < p->ncats; k++) {
		uint32_t g = t->sp[cat_spell(lib, t, p->cats[k])].group;

		if (seen[g] == mark[1])
			continue;
		seen[g] = mark[1];
		v[n++] = t->sp[t->gr[g].best].name;
	}
	p->pub.cats = v;
	p->pub.ncats = n;
}

/*
 * Categories that differ only in case, spacing, hyphens or punctuation
 * ("Multi-Modal", "Multimodal") become one: every paper's spelling is
 * replaced by the group's most common one (first seen on a tie, so the
 * input order decides) and a paper keeps each group once.  Only pub.cats
 * changes: the spellings counted are always the merged ones.
 */
void
libtidy_cats(struct lib *lib)
{
	struct cattab t;
	uint32_t *seen;		/* seen[group] == a paper's mark: the paper has the group */
	size_t i, k;

	memset(&t, 0, sizeof t);
	for (i = 0; i < lib->npapers; i++)
		for (k = 0; k < lib->papers[i]->ncats; k++) {
			uint32_t s = cat_spell(lib, &t, lib->papers[i]->cats[k]);
			struct catgroup *g = &t.gr[t.sp[s].group];

			if (++t.sp[s].count > t.sp[g->best].count)
				g->best = s;
		}
	seen = xcalloc(t.ngr ? t.ngr : 1, sizeof *seen);
	for (i = 0; i < lib->npapers; i++) {
		uint32_t mark[2] = { (uint32_t)(2 * i + 1), (uint32_t)(2 * i + 2) };

		tidy_paper(lib, &t, lib->papers[i], seen, mark);
	}
	free(seen);
	hashmap_free(&t.by_name);
	hashmap_free(&t.by_key);
	free(t.sp);
	free(t.gr);
}
