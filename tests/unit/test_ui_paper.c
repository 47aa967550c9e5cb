/* test_ui_paper.c: the selected paper's links and summaries (ui/paper.h). */
#include "unit.h"

#include "base/buf.h"
#include "model/lib.h"
#include "store/store.h"
#include "ui/state.h"

/* The Links pane adds the arXiv page, PDF and HF page by id; o, y and 1-9 pick targets. */
static void
test_state_links(void **state)
{
	struct ui_state st;
	struct buf h = BUF_INIT;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	/* Alpha: arxiv + github from the source; the abs link is not repeated;
	 * fixed numbers: arXiv 1, PDF 2, Hugging Face 3, then code */
	assert_int_equal(st.paper.nlinks, 4);
	assert_string_equal(st.paper.links[0].url, "https://arxiv.org/abs/2505.00001");
	assert_int_equal(st.paper.links[1].kind, LINK_PDF);
	assert_string_equal(st.paper.links[1].url, "https://arxiv.org/pdf/2505.00001");
	assert_int_equal(st.paper.links[2].kind, LINK_HUGGINGFACE);
	assert_string_equal(st.paper.links[2].url, "https://huggingface.co/papers/2505.00001");
	assert_string_equal(st.paper.links[3].url, "https://github.com/x/y");
	/* o opens the arXiv page from any pane; y copies it outside the Links pane */
	assert_true(ui_keys_handle(&st, 'o') & UI_ACT_OPEN);
	assert_string_equal(st.req.target->url, "https://arxiv.org/abs/2505.00001");
	assert_true(ui_keys_handle(&st, 'y') & UI_ACT_COPY);
	assert_string_equal(st.req.target->url, "https://arxiv.org/abs/2505.00001");
	/* number keys only in the Links pane */
	assert_false(ui_keys_handle(&st, '3') & UI_ACT_OPEN);
	assert_string_equal(st.status.buf, "number keys open links in the Links pane");
	ui_keys_handle(&st, 'l');
	ui_keys_handle(&st, 'l');
	assert_int_equal(st.nav.focus, UI_LINKS);
	assert_true(ui_keys_handle(&st, '3') & UI_ACT_OPEN);
	assert_int_equal(st.paper.link, 2);
	assert_string_equal(st.req.target->url, "https://huggingface.co/papers/2505.00001");
	assert_true(ui_keys_handle(&st, '2') & UI_ACT_OPEN);
	assert_string_equal(st.req.target->url, "https://arxiv.org/pdf/2505.00001");
	assert_true(ui_keys_handle(&st, 'y') & UI_ACT_COPY);
	assert_string_equal(st.req.target->url, "https://arxiv.org/pdf/2505.00001");
	assert_false(ui_keys_handle(&st, '9') & UI_ACT_OPEN);
	assert_string_equal(st.status.buf, "no link 9 (this paper has 4)");
	/* Beta has no links: all three are built from its id */
	ui_keys_handle(&st, 'h');
	ui_keys_handle(&st, 'h');
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.paper.nlinks, 3);
	assert_string_equal(st.paper.links[0].url, "https://arxiv.org/abs/2505.00002");
	assert_int_equal(st.paper.link, 0);
	/* the help lists the new keys, digits as a range */
	buf_init(&h);
	ui_help_build(&st, 0, &h);
	assert_non_null(strstr(h.buf, "  1-9 "));
	assert_non_null(strstr(h.buf, "  o "));
	assert_non_null(strstr(h.buf, "  y "));
	buf_free(&h);
	ui_state_free(&st);
}

/* Link numbers are fixed: arXiv, PDF, HF, code, ..., a thumbnail listed first in the source last. */
static void
test_state_link_order(void **state)
{
	static const struct link links[] = {
		{ LINK_THUMBNAIL, "https://example.org/t.png" },
		{ LINK_GITHUB, "https://github.com/a/b" },
		{ LINK_PDF, "https://arxiv.org/pdf/2505.00009" },
	};
	struct ui_state st;
	struct lib *lib = lib_new();
	struct rec r = unit_rec("2505.00009", "Thumb paper", "2025-05-06");

	(void)state;
	r.file = "t";
	r.source = "table";
	r.links = links;
	r.nlinks = 3;
	lib_add_paper(lib, &r);
	lib_finish(lib);
	ui_state_init(&st, lib, NULL, NULL);
	unit_fit(&st, 24, 80);
	assert_int_equal(st.paper.nlinks, 5);
	assert_int_equal(st.paper.links[0].kind, LINK_ARXIV);
	assert_int_equal(st.paper.links[1].kind, LINK_PDF);
	assert_int_equal(st.paper.links[2].kind, LINK_HUGGINGFACE);
	assert_int_equal(st.paper.links[3].kind, LINK_GITHUB);
	assert_int_equal(st.paper.links[4].kind, LINK_THUMBNAIL);
	ui_nav_focus(&st, UI_LINKS);
	assert_true(ui_keys_handle(&st, '3') & UI_ACT_OPEN);
	assert_string_equal(st.req.target->url, "https://huggingface.co/papers/2505.00009");
	ui_state_free(&st);
}

/* t cycles summaries and remembers the language; --lang picks the first. */
static void
test_state_lang(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, unit_lib(0), "ko", NULL);
	unit_fit(&st, 24, 80);
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "ko");
	ui_keys_handle(&st, 't');
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "en");
	assert_string_equal(st.status.buf, "language 1 of 2");
	ui_keys_handle(&st, 't');
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "ko");
	assert_string_equal(st.status.buf, "language 2 of 2");
	ui_keys_handle(&st, 'j');	/* Beta has only English */
	ui_keys_handle(&st, 't');
	assert_string_equal(st.status.buf, "no other language");
	ui_keys_handle(&st, 'T');
	assert_string_equal(st.status.buf, "no other version in this language");
	ui_keys_handle(&st, 'w');
	assert_string_equal(st.status.buf, "unknown key w (? shows the keys)");
	ui_keys_handle(&st, '?');
	assert_true(st.help.open);
	ui_keys_handle(&st, 'q');	/* q closes the help first */
	assert_false(st.help.open);
	ui_keys_handle(&st, '?');
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_false(st.help.open);
	ui_state_free(&st);
}

/* Add a paper with one summary of text txt from the file at path to lib. */
static void
add_version(struct lib *lib, const char *id, const char *path, const char *txt)
{
	struct block b[] = { { BLOCK_PARA, NULL, txt } };
	struct rec r = unit_rec(id, id, "2025-05-06");

	r.file = path;
	r.source = "table";
	r.blocks = b;
	r.nblocks = 1;
	lib_add_paper(lib, &r);
}

/*
 * t moves between languages, T between the publishers' versions of one;
 * both stay chosen from paper to paper; the status line names the
 * publisher (from the path), once; a search shows the summary it matched.
 */
static void
test_state_versions(void **state)
{
	static const char ko[] = "\xED\x95\x9C\xEA\xB8\x80 \xEC\x9A\x94\xEC\x95\xBD \xEC\x9E\x85\xEB\x8B\x88\xEB\x8B\xA4";
	struct ui_state st;
	struct lib *lib = lib_new();
	struct buf b = BUF_INIT;

	(void)state;
	add_version(lib, "2505.00011", "r/gabrielchua-daily-ai-papers/archive/2025/05/06.md", "One by gabriel.");
	add_version(lib, "2505.00011", "r/timlrx-daily-ai-papers/daily_results/2025/05/06.json", "One by tim.");
	add_version(lib, "2505.00011", "lib/ko-digest/2025/05/06.md", ko);
	add_version(lib, "2505.00012", "r/gabrielchua-daily-ai-papers/archive/2025/05/06.md", "Two by gabriel.");
	add_version(lib, "2505.00012", "r/timlrx-daily-ai-papers/daily_results/2025/05/06.json", "Two by tim zebra.");
	add_version(lib, "2505.00012", "lib/ko-digest/2025/05/06.md", ko);
	lib_finish(lib);
	ui_state_init(&st, lib, NULL, NULL);
	unit_fit(&st, 24, 80);
	buf_init(&b);
	ui_paper_sum_name(&st, &b);
	assert_string_equal(b.buf, "en from gabrielchua, 1 of 2");
	ui_keys_handle(&st, 'T');
	assert_string_equal(st.status.buf, "");	/* the Summary title says it: said once */
	buf_setlen(&b, 0);
	ui_paper_sum_name(&st, &b);
	assert_string_equal(b.buf, "en from timlrx, 2 of 2");
	buf_setlen(&b, 0);
	ui_state_position(&st, &b);
	assert_string_equal(b.buf, "paper 1/2 | 2025-05-06");
	ui_keys_handle(&st, 'z');		/* Papers fills the screen: the status line names it */
	unit_fit(&st, 24, 80);
	buf_setlen(&b, 0);
	ui_state_position(&st, &b);
	assert_string_equal(b.buf, "paper 1/2 | 2025-05-06 | en from timlrx, 2 of 2");
	ui_keys_handle(&st, 'z');
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 't');
	buf_setlen(&b, 0);
	ui_paper_sum_name(&st, &b);
	assert_string_equal(b.buf, "ko from ko-digest");
	assert_string_equal(st.status.buf, "language 2 of 2");
	/* the next paper: Korean stays chosen */
	ui_keys_handle(&st, 'j');
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "ko");
	ui_keys_handle(&st, 't');
	ui_keys_handle(&st, 'T');
	ui_keys_handle(&st, 'k');	/* timlrx's English stays chosen */
	buf_setlen(&b, 0);
	ui_paper_sum_name(&st, &b);
	assert_string_equal(b.buf, "en from timlrx, 2 of 2");
	ui_keys_handle(&st, 'T');
	/* a search that matches only tim's version of the second paper shows it */
	ui_keys_handle(&st, '/');
	unit_type(&st, "zebra");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_string_equal(unit_title(&st), "2505.00012");
	assert_non_null(strstr(ui_list_paper(&st)->sums[st.paper.sum].text, "zebra"));
	buf_free(&b);
	ui_state_free(&st);
}

/* True when the laid-out summary holds text. */
static int
shows(const struct ui_state *st, const char *text)
{
	return st->paper.sv.text.buf && strstr(st->paper.sv.text.buf, text) != NULL;
}

/*
 * A light library holds no summary and no author: the selected paper,
 * and the papers E exports, are read in full from the store; a paper the
 * store lacks says why.
 */
static void
test_light_library(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT, msg = BUF_INIT;
	struct ui_state st;
	const struct paper *v[3];
	struct lib *full;
	size_t i;

	(void)state;
	unit_write_store_lib(dir, sizeof dir, &file);
	ui_state_init(&st, unit_parse_path_light(dir, 1), NULL, NULL);
	unit_fit(&st, 24, 80);
	assert_string_equal(unit_title(&st), "Gamma Paper");
	assert_int_equal(ui_list_paper(&st)->nsums, 0);		/* no store yet */
	assert_false(shows(&st, "Video transformers."));
	ui_keys_handle(&st, '/');				/* nor an index */
	unit_type(&st, "paper");
	assert_string_equal(st.status.buf, "match 2 of 2 (titles only until the search index is ready)");
	ui_keys_handle(&st, KEYNAME_ESC);
	ui_search_set_store(&st, unit_indexed_store(dir, &db), NULL, NULL);
	unit_fit(&st, 24, 80);
	assert_int_equal(ui_list_paper(&st)->nsums, 1);
	assert_int_equal(ui_list_paper(&st)->nauthors, 1);
	assert_true(ui_paper_lib(&st) != st.lib);
	assert_true(shows(&st, "Video transformers."));
	assert_true(shows(&st, "Ann Lee"));
	assert_true(shows(&st, "2024-01-02"));
	ui_keys_handle(&st, 'j');				/* the next paper, read in turn */
	unit_fit(&st, 24, 80);
	assert_string_equal(unit_title(&st), "Delta Paper");
	assert_true(shows(&st, "Bo Kim"));
	assert_false(shows(&st, "Ann Lee"));
	/* the index searches the text the library does not hold; what it declines, titles only */
	ui_keys_handle(&st, '/');
	unit_type(&st, "transformers.");
	assert_string_equal(st.status.buf, "match 1 of 2");
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	unit_type(&st, "\xE1\x84\x80 \xE1\x84\x82");	/* too short for a trigram without its gap */
	assert_string_equal(st.status.buf, "no match (titles only: the index cannot take this query)");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_string_equal(unit_title(&st), "Delta Paper");
	/* E's papers, in the list's order */
	for (i = 0; i < 3; i++)
		v[i] = lib_paper(st.lib, 2 - i);
	assert_int_equal(ui_paper_full_list(&st, v, 3, &full, &msg), 0);
	assert_non_null(full);
	for (i = 0; i < 3; i++) {
		assert_string_equal(v[i]->key, lib_paper(st.lib, 2 - i)->key);
		assert_int_equal(v[i]->nsums, 1);
		assert_int_equal(v[i]->nauthors, 1);
	}
	lib_free(full);
	/* a paper the store does not have (yet) */
	unit_append(file.buf, "| Epsilon Paper | Di Wu | Epsilon text. |\n");
	ui_state_replace_lib(&st, unit_parse_path_light(dir, 1));
	ui_list_go_to(&st, 3);
	assert_string_equal(unit_title(&st), "Epsilon Paper");
	assert_string_equal(st.status.buf, "cannot show the paper's summary: it is not in the store");
	for (i = 0; i < 3; i++)
		v[i] = lib_paper(st.lib, i + 1);
	assert_int_equal(ui_paper_full_list(&st, v, 3, &full, &msg), -1);
	assert_null(full);
	assert_string_equal(msg.buf, "the library store does not hold every paper");
	ui_state_free(&st);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
	buf_free(&msg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_links),
		cmocka_unit_test(test_state_link_order),
		cmocka_unit_test(test_state_lang),
		cmocka_unit_test(test_state_versions),
		cmocka_unit_test(test_light_library),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
