/* test_ui_state.c: the state as a whole: a reload keeps the selection (ui/state.h). */
#include "unit.h"

#include "base/buf.h"
#include "marks/marks.h"
#include "model/lib.h"
#include "store/store.h"
#include "ui/state.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* Reload keeps day, category, paper and read marks by key. */
static void
test_state_reload(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'j');	/* Beta, read */
	st.nav.focus = UI_CATS;
	ui_keys_handle(&st, 'j');	/* NLP */
	st.nav.focus = UI_PAPERS;
	ui_keys_handle(&st, 'j');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_true(ui_keys_handle(&st, 'r') & UI_ACT_RELOAD);
	ui_state_replace_lib(&st, unit_lib(1));	/* Epsilon joins the day, ranked first */
	unit_fit(&st, 24, 80);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-06");
	assert_string_equal(st.list.cats[st.list.cat - 1].name, "NLP");
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_int_equal(st.list.n, 3);
	ui_keys_handle(&st, 'g');
	assert_string_equal(unit_title(&st), "Epsilon new paper");
	ui_state_free(&st);
}

#define HEAD(day) "## Papers for " day "\n\n| Title | Authors | Summary |\n|---|---|---|\n"

/* Four days; Shared Paper is on 2024-01-03 and 2024-01-01. */
static void
write_days(char *dir, size_t dsize, struct buf *file)
{
	snprintf(dir, dsize, "%s/pbwin.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	buf_printf(file, "%s/papers.md", dir);
	unit_append(file->buf, HEAD("2024-01-04") "| Alpha Paper | A | Alpha text. |\n"
	    "| Beta Paper | B | Beta text. |\n\n"
	    HEAD("2024-01-03") "| Gamma Paper | C | Gamma text. |\n| Shared Paper | S | Shared text. |\n\n"
	    HEAD("2024-01-02") "| Delta Paper | D | Delta text. |\n\n"
	    HEAD("2024-01-01") "| Epsilon Paper | E | Epsilon text. |\n| Shared Paper | S | Shared text. |\n");
}

/* The key of the paper titled title in lib. */
static const char *
key_of(const struct lib *lib, const char *title)
{
	size_t i;

	for (i = 0; i < lib_npapers(lib); i++)
		if (strcmp(lib_paper(lib, i)->title, title) == 0)
			return lib_paper(lib, i)->key;
	fail_msg("no paper '%s'", title);
	return NULL;
}

/* The one tagged paper of st is titled title. */
static void
tagged_title(const struct ui_state *st, const char *title)
{
	uint32_t *v;

	assert_int_equal(ui_tags_indices(st, &v), 1);
	assert_string_equal(lib_paper(st->lib, v[0])->title, title);
	free(v);
}

/*
 * Write the days into a new directory dir (file: their file), store them
 * in db, and start st on a window on the newest day, the store its own:
 * the whole library parsed, which the caller frees.
 */
static struct lib *
window_state(struct ui_state *st, char *dir, size_t dsize, struct buf *file, struct buf *db)
{
	struct buf msg = BUF_INIT;
	struct lib *all;
	struct store *s;

	write_days(dir, dsize, file);
	all = unit_parse_path_light(dir, 1);
	s = unit_indexed_store(dir, db);
	ui_state_init(st, store_lib_window(s, NULL, &msg), NULL, NULL);
	ui_paper_set_store(st, s);	/* the state closes it */
	buf_free(&msg);
	return all;
}

/* A window's day counts and unread counts are the whole library's with the same marks. */
static void
same_counts(struct ui_state *win, const char *dir)
{
	struct ui_state whole;
	size_t i, nd;
	const char **keys;
	size_t n = marks_keys(win->marks.store, MARKS_READ, &keys);

	ui_state_init(&whole, unit_parse_path_light(dir, 1), NULL, NULL);
	for (i = 0; i < n; i++)
		marks_set(whole.marks.store, keys[i], MARKS_READ, 1);
	free(keys);
	n = marks_keys(win->marks.store, MARKS_STARRED, &keys);
	for (i = 0; i < n; i++)
		marks_set(whole.marks.store, keys[i], MARKS_STARRED, 1);
	free(keys);
	ui_marks_load(&whole);
	nd = lib_ndays(whole.lib);
	ui_marks_count_days(win, 0, nd);
	assert_int_equal(lib_ndays(win->lib), nd);
	for (i = 0; i < nd; i++) {
		assert_string_equal(lib_day(win->lib, i)->label, lib_day(whole.lib, i)->label);
		assert_int_equal(lib_day(win->lib, i)->count, lib_day(whole.lib, i)->npapers);
		assert_int_equal(win->marks.unread_day[i], whole.marks.unread_day[i]);
	}
	assert_int_equal(win->marks.nstarred, whole.marks.nstarred);
	ui_state_free(&whole);
}

/*
 * A window on the library (every day, one day's papers) reads each day
 * from the store as it is shown, counts the unread papers of the days it
 * does not hold from the marks, and takes the whole library for what
 * needs every day: the starred view, a search, tags.
 */
static void
test_window(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT, msg = BUF_INIT;
	struct ui_state st;
	struct lib *all = NULL;
	unsigned gen;

	(void)state;
	all = window_state(&st, dir, sizeof dir, &file, &db);
	unit_fit(&st, 24, 100);
	assert_false(lib_whole(st.lib));
	assert_int_equal(lib_npapers(st.lib), 2);
	assert_string_equal(unit_title(&st), "Alpha Paper");
	/* read and starred papers the window does not hold count on their days */
	marks_set(st.marks.store, key_of(all, "Shared Paper"), MARKS_READ, 1);
	marks_set(st.marks.store, key_of(all, "Delta Paper"), MARKS_READ, 1);
	marks_set(st.marks.store, key_of(all, "Epsilon Paper"), MARKS_STARRED, 1);
	marks_set(st.marks.store, key_of(all, "Alpha Paper"), MARKS_READ, 1);
	ui_marks_load(&st);
	assert_false(st.marks.known[1]);	/* counted when shown */
	unit_fit(&st, 24, 100);
	assert_true(st.marks.known[3]);
	assert_int_equal(st.marks.unread_day[0], 1);
	assert_int_equal(st.marks.unread_day[1], 1);
	assert_int_equal(st.marks.unread_day[2], 0);
	assert_int_equal(st.marks.unread_day[3], 1);
	assert_int_equal(st.marks.nstarred, 1);
	same_counts(&st, dir);
	/* the next day is read from the store in the window's place */
	gen = st.lib_gen;
	ui_keys_handle(&st, '}');
	unit_fit(&st, 24, 100);
	assert_int_equal(st.lib_gen, gen + 1);
	assert_false(lib_whole(st.lib));
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-03");
	assert_int_equal(st.list.n, 2);
	assert_string_equal(unit_title(&st), "Gamma Paper");
	same_counts(&st, dir);
	/* a paper marked here counts on its other day too */
	ui_keys_handle(&st, 'u');	/* Gamma read */
	unit_fit(&st, 24, 100);
	assert_int_equal(st.marks.unread_day[1], 0);
	same_counts(&st, dir);
	ui_keys_handle(&st, 'j');
	assert_string_equal(unit_title(&st), "Shared Paper");
	ui_keys_handle(&st, 'u');	/* unread, here and on 2024-01-01, which the window does not hold */
	unit_fit(&st, 24, 100);
	assert_int_equal(st.marks.unread_day[3], 2);
	same_counts(&st, dir);
	ui_keys_handle(&st, 'u');
	unit_fit(&st, 24, 100);
	assert_int_equal(st.marks.unread_day[3], 1);
	/* the next unread paper: on the first day with one, wrapping */
	ui_keys_handle(&st, ']');
	unit_fit(&st, 24, 100);
	assert_string_equal(unit_title(&st), "Epsilon Paper");
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-01");
	ui_keys_handle(&st, ']');
	unit_fit(&st, 24, 100);
	assert_string_equal(unit_title(&st), "Beta Paper");
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-04");
	same_counts(&st, dir);
	/* the starred view: a window holding the starred papers of every day */
	gen = st.lib_gen;
	ui_keys_handle(&st, 'S');
	unit_fit(&st, 24, 100);
	assert_false(lib_whole(st.lib));
	assert_int_equal(st.lib_gen, gen + 1);
	assert_int_equal(st.list.n, 1);
	assert_string_equal(unit_title(&st), "Epsilon Paper");
	assert_int_equal(st.marks.nstarred, 1);
	ui_keys_handle(&st, 's');	/* unstarred: gone from the view */
	unit_fit(&st, 24, 100);
	assert_int_equal(st.list.n, 0);
	assert_int_equal(st.marks.nstarred, 0);
	ui_keys_handle(&st, 'S');
	marks_set(st.marks.store, key_of(all, "Epsilon Paper"), MARKS_STARRED, 1);
	ui_keys_handle(&st, 'S');
	unit_fit(&st, 24, 100);
	assert_int_equal(st.list.n, 1);
	/* a reload brings a window on the newest day: the starred view keeps its papers */
	ui_state_replace_lib(&st, store_lib_window(ui_paper_store(&st), NULL, &msg));
	unit_fit(&st, 24, 100);
	assert_false(lib_whole(st.lib));
	assert_int_equal(st.list.n, 1);
	assert_string_equal(unit_title(&st), "Epsilon Paper");
	ui_keys_handle(&st, 'S');	/* back to the days: a reload now brings the window on the day shown */
	ui_keys_handle(&st, '}');
	ui_state_replace_lib(&st, store_lib_window(ui_paper_store(&st), NULL, &msg));
	unit_fit(&st, 24, 100);
	assert_false(lib_whole(st.lib));
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-03");
	assert_int_equal(st.list.n, 2);
	/* tags are kept across days: the window on another day holds the tagged papers */
	ui_keys_handle(&st, 'x');	/* Gamma tagged */
	ui_keys_handle(&st, '}');
	assert_false(lib_whole(st.lib));
	assert_int_equal(st.tags.n, 1);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-02");
	tagged_title(&st, "Gamma Paper");
	ui_state_replace_lib(&st, store_lib_window(ui_paper_store(&st), NULL, &msg));	/* a reload */
	assert_int_equal(st.tags.n, 1);
	tagged_title(&st, "Gamma Paper");
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-02");
	ui_keys_handle(&st, 'X');
	/* a search without the store's index takes every day */
	ui_state_replace_lib(&st, store_lib_window(ui_paper_store(&st), NULL, &msg));
	assert_false(lib_whole(st.lib));
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2024-01-02");
	ui_keys_handle(&st, '/');
	unit_type(&st, "epsilon");
	assert_true(lib_whole(st.lib));
	assert_string_equal(unit_title(&st), "Epsilon Paper");
	ui_state_free(&st);
	lib_free(all);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
	buf_free(&msg);
}

/*
 * With nothing marked read, the days a window does not hold are counted
 * all unread without asking the store (here it cannot answer: its
 * paper_days table is gone); with a paper read, they are asked for, and
 * stay to be counted while the store fails.
 */
static void
test_window_none_read(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT;
	struct ui_state st;
	struct lib *all;
	sqlite3 *d;
	size_t i;

	(void)state;
	all = window_state(&st, dir, sizeof dir, &file, &db);
	assert_int_equal(sqlite3_open(db.buf, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "DROP TABLE paper_days", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	unit_fit(&st, 24, 100);
	assert_false(lib_whole(st.lib));
	for (i = 0; i < lib_ndays(st.lib); i++) {
		assert_true(st.marks.known[i]);
		assert_int_equal(st.marks.unread_day[i], lib_day(st.lib, i)->count);
	}
	marks_set(st.marks.store, key_of(all, "Delta Paper"), MARKS_READ, 1);
	ui_marks_load(&st);
	unit_fit(&st, 24, 100);
	assert_true(st.marks.known[0]);		/* held: counted from the window */
	assert_false(st.marks.known[1]);	/* asked for, and the store failed */
	assert_int_equal(st.marks.unread_day[1], lib_day(st.lib, 1)->count);
	ui_state_free(&st);
	lib_free(all);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
}

/* Where a state stands: the selected paper's title, its day, the status line. */
static void
where(struct ui_state *st, struct buf *out)
{
	unit_fit(st, 24, 100);
	buf_printf(out, "%s | %s | %s\n", unit_title(st), lib_day(st->lib, st->list.day)->label,
	    buf_str(&st->status));
}

/* Press key in both states and note where each stands. */
static void
both(struct ui_state *w, struct ui_state *a, int key, struct buf *gw, struct buf *ga)
{
	ui_keys_handle(w, key);
	ui_keys_handle(a, key);
	where(w, gw);
	where(a, ga);
}

/*
 * A search on a window through the store's index (wide: by rank) goes
 * where the same search on the whole library goes, match for match and
 * day for day, with the same counts, and keeps holding one day.
 */
static void
test_window_search(void **state)
{
	static const char *const queries[] = { "paper", "text", "ta", "shared", "gamma", "nothing" };
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT, msg = BUF_INIT, gw = BUF_INIT, ga = BUF_INIT;
	struct ui_state w, a;
	struct store *s;
	size_t q, k;

	(void)state;
	write_days(dir, sizeof dir, &file);
	s = unit_indexed_store(dir, &db);
	ui_state_init(&w, store_lib_window(s, NULL, &msg), NULL, NULL);
	ui_paper_set_store(&w, s);
	ui_search_set_store(&w, store_open(db.buf, &msg), NULL, NULL);
	s = store_open(db.buf, &msg);
	ui_state_init(&a, store_lib_light(s, NULL, &msg), NULL, NULL);
	ui_paper_set_store(&a, s);
	ui_search_set_store(&a, store_open(db.buf, &msg), NULL, NULL);
	assert_false(lib_whole(w.lib));
	assert_true(lib_whole(a.lib));
	ui_keys_handle(&w, '}');	/* from the second day */
	ui_keys_handle(&a, '}');
	for (q = 0; q < sizeof queries / sizeof *queries; q++) {
		ui_keys_handle(&w, '/');
		ui_keys_handle(&a, '/');
		unit_type(&w, queries[q]);
		unit_type(&a, queries[q]);
		where(&w, &gw);
		where(&a, &ga);
		both(&w, &a, KEYNAME_ENTER, &gw, &ga);
		for (k = 0; k < 7; k++)
			both(&w, &a, 'n', &gw, &ga);
		for (k = 0; k < 3; k++)
			both(&w, &a, 'N', &gw, &ga);
		assert_string_equal(buf_str(&gw), buf_str(&ga));
		assert_false(lib_whole(w.lib));
		assert_true(w.search.wide);
	}
	assert_non_null(strstr(buf_str(&gw), "Shared Paper | 2024-01-03 | /shared: match 1 of 1"));
	/* Esc at the prompt goes back where the search began; Tab searches this day only */
	ui_keys_handle(&w, '/');
	ui_keys_handle(&a, '/');
	unit_type(&w, "delta");
	unit_type(&a, "delta");
	where(&w, &gw);
	where(&a, &ga);
	both(&w, &a, '\t', &gw, &ga);
	both(&w, &a, '\t', &gw, &ga);
	both(&w, &a, KEYNAME_ESC, &gw, &ga);
	assert_string_equal(buf_str(&gw), buf_str(&ga));
	assert_false(lib_whole(w.lib));
	/* L lists every day's matches: the whole library */
	ui_keys_handle(&w, '/');
	unit_type(&w, "paper");
	ui_keys_handle(&w, KEYNAME_ENTER);
	ui_keys_handle(&w, 'L');
	assert_true(lib_whole(w.lib));
	assert_int_equal(w.list.nfound, 6);
	ui_state_free(&w);
	ui_state_free(&a);
	unit_remove_store_lib(dir, &file, &db);
	buf_free(&file);
	buf_free(&db);
	buf_free(&msg);
	buf_free(&gw);
	buf_free(&ga);
}

/* Two states on the same store: a window (w) and the whole light library (a), no index. */
static void
two_states(struct ui_state *w, struct ui_state *a, const char *dir, struct buf *db)
{
	struct buf msg = BUF_INIT;
	struct store *s = unit_indexed_store(dir, db);

	ui_state_init(w, store_lib_window(s, NULL, &msg), NULL, NULL);
	ui_paper_set_store(w, s);
	s = store_open(db->buf, &msg);
	ui_state_init(a, store_lib_light(s, NULL, &msg), NULL, NULL);
	ui_paper_set_store(a, s);
	buf_free(&msg);
	unit_fit(w, 24, 100);
	unit_fit(a, 24, 100);
	w->nav.focus = a->nav.focus = UI_PAPERS;
}

/* Free what two_states made. */
static void
two_free(struct ui_state *w, struct ui_state *a, const char *dir, struct buf *file, struct buf *db)
{
	ui_state_free(w);
	ui_state_free(a);
	unit_remove_store_lib(dir, file, db);
	buf_free(file);
	buf_free(db);
}

/*
 * Going to another day opens its paper in a window as in the whole
 * library, though the window numbers the new day's papers from 0 again;
 * and ] with a filter that hides a day's unread papers clears it there.
 */
static void
test_window_opened(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT, gw = BUF_INIT, ga = BUF_INIT;
	struct ui_state w, a;

	(void)state;
	write_days(dir, sizeof dir, &file);
	two_states(&w, &a, dir, &db);
	w.marks.markread = a.marks.markread = SETTINGS_MARK_OPEN;
	both(&w, &a, 'j', &gw, &ga);
	both(&w, &a, 'k', &gw, &ga);
	both(&w, &a, '}', &gw, &ga);
	assert_string_equal(unit_title(&w), "Gamma Paper");
	assert_true(w.marks.read[ui_list_index(&w)]);
	assert_true(a.marks.read[ui_list_index(&a)]);
	both(&w, &a, '{', &gw, &ga);	/* Alpha, opened before: read */
	w.marks.markread = a.marks.markread = SETTINGS_MARK_MANUAL;
	both(&w, &a, 'f', &gw, &ga);	/* unread only */
	both(&w, &a, 'f', &gw, &ga);	/* starred only: no unread paper shown anywhere */
	both(&w, &a, ']', &gw, &ga);
	assert_string_equal(buf_str(&gw), buf_str(&ga));
	assert_non_null(strstr(buf_str(&gw), "filter cleared to show the paper"));
	two_free(&w, &a, dir, &file, &db);
	buf_free(&gw);
	buf_free(&ga);
}

/*
 * A day the store cannot give any more (its days are gone) is shown
 * empty with a message, and a paper hidden by the filter on a day that
 * cannot be read is not looked for again and again (a search without an
 * index, then n: this recursed until the stack ran out).
 */
static void
test_window_unreadable(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT;
	struct ui_state w, a;
	sqlite3 *d;

	(void)state;
	write_days(dir, sizeof dir, &file);
	two_states(&w, &a, dir, &db);
	w.marks.markread = SETTINGS_MARK_MANUAL;
	ui_keys_handle(&w, '}');
	ui_keys_handle(&w, '}');
	ui_keys_handle(&w, '}');
	assert_string_equal(unit_title(&w), "Shared Paper");
	ui_keys_handle(&w, 'u');	/* read */
	ui_keys_handle(&w, 'f');	/* unread only: Shared hidden here */
	assert_int_equal(sqlite3_open(db.buf, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "DROP TABLE days", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	ui_keys_handle(&w, '/');
	unit_type(&w, "shared");
	ui_keys_handle(&w, KEYNAME_ENTER);
	ui_keys_handle(&w, 'n');
	ui_keys_handle(&w, '{');
	unit_fit(&w, 24, 100);
	assert_false(lib_whole(w.lib));
	assert_non_null(strstr(buf_str(&w.status), "cannot be read: store '"));
	assert_int_equal(w.list.n, 0);	/* a day not held: nothing listed but the message */
	two_free(&w, &a, dir, &file, &db);
}

/* Set a mark by title in both states' stores, and read the marks again. */
static void
mark_both(struct ui_state *w, struct ui_state *a, const char *title, enum marks_field f)
{
	const char *key = key_of(a->lib, title);

	marks_set(w->marks.store, key, f, 1);
	marks_set(a->marks.store, key, f, 1);
	ui_marks_load(w);
	ui_marks_load(a);
	ui_list_relist(w);
	ui_list_relist(a);
}

/* Two states with the store's index as two_states makes them, marks by hand only. */
static void
two_indexed(struct ui_state *w, struct ui_state *a, const char *dir, struct buf *db)
{
	struct buf msg = BUF_INIT;

	two_states(w, a, dir, db);
	ui_search_set_store(w, store_open(db->buf, &msg), NULL, NULL);
	ui_search_set_store(a, store_open(db->buf, &msg), NULL, NULL);
	w->marks.markread = a->marks.markread = SETTINGS_MARK_MANUAL;
	buf_free(&msg);
}

/*
 * The starred view on a window, as on the whole library (a second
 * review's findings), each from the start: S with a paper tagged lists
 * every starred paper (the tags' window dropped them); ] past its last
 * unread paper goes on through every day (it looked at the window's
 * papers only); a search typed in it that finds a starred paper of
 * another day stays in the view (it went to the days view).
 */
static void
test_window_starred(void **state)
{
	char dir[300];
	struct buf file = BUF_INIT, db = BUF_INIT, gw = BUF_INIT, ga = BUF_INIT;
	struct ui_state w, a;
	int step;

	(void)state;
	for (step = 0; step < 3; step++) {
		write_days(dir, sizeof dir, &file);
		two_indexed(&w, &a, dir, &db);
		buf_setlen(&gw, 0);
		buf_setlen(&ga, 0);
		mark_both(&w, &a, step == 1 ? "Alpha Paper" : "Epsilon Paper", MARKS_STARRED);
		if (step == 0) {
			both(&w, &a, 'x', &gw, &ga);	/* Alpha tagged */
			both(&w, &a, 'S', &gw, &ga);
			assert_int_equal(w.list.n, 1);
		} else if (step == 1) {
			mark_both(&w, &a, "Alpha Paper", MARKS_READ);
			mark_both(&w, &a, "Beta Paper", MARKS_READ);
			both(&w, &a, 'S', &gw, &ga);
			both(&w, &a, ']', &gw, &ga);
			assert_non_null(strstr(buf_str(&ga), "Gamma Paper | 2024-01-03"));
		} else {
			mark_both(&w, &a, "Alpha Paper", MARKS_STARRED);
			both(&w, &a, 'S', &gw, &ga);
			ui_keys_handle(&w, '/');
			ui_keys_handle(&a, '/');
			both(&w, &a, 'e', &gw, &ga);
			both(&w, &a, 'p', &gw, &ga);
			both(&w, &a, KEYNAME_ENTER, &gw, &ga);
			buf_printf(&gw, "view %d\n", (int)w.list.view);
			buf_printf(&ga, "view %d\n", (int)a.list.view);
			both(&w, &a, KEYNAME_ESC, &gw, &ga);
			buf_printf(&gw, "view %d, %zu papers\n", (int)w.list.view, w.list.n);
			buf_printf(&ga, "view %d, %zu papers\n", (int)a.list.view, a.list.n);
			assert_int_equal(w.list.view, UI_VIEW_STARRED);
		}
		assert_string_equal(buf_str(&gw), buf_str(&ga));
		two_free(&w, &a, dir, &file, &db);
		file = db = (struct buf)BUF_INIT;
	}
	buf_free(&gw);
	buf_free(&ga);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_reload),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_window_search),
		cmocka_unit_test(test_window_opened),
		cmocka_unit_test(test_window_unreadable),
		cmocka_unit_test(test_window_starred),
		cmocka_unit_test(test_window_none_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
