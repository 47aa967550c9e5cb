/* store_bench.c: the library store's figures for make bench.
 *
 *   store_bench bare                    paint a 200x60 curses screen (on /dev/null) and exit
 *   store_bench paint STORE             the same, with what the reader's first screen
 *                                       shows loaded from the store: every day with its
 *                                       count and the newest day's papers (light: a
 *                                       window), its first paper in full
 *   store_bench sync STORE PATH...      bring the store up to date
 *   store_bench index STORE             build the whole search index
 *   store_bench search STORE WORD...    type each word one character at a time: per
 *                                       keystroke, the match count, the matches of
 *                                       the newest day and the first match's key
 *                                       (after index_warm, timed apart)
 *   store_bench search1 STORE WORD...   the same on one core (no helper thread)
 *   store_bench light STORE PATH...     the reader's light library read from the store's
 *                                       papers against a light parse of the paths:
 *                                       best of three each, alternating, wall and CPU
 *   store_bench window STORE            going to another day: the window on each of
 *                                       40 days spread over the library read from the
 *                                       store (median and max), against every day's
 *                                       light papers (what a search or S reads first)
 *   store_bench exec MARK CMD ARG...    run CMD on a 200x60 pseudo-terminal: the ms
 *                                       from the start until its output shows MARK
 *                                       (the real reader's first paint, or
 *                                       bench/bare's: a curses program linked
 *                                       with ncursesw alone)
 *   store_bench term SOCKET MARK CMD ARG...
 *                                       the same in a 200x60 tmux window (tmux -L
 *                                       SOCKET, started when it is not running):
 *                                       the ms until capture-pane shows MARK
 * Each prints one line of figures (ms; peak RSS in MB from getrusage).
 */
#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "store/index.h"
#include "store/indexer.h"
#include "store/store.h"

/* Milliseconds of clock c since some fixed point. */
static double
clock_ms(clockid_t c)
{
	struct timespec t;

	clock_gettime(c, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Milliseconds since some fixed point. */
static double
now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

/* Peak resident set so far, in MB. */
static double
peak_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024.0;
}

/* Paint 200x60 cells (the given lines, else a pattern) to a curses screen on /dev/null. */
static void
paint(const struct lib *lib)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm-256color", out, in);
	int y;

	if (scr == NULL)
		return;
	resizeterm(60, 200);
	for (y = 0; y < 60; y++) {
		const struct paper *p = lib && (size_t)y < lib_npapers(lib) ? lib_paper(lib, (size_t)y) : NULL;

		mvprintw(y, 0, "%-199.199s", p && p->title ? p->title : "paperboy bench line");
	}
	refresh();
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
}

/* Open the store or exit. */
static struct store *
open_or_die(const char *path)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(path, &msg);

	if (s == NULL) {
		fprintf(stderr, "store_bench: %s\n", msg.buf);
		exit(1);
	}
	buf_free(&msg);
	return s;
}

/* The first screen from the store, read as the reader reads it. */
static int
run_paint(const char *path)
{
	double t0 = now_ms(), t1, t2, t3, t4;
	struct buf msg = BUF_INIT, label = BUF_INIT;
	struct store *s = open_or_die(path);
	int has;
	struct lib *day, *one;

	t1 = now_ms();
	buf_init(&label);
	has = store_newest_day(s, &label, &msg) > 0;
	t2 = now_ms();
	day = has ? store_lib_window(s, label.buf, &msg) : NULL;
	one = day && lib_npapers(day) ? store_lib_paper(s, lib_paper(day, 0)->key, &msg) : NULL;
	t3 = now_ms();
	paint(day);
	t4 = now_ms();
	printf("paint %.1f ms (open %.1f, newest day %.1f, days and papers %.1f, curses %.1f), %zu papers"
	    " on %s of %zu days, peak %.1f MB\n", t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3,
	    day ? lib_npapers(day) : 0, has ? label.buf : "-", day ? lib_ndays(day) : 0, peak_mb());
	lib_free(one);
	lib_free(day);
	store_close(s);
	buf_free(&label);
	buf_free(&msg);
	return 0;
}

/* Sync. */
static int
run_sync(const char *path, char **paths, size_t n)
{
	double t0 = now_ms();
	struct buf msg = BUF_INIT;
	struct store *s = open_or_die(path);
	struct store_stats st;
	int rc = store_sync(s, paths, n, NULL, &st, &msg);

	printf("sync %.1f ms: %zu files, %zu read, %zu gone, %zu papers merged again, peak %.1f MB%s%s\n",
	    now_ms() - t0, st.files, st.read, st.removed, st.papers, peak_mb(), rc ? ": " : "", msg.buf);
	store_close(s);
	buf_free(&msg);
	return rc ? 1 : 0;
}

/* Build the whole index. */
static int
run_index(const char *path)
{
	double t0 = now_ms();
	struct buf msg = BUF_INIT;
	struct store *s = open_or_die(path);
	long left;

	double t1;
	int more = 0;

	while ((left = indexer_build(s, 2000, &msg)) > 0)
		;
	t1 = now_ms();
	while (left == 0 && (more = indexer_tidy(s, &msg)) > 0)
		;
	printf("index %.1f ms, its segments merged in %.1f ms%s%s\n", t1 - t0, now_ms() - t1,
	    left < 0 || more < 0 ? ": " : "", msg.buf);
	store_close(s);
	buf_free(&msg);
	return left < 0;
}

/* Compare doubles. */
static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Type each word a character at a time. */
static int
run_search(const char *path, char **words, size_t n, int alone)
{
	struct buf msg = BUF_INIT, key = BUF_INIT;
	struct store *s = open_or_die(path);
	struct index *ix = index_new(s);
	struct store_day *days;
	long nd = store_days(s, &days, &msg);
	double t[512], all[4096], t0 = now_ms();
	size_t i, nall = 0;

	if (alone)
		index_set_split(ix, SIZE_MAX);	/* no helper thread: one core */
	if (index_warm(ix, &msg) < 0)
		fprintf(stderr, "store_bench: %s\n", msg.buf);
	printf("search warm-up (index_warm: display order, narrow forms) %.2f ms\n", now_ms() - t0);

	for (i = 0; i < n; i++) {
		const char *w = words[i];
		size_t len = strlen(w), k, nt = 0;
		long count = 0;

		for (k = 1; k <= len; k++) {
			size_t *ranks = NULL;

			if (k < len && ((unsigned char)w[k] & 0xC0) == 0x80)
				continue;	/* not at a character boundary */
			t0 = now_ms();
			count = index_set(ix, w, k, &msg);
			if (nd > 0)
				index_day(ix, days[0].label, &ranks, &msg);
			buf_setlen(&key, 0);
			index_key(ix, 0, &key);
			t[nt] = now_ms() - t0;
			if (nall < 4096)
				all[nall++] = t[nt];
			nt++;
			free(ranks);
		}
		qsort(t, nt, sizeof *t, dbl_cmp);
		printf("search %-12s %2zu keystrokes: median %6.2f ms, max %6.2f ms, %ld matches\n",
		    w, nt, t[nt / 2], t[nt - 1], count);
	}
	qsort(all, nall, sizeof *all, dbl_cmp);
	printf("search all %zu keystrokes: median %.2f ms, max %.2f ms; peak %.1f MB after %zu searches\n",
	    nall, nall ? all[nall / 2] : 0, nall ? all[nall - 1] : 0, peak_mb(), nall);
	if (nd > 0)
		store_days_free(days, (size_t)nd);
	index_free(ix);
	store_close(s);
	buf_free(&msg);
	buf_free(&key);
	return 0;
}

/* Look for mark in the pty's output; buf keeps the last bytes read (a mark may span reads). */
static int
saw_mark(int fd, const char *mark, char *buf, size_t *have, size_t size)
{
	size_t keep = strlen(mark);
	ssize_t n = read(fd, buf + *have, size - *have - 1);

	if (n <= 0)
		return -1;
	*have += (size_t)n;
	buf[*have] = '\0';
	if (strstr(buf, mark) != NULL)	/* terminal output holds no NUL */
		return 1;
	if (*have > keep) {
		memmove(buf, buf + *have - keep, keep);
		*have = keep;
	}
	return 0;
}

/* Run argv on a 200x60 pseudo-terminal; print the ms until its output shows mark (10 s at most). */
static int
run_exec(const char *mark, char **argv)
{
	struct winsize ws = { 60, 200, 0, 0 };
	char buf[1 << 16];
	size_t have = 0;
	double t0 = now_ms(), t = -1;
	int fd, rc = 0, status;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0)
		return 1;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (rc == 0 && now_ms() - t0 < 10000) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (poll(&p, 1, 100) > 0)
			rc = saw_mark(fd, mark, buf, &have, sizeof buf);
	}
	if (rc == 1)
		t = now_ms() - t0;
	kill(pid, SIGTERM);
	while (poll(&(struct pollfd){ fd, POLLIN, 0 }, 1, 2000) > 0 && read(fd, buf, sizeof buf) > 0)
		;	/* let it restore the terminal and leave */
	waitpid(pid, &status, 0);
	close(fd);
	printf("exec %.1f ms until '%s' (%s)\n", t, mark, argv[0]);
	return t < 0;
}

/*
 * Run argv and wait for it, its stdout into out (size bytes at most, NUL
 * ended) when out is not NULL, its stderr to /dev/null: its exit status,
 * or -1.
 */
static int
run_cmd(char *const *argv, char *out, size_t size)
{
	int fd[2], status;
	char scratch[256];
	size_t have = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(fd) < 0)
		return -1;
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(fd[1], 1);
		if (null >= 0 && dup2(null, 2) >= 0)	/* has-session's "no server running" */
			close(null);
		close(fd[0]);
		close(fd[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	while (pid > 0 && (n = out ? read(fd[0], out + have, size - have - 1) :
	    read(fd[0], scratch, sizeof scratch)) > 0)
		have += out ? (size_t)n : 0;
	if (out)
		out[have] = '\0';
	close(fd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The variables the program in a tmux window gets from store_bench's environment (or not at all). */
static const char *const pass_vars[] = { "PAPERBOY_STATE", "PAPERBOY_CONFIG", "PAPERBOY_CACHE" };
#define NVARS (sizeof pass_vars / sizeof *pass_vars)

/*
 * In a 200x60 tmux window on the tmux server of socket sock (started
 * first, detached, when it is not running), run argv: print the ms from
 * asking tmux for the window until capture-pane shows mark, polled
 * (10 s and 5,000 polls at most), then close the window.  This is how
 * the issue measured the first paint: in a terminal, a bare curses
 * program taking about 30 ms so.
 */
static int
run_term(const char *sock, const char *mark, char **argv)
{
	char *has[] = { "tmux", "-L", (char *)sock, "has-session", "-t", "pbb", NULL };
	char *start[] = { "tmux", "-L", (char *)sock, "new-session", "-d", "-s", "pbb", "-x", "200", "-y", "60",
		";", "set-option", "-g", "default-size", "200x60", NULL };
	char *cap[] = { "tmux", "-L", (char *)sock, "capture-pane", "-p", "-t", "pbb:run", NULL };
	char *kill[] = { "tmux", "-L", (char *)sock, "kill-window", "-t", "pbb:run", NULL };
	char *win[64] = { "tmux", "-L", (char *)sock, "new-window", "-d", "-t", "pbb:", "-n", "run", "env" };
	static char screen[1 << 16];
	static char vars[NVARS][4096];
	size_t k = 10, i;
	double t0, t = -1;

	/* through env: tmux runs one word through a shell; and the server has its first client's variables */
	for (i = 0; i < NVARS; i++) {
		win[k++] = "-u";
		win[k++] = (char *)pass_vars[i];
	}
	for (i = 0; i < NVARS; i++)
		if (getenv(pass_vars[i])) {
			snprintf(vars[i], sizeof vars[i], "%s=%s", pass_vars[i], getenv(pass_vars[i]));
			win[k++] = vars[i];
		}
	for (i = 0; argv[i] && k < 63; i++)
		win[k++] = argv[i];
	win[k] = NULL;
	if (run_cmd(has, NULL, 0) != 0 && run_cmd(start, NULL, 0) != 0) {
		fprintf(stderr, "store_bench: cannot start tmux\n");
		return 1;
	}
	t0 = now_ms();
	if (run_cmd(win, NULL, 0) != 0)
		return 1;
	for (i = 0; i < 5000 && now_ms() - t0 < 10000; i++) {
		if (run_cmd(cap, screen, sizeof screen) == 0 && strstr(screen, mark)) {
			t = now_ms() - t0;
			break;
		}
		nanosleep(&(struct timespec){ 0, 500000 }, NULL);	/* leave the program a core */
	}
	run_cmd(kill, NULL, 0);
	printf("term %.1f ms until '%s' (%s)\n", t, mark, argv[0]);
	return t < 0;
}

/* The peak and current resident memory of process pid in MB (VmHWM, VmRSS), -1 when unknown. */
static void
proc_mb(pid_t pid, double *peak, double *now)
{
	char path[64], line[256];
	FILE *f;
	long kb;

	*peak = *now = -1;
	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			*peak = kb / 1024.0;
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			*now = kb / 1024.0;
	}
	fclose(f);
}

/* CPU time of process pid so far, in clock ticks (-1 when unknown). */
static long
proc_ticks(pid_t pid)
{
	char path[64], line[1024], *p;
	unsigned long ut, st;
	FILE *f;
	int ok;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	ok = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	p = ok ? strrchr(line, ')') : NULL;	/* past the command name */
	if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

/*
 * Wait (30 s at most) until process pid has used no CPU for half a
 * second, reading (and dropping) what it writes to fd; the ms from t0
 * until its last busy moment, or -1.
 */
static double
wait_idle(pid_t pid, int fd, double t0)
{
	char junk[1 << 16];
	long last = -2, t;
	double busy = -1;
	int still = 0;

	while (still < 5 && now_ms() - t0 < 30000) {
		struct pollfd p = { fd, POLLIN, 0 };
		double w = now_ms();

		while (now_ms() - w < 100)
			if (poll(&p, 1, 10) > 0 && read(fd, junk, sizeof junk) <= 0)
				return -1;
		t = proc_ticks(pid);
		if (t < 0)
			return -1;
		still = t == last ? still + 1 : 0;
		if (t != last)
			busy = now_ms() - t0;
		last = t;
	}
	return still >= 5 ? busy : -1;
}

/*
 * The real reader (argv) on a 200x60 pseudo-terminal: the time until it
 * rests (the store synced and indexed, what it shows read) and its memory then; then a
 * search (/WORD Enter) for each word, and its memory after them.
 */
static int
run_reader(char **words, size_t nwords, char **argv)
{
	struct winsize ws = { 60, 200, 0, 0 };
	double t0 = now_ms(), t, peak, rss;
	size_t i;
	char junk[4096];
	int fd, status;
	pid_t pid;

	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0)
		return 1;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	t = wait_idle(pid, fd, t0);
	proc_mb(pid, &peak, &rss);
	printf("reader: rests after %.0f ms (the store synced, what it shows read); peak %.1f MB, %.1f MB resident\n",
	    t, peak, rss);
	for (i = 0; t >= 0 && i < nwords; i++) {
		(void)!write(fd, "/", 1);
		(void)!write(fd, words[i], strlen(words[i]));
		(void)!write(fd, "\r", 1);
		wait_idle(pid, fd, now_ms());
	}
	proc_mb(pid, &peak, &rss);
	printf("reader: after %zu searches: peak %.1f MB, %.1f MB resident\n", nwords, peak, rss);
	kill(pid, SIGTERM);
	while (poll(&(struct pollfd){ fd, POLLIN, 0 }, 1, 2000) > 0 && read(fd, junk, sizeof junk) > 0)
		;	/* let it restore the terminal and leave */
	waitpid(pid, &status, 0);
	close(fd);
	return t < 0;
}

/* CPU time of the process so far (every thread), in ms. */
static double
cpu_ms(void)
{
	return clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

/* One light library: from the store's papers (s), else parsed from paths; its papers, or -1. */
static long
light_once(struct store *s, char **paths, size_t npaths)
{
	struct buf msg = BUF_INIT;
	struct lib *lib;
	long n;
	size_t i;

	if (s) {
		lib = store_lib_light(s, NULL, &msg);
	} else {
		struct ingest *ing;

		lib = lib_new();
		lib_set_light(lib, 1);
		ing = ingest_new(lib);
		for (i = 0; i < npaths; i++)
			ingest_path(ing, paths[i]);
		ingest_free(ing);
		lib_finish(lib);
	}
	n = lib ? (long)lib_npapers(lib) : -1;
	if (lib == NULL)
		fprintf(stderr, "store_bench: %s\n", msg.buf);
	lib_free(lib);
	buf_free(&msg);
	return n;
}

/* store_bench light: the light library from the store against a light parse. */
static int
run_light(const char *path, char **paths, size_t npaths)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(path, &msg);
	double best[2][2] = { { 1e18, 1e18 }, { 1e18, 1e18 } };	/* [store, parse][wall, cpu] */
	long n[2] = { 0, 0 };
	int round, k;

	if (s == NULL) {
		fprintf(stderr, "store_bench: %s\n", msg.buf);
		return 1;
	}
	for (round = 0; round < 3; round++)
		for (k = 0; k < 2; k++) {
			double t0 = now_ms(), c0 = cpu_ms();

			n[k] = light_once(k == 0 ? s : NULL, paths, npaths);
			if (now_ms() - t0 < best[k][0])
				best[k][0] = now_ms() - t0;
			if (cpu_ms() - c0 < best[k][1])
				best[k][1] = cpu_ms() - c0;
		}
	printf("light library: from the store's papers %.0f ms (%.0f ms CPU), a light parse %.0f ms"
	    " (%.0f ms CPU); %ld and %ld papers\n", best[0][0], best[0][1], best[1][0], best[1][1], n[0], n[1]);
	store_close(s);
	buf_free(&msg);
	return n[0] < 0 || n[0] != n[1];
}

/* qsort comparison of doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The window on 40 days spread over the library, each timed, then the whole light library. */
static int
run_window(const char *path)
{
	struct store *s = open_or_die(path);
	struct buf msg = BUF_INIT;
	struct store_day *days;
	long nd = store_days(s, &days, &msg), i;
	double t[40], t0, whole;
	size_t k, n = 0, held = 0;
	struct lib *lib;

	for (k = 0; nd > 0 && k < 40; k++) {
		i = (long)(k * (size_t)nd / 40);
		t0 = now_ms();
		lib = store_lib_window(s, days[i].label, &msg);
		t[n++] = now_ms() - t0;
		held += lib ? lib_npapers(lib) : 0;
		lib_free(lib);
	}
	qsort(t, n, sizeof *t, cmp_double);
	t0 = now_ms();
	lib = store_lib_light(s, NULL, &msg);
	whole = now_ms() - t0;
	printf("another day: %.1f ms median, %.1f ms max (%ld days, %zu papers a day on average);"
	    " every day's light papers %.0f ms (%zu papers, %.1f MB)\n", n ? t[n / 2] : -1.0,
	    n ? t[n - 1] : -1.0, nd, n ? held / n : 0, whole, lib ? lib_npapers(lib) : 0,
	    lib ? lib_bytes(lib) / 1e6 : 0.0);
	lib_free(lib);
	store_days_free(days, nd > 0 ? (size_t)nd : 0);
	store_close(s);
	buf_free(&msg);
	return n == 0;
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc >= 2 && strcmp(argv[1], "bare") == 0) {
		double t0 = now_ms();

		paint(NULL);
		printf("bare %.1f ms, peak %.1f MB\n", now_ms() - t0, peak_mb());
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "paint") == 0)
		return run_paint(argv[2]);
	if (argc == 3 && strcmp(argv[1], "window") == 0)
		return run_window(argv[2]);
	if (argc >= 4 && strcmp(argv[1], "light") == 0)
		return run_light(argv[2], argv + 3, (size_t)argc - 3);
	if (argc >= 4 && strcmp(argv[1], "exec") == 0)
		return run_exec(argv[2], argv + 3);
	if (argc >= 5 && strcmp(argv[1], "term") == 0)
		return run_term(argv[2], argv[3], argv + 4);
	if (argc >= 4 && strcmp(argv[1], "reader") == 0) {
		int k;

		for (k = 2; k < argc && strcmp(argv[k], "--") != 0; k++)
			;
		if (k + 1 < argc) {
			argv[k] = NULL;
			return run_reader(argv + 2, (size_t)(k - 2), argv + k + 1);
		}
	}
	if (argc >= 4 && strcmp(argv[1], "sync") == 0)
		return run_sync(argv[2], argv + 3, (size_t)argc - 3);
	if (argc == 3 && strcmp(argv[1], "index") == 0)
		return run_index(argv[2]);
	if (argc >= 4 && strcmp(argv[1], "search") == 0)
		return run_search(argv[2], argv + 3, (size_t)argc - 3, 0);
	if (argc >= 4 && strcmp(argv[1], "search1") == 0)
		return run_search(argv[2], argv + 3, (size_t)argc - 3, 1);
	fprintf(stderr, "usage: store_bench bare|paint|sync|index|search|search1|light|window|exec|term|reader ...\n");
	return 2;
}
