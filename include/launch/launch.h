/* launch/launch.h: opening, copying and clicking links safely (no curses, no shell).
 *
 * Everything but launch_spawn, launch_wait and launch_run_foreground is pure:
 * the functions build byte strings and argument vectors and read the
 * environment only through a caller-supplied getter, so they can be tested
 * without a terminal.  A URL never passes through a shell: a browser is
 * started with posix_spawnp and an argument vector in which the URL is
 * exactly one argument.
 */
#ifndef PB_LINKS_H
#define PB_LINKS_H

#include <stddef.h>
#include <sys/types.h>

#include "base/buf.h"

/* Terminal multiplexer between paperboy and the terminal (for OSC 52). */
enum launch_mux {
	LAUNCH_MUX_NONE,		/* the terminal itself */
	LAUNCH_MUX_TMUX,		/* $TMUX: plain OSC 52, forwarded when set-clipboard is on */
	LAUNCH_MUX_SCREEN,	/* GNU screen: OSC 52 in DCS pass-through chunks */
};

/* What o and Enter do with a link. */
enum launch_open {
	LAUNCH_OPEN_AUTO,	/* copy over SSH, else start a browser */
	LAUNCH_OPEN_BROWSER,	/* always start a browser */
	LAUNCH_OPEN_COPY,	/* always copy to the clipboard (OSC 52) */
};

/* Reads one environment variable (NULL when unset); arg is the caller's. */
typedef const char *launch_getenv_fn(void *arg, const char *name);

/*
 * Link options: the environment's facts (launch_opts_init) and three
 * preferences, open, osc8 and browser, which settings/prefs.h resolves
 * (link-mode and PAPERBOY_OPEN, osc8, TERM and PAPERBOY_OSC8, browser
 * and $BROWSER).
 */
struct launch_opts {
	enum launch_open open;		/* preference: what o and Enter do */
	int ssh;			/* SSH_CONNECTION or SSH_TTY is set */
	int osc8;			/* preference: write OSC 8 hyperlinks */
	enum launch_mux mux;		/* from $TMUX, $TERM and $STY */
	const char *browser;		/* preference: a $BROWSER-style list, or NULL for the platform opener */
	const char *text_browsers;	/* PAPERBOY_TEXT_BROWSERS: more text-mode names */
	const char *osc52_log;		/* PAPERBOY_OSC52_LOG: testing aid, file to append OSC 52 to */
	const char *path;		/* $PATH, where clipboard tools are looked for */
	int wayland, x11;		/* WAYLAND_DISPLAY, DISPLAY set and not empty */
};

/* A local clipboard tool that reads the text on its standard input. */
struct launch_clip {
	const char *name;		/* "xclip" */
	const char *const *argv;	/* NULL-terminated, argv[0] == name */
};

/* The process environment as a launch_getenv_fn (arg unused). */
const char *launch_getenv(void *arg, const char *name);
/*
 * Fill o from the environment read through get: SSH, multiplexer,
 * PAPERBOY_TEXT_BROWSERS, PAPERBOY_OSC52_LOG, PATH and the displays; the
 * preferences get their defaults (auto, OSC 8 on, no browser: the
 * platform opener), which settings/prefs.h overrides.  Strings point
 * into what get returned.
 */
void launch_opts_init(struct launch_opts *o, launch_getenv_fn *get, void *arg);
/* True when the session is remote: SSH_CONNECTION or SSH_TTY is non-empty. */
int launch_ssh(launch_getenv_fn *get, void *arg);
/* The multiplexer: $TMUX set, else TERM screen* with $STY set, else none. */
enum launch_mux launch_mux_detect(launch_getenv_fn *get, void *arg);
/* True when o and Enter copy instead of starting a browser. */
int launch_copies(const struct launch_opts *o);

/*
 * Check that url may be opened or copied: http or https with a host,
 * printable ASCII only, no space, quote, backtick, backslash, angle
 * bracket, brace, pipe or caret.  Returns 1, or 0 with the reason
 * appended to why (e.g. "\"file:\" links are not opened").
 */
int launch_url_check(const char *url, struct buf *why);

/*
 * Take the next entry of a colon-separated $BROWSER list starting at
 * list[*pos]: set entry to it (empty entries are skipped) and return 1,
 * or return 0 at the end.
 */
int launch_browser_next(const char *list, size_t *pos, struct buf *entry);
/*
 * Build the argument vector of one browser entry for url: the entry is
 * split on spaces and tabs (no quoting); "%s" in a word stands for the URL
 * and "%%" for "%"; without any "%s" the URL is appended as the last
 * argument.  The URL is never split across arguments: each argument that
 * holds it holds it whole (one per "%s" word).  Returns a
 * NULL-terminated vector (free with launch_argv_free), or NULL for a blank
 * entry.
 */
char **launch_argv(const char *entry, const char *url);
/* Free a vector from launch_argv. */
void launch_argv_free(char **argv);
/*
 * True when program (a path or a name) is a text-mode browser that needs
 * the terminal: w3m, lynx, links, links2, elinks, browsh, or one of the
 * names in o->text_browsers (separated by colons, commas or spaces).
 */
int launch_is_text_browser(const struct launch_opts *o, const char *program);

/*
 * The local clipboard tool to copy with, or NULL (then OSC 52): none over
 * SSH (the clipboard that matters is the user's, far away); else the first
 * found on o->path of wl-copy (when WAYLAND_DISPLAY is set), xclip and
 * xsel (when DISPLAY is set), pbcopy.
 */
const struct launch_clip *launch_clip_find(const struct launch_opts *o);
/*
 * Run the tool, by its full name on o->path, with posix_spawn (no shell),
 * text[0..n) on its standard
 * input, and wait for it (at most two seconds; a tool still running then
 * is killed).  Returns 0 when it exited with status 0, else -1 with the
 * reason appended to why.
 */
int launch_clip_copy(const struct launch_opts *o, const struct launch_clip *c, const char *text,
    size_t n, struct buf *why);

/* Append the base64 (RFC 4648, with padding) of data[0..n). */
void launch_base64(struct buf *out, const void *data, size_t n);
/*
 * Append the OSC 52 sequence that puts text on the clipboard:
 * ESC ] 52 ; c ; BASE64 BEL, written plainly for the terminal and tmux,
 * and for GNU screen cut into 252-byte pieces each wrapped in
 * ESC P ... ESC \ (screen's pass-through, which limits string length).
 */
void launch_osc52(struct buf *out, const char *text, enum launch_mux mux);
/*
 * Append the OSC 8 sequence that starts a hyperlink to url:
 * ESC ] 8 ; ; URL ESC \, with every byte outside 0x21-0x7e and every ';'
 * and '\' percent-encoded so nothing can end the sequence early.
 */
void launch_osc8_open(struct buf *out, const char *url);
/* Append the OSC 8 sequence that ends a hyperlink: ESC ] 8 ; ; ESC \. */
void launch_osc8_close(struct buf *out);

/* How a started browser uses the terminal. */
enum launch_io {
	LAUNCH_IO_QUIET,		/* stdin, stdout, stderr on /dev/null, own session */
	LAUNCH_IO_TERMINAL,	/* inherits the terminal (a text-mode browser) */
};

/*
 * Start argv[0] (looked up in PATH) with posix_spawnp, never through a
 * shell, with default signal dispositions.  Returns 0 and sets *pid, or
 * -1 with the reason appended to why.
 */
int launch_spawn(char *const argv[], enum launch_io io, pid_t *pid, struct buf *why);
/*
 * Wait for child pid: ms < 0 waits until it ends, else polls for up to
 * ms milliseconds.  Returns 1 when it ended (*status set), 0 when it still
 * runs, -1 on error.
 */
int launch_wait(pid_t pid, int ms, int *status);
/*
 * Run argv in the foreground on the terminal and wait for it, ignoring
 * SIGINT and SIGQUIT meanwhile, as the C library's command runner does
 * (no shell is involved: argv is executed directly).  Returns 0 when it
 * exited with status 0, else -1 with the reason appended to why.
 */
int launch_run_foreground(char *const argv[], struct buf *why);
/* Append the reason a wait status is a failure; returns 1 when it is a success. */
int launch_status_ok(int status, struct buf *why);

#endif
