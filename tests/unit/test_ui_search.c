/* test_ui_search.c: searching from the reader, and what a search must not change (ui/search.h). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/lib.h"
#include "model/search.h"
#include "ingest/ingest.h"
#include "settings/keyname.h"
#include "store/index.h"
#include "store/store.h"
#include "ui/state.h"

/* Search: as you type, any case, NFD Hangul; n/N; Tab scope; Esc goes back. */
static void
test_search_keys(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, '/');
	assert_int_equal(st.prompt.kind, UI_PROMPT_SEARCH);
	unit_type(&st, "GAMMA");
	assert_string_equal(unit_title(&st), "Gamma paper");
	assert_string_equal(st.status.buf, "match 1 of 1");
	buf_init(&b);
	ui_prompt_text(&st, &b);
	assert_string_equal(b.buf, "/GAMMA");
	buf_free(&b);
	ui_keys_handle(&st, KEYNAME_ESC);		/* back where we were */
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(unit_title(&st), "Alpha paper");
	assert_false(st.search.active);
	/* NFD jamo find the NFC Korean summary of the untitled paper */
	ui_keys_handle(&st, '/');
	unit_type(&st, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");	/* 한 in NFD */
	assert_string_equal(unit_title(&st), "Alpha paper");	/* its Korean summary */
	assert_string_equal(st.status.buf, "match 1 of 2");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_true(st.search.active);
	ui_keys_handle(&st, 'n');
	assert_int_equal(lib_day(st.lib, st.list.day)->kind, DAY_NONE);
	/* "paper" matches every titled paper; n and N walk them across days */
	ui_keys_handle(&st, '/');
	unit_type(&st, "pap");
	ui_keys_handle(&st, KEYNAME_BACKSPACE);
	unit_type(&st, "per");
	assert_string_equal(unit_title(&st), "Alpha paper");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'n');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_string_equal(st.status.buf, "/paper: match 2 of 4");
	ui_keys_handle(&st, 'n');
	assert_string_equal(unit_title(&st), "Gamma paper");
	ui_keys_handle(&st, 'N');
	assert_string_equal(unit_title(&st), "Beta paper");
	/* Tab limits the search to the current list */
	ui_keys_handle(&st, '/');
	ui_keys_handle(&st, '\t');
	unit_type(&st, "gamma");
	assert_string_equal(st.status.buf, "no match on this day");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_string_equal(unit_title(&st), "Beta paper");
	ui_state_free(&st);
}

/* Review regressions: what a search, a reload or a filter must not change. */
static void
test_triage_regressions(void **state)
{
	struct ui_state st;
	struct search_span sp[2];
	size_t n;

	(void)state;
	/* Esc after a search brings back the filter and minimum votes */
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'v');
	unit_type(&st, "20");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, '/');
	unit_type(&st, "gamma");				/* hidden by the minimum: cleared */
	assert_string_equal(unit_title(&st), "Gamma paper");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.list.min_votes, 20);
	assert_int_equal(st.list.n, 1);
	assert_string_equal(unit_title(&st), "Alpha paper");
	/* a reload keeps the search's query, not the last prompt's text */
	ui_keys_handle(&st, 'v');
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, '/');
	unit_type(&st, "beta");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'v');
	unit_type(&st, "5");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_state_replace_lib(&st, unit_lib(0));
	assert_true(st.search.active);
	ui_keys_handle(&st, 'n');
	assert_string_equal(st.status.buf, "/beta: match 1 of 1");
	/* with nothing selected, n goes to the first match */
	ui_keys_handle(&st, 'S');			/* nothing starred: empty */
	assert_null(ui_list_paper(&st));
	ui_keys_handle(&st, '/');
	unit_type(&st, "paper");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_string_equal(unit_title(&st), "Alpha paper");
	ui_keys_handle(&st, 'S');			/* the Starred view again... */
	ui_keys_handle(&st, 'S');
	ui_keys_handle(&st, 'S');
	assert_int_equal(st.list.view, UI_VIEW_STARRED);
	assert_null(ui_list_paper(&st));
	ui_keys_handle(&st, 'n');			/* ...where n starts at the first */
	assert_string_equal(unit_title(&st), "Alpha paper");
	assert_string_equal(st.status.buf, "/paper: match 1 of 4");
	ui_state_free(&st);

	/* on open: only papers the user moves to are read, not rebuilt selections */
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	st.marks.markread = SETTINGS_MARK_OPEN;
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'G');			/* Beta: read */
	ui_keys_handle(&st, 'u');			/* unread by hand */
	ui_keys_handle(&st, '/');
	unit_type(&st, "gamma");				/* passes Gamma while typing */
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_false(st.marks.read[st.list.v[st.list.sel]]);	/* going back did not read it */
	assert_false(st.marks.read[2]);			/* nor Gamma */
	ui_keys_handle(&st, 'f');			/* unread only: a rebuilt list */
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	assert_int_equal(st.list.n, 2);			/* nothing was used up */
	ui_state_replace_lib(&st, unit_lib(1));	/* Epsilon arrives first */
	assert_false(st.marks.read[0]);
	ui_state_free(&st);

	/* a Hangul syllable does not match inside a longer one */
	{
		struct lib *lib = unit_lib(0);
		struct search *s = search_new(lib);

		search_set(s, "\xED\x95\x98", 3);		/* 하 */
		n = search_spans(s, "\xED\x95\x9C \xED\x95\x98", 7, sp, 2);	/* 한 하 */
		assert_int_equal(n, 1);
		assert_int_equal(sp[0].off, 4);
		search_set(s, "\xED\x95\x9C", 3);		/* 한 still matches 한 */
		assert_int_equal(search_spans(s, "\xED\x95\x9C", 3, sp, 2), 1);
		search_free(s);
		lib_free(lib);
	}
	assert_int_equal(keyname_parse("F1x"), -1);
	assert_int_equal(keyname_parse("F12"), KEYNAME_F1 + 11);
}

/* With a store, the index answers the reader's searches; a library the store does not hold is searched itself. */
static void
test_search_through_store(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT, p = BUF_INIT;
	struct ui_state st;
	struct store *s;
	struct index *ix;

	(void)state;
	unit_write_store_lib(dir, sizeof dir, &file);
	ui_state_init(&st, unit_parse_path(dir), NULL, NULL);
	unit_fit(&st, 24, 80);
	s = unit_indexed_store(dir, &db);
	ix = index_new(s);				/* bound and warmed as the load's thread does */
	index_bind(ix, st.lib);
	assert_int_equal(index_warm(ix, &p), 0);
	ui_search_set_store(&st, s, ix, st.lib);
	ui_keys_handle(&st, '/');
	unit_type(&st, "TRANSFORMERS");
	assert_non_null(st.search.hits);			/* the index answered */
	assert_int_equal(search_paper(st.search.match, 0) + search_paper(st.search.match, 1) +
	    search_paper(st.search.match, 2), 2);
	assert_string_equal(st.status.buf, "match 1 of 2");
	/* L lists them newest first; O ranks them, a title match first, and back */
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'L');
	assert_int_equal(st.list.nfound, 2);
	assert_string_equal(lib_paper(st.lib, st.list.found[0])->title, "Gamma Paper");
	ui_keys_handle(&st, 'O');
	assert_string_equal(st.status.buf, "best match first");
	assert_string_equal(lib_paper(st.lib, st.list.found[0])->title, "Alpha Transformers");
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Alpha Transformers");
	ui_keys_handle(&st, 'O');
	assert_string_equal(st.status.buf, "newest first");
	assert_string_equal(lib_paper(st.lib, st.list.found[0])->title, "Gamma Paper");
	ui_keys_handle(&st, 'q');
	ui_keys_handle(&st, '/');
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	unit_type(&st, "\xEA\xB0\x95\xED\x99\x94 \xED\x95\x99");	/* 강화 학: a space or none */
	assert_string_equal(unit_title(&st), "Delta Paper");
	assert_string_equal(st.status.buf, "match 1 of 1");
	ui_keys_handle(&st, KEYNAME_ENTER);
	/* a library with a paper more than the store: the papers are searched, the same query kept */
	unit_append(file.buf, "| Epsilon Paper | Di Wu | Diffusion transformers again. |\n");
	ui_state_replace_lib(&st, unit_parse_path(dir));
	assert_true(st.search.active);
	ui_keys_handle(&st, '/');
	unit_type(&st, "transformers");
	assert_null(st.search.hits);
	assert_string_equal(st.status.buf, "match 1 of 3");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'L');
	ui_keys_handle(&st, 'O');		/* no index answer: no ranking */
	assert_string_equal(st.status.buf,
	    "results stay newest first (best match first needs the library store's index)");
	ui_keys_handle(&st, 'q');
	ui_keys_handle(&st, '/');
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_state_free(&st);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
	buf_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_keys),
		cmocka_unit_test(test_triage_regressions),
		cmocka_unit_test(test_search_through_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
