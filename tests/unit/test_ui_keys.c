/* test_ui_keys.c: the key table and the settings' bindings (ui/keys.h). */
#include "unit.h"

#include "base/buf.h"
#include "settings/keyname.h"
#include "settings/prefs.h"
#include "settings/settings.h"
#include "ui/state.h"

/* Settings: bindings by name (bad ones reported), mark-read, mouse. */
static void
test_configure(void **state)
{
	static const char text[] =
		"mark-read = manual\n"
		"mouse = no\n"
		"bind J next-unread\n"
		"bind x no-such-command\n"
		"bind C-n down\n";
	struct settings *c = settings_defaults();
	struct prefs p;
	struct ui_state st;
	struct buf msgs = BUF_INIT;

	(void)state;
	settings_parse(c, "cfg", text, sizeof text - 1);
	prefs_resolve(&p, c, NULL, NULL);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	buf_init(&msgs);
	ui_state_configure(&st, &p, &msgs);
	assert_int_equal(st.marks.markread, SETTINGS_MARK_MANUAL);
	assert_int_equal(st.nav.mouse, 0);
	assert_non_null(strstr(msgs.buf, "bind x no-such-command: unknown command"));
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, KEYNAME_CTRL('n'));
	assert_string_equal(unit_title(&st), "Beta paper");
	ui_keys_handle(&st, 'J');
	assert_string_equal(unit_title(&st), "Gamma paper");	/* the next unread, next day */
	assert_int_equal(keyname_parse("PgDn"), KEYNAME_PGDN);
	assert_int_equal(keyname_parse("F5"), KEYNAME_F1 + 4);
	assert_int_equal(keyname_parse("C-d"), KEYNAME_CTRL('d'));
	assert_int_equal(keyname_parse("\xED\x95\x9C"), 0xD55C);
	assert_int_equal(keyname_parse("jj"), -1);
	assert_string_equal(ui_cmd_name(UI_CMD_NEXT_UNREAD), "next-unread");
	buf_free(&msgs);
	ui_state_free(&st);
	prefs_free(&p);
	settings_free(c);
}

/* Binding replaces a key in place or adds it; the key list shows runs as ranges. */
static void
test_bind_describe(void **unused)
{
	struct ui_keys k;
	struct buf b = BUF_INIT;
	size_t n;

	(void)unused;
	ui_keys_init(&k);
	n = k.n;
	ui_keys_bind(&k, 'j', UI_CMD_UP);		/* rebound in place */
	assert_int_equal(k.n, n);
	assert_int_equal(k.v[0].cmd, UI_CMD_UP);
	ui_keys_bind(&k, 'w', UI_CMD_NEXT_UNREAD);	/* an unbound key: added at the end */
	assert_int_equal(k.n, n + 1);
	buf_init(&b);
	ui_keys_describe(&k, 0, &b);
	assert_non_null(strstr(b.buf, "  Down                    move down"));
	assert_non_null(strstr(b.buf, "  j, k, Up                move up"));
	assert_non_null(strstr(b.buf, "  U, ], w                 go to the next unread"));
	assert_non_null(strstr(b.buf, "  1-9                     open link N"));
	assert_non_null(strstr(b.buf, " [next-unread]\n"));
	/* a command with no key left is not listed */
	ui_keys_bind(&k, 'o', UI_CMD_COPY);
	buf_setlen(&b, 0);
	ui_keys_describe(&k, 0, &b);
	assert_null(strstr(b.buf, "[open]"));
	assert_non_null(strstr(b.buf, "  o, y "));
	buf_free(&b);
	ui_keys_free(&k);
}

/* An unbound key says so; Resize only asks for a redraw. */
static void
test_unknown_key(void **unused)
{
	struct ui_state st;

	(void)unused;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	assert_int_equal(ui_keys_handle(&st, KEYNAME_CTRL('b')), UI_ACT_REDRAW);
	assert_string_equal(st.status.buf, "unknown key Ctrl-B (? shows the keys)");
	ui_state_message(&st, "kept");
	assert_int_equal(ui_keys_handle(&st, KEYNAME_RESIZE), UI_ACT_REDRAW);
	assert_string_equal(st.status.buf, "kept");
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configure),
		cmocka_unit_test(test_bind_describe),
		cmocka_unit_test(test_unknown_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
