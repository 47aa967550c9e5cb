/* ui/prompt.h: the line typed at the bottom of the screen (no curses).
 *
 * While a prompt is open every key goes to it: the search (ui/search.h)
 * as the user types, the minimum votes, the export format and then its
 * file name (ui/act.h), or a command for the tagged papers and its
 * question (ui/tags.h).
 */
#ifndef PB_UI_PROMPT_H
#define PB_UI_PROMPT_H

#include "base/buf.h"

/* Bytes of a file name typed at the export's name prompt. */
#define UI_PROMPT_NAME_MAX 4096

/* Which prompt is open. */
enum ui_prompt_kind {
	UI_PROMPT_NONE,
	UI_PROMPT_SEARCH,	/* incremental search */
	UI_PROMPT_VOTES,	/* minimum votes */
	UI_PROMPT_EXPORT,	/* export format: b, m or j */
	UI_PROMPT_EXPORT_NAME,	/* the export's file name, the generated one to start with */
	UI_PROMPT_DAY,		/* a day to go to: YYYY-MM-DD, a prefix such as 2025-05, a label */
	UI_PROMPT_TAGGED,	/* after ;: a command for the tagged papers (ui/tags.h) */
	UI_PROMPT_OPEN_TAGGED,	/* open many tagged papers' pages? y or not */
};

/* The prompt; part of struct ui_state, owned by prompt.c. */
struct ui_prompt {
	enum ui_prompt_kind kind;
	struct buf input;		/* the text typed */
};

struct ui_state;

/* Start with no prompt. */
void ui_prompt_init(struct ui_prompt *p);
/* Free. */
void ui_prompt_free(struct ui_prompt *p);
/* Open a prompt (the search keeps what was typed; the others start empty). */
unsigned ui_prompt_open(struct ui_state *st, enum ui_prompt_kind kind);
/* Close the prompt. */
void ui_prompt_close(struct ui_state *st);
/* A key while a prompt is open; returns UI_ACT_* flags. */
unsigned ui_prompt_key(struct ui_state *st, int key);
/* Append key (a code point) to the text typed, unless it is a control or the text is long. */
int ui_prompt_add(struct ui_state *st, int key, size_t max);
/* Remove the last character typed. */
void ui_prompt_backspace(struct ui_state *st);
/* Empty the text typed. */
void ui_prompt_clear(struct ui_state *st);
/* Append the prompt line being typed (empty when there is none). */
void ui_prompt_text(const struct ui_state *st, struct buf *out);

/* Handlers (see ui/cmd.h): ask for the minimum votes; for a day to go to (ui_list_go_to_day). */
unsigned ui_prompt_min_votes(struct ui_state *st);
unsigned ui_prompt_go_day(struct ui_state *st);
/*
 * A bracketed paste: the text goes into the open search, votes, day or
 * file name prompt (newlines and tabs become spaces, other control
 * characters are removed, the prompt's length limit holds, whole code
 * points only; the votes prompt keeps the digits) and
 * never runs a command; with no prompt open it is ignored with a message.
 * Returns UI_ACT_* flags.
 */
unsigned ui_prompt_paste(struct ui_state *st, const char *text, size_t len);

#endif
