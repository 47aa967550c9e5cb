/* model/catspell.h: the spellings of categories, grouped, counted, and the one each group takes.
 *
 * Categories that differ only in case, spacing, hyphens or punctuation
 * ("Multi-Modal", "Multimodal") are one group: spellings with the same
 * text_title_key (a spelling of punctuation only is its own key).  Each
 * group takes the spelling counted most often; on a tie, the one that
 * reached that count first, so the order counted decides.  lib_finish
 * (model/libtidy.c) counts a library's papers with it, and the store
 * (store/spell.c) counts its rows with it, so that both choose alike.
 *
 * Spellings are numbered from 0 in the order first met, groups likewise.
 */
#ifndef PB_MODEL_CATSPELL_H
#define PB_MODEL_CATSPELL_H

#include <stddef.h>
#include <stdint.h>

struct catspell;

/*
 * An empty table (caller frees with catspell_free).  With copy, each
 * spelling is copied when first met; else the caller keeps every name it
 * passes alive as long as the table.
 */
struct catspell *catspell_new(int copy);
void catspell_free(struct catspell *c);
/* The number of name, added (counted 0 times) when new. */
uint32_t catspell_get(struct catspell *c, const char *name);
/*
 * Count name n times more: it becomes its group's spelling when it is
 * now counted more often than that one.
 */
void catspell_count(struct catspell *c, const char *name, uint32_t n);
/* Make name its group's spelling, whatever was counted. */
void catspell_prefer(struct catspell *c, const char *name);
/* The group of spelling s, and the number of groups. */
uint32_t catspell_group(const struct catspell *c, uint32_t s);
size_t catspell_ngroups(const struct catspell *c);
/* The spelling group g takes (its number). */
uint32_t catspell_best(const struct catspell *c, uint32_t g);
/* The name of spelling s. */
const char *catspell_name(const struct catspell *c, uint32_t s);
/*
 * Mark in tied[] (catspell_ngroups entries) each group with a tie for its
 * spelling (another of its spellings counted as often as the one it
 * takes): there the order in which they were counted decided.  Returns
 * how many.
 */
size_t catspell_ties(const struct catspell *c, uint8_t *tied);
/* The spelling group g takes when it was counted two or more ways, else NULL. */
const char *catspell_choice(const struct catspell *c, uint32_t g);
/*
 * The spelling each group counted two or more ways takes, in group order:
 * *v (caller frees the array; the names are the table's), their number.
 */
size_t catspell_choices(const struct catspell *c, const char ***v);

#endif
