/* test_parsers.c: the markdown/text parsers through the public API. */
#include "unit.h"

#include "ingest/ingest.h"
#include "model/lib.h"

/* True when some message is at line with text containing needle. */
static int
has_msg(const struct unit_read *r, size_t line, const char *needle)
{
	size_t i;

	for (i = 0; i < ingest_nmsgs(r->ing); i++) {
		const struct ingest_msg *m = ingest_msg(r->ing, i);

		if (m->line == line && strstr(m->text, needle))
			return 1;
	}
	return 0;
}

/* Find a paper by title. */
static const struct paper *
by_title(const struct unit_read *r, const char *title)
{
	size_t i;

	for (i = 0; i < lib_npapers(r->lib); i++) {
		const struct paper *p = lib_paper(r->lib, i);

		if (p->title && strcmp(p->title, title) == 0)
			return p;
	}
	return NULL;
}

static void
test_table_columns_and_quirks(void **state)
{
	struct unit_read r = unit_read("t.md",
	    "## Papers for 2024-10-01\n"
	    "\n"
	    "| Summary | Title | Authors | Classification | GitHub URLs | HuggingFace URLs |\n"
	    "|---|---|---|---|---|---|\n"
	    "| - First point on π(y|x).  - Second point. | [Wrapped\n"
	    "  Title Here](https://arxiv.org/abs/2409.20566) | A B, c-d | ['Multimodal', 'Audio'] | [Link](github.com/o/r) | [Link](hf.co/datasets/o/d), [Link]([data]) |\n"
	    "| N/A | Link Column Missing | | N/A | N/A | N/A |\n"
	    "|  |  |  |  |  |  |\n");
	const struct paper *p = by_title(&r, "Wrapped Title Here");

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
	assert_true(has_msg(&r, 5, "dropped link '[data]'"));
	assert_non_null(by_title(&r, "Link Column Missing"));
	assert_true(has_msg(&r, 8, "without title or summary"));
	assert_int_equal(lib_npapers(r.lib), 2);
	unit_read_free(&r);
}

static void
test_table_title_styles(void **state)
{
	struct unit_read r = unit_read("s.md",
	    "## Papers for 2024-09-05\n\n"
	    "| Category | Title | Authors | Summary | Link |\n"
	    "|---|---|---|---|---|\n"
	    "| NLP | One (Read more on [arXiv](https://arxiv.org/abs/2409.00001) or [HuggingFace](https://huggingface.co/papers/2409.00001))| A | S1 | |\n"
	    "| CV | Two - read more on [arXiv](https://arxiv.org/abs/2409.00002) or [HuggingFace](https://huggingface.co/papers/2409.00002) | B | S2 | |\n"
	    "| RL | Three | C | S3 | [Read more](https://arxiv.org/abs/2409.00003) |\n");
	const struct paper *p;

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 3);
	p = by_title(&r, "One");
	assert_non_null(p);
	assert_string_equal(p->id, "2409.00001");
	assert_int_equal(p->nlinks, 2);
	assert_string_equal(p->cats[0], "NLP");
	p = by_title(&r, "Two");
	assert_non_null(p);
	assert_string_equal(p->id, "2409.00002");
	p = by_title(&r, "Three");
	assert_non_null(p);
	assert_string_equal(p->id, "2409.00003");
	assert_string_equal(lib_day(r.lib, p->days[0])->label, "2024-09-05");
	unit_read_free(&r);
}

static void
test_ko(void **state)
{
	struct unit_read r = unit_read("k.md",
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
	const struct paper *p = by_title(&r, "A $\\times$ B: Title");

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
	p = by_title(&r, "No Votes");
	assert_non_null(p);
	assert_int_equal(p->votes, -1);
	assert_true(has_msg(&r, 21, "entry without a title"));
	assert_int_equal(lib_npapers(r.lib), 2);
	unit_read_free(&r);
}

static void
test_abstract_and_hfpage(void **state)
{
	struct unit_read r = unit_read("a.txt", "Abstract:First abstract.\nAbstract: Second\ncontinued.\n");
	struct unit_read h = unit_read("h.txt",
	    "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
	    "byAK and the research community\n\nMay 9\n\nA Title\n\n"
	    "A long abstract that goes on and on about a method and its results, well past a title's length, "
	    "so that it reads as the abstract of the title above it and not as a title of its own at all.\n\n"
	    "Lonely Title\n\nAnother Title\n\nShort abstract.\n");
	const struct paper *p;

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 2);
	p = lib_paper(r.lib, 0);
	assert_null(p->title);
	assert_string_equal(lib_day(r.lib, p->days[0])->label, "undated");
	unit_read_free(&r);
	assert_int_equal(lib_npapers(h.lib), 4);
	p = by_title(&h, "A Title");
	assert_non_null(p);
	assert_int_equal(p->nsums, 1);
	assert_string_equal(lib_day(h.lib, p->days[0])->label, "May 9");
	assert_non_null(by_title(&h, "Lonely Title"));
	unit_read_free(&h);
}

static void
test_crlf_bom_same(void **state)
{
	const char *plain = "## Papers for 2024-01-01\n\n| Title | Authors | Summary |\n|---|---|---|\n| T (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | A | S |\n";
	const char *crlf = "\xEF\xBB\xBF## Papers for 2024-01-01\r\n\r\n| Title | Authors | Summary |\r\n|---|---|---|\r\n| T (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | A | S |\r\n";
	struct unit_read a = unit_read("a.md", plain), b = unit_read("b.md", crlf);

	(void)state;
	assert_int_equal(lib_npapers(a.lib), 1);
	assert_int_equal(lib_npapers(b.lib), 1);
	assert_string_equal(lib_paper(a.lib, 0)->sums[0].text, lib_paper(b.lib, 0)->sums[0].text);
	assert_string_equal(lib_paper(b.lib, 0)->id, "2401.00001");
	assert_int_equal(ingest_nmsgs(b.ing), 0);
	unit_read_free(&a);
	unit_read_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_columns_and_quirks),
		cmocka_unit_test(test_table_title_styles),
		cmocka_unit_test(test_ko),
		cmocka_unit_test(test_abstract_and_hfpage),
		cmocka_unit_test(test_crlf_bom_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
