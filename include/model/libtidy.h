/* model/libtidy.h: the passes lib_finish makes over the whole library.
 *
 * Both keep merging linear: they rewrite papers' lists in place, drop
 * repeats with a stamp array, and index long lists again (model/libint.h).
 */
#ifndef PB_MODEL_LIBTIDY_H
#define PB_MODEL_LIBTIDY_H

struct lib;

/*
 * Give a day label without a year ("May 9") the one year of the dated
 * days that fits it (within a month of their range), merging it into that
 * date when it exists; then drop the days no paper is on any more.
 */
void libtidy_days(struct lib *lib);
/*
 * Make categories that differ only in case, spacing, hyphens or
 * punctuation one, spelled as most papers spell it (the first seen on a
 * tie) unless lib_prefer_cats named its spelling; a paper keeps each
 * once.  Notes lib_cat_choices.
 */
void libtidy_cats(struct lib *lib);

#endif
