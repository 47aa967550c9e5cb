/* test_settings.c: the settings file: defaults, every setting, errors. */
#include "unit.h"

#include <stdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "settings/keyname.h"
#include "settings/settings.h"

/* The defaults with text parsed as a file called "cfg". */
static struct settings *
parse(const char *text)
{
	struct settings *c = settings_defaults();

	settings_parse(c, "cfg", text, strlen(text));
	return c;
}

static void
test_defaults(void **unused)
{
	struct settings *c;
	struct settings_color col;

	(void)unused;
	unsetenv("NO_COLOR");
	c = settings_defaults();
	assert_null(settings_lang(c));
	assert_null(settings_browser(c));
	assert_int_equal(settings_link_mode(c), LAUNCH_OPEN_AUTO);
	assert_true(settings_osc8(c));
	assert_int_equal(settings_mark_read(c), SETTINGS_MARK_DELAY);
	assert_int_equal(settings_mark_read_delay(c), 1000);
	assert_int_equal(settings_theme(c), SETTINGS_THEME_DEFAULT);
	assert_true(settings_mouse(c));
	assert_int_equal(settings_nlibraries(c), 0);
	assert_int_equal(settings_nbindings(c), 0);
	assert_int_equal(settings_nmsgs(c), 0);
	col = settings_color(c, SETTINGS_EL_TITLE_FOCUS);
	assert_int_equal(col.fg, -1);
	assert_int_equal(col.attrs, SETTINGS_ATTR_BOLD | SETTINGS_ATTR_REVERSE);
	col = settings_color(c, SETTINGS_EL_STAR);
	assert_int_equal(col.fg, 3);
	assert_string_equal(settings_elem_name(SETTINGS_EL_TITLE_FOCUS), "title-focus");
	settings_free(c);
}

static void
test_every_setting(void **unused)
{
	struct settings *c;
	struct settings_color col;

	(void)unused;
	unsetenv("NO_COLOR");
	setenv("HOME", "/home/u", 1);
	c = parse(
	    "# comment\n"
	    "   # indented comment\n"
	    "\n"
	    "lang = ko,en\n"
	    "browser=firefox --new-tab %s\n"
	    "link-mode = copy\n"
	    "osc8 = no\n"
	    "mark-read = manual\n"
	    "mark-read-delay = 2500\n"
	    "theme = monochrome\n"
	    "theme = default\n"			/* a later line overrides */
	    "color.border = bright-blue default\n"
	    "color.match = 0 226 bold underline\r\n"	/* CRLF too */
	    "\tcolor.link = cyan black italic\n"
	    "mouse = no\n"
	    "library = ~/papers\n"
	    "library = /srv/digests\n"
	    "bind j down\n"
	    "bind C-n down\n"
	    "bind PgDn page-down\n"
	    "bind S-Tab focus-prev\n"
	    "bind F12 help\n"
	    "bind \xed\x95\x9c next-unread\n"		/* a Hangul syllable */
	    "bind j up\n");			/* rebinding replaces */
	assert_int_equal(settings_nmsgs(c), 0);
	assert_string_equal(settings_lang(c), "ko,en");
	assert_string_equal(settings_browser(c), "firefox --new-tab %s");
	assert_int_equal(settings_link_mode(c), LAUNCH_OPEN_COPY);
	assert_false(settings_osc8(c));
	assert_int_equal(settings_mark_read(c), SETTINGS_MARK_MANUAL);
	assert_int_equal(settings_mark_read_delay(c), 2500);
	assert_int_equal(settings_theme(c), SETTINGS_THEME_DEFAULT);
	col = settings_color(c, SETTINGS_EL_BORDER);
	assert_int_equal(col.fg, 12);
	assert_int_equal(col.bg, -1);
	assert_int_equal(col.attrs, 0);
	col = settings_color(c, SETTINGS_EL_MATCH);
	assert_int_equal(col.fg, 0);
	assert_int_equal(col.bg, 226);
	assert_int_equal(col.attrs, SETTINGS_ATTR_BOLD | SETTINGS_ATTR_UNDERLINE);
	col = settings_color(c, SETTINGS_EL_LINK);
	assert_int_equal(col.fg, 6);
	assert_int_equal(col.bg, 0);
	assert_int_equal(col.attrs, SETTINGS_ATTR_ITALIC);
	assert_false(settings_mouse(c));
	assert_int_equal(settings_nlibraries(c), 2);
	assert_string_equal(settings_library(c, 0), "/home/u/papers");
	assert_string_equal(settings_library(c, 1), "/srv/digests");
	assert_int_equal(settings_nbindings(c), 6);
	assert_string_equal(settings_binding(c, 0)->key, "j");
	assert_string_equal(settings_binding(c, 0)->cmd, "up");
	assert_string_equal(settings_binding(c, 1)->key, "C-n");
	assert_int_equal(settings_binding(c, 1)->code, KEYNAME_CTRL('n'));
	assert_int_equal(settings_binding(c, 2)->code, KEYNAME_PGDN);
	assert_string_equal(settings_binding(c, 3)->key, "S-Tab");
	assert_string_equal(settings_binding(c, 3)->cmd, "focus-prev");
	assert_string_equal(settings_binding(c, 5)->key, "\xed\x95\x9c");
	assert_null(settings_binding(c, 6));
	settings_free(c);

	c = parse("link-mode = open\nmark-read = open\nlang = zh, en\nlang = en\nmark-read = delay\n");
	assert_int_equal(settings_link_mode(c), LAUNCH_OPEN_BROWSER);
	assert_int_equal(settings_mark_read(c), SETTINGS_MARK_DELAY);
	assert_string_equal(settings_lang(c), "en");
	settings_free(c);
}

static void
test_errors(void **unused)
{
	static const char *const want[] = {
		"cfg:1: unknown setting 'colour'",
		"cfg:2: bad value 'sometimes' for 'link-mode' (use open, copy or auto)",
		"cfg:3: expected 'NAME = VALUE' or 'bind KEY COMMAND'",
		"cfg:4: unknown colour 'purplish' (use default, black, red, green, yellow, blue, magenta, cyan, white, bright-NAME or 0-255)",
		"cfg:5: unknown element 'color.nothing'",
		"cfg:6: bad key name 'C-' (use a character, C-x, Up, PgDn, S-Tab, F1-F12, ...)",
		"cfg:7: bad key name 'F13' (use a character, C-x, Up, PgDn, S-Tab, F1-F12, ...)",
		"cfg:8: expected 'bind KEY COMMAND'",
		"cfg:9: bad value 'maybe' for 'mouse' (use yes or no)",
		"cfg:10: bad value '-5' for 'mark-read-delay' (use milliseconds, 0 to 3600000)",
		"cfg:11: missing value for 'browser'",
		"cfg:12: library path 'relative/dir' must be absolute or start with ~/",
		"cfg:13: unknown attribute 'sparkly' (use bold, dim, italic, underline, reverse or blink)",
		"cfg:14: expected 'color.star = FG BG [ATTRIBUTE]...'",
		"cfg:15: invalid UTF-8 or a control character",
		"cfg:16: bad value 'ko,,french' for 'lang' (use codes such as en, ko, zh, ja, or a list: ko,en)",
		"cfg:17: bad command name 'Quit!'",
		"cfg:18: expected a name before '='",
		"cfg:19: bad value 'dark' for 'theme' (use default or monochrome)",
		"cfg:20: unknown colour '256' (use default, black, red, green, yellow, blue, magenta, cyan, white, bright-NAME or 0-255)",
	};
	struct settings *c;
	size_t i;

	(void)unused;
	unsetenv("NO_COLOR");
	c = parse(
	    "colour = red\n"			/* 1 */
	    "link-mode = sometimes\n"		/* 2 */
	    "just words\n"			/* 3 */
	    "color.star = purplish default\n"	/* 4 */
	    "color.nothing = red blue\n"		/* 5 */
	    "bind C- quit\n"			/* 6 */
	    "bind F13 quit\n"			/* 7 */
	    "bind x\n"				/* 8 */
	    "mouse = maybe\n"			/* 9 */
	    "mark-read-delay = -5\n"		/* 10 */
	    "browser =\n"			/* 11 */
	    "library = relative/dir\n"		/* 12 */
	    "color.star = red blue sparkly\n"	/* 13 */
	    "color.star = red\n"			/* 14 */
	    "lang = \xff\n"			/* 15 */
	    "lang = ko,,french\n"		/* 16 */
	    "bind q Quit!\n"			/* 17 */
	    " = x\n"				/* 18 */
	    "theme = dark\n"			/* 19 */
	    "color.star = 256 0\n"		/* 20 */
	    "link-mode = copy\n"		/* later good lines still apply */
	    "bind q quit\n"
	    "mark-read-delay = 0\n");
	for (i = 0; i < settings_nmsgs(c) && i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(settings_msg(c, i), want[i]);
	assert_int_equal(settings_nmsgs(c), sizeof want / sizeof want[0]);
	assert_int_equal(settings_link_mode(c), LAUNCH_OPEN_COPY);
	assert_int_equal(settings_mark_read_delay(c), 0);
	assert_int_equal(settings_nbindings(c), 1);
	assert_string_equal(settings_binding(c, 0)->cmd, "quit");
	/* rejected lines leave the defaults */
	assert_true(settings_mouse(c));
	assert_null(settings_lang(c));
	assert_null(settings_browser(c));
	assert_int_equal(settings_theme(c), SETTINGS_THEME_DEFAULT);
	assert_int_equal(settings_color(c, SETTINGS_EL_STAR).fg, 3);
	settings_free(c);
}

static void
test_load_file(void **unused)
{
	char path[] = "/tmp/pbconfig.XXXXXX";
	int fd = mkstemp(path);
	static const char text[] = "mouse = no\nbogus\nosc8 = no\n";
	struct settings *c;
	struct buf want = BUF_INIT;

	(void)unused;
	buf_init(&want);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	c = settings_load(path);
	assert_int_equal(settings_nmsgs(c), 1);
	buf_printf(&want, "%s:2: expected 'NAME = VALUE' or 'bind KEY COMMAND'", path);
	assert_string_equal(settings_msg(c, 0), want.buf);
	assert_false(settings_mouse(c));
	assert_false(settings_osc8(c));
	settings_free(c);
	unlink(path);
	/* a file named explicitly must exist; the default one need not */
	c = settings_load(path);
	assert_int_equal(settings_nmsgs(c), 1);
	buf_setlen(&want, 0);
	buf_printf(&want, "%s: cannot read: No such file or directory", path);
	assert_string_equal(settings_msg(c, 0), want.buf);
	settings_free(c);
	setenv("PAPERBOY_CONFIG", path, 1);
	c = settings_load(NULL);
	assert_int_equal(settings_nmsgs(c), 0);
	assert_true(settings_mouse(c));
	settings_free(c);
	unsetenv("PAPERBOY_CONFIG");
	buf_free(&want);
}

/* theme = monochrome: attributes only (NO_COLOR is a preference: test_prefs.c). */
static void
test_no_color(void **unused)
{
	struct settings *c;

	(void)unused;
	c = parse("theme = monochrome\n");
	assert_int_equal(settings_theme(c), SETTINGS_THEME_MONOCHROME);
	assert_int_equal(settings_color(c, SETTINGS_EL_MATCH).bg, -1);
	assert_int_equal(settings_color(c, SETTINGS_EL_MATCH).attrs, SETTINGS_ATTR_REVERSE | SETTINGS_ATTR_UNDERLINE);
	settings_free(c);
}

/* source lines, ca-file, fetch-on-start and the library directory for fetching. */
static void
test_fetch_settings(void **unused)
{
	struct settings *c;
	const struct sources *src;

	(void)unused;
	c = settings_defaults();
	assert_false(settings_fetch_on_start(c));
	assert_null(settings_ca_file(c));
	assert_int_equal(sources_count(settings_sources(c)), 2);
	settings_free(c);
	setenv("HOME", "/home/u", 1);
	c = parse("source ko-digest https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/paper_logs/{yyyy}/{mm}/{dd}.md\n"
	    "source hf-daily off\n"
	    "source hf-page on\n"
	    "source bad name https://x.org/{date}\n"
	    "source ../up https://x.org/{date}\n"
	    "source plain http://example.com/{date}\n"
	    "source nosuch on\n"
	    "source  arxiv-cs.CL  on\n"
	    "ca-file = ~/certs/ca.pem\n"
	    "fetch-on-start = yes\n"
	    "fetch-on-start = maybe\n"
	    "ca-file = relative.pem\n");
	src = settings_sources(c);
	assert_int_equal(sources_count(src), 4);
	assert_false(sources_at(src, 0)->on);
	assert_true(sources_at(src, 1)->on);
	assert_string_equal(sources_at(src, 2)->name, "ko-digest");
	assert_string_equal(sources_at(src, 3)->name, "arxiv-cs.CL");
	assert_string_equal(settings_ca_file(c), "/home/u/certs/ca.pem");
	assert_true(settings_fetch_on_start(c));
	assert_int_equal(settings_nmsgs(c), 6);
	assert_string_equal(settings_msg(c, 0), "cfg:4: expected 'source NAME URL-TEMPLATE' or 'source NAME off'");
	assert_non_null(strstr(settings_msg(c, 1), "cfg:5: bad source name '../up'"));
	assert_non_null(strstr(settings_msg(c, 2), "cfg:6: URL template 'http://example.com/{date}'"));
	assert_string_equal(settings_msg(c, 3), "cfg:7: unknown source 'nosuch' (give its URL template)");
	assert_non_null(strstr(settings_msg(c, 4), "cfg:11: bad value 'maybe' for 'fetch-on-start'"));
	assert_non_null(strstr(settings_msg(c, 5), "cfg:12: ca-file path 'relative.pem'"));

	/* the library directory (PAPERBOY_LIBRARY, library, XDG_DATA_HOME) is a preference: test_prefs.c */
	settings_free(c);
}

static void
test_not_regular(void **unused)
{
	char dir[] = "/tmp/pbcfg.XXXXXX";
	struct buf fifo = BUF_INIT, big = BUF_INIT, link = BUF_INIT;
	struct settings *c;
	int fd;

	(void)unused;
	assert_non_null(mkdtemp(dir));
	buf_init(&fifo);
	buf_init(&big);
	buf_init(&link);
	buf_printf(&fifo, "%s/fifo", dir);
	buf_printf(&big, "%s/big", dir);
	buf_printf(&link, "%s/link", dir);
	/* a FIFO without a writer: reported at once, never waited on */
	assert_int_equal(mkfifo(fifo.buf, 0600), 0);
	setenv("PAPERBOY_CONFIG", fifo.buf, 1);
	c = settings_load(NULL);
	assert_int_equal(settings_nmsgs(c), 1);
	assert_non_null(strstr(settings_msg(c, 0), "is a FIFO, not a regular file; settings file ignored"));
	assert_true(settings_mouse(c));	/* the defaults */
	settings_free(c);
	/* a device that never ends is not read */
	c = settings_load("/dev/zero");
	assert_int_equal(settings_nmsgs(c), 1);
	assert_non_null(strstr(settings_msg(c, 0), "is a character device"));
	settings_free(c);
	/* /dev/null, or a link to it: no settings, no message */
	assert_int_equal(symlink("/dev/null", link.buf), 0);
	setenv("PAPERBOY_CONFIG", link.buf, 1);
	c = settings_load(NULL);
	assert_int_equal(settings_nmsgs(c), 0);
	settings_free(c);
	c = settings_load("/dev/null");
	assert_int_equal(settings_nmsgs(c), 0);
	settings_free(c);
	/* over 1 MB: refused */
	fd = open(big.buf, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 2 << 20), 0);
	close(fd);
	c = settings_load(big.buf);
	assert_int_equal(settings_nmsgs(c), 1);
	assert_non_null(strstr(settings_msg(c, 0), "is larger than 1048576 bytes; settings file ignored"));
	settings_free(c);
	unsetenv("PAPERBOY_CONFIG");
	unlink(fifo.buf);
	unlink(big.buf);
	unlink(link.buf);
	rmdir(dir);
	buf_free(&fifo);
	buf_free(&big);
	buf_free(&link);
}

static void
test_max_file_size(void **unused)
{
	static const struct {
		const char *v;
		unsigned long long want;	/* 0: rejected */
	} cases[] = {
		{ "64M", 64ULL << 20 }, { "1G", 1ULL << 30 }, { "500k", 500ULL << 10 }, { "2048", 2048 },
		{ "64MB", 64ULL << 20 }, { "1024G", 1ULL << 40 },
		{ "1025G", 0 }, { "1023", 0 }, { "0", 0 }, { "lots", 0 }, { "-1M", 0 }, { "1T", 0 },
		{ "99999999999999999999", 0 }, { "", 0 }, { "1 M", 0 },
	};
	struct settings *c;
	struct buf text = BUF_INIT;
	size_t i;

	(void)unused;
	buf_init(&text);
	c = parse("");
	assert_true(settings_max_file_size(c) == 64ULL << 20);	/* the default */
	settings_free(c);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_setlen(&text, 0);
		buf_printf(&text, "max-file-size = %s\n", cases[i].v);
		c = parse(text.buf);
		if (cases[i].want) {
			assert_int_equal(settings_nmsgs(c), 0);
			assert_true(settings_max_file_size(c) == cases[i].want);
		} else {
			assert_int_equal(settings_nmsgs(c), 1);
			assert_true(settings_max_file_size(c) == 64ULL << 20);
		}
		settings_free(c);
	}
	buf_free(&text);
}

/* The command table of a tiny reader: "down" and "quit". */
static int
known(const char *cmd)
{
	return strcmp(cmd, "down") == 0 || strcmp(cmd, "quit") == 0;
}

static void
test_check_commands(void **unused)
{
	struct settings *c = parse("bind j down\nbind x frobnicate\n# c\nbind q quit\nbind y nope\n");

	(void)unused;
	assert_int_equal(settings_nmsgs(c), 0);	/* the syntax is fine */
	assert_int_equal(settings_nbindings(c), 4);
	assert_int_equal(settings_check_commands(c, known), 2);
	assert_int_equal(settings_nmsgs(c), 2);
	assert_string_equal(settings_msg(c, 0), "cfg:2: unknown command 'frobnicate' (paperboy --help lists them)");
	assert_string_equal(settings_msg(c, 1), "cfg:5: unknown command 'nope' (paperboy --help lists them)");
	assert_int_equal(settings_nbindings(c), 2);
	assert_string_equal(settings_binding(c, 0)->cmd, "down");
	assert_string_equal(settings_binding(c, 1)->cmd, "quit");
	assert_string_equal(settings_binding(c, 1)->file, "cfg");
	assert_int_equal(settings_binding(c, 1)->line, 4);
	settings_free(c);
}

/* A bind names its key with keyname_parse: C-a and C-A are one key, the later bind wins. */
static void
test_bind_keys(void **unused)
{
	struct settings *c = parse("bind C-a down\nbind C-A up\nbind C-[ quit\nbind Esc help\n");

	(void)unused;
	assert_int_equal(settings_nmsgs(c), 0);
	assert_int_equal(settings_nbindings(c), 2);
	assert_int_equal(settings_binding(c, 0)->code, KEYNAME_CTRL('a'));
	assert_string_equal(settings_binding(c, 0)->key, "C-A");
	assert_string_equal(settings_binding(c, 0)->cmd, "up");
	assert_int_equal(settings_binding(c, 1)->code, KEYNAME_ESC);
	assert_string_equal(settings_binding(c, 1)->cmd, "help");
	settings_free(c);
}

/* Trailing comments: '#' after a blank starts one, '#' inside a word is kept. */
static void
test_comments(void **unused)
{
	struct settings *c;

	(void)unused;
	setenv("HOME", "/home/u", 1);
	c = parse("library = ~/papers   # note\n"
	    "lang = ko\t# en or ko\n"
	    "browser = w3m https://x.org/a#frag %s # mine\n"
	    "mark-read-delay = 250 #ms\n"
	    "  # indented\n"
	    "bind J next-unread           # KEY: a character\n"
	    "bind # help # the hash key\n"
	    "color.star = yellow default bold # star\n");
	assert_int_equal(settings_nmsgs(c), 0);
	assert_string_equal(settings_library(c, 0), "/home/u/papers");
	assert_string_equal(settings_lang(c), "ko");
	assert_string_equal(settings_browser(c), "w3m https://x.org/a#frag %s");
	assert_int_equal(settings_mark_read_delay(c), 250);
	assert_int_equal(settings_nbindings(c), 2);
	assert_string_equal(settings_binding(c, 0)->cmd, "next-unread");
	assert_int_equal(settings_binding(c, 1)->code, '#');
	assert_string_equal(settings_binding(c, 1)->cmd, "help");
	assert_int_equal(settings_color(c, SETTINGS_EL_STAR).attrs, SETTINGS_ATTR_BOLD);
	settings_free(c);
	/* a value that is only a comment is missing */
	c = parse("lang = # none\nbind x # nothing\n");
	assert_int_equal(settings_nmsgs(c), 2);
	assert_string_equal(settings_msg(c, 0), "cfg:1: missing value for 'lang'");
	assert_string_equal(settings_msg(c, 1), "cfg:2: expected 'bind KEY COMMAND'");
	settings_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_setting),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_no_color),
		cmocka_unit_test(test_not_regular),
		cmocka_unit_test(test_check_commands),
		cmocka_unit_test(test_max_file_size),
		cmocka_unit_test(test_bind_keys),
		cmocka_unit_test(test_fetch_settings),
		cmocka_unit_test(test_comments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
