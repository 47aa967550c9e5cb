/* test_diag.c: diagnostics: the one format, its cleaning, and the lists. */
#include "unit.h"

#include <stdio.h>

#include "base/buf.h"
#include "text/diag.h"

/* Format a diagnostic and compare. */
static void
format_eq(enum diag_level level, const char *file, size_t line, const char *text, const char *want)
{
	struct diag d = { level, file, line, text };
	struct buf b = BUF_INIT;

	buf_init(&b);
	diag_format(&b, &d);
	assert_string_equal(b.buf, want);
	buf_free(&b);
}

/* FILE:LINE: LEVEL: TEXT, each part left out when it is not there. */
static void
test_format(void **state)
{
	(void)state;
	format_eq(DIAG_WARNING, "d.md", 12, "row without a title", "d.md:12: warning: row without a title");
	format_eq(DIAG_ERROR, "d.md", 0, "cannot read file: x", "d.md: error: cannot read file: x");
	format_eq(DIAG_NOTE, "dir/a.txt", 0, "skipped", "dir/a.txt: note: skipped");
	format_eq(DIAG_PLAIN, "cfg", 3, "unknown setting 'x'", "cfg:3: unknown setting 'x'");
	format_eq(DIAG_PLAIN, "state", 0, "empty file", "state: empty file");
	format_eq(DIAG_PLAIN, NULL, 0, "no state file", "no state file");
	format_eq(DIAG_WARNING, NULL, 0, "bare", "warning: bare");
	assert_string_equal(diag_level_name(DIAG_NOTE), "note");
	assert_string_equal(diag_level_name(DIAG_PLAIN), "");
}

/* The whole line is cleaned as file names are: no control reaches the terminal. */
static void
test_format_clean(void **state)
{
	(void)state;
	format_eq(DIAG_WARNING, "evil\x1b]52;c;x\x07.md", 2, "t\tx\ny",
	    "evil]52;c;x.md:2: warning: t x y");
	format_eq(DIAG_PLAIN, "bad\xff" "name", 0, "c1\xC2\x9B" "31m",
	    "bad\xEF\xBF\xBDname: c131m");
	format_eq(DIAG_PLAIN, "nfd-e\xCC\x81", 1, "bidi\xE2\x80\xAE" "x", "nfd-\xC3\xA9:1: bidix");
}

/* A list copies what it is given, formats each line once and counts problems. */
static void
test_list(void **state)
{
	struct diag_list l;
	char file[] = "a.md", text[] = "first";
	const struct diag *d;

	(void)state;
	diag_list_init(&l);
	d = diag_add(&l, DIAG_WARNING, file, 3, text);
	file[0] = 'X';
	text[0] = 'X';
	assert_string_equal(d->file, "a.md");
	assert_string_equal(d->text, "first");
	diag_addf(&l, DIAG_NOTE, "a.md", 0, "skipped %d of %s", 2, "them");
	diag_add(&l, DIAG_PLAIN, NULL, 0, "plain");
	assert_int_equal(l.n, 3);
	/* consecutive diagnostics about one file share its copy */
	assert_ptr_equal(diag_get(&l, 0)->file, diag_get(&l, 1)->file);
	assert_null(diag_get(&l, 2)->file);
	assert_null(diag_get(&l, 3));
	assert_string_equal(diag_line(&l, 0), "a.md:3: warning: first");
	assert_string_equal(diag_line(&l, 1), "a.md: note: skipped 2 of them");
	assert_string_equal(diag_line(&l, 2), "plain");
	assert_null(diag_line(&l, 3));
	assert_int_equal(diag_problems(&l), 2);
	diag_list_clear(&l);
	assert_int_equal(l.n, 0);
	assert_int_equal(diag_problems(&l), 0);
	diag_add(&l, DIAG_ERROR, "b.md", 0, "after clear");
	assert_string_equal(diag_line(&l, 0), "b.md: error: after clear");
	diag_list_free(&l);
}

/* Printing: one line each, notes only when asked, a range of the list. */
static void
test_print(void **state)
{
	struct diag_list l;
	struct diag d = { DIAG_PLAIN, "paperboy", 0, "unknown option '-\x1b'" };
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	assert_non_null(f);
	diag_list_init(&l);
	diag_add(&l, DIAG_NOTE, "a", 0, "n");
	diag_add(&l, DIAG_WARNING, "a", 1, "w");
	diag_add(&l, DIAG_ERROR, "b", 0, "e");
	assert_int_equal(diag_print_list(f, &l, 0, SIZE_MAX, 0), 0);
	assert_int_equal(diag_print_list(f, &l, 0, 2, 1), 0);
	assert_int_equal(diag_print(f, &d), 0);
	assert_int_equal(diag_printf(f, DIAG_ERROR, "x\ty", 4, "%d %s", 5, "\x1b[2J"), 0);
	fclose(f);
	assert_string_equal(out, "a:1: warning: w\nb: error: e\n"
	    "a: note: n\na:1: warning: w\n"
	    "paperboy: unknown option '-'\n"
	    "x y:4: error: 5 [2J\n");
	free(out);
	diag_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_clean),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_print),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
