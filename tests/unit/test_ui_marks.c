/* test_ui_marks.c: read and starred marks in the reader, and when a paper becomes read (ui/marks.h). */
#include "unit.h"

#include <unistd.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "marks/marks.h"
#include "model/lib.h"
#include "ui/state.h"

/* Read marks: after a delay (the default), on open, or only by hand. */
static void
test_markread(void **state)
{
	struct ui_state st;
	long wait;
	uint32_t alpha, beta;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	alpha = st.list.v[0];
	beta = st.list.v[1];
	assert_int_equal(st.marks.markread, SETTINGS_MARK_DELAY);
	assert_false(st.marks.read[alpha]);
	assert_int_equal(st.marks.unread_day[0], 2);
	ui_marks_tick(&st, 90000, &wait);	/* starting reads nothing */
	ui_marks_tick(&st, 99000, &wait);
	assert_false(st.marks.read[alpha]);
	assert_int_equal(wait, -1);
	ui_keys_handle(&st, '\t');	/* the summary: the user looks at Alpha */
	ui_keys_handle(&st, KEYNAME_BTAB);
	ui_marks_tick(&st, 100000, &wait);	/* the clock starts at the first tick */
	assert_false(st.marks.read[alpha]);
	assert_true(wait > 0 && wait <= 1001);
	ui_marks_tick(&st, 100500, &wait);
	assert_false(st.marks.read[alpha]);
	assert_true(wait > 0 && wait <= 501);
	assert_true(ui_marks_tick(&st, 101000, &wait) & UI_ACT_REDRAW);
	assert_true(st.marks.read[alpha]);
	assert_int_equal(st.marks.unread_day[0], 1);
	assert_int_equal(wait, -1);
	/* moving on before the delay leaves Beta unread */
	ui_keys_handle(&st, 'j');
	ui_marks_tick(&st, 101500, &wait);
	ui_marks_tick(&st, 102000, &wait);
	ui_keys_handle(&st, 'k');
	ui_marks_tick(&st, 109000, &wait);
	assert_false(st.marks.read[beta]);
	/* by hand: u toggles, and the delay does not undo it */
	st.marks.markread = SETTINGS_MARK_MANUAL;
	ui_keys_handle(&st, 'j');
	ui_marks_tick(&st, 20000, &wait);
	assert_false(st.marks.read[beta]);
	ui_keys_handle(&st, 'u');
	assert_true(st.marks.read[beta]);
	assert_string_equal(st.status.buf, "marked read");
	assert_int_equal(st.marks.unread_day[0], 0);
	ui_keys_handle(&st, 'u');
	assert_false(st.marks.read[beta]);
	/* U: the next unread paper, across days */
	ui_keys_handle(&st, 'u');
	ui_keys_handle(&st, 'U');
	assert_string_equal(unit_title(&st), "Gamma paper");
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	ui_state_free(&st);
}

/* Browsing Days and Categories reads nothing; the paper then looked at is read. */
static void
test_markread_browsing(void **state)
{
	struct ui_state st;
	long wait;
	double now = 1000;
	size_t i, k, nread = 0;

	(void)state;
	ui_state_init(&st, unit_lib(1), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, KEYNAME_BTAB);		/* Categories */
	assert_int_equal(st.nav.focus, UI_CATS);
	for (k = 0; k < 4; k++) {			/* four moves, each waited on */
		ui_keys_handle(&st, k < 2 ? 'j' : 'k');
		for (i = 0; i < 3; i++, now += 1000)
			ui_marks_tick(&st, now, &wait);
	}
	ui_keys_handle(&st, KEYNAME_BTAB);		/* Days */
	for (k = 0; k < 3; k++) {
		ui_keys_handle(&st, k < 2 ? 'j' : 'k');
		for (i = 0; i < 3; i++, now += 1000)
			ui_marks_tick(&st, now, &wait);
	}
	for (i = 0; i < lib_npapers(st.lib); i++)
		nread += st.marks.read[i];
	assert_int_equal(nread, 0);
	assert_int_equal(st.marks.unread_day[st.list.day], lib_day(st.lib, st.list.day)->npapers);
	/* the focus comes to the papers: the selected one is read after the delay */
	ui_keys_handle(&st, '\t');
	ui_keys_handle(&st, '\t');
	assert_int_equal(st.nav.focus, UI_PAPERS);
	ui_marks_tick(&st, now, &wait);
	assert_false(st.marks.read[ui_list_index(&st)]);
	ui_marks_tick(&st, now + 1000, &wait);
	assert_true(st.marks.read[ui_list_index(&st)]);
	/* U goes to an unread paper, and the counts agree with the marks */
	for (i = 0, nread = 0; i < lib_ndays(st.lib); i++)
		nread += st.marks.unread_day[i];
	for (i = 0, k = 0; i < lib_npapers(st.lib); i++)
		k += !st.marks.read[i];
	assert_int_equal(nread, k);
	ui_keys_handle(&st, 'U');
	assert_false(st.marks.read[ui_list_index(&st)]);
	/* on open: the same, read as soon as it is looked at */
	st.marks.markread = SETTINGS_MARK_OPEN;
	ui_keys_handle(&st, KEYNAME_BTAB);
	ui_keys_handle(&st, KEYNAME_BTAB);		/* Days */
	ui_keys_handle(&st, 'j');
	ui_marks_tick(&st, now + 5000, &wait);
	assert_false(st.marks.read[ui_list_index(&st)]);
	ui_keys_handle(&st, '\t');
	ui_keys_handle(&st, '\t');
	ui_marks_tick(&st, now + 5001, &wait);
	assert_true(st.marks.read[ui_list_index(&st)]);
	ui_state_free(&st);
}

/* Marks are saved to the store at once and read back by another reader. */
static void
test_marks_store(void **state)
{
	char dir[] = "/tmp/pbmarks.XXXXXX";
	struct buf path = BUF_INIT, file = BUF_INIT;
	struct ui_state st;
	struct marks *marks;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&path, "%s/state", dir);
	marks = unit_state_marks(&st, path.buf);
	ui_keys_handle(&st, 's');
	ui_keys_handle(&st, 'u');
	assert_int_equal(safeio_read(path.buf, &file), 0);
	assert_non_null(strstr(file.buf, "arxiv:2505.00001\tread=1@"));
	assert_non_null(strstr(file.buf, "starred=1@"));
	ui_state_free(&st);
	marks_free(marks);
	/* a second reader starts with the marks */
	marks = marks_new(path.buf);
	assert_int_equal(marks_load(marks), 0);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_marks_use(&st, marks);
	assert_true(st.marks.star[st.list.v[0]]);
	assert_true(st.marks.read[st.list.v[0]]);
	assert_int_equal(st.marks.unread_day[0], 1);
	/* two readers at once: each save brings in the other's marks */
	{
		struct ui_state st2;
		struct marks *m2 = unit_state_marks(&st2, path.buf);

		ui_keys_handle(&st, 'j');
		ui_keys_handle(&st, 's');		/* the first reader stars Beta */
		assert_false(st2.marks.star[st2.list.v[1]]);	/* not seen yet */
		ui_keys_handle(&st2, 'G');
		ui_keys_handle(&st2, 'U');		/* the second reader goes on... */
		ui_keys_handle(&st2, 'u');		/* ...and its save merges */
		assert_true(st2.marks.star[1]);		/* Beta's star arrived */
		assert_true(st2.marks.star[0]);
		ui_state_free(&st2);
		marks_free(m2);
	}
	ui_state_free(&st);
	marks_free(marks);
	unlink(path.buf);
	buf_setlen(&file, 0);
	buf_printf(&file, "%s/state.lock", dir);
	unlink(file.buf);
	rmdir(dir);
	buf_free(&path);
	buf_free(&file);
}

/* J/K, [ and ], Space at a summary's end, A and C. */
static void
test_reading_keys(void **state)
{
	struct ui_state st;
	uint32_t alpha, beta;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	st.marks.markread = SETTINGS_MARK_MANUAL;
	alpha = st.list.v[0];
	beta = st.list.v[1];
	ui_keys_handle(&st, '\t');		/* the Summary pane */
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	ui_keys_handle(&st, 'J');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	ui_keys_handle(&st, 'J');
	assert_string_equal(st.status.buf, "the last paper of the list");
	ui_keys_handle(&st, 'K');
	assert_string_equal(unit_title(&st), "Alpha paper");
	ui_keys_handle(&st, ']');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	ui_keys_handle(&st, '[');
	assert_string_equal(unit_title(&st), "Alpha paper");
	ui_keys_handle(&st, '[');		/* wraps to the undated paper, last */
	assert_int_equal(ui_list_index(&st), lib_npapers(st.lib) - 1);
	ui_keys_handle(&st, ']');
	assert_string_equal(unit_title(&st), "Alpha paper");
	/* Space at the end of the summary: the next unread paper */
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'G');
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, ' ');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	/* A: the whole day, saved once */
	ui_keys_handle(&st, 'A');
	assert_true(st.marks.read[alpha]);
	assert_true(st.marks.read[beta]);
	assert_int_equal(st.marks.unread_day[0], 0);
	assert_string_equal(st.status.buf, "marked 2 papers of 2025-05-06 read");
	/* C: the selected category's papers only */
	ui_list_select_day(&st, 1);
	assert_string_equal(unit_title(&st), "Gamma paper");
	ui_list_select_cat(&st, 1);
	ui_keys_handle(&st, 'C');
	assert_string_equal(st.status.buf, "marked 1 paper of NLP read");
	assert_int_equal(st.marks.unread_day[1], 0);
	assert_int_equal(st.marks.unread_day[2], 1);	/* the label day: untouched */
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reading_keys),
		cmocka_unit_test(test_markread),
		cmocka_unit_test(test_markread_browsing),
		cmocka_unit_test(test_marks_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
