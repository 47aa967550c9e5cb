/* ui/load.c: reading the library in the background (see ui/load.h). */
#include "ui/load.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model/lib.h"
#include "store/index.h"
#include "store/store.h"
#include "ui/act.h"
#include "ui/help.h"
#include "ui/loop.h"
#include "ui/search.h"
#include "ui/state.h"

/* Least time between two progress posts, in milliseconds. */
#define PROGRESS_MS 100

/*
 * One load.  The thread writes done, total and posted under mu, and the
 * result (rc, lib, msg) before its last post; the reader's thread reads
 * the result only in that post's callback, after joining the thread.
 */
struct ui_load_ctl {
	struct ui_loader *ld;
	pthread_t th;
	atomic_int cancel;
	pthread_mutex_t mu;
	size_t done, total;
	int posted;		/* a progress post waits to run */
	double last;		/* when the thread last posted progress */
	int rc;
	struct lib *lib;
	struct buf msg;
	struct buf problems;
	atomic_int stop;	/* the reader leaves or wants another load: no index, or stop it */
	atomic_int indexing;	/* the result is posted; the index function runs */
	int applied;		/* the reader took the result (on_result) */
	struct store *store;	/* what the index function handed over */
	struct store *detail;	/* a light library's papers are read from it (ui_load_detail) */
	struct index *ix;
	const struct lib *shown;	/* the library the reader took from this load, ix is bound to */
	struct lib *preview;	/* under mu: a part of the library to show now, or NULL */
};

/* Free the part. */
void
ui_load_free(struct ui_load *ul)
{
	buf_free(&ul->activity);
	ul->running = 0;
}

/* The status line's words for the progress. */
static void
activity(struct ui_load *ul)
{
	buf_setlen(&ul->activity, 0);
	if (ul->total)
		buf_printf(&ul->activity, "reading the library: %zu of %zu files", ul->done, ul->total);
	else
		buf_puts(&ul->activity, "reading the library");
}

/* ui_loop_fn, on the reader's thread: show the latest progress. */
static unsigned
on_progress(void *arg)
{
	struct ui_load_ctl *c = arg;
	struct ui_load *ul = &c->ld->st->load;

	pthread_mutex_lock(&c->mu);
	ul->done = c->done;
	ul->total = c->total;
	c->posted = 0;
	pthread_mutex_unlock(&c->mu);
	activity(ul);
	return UI_ACT_REDRAW;
}

/* From the load's thread: note the progress; post it unless one waits or one went out just now. */
void
ui_load_progress(struct ui_load_ctl *c, size_t done, size_t total)
{
	double now = ui_loop_now();
	int post;

	pthread_mutex_lock(&c->mu);
	c->done = done;
	c->total = total;
	post = !c->posted && (now - c->last >= PROGRESS_MS || done == total);
	if (post) {
		c->posted = 1;
		c->last = now;
	}
	pthread_mutex_unlock(&c->mu);
	if (post)
		ui_loop_post(c->ld->loop, on_progress, c);
}

/*
 * ui_loop_fn, on the reader's thread: show the part of the library the
 * load sent (its newest day), or, when the reader shows a window on the
 * store, the window on the store as the sync left it (every day listed
 * still); the newest day stays selected when it was.
 */
static unsigned
on_preview(void *arg)
{
	struct ui_load_ctl *c = arg;
	struct ui_state *st = c->ld->st;
	struct lib *lib, *w = NULL;
	struct buf msg = BUF_INIT;
	int newest = st->list.view == UI_VIEW_DAYS && st->list.day == 0;

	pthread_mutex_lock(&c->mu);
	lib = c->preview;
	c->preview = NULL;
	pthread_mutex_unlock(&c->mu);
	if (lib == NULL)
		return UI_ACT_NONE;
	if (!lib_whole(st->lib) && ui_paper_store(st))
		w = store_lib_window(ui_paper_store(st), NULL, &msg);
	buf_free(&msg);
	if (w) {
		lib_free(lib);
		lib = w;
	}
	ui_state_replace_lib(st, lib);
	if (newest && st->list.day != 0)
		ui_list_pick_day(st, 0);	/* the new day, when the newest was shown */
	return UI_ACT_REDRAW;
}

/* From the load's thread: a part of the library to show until the result comes. */
void
ui_load_preview(struct ui_load_ctl *c, struct lib *lib)
{
	struct lib *old;

	pthread_mutex_lock(&c->mu);
	old = c->preview;
	c->preview = lib;
	pthread_mutex_unlock(&c->mu);
	lib_free(old);	/* not shown yet: the new one replaces it */
	if (old == NULL)
		ui_loop_post(c->ld->loop, on_preview, c);
}

/* From the load's thread: the store the light library's papers are read from. */
void
ui_load_detail(struct ui_load_ctl *c, struct store *s)
{
	store_close(c->detail);
	c->detail = s;
}

/* From the load's thread: the Problems page it fills. */
struct buf *
ui_load_problems(struct ui_load_ctl *c)
{
	return &c->problems;
}

/* From the load's thread: the reader is leaving (or, for the index function, wants another load). */
const atomic_int *
ui_load_cancel_flag(struct ui_load_ctl *c)
{
	return atomic_load(&c->indexing) ? &c->stop : &c->cancel;
}

/* Free a load whose thread has been joined. */
static void
ctl_free(struct ui_load_ctl *c)
{
	lib_free(c->lib);
	lib_free(c->preview);
	index_free(c->ix);
	store_close(c->store);
	store_close(c->detail);
	buf_free(&c->msg);
	buf_free(&c->problems);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

/* Take a load's library and Problems page. */
static void
take(struct ui_loader *ld, struct ui_load_ctl *c)
{
	struct buf tmp;

	if (c->rc <= 0)
		return;
	if (c->detail) {
		ui_paper_set_store(ld->st, c->detail);	/* before the selection is found again */
		c->detail = NULL;
	}
	ui_state_replace_lib(ld->st, c->lib);
	c->lib = NULL;
	tmp = ld->problems;
	ld->problems = c->problems;
	c->problems = tmp;
}

/*
 * Show msg on the status line, the Problems page's key where UI_LOAD_HINT
 * is: after a message said since the load began (the answer to a key
 * pressed meanwhile stays), else instead of what it shows; never twice
 * (a fetch shows its note at once and again when its load ends).
 */
static void
say(struct ui_loader *ld, const struct buf *msg)
{
	struct ui_state *st = ld->st;
	struct buf m = BUF_INIT;
	const char *hint = strchr(msg->buf, UI_LOAD_HINT[0]);

	buf_init(&m);
	if (hint) {
		buf_add(&m, msg->buf, (size_t)(hint - msg->buf));
		ui_help_problems_hint(st, &m);
		buf_puts(&m, hint + 1);
	} else {
		buf_add(&m, msg->buf, msg->len);
	}
	if (st->nsaid != ld->said && st->status.len && strstr(st->status.buf, m.buf) == NULL)
		ui_state_message_after(st, "%s", m.buf);
	else
		ui_state_message(st, "%s", m.buf);
	buf_free(&m);
}

/* The reader's side of a load's end: take its library, say what it did. */
static unsigned
apply(struct ui_loader *ld, struct ui_load_ctl *c)
{
	take(ld, c);
	if (c->rc >= 0 && ld->note.len)
		say(ld, &ld->note);
	else if (c->msg.len)
		say(ld, &c->msg);
	buf_setlen(&ld->note, 0);
	return UI_ACT_REDRAW;
}

/* The reader's side of a result: the load is no longer shown as running. */
static void
stopped(struct ui_load *ul)
{
	ul->running = 0;
	ul->done = ul->total = 0;
	buf_setlen(&ul->activity, 0);
}

/* ui_loop_fn, on the reader's thread: the result, while the index function runs. */
static unsigned
on_result(void *arg)
{
	struct ui_load_ctl *c = arg;
	struct ui_loader *ld = c->ld;

	stopped(&ld->st->load);
	c->applied = 1;
	if (ld->again) {
		take(ld, c);	/* another load follows: its end says it all */
		return UI_ACT_REDRAW;
	}
	return apply(ld, c);
}

/* ui_loop_fn, on the reader's thread: the load ended. */
static unsigned
on_done(void *arg)
{
	struct ui_load_ctl *c = arg;
	struct ui_loader *ld = c->ld;
	unsigned flags = UI_ACT_REDRAW;

	pthread_join(c->th, NULL);
	ld->cur = NULL;
	stopped(&ld->st->load);
	if (!c->applied && ld->again)
		take(ld, c);	/* another load follows: its end says it all */
	else if (!c->applied)
		flags = apply(ld, c);
	if (c->store) {
		ui_search_set_store(ld->st, c->store, c->ix, c->shown);
		c->store = NULL;
		c->ix = NULL;
	}
	ctl_free(c);
	if (ld->again) {
		ld->again = 0;
		return ui_loader_begin(ld, NULL) | UI_ACT_REDRAW;
	}
	return flags;
}

/* The load's thread. */
static void *
run(void *arg)
{
	struct ui_load_ctl *c = arg;
	struct ui_loader *ld = c->ld;

	c->rc = ld->fn(ld->arg, c, &c->lib, &c->msg);
	if (c->rc <= 0) {
		lib_free(c->lib);
		c->lib = NULL;
	}
	if (c->rc >= 0 && ld->index && !atomic_load(&c->stop)) {
		/*
		 * the reader takes it; it stays until on_done, but for a window
		 * on the library, which the reader may replace at once
		 */
		c->shown = c->lib && lib_whole(c->lib) ? c->lib : NULL;
		atomic_store(&c->indexing, 1);
		ui_loop_post(ld->loop, on_result, c);
		ld->index(ld->arg, c, c->shown, &c->store, &c->ix);
	}
	ui_loop_post(ld->loop, on_done, c);
	return NULL;
}

/* Set up the loop's side. */
void
ui_loader_init(struct ui_loader *ld, struct ui_loop *loop, struct ui_state *st, ui_load_fn fn,
    void *arg, const struct buf *problems)
{
	memset(ld, 0, sizeof *ld);
	ld->loop = loop;
	ld->st = st;
	ld->fn = fn;
	ld->arg = arg;
	buf_init(&ld->note);
	buf_init(&ld->problems);
	if (problems)
		buf_add(&ld->problems, problems->buf, problems->len);
	st->help.problems = &ld->problems;
}

/* Run fn after each load. */
void
ui_loader_set_index(struct ui_loader *ld, ui_index_fn fn)
{
	ld->index = fn;
}

/* Start a load, or one more after the running one. */
unsigned
ui_loader_begin(struct ui_loader *ld, const char *note)
{
	struct ui_load_ctl *c;

	if (ld->fn == NULL) {
		ui_state_message(ld->st, "reload is not available");
		return UI_ACT_REDRAW;
	}
	if (note) {
		buf_setlen(&ld->note, 0);
		buf_puts(&ld->note, note);
	}
	if (ld->cur) {
		ld->again = 1;
		atomic_store(&ld->cur->stop, 1);	/* the index waits for the next load */
		return UI_ACT_NONE;
	}
	c = xcalloc(1, sizeof *c);
	c->ld = ld;
	ld->said = ld->st->nsaid;
	atomic_init(&c->cancel, 0);
	atomic_init(&c->indexing, 0);
	atomic_init(&c->stop, 0);
	pthread_mutex_init(&c->mu, NULL);
	buf_init(&c->msg);
	buf_init(&c->problems);
	c->last = ui_loop_now();
	if (pthread_create(&c->th, NULL, run, c) != 0) {
		ctl_free(c);
		buf_setlen(&ld->note, 0);
		ui_state_message(ld->st, "cannot read the library in the background");
		return UI_ACT_REDRAW;
	}
	ld->cur = c;
	ld->st->load.running = 1;
	activity(&ld->st->load);
	return UI_ACT_REDRAW;
}

/* Cancel, wait, drop. */
void
ui_loader_free(struct ui_loader *ld)
{
	struct ui_load_ctl *c = ld->cur;

	buf_free(&ld->note);
	if (ld->st && ld->st->help.page == &ld->problems) {
		ld->st->help.page = NULL;	/* the Problems page was open */
		ld->st->help.open = 0;
	}
	if (ld->st && ld->st->help.problems == &ld->problems)
		ld->st->help.problems = NULL;
	buf_free(&ld->problems);
	if (c == NULL)
		return;
	atomic_store(&c->cancel, 1);
	atomic_store(&c->stop, 1);
	pthread_join(c->th, NULL);
	ctl_free(c);	/* its posts are dropped with the loop: no ui_loop_wait may follow */
	ld->cur = NULL;
	ld->st->load.running = 0;
}
