/* ui/cmd.h: the reader's commands, one table (no curses).
 *
 * Every command is one row of UI_COMMANDS: its enum value (UI_CMD_ID), its
 * name for "bind KEY COMMAND", its default keys (key names as the settings
 * write them, settings/keyname.h, separated by spaces), its line on the
 * help screen, its handler and its flags.  The enum, the default key
 * table, the help screen, --help's key list, the bind names and the
 * dispatch all come from this table; a new command is a new row and its
 * handler in the file of its concern.
 *
 * A handler changes the state and returns UI_ACT_* flags (ui/act.h); it
 * never draws.  Handlers are declared in the headers of their files;
 * only cmd.c expands the handler column.
 */
#ifndef PB_UI_CMD_H
#define PB_UI_CMD_H

/* Flags of a command. */
enum {
	UI_CMDF_NAV = 1 << 0,	/* moves the user to another paper, which counts as opening it */
};

/* X(ID, bind name, default keys, help, handler, flags) */
#define UI_COMMANDS(X) \
	X(DOWN, "down", "j Down", "move down (scroll the summary down)", ui_nav_down, UI_CMDF_NAV) \
	X(UP, "up", "k Up", "move up (scroll the summary up)", ui_nav_up, UI_CMDF_NAV) \
	X(TOP, "top", "g Home", "go to the first item", ui_nav_top, UI_CMDF_NAV) \
	X(BOTTOM, "bottom", "G End", "go to the last item", ui_nav_bottom, UI_CMDF_NAV) \
	X(PAGE_DOWN, "page-down", "PgDn Space", "page down; at a summary's end, the next unread", \
	    ui_nav_page_down, UI_CMDF_NAV) \
	X(PAGE_UP, "page-up", "PgUp", "page up", ui_nav_page_up, UI_CMDF_NAV) \
	X(HALF_DOWN, "half-page-down", "C-d", "half a page down", ui_nav_half_down, UI_CMDF_NAV) \
	X(HALF_UP, "half-page-up", "C-u", "half a page up", ui_nav_half_up, UI_CMDF_NAV) \
	X(FOCUS_NEXT, "next-pane", "Tab l Right", "focus the next pane", ui_nav_focus_next, 0) \
	X(FOCUS_PREV, "previous-pane", "S-Tab h Left", "focus the previous pane", \
	    ui_nav_focus_prev, 0) \
	X(ENTER, "enter", "Enter", \
	    "drill in: day > categories > papers > summary > links; open a link", ui_nav_enter, 0) \
	X(ZOOM, "zoom", "z", "zoom the focused pane to the full screen, or back", ui_nav_zoom, 0) \
	X(OPEN_NUM, "open-number", "1 2 3 4 5 6 7 8 9", "open link N (Links pane)", \
	    ui_act_open_num, 0) \
	X(OPEN_ARXIV, "open", "o", "open the paper's arXiv page (copied over SSH)", \
	    ui_act_open_arxiv, 0) \
	X(COPY, "copy", "y", "copy the link (Links pane) or the arXiv page to the clipboard", \
	    ui_act_copy, 0) \
	X(LANG, "language", "t", "show the paper's next language; it stays chosen", ui_paper_lang, 0) \
	X(VERSION, "version", "T", "show another publisher's version in this language", \
	    ui_paper_version, 0) \
	X(AUTHORS, "authors", "a", "show every author of a long list, or the first 10", \
	    ui_paper_authors, 0) \
	X(TOGGLE_READ, "toggle-read", "u", "mark the paper read or unread", \
	    ui_marks_toggle_read, 0) \
	X(NEXT_PAPER, "next-paper", "J", "next paper, from any pane", ui_nav_next_paper, UI_CMDF_NAV) \
	X(PREV_PAPER, "previous-paper", "K", "previous paper, from any pane", ui_nav_prev_paper, \
	    UI_CMDF_NAV) \
	X(NEXT_UNREAD, "next-unread", "U ]", "go to the next unread paper, across days", \
	    ui_marks_next_unread, UI_CMDF_NAV) \
	X(PREV_UNREAD, "previous-unread", "[", "go to the previous unread paper, across days", \
	    ui_marks_prev_unread, UI_CMDF_NAV) \
	X(NEXT_DAY, "next-day", "}", "the next day down the Days list (older), from any pane", \
	    ui_list_next_day, UI_CMDF_NAV) \
	X(PREV_DAY, "previous-day", "{", "the previous day up the Days list (newer), from any pane", \
	    ui_list_prev_day, UI_CMDF_NAV) \
	X(GO_DAY, "go-to-day", "D", "go to a day: YYYY-MM-DD, a start such as 2025-05, or May 9", \
	    ui_prompt_go_day, 0) \
	X(DAY_READ, "mark-day-read", "A", "mark every paper of the day read", ui_marks_day_read, 0) \
	X(CAT_READ, "mark-category-read", "C", "mark the papers of the category read", \
	    ui_marks_cat_read, 0) \
	X(STAR, "star", "s", "star or unstar the paper", ui_marks_toggle_star, 0) \
	X(TAG, "tag", "x", "tag or untag the paper, then the next paper (neomutt's t)", \
	    ui_tags_toggle, UI_CMDF_NAV) \
	X(TAG_CLEAR, "untag-all", "X", "untag every paper", ui_tags_clear, 0) \
	X(TAG_PREFIX, "tag-prefix", ";", "the next key acts on the tagged papers: s u o E X", \
	    ui_tags_prefix, 0) \
	X(STARRED, "starred", "S", "show the starred papers of every day (again: back to the days)", \
	    ui_list_toggle_starred, 0) \
	X(SEARCH, "search", "/", "search as you type; Tab: this day only / every day; Esc: back", \
	    ui_search_start, 0) \
	X(SEARCH_NEXT, "search-next", "n", "go to the next match", ui_search_next, UI_CMDF_NAV) \
	X(SEARCH_PREV, "search-previous", "N", "go to the previous match", ui_search_prev, \
	    UI_CMDF_NAV) \
	X(RESULTS, "search-results", "L", "list every match of the search, newest first; q: back", \
	    ui_search_results, 0) \
	X(FILTER, "filter", "f", "show all papers, only unread, only starred", \
	    ui_list_cycle_filter, 0) \
	X(MIN_VOTES, "min-votes", "v", "show only papers with at least N votes (0: all)", \
	    ui_prompt_min_votes, 0) \
	X(ORDER, "order", "O", "order papers by votes, as published, by title or date (no votes: as published; results: newest or best match first)", ui_list_cycle_order, 0) \
	X(EXPORT, "export", "E", \
	    "export the list, or the tagged papers, as BibTeX, Markdown or JSON Lines", \
	    ui_act_export, 0) \
	X(RELOAD, "reload", "r", "reload the inputs from disk", ui_act_reload, 0) \
	X(FETCH, "fetch", "R", "fetch new papers in the background (like paperboy fetch)", \
	    ui_fetch_start, 0) \
	X(FETCH_REPORT, "fetch-report", "F", "show the last fetch's report: days, failures", \
	    ui_fetch_show, 0) \
	X(PROBLEMS, "problems", "!", "list the problems with the settings and the inputs", \
	    ui_help_problems, 0) \
	X(REDRAW, "redraw", "C-l", "redraw the screen", ui_act_redraw, 0) \
	X(HELP, "help", "?", "show or close this help", ui_help_open, 0) \
	X(BACK, "back", "q", "back one level; at the top, quit", ui_nav_back, 0) \
	X(CLOSE, "close", "Esc Backspace", "back one level; never quits", ui_nav_close, 0) \
	X(QUIT, "quit", "Q", "quit from anywhere", ui_act_quit, 0)

/* The commands, in table order. */
enum ui_cmd {
#define UI_CMD_ENUM(id, name, keys, help, fn, flags) UI_CMD_##id,
	UI_COMMANDS(UI_CMD_ENUM)
#undef UI_CMD_ENUM
	UI_NCMDS
};

struct ui_state;

/* Name of a command for "bind KEY COMMAND" ("down", "next-unread"). */
const char *ui_cmd_name(enum ui_cmd c);
/* The command called name, or -1. */
int ui_cmd_parse(const char *name);
/* True when name is a command's name (the check settings_check_commands takes). */
int ui_cmd_known(const char *name);
/* Its line on the help screen. */
const char *ui_cmd_help(enum ui_cmd c);
/* Its default keys: key names separated by spaces ("j Down"). */
const char *ui_cmd_keys(enum ui_cmd c);
/* Its UI_CMDF_* flags. */
unsigned ui_cmd_flags(enum ui_cmd c);
/* Carry out a command (on the help screen, the help's meaning of it); returns UI_ACT_* flags. */
unsigned ui_cmd_run(struct ui_state *st, enum ui_cmd c);

#endif
