/* ui.c: the reader's main loop, reload, the link hook and the bench hook (no curses). */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ui_draw.h"
#include "ui_layout.h"
#include "ui_state.h"

/* Show the link on the status line (replaced by the links issue). */
void
ui_open_link(struct ui_state *st, const struct link *l)
{
	if (l && l->url)
		ui_state_message(st, "open: %s", l->url);
}

/* Re-read the inputs through the caller's callback, keeping the selection. */
static void
reload(struct ui_state *st, const struct ui_opts *opts)
{
	const char *msg = NULL;
	struct lib *lib;

	if (opts == NULL || opts->reload == NULL) {
		ui_state_message(st, "reload is not available");
		return;
	}
	lib = opts->reload(opts->reload_arg, &msg);
	if (lib) {
		ui_state_replace_lib(st, lib);
		ui_state_message(st, "%s", msg ? msg : "reloaded");
	} else {
		ui_state_message(st, "%s", msg ? msg : "reload failed");
	}
}

/* Lay out for the terminal's current size and draw. */
static void
redraw(struct ui_term *t, struct ui_state *st, int repaint)
{
	struct ui_layout l;
	int rows, cols;

	ui_term_size(t, &rows, &cols);
	ui_layout_compute(&l, rows, cols, st->focus);
	ui_state_fit(st, &l);
	ui_draw(t, st, &l, repaint);
}

/* Carry out the actions returned by the key handler; 1 means quit. */
static int
act(struct ui_state *st, const struct ui_opts *opts, unsigned a)
{
	if (a & UI_ACT_QUIT)
		return 1;
	if (a & UI_ACT_RELOAD)
		reload(st, opts);
	if (a & UI_ACT_OPEN)
		ui_open_link(st, ui_state_link(st));
	return 0;
}

/* Milliseconds on the monotonic clock. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* qsort comparison of doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The keys the bench presses, in a loop: moves in every pane, focus
 * changes, paging, first/last and the language toggle (h and l balance,
 * so the focus keeps cycling; nothing opens, reloads or quits).
 */
static const int bench_keys[] = {
	'j', 'j', 'j', 'k', 'l', 'j', 'k', 't', 'l', 'j', UI_KEY_PGDN, UI_KEY_PGUP,
	'l', 'j', 'l', 'j', 'h', 'h', 'h', 'h', 'G', 'g', 'j', UI_KEY_DOWN,
};

/* Time n keystrokes (handler, layout and drawing) at 200x60; print median and p99. */
static int
bench(struct ui_state *st, const struct ui_opts *opts, long n)
{
	const char *err = NULL;
	struct ui_term *t = ui_term_open(60, 200, &err);
	size_t i, nk = sizeof bench_keys / sizeof bench_keys[0];
	double *ms;

	if (t == NULL) {
		fprintf(stderr, "paperboy: bench: %s\n", err);
		return 1;
	}
	if (n < 1)
		n = 1;
	redraw(t, st, 1);
	ms = xcalloc((size_t)n, sizeof *ms);
	for (i = 0; i < (size_t)n; i++) {
		double t0 = now_ms();

		act(st, opts, ui_handle_key(st, bench_keys[i % nk]));
		redraw(t, st, 0);
		ms[i] = now_ms() - t0;
	}
	ui_term_close(t);
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	fprintf(stderr, "paperboy bench: %ld keys (j k h l t g G PgUp PgDn Down) at 200x60, "
	    "%zu papers, %zu days: median %.3f ms, p99 %.3f ms\n", n, lib_npapers(st->lib),
	    lib_ndays(st->lib), ms[n / 2],
	    ms[(size_t)n * 99 / 100 < (size_t)n ? (size_t)n * 99 / 100 : (size_t)n - 1]);
	free(ms);
	return 0;
}

/* Run the reader until q. */
int
ui_run(struct lib *lib, const struct ui_opts *opts)
{
	struct ui_state st;
	struct ui_term *t;
	const char *err = NULL, *b = getenv("PAPERBOY_BENCH_KEYS");
	int repaint = 1, rc = 0;

	ui_state_init(&st, lib, opts ? opts->lang : NULL, opts ? opts->status : NULL);
	if (b && *b) {
		rc = bench(&st, opts, strtol(b, NULL, 10));
		ui_state_free(&st);
		return rc;
	}
	t = ui_term_open(0, 0, &err);
	if (t == NULL) {
		fprintf(stderr, "paperboy: %s\n", err);
		ui_state_free(&st);
		return 1;
	}
	for (;;) {
		int key;

		redraw(t, &st, repaint);
		repaint = 0;
		do
			key = ui_term_getkey(t);
		while (key == UI_TERM_AGAIN);
		if (key == UI_TERM_EOF)
			break;
		{
			unsigned a = ui_handle_key(&st, key);

			if (act(&st, opts, a))
				break;
			repaint = (a & UI_ACT_REPAINT) != 0;
		}
	}
	ui_term_close(t);
	ui_state_free(&st);
	return rc;
}
