/* ui/ui.c: the reader's main loop, reload, opening and copying links, the bench hook (no curses). */
#include "ui/ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

#include "settings/settings.h"
#include "ui/act.h"
#include "ui/draw.h"
#include "ui/layout.h"
#include "ui/state.h"

#define REAP_POLL_MS 200	/* key wait while launchers still run, to reap them */

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
	'j', 'j', 'j', 'k', 'l', 'j', 'k', 't', 'l', 'j', KEYNAME_PGDN, KEYNAME_PGUP,
	'l', 'j', 'l', 'j', 'h', 'h', 'h', 'h', 'G', 'g', 'j', KEYNAME_DOWN,
};

/* Time n keystrokes (handler, layout and drawing) at 200x60; print median and p99. */
static int
bench(struct ui_state *st, struct ui_act *c, long n)
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
	ui_draw_screen(t, st, 1);
	ms = xcalloc((size_t)n, sizeof *ms);
	for (i = 0; i < (size_t)n; i++) {
		double t0 = now_ms();

		ui_act_run(c, st, ui_keys_handle(st, bench_keys[i % nk]));
		ui_draw_screen(t, st, 0);
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

/* Apply the settings: marks store, bindings, mark-read, mouse, link options. */
static void
configure(struct ui_act *c, struct ui_state *st, const struct ui_opts *opts)
{
	const struct settings *cf = opts ? opts->config : NULL;
	struct buf msgs = BUF_INIT;

	if (opts && opts->state)
		ui_marks_use(st, opts->state);
	if (cf == NULL)
		return;
	buf_init(&msgs);
	ui_state_configure(st, cf, &msgs);
	if (msgs.len && st->status.len == 0) {
		char *nl = strchr(msgs.buf, '\n');

		if (nl)
			*nl = '\0';
		ui_state_message(st, "settings: %s", msgs.buf);
	}
	buf_free(&msgs);
	ui_act_configure(c, cf);
}

/* Run the reader until q. */
int
ui_run(struct lib *lib, const struct ui_opts *opts)
{
	struct ui_state st;
	struct ui_term *t;
	struct ui_act c;
	const char *err = NULL, *b = getenv("PAPERBOY_BENCH_KEYS");
	int repaint = 1, rc = 0;

	ui_act_init(&c, NULL, opts ? opts->reload : NULL, opts ? opts->reload_arg : NULL);
	ui_state_init(&st, lib, opts ? opts->lang : NULL, opts ? opts->status : NULL);
	st.marks.now = now_ms();
	configure(&c, &st, opts);
	if (b && *b) {
		rc = bench(&st, &c, strtol(b, NULL, 10));
		ui_act_free(&c, &st);
		ui_state_free(&st);
		return rc;
	}
	t = ui_term_open(0, 0, &err);
	if (t == NULL) {
		fprintf(stderr, "paperboy: %s\n", err);
		ui_act_free(&c, &st);
		ui_state_free(&st);
		return 1;
	}
	c.t = t;
	ui_term_set_osc8(t, c.lo.osc8);
	ui_term_set_theme(t, opts ? opts->config : NULL);
	ui_term_set_mouse(t, st.nav.mouse);
	for (;;) {
		int key = UI_TERM_AGAIN;
		long wait = -1;

		ui_marks_tick(&st, now_ms(), &wait);
		ui_draw_screen(t, &st, repaint);
		repaint = 0;
		/* wake up now and then to reap launchers and to mark a paper read */
		while (key == UI_TERM_AGAIN) {
			if (ui_act_reap(&c, &st))
				break;
			if (ui_marks_tick(&st, now_ms(), &wait) & UI_ACT_REDRAW)
				break;
			if (c.nkids && (wait < 0 || wait > REAP_POLL_MS))
				wait = REAP_POLL_MS;
			ui_term_timeout(t, wait < 0 ? -1 : (int)(wait > 60000 ? 60000 : wait));
			key = ui_term_getkey(t);
		}
		if (key == UI_TERM_AGAIN)
			continue;	/* show the message */
		if (key == UI_TERM_EOF)
			break;
		st.marks.now = now_ms();
		{
			unsigned a;
			int my, mx, mb;

			if (key == KEYNAME_MOUSE)
				a = ui_term_mouse(t, &my, &mx, &mb) ? ui_nav_mouse(&st, my, mx, mb) :
				    UI_ACT_NONE;
			else
				a = ui_keys_handle(&st, key);

			if (ui_act_run(&c, &st, a))
				break;
			repaint = (a & UI_ACT_REPAINT) != 0 || c.repaint;
			c.repaint = 0;
		}
	}
	ui_term_close(t);
	ui_act_free(&c, &st);
	ui_state_free(&st);
	return rc;
}
