/* ui/loop.h: the reader's event loop: descriptors, signals and posts from other threads (no curses).
 *
 * One thread, the reader's, runs the loop: ui_loop_wait sleeps in poll()
 * until a registered descriptor is readable, a watched signal arrives,
 * another thread posts a callback or the timeout passes, then runs the
 * callbacks on that thread and returns.  Every callback returns flags (the
 * reader's UI_ACT_*, ui/act.h); ui_loop_wait returns them ORed together and
 * gives them no meaning itself.
 *
 * Signals reach the loop through a self-pipe: the handler only writes the
 * signal's number to it (async-signal-safe), and the callback registered
 * for the signal runs in ui_loop_wait, never in the handler.  Handlers
 * are installed with SA_RESTART, so other system calls are not cut short;
 * poll() itself always returns.  Only one loop may watch signals at a time;
 * ui_loop_free restores the handlers it replaced.
 *
 * Other modules plug in two ways.  A module with a descriptor of its own
 * (a socket, a pipe its worker thread writes to) registers it with
 * ui_loop_add.  A background thread that has no descriptor (a fetch
 * finishing, a store update) calls ui_loop_post, the only function another
 * thread may call: it queues the callback and wakes the loop, which runs
 * it on the reader's thread, where the state may be touched.
 */
#ifndef PB_UI_LOOP_H
#define PB_UI_LOOP_H

/* A callback; returns flags for the caller of ui_loop_wait. */
typedef unsigned (*ui_loop_fn)(void *arg);

struct ui_loop;

/* A new loop (NULL when no pipe could be made); free with ui_loop_free. */
struct ui_loop *ui_loop_new(void);
/* Restore the signal handlers, close the pipe and free; posts not yet run are dropped. */
void ui_loop_free(struct ui_loop *l);
/*
 * Run fn(arg) whenever fd is readable (or at end of file, hang-up or
 * error: fn must then read or remove it, or it runs again at once).
 * One registration per descriptor: a second replaces the first.
 * Returns 0.  fd stays the caller's.
 */
int ui_loop_add(struct ui_loop *l, int fd, ui_loop_fn fn, void *arg);
/* Stop watching fd (allowed inside a callback). */
void ui_loop_remove(struct ui_loop *l, int fd);
/*
 * Run fn(arg) in the loop when signal sig arrives (several arrivals
 * before the loop runs make one call).  Returns 0, or -1 when another
 * loop watches signals or sigaction fails.
 */
int ui_loop_signal(struct ui_loop *l, int sig, ui_loop_fn fn, void *arg);
/*
 * From any thread: run fn(arg) on the loop's thread soon, in the order of
 * the posts.  Returns 0.  The poster must be done posting before
 * ui_loop_free.
 */
int ui_loop_post(struct ui_loop *l, ui_loop_fn fn, void *arg);
/* Milliseconds on the monotonic clock (the loop's timeouts and the reader's timers use it). */
double ui_loop_now(void);
/*
 * Wait at most timeout_ms (< 0: until something happens) and run the
 * callbacks of what happened: signals first, then descriptors, then posts.
 * Returns their flags ORed (0 when the time ran out).
 */
unsigned ui_loop_wait(struct ui_loop *l, long timeout_ms);

#endif
