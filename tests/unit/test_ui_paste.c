/* test_ui_paste.c: bracketed paste read from the terminal in large pieces
 * (ui/paste.c), what the reader does with the text (ui_prompt_paste: it
 * goes into the prompt, never runs a command), and keys handled in a
 * batch (ui_search_batch: one search at its end). */
#include "unit.h"

#include <sys/wait.h>
#include <unistd.h>

#include "ui/paste.h"
#include "ui/state.h"

#define END "\033[201~"

/* Write s (n bytes) to fd. */
static void
put(int fd, const char *s, size_t n)
{
	assert_int_equal(write(fd, s, n), (ssize_t)n);
}

static void
test_read_to_end_marker(void **state)
{
	struct buf out = BUF_INIT, rest = BUF_INIT;
	int p[2], ended;
	size_t n;

	(void)state;
	assert_int_equal(pipe(p), 0);
	put(p[1], "Voila voice\nsuoEm\033[2J" END "jk", 17 + 4 + 6 + 2);
	n = ui_paste_read(p[0], &out, 4096, &rest, 100, &ended);
	assert_true(ended);
	assert_int_equal(n, 21);
	assert_memory_equal(out.buf, "Voila voice\nsuoEm\033[2J", 21);	/* raw: cleaning is later */
	assert_string_equal(rest.buf, "jk");	/* typed after the paste: given back */
	close(p[0]);
	close(p[1]);
	buf_free(&out);
	buf_free(&rest);
}

/* The end marker split across two reads is still found. */
static void
test_marker_split(void **state)
{
	struct buf out = BUF_INIT, rest = BUF_INIT;
	int p[2], ended, status;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		if (write(p[1], "abc\033[2", 6) != 6)
			_exit(1);
		usleep(100000);	/* the reader sees the first half alone */
		if (write(p[1], "01~z", 4) != 4)
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	assert_int_equal(ui_paste_read(p[0], &out, 4096, &rest, 2000, &ended), 3);
	assert_true(ended);
	assert_string_equal(out.buf, "abc");
	assert_string_equal(rest.buf, "z");
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(p[0]);
	buf_free(&out);
	buf_free(&rest);
}

/* A 1 MB paste: read whole (to find its end), the first max bytes kept. */
static void
test_megabyte(void **state)
{
	struct buf out = BUF_INIT, rest = BUF_INIT, big = BUF_INIT;
	int p[2], ended, status;
	pid_t pid;
	size_t i;

	(void)state;
	for (i = 0; i < (1 << 20); i++)
		buf_addch(&big, "abc\n\033xyz"[i % 8]);
	buf_puts(&big, END);
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		_exit(write(p[1], big.buf, big.len) == (ssize_t)big.len ? 0 : 1);
	}
	close(p[1]);
	assert_int_equal(ui_paste_read(p[0], &out, 4096, &rest, 2000, &ended), 1 << 20);
	assert_true(ended);
	assert_int_equal(out.len, 4096);
	assert_memory_equal(out.buf, big.buf, 4096);
	assert_int_equal(rest.len, 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
	buf_free(&out);
	buf_free(&rest);
	buf_free(&big);
}

/* No end marker (a broken terminal): what came is the paste, after the wait. */
static void
test_no_end_marker(void **state)
{
	struct buf out = BUF_INIT, rest = BUF_INIT;
	int p[2], ended;

	(void)state;
	assert_int_equal(pipe(p), 0);
	put(p[1], "half a paste\033[20", 17);
	assert_int_equal(ui_paste_read(p[0], &out, 4096, &rest, 50, &ended), 17);
	assert_false(ended);
	assert_string_equal(out.buf, "half a paste\033[20");
	close(p[0]);
	close(p[1]);
	buf_free(&out);
	buf_free(&rest);
}

/* A small library: three papers, one with an arXiv link. */
static struct lib *
make_lib(void)
{
	static const struct link link = { LINK_ARXIV, "https://arxiv.org/abs/2505.00001" };
	static const char *const titles[] = { "Voila: Voice-Language Models", "Beta paper", "Gamma" };
	struct lib *lib = lib_new();
	struct block b = { BLOCK_PARA, NULL, "A summary about voice." };
	struct rec r;
	size_t i;

	for (i = 0; i < 3; i++) {
		memset(&r, 0, sizeof r);
		r.file = "t";
		r.source = "table";
		r.votes = (long)(10 - i);
		r.title = titles[i];
		r.day = "2025-05-06";
		r.blocks = &b;
		r.nblocks = 1;
		r.links = i == 0 ? &link : NULL;
		r.nlinks = i == 0;
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	return lib;
}

/* A state on the small library, fitted to 80x24. */
static void
start(struct ui_state *st)
{
	ui_state_init(st, make_lib(), NULL, NULL);
	unit_fit(st, 24, 80);
}

/* "Voila voice\nsuoEm" once starred, opened and exported; now it is only a query. */
static void
test_paste_never_runs_commands(void **state)
{
	static const char text[] = "Voila voice\nsuoEm\033[31m\x07\xc2\x9b\t!";
	struct ui_state st;
	unsigned a;

	(void)state;
	start(&st);
	/* no prompt: ignored, nothing starred, opened or exported */
	a = ui_prompt_paste(&st, text, sizeof text - 1);
	assert_int_equal(a, UI_ACT_REDRAW);
	assert_int_equal(st.marks.nstarred, 0);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_non_null(strstr(st.status.buf, "paste ignored"));
	/* in the search prompt: one line, controls gone, still the prompt */
	ui_keys_handle(&st, '/');
	a = ui_prompt_paste(&st, text, sizeof text - 1);
	assert_int_equal(a, UI_ACT_REDRAW);
	assert_int_equal(st.prompt.kind, UI_PROMPT_SEARCH);
	assert_string_equal(st.prompt.input.buf, "Voila voice suoEm[31m !");
	assert_int_equal(st.marks.nstarred, 0);
	assert_false(st.marks.read[0] || st.marks.read[1] || st.marks.read[2]);
	/* the export prompt takes one key, not a paste */
	ui_keys_handle(&st, KEYNAME_ESC);
	ui_keys_handle(&st, 'E');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT);
	assert_false(ui_prompt_paste(&st, "b", 1) & UI_ACT_EXPORT);
	/* the file name prompt takes text, cleaned, and writes nothing until Enter */
	ui_keys_handle(&st, 'b');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT_NAME);
	ui_keys_handle(&st, KEYNAME_CTRL('u'));
	assert_false(ui_prompt_paste(&st, "my\033[2Jfile\n.bib", 15) & UI_ACT_EXPORT);
	assert_string_equal(st.prompt.input.buf, "my[2Jfile .bib");
	ui_keys_handle(&st, KEYNAME_ESC);
	/* the go-to-day prompt too */
	ui_keys_handle(&st, 'D');
	ui_prompt_paste(&st, "2025-05\n", 8);
	assert_string_equal(st.prompt.input.buf, "2025-05 ");
	assert_int_equal(st.prompt.kind, UI_PROMPT_DAY);
	ui_state_free(&st);
}

/* A 1 MB paste keeps the prompt's limit, in whole code points; votes take digits. */
static void
test_paste_limits(void **state)
{
	struct ui_state st;
	struct buf big = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < (1 << 20) / 3; i++)
		buf_puts(&big, "\xed\x95\x9c");	/* 한, 3 bytes */
	start(&st);
	ui_keys_handle(&st, '/');
	ui_prompt_paste(&st, big.buf, big.len);
	assert_int_equal(st.prompt.input.len, 255);	/* 85 whole code points of 3 bytes, under 256 */
	assert_memory_equal(st.prompt.input.buf, big.buf, 255);
	ui_keys_handle(&st, KEYNAME_ESC);
	ui_keys_handle(&st, 'v');
	assert_int_equal(st.prompt.kind, UI_PROMPT_VOTES);
	ui_prompt_paste(&st, "1a2\n3b4567890123", 16);
	assert_string_equal(st.prompt.input.buf, "123456789");
	ui_state_free(&st);
	buf_free(&big);
}

/* Keys typed in one batch search once, at its end; Enter inside it sees the query. */
static void
test_batch(void **state)
{
	struct ui_state st;
	const char *k;

	(void)state;
	start(&st);
	ui_keys_handle(&st, '/');
	ui_search_batch(&st, 1);
	for (k = "gamma"; *k; k++)
		ui_keys_handle(&st, *k);
	assert_false(st.search.active);	/* not searched yet */
	ui_search_batch(&st, 0);
	assert_true(st.search.active);
	assert_string_equal(st.status.buf, "match 1 of 1");
	ui_keys_handle(&st, KEYNAME_ESC);
	ui_keys_handle(&st, '/');
	ui_search_batch(&st, 1);
	for (k = "beta"; *k; k++)
		ui_keys_handle(&st, *k);
	ui_keys_handle(&st, KEYNAME_ENTER);	/* in the same batch */
	ui_search_batch(&st, 0);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_true(st.search.active);
	assert_string_equal(unit_title(&st), "Beta paper");
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_to_end_marker),
		cmocka_unit_test(test_marker_split),
		cmocka_unit_test(test_megabyte),
		cmocka_unit_test(test_no_end_marker),
		cmocka_unit_test(test_paste_never_runs_commands),
		cmocka_unit_test(test_paste_limits),
		cmocka_unit_test(test_batch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
