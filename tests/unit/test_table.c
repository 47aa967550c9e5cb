/* test_table.c: markdown table digests (ingest/table.c) through the public API. */
#include "unit.h"

#include "ingest/ingest.h"
#include "model/lib.h"

static void
test_table_columns_and_quirks(void **state)
{
	struct unit_run r = unit_ingest_str("t.md",
	    "## Papers for 2024-10-01\n"
	    "\n"
	    "| Summary | Title | Authors | Classification | GitHub URLs | HuggingFace URLs |\n"
	    "|---|---|---|---|---|---|\n"
	    "| - First point on π(y|x).  - Second point. | [Wrapped\n"
	    "  Title Here](https://arxiv.org/abs/2409.20566) | A B, c-d | ['Multimodal', 'Audio'] | [Link](github.com/o/r) | [Link](hf.co/datasets/o/d), [Link]([data]) |\n"
	    "| N/A | Link Column Missing | | N/A | N/A | N/A |\n"
	    "|  |  |  |  |  |  |\n");
	const struct paper *p = unit_by_title(&r, "Wrapped Title Here");

	(void)state;
	assert_non_null(p);
	assert_string_equal(p->id, "2409.20566");
	assert_int_equal(p->nauthors, 2);
	assert_int_equal(p->ncats, 2);
	assert_string_equal(p->cats[1], "Audio");
	assert_int_equal(p->nsums, 1);
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_string_equal(p->sums[0].blocks[0].text, "First point on π(y|x).");
	assert_int_equal(p->nlinks, 3);
	assert_string_equal(p->links[1].url, "https://github.com/o/r");
	assert_int_equal(p->links[2].kind, LINK_DATASET);
	assert_true((unit_find_msg(&r, 5, "dropped link '[data]'") >= 0));
	assert_non_null(unit_by_title(&r, "Link Column Missing"));
	assert_true((unit_find_msg(&r, 8, "without title or summary") >= 0));
	assert_int_equal(lib_npapers(r.lib), 2);
	unit_run_free(&r);
}

static void
test_table_title_styles(void **state)
{
	struct unit_run r = unit_ingest_str("s.md",
	    "## Papers for 2024-09-05\n\n"
	    "| Category | Title | Authors | Summary | Link |\n"
	    "|---|---|---|---|---|\n"
	    "| NLP | One (Read more on [arXiv](https://arxiv.org/abs/2409.00001) or [HuggingFace](https://huggingface.co/papers/2409.00001))| A | S1 | |\n"
	    "| CV | Two - read more on [arXiv](https://arxiv.org/abs/2409.00002) or [HuggingFace](https://huggingface.co/papers/2409.00002) | B | S2 | |\n"
	    "| RL | Three | C | S3 | [Read more](https://arxiv.org/abs/2409.00003) |\n");
	const struct paper *p;

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 3);
	p = unit_by_title(&r, "One");
	assert_non_null(p);
	assert_string_equal(p->id, "2409.00001");
	assert_int_equal(p->nlinks, 2);
	assert_string_equal(p->cats[0], "NLP");
	p = unit_by_title(&r, "Two");
	assert_non_null(p);
	assert_string_equal(p->id, "2409.00002");
	p = unit_by_title(&r, "Three");
	assert_non_null(p);
	assert_string_equal(p->id, "2409.00003");
	assert_string_equal(lib_day(r.lib, p->days[0])->label, "2024-09-05");
	unit_run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_columns_and_quirks),
		cmocka_unit_test(test_table_title_styles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
