/* ui/state.h: the reader's state, made of parts each owned by one file (no curses).
 *
 * The state machine is split by concern; each part below is a struct that
 * one file owns (initialises, frees and keeps consistent), the others read
 * it and change it through that file's functions:
 *
 *   keys    the key table, handling a key          ui/keys.h  (commands: ui/cmd.h)
 *   list    view, filter, order, day, category, papers     ui/list.h
 *   nav     focus, scrolling, the mouse                     ui/nav.h
 *   paper   the selected paper's summary and links          ui/paper.h
 *   marks   read and starred marks, mark-read timer         ui/marks.h
 *   prompt  the line typed at the bottom                    ui/prompt.h
 *   search  the search and where it began                   ui/search.h
 *   tags    the tagged papers                               ui/tags.h
 *   help    the help screen                                 ui/help.h
 *   fetch   a background fetch's progress and last report   ui/fetch.h
 *   load    a background load's progress                   ui/load.h
 *   req     what handlers ask the loop to do                ui/act.h
 *
 * Handlers change the state and return UI_ACT_* flags; they never draw.
 * Keys are settings/keyname.h codes (the terminal layer translates).
 */
#ifndef PB_UI_STATE_H
#define PB_UI_STATE_H

#include <stddef.h>

#include "base/buf.h"
#include "model/lib.h"
#include "settings/keyname.h"
#include "ui/act.h"
#include "ui/cmd.h"
#include "ui/fetch.h"
#include "ui/help.h"
#include "ui/keys.h"
#include "ui/layout.h"
#include "ui/list.h"
#include "ui/load.h"
#include "ui/marks.h"
#include "ui/nav.h"
#include "ui/paper.h"
#include "ui/prompt.h"
#include "ui/search.h"
#include "ui/tags.h"

struct ui_state {
	struct lib *lib;		/* owned */
	unsigned lib_gen;		/* libraries swapped in so far (lib indices change with it) */
	struct buf status;		/* message on the status line */
	unsigned nsaid;			/* messages set so far (ui_state_message, ui_state_message_after) */
	struct ui_keys keys;
	struct ui_list list;
	struct ui_nav nav;
	struct ui_paper paper;
	struct ui_marks marks;
	struct ui_prompt prompt;
	struct ui_search search;
	struct ui_tags tags;
	struct ui_help help;
	struct ui_fetch fetch;
	struct ui_load load;
	struct ui_request req;
};

struct prefs;

/*
 * Start on lib (ownership taken): newest day, category All, first paper,
 * Papers focused, default keys, marks in memory.  lang (may be NULL) is
 * the summary language shown first; status (may be NULL) the first message.
 */
void ui_state_init(struct ui_state *st, struct lib *lib, const char *lang, const char *status);
/* Free the state and its library. */
void ui_state_free(struct ui_state *st);
/*
 * Apply the preferences to the state: key bindings (unknown commands are
 * reported in msgs, one line each), mark-read mode and delay, mouse.
 */
void ui_state_configure(struct ui_state *st, const struct prefs *p, struct buf *msgs);
/*
 * Swap in a reloaded library, keeping day, category and paper by key
 * (marks come from the marks store).  A library that holds only some
 * days (lib_whole false: a window) is first made what the reader needs
 * from the library store: a window on the day shown holding the tagged
 * papers (and the starred ones in the starred view), or the whole
 * library for the results view and a search the index cannot answer.
 */
void ui_state_replace_lib(struct ui_state *st, struct lib *lib);
/*
 * Before day d is shown in the days view: when the library does not hold
 * all of its papers, take the window on d from the library store in its
 * place (day indices stay: a window has every day), holding the tagged
 * papers too.  Returns 1 when the library was replaced (lib indices
 * changed), 0 when not (a failure is on the status line).
 */
int ui_state_hold_day(struct ui_state *st, size_t d);
/*
 * Before the starred view: when the library holds only some days, take a
 * window that holds every starred paper too, keeping the selection.
 * Returns 1 when it was replaced, 0 when not.
 */
int ui_state_hold_starred(struct ui_state *st);
/*
 * Before something that lists papers of every day that a window cannot
 * hold by key (L's matches, a search the index cannot answer): when the
 * library holds only some days, replace it by the whole light library
 * from the store, keeping the selection.  Returns 1 when it was
 * replaced, 0 when not.
 */
int ui_state_need_whole(struct ui_state *st);
/* Empty the status line (all but a save error, which stays). */
void ui_state_clear_status(struct ui_state *st);
/*
 * Set the status message (printf-style).  While marks are not saved, the
 * save error stays in front of every message (ui/marks.h).
 */
void ui_state_message(struct ui_state *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Add a message after the one shown (" | " between), or set it when none is. */
void ui_state_message_after(struct ui_state *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * Fit the state to a layout: remember pane heights, lay out the summary
 * for the Summary pane's width, clamp scrolling and keep selections
 * visible.  Call before drawing and before handling keys.
 */
void ui_state_fit(struct ui_state *st, const struct ui_layout *l);
/*
 * Append the left part of the status line: position, how many papers
 * are tagged, day, filters, and the summary shown when the last layout
 * has no Summary pane (whose title names it: said once).
 */
void ui_state_position(const struct ui_state *st, struct buf *out);

#endif
