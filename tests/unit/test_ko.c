/* test_ko.c: Korean digests (ingest/ko.c) through the public API. */
#include "unit.h"

#include "ingest/ingest.h"
#include "model/lib.h"

static void
test_ko(void **state)
{
	struct unit_run r = unit_ingest_str("k.md",
	    "## Daily Papers (2024-10-18)\n\n"
	    "### [A $\\times$ B: Title](https://arxiv.org/abs/2410.09342)\n\n"
	    "![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2410.09342.png)\n\n"
	    "Vote: 34\n\n"
	    "Authors: ['Zihan Zhou', 'Zhixing Tan']\n\n"
	    "- ***What's New***: 새로운 방법을 제안합니다.\n"
	    "- **Technical Details**: 기술 \b세부\f 사항입니다.\n"
	    "- ***Technical Details*: 잘못된 레이블입니다.\n"
	    "\n### [No Votes](https://arxiv.org/abs/2410.00001)\n\nVote: -\n\n- 요약입니다.\n"
	    "\n### \n\nstray text\n"
	    "## Daily Papers (2024-10-18)\n\n"
	    "### [A $\\times$ B: Title](https://arxiv.org/abs/2410.09342)\n\nVote: 35\n");
	const struct paper *p = unit_by_title(&r, "A $\\times$ B: Title");

	(void)state;
	assert_non_null(p);
	assert_int_equal(p->votes, 35);
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(p->authors[0], "Zihan Zhou");
	assert_int_equal(p->nsums, 1);
	assert_string_equal(p->sums[0].lang, "ko");
	assert_int_equal(p->sums[0].nblocks, 3);
	assert_string_equal(p->sums[0].blocks[0].label, "What's New");
	assert_string_equal(p->sums[0].blocks[1].text, "기술 세부 사항입니다.");
	assert_string_equal(p->sums[0].blocks[2].label, "Technical Details");
	assert_int_equal(p->links[1].kind, LINK_THUMBNAIL);
	p = unit_by_title(&r, "No Votes");
	assert_non_null(p);
	assert_int_equal(p->votes, -1);
	assert_true((unit_find_msg(&r, 21, "entry without a title") >= 0));
	assert_int_equal(lib_npapers(r.lib), 2);
	unit_run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ko),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
