/* ui_state.h: the reader's state, key table and state transitions (no curses).
 *
 * Key handlers change the state and return action flags; they never draw.
 * Keys are terminal-independent codes: Unicode code points for ordinary
 * keys, UI_KEY_* for the special keys (the terminal layer translates).
 */
#ifndef PB_UI_STATE_H
#define PB_UI_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "model.h"
#include "ui_layout.h"

/* Special keys, above the Unicode range. */
enum {
	UI_KEY_ESC = 27,
	UI_KEY_UP = 0x110001,
	UI_KEY_DOWN,
	UI_KEY_LEFT,
	UI_KEY_RIGHT,
	UI_KEY_PGUP,
	UI_KEY_PGDN,
	UI_KEY_HOME,
	UI_KEY_END,
	UI_KEY_BTAB,
	UI_KEY_ENTER,
	UI_KEY_RESIZE,
	UI_KEY_BACKSPACE,
};

#define UI_CTRL(c) ((c) & 0x1f)

/* Action flags returned by the key handler. */
enum {
	UI_ACT_NONE = 0,
	UI_ACT_REDRAW = 1 << 0,		/* draw again */
	UI_ACT_QUIT = 1 << 1,		/* leave the reader */
	UI_ACT_RELOAD = 1 << 2,		/* re-read the inputs (the loop calls opts->reload) */
	UI_ACT_REPAINT = 1 << 3,	/* clear the terminal and repaint everything */
	UI_ACT_OPEN = 1 << 4,		/* open st->target (browser, or clipboard over SSH) */
	UI_ACT_COPY = 1 << 5,		/* copy st->target to the clipboard (OSC 52) */
};

/* Commands keys are bound to. */
enum ui_cmd {
	UI_CMD_DOWN, UI_CMD_UP, UI_CMD_TOP, UI_CMD_BOTTOM,
	UI_CMD_PAGE_DOWN, UI_CMD_PAGE_UP, UI_CMD_HALF_DOWN, UI_CMD_HALF_UP,
	UI_CMD_FOCUS_NEXT, UI_CMD_FOCUS_PREV, UI_CMD_ENTER, UI_CMD_OPEN_NUM,
	UI_CMD_OPEN_ARXIV, UI_CMD_COPY, UI_CMD_LANG,
	UI_CMD_RELOAD, UI_CMD_REDRAW, UI_CMD_HELP, UI_CMD_CLOSE, UI_CMD_QUIT,
	UI_NCMDS
};

/* One key binding. */
struct ui_binding {
	int key;
	enum ui_cmd cmd;
};

/* A category of the selected day with its paper count. */
struct ui_cat {
	const char *name;
	size_t count;
};

struct ui_state {
	struct lib *lib;		/* owned */
	const struct ui_binding *keys;	/* the key table in use */
	size_t nkeys;
	enum ui_pane focus;
	size_t day;			/* selected day */
	size_t cat;			/* 0 = All, else cats[cat - 1] */
	size_t sel;			/* selected row of list[] */
	size_t link;			/* selected link of links[] */
	struct link *links;		/* the paper's links, plus arXiv page, PDF and HF page by id */
	size_t nlinks;
	char *own[3];			/* URLs built for links[] */
	const struct link *target;	/* the link UI_ACT_OPEN / UI_ACT_COPY act on */
	int key;			/* the key being handled (number keys pick a link) */
	size_t sum;			/* summary of the current paper shown */
	size_t sum_top;			/* first summary line shown */
	size_t top[UI_NPANES];		/* first row shown of each list pane */
	size_t rows[UI_NPANES];		/* content rows of each pane in the last layout */
	size_t sum_lines;		/* lines of the laid-out summary */
	char *lang;			/* preferred summary language, owned */
	int help;			/* the help screen is open */
	size_t help_top;
	struct buf status;		/* message on the status line */
	unsigned char *read;		/* read mark per paper (lib order) */
	struct ui_cat *cats;		/* categories of the selected day */
	size_t ncats;
	uint32_t *list;			/* papers of the selected day and category */
	size_t nlist;
	struct ui_sumview sv;		/* the summary laid out for the Summary pane */
};

/* The default key table and its length. */
const struct ui_binding *ui_default_keys(size_t *n);
/* Short description of a command (for the help screen). */
const char *ui_cmd_help(enum ui_cmd c);
/* Append a readable name of key ("j", "Down", "Ctrl-D", "Tab"). */
void ui_key_name(struct buf *out, int key);
/* Append the help screen text (from the key table), lines separated by newlines. */
void ui_help_build(const struct ui_state *st, struct buf *out);

/*
 * Start on lib (ownership taken): newest day, category All, first paper,
 * Papers focused.  lang (may be NULL) is the summary language shown first;
 * status (may be NULL) the first message.
 */
void ui_state_init(struct ui_state *st, struct lib *lib, const char *lang, const char *status);
/* Free the state and its library. */
void ui_state_free(struct ui_state *st);
/* Swap in a reloaded library, keeping day, category, paper and read marks by key. */
void ui_state_replace_lib(struct ui_state *st, struct lib *lib);
/* Set the status message (printf-style). */
void ui_state_message(struct ui_state *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The selected paper, or NULL. */
const struct paper *ui_state_paper(const struct ui_state *st);
/* The selected link of the Links pane, or NULL. */
const struct link *ui_state_link(const struct ui_state *st);
/* The selected paper's arXiv page (by its id, else its first arXiv link), or NULL. */
const struct link *ui_state_arxiv(const struct ui_state *st);
/*
 * Fit the state to a layout: remember pane heights, lay out the summary
 * for the Summary pane's width, clamp scrolling and keep selections
 * visible.  Call before drawing and before handling keys.
 */
void ui_state_fit(struct ui_state *st, const struct ui_layout *l);
/* Handle one key; returns UI_ACT_* flags. */
unsigned ui_handle_key(struct ui_state *st, int key);
/* Handle one command; returns UI_ACT_* flags. */
unsigned ui_do_cmd(struct ui_state *st, enum ui_cmd cmd);
/* Append the left part of the status line: position, day, language. */
void ui_state_position(const struct ui_state *st, struct buf *out);
/* Append the name of the summary shown ("en table 1/2"), or nothing. */
void ui_state_sum_name(const struct ui_state *st, struct buf *out);

#endif
