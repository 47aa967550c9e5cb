/* test_ui_load.c: reading the library in the background (ui/load.h). */
#include "unit.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/lib.h"
#include "store/store.h"
#include "ui/load.h"
#include "ui/loop.h"
#include "ui/state.h"

/* What the test's load does, and what it saw. */
struct fake {
	int rc;			/* what the load returns */
	int calls;
	int hold[2];		/* a pipe: the load waits for a byte (or end of file) before it ends */
	int saw_cancel;		/* the load ended because the reader left */
	int waits_for_cancel;	/* the load runs until it is cancelled (at most 5 s) */
	int preview;		/* the load shows a part of the library first */
	const char *light;	/* a directory: the load reads it light, with its store db */
	const char *db;
};

/* The test's ui_load_fn: progress, then wait as told, then the result. */
static int
fake_load(void *arg, struct ui_load_ctl *ctl, struct lib **lib, struct buf *msg)
{
	struct fake *f = arg;
	char b;
	int i;

	f->calls++;
	ui_load_progress(ctl, 7, 7);	/* the last file: shown at once */
	if (f->preview)
		ui_load_preview(ctl, unit_lib(2));
	if (f->waits_for_cancel) {
		for (i = 0; i < 500 && !atomic_load(ui_load_cancel_flag(ctl)); i++)
			usleep(10000);
		f->saw_cancel = atomic_load(ui_load_cancel_flag(ctl));
		return -1;
	}
	if (f->hold[0] >= 0)
		(void)!read(f->hold[0], &b, 1);
	buf_printf(msg, "load %d", f->calls);
	if (f->light) {
		struct buf why = BUF_INIT;

		*lib = unit_parse_path_light(f->light, 1);
		ui_load_detail(ctl, store_open(f->db, &why));
		buf_free(&why);
		return 1;
	}
	if (f->rc > 0)
		*lib = unit_lib(1);
	return f->rc;
}

/* Run the loop until no load runs (bounded: 10 s). */
static void
settle(struct ui_loop *loop, struct ui_state *st)
{
	int i;

	for (i = 0; i < 200 && st->load.running; i++)
		ui_loop_wait(loop, 50);
	assert_false(st->load.running);
}

/* A test's reader: a loop, a state on the small library, a loader running fake. */
struct rig {
	struct ui_loop *loop;
	struct ui_state st;
	struct ui_loader ld;
	struct fake f;
};

/* Set up a rig whose load returns rc. */
static void
rig_init(struct rig *r, int rc)
{
	memset(r, 0, sizeof *r);
	r->loop = ui_loop_new();
	assert_non_null(r->loop);
	ui_state_init(&r->st, unit_lib(0), NULL, NULL);
	unit_fit(&r->st, 24, 80);
	r->f.rc = rc;
	r->f.hold[0] = r->f.hold[1] = -1;
	ui_loader_init(&r->ld, r->loop, &r->st, fake_load, &r->f, NULL);
}

/* Tear a rig down. */
static void
rig_free(struct rig *r)
{
	ui_loader_free(&r->ld);
	ui_state_free(&r->st);
	ui_loop_free(r->loop);
	if (r->f.hold[0] >= 0)
		close(r->f.hold[0]);
	if (r->f.hold[1] >= 0)
		close(r->f.hold[1]);
}

/* The progress shows while the load runs; its library then replaces the shown one. */
static void
test_progress_then_library(void **unused)
{
	struct rig r;
	int i;

	(void)unused;
	rig_init(&r, 1);
	assert_int_equal(pipe(r.f.hold), 0);
	ui_loader_begin(&r.ld, NULL);
	assert_true(r.st.load.running);
	assert_string_equal(r.st.load.activity.buf, "reading the library");
	for (i = 0; i < 200 && strstr(r.st.load.activity.buf, "7 of 7") == NULL; i++)
		ui_loop_wait(r.loop, 50);
	assert_string_equal(r.st.load.activity.buf, "reading the library: 7 of 7 files");
	assert_int_equal(r.st.list.n, 2);	/* still the old library */
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	assert_int_equal(r.st.list.n, 3);
	assert_string_equal(unit_title(&r.st), "Alpha paper");	/* the selection is kept */
	assert_string_equal(r.st.status.buf, "load 1");
	assert_int_equal(r.st.load.activity.len, 0);
	rig_free(&r);
}

/*
 * A message said while the load ran (the answer to a key pressed
 * meanwhile) stays, the load's words after it; one cleared since is
 * simply replaced.
 */
static void
test_message_meanwhile(void **unused)
{
	struct rig r;

	(void)unused;
	rig_init(&r, 1);
	assert_int_equal(pipe(r.f.hold), 0);
	ui_loader_begin(&r.ld, NULL);
	ui_state_message(&r.st, "browser \"false\" exited with status 1");
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	assert_string_equal(r.st.status.buf, "browser \"false\" exited with status 1 | load 1");
	ui_loader_begin(&r.ld, NULL);
	ui_state_message(&r.st, "language 1 of 2");
	ui_state_clear_status(&r.st);	/* the next key cleared it */
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	assert_string_equal(r.st.status.buf, "load 2");
	ui_loader_begin(&r.ld, NULL);	/* nothing said meanwhile: replaced */
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	assert_string_equal(r.st.status.buf, "load 3");
	ui_loader_begin(&r.ld, "fetch: 2 new papers");	/* a fetch's note, shown at once too */
	ui_state_message(&r.st, "fetch: 2 new papers");
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	assert_string_equal(r.st.status.buf, "fetch: 2 new papers");	/* not twice */
	rig_free(&r);
}

/* Nothing changed (0) or a failure (-1): the library shown stays, the message shows. */
static void
test_unchanged_and_failed(void **unused)
{
	struct rig r;
	const struct lib *before;

	(void)unused;
	rig_init(&r, 0);
	before = r.st.lib;
	ui_loader_begin(&r.ld, NULL);
	settle(r.loop, &r.st);
	assert_ptr_equal(r.st.lib, before);
	assert_string_equal(r.st.status.buf, "load 1");
	r.f.rc = -1;
	ui_loader_begin(&r.ld, "never shown: the load failed");
	settle(r.loop, &r.st);
	assert_ptr_equal(r.st.lib, before);
	assert_string_equal(r.st.status.buf, "load 2");
	rig_free(&r);
}

/* Asked again while one runs: one more load after it, and the note is what the end says. */
static void
test_again_and_note(void **unused)
{
	struct rig r;

	(void)unused;
	rig_init(&r, 1);
	assert_int_equal(pipe(r.f.hold), 0);
	ui_loader_begin(&r.ld, NULL);
	ui_loader_begin(&r.ld, "fetch: 3 new papers, 0 updated");
	ui_loader_begin(&r.ld, NULL);	/* still one more, not two */
	close(r.f.hold[1]);		/* end of file: neither load waits */
	r.f.hold[1] = -1;
	settle(r.loop, &r.st);
	assert_int_equal(r.f.calls, 2);
	assert_int_equal(r.st.list.n, 3);
	assert_string_equal(r.st.status.buf, "fetch: 3 new papers, 0 updated");
	rig_free(&r);
}

/* Leaving cancels a running load and waits for it; nothing is applied. */
static void
test_cancel(void **unused)
{
	struct rig r;
	double t0;

	(void)unused;
	rig_init(&r, 1);
	r.f.waits_for_cancel = 1;
	ui_loader_begin(&r.ld, NULL);
	usleep(20000);
	t0 = ui_loop_now();
	ui_loader_free(&r.ld);
	assert_true(ui_loop_now() - t0 < 2000);
	assert_int_equal(r.f.saw_cancel, 1);
	assert_false(r.st.load.running);
	assert_int_equal(r.st.list.n, 2);
	rig_free(&r);
}

/* Without a load function, r says so. */
static void
test_not_available(void **unused)
{
	struct rig r;

	(void)unused;
	rig_init(&r, 1);
	ui_loader_init(&r.ld, r.loop, &r.st, NULL, NULL, NULL);
	ui_loader_begin(&r.ld, NULL);
	assert_false(r.st.load.running);
	assert_string_equal(r.st.status.buf, "reload is not available");
	rig_free(&r);
}

/* A part of the library is shown while the load runs, then its result. */
static void
test_preview(void **unused)
{
	struct rig r;
	int i;

	(void)unused;
	rig_init(&r, 1);
	r.f.preview = 1;
	assert_int_equal(pipe(r.f.hold), 0);
	ui_loader_begin(&r.ld, NULL);
	for (i = 0; i < 200 && r.st.list.n == 2; i++)
		ui_loop_wait(r.loop, 50);
	assert_int_equal(r.st.list.n, 3);	/* unit_lib(2)'s first day */
	assert_true(r.st.load.running);	/* and the load goes on */
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	assert_string_equal(r.st.status.buf, "load 1");
	rig_free(&r);
}

/*
 * A reader on a window: the load's preview after its sync brings the
 * window on the store as the sync left it (every day, the new one too),
 * and the new day is selected, as the newest was.
 */
static void
test_preview_window(void **unused)
{
	char dir[300], *paths[1];
	struct buf file = BUF_INIT, db = BUF_INIT, msg = BUF_INIT;
	struct store *s;
	struct rig r;
	int i;

	(void)unused;
	unit_write_store_lib(dir, sizeof dir, &file);
	s = unit_indexed_store(dir, &db);
	rig_init(&r, 1);
	ui_paper_set_store(&r.st, store_open(db.buf, &msg));
	ui_state_replace_lib(&r.st, store_lib_window(ui_paper_store(&r.st), NULL, &msg));
	assert_false(lib_whole(r.st.lib));
	assert_int_equal(lib_ndays(r.st.lib), 2);
	/* a new day, synced as the load syncs before its preview */
	unit_append(file.buf, "\n## Papers for 2024-01-03\n\n| Title | Authors | Summary |\n|---|---|---|\n"
	    "| Zeta Paper | Zed Doe | New. |\n");
	paths[0] = dir;
	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	r.f.preview = 1;
	assert_int_equal(pipe(r.f.hold), 0);
	ui_loader_begin(&r.ld, NULL);
	for (i = 0; i < 200 && lib_ndays(r.st.lib) == 2; i++)
		ui_loop_wait(r.loop, 50);
	unit_fit(&r.st, 24, 80);
	assert_false(lib_whole(r.st.lib));
	assert_int_equal(lib_ndays(r.st.lib), 3);
	assert_string_equal(lib_day(r.st.lib, r.st.list.day)->label, "2024-01-03");
	assert_string_equal(unit_title(&r.st), "Zeta Paper");
	assert_int_equal(write(r.f.hold[1], "x", 1), 1);
	settle(r.loop, &r.st);
	rig_free(&r);
	store_close(s);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
	buf_free(&msg);
}

/* A light library comes with the store its papers are read from: the selected one is shown in full at once. */
static void
test_light_with_store(void **unused)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT;
	struct rig r;

	(void)unused;
	unit_write_store_lib(dir, sizeof dir, &file);
	store_close(unit_indexed_store(dir, &db));
	rig_init(&r, 1);
	r.f.light = dir;
	r.f.db = db.buf;
	ui_loader_begin(&r.ld, NULL);
	settle(r.loop, &r.st);
	assert_true(lib_is_light(r.st.lib));
	assert_non_null(r.st.paper.store);
	assert_null(r.st.search.store);			/* no index function: the store came with the library */
	assert_string_equal(unit_title(&r.st), "Gamma Paper");
	assert_int_equal(ui_list_paper(&r.st)->nauthors, 1);
	assert_int_equal(ui_list_paper(&r.st)->nsums, 1);
	rig_free(&r);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
}

static atomic_int index_calls, index_stopped;

/* The test's ui_index_fn: run until told to stop (at most 5 s), hand no store. */
static void
fake_index(void *arg, struct ui_load_ctl *ctl, const struct lib *lib, struct store **store,
    struct index **ix)
{
	int i;

	(void)arg;
	(void)ix;
	assert_non_null(lib);
	atomic_fetch_add(&index_calls, 1);
	for (i = 0; i < 500 && !atomic_load(ui_load_cancel_flag(ctl)); i++)
		usleep(10000);
	atomic_store(&index_stopped, atomic_load(ui_load_cancel_flag(ctl)));
	*store = NULL;
}

/*
 * The library is the reader's before the index function ends; asking for
 * another load stops the index function, and the load follows; leaving
 * stops it too.
 */
static void
test_index_after_load(void **unused)
{
	struct rig r;
	int i;

	(void)unused;
	atomic_store(&index_calls, 0);
	atomic_store(&index_stopped, 0);
	rig_init(&r, 1);
	ui_loader_set_index(&r.ld, fake_index);
	ui_loader_begin(&r.ld, NULL);
	settle(r.loop, &r.st);
	assert_int_equal(r.st.list.n, 3);		/* taken */
	assert_string_equal(r.st.status.buf, "load 1");
	for (i = 0; i < 200 && atomic_load(&index_calls) == 0; i++)
		ui_loop_wait(r.loop, 10);
	assert_non_null(r.ld.cur);			/* the index function runs */
	ui_loader_begin(&r.ld, NULL);			/* r */
	for (i = 0; i < 200 && r.f.calls < 2; i++)
		ui_loop_wait(r.loop, 50);
	assert_int_equal(r.f.calls, 2);
	assert_int_equal(atomic_load(&index_stopped), 1);
	settle(r.loop, &r.st);
	for (i = 0; i < 200 && atomic_load(&index_calls) < 2; i++)
		ui_loop_wait(r.loop, 10);
	atomic_store(&index_stopped, 0);
	rig_free(&r);					/* leaving stops it at once */
	assert_int_equal(atomic_load(&index_stopped), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_progress_then_library),
		cmocka_unit_test(test_message_meanwhile),
		cmocka_unit_test(test_unchanged_and_failed),
		cmocka_unit_test(test_again_and_note),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_not_available),
		cmocka_unit_test(test_preview),
		cmocka_unit_test(test_preview_window),
		cmocka_unit_test(test_index_after_load),
		cmocka_unit_test(test_light_with_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
