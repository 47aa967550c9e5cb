/* test_keyname.c: the one key-name parser and printer (settings/keyname.h). */
#include "unit.h"

#include "base/buf.h"
#include "settings/keyname.h"

/* Which names are keys: the lists the settings have always accepted and refused. */
static void
test_valid_names(void **unused)
{
	static const char *const good[] = {
		"j", "G", "?", "/", "#", "\xed\x95\x9c", "C-a", "C-z", "C-[", "Up", "Down", "PgUp",
		"PgDn", "Home", "End", "Tab", "S-Tab", "Enter", "Esc", "Space", "F1", "F9", "F10", "F12",
		"C-A", "C-Z", "C-@", "C-_", "Backspace", "Delete", "Insert",
	};
	static const char *const bad[] = {
		"", "jk", "C-", "C-A1", "F0", "F13", "F1x", "up", "Ctrl-a", " ", "\x01", "\xff",
		"e\xcc\x81",	/* two code points */
		"C-1", "C-~", "Shift-Tab", "Resize", "Mouse", "\x7f", "\xc2\x85",	/* NEL, a C1 control */
		"\xe2\x80\xae",	/* RIGHT-TO-LEFT OVERRIDE */
		"\xef\xbf\xbd",	/* U+FFFD: what bad bytes decode to */
		"F-1", "FF",
	};
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(keyname_parse(good[i]) >= 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(keyname_parse(bad[i]), -1);
}

/* The codes names stand for. */
static void
test_codes(void **unused)
{
	(void)unused;
	assert_int_equal(keyname_parse("PgDn"), KEYNAME_PGDN);
	assert_int_equal(keyname_parse("F5"), KEYNAME_F1 + 4);
	assert_int_equal(keyname_parse("F12"), KEYNAME_F1 + 11);
	assert_int_equal(keyname_parse("C-d"), KEYNAME_CTRL('d'));
	assert_int_equal(keyname_parse("C-D"), KEYNAME_CTRL('d'));	/* one key for the terminal */
	assert_int_equal(keyname_parse("C-A"), 1);
	assert_int_equal(keyname_parse("C-["), KEYNAME_ESC);
	assert_int_equal(keyname_parse("Esc"), KEYNAME_ESC);
	assert_int_equal(keyname_parse("Tab"), '\t');
	assert_int_equal(keyname_parse("C-i"), '\t');
	assert_int_equal(keyname_parse("Space"), ' ');
	assert_int_equal(keyname_parse("S-Tab"), KEYNAME_BTAB);
	assert_int_equal(keyname_parse("\xED\x95\x9C"), 0xD55C);
	assert_int_equal(keyname_parse("j"), 'j');
}

/* Append key's name in style to a fresh buffer and compare. */
static void
check_print(int key, enum keyname_style style, const char *want)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	keyname_print(&b, key, style);
	assert_string_equal(b.buf, want);
	buf_free(&b);
}

/* Names for people (the help screen and --help) and for the settings. */
static void
test_print(void **unused)
{
	(void)unused;
	check_print('j', KEYNAME_SHOWN, "j");
	check_print(KEYNAME_DOWN, KEYNAME_SHOWN, "Down");
	check_print(KEYNAME_CTRL('d'), KEYNAME_SHOWN, "Ctrl-D");
	check_print(KEYNAME_CTRL('d'), KEYNAME_BIND, "C-d");
	check_print(KEYNAME_BTAB, KEYNAME_SHOWN, "Shift-Tab");
	check_print(KEYNAME_BTAB, KEYNAME_BIND, "S-Tab");
	check_print('\t', KEYNAME_SHOWN, "Tab");
	check_print(' ', KEYNAME_SHOWN, "Space");
	check_print(KEYNAME_ESC, KEYNAME_SHOWN, "Esc");
	check_print(0, KEYNAME_SHOWN, "Ctrl-@");
	check_print(0, KEYNAME_BIND, "C-@");
	check_print(0x1f, KEYNAME_BIND, "C-_");
	check_print(KEYNAME_F1 + 9, KEYNAME_SHOWN, "F10");
	check_print(KEYNAME_RESIZE, KEYNAME_SHOWN, "Resize");
	check_print(KEYNAME_MOUSE, KEYNAME_SHOWN, "Mouse");
	check_print(0xD55C, KEYNAME_SHOWN, "\xED\x95\x9C");
	check_print(0x85, KEYNAME_SHOWN, "<133>");		/* a C1 control is never written */
	check_print(0x7f, KEYNAME_SHOWN, "<127>");
	check_print(0x120000, KEYNAME_SHOWN, "<1179648>");
	check_print(KEYNAME_RESIZE, KEYNAME_BIND, "<1114123>");	/* not bindable */
}

/* Every key a name gives prints back as a name that gives the same key. */
static void
test_round_trip(void **unused)
{
	static const int extra[] = { 0x20, 0x7e, 0xa0, 0xD55C, 0x1F600 };
	struct buf b = BUF_INIT;
	int key;
	size_t i;

	(void)unused;
	buf_init(&b);
	for (key = 0; key < 0x80; key++) {
		buf_setlen(&b, 0);
		keyname_print(&b, key, KEYNAME_BIND);
		if (key == 0x7f)
			assert_int_equal(keyname_parse(b.buf), -1);
		else
			assert_int_equal(keyname_parse(b.buf), key);
	}
	for (key = KEYNAME_UP; key <= KEYNAME_F1 + 11; key++) {
		if (key == KEYNAME_RESIZE)
			continue;
		buf_setlen(&b, 0);
		keyname_print(&b, key, KEYNAME_BIND);
		assert_int_equal(keyname_parse(b.buf), key);
	}
	for (i = 0; i < sizeof extra / sizeof extra[0]; i++) {
		buf_setlen(&b, 0);
		keyname_print(&b, extra[i], KEYNAME_BIND);
		assert_int_equal(keyname_parse(b.buf), extra[i]);
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_names),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
