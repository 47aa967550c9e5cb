/* test_launch.c: URL safety, browser argument vectors, base64, OSC 52 and OSC 8 bytes. */
#include "unit.h"

#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "launch/launch.h"
#include "settings/prefs.h"

/* Assert that url is refused with exactly the reason want (NULL: accepted). */
static void
check_url(const char *url, const char *want)
{
	struct buf why = BUF_INIT;
	int ok;

	buf_init(&why);
	ok = launch_url_check(url, &why);
	if (want == NULL) {
		if (!ok)
			fail_msg("refused %s: %s", url, why.buf);
	} else {
		assert_false(ok);
		assert_string_equal(why.buf, want);
	}
	buf_free(&why);
}

/* Only plain http(s) URLs pass; every refusal names its reason. */
static void
test_url_check(void **state)
{
	(void)state;
	check_url("https://arxiv.org/abs/2505.02707", NULL);
	check_url("http://example.org/a;b?c=1&d=2#e", NULL);
	check_url("HTTPS://Example.org/", NULL);
	check_url("https://example.org/$(id)", NULL);	/* harmless without a shell */
	check_url("javascript:alert(1)", "\"javascript:\" links are not opened");
	check_url("JAVASCRIPT:alert(1)", "\"javascript:\" links are not opened");
	check_url("file:///etc/passwd", "\"file:\" links are not opened");
	check_url("data:text/html,<b>x</b>", "\"data:\" links are not opened");
	check_url("ftp://example.org/x", "\"ftp:\" links are not opened");
	check_url("", "empty link");
	check_url("https://example.org/a b", "unencoded space in link");
	check_url("https://example.org/a'b", "unencoded quote in link");
	check_url("https://example.org/a\"b", "unencoded double quote in link");
	check_url("https://example.org/a`id`", "unencoded backtick in link");
	check_url("https://example.org/a\nb", "control character 0x0a in link");
	check_url("https://example.org/\033]2;x\a", "control character 0x1b in link");
	check_url("https://example.org/\x9b" "2J", "non-ASCII byte 0x9b in link");
	check_url("https://example.org/\xc2\x9b", "non-ASCII byte 0xc2 in link");
	check_url("https://example.org/$(touch /tmp/pwned)", "unencoded space in link");
	check_url("https://example.org/a\\b", "unencoded backslash in link");
	check_url("https://example.org/<script>", "unencoded angle bracket in link");
	check_url("https://example.org/a|b", "unencoded pipe in link");
	check_url("www.example.org/x", "link has no \"http:\" or \"https:\" scheme");
	check_url("https:example.org", "link has no host");
	check_url("https:///x", "link has no host");
	check_url("https://user@evil.example/", "link has a user name");
	check_url("java\tscript:x", "control character 0x09 in link");
}

/* Assert that argv holds exactly the NULL-terminated list want. */
static void
check_argv(char **argv, const char *const *want)
{
	size_t i;

	assert_non_null(argv);
	for (i = 0; want[i]; i++) {
		assert_non_null(argv[i]);
		assert_string_equal(argv[i], want[i]);
	}
	assert_null(argv[i]);
	launch_argv_free(argv);
}

/* %s is the URL inside one argument; without it the URL is appended; no quoting. */
static void
test_argv(void **state)
{
	const char *url = "https://e.org/a;b$(x)";
	static const char *const plain[] = { "firefox", "https://e.org/a;b$(x)", NULL };
	static const char *const subst[] = { "firefox", "--new-tab", "https://e.org/a;b$(x)", NULL };
	static const char *const inword[] = { "tool", "--url=https://e.org/a;b$(x)", "-x", NULL };
	static const char *const percent[] = { "tool", "100%", "https://e.org/a;b$(x)", NULL };
	static const char *const quotes[] = { "sh", "-c", "'echo", "%s'", NULL };
	static const char *const twice[] = { "t", "https://e.org/a;b$(x)", "https://e.org/a;b$(x)", NULL };

	(void)state;
	check_argv(launch_argv("firefox", url), plain);
	check_argv(launch_argv("  firefox \t --new-tab  %s ", url), subst);
	check_argv(launch_argv("tool --url=%s -x", url), inword);
	check_argv(launch_argv("tool 100%% %s", url), percent);
	/* quotes are not shell syntax: they stay in the words, %s is not in a word alone */
	{
		char **v = launch_argv("sh -c 'echo %s'", url);

		assert_string_equal(v[0], quotes[0]);
		assert_string_equal(v[1], quotes[1]);
		assert_string_equal(v[2], quotes[2]);
		assert_string_equal(v[3], "https://e.org/a;b$(x)'");
		assert_null(v[4]);
		launch_argv_free(v);
	}
	check_argv(launch_argv("t %s %s", url), twice);
	assert_null(launch_argv("   ", url));
	assert_null(launch_argv("", url));
}

/* A colon-separated list gives its non-empty entries in order. */
static void
test_browser_list(void **state)
{
	struct buf e = BUF_INIT;
	size_t pos = 0;

	(void)state;
	buf_init(&e);
	assert_true(launch_browser_next("nosuch::w3m -T text/html %s: firefox ", &pos, &e));
	assert_string_equal(e.buf, "nosuch");
	assert_true(launch_browser_next("nosuch::w3m -T text/html %s: firefox ", &pos, &e));
	assert_string_equal(e.buf, "w3m -T text/html %s");
	assert_true(launch_browser_next("nosuch::w3m -T text/html %s: firefox ", &pos, &e));
	assert_string_equal(e.buf, "firefox");
	assert_false(launch_browser_next("nosuch::w3m -T text/html %s: firefox ", &pos, &e));
	pos = 0;
	assert_false(launch_browser_next(NULL, &pos, &e));
	buf_free(&e);
}

/* Text-mode browsers by base name, plus the configured ones. */
static void
test_text_browser(void **state)
{
	struct launch_opts o;

	(void)state;
	memset(&o, 0, sizeof o);
	assert_true(launch_is_text_browser(&o, "w3m"));
	assert_true(launch_is_text_browser(&o, "/usr/bin/lynx"));
	assert_true(launch_is_text_browser(&o, "elinks"));
	assert_false(launch_is_text_browser(&o, "firefox"));
	assert_false(launch_is_text_browser(&o, "w3"));
	o.text_browsers = "fakew3m, other:more";
	assert_true(launch_is_text_browser(&o, "/tmp/x/fakew3m"));
	assert_true(launch_is_text_browser(&o, "more"));
	assert_false(launch_is_text_browser(&o, "fake"));
}

/* RFC 4648 section 10 test vectors. */
static void
test_base64(void **state)
{
	static const char *const v[][2] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
	};
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		buf_setlen(&b, 0);
		launch_base64(&b, v[i][0], strlen(v[i][0]));
		assert_string_equal(b.buf, v[i][1]);
	}
	buf_setlen(&b, 0);
	launch_base64(&b, "\xff\xfe\x00", 3);
	assert_string_equal(b.buf, "//4A");
	buf_free(&b);
}

/* OSC 52 bytes: plain and tmux alike, screen in DCS chunks of at most 256 bytes. */
static void
test_osc52(void **state)
{
	struct buf b = BUF_INIT, want = BUF_INIT, inner = BUF_INIT;
	char url[400];
	size_t i;

	(void)state;
	buf_init(&b);
	launch_osc52(&b, "foobar", LAUNCH_MUX_NONE);
	assert_string_equal(b.buf, "\033]52;c;Zm9vYmFy\a");
	buf_setlen(&b, 0);
	launch_osc52(&b, "foobar", LAUNCH_MUX_TMUX);
	assert_string_equal(b.buf, "\033]52;c;Zm9vYmFy\a");
	buf_setlen(&b, 0);
	launch_osc52(&b, "foobar", LAUNCH_MUX_SCREEN);
	assert_string_equal(b.buf, "\033P\033]52;c;Zm9vYmFy\a\033\\");

	/* a long URL: 252-byte pieces of the OSC string, each wrapped */
	memcpy(url, "https://e.org/", 14);
	for (i = 14; i < sizeof url - 1; i++)
		url[i] = 'a' + (char)(i % 26);
	url[sizeof url - 1] = '\0';
	buf_init(&inner);
	buf_puts(&inner, "\033]52;c;");
	launch_base64(&inner, url, strlen(url));
	buf_addch(&inner, '\a');
	buf_init(&want);
	for (i = 0; i < inner.len; i += 252) {
		buf_puts(&want, "\033P");
		buf_add(&want, inner.buf + i, inner.len - i < 252 ? inner.len - i : 252);
		buf_puts(&want, "\033\\");
	}
	buf_setlen(&b, 0);
	launch_osc52(&b, url, LAUNCH_MUX_SCREEN);
	assert_int_equal(b.len, want.len);
	assert_memory_equal(b.buf, want.buf, b.len);
	assert_true(inner.len > 252 * 2);	/* three pieces */
	assert_memory_equal(b.buf, "\033P\033]52;c;", 9);
	assert_memory_equal(b.buf + 2 + 252, "\033\\\033P", 4);
	buf_free(&b);
	buf_free(&want);
	buf_free(&inner);
}

/* OSC 8 bytes, with everything that could end the sequence percent-encoded. */
static void
test_osc8(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_init(&b);
	launch_osc8_open(&b, "https://arxiv.org/abs/2505.02707");
	assert_string_equal(b.buf, "\033]8;;https://arxiv.org/abs/2505.02707\033\\");
	buf_setlen(&b, 0);
	launch_osc8_open(&b, "https://e.org/a;b\\c\033d\ae f\x9bg%20~");
	assert_string_equal(b.buf,
	    "\033]8;;https://e.org/a%3Bb%5Cc%1Bd%07e%20f%9Bg%20~\033\\");
	buf_setlen(&b, 0);
	launch_osc8_close(&b);
	assert_string_equal(b.buf, "\033]8;;\033\\");
	buf_free(&b);
}

/* Environment through a getter: a NULL-terminated name/value table. */
static const char *
table_get(void *arg, const char *name)
{
	const char *const *t = arg;

	for (; t[0]; t += 2)
		if (strcmp(t[0], name) == 0)
			return t[1];
	return NULL;
}

/* The link options prefs_resolve gives for the environment t and no settings file. */
static void
opts_from(struct launch_opts *o, const char *const *t)
{
	struct prefs_env env = { table_get, (void *)t };
	struct prefs p;

	prefs_resolve(&p, NULL, &env, NULL);
	*o = p.launch;
	prefs_free(&p);
}

/* SSH, multiplexer, OSC 8 default and overrides come from the environment. */
static void
test_opts(void **state)
{
	static const char *const local[] = { "TERM", "xterm-256color", NULL };
	static const char *const ssh[] = { "TERM", "xterm", "SSH_CONNECTION", "1 2 3 4",
		"TMUX", "/tmp/tmux-0/default,1,0", NULL };
	static const char *const scr[] = { "TERM", "screen.xterm-256color", "STY", "12.pts",
		"SSH_TTY", "/dev/pts/3", "BROWSER", "w3m:firefox", NULL };
	static const char *const linux_[] = { "TERM", "linux", "SSH_CONNECTION", "", NULL };
	static const char *const over[] = { "TERM", "linux", "PAPERBOY_OSC8", "1",
		"PAPERBOY_OPEN", "copy", "PAPERBOY_TEXT_BROWSERS", "mybrowser", NULL };
	static const char *const off[] = { "TERM", "xterm", "PAPERBOY_OSC8", "0",
		"SSH_TTY", "/dev/pts/1", "PAPERBOY_OPEN", "browser", NULL };
	static const char *const screen_no_sty[] = { "TERM", "screen", NULL };
	struct launch_opts o;

	(void)state;
	opts_from(&o, local);
	assert_false(o.ssh);
	assert_true(o.osc8);
	assert_int_equal(o.mux, LAUNCH_MUX_NONE);
	assert_null(o.browser);
	assert_false(launch_copies(&o));

	opts_from(&o, ssh);
	assert_true(o.ssh);
	assert_int_equal(o.mux, LAUNCH_MUX_TMUX);
	assert_true(launch_copies(&o));

	opts_from(&o, scr);
	assert_true(o.ssh);
	assert_int_equal(o.mux, LAUNCH_MUX_SCREEN);
	assert_string_equal(o.browser, "w3m:firefox");

	opts_from(&o, linux_);
	assert_false(o.ssh);	/* empty SSH_CONNECTION is not SSH */
	assert_false(o.osc8);

	opts_from(&o, over);
	assert_true(o.osc8);
	assert_int_equal(o.open, LAUNCH_OPEN_COPY);
	assert_true(launch_copies(&o));
	assert_true(launch_is_text_browser(&o, "mybrowser"));

	opts_from(&o, off);
	assert_false(o.osc8);
	assert_true(o.ssh);
	assert_false(launch_copies(&o));	/* PAPERBOY_OPEN=browser wins over SSH */

	opts_from(&o, screen_no_sty);
	assert_int_equal(o.mux, LAUNCH_MUX_NONE);
}

/* Spawning: a missing program fails with a reason; exit statuses are reported. */
static void
test_spawn(void **state)
{
	static char *const missing[] = { "paperboy-no-such-browser", "https://e.org/", NULL };
	static char *const truth[] = { "true", NULL };
	static char *const falsity[] = { "false", NULL };
	struct buf why = BUF_INIT;
	pid_t pid;
	int status = 0;

	(void)state;
	buf_init(&why);
	assert_int_equal(launch_spawn(missing, LAUNCH_IO_QUIET, &pid, &why), -1);
	assert_string_equal(why.buf,
	    "cannot start browser \"paperboy-no-such-browser\": No such file or directory");
	buf_setlen(&why, 0);
	assert_int_equal(launch_spawn(truth, LAUNCH_IO_QUIET, &pid, &why), 0);
	assert_int_equal(launch_wait(pid, -1, &status), 1);
	assert_true(launch_status_ok(status, &why));
	assert_int_equal(launch_spawn(falsity, LAUNCH_IO_QUIET, &pid, &why), 0);
	assert_int_equal(launch_wait(pid, 5000, &status), 1);
	assert_false(launch_status_ok(status, &why));
	assert_string_equal(why.buf, "exited with status 1");
	buf_setlen(&why, 0);
	assert_int_equal(launch_run_foreground(falsity, &why), -1);
	assert_string_equal(why.buf, "browser \"false\" exited with status 1");
	buf_setlen(&why, 0);
	assert_int_equal(launch_run_foreground(truth, &why), 0);
	buf_free(&why);
}

/* Write an executable shell script at dir/name. */
static void
script(const char *dir, const char *name, const char *body)
{
	struct buf p = BUF_INIT;
	FILE *f;

	buf_init(&p);
	buf_printf(&p, "%s/%s", dir, name);
	f = fopen(p.buf, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	assert_int_equal(chmod(p.buf, 0755), 0);
	buf_free(&p);
}

/* A local clipboard tool is found on PATH (not over SSH) and gets the text on stdin. */
static void
test_clipboard(void **state)
{
	char dir[] = "/tmp/pb-clip-XXXXXX";
	struct launch_opts o;
	const struct launch_clip *c;
	struct buf why = BUF_INIT, out = BUF_INIT, body = BUF_INIT, path = BUF_INIT;
	FILE *f;
	char got[64];
	size_t n;

	(void)state;
	buf_init(&why);
	buf_init(&out);
	buf_init(&body);
	buf_init(&path);
	assert_non_null(mkdtemp(dir));
	buf_printf(&out, "%s/out", dir);
	buf_printf(&body, "[ \"$*\" = '-selection clipboard' ] && cat >'%s'", out.buf);
	script(dir, "xclip", body.buf);
	script(dir, "xsel", "exit 0");
	memset(&o, 0, sizeof o);
	buf_printf(&path, "/nonexistent-dir::%s", dir);
	o.path = path.buf;
	assert_null(launch_clip_find(&o));		/* no DISPLAY: no X tool */
	o.x11 = 1;
	c = launch_clip_find(&o);
	assert_non_null(c);
	assert_string_equal(c->name, "xclip");		/* xclip before xsel */
	o.ssh = 1;
	assert_null(launch_clip_find(&o));		/* over SSH: OSC 52 */
	o.ssh = 0;
	assert_int_equal(launch_clip_copy(&o, c, "https://e.org/a b'$(x)", 22, &why), 0);
	f = fopen(out.buf, "r");
	assert_non_null(f);
	n = fread(got, 1, sizeof got - 1, f);
	fclose(f);
	got[n] = '\0';
	assert_string_equal(got, "https://e.org/a b'$(x)");	/* exactly the text, no shell */
	/* a failing tool is reported */
	script(dir, "xclip", "cat >/dev/null; exit 3");
	assert_int_equal(launch_clip_copy(&o, c, "x", 1, &why), -1);
	assert_string_equal(why.buf, "xclip failed");
	unlink(out.buf);
	buf_setlen(&body, 0);
	buf_printf(&body, "%s/xclip", dir);
	unlink(body.buf);
	buf_setlen(&body, 0);
	buf_printf(&body, "%s/xsel", dir);
	unlink(body.buf);
	assert_null(launch_clip_find(&o));		/* nothing left on PATH */
	rmdir(dir);
	buf_free(&why);
	buf_free(&out);
	buf_free(&body);
	buf_free(&path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_check),
		cmocka_unit_test(test_argv),
		cmocka_unit_test(test_browser_list),
		cmocka_unit_test(test_text_browser),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52),
		cmocka_unit_test(test_osc8),
		cmocka_unit_test(test_opts),
		cmocka_unit_test(test_spawn),
		cmocka_unit_test(test_clipboard),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
