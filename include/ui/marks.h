/* ui/marks.h: read and starred marks in the reader, and when a paper becomes read (no curses).
 *
 * The marks of every paper (lib order) come from a marks store
 * (marks/marks.h) and every change is saved to it at once; a save reads
 * back what other readers saved meanwhile.  Only a paper the user looks
 * at becomes read: its summary shown while the Papers or Summary pane has
 * the focus (no help, no prompt), at once, after markread_ms of that, or
 * only by hand, as the mark-read setting says.  Moving through Days or
 * Categories, and starting the reader, read nothing.
 *
 * A save that fails is never passed off as done: "MARKS NOT SAVED:
 * reason" stays on the status line (save_err, ui_state_message) until a
 * save works; the marks stay pending, go with the next change's save and
 * are tried again every UI_SAVE_RETRY_MS (ui_marks_tick).  q with marks
 * not saved tries once more, then asks (ui_marks_quit).
 */
#ifndef PB_UI_MARKS_H
#define PB_UI_MARKS_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "marks/marks.h"
#include "settings/settings.h"
#include "ui/layout.h"

/* The marks; part of struct ui_state, owned by marks.c. */
struct ui_marks {
	unsigned char *read;		/* read mark per paper (lib order) */
	unsigned char *star;		/* star per paper (lib order) */
	struct marks *store;		/* where marks are kept (owned when own) */
	int own;
	/*
	 * Unread papers per day, where known[day]: every day a library holds
	 * whole; a day a window on the library holds in part or not at all
	 * is counted from the store's keys when shown (ui_marks_count_days),
	 * and again after each change of the marks.
	 */
	size_t *unread_day;
	unsigned char *known;
	size_t nstarred;
	size_t star_out;		/* a window: the starred papers it does not hold, at its start */
	enum settings_mark_read markread;	/* when a paper becomes read: delay, open or manual */
	long markread_ms;
	size_t shown;			/* paper (lib index) waiting to be marked read, or SIZE_MAX */
	double shown_at;		/* when it was first looked at; < 0: at the next tick */
	size_t last;			/* the paper opened last (lib index), or SIZE_MAX */
	struct buf save_err;		/* why the marks are not saved (kept on the status line) */
	double save_retry;		/* when to try saving them again (ui_loop_now ms) */
	int quit_asked;			/* q with marks not saved asked; q again quits */
	int quit_armed;			/* the key being handled follows that question */
};

/* marks.last of a paper opened that the library no longer holds (a window read since). */
#define UI_MARKS_GONE (SIZE_MAX - 1)

/* How long to wait before saving marks again after a failed save (ms). */
#define UI_SAVE_RETRY_MS 5000

struct prefs;
struct ui_state;

/* Start with marks kept in memory only, read after a delay of one second. */
void ui_marks_init(struct ui_marks *m);
/* Free (the store too when it is owned). */
void ui_marks_free(struct ui_marks *m);
/*
 * Count the unread papers of the days [first, first + n) that are not
 * counted yet (known): a window's days, from the library store's keys of
 * their papers and the marks (without a store: every paper unread, to be
 * counted again).  With no paper marked read, each day's count is its
 * unread count, and the store is not asked.
 */
void ui_marks_count_days(struct ui_state *st, size_t first, size_t n);
/* Read every paper's marks from the store and count them. */
void ui_marks_load(struct ui_state *st);
/*
 * Use store (not owned; NULL: keep marks in memory only) for the marks of
 * every paper, and save every change to it.
 */
void ui_marks_use(struct ui_state *st, struct marks *store);
/* Apply the preferences: mark-read and mark-read-delay (the paper on screen follows them). */
void ui_marks_configure(struct ui_state *st, const struct prefs *p);
/* Set a mark (MARKS_READ or MARKS_STARRED) of paper i (lib index) and save it. */
void ui_marks_set(struct ui_state *st, size_t i, enum marks_field f, int on);
/*
 * Set a mark of papers v[0..n) (lib indices) and save them at once, in
 * one save; returns how many changed.
 */
size_t ui_marks_set_many(struct ui_state *st, const uint32_t *v, size_t n, enum marks_field f,
    int on);
/*
 * The user went to the selected paper (a move, a click, a jump): mark it
 * read now, or start the delay.  Selections made by rebuilding lists
 * (filters, reloads, going back) are not openings.
 */
void ui_marks_opened(struct ui_state *st);
/*
 * After a command that began with paper before (lib index, in the library
 * of generation gen: struct ui_state's lib_gen) selected and focus_before
 * focused: a nav command that changed the paper (another library: it
 * did), or a focus change onto a paper not opened yet, opens the selected
 * paper.
 */
void ui_marks_after(struct ui_state *st, size_t before, unsigned gen, enum ui_pane focus_before, int nav);
/*
 * The library is being replaced: *key gets the key of the paper opened
 * last (caller frees; NULL when none); ui_marks_relib finds it in the new
 * library afterwards.
 */
void ui_marks_unlib(const struct ui_state *st, char **key);
/* The library was replaced: the paper opened last, by key (see ui_marks_unlib; key freed). */
void ui_marks_relib(struct ui_state *st, char *key);
/* No paper is waiting to be marked read any more (another was selected). */
void ui_marks_forget(struct ui_state *st);
/*
 * Advance the clock to now (ms): a paper shown long enough becomes read,
 * and marks not saved are tried again when their time has come.  Returns
 * UI_ACT_REDRAW when something changed.  *wait_ms is set to the time
 * until the next change (-1: none pending).
 */
unsigned ui_marks_tick(struct ui_state *st, double now, long *wait_ms);
/*
 * q: UI_ACT_QUIT, unless marks are still not saved: then one more save,
 * and when it fails too a question on the status line (q again quits
 * without them, any other key stays).
 */
unsigned ui_marks_quit(struct ui_state *st);

/* Handlers (see ui/cmd.h). */
unsigned ui_marks_toggle_read(struct ui_state *st);
unsigned ui_marks_toggle_star(struct ui_state *st);
unsigned ui_marks_next_unread(struct ui_state *st);
unsigned ui_marks_prev_unread(struct ui_state *st);
/* A: every paper of the selected day becomes read (the Starred and results views: the list). */
unsigned ui_marks_day_read(struct ui_state *st);
/* C: every paper of the Papers list (the selected category of the day) becomes read. */
unsigned ui_marks_cat_read(struct ui_state *st);

#endif
