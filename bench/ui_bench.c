/* ui_bench.c: the reader's time per keystroke (make bench).
 *
 *   ui_bench [-n KEYS] PATH...
 *   ui_bench [-n KEYS] -s STORE
 *   ui_bench -s STORE -w WORD...
 *
 * Reads PATH... as paperboy does (or, with -s, takes the window on the
 * store's newest day as the reader does, each day then read from the
 * store as the keys go to it), then feeds KEYS keystrokes (default
 * 2000; a mix of moves in every pane, focus changes, paging, first/last
 * and the language toggle) through the key handler, the layout and the
 * drawing code into a 200x60 curses terminal on /dev/null, and prints the
 * median and p99 time per key on stderr.  With -w, each WORD is searched
 * instead (/, the word a character at a time, Enter, then n five times)
 * through the store's index, its warm-up timed apart: the time of each
 * of those keys.  Default settings and marks kept
 * in memory: the figures do not depend on the user's files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "model/lib.h"
#include "store/index.h"
#include "text/text.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/loop.h"
#include "ui/state.h"
#include "ui/term.h"

/*
 * The keys pressed, in a loop (h and l balance, so the focus keeps
 * cycling; nothing opens, reloads or quits).
 */
static const int keys[] = {
	'j', 'j', 'j', 'k', 'l', 'j', 'k', 't', 'l', 'j', KEYNAME_PGDN, KEYNAME_PGUP,
	'l', 'j', 'l', 'j', 'h', 'h', 'h', 'h', 'G', 'g', 'j', KEYNAME_DOWN,
};

/* qsort comparison of doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Read the paths into a finished library. */
static struct lib *
load(char **paths, int n)
{
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	int i;

	for (i = 0; i < n; i++)
		ingest_path(ing, paths[i]);
	lib_finish(lib);
	ingest_free(ing);
	return lib;
}

/* The reader's state on the window on the newest day of the store at path, or -1. */
static int
from_store(struct ui_state *st, const char *path)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(path, &msg);
	struct lib *lib = s ? store_lib_window(s, NULL, &msg) : NULL;

	if (lib == NULL) {
		fprintf(stderr, "ui_bench: %s\n", msg.buf);
		store_close(s);
		buf_free(&msg);
		return -1;
	}
	store_shrink(s);	/* as the reader keeps it */
	ui_state_init(st, lib, NULL, NULL);
	ui_paper_set_store(st, s);	/* the state closes it */
	buf_free(&msg);
	return 0;
}

/* Time n keystrokes (handler, layout and drawing); ms[i] is key i's time. */
static int
press(struct ui_state *st, double *ms, long n)
{
	const char *err = NULL;
	struct ui_term *t = ui_term_open(60, 200, &err);
	long i;

	if (t == NULL) {
		fprintf(stderr, "ui_bench: %s\n", err);
		return -1;
	}
	ui_draw_screen(t, st, 1);
	for (i = 0; i < n; i++) {
		double t0 = ui_loop_now();

		ui_keys_handle(st, keys[(size_t)i % (sizeof keys / sizeof keys[0])]);
		ui_draw_screen(t, st, 0);
		ms[i] = ui_loop_now() - t0;
	}
	ui_term_close(t);
	return 0;
}

/* Handle key and redraw: its time in ms. */
static double
timed_key(struct ui_state *st, struct ui_term *t, int key)
{
	double t0 = ui_loop_now();

	ui_keys_handle(st, key);
	ui_draw_screen(t, st, 0);
	return ui_loop_now() - t0;
}

/* Search each word as a user types it; print the times of its keys. */
static int
search_words(struct ui_state *st, const char *path, char **words, int n)
{
	const char *err = NULL;
	struct ui_term *t = ui_term_open(60, 200, &err);
	struct buf msg = BUF_INIT;
	struct store *s = store_open(path, &msg);
	struct index *ix = s ? index_new(s) : NULL;
	double t0 = ui_loop_now(), warm, ms[64];
	int i, k, nk;
	size_t j;

	if (t == NULL || ix == NULL || index_warm(ix, &msg) < 0) {
		fprintf(stderr, "ui_bench: %s\n", err ? err : msg.buf);
		return -1;
	}
	warm = ui_loop_now() - t0;
	ui_search_set_store(st, s, ix, NULL);	/* the state closes them */
	ui_draw_screen(t, st, 1);
	fprintf(stderr, "paperboy bench: index warm-up %.0f ms, apart\n", warm);
	for (i = 0; i < n; i++) {
		const char *w = words[i];

		nk = 0;
		ms[nk++] = timed_key(st, t, '/');
		for (j = 0; w[j] && nk < 50;)	/* a code point a key */
			ms[nk++] = timed_key(st, t, (int)text_decode(w, strlen(w), &j));
		ms[nk++] = timed_key(st, t, KEYNAME_ENTER);
		for (k = 0; k < 5; k++)
			ms[nk++] = timed_key(st, t, 'n');
		qsort(ms, (size_t)nk, sizeof *ms, cmp_double);
		fprintf(stderr, "paperboy bench: search '%s' on %s: %d keys, median %.2f ms, max %.2f ms (%s)\n", w,
		    lib_whole(st->lib) ? "the whole library" : "a window", nk, ms[nk / 2], ms[nk - 1],
		    buf_str(&st->status));
	}
	ui_term_close(t);
	buf_free(&msg);
	return 0;
}

/* Entry point. */
int
main(int argc, char **argv)
{
	struct ui_state st;
	long n = 2000;
	int first = 1;
	double *ms;
	size_t p99;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		n = strtol(argv[2], NULL, 10);
		first = 3;
	}
	if (n < 1 || first >= argc) {
		fprintf(stderr, "usage: ui_bench [-n KEYS] PATH... | -s STORE\n");
		return 2;
	}
	if (first + 1 < argc && strcmp(argv[first], "-s") == 0) {
		if (from_store(&st, argv[first + 1]) < 0)
			return 1;
		if (first + 2 < argc && strcmp(argv[first + 2], "-w") == 0) {
			int rc = search_words(&st, argv[first + 1], argv + first + 3, argc - first - 3);

			ui_state_free(&st);
			return rc < 0;
		}
	} else {
		ui_state_init(&st, load(argv + first, argc - first), NULL, NULL);
	}
	ms = xcalloc((size_t)n, sizeof *ms);
	if (press(&st, ms, n) < 0)
		return 1;
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	p99 = (size_t)n * 99 / 100;
	fprintf(stderr, "paperboy bench: %ld keys (j k h l t g G PgUp PgDn Down) at 200x60, "
	    "%zu papers%s, %zu days: median %.3f ms, p99 %.3f ms\n", n, lib_npapers(st.lib),
	    lib_whole(st.lib) ? "" : " held at the end (a window)", lib_ndays(st.lib), ms[n / 2],
	    ms[p99 < (size_t)n ? p99 : (size_t)n - 1]);
	free(ms);
	ui_state_free(&st);
	return 0;
}
