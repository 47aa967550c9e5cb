/* model/libint.h: the merged library's insides, shared by model/lib.c
 * and model/libtidy.c only (no other file includes it).
 *
 * Invariants: papers[i]->pub is what lib_paper shows; a paper's days,
 * cats, sums and links arrays (arena memory) hold pub.ndays, ncats (not
 * pub.ncats), pub.nsums and pub.nlinks items, free of repeats; pub.cats
 * is cats itself or, once lib_finish changed a spelling, a tidied copy;
 * a list longer than LIST_LINEAR has every item in
 * lib->items (entries of litems), and an entry whose item index is past
 * the list's end, or whose value changed, simply never matches.  After
 * lib_finish (sealed) by_id, by_title, by_text and items are empty: the
 * next lib_add_paper builds them again from the papers.
 */
#ifndef PB_MODEL_LIBINT_H
#define PB_MODEL_LIBINT_H

#include "model/lib.h"
#include "base/hashmap.h"
#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

/* A paper as the library builds it; pub is what readers see. */
struct mpaper {
	struct paper pub;
	const char **authors; size_t aauthors;
	uint32_t *days; size_t adays;
	const char **cats; size_t ncats, acats;	/* as merged: pub.cats is their tidied spelling */
	struct summary *sums; size_t asums;
	struct link *links; size_t alinks;
	const char *tkey;	/* title key, or NULL (lib_add_merged keeps it only without an id) */
	long author_score;
	uint32_t rank;		/* rank of the newest day, set by lib_finish */
};

struct mday {
	struct day pub;
	uint32_t *papers; size_t apapers;
	int month, mday;	/* for labels such as "May 9"; 0 when unknown */
	uint32_t seen;		/* first-seen order */
	uint32_t pos;		/* position after sorting */
	size_t count;		/* papers in the whole library (lib_add_day_count), else 0 */
};

/* The lists of a paper that merging keeps free of repeats. */
enum plist { PL_DAY, PL_CAT, PL_SUM, PL_LINK };

#define LIST_LINEAR 8	/* longer lists are looked up in lib->items */

/* An item of a long list of a paper, as lib->items indexes it. */
struct litem {
	uint32_t paper, item;
	enum plist list;
};

struct lib {
	struct arena *a;
	struct mpaper **papers; size_t npapers, apapers;
	struct mday **days; size_t ndays, adays;
	struct hashmap by_id, by_title, by_text, by_day;
	struct hashmap items;	/* indexes into litems: items of long per-paper lists */
	struct hashmap by_cat;	/* indexes into catnames: one copy of each category name */
	const char **catnames; size_t ncatnames, acatnames;
	struct litem *litems; size_t nlitems, alitems;
	const struct paper **order;	/* display order after lib_finish */
	/* spellings that win their category groups (lib_prefer_cats), in the arena */
	const char **prefer; size_t nprefer;
	/* after lib_finish: the spelling chosen in each group the papers spell two or more ways */
	const char **choices; size_t nchoices;
	struct buf tmp;
	struct buf tkey;	/* the title key of the record being added (lib_add_paper) */
	const char *pub_path, *pub_name;	/* the last file's path and its publisher */
	int finished;
	int sealed;		/* the merge maps were dropped by lib_finish (rebuilt on the next add) */
	int light;		/* keep no summary text (--check) */
	int whole;		/* every day holds all its papers (lib_whole) */
	int merged;		/* papers came merged (lib_add_merged): their labels are resolved */
};

/* Put item k of list l of paper pi into lib->items (after it changed or was appended). */
void lib_item_put(struct lib *lib, uint32_t pi, enum plist l, size_t k);
/* hashmap key function of lib->by_day: the label of day i (ctx is the lib). */
const char *lib_key_day(const void *ctx, uint32_t i);

#endif
