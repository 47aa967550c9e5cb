/* ui/state.h: the reader's state, key table and state transitions (no curses).
 *
 * Key handlers change the state and return action flags; they never draw.
 * Keys are terminal-independent codes: Unicode code points for ordinary
 * keys, KEYNAME_* for the special keys (settings/keyname.h; the terminal
 * layer translates).
 */
#ifndef PB_UI_STATE_H
#define PB_UI_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "model/lib.h"
#include "settings/keyname.h"
#include "ui/layout.h"

/* Action flags returned by the key handler. */
enum {
	UI_ACT_NONE = 0,
	UI_ACT_REDRAW = 1 << 0,		/* draw again */
	UI_ACT_QUIT = 1 << 1,		/* leave the reader */
	UI_ACT_RELOAD = 1 << 2,		/* re-read the inputs (the loop calls opts->reload) */
	UI_ACT_REPAINT = 1 << 3,	/* clear the terminal and repaint everything */
	UI_ACT_OPEN = 1 << 4,		/* open st->target (browser, or clipboard over SSH) */
	UI_ACT_COPY = 1 << 5,		/* copy st->target to the clipboard (OSC 52) */
	UI_ACT_EXPORT = 1 << 6,		/* write the list as st->export_fmt (the loop calls ui_export) */
};

/* Commands keys are bound to. */
enum ui_cmd {
	UI_CMD_DOWN, UI_CMD_UP, UI_CMD_TOP, UI_CMD_BOTTOM,
	UI_CMD_PAGE_DOWN, UI_CMD_PAGE_UP, UI_CMD_HALF_DOWN, UI_CMD_HALF_UP,
	UI_CMD_FOCUS_NEXT, UI_CMD_FOCUS_PREV, UI_CMD_ENTER, UI_CMD_OPEN_NUM,
	UI_CMD_OPEN_ARXIV, UI_CMD_COPY, UI_CMD_LANG,
	UI_CMD_TOGGLE_READ, UI_CMD_NEXT_UNREAD, UI_CMD_STAR, UI_CMD_STARRED,
	UI_CMD_SEARCH, UI_CMD_SEARCH_NEXT, UI_CMD_SEARCH_PREV,
	UI_CMD_FILTER, UI_CMD_MIN_VOTES, UI_CMD_ORDER, UI_CMD_EXPORT,
	UI_CMD_RELOAD, UI_CMD_REDRAW, UI_CMD_HELP, UI_CMD_CLOSE, UI_CMD_QUIT,
	UI_NCMDS
};

/* Which papers the lists show. */
enum ui_view {
	UI_VIEW_DAYS,		/* the selected day's papers */
	UI_VIEW_STARRED,	/* starred papers from every day */
};

/* Filters of the Papers list (cycled by f). */
enum ui_filter { UI_FILTER_ALL, UI_FILTER_UNREAD, UI_FILTER_STARRED, UI_NFILTERS };

/* Orders of the Papers list (cycled by O). */
enum ui_order {
	UI_ORDER_VOTES,		/* votes, highest first (the --dump order within a day) */
	UI_ORDER_TITLE,		/* title, A to Z */
	UI_ORDER_DATE,		/* newest day first */
	UI_NORDERS
};

/* When a paper becomes read. */
enum ui_markread {
	UI_MARKREAD_DELAY,	/* once its summary has been shown markread_ms */
	UI_MARKREAD_OPEN,	/* as soon as it is selected */
	UI_MARKREAD_MANUAL,	/* only with u */
};

/* A line being typed at the bottom of the screen. */
enum ui_prompt {
	UI_PROMPT_NONE,
	UI_PROMPT_SEARCH,	/* incremental search */
	UI_PROMPT_VOTES,	/* minimum votes */
	UI_PROMPT_EXPORT,	/* export format: b, m or j */
};

/* One key binding. */
struct ui_binding {
	int key;
	enum ui_cmd cmd;
};

/* A category of the selected day with its paper and unread counts. */
struct ui_cat {
	const char *name;
	size_t count;
	size_t unread;
};

struct marks;
struct search;

/* Where the selection was before a search started (Esc goes back). */
struct ui_place {
	enum ui_view view;
	size_t day, cat, sel;
	size_t paper;			/* lib index of the selected paper, or SIZE_MAX */
	enum ui_filter filter;
	long min_votes;
	enum ui_pane focus;
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
	unsigned char *star;		/* star per paper (lib order) */
	struct marks *marks;		/* where marks are kept (owned when own_marks) */
	int own_marks;
	size_t *unread_day;		/* unread papers per day */
	size_t nstarred;
	enum ui_view view;
	enum ui_filter filter;
	long min_votes;			/* 0: no minimum */
	enum ui_order order;
	enum ui_markread markread;
	long markread_ms;
	double now;			/* ms, monotonic, as of the last ui_state_tick */
	size_t shown;			/* paper (lib index) waiting to be marked read, or SIZE_MAX */
	double shown_at;		/* when it was opened; < 0: at the next tick */
	enum ui_prompt prompt;
	struct buf input;		/* the text typed at the prompt */
	struct buf query;		/* the search's query as typed (kept across reloads) */
	struct search *search;		/* the search (its query may be empty) */
	int search_day;			/* search only the current list, not every day */
	int searching;			/* a query is active: highlight, n and N */
	struct ui_place before;		/* the selection before / was pressed */
	int export_fmt;			/* enum export_fmt picked at the export prompt */
	struct ui_layout layout;	/* the last layout (for mouse clicks) */
	int mouse;			/* mouse events are wanted */
	struct ui_binding *own_keys;	/* the key table with the settings' bindings */
	struct ui_cat *cats;		/* categories of the selected day */
	size_t ncats;
	uint32_t *list;			/* papers of the selected day and category */
	size_t nlist;
	struct ui_sumview sv;		/* the summary laid out for the Summary pane */
};

struct settings;

/* Name of a command as used by "bind KEY COMMAND" ("down", "next-unread"). */
const char *ui_cmd_name(enum ui_cmd c);
/*
 * Apply the settings to the state: key bindings (unknown commands are
 * reported in msgs, one line each), mark-read mode and delay, mouse.
 */
void ui_state_configure(struct ui_state *st, const struct settings *c, struct buf *msgs);
/*
 * Use marks (not owned; NULL: keep marks in memory only) for the read
 * and starred marks of every paper, and save every change to it.
 */
void ui_state_set_marks(struct ui_state *st, struct marks *marks);
/*
 * Advance the clock to now (ms): a paper shown long enough becomes read.
 * Returns UI_ACT_REDRAW when something changed.  *wait_ms is set to the
 * time until the next change (-1: none pending).
 */
unsigned ui_state_tick(struct ui_state *st, double now, long *wait_ms);
/* Handle a mouse event at cell (y, x): button 1-3 click, 4/5 wheel up/down. */
unsigned ui_handle_mouse(struct ui_state *st, int y, int x, int button);
/* Append the prompt line being typed (empty when there is none). */
void ui_state_prompt(const struct ui_state *st, struct buf *out);
/* Append the active view, filter and order ("starred | unread | by title"), or nothing. */
void ui_state_filters(const struct ui_state *st, struct buf *out);
/* The papers of the Papers list, for export. */
size_t ui_state_list(const struct ui_state *st, const struct paper ***v);

/* The default key table and its length. */
const struct ui_binding *ui_default_keys(size_t *n);
/* Short description of a command (for the help screen). */
const char *ui_cmd_help(enum ui_cmd c);
/* Append a line per command of the key table: its keys and what it does. */
void ui_keys_describe(const struct ui_binding *keys, size_t n, struct buf *out);
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
/* Swap in a reloaded library, keeping day, category and paper by key (marks come from the marks store). */
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
