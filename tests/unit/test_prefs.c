/* test_prefs.c: the preferences: defaults < settings file < environment < command line (settings/prefs.h). */
#include "unit.h"

#include "launch/launch.h"
#include "settings/prefs.h"
#include "settings/settings.h"

/* A fake environment: a NULL-terminated name/value table. */
static const char *
table_get(void *arg, const char *name)
{
	const char *const *t = arg;

	for (; t[0]; t += 2)
		if (strcmp(t[0], name) == 0)
			return t[1];
	return NULL;
}

/* The settings file text parsed as "cfg" (caller frees). */
static struct settings *
file(const char *text)
{
	struct settings *c = settings_defaults();

	assert_int_equal(settings_parse(c, "cfg", text, strlen(text)), 0);
	return c;
}

/* Resolve p from text (NULL: no file), the environment t and lang as --lang; *c is the file. */
static void
resolve(struct prefs *p, struct settings **c, const char *text, const char *const *t,
    const char *lang)
{
	struct prefs_env env = { table_get, (void *)t };
	struct prefs_args args = { lang };

	*c = text ? file(text) : NULL;
	prefs_resolve(p, *c, &env, &args);
}

/* Free what resolve made. */
static void
done(struct prefs *p, struct settings *c)
{
	prefs_free(p);
	settings_free(c);
}

static const char *const no_env[] = { NULL };

/* No file, an empty environment: the defaults. */
static void
test_defaults(void **unused)
{
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, NULL, no_env, NULL);
	assert_null(p.lang);
	assert_null(p.launch.browser);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_AUTO);
	assert_false(p.launch.osc8);		/* no TERM: no OSC 8 */
	assert_false(p.launch.ssh);
	assert_int_equal(p.mark_read, SETTINGS_MARK_DELAY);
	assert_int_equal(p.mark_read_delay, 1000);
	assert_true(p.mouse);
	assert_int_equal(p.theme, SETTINGS_THEME_DEFAULT);
	assert_int_equal(p.colors[SETTINGS_EL_STAR].fg, 3);
	assert_int_equal(p.nbindings, 0);
	assert_true(p.max_file_size == 64ULL << 20);
	assert_int_equal(p.nlibraries, 0);
	assert_null(p.library_dir);		/* no HOME, no XDG_DATA_HOME */
	assert_int_equal(sources_count(p.sources), 2);
	assert_null(p.ca_file);
	assert_false(p.fetch_on_start);
	done(&p, c);
}

/* lang: the file, then --lang. */
static void
test_lang(void **unused)
{
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, "lang = ko,en\n", no_env, NULL);
	assert_string_equal(p.lang, "ko,en");
	done(&p, c);
	resolve(&p, &c, "lang = ko,en\n", no_env, "ja");
	assert_string_equal(p.lang, "ja");
	done(&p, c);
	resolve(&p, &c, NULL, no_env, "zh");
	assert_string_equal(p.lang, "zh");
	done(&p, c);
}

/* browser: $BROWSER, but the setting beats it. */
static void
test_browser(void **unused)
{
	static const char *const env[] = { "BROWSER", "w3m:firefox", NULL };
	static const char *const empty[] = { "BROWSER", "", NULL };
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, "", env, NULL);
	assert_string_equal(p.launch.browser, "w3m:firefox");
	done(&p, c);
	resolve(&p, &c, "browser = firefox --new-tab %s\n", env, NULL);
	assert_string_equal(p.launch.browser, "firefox --new-tab %s");
	done(&p, c);
	resolve(&p, &c, "", empty, NULL);
	assert_null(p.launch.browser);
	done(&p, c);
}

/* link-mode: the file, PAPERBOY_OPEN beats it (any value it does not know is auto). */
static void
test_link_mode(void **unused)
{
	static const char *const copy[] = { "PAPERBOY_OPEN", "copy", NULL };
	static const char *const browser[] = { "PAPERBOY_OPEN", "browser", "SSH_TTY", "/dev/pts/1", NULL };
	static const char *const other[] = { "PAPERBOY_OPEN", "auto", NULL };
	static const char *const empty[] = { "PAPERBOY_OPEN", "", NULL };
	static const char *const ssh[] = { "SSH_CONNECTION", "1 2 3 4", NULL };
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, "link-mode = copy\n", no_env, NULL);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_COPY);
	done(&p, c);
	resolve(&p, &c, "link-mode = open\n", no_env, NULL);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_BROWSER);
	done(&p, c);
	resolve(&p, &c, "link-mode = open\n", copy, NULL);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_COPY);
	done(&p, c);
	resolve(&p, &c, "link-mode = copy\n", browser, NULL);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_BROWSER);
	assert_true(p.launch.ssh);
	assert_false(launch_copies(&p.launch));	/* PAPERBOY_OPEN=browser wins over SSH */
	done(&p, c);
	resolve(&p, &c, "link-mode = copy\n", other, NULL);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_AUTO);
	done(&p, c);
	resolve(&p, &c, "link-mode = copy\n", empty, NULL);	/* empty: not set */
	assert_int_equal(p.launch.open, LAUNCH_OPEN_COPY);
	done(&p, c);
	resolve(&p, &c, "", ssh, NULL);
	assert_true(launch_copies(&p.launch));	/* auto copies over SSH */
	done(&p, c);
}

/* osc8: on where TERM allows, the setting turns it off, PAPERBOY_OSC8 beats both. */
static void
test_osc8(void **unused)
{
	static const char *const xterm[] = { "TERM", "xterm", NULL };
	static const char *const linux_[] = { "TERM", "linux", NULL };
	static const char *const dumb[] = { "TERM", "dumb", NULL };
	static const char *const on[] = { "TERM", "linux", "PAPERBOY_OSC8", "1", NULL };
	static const char *const off[] = { "TERM", "xterm", "PAPERBOY_OSC8", "off", NULL };
	static const char *const empty[] = { "TERM", "xterm", "PAPERBOY_OSC8", "", NULL };
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, "", xterm, NULL);
	assert_true(p.launch.osc8);
	done(&p, c);
	resolve(&p, &c, "osc8 = no\n", xterm, NULL);
	assert_false(p.launch.osc8);
	done(&p, c);
	resolve(&p, &c, "osc8 = yes\n", linux_, NULL);
	assert_false(p.launch.osc8);
	done(&p, c);
	resolve(&p, &c, "", dumb, NULL);
	assert_false(p.launch.osc8);
	done(&p, c);
	resolve(&p, &c, "osc8 = no\n", on, NULL);
	assert_true(p.launch.osc8);
	done(&p, c);
	resolve(&p, &c, "osc8 = yes\n", off, NULL);
	assert_false(p.launch.osc8);
	done(&p, c);
	resolve(&p, &c, "osc8 = no\n", empty, NULL);	/* empty: not set */
	assert_false(p.launch.osc8);
	done(&p, c);
}

/* theme: the file's; NO_COLOR (set, not empty) forces monochrome, attributes stay. */
static void
test_theme(void **unused)
{
	static const char *const nc[] = { "NO_COLOR", "1", NULL };
	static const char *const nc_empty[] = { "NO_COLOR", "", NULL };
	struct settings *c;
	struct prefs p;
	struct settings_color col;

	(void)unused;
	resolve(&p, &c, "theme = default\ncolor.star = red blue bold\n", nc, NULL);
	assert_int_equal(p.theme, SETTINGS_THEME_MONOCHROME);
	col = p.colors[SETTINGS_EL_STAR];
	assert_int_equal(col.fg, -1);		/* no colour at all */
	assert_int_equal(col.bg, -1);
	assert_int_equal(col.attrs, SETTINGS_ATTR_BOLD);	/* attributes stay */
	col = p.colors[SETTINGS_EL_BORDER];
	assert_int_equal(col.fg, -1);
	done(&p, c);
	resolve(&p, &c, "", nc_empty, NULL);
	assert_int_equal(p.theme, SETTINGS_THEME_DEFAULT);
	done(&p, c);
	resolve(&p, &c, "color.star = red blue bold\n", no_env, NULL);
	assert_int_equal(p.theme, SETTINGS_THEME_DEFAULT);
	assert_int_equal(p.colors[SETTINGS_EL_STAR].fg, 1);
	assert_int_equal(p.colors[SETTINGS_EL_STAR].bg, 4);
	assert_int_equal(p.colors[SETTINGS_EL_BORDER].fg, 4);	/* the theme's */
	done(&p, c);
	resolve(&p, &c, "theme = monochrome\n", no_env, NULL);
	assert_int_equal(p.theme, SETTINGS_THEME_MONOCHROME);
	assert_int_equal(p.colors[SETTINGS_EL_MATCH].bg, -1);
	assert_int_equal(p.colors[SETTINGS_EL_MATCH].attrs, SETTINGS_ATTR_REVERSE | SETTINGS_ATTR_UNDERLINE);
	done(&p, c);
}

/* line-graphics: default < the file < PAPERBOY_LINE_GRAPHICS (a bad value there is ignored). */
static void
test_line_graphics(void **unused)
{
	static const char *const utf8[] = { "PAPERBOY_LINE_GRAPHICS", "utf-8", NULL };
	static const char *const bad[] = { "PAPERBOY_LINE_GRAPHICS", "boxes", NULL };
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, NULL, no_env, NULL);
	assert_int_equal(p.line_graphics, SETTINGS_LINES_DEFAULT);
	done(&p, c);
	resolve(&p, &c, "line-graphics = ascii\n", no_env, NULL);
	assert_int_equal(p.line_graphics, SETTINGS_LINES_ASCII);
	done(&p, c);
	resolve(&p, &c, "line-graphics = ascii\n", utf8, NULL);
	assert_int_equal(p.line_graphics, SETTINGS_LINES_UTF8);
	done(&p, c);
	resolve(&p, &c, "line-graphics = ascii\n", bad, NULL);
	assert_int_equal(p.line_graphics, SETTINGS_LINES_ASCII);
	done(&p, c);
	/* a bad value in the file is an error with its line, the default stays */
	c = settings_defaults();
	assert_int_not_equal(settings_parse(c, "cfg", "line-graphics = boxes\n", 22), 0);
	assert_non_null(strstr(settings_msg(c, 0),
	    "cfg:1: bad value 'boxes' for 'line-graphics' (use default, ascii or utf-8)"));
	assert_int_equal(settings_line_graphics(c), SETTINGS_LINES_DEFAULT);
	settings_free(c);
}

/* The library: PAPERBOY_LIBRARY, the library settings, XDG_DATA_HOME, HOME. */
static void
test_library(void **unused)
{
	static const char *const xdg[] = { "XDG_DATA_HOME", "/xdg", "HOME", "/home/u", NULL };
	static const char *const rel[] = { "XDG_DATA_HOME", "xdg", "HOME", "/home/u", NULL };
	static const char *const lib[] = { "PAPERBOY_LIBRARY", "/env/lib", "XDG_DATA_HOME", "/xdg", NULL };
	static const char *const empty[] = { "PAPERBOY_LIBRARY", "", "XDG_DATA_HOME", "/xdg", NULL };
	static const char two[] = "library = /papers/a\nlibrary = /papers/b\n";
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, "", xdg, NULL);
	assert_string_equal(p.library_dir, "/xdg/paperboy/library");
	assert_int_equal(p.nlibraries, 0);
	done(&p, c);
	resolve(&p, &c, "", rel, NULL);	/* a relative XDG_DATA_HOME is ignored */
	assert_string_equal(p.library_dir, "/home/u/.local/share/paperboy/library");
	done(&p, c);
	resolve(&p, &c, two, xdg, NULL);
	assert_int_equal(p.nlibraries, 2);
	assert_string_equal(p.libraries[0], "/papers/a");
	assert_string_equal(p.libraries[1], "/papers/b");
	assert_string_equal(p.library_dir, "/papers/a");
	done(&p, c);
	resolve(&p, &c, two, lib, NULL);
	assert_int_equal(p.nlibraries, 0);	/* PAPERBOY_LIBRARY beats the settings */
	assert_string_equal(p.library_dir, "/env/lib");
	done(&p, c);
	resolve(&p, &c, two, empty, NULL);	/* empty: not set */
	assert_int_equal(p.nlibraries, 2);
	assert_string_equal(p.library_dir, "/papers/a");
	done(&p, c);
}

/* Fetching: sources and fetch-on-start from the file, PAPERBOY_CA_FILE beats ca-file. */
static void
test_fetch(void **unused)
{
	static const char *const ca[] = { "PAPERBOY_CA_FILE", "/env/ca.pem", NULL };
	static const char *const ca_empty[] = { "PAPERBOY_CA_FILE", "", NULL };
	static const char text[] = "ca-file = /etc/ca.pem\nfetch-on-start = yes\nsource hf-page on\n";
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, text, no_env, NULL);
	assert_string_equal(p.ca_file, "/etc/ca.pem");
	assert_true(p.fetch_on_start);
	assert_true(sources_at(p.sources, 1)->on);
	done(&p, c);
	resolve(&p, &c, text, ca, NULL);
	assert_string_equal(p.ca_file, "/env/ca.pem");
	done(&p, c);
	resolve(&p, &c, text, ca_empty, NULL);
	assert_string_equal(p.ca_file, "/etc/ca.pem");
	done(&p, c);
	resolve(&p, &c, NULL, ca, NULL);
	assert_string_equal(p.ca_file, "/env/ca.pem");
	done(&p, c);
}

/* The file-only settings: mark-read, its delay, mouse, max-file-size, bindings. */
static void
test_file_only(void **unused)
{
	static const char text[] = "mark-read = manual\nmark-read-delay = 250\nmouse = no\n"
	    "max-file-size = 1G\nbind J next-unread\nbind C-n down\nbind J help\n";
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, text, no_env, NULL);
	assert_int_equal(p.mark_read, SETTINGS_MARK_MANUAL);
	assert_int_equal(p.mark_read_delay, 250);
	assert_false(p.mouse);
	assert_true(p.max_file_size == 1ULL << 30);
	assert_int_equal(p.nbindings, 2);
	assert_string_equal(p.bindings[0].key, "J");
	assert_string_equal(p.bindings[0].cmd, "help");		/* a later bind of a key replaces it */
	assert_string_equal(p.bindings[1].cmd, "down");
	done(&p, c);
}

/* The marks file: PAPERBOY_STATE, XDG_STATE_HOME, HOME. */
static void
test_state_path(void **unused)
{
	static const char *const state[] = { "PAPERBOY_STATE", "/x/s", "XDG_STATE_HOME", "/xdg", NULL };
	static const char *const xdg[] = { "XDG_STATE_HOME", "/xdg", "HOME", "/home/u", NULL };
	static const char *const home[] = { "HOME", "/home/u", NULL };
	struct settings *c;
	struct prefs p;

	(void)unused;
	resolve(&p, &c, NULL, state, NULL);
	assert_string_equal(p.state_path, "/x/s");
	done(&p, c);
	resolve(&p, &c, NULL, xdg, NULL);
	assert_string_equal(p.state_path, "/xdg/paperboy/state");
	done(&p, c);
	resolve(&p, &c, NULL, home, NULL);
	assert_string_equal(p.state_path, "/home/u/.local/state/paperboy/state");
	done(&p, c);
	resolve(&p, &c, NULL, no_env, NULL);
	assert_null(p.state_path);
	done(&p, c);
}

/* NULL environment: the process's. */
static void
test_process_env(void **unused)
{
	struct settings *c = file("");
	struct prefs p;

	(void)unused;
	setenv("PAPERBOY_OPEN", "copy", 1);
	setenv("PAPERBOY_LIBRARY", "/proc/env/lib", 1);
	prefs_resolve(&p, c, NULL, NULL);
	assert_int_equal(p.launch.open, LAUNCH_OPEN_COPY);
	assert_string_equal(p.library_dir, "/proc/env/lib");
	prefs_free(&p);
	unsetenv("PAPERBOY_OPEN");
	unsetenv("PAPERBOY_LIBRARY");
	settings_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_browser),
		cmocka_unit_test(test_link_mode),
		cmocka_unit_test(test_osc8),
		cmocka_unit_test(test_theme),
		cmocka_unit_test(test_line_graphics),
		cmocka_unit_test(test_library),
		cmocka_unit_test(test_fetch),
		cmocka_unit_test(test_file_only),
		cmocka_unit_test(test_state_path),
		cmocka_unit_test(test_process_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
