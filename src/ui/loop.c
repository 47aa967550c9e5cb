/* ui/loop.c: poll() on descriptors, a self-pipe for signals and posts (see ui/loop.h). */
#include "ui/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"

#define NSIG_MAX 65		/* signal numbers 1..64 */
#define WAKE_POST 0		/* the byte a post writes (signals write their number) */

/* A watched descriptor. */
struct watch {
	int fd;
	ui_loop_fn fn;
	void *arg;
};

/* A watched signal. */
struct sigwatch {
	int sig;
	ui_loop_fn fn;
	void *arg;
	struct sigaction old;
};

/* A posted callback. */
struct post {
	ui_loop_fn fn;
	void *arg;
};

struct ui_loop {
	int pipe[2];			/* the self-pipe: read end, write end */
	struct watch *w;
	size_t nw, aw;
	struct sigwatch *s;
	size_t ns, as;
	pthread_mutex_t lock;		/* guards the posts */
	struct post *p;
	size_t np, ap;
	struct pollfd *pfd;		/* scratch for poll() */
	size_t apfd;
};

/*
 * The write end of the self-pipe of the loop that watches signals, for
 * the handler (which can reach nothing else); -1 when no loop does.
 */
static volatile sig_atomic_t signal_pipe = -1;

/* The signal handler: write the signal's number to the self-pipe. */
static void
on_signal(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;
	int fd = signal_pipe;

	if (fd >= 0)
		(void)!write(fd, &b, 1);	/* a full pipe already holds a wake-up */
	errno = saved;
}

/* Make fd non-blocking and close-on-exec. */
static int
set_flags(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* A new loop. */
struct ui_loop *
ui_loop_new(void)
{
	struct ui_loop *l = xcalloc(1, sizeof *l);

	if (pipe(l->pipe) < 0) {
		free(l);
		return NULL;
	}
	if (set_flags(l->pipe[0]) < 0 || set_flags(l->pipe[1]) < 0) {
		close(l->pipe[0]);
		close(l->pipe[1]);
		free(l);
		return NULL;
	}
	pthread_mutex_init(&l->lock, NULL);
	return l;
}

/* Restore the handlers, close the pipe, free. */
void
ui_loop_free(struct ui_loop *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = l->ns; i > 0; i--)	/* in reverse: a signal watched twice gets its first handler back */
		sigaction(l->s[i - 1].sig, &l->s[i - 1].old, NULL);
	if (l->ns)
		signal_pipe = -1;
	close(l->pipe[0]);
	close(l->pipe[1]);
	pthread_mutex_destroy(&l->lock);
	free(l->w);
	free(l->s);
	free(l->p);
	free(l->pfd);
	free(l);
}

/* Watch a descriptor. */
int
ui_loop_add(struct ui_loop *l, int fd, ui_loop_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < l->nw && l->w[i].fd != fd; i++)
		;
	if (i == l->nw) {
		ALLOC_GROW(l->w, l->nw + 1, l->aw);
		l->nw++;
	}
	l->w[i].fd = fd;
	l->w[i].fn = fn;
	l->w[i].arg = arg;
	return 0;
}

/* Stop watching a descriptor. */
void
ui_loop_remove(struct ui_loop *l, int fd)
{
	size_t i;

	for (i = 0; i < l->nw; i++)
		if (l->w[i].fd == fd) {
			memmove(&l->w[i], &l->w[i + 1], (l->nw - i - 1) * sizeof *l->w);
			l->nw--;
			return;
		}
}

/* Watch a signal. */
int
ui_loop_signal(struct ui_loop *l, int sig, ui_loop_fn fn, void *arg)
{
	struct sigaction sa;
	struct sigwatch *w;

	if (sig <= 0 || sig >= NSIG_MAX || (signal_pipe >= 0 && signal_pipe != l->pipe[1]))
		return -1;
	ALLOC_GROW(l->s, l->ns + 1, l->as);
	w = &l->s[l->ns];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | (sig == SIGCHLD ? SA_NOCLDSTOP : 0);
	signal_pipe = l->pipe[1];
	if (sigaction(sig, &sa, &w->old) < 0) {
		if (l->ns == 0)
			signal_pipe = -1;
		return -1;
	}
	w->sig = sig;
	w->fn = fn;
	w->arg = arg;
	l->ns++;
	return 0;
}

/* Queue a callback from any thread and wake the loop. */
int
ui_loop_post(struct ui_loop *l, ui_loop_fn fn, void *arg)
{
	unsigned char b = WAKE_POST;

	pthread_mutex_lock(&l->lock);
	ALLOC_GROW(l->p, l->np + 1, l->ap);
	l->p[l->np].fn = fn;
	l->p[l->np].arg = arg;
	l->np++;
	pthread_mutex_unlock(&l->lock);
	(void)!write(l->pipe[1], &b, 1);	/* a full pipe already holds a wake-up */
	return 0;
}

/* Milliseconds on the monotonic clock. */
double
ui_loop_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Empty the self-pipe, noting which signals arrived. */
static void
drain(struct ui_loop *l, unsigned char *arrived)
{
	unsigned char b[64];
	ssize_t n, i;

	while ((n = read(l->pipe[0], b, sizeof b)) > 0)
		for (i = 0; i < n; i++)
			if (b[i] > 0 && b[i] < NSIG_MAX)
				arrived[b[i]] = 1;
}

/* Run the callbacks of the signals that arrived. */
static unsigned
run_signals(struct ui_loop *l, const unsigned char *arrived)
{
	unsigned flags = 0;
	size_t i;

	for (i = 0; i < l->ns; i++)
		if (arrived[l->s[i].sig])
			flags |= l->s[i].fn(l->s[i].arg);
	return flags;
}

/* Run the callbacks of the readable descriptors among pfd[1..n). */
static unsigned
run_fds(struct ui_loop *l, size_t n)
{
	unsigned flags = 0;
	size_t i, k;

	for (i = 1; i < n; i++) {
		if (!(l->pfd[i].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)))
			continue;
		/* an earlier callback may have removed or replaced it */
		for (k = 0; k < l->nw && l->w[k].fd != l->pfd[i].fd; k++)
			;
		if (k < l->nw)
			flags |= l->w[k].fn(l->w[k].arg);
	}
	return flags;
}

/* Run what was posted, in order (posts made meanwhile wait for the next round). */
static unsigned
run_posts(struct ui_loop *l)
{
	struct post *p;
	size_t n, i;
	unsigned flags = 0;

	pthread_mutex_lock(&l->lock);
	p = l->p;
	n = l->np;
	l->p = NULL;
	l->np = l->ap = 0;
	pthread_mutex_unlock(&l->lock);
	for (i = 0; i < n; i++)
		flags |= p[i].fn(p[i].arg);
	free(p);
	return flags;
}

/* poll() the pipe and the descriptors until something is ready or the time is up. */
static int
wait_ready(struct ui_loop *l, long timeout_ms)
{
	double deadline = timeout_ms >= 0 ? ui_loop_now() + (double)timeout_ms : -1;
	size_t i, n = l->nw + 1;
	int r;

	ALLOC_GROW(l->pfd, n, l->apfd);
	l->pfd[0].fd = l->pipe[0];
	for (i = 0; i < l->nw; i++)
		l->pfd[i + 1].fd = l->w[i].fd;
	for (i = 0; i < n; i++)
		l->pfd[i].events = POLLIN;
	for (;;) {
		double left = deadline < 0 ? -1 : deadline - ui_loop_now();

		if (deadline >= 0 && left < 0)
			left = 0;
		r = poll(l->pfd, n, left > INT_MAX ? INT_MAX : left < 0 ? -1 : (int)(left + 0.999));
		if (r >= 0 || errno != EINTR)
			return r;
		/* a signal we do not watch: wait on for the time left */
	}
}

/* Wait, then run the callbacks of what happened. */
unsigned
ui_loop_wait(struct ui_loop *l, long timeout_ms)
{
	unsigned char arrived[NSIG_MAX];
	size_t n = l->nw + 1;
	unsigned flags = 0;

	if (wait_ready(l, timeout_ms) <= 0)
		return 0;
	memset(arrived, 0, sizeof arrived);
	if (l->pfd[0].revents & POLLIN)
		drain(l, arrived);
	flags |= run_signals(l, arrived);
	flags |= run_fds(l, n);
	flags |= run_posts(l);
	return flags;
}
