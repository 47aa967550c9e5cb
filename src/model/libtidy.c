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
#include "model/catspell.h"

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

/*
 * Resolve labels, then drop the days no paper is on (merged labels, a left
 * undated group) unless the whole library has papers on them (lib_add_day_count).
 */
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
		if (used[i] || lib->days[i]->count)
			lib->days[n++] = lib->days[i];
	}
	if (n < lib->ndays) {
		lib->ndays = n;
		remap_days(lib, map);
	}
	free(map);
	free(used);
}

/*
 * The tidied categories of paper p into pub.cats: each group's spelling,
 * each group once (seen[group] == mark: met already, with two marks
 * unique to the paper, one a pass).  The merged list stays as it is, for
 * the next lib_finish and for the store.
 */
static void
tidy_paper(struct lib *lib, struct catspell *c, struct mpaper *p, uint32_t *seen, const uint32_t mark[2])
{
	const char **v;
	size_t k, n = 0;
	int same = 1;

	for (k = 0; k < p->ncats; k++) {
		uint32_t s = catspell_get(c, p->cats[k]), g = catspell_group(c, s);

		same &= seen[g] != mark[0] && catspell_best(c, g) == s;
		seen[g] = mark[0];
	}
	p->pub.cats = p->cats;
	p->pub.ncats = p->ncats;
	if (same)
		return;
	v = arena_calloc(lib->a, p->ncats, sizeof *v);
	for (k = 0; k < p->ncats; k++) {
		uint32_t g = catspell_group(c, catspell_get(c, p->cats[k]));

		if (seen[g] == mark[1])
			continue;
		seen[g] = mark[1];
		v[n++] = catspell_name(c, catspell_best(c, g));
	}
	p->pub.cats = v;
	p->pub.ncats = n;
}

/* lib->choices: the spelling each group the papers give two or more ways takes (lib_cat_choices). */
static void
note_choices(struct lib *lib, const struct catspell *c)
{
	const char **v;
	size_t n = catspell_choices(c, &v);

	lib->choices = arena_calloc(lib->a, n ? n : 1, sizeof *lib->choices);
	if (n)
		memcpy(lib->choices, v, n * sizeof *v);
	lib->nchoices = n;
	free(v);
}

/*
 * Categories that differ only in case, spacing, hyphens or punctuation
 * ("Multi-Modal", "Multimodal") become one: every paper's spelling is
 * replaced by the group's most common one (model/catspell.h: counted in
 * paper order, so the input order decides a tie; lib_prefer_cats
 * overrides it) and a paper keeps each group once.  Only pub.cats
 * changes: the spellings counted are always the merged ones.  The names
 * are the papers' (or lib->prefer's), which live in the library.
 */
void
libtidy_cats(struct lib *lib)
{
	struct catspell *c = catspell_new(0);
	uint32_t *seen;		/* seen[group] == a paper's mark: the paper has the group */
	size_t i, k;

	for (i = 0; i < lib->npapers; i++)
		for (k = 0; k < lib->papers[i]->ncats; k++)
			catspell_count(c, lib->papers[i]->cats[k], 1);
	note_choices(lib, c);
	for (i = 0; i < lib->nprefer; i++)
		catspell_prefer(c, lib->prefer[i]);
	seen = xcalloc(catspell_ngroups(c) ? catspell_ngroups(c) : 1, sizeof *seen);
	for (i = 0; i < lib->npapers; i++) {
		uint32_t mark[2] = { (uint32_t)(2 * i + 1), (uint32_t)(2 * i + 2) };

		tidy_paper(lib, c, lib->papers[i], seen, mark);
	}
	free(seen);
	catspell_free(c);
}
