/* ui/act.c: actions, from the commands that ask for them to carrying them out (see ui/act.h). */
#include "ui/act.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "base/safeio.h"
#include "export/export.h"
#include "settings/prefs.h"
#include "ui/fetch.h"
#include "ui/state.h"
#include "ui/term.h"

#ifdef __APPLE__
#define DEFAULT_OPENER "open"
#else
#define DEFAULT_OPENER "xdg-open"
#endif

#define LAUNCH_WAIT_MS 1000	/* how long a GUI launcher may take to report failure */

/* No request yet. */
void
ui_act_request_init(struct ui_request *r)
{
	r->target = NULL;
	r->export_fmt = -1;
	buf_init(&r->export_name);
	r->urls = NULL;
	r->nurls = r->aurls = 0;
}

/* Free the request's buffers. */
void
ui_act_request_free(struct ui_request *r)
{
	size_t i;

	buf_free(&r->export_name);
	for (i = 0; i < r->nurls; i++)
		free(r->urls[i]);
	free(r->urls);
	r->urls = NULL;
	r->nurls = r->aurls = 0;
}

/* Forget the link of the last request. */
void
ui_act_clear(struct ui_state *st)
{
	size_t i;

	st->req.target = NULL;
	for (i = 0; i < st->req.nurls; i++)
		free(st->req.urls[i]);
	free(st->req.urls);
	st->req.urls = NULL;
	st->req.nurls = st->req.aurls = 0;
}

/* Ask the loop to open link l (or say why not). */
static unsigned
want_open(struct ui_state *st, const struct link *l, const char *none)
{
	st->req.target = l;
	if (!l) {
		ui_state_message(st, "%s", none);
		return UI_ACT_REDRAW;
	}
	return UI_ACT_OPEN | UI_ACT_REDRAW;
}

/* Enter in the Links pane: open the selected link. */
unsigned
ui_act_open_link(struct ui_state *st)
{
	return want_open(st, ui_paper_link(st), "no link to open");
}

/* A number key in the Links pane: select link N and open it. */
unsigned
ui_act_open_num(struct ui_state *st)
{
	int key = st->keys.pressed;
	size_t n = key >= '1' && key <= '9' ? (size_t)(key - '1') : 0;

	if (st->nav.focus != UI_LINKS) {
		ui_state_message(st, "number keys open links in the Links pane");
		return UI_ACT_REDRAW;
	}
	if (n >= st->paper.nlinks) {
		ui_state_message(st, "no link %zu (this paper has %zu)", n + 1, st->paper.nlinks);
		return UI_ACT_REDRAW;
	}
	ui_paper_pick_link(st, n);
	return want_open(st, ui_paper_link(st), "");
}

/* o: open the paper's arXiv page. */
unsigned
ui_act_open_arxiv(struct ui_state *st)
{
	return want_open(st, ui_paper_arxiv(st), "no arXiv page for this paper");
}

/* y: copy the selected link in the Links pane, else the arXiv page. */
unsigned
ui_act_copy(struct ui_state *st)
{
	int links = st->nav.focus == UI_LINKS;

	st->req.target = links ? ui_paper_link(st) : ui_paper_arxiv(st);
	if (!st->req.target) {
		ui_state_message(st, links ? "no link to copy" : "no arXiv page for this paper");
		return UI_ACT_REDRAW;
	}
	return UI_ACT_COPY | UI_ACT_REDRAW;
}

/* A new file name for the export (-2, -3, ... when taken); 0 when none is free. */
static int
export_name(const struct ui_state *st, enum export_fmt f, struct buf *name)
{
	static const char *const ext[EXPORT_NFORMATS] = { "bib", "md", "jsonl" };
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];
	size_t i;

	localtime_r(&now, &tm);
	if (strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		stamp[0] = '\0';
	for (i = 1; i < 1000; i++) {
		struct stat sb;

		buf_setlen(name, 0);
		buf_printf(name, "paperboy-%s%s", st->tags.n ? "tagged-" :
		    st->list.view == UI_VIEW_STARRED ? "starred-" :
		    st->list.view == UI_VIEW_RESULTS ? "results-" : "", stamp);
		if (i > 1)
			buf_printf(name, "-%zu", i);
		buf_printf(name, ".%s", ext[f]);
		if (lstat(name->buf, &sb) < 0 && errno == ENOENT)
			return 1;
	}
	return 0;
}

/* E: ask for the export format (the tagged papers when some are tagged, else the list). */
unsigned
ui_act_export(struct ui_state *st)
{
	if (st->tags.n) {
		ui_state_message(st, "export the %zu tagged paper%s as b)ibtex, m)arkdown or j)son lines?"
		    " (X untags: the list)", st->tags.n, st->tags.n == 1 ? "" : "s");
		return ui_prompt_open(st, UI_PROMPT_EXPORT);
	}
	if (st->list.n == 0) {
		ui_state_message(st, "nothing to export: the list is empty");
		return UI_ACT_REDRAW;
	}
	ui_state_message(st, "export %zu papers as b)ibtex, m)arkdown or j)son lines?", st->list.n);
	return ui_prompt_open(st, UI_PROMPT_EXPORT);
}

/* The answer at the export prompt. */
unsigned
ui_act_export_key(struct ui_state *st, int key)
{
	const char *p = key > 0 && key < 0x80 ? strchr("bmj", key) : NULL;

	ui_prompt_close(st);
	if (key == KEYNAME_ESC || p == NULL || key == 0) {
		ui_state_message(st, "export cancelled");
		return UI_ACT_REDRAW;
	}
	st->req.export_fmt = p[0] == 'b' ? EXPORT_BIBTEX : p[0] == 'm' ? EXPORT_MARKDOWN : EXPORT_JSONL;
	ui_prompt_open(st, UI_PROMPT_EXPORT_NAME);
	if (!export_name(st, (enum export_fmt)st->req.export_fmt, &st->prompt.input))
		ui_prompt_clear(st);	/* every generated name is taken: the user types one */
	ui_state_message(st, "Enter writes the file");
	return UI_ACT_REDRAW;
}

/* A key at the file name prompt. */
unsigned
ui_act_export_name_key(struct ui_state *st, int key)
{
	struct buf *in = &st->prompt.input;

	if (key == KEYNAME_ESC) {
		ui_prompt_close(st);
		ui_state_message(st, "export cancelled");
	} else if (key == KEYNAME_ENTER) {
		ui_prompt_close(st);
		if (in->len == 0) {
			ui_state_message(st, "export cancelled: no file name");
			return UI_ACT_REDRAW;
		}
		buf_setlen(&st->req.export_name, 0);
		buf_add(&st->req.export_name, in->buf, in->len);
		return UI_ACT_EXPORT | UI_ACT_REDRAW;
	} else if (key == KEYNAME_BACKSPACE) {
		ui_prompt_backspace(st);
	} else if (key == KEYNAME_CTRL('u')) {
		ui_prompt_clear(st);
	} else if (!ui_prompt_add(st, key, UI_PROMPT_NAME_MAX)) {
		ui_state_message(st, "Enter writes the file");
	}
	return UI_ACT_REDRAW;
}

/* r. */
unsigned
ui_act_reload(struct ui_state *st)
{
	(void)st;
	return UI_ACT_RELOAD | UI_ACT_REDRAW;
}

/* Ctrl-L. */
unsigned
ui_act_redraw(struct ui_state *st)
{
	(void)st;
	return UI_ACT_REPAINT | UI_ACT_REDRAW;
}

/* q: quit, or ask first when marks are not saved (ui_marks_quit). */
unsigned
ui_act_quit(struct ui_state *st)
{
	return ui_marks_quit(st);
}

/*
 * Put url (one or more lines) on the clipboard: with a local tool when
 * there is one and no SSH session (launch_clip_find), else with OSC 52
 * (and append that to the test log); the message says which, naming
 * what was copied as shown.
 */
static void
copy_text(struct ui_act *a, struct ui_state *st, const char *url, const char *shown,
    const char *why)
{
	const struct launch_clip *clip = launch_clip_find(&a->lo);
	struct buf seq = BUF_INIT;
	int failed = 0;

	buf_init(&seq);
	if (clip && launch_clip_copy(&a->lo, clip, url, strlen(url), &seq) == 0) {
		ui_state_message(st, "copied with %s%s: %s", clip->name, why, shown);
		buf_free(&seq);
		return;
	}
	buf_setlen(&seq, 0);	/* the tool failed: the terminal's clipboard then */
	launch_osc52(&seq, url, a->lo.mux);
	if (a->lo.osc52_log) {
		FILE *f = fopen(a->lo.osc52_log, "ab");

		failed = f == NULL || fwrite(seq.buf, 1, seq.len, f) != seq.len;
		if (f && fclose(f) != 0)
			failed = 1;
	}
	if (a->t && ui_term_write(a->t, seq.buf, seq.len) < 0)
		failed = 1;
	if (failed)
		ui_state_message(st, "cannot write the clipboard sequence for %s", shown);
	else
		ui_state_message(st, "sent to the terminal's clipboard (OSC 52)%s: %s", why, shown);
	buf_free(&seq);
}

/* Put one url on the clipboard (see copy_text). */
static void
copy_url(struct ui_act *a, struct ui_state *st, const char *url, const char *why)
{
	copy_text(a, st, url, url, why);
}

/* Remember a launcher that is still running. */
static void
add_kid(struct ui_act *a, pid_t pid)
{
	ALLOC_GROW(a->kids, a->nkids + 1, a->akids);
	a->kids[a->nkids++] = pid;
}

/* Reap launchers that have ended; a failure goes to the status line. */
unsigned
ui_act_reap(struct ui_act *a, struct ui_state *st)
{
	size_t i = 0;
	unsigned r = UI_ACT_NONE;

	while (i < a->nkids) {
		int status = 0, w = launch_wait(a->kids[i], 0, &status);

		if (w == 0) {
			i++;
			continue;
		}
		if (w == 1) {
			struct buf why = BUF_INIT;

			buf_init(&why);
			if (!launch_status_ok(status, &why)) {
				ui_state_message(st, "browser %s", why.buf);
				r = UI_ACT_REDRAW;
			}
			buf_free(&why);
		}
		a->kids[i] = a->kids[--a->nkids];
	}
	return r;
}

/* Start a GUI browser or launcher quietly; 1 when it started (and did not fail at once). */
static int
start_quiet(struct ui_act *a, char **argv, struct buf *why)
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
		add_kid(a, pid);	/* a browser that stays: reaped when SIGCHLD comes */
		return 1;
	default:
		return 1;
	}
}

/* Run one browser of the list on url; 1 when it worked (*why says why not). */
static int
run_browser(struct ui_act *a, const char *entry, const char *url, struct buf *why)
{
	char **argv = launch_argv(entry, url);
	int ok;

	if (argv == NULL)
		return 0;
	buf_setlen(why, 0);
	if (launch_is_text_browser(&a->lo, argv[0]) && a->t) {
		ui_term_suspend(a->t);
		ok = launch_run_foreground(argv, why) == 0;
		ui_term_resume(a->t);
		a->repaint = 1;
	} else {
		ok = start_quiet(a, argv, why);
	}
	launch_argv_free(argv);
	return ok;
}

/* Start the browsers of the list in order until one works; 1 when one did. */
static int
open_url(struct ui_act *a, struct ui_state *st, const char *url)
{
	const char *list = a->lo.browser ? a->lo.browser : DEFAULT_OPENER;
	struct buf entry = BUF_INIT, why = BUF_INIT;
	size_t pos = 0;
	int ok = 0;

	buf_init(&entry);
	buf_init(&why);
	while (!ok && launch_browser_next(list, &pos, &entry))
		ok = run_browser(a, entry.buf, url, &why);
	if (ok)
		ui_state_message(st, "opened: %s", url);
	else if (why.len)
		ui_state_message(st, "%s (y copies the link)", why.buf);
	else
		ui_state_message(st, "no browser in $BROWSER (y copies the link)");
	buf_free(&entry);
	buf_free(&why);
	return ok;
}

/*
 * Open or copy a link: refused unless it is a plain http(s) URL; o and
 * Enter copy instead of opening over SSH (or when the options say so).
 */
static void
do_link(struct ui_act *a, struct ui_state *st, const struct link *l, int copy)
{
	struct buf why = BUF_INIT;

	if (l == NULL || l->url == NULL)
		return;
	buf_init(&why);
	if (!launch_url_check(l->url, &why)) {
		ui_state_message(st, "refused: %s", why.buf);
	} else if (copy) {
		copy_url(a, st, l->url, "");
	} else if (launch_copies(&a->lo)) {
		copy_url(a, st, l->url, a->lo.ssh && a->lo.open == LAUNCH_OPEN_AUTO ?
		    ", over SSH no browser is started" : "");
	} else {
		open_url(a, st, l->url);
	}
	buf_free(&why);
}

/*
 * Open req.urls: each in the browser, or, when links are copied (over
 * SSH), all of them to the clipboard at once, one a line.  Refused URLs
 * are skipped and counted.
 */
static void
open_many(struct ui_act *a, struct ui_state *st)
{
	struct buf all = BUF_INIT, why = BUF_INIT, shown = BUF_INIT;
	size_t i, ok = 0, n = st->req.nurls;

	buf_init(&all);
	buf_init(&why);
	buf_init(&shown);
	for (i = 0; i < n; i++) {
		buf_setlen(&why, 0);
		if (!launch_url_check(st->req.urls[i], &why))
			continue;
		if (launch_copies(&a->lo))
			buf_printf(&all, "%s%s", all.len ? "\n" : "", st->req.urls[i]);
		else
			ok += (size_t)open_url(a, st, st->req.urls[i]);
	}
	if (all.len) {
		buf_printf(&shown, "%zu arXiv page%s, one a line", n, n == 1 ? "" : "s");
		copy_text(a, st, all.buf, shown.buf, a->lo.ssh && a->lo.open == LAUNCH_OPEN_AUTO ?
		    ", over SSH no browser is started" : "");
	} else if (ok == n) {
		ui_state_message(st, "opened %zu arXiv page%s", ok, ok == 1 ? "" : "s");
	} else if (ok) {
		ui_state_message(st, "opened %zu of %zu arXiv pages (y copies a link)", ok, n);
	}	/* none opened: the last failure's message stays */
	buf_free(&all);
	buf_free(&why);
	buf_free(&shown);
}

/* Write the tagged papers, else the Papers list, as req.export_fmt into the new file req.export_name. */
static void
export_list(struct ui_state *st)
{
	const struct paper **v = NULL;
	size_t n = st->tags.n ? ui_tags_papers(st, &v) : ui_list_papers(st, &v);
	struct buf out = BUF_INIT, name = BUF_INIT, err = BUF_INIT;
	int fmt = st->req.export_fmt;
	struct lib *full = NULL;
	struct stat sb;

	buf_init(&out);
	buf_init(&name);
	buf_init(&err);
	if (fmt < 0 || fmt >= EXPORT_NFORMATS || n == 0) {
		ui_state_message(st, "nothing exported");
	} else if (ui_paper_full_list(st, v, n, &full, &err) < 0) {
		ui_state_message(st, "cannot export: %s", err.buf);	/* a light library's text is in the store */
	} else {
		export_papers(&out, (enum export_fmt)fmt, full ? full : st->lib, st->marks.store,
		    st->paper.lang, v, n);
		buf_add(&name, st->req.export_name.buf, st->req.export_name.len);
		if (lstat(name.buf, &sb) == 0 || errno != ENOENT)
			ui_state_message(st, "cannot export: '%s' exists (not replaced)", name.buf);
		else if (safeio_write(name.buf, out.buf ? out.buf : "", out.len, 0644, &err) < 0)
			ui_state_message(st, "cannot export: %s", err.len ? err.buf : "write failed");
		else
			ui_state_message(st, "exported %zu %spaper%s to %s", n,
			    st->tags.n ? "tagged " : "", n == 1 ? "" : "s", name.buf);
	}
	lib_free(full);
	free(v);
	buf_free(&out);
	buf_free(&name);
	buf_free(&err);
}

/* The environment's link facts, default preferences. */
void
ui_act_init(struct ui_act *a, struct ui_term *t)
{
	memset(a, 0, sizeof *a);
	a->t = t;
	launch_opts_init(&a->lo, launch_getenv, NULL);
}

/* The preferences' link options. */
void
ui_act_configure(struct ui_act *a, const struct prefs *p)
{
	if (p)
		a->lo = p->launch;
}

/* Carry out the actions returned by a handler; 1 means quit. */
int
ui_act_run(struct ui_act *a, struct ui_state *st, unsigned flags)
{
	if (flags & UI_ACT_QUIT)
		return 1;
	if ((flags & UI_ACT_RELOAD) && a->loader)
		ui_loader_begin(a->loader, NULL);
	else if (flags & UI_ACT_RELOAD)
		ui_state_message(st, "reload is not available");
	if (flags & UI_ACT_EXPORT)
		export_list(st);
	if (flags & (UI_ACT_OPEN | UI_ACT_COPY))
		do_link(a, st, st->req.target, (flags & UI_ACT_COPY) != 0);
	if (flags & UI_ACT_OPEN_MANY)
		open_many(a, st);
	if ((flags & UI_ACT_FETCH) && a->fetcher)
		ui_fetcher_begin(a->fetcher);
	else if (flags & UI_ACT_FETCH)
		ui_state_message(st, "fetching is not available");
	ui_act_clear(st);
	return 0;
}

/* Reap what has ended; free. */
void
ui_act_free(struct ui_act *a, struct ui_state *st)
{
	ui_act_reap(a, st);
	free(a->kids);
	memset(a, 0, sizeof *a);
}
