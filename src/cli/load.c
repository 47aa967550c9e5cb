/* cli/load.c: what a run reads, from the library store or by parsing. */
#include "cli/load.h"
#include "base/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Number of files read. */
size_t
load_nfiles(const struct loaded *l)
{
	return l->from_store ? l->rep.nfiles : ingest_nfiles(l->ing);
}

/* File i. */
const struct ingest_file *
load_file(const struct loaded *l, size_t i)
{
	return l->from_store ? &l->rep.files[i] : ingest_file(l->ing, i);
}

/* The messages about the files, in file order (a file's: first_msg, nmsgs). */
const struct diag_list *
load_diags(const struct loaded *l)
{
	return l->from_store ? &l->rep.diags : ingest_diags(l->ing);
}

/* Free what load gave. */
void
load_free(struct loaded *l)
{
	store_close(l->store);	/* before the library, which its writing reads */
	lib_free(l->lib);
	ingest_free(l->ing);
	if (l->from_store)
		store_report_free(&l->rep);
	memset(l, 0, sizeof *l);
}

/*
 * Parse every path into a new library; a nonzero *cancel (may be NULL)
 * stops the reading early, and the caller then drops the result.
 */
static void
load_parse(const struct opts *o, struct loaded *l, const atomic_int *cancel, int light)
{
	size_t i;

	l->lib = lib_new();
	lib_set_light(l->lib, light || o->mode == MODE_CHECK);
	l->ing = ingest_new(l->lib);
	ingest_set_max_file_size(l->ing, o->prefs.max_file_size);
	ingest_set_cancel(l->ing, cancel);
	for (i = 0; i < o->npaths; i++)
		if (ingest_path(l->ing, o->paths[i]) < 0)
			l->rc = -1;
	if (o->mode != MODE_CHECK)	/* --check only counts: no display order needed */
		lib_finish(l->lib);
}

/* The newest day's papers in store s, as a library (caller frees), or NULL. */
struct lib *
load_newest_day(struct store *s)
{
	struct buf msg = BUF_INIT, label = BUF_INIT;
	struct lib *lib = NULL;

	buf_init(&label);
	if (store_newest_day(s, &label, &msg) > 0)
		lib = store_lib_day(s, label.buf, &msg);
	buf_free(&label);
	buf_free(&msg);
	return lib;
}

/*
 * Sync the store and read from it; -1 (msg set, l empty) when the caller
 * must parse instead.  With how->built_only the library is taken only
 * from a first build, which merged it already; otherwise -1 with msg
 * empty, because parsing is faster than merging it all back.
 */
static int
load_store(const struct opts *o, struct store *s, struct loaded *l, const struct load_how *how,
    struct buf *msg)
{
	store_set_max_file_size(s, o->prefs.max_file_size);
	if (store_sync(s, o->paths, o->npaths, how->prog, &l->stats, msg) < 0)
		return -1;
	if (how->synced && !l->stats.built && (l->stats.read || l->stats.removed))
		how->synced(how->arg, s);
	if (how->built_only && (!l->stats.built || how->light))
		return -1;	/* parsed instead: light, or faster than merging it back */
	l->from_store = 1;	/* store_report fills l->rep even when it fails */
	if (store_report(s, &l->rep, msg) < 0 ||
	    (o->mode != MODE_CHECK && (l->lib = store_lib(s, msg)) == NULL)) {
		load_free(l);
		return -1;
	}
	l->rc = l->rep.failed ? -1 : 0;
	return 0;
}

/* Open the store named by --store, else the default one (a rebuild noted on f); NULL with the reason in msg. */
struct store *
load_open_store(const struct opts *o, struct buf *msg, FILE *f)
{
	struct buf path = BUF_INIT;
	struct store *s = NULL;

	buf_init(&path);
	if (o->store)
		buf_puts(&path, o->store);
	else if (store_default_path(&path, o->paths, o->named ? o->npaths : 0) < 0)
		buf_puts(msg, "no directory for the library store (set HOME or PAPERBOY_CACHE)");
	if (path.len)
		s = store_open(path.buf, msg);
	if (s && msg->len && f)
		diag_printf(f, DIAG_PLAIN, "paperboy", 0, "%s", msg->buf);	/* rebuilt: a note */
	if (s)
		buf_setlen(msg, 0);
	buf_free(&path);
	return s;
}

/*
 * Read a light library (how->light) when the store is kept and up to
 * date: a window on its newest day from its papers' rows
 * (store_lib_window), or failing that (a note in how->note) the whole
 * library by a light parse; the store's report gives the problems (a
 * light parse skips some).  Returns 1 then, else 0 (the caller parses in
 * full).
 */
static int
read_light(const struct opts *o, const struct load_how *how, struct loaded *l, const atomic_int *cancel)
{
	struct buf msg = BUF_INIT;
	int ok;

	if (!how->light || how->keep == NULL || *how->keep == NULL)
		return 0;
	store_shrink(*how->keep);	/* the sync is over: the reader reads a paper at a time */
	buf_init(&msg);
	l->from_store = 1;
	ok = store_report(*how->keep, &l->rep, &msg) == 0 &&
	    (*how->light = load_open_store(o, &msg, NULL)) != NULL;
	if (!ok) {
		store_report_free(&l->rep);	/* the files' own messages instead */
		l->from_store = 0;
	}
	store_shrink(*how->light);
	/* a window (every day, the newest day's papers): the reader reads the others as it shows them */
	if (ok && (l->lib = store_lib_window(*how->keep, NULL, &msg)) == NULL) {
		if (how->note)
			buf_printf(how->note, "%s (reading the files instead)", msg.buf);
		load_parse(o, l, cancel, 1);
	}
	buf_free(&msg);
	return ok;
}

/*
 * Read every path into l: through the library store unless --no-store,
 * else (or when the store cannot be used: a one-line message on f, or
 * into how->note when f is NULL) by parsing.  Once the cancel flag of
 * how->prog is set nothing more is read.
 */
void
load_run(const struct opts *o, struct loaded *l, FILE *f, const struct load_how *how)
{
	const atomic_int *cancel = how->prog ? how->prog->cancel : NULL;
	struct buf *note = how->note;
	struct buf msg = BUF_INIT;
	struct store *s;
	int rc, failed;

	memset(l, 0, sizeof *l);
	buf_init(&msg);
	if (!o->no_store) {
		s = load_open_store(o, &msg, f);
		if (s && how->early && !how->keep)
			store_set_early(s, 1);
		rc = s ? load_store(o, s, l, how, &msg) : -1;
		failed = s == NULL || msg.len > 0;	/* else up to date with the inputs */
		if (how->keep && !failed) {
			*how->keep = s;
			s = NULL;
		} else if (rc == 0 && how->early) {
			l->store = s;	/* closed once the output is written */
			s = NULL;
		}
		store_close(s);
		if (rc == 0) {
			buf_free(&msg);
			return;
		}
		if (failed && f)
			diag_printf(f, DIAG_PLAIN, "paperboy", 0, "%s (reading the files instead)",
			    msg.len ? msg.buf : "no store");
		else if (failed && note && !(cancel && atomic_load(cancel)))
			buf_printf(note, "%s (reading the files instead)", msg.len ? msg.buf : "no store");
	}
	if (!(cancel && atomic_load(cancel)) && !read_light(o, how, l, cancel))
		load_parse(o, l, cancel, 0);
	buf_free(&msg);
}

/* Read every path into l (load_with, no progress); problems with the store go to f. */
void
load_plain(const struct opts *o, struct loaded *l, FILE *f)
{
	struct load_how how;

	memset(&how, 0, sizeof how);
	how.early = 1;
	load_run(o, l, f, &how);
}

/* Wait for a first build still writing the store; a note on f when it could not. */
void
load_settle(struct loaded *l, FILE *f)
{
	struct buf msg = BUF_INIT;

	buf_init(&msg);
	if (l->store && store_wait(l->store, &msg) < 0)
		diag_printf(f, DIAG_PLAIN, "paperboy", 0, "%s (the store is built again next time)", msg.buf);
	buf_free(&msg);
}
