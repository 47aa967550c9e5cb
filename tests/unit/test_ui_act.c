/* test_ui_act.c: carrying out actions: export, reload, copy, open, refusals (ui/act.h). */
#include "unit.h"

#include <dirent.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "model/lib.h"
#include "ui/load.h"
#include "ui/loop.h"
#include "ui/state.h"

/* A directory of its own to work in, removed with what is in it by leave(). */
struct tmpdir {
	char path[64];
	char *back;		/* the directory we came from */
};

/* Make a temporary directory and go there. */
static void
enter(struct tmpdir *d)
{
	strcpy(d->path, "/tmp/pbact.XXXXXX");
	assert_non_null(mkdtemp(d->path));
	d->back = getcwd(NULL, 0);
	assert_non_null(d->back);
	assert_int_equal(chdir(d->path), 0);
}

/* The names in the current directory that start with prefix (the first into *first). */
static int
count_names(const char *prefix, struct buf *first)
{
	DIR *dir = opendir(".");
	struct dirent *de;
	int n = 0;

	assert_non_null(dir);
	while ((de = readdir(dir)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 && n++ == 0 && first)
			buf_puts(first, de->d_name);
	closedir(dir);
	return n;
}

/* Go back and remove the directory and its files. */
static void
leave(struct tmpdir *d)
{
	DIR *dir = opendir(".");
	struct dirent *de;

	assert_non_null(dir);
	while ((de = readdir(dir)) != NULL)
		if (de->d_name[0] != '.')
			unlink(de->d_name);
	closedir(dir);
	assert_int_equal(chdir(d->back), 0);
	rmdir(d->path);
	free(d->back);
}

/* E b writes the list into a new file; a second export gets a name of its own. */
static void
test_export(void **unused)
{
	struct ui_state st;
	struct ui_act a;
	struct tmpdir d;
	struct buf name = BUF_INIT, file = BUF_INIT;
	unsigned f;

	(void)unused;
	enter(&d);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'b');
	f = ui_keys_handle(&st, KEYNAME_ENTER);	/* the generated name */
	assert_int_equal(ui_act_run(&a, &st, f), 0);
	assert_int_equal(count_names("paperboy-", &name), 1);
	assert_non_null(strstr(name.buf, ".bib"));
	assert_non_null(strstr(st.status.buf, "exported 2 papers to paperboy-"));
	assert_int_equal(safeio_read(name.buf, &file), 0);
	assert_non_null(strstr(file.buf, "eprint = {2505.00001}"));
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'b');
	ui_act_run(&a, &st, ui_keys_handle(&st, KEYNAME_ENTER));
	assert_int_equal(count_names("paperboy-", NULL), 2);
	/* nothing to export: nothing written */
	st.req.export_fmt = -1;
	ui_act_run(&a, &st, UI_ACT_EXPORT);
	assert_string_equal(st.status.buf, "nothing exported");
	assert_int_equal(count_names("paperboy-", NULL), 2);
	ui_act_free(&a, &st);
	ui_state_free(&st);
	leave(&d);
	buf_free(&name);
	buf_free(&file);
}

/* Type s at the open prompt, key by key. */
static void
type(struct ui_state *st, const char *s)
{
	while (*s)
		ui_keys_handle(st, (unsigned char)*s++);
}

/* E asks for the file name: the generated one to start with, editable; Esc writes nothing. */
static void
test_export_name(void **unused)
{
	struct ui_state st;
	struct ui_act a;
	struct tmpdir d;
	struct buf file = BUF_INIT, line = BUF_INIT;

	(void)unused;
	enter(&d);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	unit_fit(&st, 24, 80);
	/* the generated name is in the prompt */
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'm');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT_NAME);
	ui_prompt_text(&st, &line);
	assert_non_null(strstr(line.buf, "export to: paperboy-"));
	assert_non_null(strstr(line.buf, ".md"));
	/* Esc: nothing written */
	assert_false(ui_keys_handle(&st, KEYNAME_ESC) & UI_ACT_EXPORT);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(st.status.buf, "export cancelled");
	assert_int_equal(count_names("paperboy-", NULL), 0);
	/* edited: Ctrl-U empties it, a name of the user's own, Backspace */
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'j');
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	type(&st, "mine.jsonlx");
	ui_keys_handle(&st, KEYNAME_BACKSPACE);
	assert_int_equal(ui_act_run(&a, &st, ui_keys_handle(&st, KEYNAME_ENTER)), 0);
	assert_int_equal(safeio_read("mine.jsonl", &file), 0);
	assert_non_null(strstr(file.buf, "2505.00001"));
	assert_non_null(strstr(st.status.buf, "exported 2 papers to mine.jsonl"));
	/* an existing file is not replaced */
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'b');
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	type(&st, "mine.jsonl");
	ui_act_run(&a, &st, ui_keys_handle(&st, KEYNAME_ENTER));
	assert_non_null(strstr(st.status.buf, "'mine.jsonl' exists"));
	buf_setlen(&file, 0);
	assert_int_equal(safeio_read("mine.jsonl", &file), 0);
	assert_null(strstr(file.buf, "@misc"));
	/* an empty name writes nothing */
	ui_keys_handle(&st, 'E');
	ui_keys_handle(&st, 'b');
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	assert_false(ui_keys_handle(&st, KEYNAME_ENTER) & UI_ACT_EXPORT);
	assert_int_equal(count_names("paperboy-", NULL), 0);
	unlink("mine.jsonl");
	ui_act_free(&a, &st);
	ui_state_free(&st);
	leave(&d);
	buf_free(&file);
	buf_free(&line);
}

/* A load for the test, on the loader's thread: the library with Epsilon. */
static int
reload_more(void *arg, struct ui_load_ctl *ctl, struct lib **lib, struct buf *msg)
{
	(void)ctl;
	(*(int *)arg)++;
	buf_puts(msg, "reloaded for the test");
	*lib = unit_lib(1);
	return 1;
}

/* r: the load's library replaces the old one in the background, its message on the status line. */
static void
test_reload(void **unused)
{
	struct ui_loop *loop = ui_loop_new();
	struct ui_loader ld;
	struct ui_state st;
	struct ui_act a;
	int calls = 0, i;

	(void)unused;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	unit_fit(&st, 24, 80);
	ui_act_run(&a, &st, ui_keys_handle(&st, 'r'));
	assert_string_equal(st.status.buf, "reload is not available");
	ui_loader_init(&ld, loop, &st, reload_more, &calls, NULL);
	a.loader = &ld;
	ui_act_run(&a, &st, ui_keys_handle(&st, 'r'));
	assert_true(st.load.running);
	for (i = 0; i < 200 && st.load.running; i++)
		ui_loop_wait(loop, 50);
	assert_false(st.load.running);
	assert_int_equal(calls, 1);
	assert_string_equal(st.status.buf, "reloaded for the test");
	assert_int_equal(st.list.n, 3);
	assert_string_equal(unit_title(&st), "Alpha paper");	/* the selection is kept */
	assert_int_equal(ui_act_run(&a, &st, ui_keys_handle(&st, 'q')), 1);
	ui_loader_free(&ld);
	ui_act_free(&a, &st);
	ui_state_free(&st);
	ui_loop_free(loop);
}

/* y copies with OSC 52 (logged without a terminal); bad URLs are refused; o opens. */
static void
test_links(void **unused)
{
	static const struct link bad = { LINK_OTHER, "file:///etc/passwd" };
	struct ui_state st;
	struct ui_act a;
	struct tmpdir d;
	struct buf log = BUF_INIT;

	(void)unused;
	enter(&d);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	a.lo.osc52_log = "osc52.log";
	a.lo.ssh = 0;
	a.lo.open = LAUNCH_OPEN_BROWSER;
	a.lo.browser = "true";
	a.lo.path = NULL;				/* no local clipboard tool: OSC 52 */
	unit_fit(&st, 24, 80);
	assert_int_equal(ui_act_run(&a, &st, ui_keys_handle(&st, 'y')), 0);
	assert_string_equal(st.status.buf, "sent to the terminal's clipboard (OSC 52): https://arxiv.org/abs/2505.00001");
	assert_int_equal(safeio_read("osc52.log", &log), 0);
	assert_non_null(strstr(log.buf, "\033]52;c;"));
	assert_null(st.req.target);				/* the request is done */
	ui_act_run(&a, &st, ui_keys_handle(&st, 'o'));
	assert_string_equal(st.status.buf, "opened: https://arxiv.org/abs/2505.00001");
	st.req.target = &bad;
	ui_act_run(&a, &st, UI_ACT_OPEN);
	assert_non_null(strstr(st.status.buf, "refused: "));
	ui_act_free(&a, &st);
	ui_state_free(&st);
	leave(&d);
	buf_free(&log);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_export_name),
		cmocka_unit_test(test_reload),
		cmocka_unit_test(test_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
