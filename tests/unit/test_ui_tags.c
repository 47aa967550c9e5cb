/* test_ui_tags.c: tagging papers and acting on the tagged ones (ui/tags.h). */
#include "unit.h"

#include <stdio.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "export/export.h"
#include "marks/marks.h"
#include "model/lib.h"
#include "ui/state.h"

/* x tags and goes on, x again untags; the position counts them; X clears; a reload keeps them. */
static void
test_tag_untag(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;
	uint32_t alpha, beta;

	(void)state;
	buf_init(&b);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	alpha = st.list.v[0];
	beta = st.list.v[1];
	assert_null(strstr(unit_position(&st, &b), "tagged"));
	ui_keys_handle(&st, 'x');
	assert_true(ui_tags_has(&st, alpha));
	assert_int_equal(st.list.sel, 1);		/* on to the next paper, as neomutt */
	assert_int_equal(st.tags.n, 1);
	assert_non_null(strstr(unit_position(&st, &b), "paper 2/2 | 1 tagged"));
	ui_keys_handle(&st, 'x');			/* Beta; the last row stays */
	assert_int_equal(st.tags.n, 2);
	assert_int_equal(st.list.sel, 1);
	ui_keys_handle(&st, 'x');			/* Beta again: untagged */
	assert_false(ui_tags_has(&st, beta));
	assert_int_equal(st.tags.n, 1);
	assert_string_equal(st.status.buf, "untagged (; then s, u, o or E acts on the tagged)");
	/* tags stay across days, and a reload keeps them by paper key */
	st.nav.focus = UI_DAYS;
	ui_keys_handle(&st, 'j');
	st.nav.focus = UI_PAPERS;
	ui_keys_handle(&st, 'x');			/* Gamma */
	assert_int_equal(st.tags.n, 2);
	ui_state_replace_lib(&st, unit_lib(1));		/* Epsilon comes first now */
	assert_int_equal(st.tags.n, 2);
	assert_true(ui_tags_has(&st, 1));		/* Alpha moved one down */
	ui_keys_handle(&st, 'X');
	assert_int_equal(st.tags.n, 0);
	assert_string_equal(st.status.buf, "untagged 2 papers");
	assert_null(strstr(unit_position(&st, &b), "tagged"));
	ui_keys_handle(&st, ';');			/* nothing tagged: no prefix */
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(st.status.buf, "no tagged papers (x tags the selected one)");
	ui_state_free(&st);
	buf_free(&b);
}

/* ; s and ; u star and read the tagged papers, saved to the store at once; again undoes. */
static void
test_prefix_marks(void **state)
{
	char dir[] = "/tmp/pbtags.XXXXXX";
	struct buf path = BUF_INIT, file = BUF_INIT;
	struct ui_state st;
	struct marks *marks;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&path, "%s/state", dir);
	marks = unit_state_marks(&st, path.buf);
	ui_keys_handle(&st, 'x');
	ui_keys_handle(&st, 'x');			/* Alpha and Beta */
	ui_keys_handle(&st, ';');
	assert_int_equal(st.prompt.kind, UI_PROMPT_TAGGED);
	ui_keys_handle(&st, 's');
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(st.status.buf, "starred 2 tagged papers (2 starred)");
	assert_int_equal(safeio_read(path.buf, &file), 0);
	assert_non_null(strstr(file.buf, "arxiv:2505.00001\tstarred=1@"));
	assert_non_null(strstr(file.buf, "arxiv:2505.00002\tstarred=1@"));
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 's');			/* all starred: unstarred */
	assert_int_equal(st.marks.nstarred, 0);
	ui_keys_handle(&st, 'k');
	ui_keys_handle(&st, 's');			/* one starred by hand: ; s stars the other */
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 's');
	assert_string_equal(st.status.buf, "starred 1 tagged paper (2 starred)");
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 'u');
	assert_string_equal(st.status.buf, "marked 2 tagged papers read");
	assert_int_equal(st.marks.unread_day[0], 0);
	buf_setlen(&file, 0);
	assert_int_equal(safeio_read(path.buf, &file), 0);
	assert_non_null(strstr(file.buf, "arxiv:2505.00002\tread=1@"));
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 'u');			/* all read: unread */
	assert_string_equal(st.status.buf, "marked 2 tagged papers unread");
	assert_int_equal(st.marks.unread_day[0], 2);
	/* Esc and a key with no tagged meaning end the prefix */
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(st.status.buf, "cancelled");
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.list.sel, 0);		/* j did not move */
	assert_non_null(strstr(st.status.buf, "does nothing to tagged papers"));
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 'X');
	assert_int_equal(st.tags.n, 0);
	ui_state_free(&st);
	marks_free(marks);
	unlink(path.buf);
	buf_setlen(&file, 0);
	buf_printf(&file, "%s/state.lock", dir);
	unlink(file.buf);
	rmdir(dir);
	buf_free(&path);
	buf_free(&file);
}

/* A library of n papers on one day, each with an arXiv id (2505.1000K). */
static struct lib *
many_lib(size_t n)
{
	struct lib *lib = lib_new();
	char id[32], title[32];
	size_t k;

	for (k = 0; k < n; k++) {
		struct rec r;

		snprintf(id, sizeof id, "2505.%05zu", 10000 + k);
		snprintf(title, sizeof title, "Paper %zu", k);
		r = unit_rec(id, title, "2025-05-06");
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	return lib;
}

/* ; o opens the tagged papers' arXiv pages; more than UI_TAGS_OPEN_ASK asks first. */
static void
test_prefix_open(void **state)
{
	struct ui_state st;
	struct ui_act a;
	struct buf b = BUF_INIT;
	char dir[] = "/tmp/pbtago.XXXXXX", log[64];
	unsigned f;
	size_t i;

	(void)state;
	ui_state_init(&st, unit_lib(1), NULL, NULL);
	ui_act_init(&a, NULL);
	a.lo.ssh = 0;
	a.lo.open = LAUNCH_OPEN_BROWSER;
	a.lo.browser = "true";
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'x');			/* Epsilon: no id, no arXiv link */
	ui_keys_handle(&st, 'x');			/* Alpha */
	ui_keys_handle(&st, ';');
	f = ui_keys_handle(&st, 'o');
	assert_true(f & UI_ACT_OPEN_MANY);
	assert_int_equal(st.req.nurls, 1);
	assert_string_equal(st.req.urls[0], "https://arxiv.org/abs/2505.00001");
	assert_int_equal(ui_act_run(&a, &st, f), 0);
	assert_string_equal(st.status.buf, "opened 1 arXiv page");
	assert_int_equal(st.req.nurls, 0);		/* the request is cleared */
	/* every paper tagged: only the three with an id have a page, opened at once */
	for (i = 0; i < lib_npapers(st.lib); i++)
		ui_tags_set(&st, i, 1);
	ui_keys_handle(&st, ';');
	f = ui_keys_handle(&st, 'o');
	assert_true(f & UI_ACT_OPEN_MANY);
	assert_int_equal(st.req.nurls, 3);		/* Alpha, Beta and Gamma have an id */
	assert_int_equal(ui_act_run(&a, &st, f), 0);
	assert_string_equal(st.status.buf, "opened 3 arXiv pages");
	/* seven pages, more than five: a question first */
	ui_state_replace_lib(&st, many_lib(UI_TAGS_OPEN_ASK + 2));
	assert_int_equal(st.tags.n, 0);			/* no paper of the new library was tagged */
	for (i = 0; i < lib_npapers(st.lib); i++)
		ui_tags_set(&st, i, 1);
	ui_keys_handle(&st, ';');
	f = ui_keys_handle(&st, 'o');
	assert_false(f & UI_ACT_OPEN_MANY);
	assert_int_equal(st.prompt.kind, UI_PROMPT_OPEN_TAGGED);
	assert_int_equal(st.req.nurls, 0);
	buf_init(&b);
	ui_prompt_text(&st, &b);
	assert_string_equal(b.buf, "open 7 arXiv pages? (y/n): ");
	buf_free(&b);
	f = ui_keys_handle(&st, 'n');
	assert_false(f & UI_ACT_OPEN_MANY);
	assert_string_equal(st.status.buf, "nothing opened");
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 'o');
	f = ui_keys_handle(&st, 'y');
	assert_true(f & UI_ACT_OPEN_MANY);
	assert_int_equal(st.req.nurls, 7);
	assert_string_equal(st.req.urls[6], "https://arxiv.org/abs/2505.10006");
	assert_int_equal(ui_act_run(&a, &st, f), 0);
	assert_string_equal(st.status.buf, "opened 7 arXiv pages");
	/* over SSH no browser starts: the pages go to the clipboard at once, one a line */
	a.lo.ssh = 1;
	a.lo.open = LAUNCH_OPEN_AUTO;
	a.lo.path = NULL;				/* no local clipboard tool: OSC 52 */
	a.lo.osc52_log = log;
	assert_non_null(mkdtemp(dir));
	snprintf(log, sizeof log, "%s/osc52.log", dir);
	ui_keys_handle(&st, 'x');
	ui_keys_handle(&st, 'x');			/* two untagged: 5 left, no question */
	ui_keys_handle(&st, ';');
	assert_int_equal(ui_act_run(&a, &st, ui_keys_handle(&st, 'o')), 0);
	assert_string_equal(st.status.buf, "sent to the terminal's clipboard (OSC 52), "
	    "over SSH no browser is started: 5 arXiv pages, one a line");
	buf_init(&b);
	assert_int_equal(safeio_read(log, &b), 0);
	assert_non_null(strstr(b.buf, "\033]52;c;"));
	unlink(log);
	rmdir(dir);
	buf_free(&b);
	ui_act_free(&a, &st);
	ui_state_free(&st);
}

/* E with papers tagged exports them, not the list; ; E too. */
static void
test_export_tagged(void **state)
{
	char dir[] = "/tmp/pbtagx.XXXXXX";
	char *back = getcwd(NULL, 0);
	struct ui_state st;
	struct ui_act a;
	struct buf file = BUF_INIT;
	unsigned f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chdir(dir), 0);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'j');
	ui_keys_handle(&st, 'x');			/* Beta only */
	ui_keys_handle(&st, ';');
	ui_keys_handle(&st, 'E');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT);
	assert_non_null(strstr(st.status.buf, "export the 1 tagged paper as"));
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.req.export_fmt, EXPORT_JSONL);
	assert_non_null(strstr(st.prompt.input.buf, "paperboy-tagged-"));	/* the name offered */
	f = ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(ui_act_run(&a, &st, f), 0);
	assert_non_null(strstr(st.status.buf, "exported 1 tagged paper to paperboy-tagged-"));
	assert_int_equal(safeio_read(strstr(st.status.buf, "paperboy-tagged-"), &file), 0);
	assert_non_null(strstr(file.buf, "Beta paper"));
	assert_null(strstr(file.buf, "Alpha paper"));
	unlink(strstr(st.status.buf, "paperboy-tagged-"));
	ui_act_free(&a, &st);
	ui_state_free(&st);
	assert_int_equal(chdir(back), 0);
	rmdir(dir);
	free(back);
	buf_free(&file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tag_untag),
		cmocka_unit_test(test_prefix_marks),
		cmocka_unit_test(test_prefix_open),
		cmocka_unit_test(test_export_tagged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
