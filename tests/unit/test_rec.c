/* test_rec.c: the record builder (ingest/rec.c) the parsers fill. */
#include "unit.h"

#include "ingest/pctx.h"
#include "ingest/rec.h"

/* A string literal and its length, as the builder takes them. */
#define S(lit) (lit), sizeof(lit) - 1

/* Authors split at commas, list-literal quotes and N/A dropped; categories once each. */
static void
test_lists(void **state)
{
	struct unit_pctx u;
	struct rec_build b;

	(void)state;
	unit_pctx_init(&u, "");
	rec_init(&u.p, &b, 1, "test");
	rec_authors(&u.p, &b, S("['Ann A', \"Bo **B**\", N/A, , Cy C]"));
	assert_int_equal(b.nauthors, 3);
	assert_string_equal(b.authors[0], "Ann A");
	assert_string_equal(b.authors[1], "Bo B");
	assert_string_equal(b.authors[2], "Cy C");
	rec_cat(&u.p, &b, S(" NLP "));
	rec_cat(&u.p, &b, S("'NLP'"));
	rec_cat(&u.p, &b, S("Vision"));
	assert_int_equal(b.ncats, 2);
	unit_pctx_free(&u);
}

/* Links normalised, classified, deduplicated; an arXiv abstract gives the id; a bad one warns. */
static void
test_links(void **state)
{
	struct unit_pctx u;
	struct rec_build b;

	(void)state;
	unit_pctx_init(&u, "");
	rec_init(&u.p, &b, 1, "test");
	rec_link(&u.p, &b, 4, S("arxiv.org/abs/2505.02707"), LINK_NKINDS);
	rec_link(&u.p, &b, 4, S("https://arxiv.org/abs/2505.02707"), LINK_NKINDS);
	rec_link(&u.p, &b, 5, S("https://example.org/x"), LINK_PROJECT);
	rec_link(&u.p, &b, 6, S("N/A"), LINK_NKINDS);
	rec_link(&u.p, &b, 7, S("[data]"), LINK_NKINDS);
	assert_int_equal(b.nlinks, 2);
	assert_int_equal(b.links[0].kind, LINK_ARXIV);
	assert_string_equal(b.links[0].url, "https://arxiv.org/abs/2505.02707");
	assert_int_equal(b.links[1].kind, LINK_PROJECT);	/* the hint names an "other" link */
	assert_string_equal(b.r.id, "2505.02707");
	assert_int_equal(u.b.nmsgs, 1);
	assert_int_equal(u.b.msgs[0].line, 7);
	assert_string_equal(u.b.msgs[0].text, "dropped link '[data]': not a URL");
	unit_pctx_free(&u);
}

/* A summary with "- " bullets and labels becomes blocks; plain text one paragraph. */
static void
test_summary(void **state)
{
	struct unit_pctx u;
	struct rec_build b;
	static const char bullets[] = "- **What's New**: a method.\n- It *works*.";

	(void)state;
	unit_pctx_init(&u, "");
	rec_init(&u.p, &b, 1, "test");
	rec_summary(&u.p, &b, bullets, sizeof bullets - 1);
	assert_int_equal(b.nblocks, 2);
	assert_int_equal(b.blocks[0].kind, BLOCK_BULLET);
	assert_string_equal(b.blocks[0].label, "What's New");
	assert_string_equal(b.blocks[0].text, "a method.");
	assert_null(b.blocks[1].label);
	assert_string_equal(b.blocks[1].text, "It works.");
	rec_init(&u.p, &b, 2, "test");
	rec_summary(&u.p, &b, S("Just  one\nparagraph."));
	assert_int_equal(b.nblocks, 1);
	assert_int_equal(b.blocks[0].kind, BLOCK_PARA);
	assert_string_equal(b.blocks[0].text, "Just one paragraph.");
	unit_pctx_free(&u);
}

/* A light library keeps no authors and no summary text, only that there was one. */
static void
test_light(void **state)
{
	struct unit_pctx u;
	struct rec_build b;

	(void)state;
	unit_pctx_init(&u, "");
	u.p.light = 1;
	rec_init(&u.p, &b, 1, "test");
	b.r.title = "T";
	rec_authors(&u.p, &b, S("A, B"));
	rec_block(&u.p, &b, BLOCK_PARA, NULL, 0, S("text"));
	assert_int_equal(b.nauthors, 0);
	assert_int_equal(b.nblocks, 1);
	assert_string_equal(b.blocks[0].text, "");
	unit_pctx_free(&u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_light),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
