/* cli/reader.c: the reader run: its first screen, its loads on the load thread, the marks at the end. */
#include "cli/reader.h"
#include "cli/load.h"
#include "base/alloc.h"
#include "store/index.h"
#include "store/indexer.h"
#include "ui/load.h"
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>

/* The reader's loads: what they read, one at a time on the load thread. */
struct reload_arg {
	struct opts *o;
	int loads;		/* loads begun so far */
	/* the problems with the settings and the marks, as they were at start */
	size_t nsetup;
	const char *first_setup;	/* the first in full, or NULL */
	struct buf setup_lines;		/* their lines on the Problems page */
	struct store *store;		/* the store the last load synced, for reader_index */
};

/*
 * Set out to the problems --check prints (the settings' and the marks' as
 * they were at start, then the inputs' of l, not the notes), a line each:
 * the reader's Problems page.
 */
static void
problem_lines(const struct reload_arg *ra, const struct loaded *l, struct buf *out)
{
	buf_setlen(out, 0);
	buf_add(out, ra->setup_lines.buf, ra->setup_lines.len);
	diag_list_lines(out, load_diags(l), 0);
}

/* store_progress's fn: the sync's files, to the reader's status line. */
static void
reader_progress(void *arg, size_t done, size_t total)
{
	ui_load_progress(arg, done, total);
}

/*
 * The status line's words for a load: what a reload read, the problems
 * (UI_LOAD_HINT where the reader names the key that lists them) and, the
 * first time, the first problem with the settings in full.
 */
static void
reader_words(const struct reload_arg *ra, const struct loaded *l, int first, struct buf *msg)
{
	size_t n = ra->nsetup + diag_problems(load_diags(l));

	if (!first && msg->len == 0)
		buf_printf(msg, "reloaded %zu papers from %zu files",
		    l->from_store ? l->rep.npapers : lib_npapers(l->lib), load_nfiles(l));
	if (n)
		buf_printf(msg, "%s%zu problem%s" UI_LOAD_HINT, msg->len ? ", " : "", n, n == 1 ? "" : "s");
	if (n && first && ra->first_setup)
		buf_printf(msg, ": %s", ra->first_setup);
}

/*
 * The load's synced hook: the newest day as the store has it now, shown
 * at once (a new day file appears before the whole library is read).
 */
static void
reader_synced(void *arg, struct store *s)
{
	struct lib *lib = load_newest_day(s);

	if (lib)
		ui_load_preview(arg, lib);
}

/* The reader's ui_load_fn: sync the store and read it (or parse), on the load thread. */
static int
reader_load(void *arg, struct ui_load_ctl *ctl, struct lib **out, struct buf *msg)
{
	struct reload_arg *ra = arg;
	struct store_progress prog = { reader_progress, ctl, ui_load_cancel_flag(ctl) };
	int first = ra->loads++ == 0;
	/*
	 * The store synced (a first build shows its progress), then parsed
	 * unless just built; at start, the newest day is shown once synced.
	 */
	struct store *detail = NULL;
	struct load_how how = { &prog, 1, msg, &ra->store, first ? reader_synced : NULL, ctl, &detail, 0 };
	struct loaded l;

	if (ra->o->samples && opts_dir_has_entries(ra->o->libdir.buf)) {
		/* the library was empty, and a fetch (R) has filled it */
		ra->o->paths[0] = ra->o->libdir.buf;
		ra->o->samples = 0;
	}
	store_close(ra->store);
	ra->store = NULL;
	load_run(ra->o, &l, NULL, &how);
	if (atomic_load(prog.cancel)) {
		store_close(detail);
		load_free(&l);
		return -1;	/* the reader is leaving */
	}
	ui_load_detail(ctl, detail);	/* the light library's papers are read through it */
	problem_lines(ra, &l, ui_load_problems(ctl));
	reader_words(ra, &l, first, msg);
	*out = l.lib;
	l.lib = NULL;
	load_free(&l);
	xtrim();	/* the parse's buffers are gone: their pages too */
	return 1;
}

/* Papers indexed in one transaction: a reload waits at most for one. */
#define INDEX_BATCH 500

/*
 * The reader's ui_index_fn: index what the load's sync stored, on the
 * load thread, and hand the store to the reader's searches.
 */
static void
reader_index(void *arg, struct ui_load_ctl *ctl, const struct lib *lib, struct store **out,
    struct index **ix)
{
	struct reload_arg *ra = arg;
	const atomic_int *stop = ui_load_cancel_flag(ctl);
	struct buf msg = BUF_INIT;

	*out = ra->store;
	ra->store = NULL;
	buf_init(&msg);
	while (*out && !atomic_load(stop) && indexer_build(*out, INDEX_BATCH, &msg) > 0)
		;
	while (*out && !atomic_load(stop) && indexer_tidy(*out, &msg) > 0)
		;
	if (*out && !atomic_load(stop)) {
		/* what the first keystroke would read, read now (a window: nothing to bind) */
		*ix = index_new(*out);
		index_bind(*ix, lib);
		index_warm(*ix, &msg);	/* on failure, the first search tries again */
	}
	buf_free(&msg);
	xtrim();
}

/*
 * After the reader: marks not saved yet get a last try; when they still
 * cannot be saved, say so on stderr and return -1 (the exit status is 1).
 */
static int
save_at_exit(const struct opts *o)
{
	if (o->state == NULL || !marks_dirty(o->state))
		return 0;
	marks_clear_msgs(o->state);
	if (marks_save(o->state) == 0)
		return 0;
	diag_print_list(stderr, marks_diags(o->state), 0, SIZE_MAX, 1);
	diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "%zu change%s to the read and starred marks could not be saved",
	    marks_ndirty(o->state), marks_ndirty(o->state) == 1 ? "" : "s");
	return -1;
}

/*
 * The reader's first screen, at once: every day with its count and the
 * newest day's papers from the store when it holds these paths (a window:
 * the load at start brings the store up to date), light, with the store
 * the other days and the papers in full are read from put in *store; else
 * nothing yet.  Caller frees both.
 */
static struct lib *
first_lib(const struct opts *o, struct store **store)
{
	struct buf msg = BUF_INIT;
	struct store *s = NULL;
	struct lib *lib = NULL;

	buf_init(&msg);
	if (!o->no_store && (s = load_open_store(o, &msg, NULL)) != NULL &&
	    store_has_paths(s, o->paths, o->npaths))
		lib = store_lib_window(s, NULL, &msg);
	if (lib) {
		*store = s;
		s = NULL;
	}
	store_close(s);
	buf_free(&msg);
	if (lib == NULL) {
		lib = lib_new();
		lib_finish(lib);
	}
	return lib;
}

/* The reader: show the first library, read the inputs in the background, save the marks at the end. */
int
reader_run(struct opts *o)
{
	struct lib *lib;
	struct ui_opts uo;
	struct reload_arg ra;
	struct buf status = BUF_INIT;
	int rc;

	buf_init(&status);
	memset(&ra, 0, sizeof ra);
	ra.o = o;
	buf_init(&ra.setup_lines);
	diag_list_lines(&ra.setup_lines, settings_diags(o->config), 0);
	if (o->state)
		diag_list_lines(&ra.setup_lines, marks_diags(o->state), 0);
	ra.nsetup = opts_setup_msgs(o, NULL);
	if (ra.nsetup) {
		/* the reader counts the problems and names the key of the Problems page */
		ra.first_setup = settings_nmsgs(o->config) ? settings_msg(o->config, 0) : marks_msg(o->state, 0);
		buf_puts(&status, ra.first_setup);
		ra.first_setup = status.buf;	/* the marks' own text may go when they are saved */
	} else if (o->samples && o->libdir.len) {
		buf_printf(&status, "%s is empty: these are the samples (R or paperboy fetch gets papers)",
		    o->libdir.buf);
	}
	memset(&uo, 0, sizeof uo);
	lib = first_lib(o, &uo.store);
	uo.problems = &ra.setup_lines;
	uo.load = reader_load;
	uo.load_arg = &ra;
	uo.index = reader_index;
	uo.load_at_start = 1;
	uo.status = status.len ? status.buf : NULL;
	uo.state = o->state;
	uo.prefs = &o->prefs;
	rc = ui_run(lib, &uo);	/* frees lib */
	store_close(ra.store);
	if (save_at_exit(o) < 0 && rc == 0)
		rc = 1;
	buf_free(&ra.setup_lines);
	buf_free(&status);
	return rc;
}
