/* test_ui_hyperlink.c: which spots become OSC 8 hyperlinks and the bytes they get. */
#include "unit.h"

#include "base/buf.h"
#include "ui/hyperlink.h"

/* Fill cells with the characters of s, plain, with attributes a. */
static void
cells_of(struct ui_hyperlink_cell *c, const char *s, unsigned a)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		c[i].cp = (unsigned char)s[i];
		c[i].plain = 1;
		c[i].attrs = a;
	}
}

/* The spots of a frame are kept until the next one. */
static void
test_spots(void **unused)
{
	struct ui_hyperlinks h;
	int i;

	(void)unused;
	memset(&h, 0, sizeof h);
	ui_hyperlink_add(&h, 1, 2, 0, "https://a/");	/* no cells: nothing */
	assert_int_equal(h.n, 0);
	for (i = 0; i < 40; i++)
		ui_hyperlink_add(&h, i, 2, 10, "https://a/");
	assert_int_equal(h.n, 40);
	assert_int_equal(h.v[39].y, 39);
	assert_int_equal(h.v[39].w, 10);
	ui_hyperlink_clear(&h);
	assert_int_equal(h.n, 0);
	ui_hyperlink_free(&h);
}

/* A plain spot: go, attributes off, OSC 8 around the cells up to the last non-blank. */
static void
test_write(void **unused)
{
	struct ui_hyperlink_caps caps = { "<GO>", "<SGR0>", "<BOLD>", "<REV>" };
	struct ui_hyperlink h = { 3, 4, 8, "https://arxiv.org/abs/1" };
	struct ui_hyperlink_cell c[8];
	struct buf b = BUF_INIT;

	(void)unused;
	buf_init(&b);
	cells_of(c, "ab cd   ", 0);
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 5);
	assert_string_equal(b.buf, "<GO><SGR0>\033]8;;https://arxiv.org/abs/1\033\\ab cd\033]8;;\033\\<SGR0>");
	/* the selected row is bold and reverse: so is the link */
	buf_setlen(&b, 0);
	cells_of(c, "ab cd   ", UI_HYPERLINK_BOLD | UI_HYPERLINK_REVERSE);
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 5);
	assert_non_null(strstr(b.buf, "<GO><SGR0><BOLD><REV>\033]8;;"));
	buf_free(&b);
}

/* What cannot be copied exactly is left alone: nothing is appended. */
static void
test_refused(void **unused)
{
	struct ui_hyperlink_caps caps = { "<GO>", "<SGR0>", "<BOLD>", NULL };
	struct ui_hyperlink h = { 0, 0, 4, "https://a/" };
	struct ui_hyperlink_cell c[4];
	struct buf b = BUF_INIT;

	(void)unused;
	buf_init(&b);
	cells_of(c, "    ", 0);				/* only blanks */
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 0);
	cells_of(c, "abcd", 0);
	c[2].plain = 0;					/* a wide or coloured cell */
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 0);
	cells_of(c, "abcd", 0);
	c[3].attrs = UI_HYPERLINK_BOLD;			/* attributes change in the spot */
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 0);
	cells_of(c, "abcd", UI_HYPERLINK_OTHER);	/* underline, say */
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 0);
	cells_of(c, "abcd", UI_HYPERLINK_REVERSE);	/* the terminal cannot reverse */
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 0);
	caps.go = NULL;					/* no cursor addressing */
	cells_of(c, "abcd", 0);
	assert_int_equal(ui_hyperlink_write(&b, &h, c, &caps), 0);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spots),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
