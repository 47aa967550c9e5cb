/* test_ui_prompt.c: the line typed at the bottom: votes, search text, export (ui/prompt.h). */
#include "unit.h"

#include "base/buf.h"
#include "export/export.h"
#include "ui/state.h"

/* The prompt line as the status line shows it. */
static const char *
prompt_line(const struct ui_state *st, struct buf *b)
{
	buf_setlen(b, 0);
	ui_prompt_text(st, b);
	return b->buf;
}

/* Minimum votes: digits only, at most nine, Backspace edits, Esc cancels. */
static void
test_votes(void **unused)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)unused;
	buf_init(&b);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'v');
	assert_int_equal(st.prompt.kind, UI_PROMPT_VOTES);
	unit_type(&st, "1\xC3\xA9" "2x345678901");
	assert_string_equal(prompt_line(&st, &b), "minimum votes: 123456789");
	ui_keys_handle(&st, KEYNAME_BACKSPACE);
	assert_string_equal(prompt_line(&st, &b), "minimum votes: 12345678");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(st.status.buf, "cancelled");
	assert_int_equal(st.list.min_votes, 0);
	assert_string_equal(prompt_line(&st, &b), "");
	/* reopened: empty again */
	ui_keys_handle(&st, 'v');
	assert_string_equal(prompt_line(&st, &b), "minimum votes: ");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_string_equal(st.status.buf, "any number of votes");
	buf_free(&b);
	ui_state_free(&st);
}

/* The search text: Backspace takes a whole character; controls are not typed. */
static void
test_search_text(void **unused)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)unused;
	buf_init(&b);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, '/');
	unit_type(&st, "\xED\x95\x9C\xEA\xB8\x80");		/* 한글 */
	ui_keys_handle(&st, 0x85);				/* NEL, a C1 control */
	ui_keys_handle(&st, 0x202E);				/* RIGHT-TO-LEFT OVERRIDE */
	ui_keys_handle(&st, KEYNAME_F1);
	assert_string_equal(prompt_line(&st, &b), "/\xED\x95\x9C\xEA\xB8\x80");
	ui_keys_handle(&st, KEYNAME_BACKSPACE);
	assert_string_equal(prompt_line(&st, &b), "/\xED\x95\x9C");
	ui_keys_handle(&st, '\t');
	assert_string_equal(prompt_line(&st, &b), "(this day) /\xED\x95\x9C");
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	assert_string_equal(prompt_line(&st, &b), "(this day) /");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	buf_free(&b);
	ui_state_free(&st);
}

/* The export prompt takes one key: b, m or j (then the file name), anything else cancels. */
static void
test_export_answer(void **unused)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)unused;
	buf_init(&b);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'E');
	assert_string_equal(prompt_line(&st, &b), "export as b)ibtex, m)arkdown, j)son lines: ");
	assert_string_equal(st.status.buf, "export 2 papers as b)ibtex, m)arkdown or j)son lines?");
	assert_false(ui_keys_handle(&st, 'x') & UI_ACT_EXPORT);
	assert_string_equal(st.status.buf, "export cancelled");
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'j');		/* then the file name: Enter takes the generated one */
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT_NAME);
	assert_true(ui_keys_handle(&st, KEYNAME_ENTER) & UI_ACT_EXPORT);
	assert_int_equal(st.req.export_fmt, EXPORT_JSONL);
	buf_free(&b);
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_votes),
		cmocka_unit_test(test_search_text),
		cmocka_unit_test(test_export_answer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
