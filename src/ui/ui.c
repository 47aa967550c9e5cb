/* ui/ui.c: the reader's loop: keys, signals and the mark-read timer (no curses). */
#include "ui/ui.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "settings/prefs.h"
#include "ui/act.h"
#include "ui/draw.h"
#include "ui/fetch.h"
#include "ui/loop.h"
#include "ui/state.h"
#include "ui/term.h"

/*
 * How long a first paint with nothing to show waits for the load at
 * start: a small library is shown at once with its papers, a large one
 * with its progress.
 */
#define FIRST_PAINT_WAIT_MS 150
/* Wakes of the terminal in a row without a key: its input is gone. */
#define EMPTY_WAKES_EOF 100
/* Bytes of a paste kept (the prompts take far fewer). */
#define PASTE_KEEP 4096

/* The running reader, as the loop's callbacks see it. */
struct reader {
	struct ui_state st;
	struct ui_term *t;
	struct ui_act act;
	struct ui_fetcher fetcher;
	struct ui_loader loader;
	int empty;			/* wakes of the terminal in a row without a key */
	int signalled;			/* SIGTERM or SIGHUP ended the reader */
	int load_at_start;		/* read the inputs in the background at once */
};

/* Handle one key (or mouse event) and carry out what it asks for. */
static unsigned
handle(struct reader *r, int key)
{
	unsigned a;
	int my, mx, mb;

	if (key == KEYNAME_MOUSE) {
		a = ui_term_mouse(r->t, &my, &mx, &mb) ? ui_nav_mouse(&r->st, my, mx, mb) :
		    UI_ACT_NONE;
	} else if (key == KEYNAME_PASTE) {
		struct buf text = BUF_INIT;

		ui_term_paste(r->t, &text, PASTE_KEEP);	/* read whole, not key by key */
		a = ui_prompt_paste(&r->st, text.buf, text.len);
		buf_free(&text);
	} else {
		a = ui_keys_handle(&r->st, key);
	}
	if (ui_act_run(&r->act, &r->st, a))
		return UI_ACT_QUIT;
	return a | UI_ACT_REDRAW;
}

/*
 * Handle every key curses has waiting as one batch, drawn once; *n counts
 * them.  The search runs once at the end of the batch, so fast typing or
 * a paste without brackets costs one search, not one per key.
 */
static unsigned
drain_keys(struct reader *r, int *n)
{
	struct ui_layout l;
	unsigned flags = 0;
	int key;

	ui_search_batch(&r->st, 1);
	while ((key = ui_term_getkey(r->t)) != UI_TERM_AGAIN) {
		if (key == UI_TERM_EOF) {
			flags |= UI_ACT_QUIT;
			break;
		}
		if ((*n)++)
			ui_draw_fit(r->t, &r->st, &l);	/* the key before may have changed the layout */
		flags |= handle(r, key);
		if (flags & UI_ACT_QUIT)
			break;
	}
	ui_search_batch(&r->st, 0);
	return flags;
}

/* The terminal is readable: its keys. */
static unsigned
on_keys(void *arg)
{
	struct reader *r = arg;
	int n = 0;
	unsigned flags = drain_keys(r, &n);

	r->empty = n ? 0 : r->empty + 1;
	if (r->empty > EMPTY_WAKES_EOF)
		flags |= UI_ACT_QUIT;	/* readable with nothing to read: end of input */
	return flags;
}

/* SIGWINCH: take the new size (curses queues a resize key). */
static unsigned
on_resize(void *arg)
{
	struct reader *r = arg;
	int n = 0;

	ui_term_resize(r->t);
	return drain_keys(r, &n) | UI_ACT_REDRAW;
}

/* SIGCHLD: reap the launchers that ended. */
static unsigned
on_child(void *arg)
{
	struct reader *r = arg;

	return ui_act_reap(&r->act, &r->st);
}

/* SIGTERM, SIGHUP: leave, restoring the terminal. */
static unsigned
on_quit(void *arg)
{
	struct reader *r = arg;

	r->signalled = 1;
	return UI_ACT_QUIT;
}

/*
 * When the Problems page has lines: "N problems (! lists them)" on the
 * status line, before the first message (the first problem in full).
 */
static void
count_problems(struct reader *r, const struct ui_opts *opts)
{
	const struct buf *page = opts ? opts->problems : NULL;
	struct buf m = BUF_INIT;
	size_t i, n = 0;

	for (i = 0; page && i < page->len; i++)
		n += page->buf[i] == '\n';
	if (n == 0)
		return;
	buf_init(&m);
	buf_printf(&m, "%zu problem%s", n, n == 1 ? "" : "s");
	ui_help_problems_hint(&r->st, &m);
	if (opts->status)
		buf_printf(&m, ": %s", opts->status);
	ui_state_message(&r->st, "%s", m.buf);
	buf_free(&m);
}

/* Apply the preferences: marks store, bindings, mark-read, mouse, link options. */
static void
configure(struct reader *r, const struct ui_opts *opts, const struct prefs *p)
{
	struct buf msgs = BUF_INIT;

	if (opts && opts->state)
		ui_marks_use(&r->st, opts->state);
	buf_init(&msgs);
	ui_state_configure(&r->st, p, &msgs);
	count_problems(r, opts);	/* the keys are bound now: the hint can name one */
	if (msgs.len && r->st.status.len == 0) {
		char *nl = strchr(msgs.buf, '\n');

		if (nl)
			*nl = '\0';
		ui_state_message(&r->st, "settings: %s", msgs.buf);
	}
	buf_free(&msgs);
	ui_act_configure(&r->act, p);
}

/*
 * Watch the signals before curses starts, so that it leaves SIGWINCH and
 * SIGTERM to the loop (it only takes signals nobody handles).
 */
static int
watch_signals(struct ui_loop *loop, struct reader *r)
{
	if (ui_loop_signal(loop, SIGWINCH, on_resize, r) < 0 ||
	    ui_loop_signal(loop, SIGCHLD, on_child, r) < 0 ||
	    ui_loop_signal(loop, SIGTERM, on_quit, r) < 0 ||
	    ui_loop_signal(loop, SIGHUP, on_quit, r) < 0)
		return -1;
	return 0;
}

/* Draw, wait, handle (flags: what happened before), until the user quits: the exit status. */
static int
run(struct reader *r, struct ui_loop *loop, unsigned flags)
{
	flags |= UI_ACT_REDRAW | UI_ACT_REPAINT;

	for (;;) {
		long wait = -1;

		flags |= ui_marks_tick(&r->st, ui_loop_now(), &wait);
		if (flags & UI_ACT_QUIT)
			break;
		if ((flags & (UI_ACT_REDRAW | UI_ACT_REPAINT)) || r->act.repaint) {
			ui_draw_screen(r->t, &r->st, (flags & UI_ACT_REPAINT) || r->act.repaint);
			r->act.repaint = 0;
		}
		if (r->load_at_start) {
			/* after the first paint: the load must not slow it down */
			r->load_at_start = 0;
			flags = ui_loader_begin(&r->loader, NULL);	/* its progress on the status line */
			continue;
		}
		flags = ui_loop_wait(loop, wait);
	}
	return r->signalled ? 1 : 0;
}

/*
 * Start the load at start when there is nothing to show yet, and give it
 * FIRST_PAINT_WAIT_MS to end before the first paint; keys typed meanwhile
 * wait in the terminal for the library rather than act on the empty one.
 * With something to show, run() begins the load after the first paint.
 */
static unsigned
first_load(struct reader *r, struct ui_loop *loop)
{
	double until = ui_loop_now() + FIRST_PAINT_WAIT_MS, left;
	unsigned flags;

	if (lib_npapers(r->st.lib) > 0)
		return 0;	/* something to show: the load begins after the first paint */
	flags = ui_loader_begin(&r->loader, NULL);
	r->load_at_start = 0;
	while (r->st.load.running && !(flags & UI_ACT_QUIT) && (left = until - ui_loop_now()) > 0)
		flags |= ui_loop_wait(loop, (long)left + 1);
	return flags;
}

/* Open the terminal and run the reader on it. */
static int
run_on_terminal(struct reader *r, struct ui_loop *loop, const struct prefs *p)
{
	const char *err = NULL;
	unsigned flags = 0;
	int rc;

	if (watch_signals(loop, r) < 0) {
		fprintf(stderr, "paperboy: cannot watch signals\n");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);	/* a closed pipe (a clipboard log, a launcher's) must not end the reader */
	r->t = ui_term_open(0, 0, &err);
	if (r->t == NULL) {
		fprintf(stderr, "paperboy: %s\n", err);
		return 1;
	}
	r->act.t = r->t;
	ui_term_set_osc8(r->t, r->act.lo.osc8);
	ui_term_set_theme(r->t, p);
	ui_term_set_mouse(r->t, r->st.nav.mouse);
	ui_term_timeout(r->t, 0);	/* keys are read when poll() says so */
	if (r->load_at_start)
		flags = first_load(r, loop);
	ui_loop_add(loop, ui_term_fd(r->t), on_keys, r);
	if (p->fetch_on_start)
		ui_fetcher_begin(&r->fetcher);
	rc = run(r, loop, flags);
	ui_fetcher_free(&r->fetcher);	/* before the terminal goes: a fetch may still run */
	ui_term_close(r->t);
	r->act.t = r->t = NULL;
	return rc;
}

/* Run the reader until q. */
int
ui_run(struct lib *lib, const struct ui_opts *opts)
{
	struct reader r;
	struct ui_loop *loop;
	struct prefs dflt;
	const struct prefs *p = opts ? opts->prefs : NULL;
	int rc = 1;

	memset(&dflt, 0, sizeof dflt);
	if (p == NULL) {
		prefs_resolve(&dflt, NULL, NULL, NULL);
		p = &dflt;
	}
	memset(&r, 0, sizeof r);
	ui_act_init(&r.act, NULL);
	ui_state_init(&r.st, lib, p->lang, opts ? opts->status : NULL);
	r.st.help.problems = opts ? opts->problems : NULL;
	if (p->library_dir)
		ui_paper_set_libdir(&r.st.paper, p->library_dir);
	if (opts && opts->store)
		ui_paper_set_store(&r.st, opts->store);
	configure(&r, opts, p);
	loop = ui_loop_new();
	if (loop == NULL) {
		fprintf(stderr, "paperboy: cannot create the event loop\n");
	} else {
		ui_fetcher_init(&r.fetcher, loop, opts ? opts->prefs : NULL, &r.st, &r.act);
		r.act.fetcher = &r.fetcher;
		ui_loader_init(&r.loader, loop, &r.st, opts ? opts->load : NULL, opts ? opts->load_arg : NULL,
		    opts ? opts->problems : NULL);
		r.act.loader = &r.loader;
		ui_loader_set_index(&r.loader, opts ? opts->index : NULL);
		r.load_at_start = opts && opts->load && opts->load_at_start;
		rc = run_on_terminal(&r, loop, p);
		ui_loader_free(&r.loader);	/* a load still running is cancelled */
	}
	ui_loop_free(loop);
	ui_act_free(&r.act, &r.st);
	ui_state_free(&r.st);
	prefs_free(&dflt);
	return rc;
}
