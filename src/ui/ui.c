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
#include "export/export.h"
#include "launch/launch.h"
#include "base/safeio.h"
#include "marks/marks.h"
#include "ui/draw.h"
#include "ui/layout.h"
#include "ui/state.h"

#ifdef __APPLE__
#define DEFAULT_OPENER "open"
#else
#define DEFAULT_OPENER "xdg-open"
#endif

#define LAUNCH_WAIT_MS 1000	/* how long a GUI launcher may take to report failure */
#define REAP_POLL_MS 200	/* key wait while launchers still run, to reap them */

/* What the main loop needs to carry out link actions. */
struct ui_ctx {
	struct ui_term *t;		/* NULL in the bench */
	const struct ui_opts *opts;
	struct launch_opts lo;
	pid_t *kids;			/* launchers still running, reaped on each loop */
	size_t nkids, akids;
	int repaint;			/* a text-mode browser had the terminal */
};

/* Put url on the clipboard with OSC 52 (and append it to the test log). */
static void
copy_url(struct ui_ctx *c, struct ui_state *st, const char *url, const char *why)
{
	struct buf seq = BUF_INIT;
	int failed = 0;

	buf_init(&seq);
	launch_osc52(&seq, url, c->lo.mux);
	if (c->lo.osc52_log) {
		FILE *f = fopen(c->lo.osc52_log, "ab");

		failed = f == NULL || fwrite(seq.buf, 1, seq.len, f) != seq.len;
		if (f && fclose(f) != 0)
			failed = 1;
	}
	if (c->t && ui_term_write(c->t, seq.buf, seq.len) < 0)
		failed = 1;
	if (failed)
		ui_state_message(st, "cannot write the clipboard sequence for %s", url);
	else
		ui_state_message(st, "copied%s: %s", why, url);
	buf_free(&seq);
}

/* Remember a launcher that is still running. */
static void
add_kid(struct ui_ctx *c, pid_t pid)
{
	if (c->nkids == c->akids) {
		c->akids = c->akids ? c->akids * 2 : 4;
		c->kids = xrealloc(c->kids, c->akids * sizeof *c->kids);
	}
	c->kids[c->nkids++] = pid;
}

/* Reap launchers that have ended; 1 when one failed (a message was set). */
static int
reap(struct ui_ctx *c, struct ui_state *st)
{
	size_t i = 0;
	int msg = 0;

	while (i < c->nkids) {
		int status = 0, r = launch_wait(c->kids[i], 0, &status);

		if (r == 0) {
			i++;
			continue;
		}
		if (r == 1) {
			struct buf why = BUF_INIT;

			buf_init(&why);
			if (!launch_status_ok(status, &why)) {
				ui_state_message(st, "browser %s", why.buf);
				msg = 1;
			}
			buf_free(&why);
		}
		c->kids[i] = c->kids[--c->nkids];
	}
	return msg;
}

/* Start a GUI browser or launcher quietly; 1 when it started (and did not fail at once). */
static int
start_quiet(struct ui_ctx *c, char **argv, struct buf *why)
{
	pid_t pid;
	int status = 0;
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	if (launch_spawn(argv, LAUNCH_IO_QUIET, &pid, why) < 0)
		return 0;
	switch (launch_wait(pid, LAUNCH_WAIT_MS, &status)) {
	case 1:
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
			buf_printf(why, "cannot start browser \"%s\"", name);
			return 0;
		}
		buf_printf(why, "browser \"%s\" ", name);
		return launch_status_ok(status, why);
	case 0:
		add_kid(c, pid);	/* a browser that stays: reaped later */
		return 1;
	default:
		return 1;
	}
}

/* Start the browsers of the list in order until one works. */
static void
open_url(struct ui_ctx *c, struct ui_state *st, const char *url)
{
	const char *list = c->lo.browser ? c->lo.browser : DEFAULT_OPENER;
	struct buf entry = BUF_INIT, why = BUF_INIT;
	size_t pos = 0;
	int ok = 0;

	buf_init(&entry);
	buf_init(&why);
	while (!ok && launch_browser_next(list, &pos, &entry)) {
		char **argv = launch_argv(entry.buf, url);

		if (argv == NULL)
			continue;
		buf_setlen(&why, 0);
		if (launch_is_text_browser(&c->lo, argv[0]) && c->t) {
			ui_term_suspend(c->t);
			ok = launch_run_foreground(argv, &why) == 0;
			ui_term_resume(c->t);
			c->repaint = 1;
		} else {
			ok = start_quiet(c, argv, &why);
		}
		launch_argv_free(argv);
	}
	if (ok)
		ui_state_message(st, "opened: %s", url);
	else if (why.len)
		ui_state_message(st, "%s (y copies the link)", why.buf);
	else
		ui_state_message(st, "no browser in $BROWSER (y copies the link)");
	buf_free(&entry);
	buf_free(&why);
}

/*
 * Open or copy a link: refused unless it is a plain http(s) URL; o and
 * Enter copy instead of opening over SSH (or when the options say so).
 */
static void
do_link(struct ui_ctx *c, struct ui_state *st, const struct link *l, int copy)
{
	struct buf why = BUF_INIT;

	if (l == NULL || l->url == NULL)
		return;
	buf_init(&why);
	if (!launch_url_check(l->url, &why)) {
		ui_state_message(st, "refused: %s", why.buf);
	} else if (copy) {
		copy_url(c, st, l->url, "");
	} else if (launch_copies(&c->lo)) {
		copy_url(c, st, l->url, c->lo.ssh && c->lo.open == LAUNCH_OPEN_AUTO ?
		    " (over SSH no browser is started)" : "");
	} else {
		open_url(c, st, l->url);
	}
	buf_free(&why);
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

/* Write the Papers list as st->export_fmt into a new file in the current directory. */
static void
export_list(struct ui_state *st)
{
	static const char *const ext[EXPORT_NFORMATS] = { "bib", "md", "jsonl" };
	const struct paper **v = NULL;
	size_t n = ui_state_list(st, &v), i;
	struct buf out = BUF_INIT, name = BUF_INIT, err = BUF_INIT;
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];
	enum export_fmt f = (enum export_fmt)st->export_fmt;

	buf_init(&out);
	buf_init(&name);
	buf_init(&err);
	if (st->export_fmt < 0 || st->export_fmt >= EXPORT_NFORMATS || n == 0) {
		ui_state_message(st, "nothing exported");
		goto done;
	}
	export_papers(&out, f, st->lib, st->marks, st->lang, v, n);
	localtime_r(&now, &tm);
	if (strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		stamp[0] = '\0';
	/* a new file: -2, -3, ... when the name is taken */
	for (i = 1; i < 1000; i++) {
		struct stat sb;

		buf_setlen(&name, 0);
		buf_printf(&name, "paperboy-%s%s", st->view == UI_VIEW_STARRED ? "starred-" : "", stamp);
		if (i > 1)
			buf_printf(&name, "-%zu", i);
		buf_printf(&name, ".%s", ext[f]);
		if (lstat(name.buf, &sb) < 0 && errno == ENOENT)
			break;
	}
	if (i == 1000)
		ui_state_message(st, "cannot export: every name like %s is taken", name.buf);
	else if (safeio_write(name.buf, out.buf ? out.buf : "", out.len, 0644, &err) < 0)
		ui_state_message(st, "cannot export: %s", err.len ? err.buf : "write failed");
	else
		ui_state_message(st, "exported %zu paper%s to %s", n, n == 1 ? "" : "s", name.buf);
done:
	free(v);
	buf_free(&out);
	buf_free(&name);
	buf_free(&err);
}

/* Carry out the actions returned by the key handler; 1 means quit. */
static int
act(struct ui_ctx *c, struct ui_state *st, unsigned a)
{
	if (a & UI_ACT_QUIT)
		return 1;
	if (a & UI_ACT_RELOAD)
		reload(st, c->opts);
	if (a & UI_ACT_EXPORT)
		export_list(st);
	if (a & (UI_ACT_OPEN | UI_ACT_COPY))
		do_link(c, st, st->target, (a & UI_ACT_COPY) != 0);
	st->target = NULL;
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
	'j', 'j', 'j', 'k', 'l', 'j', 'k', 't', 'l', 'j', KEYNAME_PGDN, KEYNAME_PGUP,
	'l', 'j', 'l', 'j', 'h', 'h', 'h', 'h', 'G', 'g', 'j', KEYNAME_DOWN,
};

/* Time n keystrokes (handler, layout and drawing) at 200x60; print median and p99. */
static int
bench(struct ui_state *st, struct ui_ctx *c, long n)
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

		act(c, st, ui_handle_key(st, bench_keys[i % nk]));
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

/*
 * Apply the settings: marks store, bindings, mark-read, mouse, and the
 * link options (the settings beat $BROWSER; PAPERBOY_OPEN and
 * PAPERBOY_OSC8 beat the settings).
 */
static void
configure(struct ui_ctx *c, struct ui_state *st, const struct ui_opts *opts)
{
	const struct settings *cf = opts ? opts->config : NULL;
	struct buf msgs = BUF_INIT;
	const char *e;

	if (opts && opts->state)
		ui_state_set_marks(st, opts->state);
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
	if (settings_browser(cf))
		c->lo.browser = settings_browser(cf);
	e = getenv("PAPERBOY_OPEN");
	if (e == NULL || *e == '\0') {
		switch (settings_link_mode(cf)) {
		case SETTINGS_LINK_OPEN: c->lo.open = LAUNCH_OPEN_BROWSER; break;
		case SETTINGS_LINK_COPY: c->lo.open = LAUNCH_OPEN_COPY; break;
		default: c->lo.open = LAUNCH_OPEN_AUTO; break;
		}
	}
	e = getenv("PAPERBOY_OSC8");
	if ((e == NULL || *e == '\0') && !settings_osc8(cf))
		c->lo.osc8 = 0;
}

/* Run the reader until q. */
int
ui_run(struct lib *lib, const struct ui_opts *opts)
{
	struct ui_state st;
	struct ui_term *t;
	struct ui_ctx c;
	const char *err = NULL, *b = getenv("PAPERBOY_BENCH_KEYS");
	int repaint = 1, rc = 0;

	memset(&c, 0, sizeof c);
	c.opts = opts;
	launch_opts_init(&c.lo, launch_getenv, NULL);
	ui_state_init(&st, lib, opts ? opts->lang : NULL, opts ? opts->status : NULL);
	st.now = now_ms();
	configure(&c, &st, opts);
	if (b && *b) {
		rc = bench(&st, &c, strtol(b, NULL, 10));
		ui_state_free(&st);
		return rc;
	}
	t = ui_term_open(0, 0, &err);
	if (t == NULL) {
		fprintf(stderr, "paperboy: %s\n", err);
		ui_state_free(&st);
		return 1;
	}
	c.t = t;
	ui_term_set_osc8(t, c.lo.osc8);
	ui_term_set_theme(t, opts ? opts->config : NULL);
	ui_term_set_mouse(t, st.mouse);
	for (;;) {
		int key = UI_TERM_AGAIN;
		long wait = -1;

		ui_state_tick(&st, now_ms(), &wait);
		redraw(t, &st, repaint);
		repaint = 0;
		/* wake up now and then to reap launchers and to mark a paper read */
		while (key == UI_TERM_AGAIN) {
			if (reap(&c, &st))
				break;
			if (ui_state_tick(&st, now_ms(), &wait) & UI_ACT_REDRAW)
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
		st.now = now_ms();
		{
			unsigned a;
			int my, mx, mb;

			if (key == KEYNAME_MOUSE)
				a = ui_term_mouse(t, &my, &mx, &mb) ? ui_handle_mouse(&st, my, mx, mb) :
				    UI_ACT_NONE;
			else
				a = ui_handle_key(&st, key);

			if (act(&c, &st, a))
				break;
			repaint = (a & UI_ACT_REPAINT) != 0 || c.repaint;
			c.repaint = 0;
		}
	}
	ui_term_close(t);
	reap(&c, &st);
	free(c.kids);
	ui_state_free(&st);
	return rc;
}
