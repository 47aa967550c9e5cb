/* ui/fetch.c: fetching in the background from the reader (see ui/fetch.h). */
#include "ui/fetch.h"

#include <string.h>

#include "fetch/fetch.h"
#include "fetch/report.h"
#include "settings/prefs.h"
#include "ui/act.h"
#include "ui/loop.h"
#include "ui/state.h"

/* Free the part. */
void
ui_fetch_free(struct ui_fetch *uf)
{
	buf_free(&uf->activity);
	buf_free(&uf->report);
	uf->running = 0;
}

/* R. */
unsigned
ui_fetch_start(struct ui_state *st)
{
	if (st->fetch.running) {
		ui_state_message(st, "a fetch is running (F shows the last report)");
		return UI_ACT_REDRAW;
	}
	return UI_ACT_FETCH | UI_ACT_REDRAW;
}

/* F. */
unsigned
ui_fetch_show(struct ui_state *st)
{
	if (st->fetch.report.len == 0) {
		ui_state_message(st, st->fetch.running ? "no day has ended yet" :
		    "nothing fetched yet (R fetches)");
		return UI_ACT_REDRAW;
	}
	ui_help_show(st, "Fetch", &st->fetch.report);
	return UI_ACT_REDRAW;
}

/* Set up the loop's side. */
void
ui_fetcher_init(struct ui_fetcher *fr, struct ui_loop *loop, const struct prefs *p,
    struct ui_state *st, struct ui_act *act)
{
	memset(fr, 0, sizeof *fr);
	fr->loop = loop;
	fr->prefs = p;
	fr->st = st;
	fr->act = act;
}

/* The fetch ended: reload the inputs, keep the report, say how it went (now and when reloaded). */
static unsigned
finish(struct ui_fetcher *fr)
{
	struct ui_state *st = fr->st;
	size_t failed = report_nfailed(fr->rep), days, nnew, nupd;
	struct buf note = BUF_INIT;

	ui_loop_remove(fr->loop, fetch_fd(fr->f));
	fetch_end(fr->f);
	fr->f = NULL;
	report_summary(fr->rep, &st->fetch.report);
	report_counts(fr->rep, &days, &nnew, &nupd);
	if (report_not_run(fr->rep))	/* "fetch failed: REASON" (no libcurl, ...) */
		report_total(fr->rep, &note);
	else if (failed)	/* the failures first: the line may be cut */
		buf_printf(&note, "fetch: %zu of %zu failed (F shows why), %zu new papers, %zu updated",
		    failed, days, nnew, nupd);
	else
		buf_printf(&note, "fetch: %zu new papers, %zu updated", nnew, nupd);
	report_free(fr->rep);
	fr->rep = NULL;
	st->fetch.running = 0;
	buf_setlen(&st->fetch.activity, 0);
	if (fr->act->loader)
		ui_loader_begin(fr->act->loader, note.buf);
	ui_state_message(st, "%s", note.buf);
	buf_free(&note);
	return UI_ACT_REDRAW;
}

/* ui_loop_fn: the fetch's descriptor is readable: take its events. */
static unsigned
on_events(void *arg)
{
	struct ui_fetcher *fr = arg;
	struct fetch_event ev;
	unsigned flags = 0;
	int rc;

	memset(&ev, 0, sizeof ev);
	while ((rc = fetch_next(fr->f, &ev)) == 1) {
		if (ev.kind == FETCH_EV_PROGRESS) {
			buf_setlen(&fr->st->fetch.activity, 0);
			report_progress(&ev, &fr->st->fetch.activity);
		}
		report_event(fr->rep, &ev, &fr->st->fetch.report);
		fetch_event_clear(&ev);
		flags |= UI_ACT_REDRAW;
	}
	if (rc < 0)
		flags |= finish(fr);
	return flags;
}

/* Start a fetch. */
unsigned
ui_fetcher_begin(struct ui_fetcher *fr)
{
	struct ui_state *st = fr->st;
	struct fetch_opts o;
	struct buf err = BUF_INIT;

	if (fr->prefs == NULL || st->fetch.running) {
		ui_state_message(st, st->fetch.running ? "a fetch is running" : "fetching is not available");
		return UI_ACT_REDRAW;
	}
	memset(&o, 0, sizeof o);
	o.sources = fr->prefs->sources;
	o.ca_file = fr->prefs->ca_file;
	o.since = o.until = -1;
	o.libdir = fr->prefs->library_dir ? fr->prefs->library_dir : "";
	fr->f = fetch_start(&o, &err);
	if (fr->f == NULL) {
		ui_state_message(st, "cannot fetch: %s", err.buf);
	} else {
		fr->rep = report_new(0);
		st->fetch.running = 1;
		buf_setlen(&st->fetch.report, 0);
		buf_puts(&st->fetch.activity, "fetching");
		ui_loop_add(fr->loop, fetch_fd(fr->f), on_events, fr);
	}
	buf_free(&err);
	return UI_ACT_REDRAW;
}

/* Stop and wait. */
void
ui_fetcher_free(struct ui_fetcher *fr)
{
	if (fr->f) {
		ui_loop_remove(fr->loop, fetch_fd(fr->f));
		fetch_cancel(fr->f);
		fetch_end(fr->f);
		fr->f = NULL;
	}
	report_free(fr->rep);
	fr->rep = NULL;
}
