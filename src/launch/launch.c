/* launch/launch.c: URL safety, browser argument vectors, OSC 52 / OSC 8 and launching. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* POSIX_SPAWN_SETSID (glibc): a launcher must not reach /dev/tty */
#endif
#include "launch/launch.h"
#include "base/url.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* The process environment. */
const char *
launch_getenv(void *arg, const char *name)
{
	(void)arg;
	return getenv(name);
}

/* A variable read through get, or NULL when unset or empty. */
static const char *
env(launch_getenv_fn *get, void *arg, const char *name)
{
	const char *v = get(arg, name);

	return v && *v ? v : NULL;
}

/* True when SSH_CONNECTION or SSH_TTY is set. */
int
launch_ssh(launch_getenv_fn *get, void *arg)
{
	return env(get, arg, "SSH_CONNECTION") != NULL || env(get, arg, "SSH_TTY") != NULL;
}

/* tmux, GNU screen or the terminal itself. */
enum launch_mux
launch_mux_detect(launch_getenv_fn *get, void *arg)
{
	const char *term = env(get, arg, "TERM");

	if (env(get, arg, "TMUX"))
		return LAUNCH_MUX_TMUX;
	if (term && strncmp(term, "screen", 6) == 0 && env(get, arg, "STY"))
		return LAUNCH_MUX_SCREEN;
	return LAUNCH_MUX_NONE;
}

/* The environment's facts; the preferences at their defaults (settings/prefs.h resolves them). */
void
launch_opts_init(struct launch_opts *o, launch_getenv_fn *get, void *arg)
{
	memset(o, 0, sizeof *o);
	o->open = LAUNCH_OPEN_AUTO;
	o->osc8 = 1;
	o->browser = NULL;
	o->ssh = launch_ssh(get, arg);
	o->mux = launch_mux_detect(get, arg);
	o->text_browsers = env(get, arg, "PAPERBOY_TEXT_BROWSERS");
	o->osc52_log = env(get, arg, "PAPERBOY_OSC52_LOG");
	o->path = env(get, arg, "PATH");
	o->wayland = env(get, arg, "WAYLAND_DISPLAY") != NULL;
	o->x11 = env(get, arg, "DISPLAY") != NULL;
}

/* Copy instead of starting a browser: asked for, or over SSH in auto mode. */
int
launch_copies(const struct launch_opts *o)
{
	return o->open == LAUNCH_OPEN_COPY || (o->open == LAUNCH_OPEN_AUTO && o->ssh);
}

/* Check url for opening or copying; say why not. */
int
launch_url_check(const char *url, struct buf *why)
{
	size_t n, i, k;
	const char *host;

	if (url == NULL || *url == '\0') {
		buf_puts(why, "empty link");
		return 0;
	}
	n = url_scheme_len(url, strlen(url));
	if (n && !(n == 4 && url_prefix_ci(url, n, "http")) && !(n == 5 && url_prefix_ci(url, n, "https"))) {
		buf_addch(why, '"');
		for (i = 0; i < n; i++)
			buf_addch(why, url[i] >= 'A' && url[i] <= 'Z' ? url[i] + 32 : url[i]);
		buf_puts(why, ":\" links are not opened");
		return 0;
	}
	for (i = 0; url[i]; i++) {
		unsigned char c = (unsigned char)url[i];
		const char *name;

		if (c < 0x20 || c == 0x7f) {
			buf_printf(why, "control character 0x%02x in link", c);
			return 0;
		}
		if (c >= 0x80) {
			buf_printf(why, "non-ASCII byte 0x%02x in link", c);
			return 0;
		}
		if ((name = url_byte_name(c)) != NULL) {
			buf_printf(why, "unencoded %s in link", name);
			return 0;
		}
	}
	if (n == 0) {
		buf_puts(why, "link has no \"http:\" or \"https:\" scheme");
		return 0;
	}
	host = url + n + 1;
	if (host[0] != '/' || host[1] != '/') {
		buf_puts(why, "link has no host");
		return 0;
	}
	host += 2;
	k = strcspn(host, "/?#");
	if (k == 0 || memchr(host, '@', k)) {
		buf_puts(why, k == 0 ? "link has no host" : "link has a user name");
		return 0;
	}
	return 1;
}

/* Next non-empty entry of a colon-separated list. */
int
launch_browser_next(const char *list, size_t *pos, struct buf *entry)
{
	buf_setlen(entry, 0);
	if (list == NULL)
		return 0;
	while (list[*pos]) {
		size_t start = *pos, end = start, a, b;

		while (list[end] && list[end] != ':')
			end++;
		*pos = list[end] ? end + 1 : end;
		for (a = start; a < end && (list[a] == ' ' || list[a] == '\t'); a++)
			;
		for (b = end; b > a && (list[b - 1] == ' ' || list[b - 1] == '\t'); b--)
			;
		if (b > a) {
			buf_add(entry, list + a, b - a);
			return 1;
		}
	}
	return 0;
}

/* Append word[0..n) with "%s" replaced by url and "%%" by "%"; 1 when %s was seen. */
static int
expand_word(struct buf *out, const char *w, size_t n, const char *url)
{
	size_t i;
	int used = 0;

	for (i = 0; i < n; i++) {
		if (w[i] == '%' && i + 1 < n && w[i + 1] == 's') {
			buf_puts(out, url);
			used = 1;
			i++;
		} else if (w[i] == '%' && i + 1 < n && w[i + 1] == '%') {
			buf_addch(out, '%');
			i++;
		} else {
			buf_addch(out, w[i]);
		}
	}
	return used;
}

/* Split an entry into words and substitute the URL. */
char **
launch_argv(const char *entry, const char *url)
{
	size_t n = 0, i = 0, len = entry ? strlen(entry) : 0, words = 0;
	char **argv;
	int used = 0;

	for (i = 0; i < len; i++)
		if (entry[i] != ' ' && entry[i] != '\t' && (i == 0 || entry[i - 1] == ' ' ||
		    entry[i - 1] == '\t'))
			words++;
	if (words == 0)
		return NULL;
	argv = xcalloc(words + 2, sizeof *argv);
	for (i = 0; i < len;) {
		struct buf w = BUF_INIT;
		size_t start;

		while (i < len && (entry[i] == ' ' || entry[i] == '\t'))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && entry[i] != ' ' && entry[i] != '\t')
			i++;
		buf_init(&w);
		used |= expand_word(&w, entry + start, i - start, url);
		argv[n++] = buf_detach(&w, NULL);
	}
	if (!used)
		argv[n++] = xstrdup(url);
	argv[n] = NULL;
	return argv;
}

/* Free an argument vector. */
void
launch_argv_free(char **argv)
{
	size_t i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}

/* True when name[0..n) is a word of the list (separated by colons, commas, spaces). */
static int
in_list(const char *list, const char *name, size_t n)
{
	const char *p = list;

	while (p && *p) {
		size_t k;

		p += strspn(p, ":, \t");
		k = strcspn(p, ":, \t");
		if (k && k == n && memcmp(p, name, n) == 0)
			return 1;
		p += k;
	}
	return 0;
}

/* Text-mode browser by the program's base name. */
int
launch_is_text_browser(const struct launch_opts *o, const char *program)
{
	const char *base;

	if (program == NULL)
		return 0;
	base = strrchr(program, '/');
	base = base ? base + 1 : program;
	return in_list("w3m lynx links links2 elinks browsh", base, strlen(base)) ||
	    (o && in_list(o->text_browsers, base, strlen(base)));
}

/* RFC 4648 base64 with padding. */
void
launch_base64(struct buf *out, const void *data, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = data;
	size_t i;

	buf_grow(out, (n + 2) / 3 * 4);
	for (i = 0; i + 2 < n; i += 3) {
		unsigned long v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 | s[i + 2];

		buf_addch(out, tab[v >> 18 & 63]);
		buf_addch(out, tab[v >> 12 & 63]);
		buf_addch(out, tab[v >> 6 & 63]);
		buf_addch(out, tab[v & 63]);
	}
	if (n - i == 1) {
		unsigned long v = (unsigned long)s[i] << 16;

		buf_addch(out, tab[v >> 18 & 63]);
		buf_addch(out, tab[v >> 12 & 63]);
		buf_puts(out, "==");
	} else if (n - i == 2) {
		unsigned long v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8;

		buf_addch(out, tab[v >> 18 & 63]);
		buf_addch(out, tab[v >> 12 & 63]);
		buf_addch(out, tab[v >> 6 & 63]);
		buf_addch(out, '=');
	}
}

#define SCREEN_CHUNK 252	/* screen's 256-byte string limit minus ESC P and ESC \ */

/* OSC 52 clipboard sequence, wrapped for GNU screen when needed. */
void
launch_osc52(struct buf *out, const char *text, enum launch_mux mux)
{
	struct buf seq = BUF_INIT;
	size_t i;

	buf_init(&seq);
	buf_puts(&seq, "\033]52;c;");
	launch_base64(&seq, text, strlen(text));
	buf_addch(&seq, '\a');
	if (mux != LAUNCH_MUX_SCREEN) {
		buf_add(out, seq.buf, seq.len);
	} else {
		for (i = 0; i < seq.len; i += SCREEN_CHUNK) {
			size_t k = seq.len - i < SCREEN_CHUNK ? seq.len - i : SCREEN_CHUNK;

			buf_puts(out, "\033P");
			buf_add(out, seq.buf + i, k);
			buf_puts(out, "\033\\");
		}
	}
	buf_free(&seq);
}

/* OSC 8 start with the URL percent-encoded where it could end the sequence. */
void
launch_osc8_open(struct buf *out, const char *url)
{
	const unsigned char *s = (const unsigned char *)url;
	char pct[3];

	buf_puts(out, "\033]8;;");
	for (; s && *s; s++) {
		if (*s < 0x21 || *s > 0x7e || *s == ';' || *s == '\\') {
			url_percent(pct, *s);
			buf_add(out, pct, 3);
		} else {
			buf_addch(out, (char)*s);
		}
	}
	buf_puts(out, "\033\\");
}

/* OSC 8 end. */
void
launch_osc8_close(struct buf *out)
{
	buf_puts(out, "\033]8;;\033\\");
}

/* Program name for messages: its base name. */
static const char *
prog_name(const char *p)
{
	const char *b = strrchr(p, '/');

	return b ? b + 1 : p;
}

/*
 * posix_spawnp with file actions and default signals; no shell.  A quiet
 * child reads from in_fd (-1: /dev/null).  what names it in messages.
 */
static int
spawn(char *const argv[], enum launch_io io, int in_fd, const char *what, pid_t *pid,
    struct buf *why)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t def, none;
	short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
	int rc;

	if (argv == NULL || argv[0] == NULL) {
		buf_printf(why, "empty %s command", what);
		return -1;
	}
	if (posix_spawn_file_actions_init(&fa) != 0 || posix_spawnattr_init(&at) != 0) {
		buf_printf(why, "cannot prepare to start a %s", what);
		return -1;
	}
	sigemptyset(&def);
	sigaddset(&def, SIGINT);
	sigaddset(&def, SIGQUIT);
	sigaddset(&def, SIGPIPE);
	sigaddset(&def, SIGCHLD);
	sigaddset(&def, SIGTSTP);
	sigaddset(&def, SIGTTIN);
	sigaddset(&def, SIGTTOU);
	sigaddset(&def, SIGWINCH);
	sigemptyset(&none);
	if (io == LAUNCH_IO_QUIET) {
		if (in_fd >= 0) {
			posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
			posix_spawn_file_actions_addclose(&fa, in_fd);
		} else {
			posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
		}
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
#ifdef POSIX_SPAWN_SETSID
		flags |= POSIX_SPAWN_SETSID;	/* no controlling terminal: cannot open /dev/tty */
#else
		flags |= POSIX_SPAWN_SETPGROUP;	/* at least not in the reader's process group */
		posix_spawnattr_setpgroup(&at, 0);
#endif
	}
	posix_spawnattr_setsigdefault(&at, &def);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setflags(&at, flags);
	rc = posix_spawnp(pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (rc != 0) {
		buf_printf(why, "cannot start %s \"%s\": %s", what, prog_name(argv[0]), strerror(rc));
		return -1;
	}
	return 0;
}

/* Start a browser. */
int
launch_spawn(char *const argv[], enum launch_io io, pid_t *pid, struct buf *why)
{
	return spawn(argv, io, -1, "browser", pid, why);
}

/* Wait for a child, blocking or polling for up to ms milliseconds. */
int
launch_wait(pid_t pid, int ms, int *status)
{
	struct timespec step = { 0, 10 * 1000 * 1000 };
	int waited = 0;

	for (;;) {
		pid_t r = waitpid(pid, status, ms < 0 ? 0 : WNOHANG);

		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return -1;
		if (r == 0) {
			if (waited >= ms)
				return 0;
			nanosleep(&step, NULL);
			waited += 10;
		}
	}
}

/* Success, or why not ("exited with status 3", "killed by signal 9"). */
int
launch_status_ok(int status, struct buf *why)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 1;
	if (WIFEXITED(status))
		buf_printf(why, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		buf_printf(why, "killed by signal %d", WTERMSIG(status));
	else
		buf_puts(why, "ended abnormally");
	return 0;
}

/* Run a text-mode browser on the terminal and wait for it. */
int
launch_run_foreground(char *const argv[], struct buf *why)
{
	struct sigaction ign, old_int, old_quit;
	pid_t pid;
	int status = 0, rc = -1;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	if (launch_spawn(argv, LAUNCH_IO_TERMINAL, &pid, why) == 0) {
		if (launch_wait(pid, -1, &status) != 1) {
			buf_printf(why, "cannot wait for browser \"%s\": %s", prog_name(argv[0]),
			    strerror(errno));
		} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			rc = 0;
		} else {
			buf_printf(why, "browser \"%s\" ", prog_name(argv[0]));
			launch_status_ok(status, why);
		}
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return rc;
}

/*
 * True when name is an executable file in one of the directories of path
 * (empty entries skipped); its full name is then in f.
 */
static int
on_path(const char *path, const char *name, struct buf *f)
{
	const char *p = path, *e;
	int found = 0;

	while (p && !found) {
		e = strchr(p, ':');
		buf_setlen(f, 0);
		buf_printf(f, "%.*s/%s", (int)(e ? e - p : (ptrdiff_t)strlen(p)), p, name);
		found = (e ? e > p : *p != '\0') && access(f->buf, X_OK) == 0;
		p = e ? e + 1 : NULL;
	}
	return found;
}

/* The local clipboard tool, or NULL. */
const struct launch_clip *
launch_clip_find(const struct launch_opts *o)
{
	static const char *const wl[] = { "wl-copy", NULL };
	static const char *const xclip[] = { "xclip", "-selection", "clipboard", NULL };
	static const char *const xsel[] = { "xsel", "--clipboard", "--input", NULL };
	static const char *const pb[] = { "pbcopy", NULL };
	static const struct launch_clip tools[] = {
		{ "wl-copy", wl }, { "xclip", xclip }, { "xsel", xsel }, { "pbcopy", pb },
	};
	struct buf f = BUF_INIT;
	size_t i;
	int found = 0;

	if (o->ssh || o->path == NULL)
		return NULL;
	buf_init(&f);
	for (i = 0; i < sizeof tools / sizeof tools[0]; i++) {
		if (i == 0 && !o->wayland)
			continue;
		if ((i == 1 || i == 2) && !o->x11)
			continue;
		if ((found = on_path(o->path, tools[i].name, &f)) != 0)
			break;
	}
	buf_free(&f);
	return found ? &tools[i] : NULL;
}

/* Write all of text to fd with SIGPIPE ignored (a tool may close early); -1 on error. */
static int
write_all(int fd, const char *text, size_t n)
{
	struct sigaction ign, old;
	ssize_t w = 0;
	size_t off = 0;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	while (off < n && ((w = write(fd, text + off, n - off)) > 0 || errno == EINTR))
		if (w > 0)
			off += (size_t)w;
	sigaction(SIGPIPE, &old, NULL);
	return off == n ? 0 : -1;
}

/* Run argv (the tool c) on a pipe, write text, wait (bounded). */
static int
clip_run(const struct launch_clip *c, char *const argv[], const char *text, size_t n, struct buf *why)
{
	int fds[2], status = 0, rc;
	pid_t pid;

	if (pipe(fds) < 0) {
		buf_printf(why, "cannot run %s: %s", c->name, strerror(errno));
		return -1;
	}
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	rc = spawn(argv, LAUNCH_IO_QUIET, fds[0], "clipboard tool", &pid, why);
	close(fds[0]);
	if (rc < 0) {
		close(fds[1]);
		return -1;
	}
	rc = write_all(fds[1], text, n);
	close(fds[1]);
	if (launch_wait(pid, 2000, &status) != 1) {
		kill(pid, SIGKILL);
		launch_wait(pid, -1, &status);
		buf_printf(why, "%s did not finish", c->name);
		return -1;
	}
	if (rc < 0) {
		buf_printf(why, "%s did not read the text", c->name);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		buf_printf(why, "%s failed", c->name);
		return -1;
	}
	return 0;
}

/* Copy text with the tool found on o->path (by its full name). */
int
launch_clip_copy(const struct launch_opts *o, const struct launch_clip *c, const char *text,
    size_t n, struct buf *why)
{
	struct buf full = BUF_INIT;
	char **argv;
	size_t i, k;
	int rc;

	buf_init(&full);
	if (!on_path(o->path, c->name, &full)) {
		buf_printf(why, "%s is gone", c->name);
		buf_free(&full);
		return -1;
	}
	for (k = 0; c->argv[k]; k++)
		;
	argv = xcalloc(k + 1, sizeof *argv);
	argv[0] = full.buf;
	for (i = 1; i < k; i++)
		argv[i] = (char *)c->argv[i];
	rc = clip_run(c, argv, text, n, why);
	free(argv);
	buf_free(&full);
	return rc;
}
