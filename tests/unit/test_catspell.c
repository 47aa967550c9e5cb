/* test_catspell.c: category spellings grouped by key, counted, and the one each group takes. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model/catspell.h"

/* Whether the group of Multimodal has a tie (catspell_ties, which marks no other group here). */
static int
tied(struct catspell *c)
{
	uint8_t *t = xcalloc(catspell_ngroups(c) + 1, 1);
	size_t n = catspell_ties(c, t);
	int g = t[catspell_group(c, catspell_get(c, "Multimodal"))];

	assert_int_equal(n, (size_t)g);
	free(t);
	return g;
}

/* The spelling the group of name takes. */
static const char *
takes(struct catspell *c, const char *name)
{
	return catspell_name(c, catspell_best(c, catspell_group(c, catspell_get(c, name))));
}

/* Spellings that differ in case, hyphens, spaces or punctuation are one group; others are not. */
static void
test_groups(void **state)
{
	struct catspell *c = catspell_new(0);

	(void)state;
	catspell_count(c, "Multi-Modal", 1);
	catspell_count(c, "multimodal", 1);
	catspell_count(c, "Multi Modal!", 1);
	catspell_count(c, "Robotics", 1);
	catspell_count(c, "+++", 1);
	catspell_count(c, "***", 1);
	assert_int_equal(catspell_ngroups(c), 4);	/* punctuation only: each its own */
	assert_int_equal(catspell_group(c, catspell_get(c, "Multi-Modal")),
	    catspell_group(c, catspell_get(c, "Multi Modal!")));
	assert_int_not_equal(catspell_group(c, catspell_get(c, "Robotics")),
	    catspell_group(c, catspell_get(c, "multimodal")));
	assert_string_equal(takes(c, "multimodal"), "Multi-Modal");	/* one each: the first */
	catspell_free(c);
}

/* The most counted wins; a tie goes to the one that reached the count first. */
static void
test_counts_and_ties(void **state)
{
	struct catspell *c = catspell_new(0);

	(void)state;
	catspell_count(c, "Multimodal", 1);
	catspell_count(c, "Multi-Modal", 1);
	catspell_count(c, "Multi-Modal", 1);
	assert_string_equal(takes(c, "Multimodal"), "Multi-Modal");
	assert_false(tied(c));
	catspell_count(c, "Multimodal", 1);	/* two each: Multi-Modal got there first */
	assert_string_equal(takes(c, "Multimodal"), "Multi-Modal");
	assert_true(tied(c));
	catspell_count(c, "Multimodal", 1);
	assert_string_equal(takes(c, "Multimodal"), "Multimodal");
	assert_false(tied(c));
	catspell_count(c, "multi modal", 3);	/* three at once: a tie, kept by the first there */
	assert_string_equal(takes(c, "Multimodal"), "Multimodal");
	assert_true(tied(c));
	catspell_count(c, "multi modal", 1);
	assert_string_equal(takes(c, "Multimodal"), "multi modal");
	assert_false(tied(c));
	catspell_free(c);
}

/* A preferred spelling wins whatever was counted, even one never counted. */
static void
test_prefer(void **state)
{
	struct catspell *c = catspell_new(0);

	(void)state;
	catspell_count(c, "Multimodal", 1);
	catspell_count(c, "Multimodal", 1);
	catspell_prefer(c, "MULTI-MODAL");
	assert_string_equal(takes(c, "Multimodal"), "MULTI-MODAL");
	catspell_free(c);
}

/* Choices: only the groups counted two or more ways, in group order; copies when asked. */
static void
test_choices(void **state)
{
	struct catspell *c = catspell_new(1);
	char name[32];
	const char **v;
	size_t n;

	(void)state;
	strcpy(name, "Robotics");
	catspell_count(c, name, 1);
	strcpy(name, "NLP");
	catspell_count(c, name, 1);
	strcpy(name, "nlp");
	catspell_count(c, name, 1);
	catspell_count(c, name, 1);
	strcpy(name, "Agents");
	catspell_count(c, name, 1);
	strcpy(name, "agents");
	catspell_count(c, name, 1);
	strcpy(name, "xxxxxx");	/* the table kept its own copies */
	catspell_prefer(c, "Robots");	/* a group never counted: no choice */
	n = catspell_choices(c, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "nlp");
	assert_string_equal(v[1], "Agents");
	free(v);
	catspell_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_counts_and_ties),
		cmocka_unit_test(test_prefer),
		cmocka_unit_test(test_choices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
