/* test_ui_loop.c: the event loop: descriptors, posts from threads, signals, timeouts.
 *
 * Every wait is bounded (LONG_WAIT_MS); a loop that fails to wake shows
 * as a wait that lasted about that long.  No assertion is tighter than
 * a second, so a loaded machine does not make the test fail.
 */
#include "unit.h"

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ui/loop.h"

#define LONG_WAIT_MS 10000	/* the loop's timeout in these tests: never reached when it wakes */
#define AT_ONCE_MS 5000		/* "at once": well under the timeout, far above any scheduling delay */

/* Sleep ms milliseconds. */
static void
nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0)
		;
}

/* What a callback saw. */
struct seen {
	int fd;			/* the descriptor to read, for descriptor callbacks */
	int calls;
	pthread_t thread;	/* the thread it ran on */
	char byte;
};

/* A descriptor callback: read one byte, note the thread. */
static unsigned
on_fd(void *arg)
{
	struct seen *s = arg;

	if (read(s->fd, &s->byte, 1) == 1)
		s->calls++;
	s->thread = pthread_self();
	return 0x10;
}

/* A callback with no descriptor. */
static unsigned
on_call(void *arg)
{
	struct seen *s = arg;

	s->calls++;
	s->thread = pthread_self();
	return 0x20;
}

/* Wait until some callback returns flags, at most LONG_WAIT_MS in all. */
static unsigned
wait_flags(struct ui_loop *l, double *took)
{
	double t0 = ui_loop_now();
	unsigned f = 0;

	while (f == 0 && ui_loop_now() - t0 < LONG_WAIT_MS)
		f = ui_loop_wait(l, LONG_WAIT_MS);
	*took = ui_loop_now() - t0;
	return f;
}

/* Nothing happens: the wait ends with the timeout and no flags. */
static void
test_timeout(void **unused)
{
	struct ui_loop *l = ui_loop_new();
	double t0 = ui_loop_now();

	(void)unused;
	assert_non_null(l);
	assert_int_equal(ui_loop_wait(l, 20), 0);
	assert_true(ui_loop_now() - t0 >= 10);
	assert_int_equal(ui_loop_wait(l, 0), 0);
	ui_loop_free(l);
}

/* A thread that writes a byte to a pipe after a while. */
static void *
writer(void *arg)
{
	int fd = *(int *)arg;

	nap(100);
	(void)!write(fd, "x", 1);
	return NULL;
}

/* A descriptor written from another thread wakes the loop at once; the callback runs here. */
static void
test_fd_from_thread(void **unused)
{
	struct ui_loop *l = ui_loop_new();
	struct seen s;
	pthread_t th;
	int p[2];
	double took;

	(void)unused;
	memset(&s, 0, sizeof s);
	assert_int_equal(pipe(p), 0);
	s.fd = p[0];
	assert_int_equal(ui_loop_add(l, p[0], on_fd, &s), 0);
	assert_int_equal(pthread_create(&th, NULL, writer, &p[1]), 0);
	assert_int_equal(wait_flags(l, &took), 0x10);
	assert_true(took < AT_ONCE_MS);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.byte, 'x');
	assert_true(pthread_equal(s.thread, pthread_self()));
	pthread_join(th, NULL);
	/* removed: a byte no longer wakes it */
	ui_loop_remove(l, p[0]);
	assert_int_equal(write(p[1], "y", 1), 1);
	assert_int_equal(ui_loop_wait(l, 20), 0);
	assert_int_equal(s.calls, 1);
	ui_loop_free(l);
	close(p[0]);
	close(p[1]);
}

/* What the posting thread needs. */
struct poster {
	struct ui_loop *l;
	struct seen *s;
	int n;
};

/* A thread that posts n callbacks after a while. */
static void *
post_later(void *arg)
{
	struct poster *ps = arg;
	int i;

	nap(100);
	for (i = 0; i < ps->n; i++)
		ui_loop_post(ps->l, on_call, ps->s);
	return NULL;
}

/* A post from another thread wakes the loop and runs on the loop's thread. */
static void
test_post_from_thread(void **unused)
{
	struct ui_loop *l = ui_loop_new();
	struct seen s;
	struct poster ps;
	pthread_t th;
	double took, t0;

	(void)unused;
	memset(&s, 0, sizeof s);
	ps.l = l;
	ps.s = &s;
	ps.n = 100000;	/* more wake-up bytes than a pipe holds: no post is lost */
	assert_int_equal(pthread_create(&th, NULL, post_later, &ps), 0);
	assert_int_equal(wait_flags(l, &took), 0x20);
	assert_true(took < AT_ONCE_MS);
	assert_true(pthread_equal(s.thread, pthread_self()));
	pthread_join(th, NULL);
	t0 = ui_loop_now();
	while (s.calls < ps.n && ui_loop_now() - t0 < LONG_WAIT_MS)
		ui_loop_wait(l, 100);
	assert_int_equal(s.calls, ps.n);
	ui_loop_free(l);
}

/* Signals arrive through the pipe: SIGCHLD when a child ends, SIGWINCH raised. */
static void
test_signals(void **unused)
{
	struct ui_loop *l = ui_loop_new(), *other = ui_loop_new();
	struct seen child, winch;
	struct sigaction sa;
	double took;
	pid_t pid;
	int status;

	(void)unused;
	memset(&child, 0, sizeof child);
	memset(&winch, 0, sizeof winch);
	assert_int_equal(ui_loop_signal(l, SIGCHLD, on_call, &child), 0);
	assert_int_equal(ui_loop_signal(l, SIGWINCH, on_call, &winch), 0);
	/* one loop watches signals at a time */
	assert_int_equal(ui_loop_signal(other, SIGHUP, on_call, &winch), -1);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(wait_flags(l, &took), 0x20);
	assert_true(took < AT_ONCE_MS);
	assert_int_equal(child.calls, 1);
	assert_int_equal(winch.calls, 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);	/* the callback would reap it */
	/* two arrivals before the loop runs make one call */
	raise(SIGWINCH);
	raise(SIGWINCH);
	assert_int_equal(wait_flags(l, &took), 0x20);
	assert_int_equal(winch.calls, 1);
	assert_int_equal(child.calls, 1);
	ui_loop_free(l);
	/* the handlers are back as they were, and another loop may watch */
	assert_int_equal(sigaction(SIGWINCH, NULL, &sa), 0);
	assert_true(sa.sa_handler == SIG_DFL);
	assert_int_equal(ui_loop_signal(other, SIGWINCH, on_call, &winch), 0);
	ui_loop_free(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeout),
		cmocka_unit_test(test_fd_from_thread),
		cmocka_unit_test(test_post_from_thread),
		cmocka_unit_test(test_signals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
