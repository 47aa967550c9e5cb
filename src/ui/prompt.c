/* ui/prompt.c: the line typed at the bottom of the screen (see ui/prompt.h). */
#include "ui/prompt.h"

#include <stdint.h>
#include <stdlib.h>

#include "text/text.h"
#include "ui/state.h"

#define VOTES_MAX 9	/* digits of a minimum vote count */
#define DAY_MAX 64	/* bytes of a day typed at the go-to-day prompt */

/* No prompt. */
void
ui_prompt_init(struct ui_prompt *p)
{
	p->kind = UI_PROMPT_NONE;
	buf_init(&p->input);
}

/* Free. */
void
ui_prompt_free(struct ui_prompt *p)
{
	buf_free(&p->input);
}

/* Open a prompt. */
unsigned
ui_prompt_open(struct ui_state *st, enum ui_prompt_kind kind)
{
	st->prompt.kind = kind;
	if (kind != UI_PROMPT_SEARCH)
		buf_setlen(&st->prompt.input, 0);
	return UI_ACT_REDRAW;
}

/* Close the prompt. */
void
ui_prompt_close(struct ui_state *st)
{
	st->prompt.kind = UI_PROMPT_NONE;
}

/* Append a typed character: printable, and while the text is shorter than max bytes. */
int
ui_prompt_add(struct ui_state *st, int key, size_t max)
{
	if (key < 0x20 || key >= 0x110000 || key == 0x7f || text_is_stripped(key) ||
	    st->prompt.input.len >= max)
		return 0;
	text_encode(&st->prompt.input, key);
	return 1;
}

/* Remove the last character (code point) typed. */
void
ui_prompt_backspace(struct ui_state *st)
{
	struct buf *in = &st->prompt.input;
	size_t n = in->len;

	while (n > 0 && ((unsigned char)in->buf[n - 1] & 0xC0) == 0x80)
		n--;
	buf_setlen(in, n > 0 ? n - 1 : 0);
}

/* Empty the text typed. */
void
ui_prompt_clear(struct ui_state *st)
{
	buf_setlen(&st->prompt.input, 0);
}

/* A key at the minimum-votes prompt: digits, Backspace, Enter applies, Esc cancels. */
static unsigned
votes_key(struct ui_state *st, int key)
{
	struct buf *in = &st->prompt.input;

	if (key == KEYNAME_ESC) {
		ui_prompt_close(st);
		ui_state_message(st, "cancelled");
	} else if (key == KEYNAME_ENTER) {
		ui_prompt_close(st);
		ui_list_set_min_votes(st, in->len ? strtol(in->buf, NULL, 10) : 0);
	} else if (key == KEYNAME_BACKSPACE) {
		ui_prompt_backspace(st);
	} else if (key >= '0' && key <= '9' && in->len < VOTES_MAX) {
		buf_addch(in, key);
	}
	return UI_ACT_REDRAW;
}

/* A key at the go-to-day prompt: text, Backspace, Ctrl-U, Enter goes, Esc cancels. */
static unsigned
day_key(struct ui_state *st, int key)
{
	if (key == KEYNAME_ESC) {
		ui_prompt_close(st);
		ui_state_message(st, "cancelled");
	} else if (key == KEYNAME_ENTER) {
		ui_prompt_close(st);
		ui_list_go_to_day(st, buf_str(&st->prompt.input));
	} else if (key == KEYNAME_BACKSPACE) {
		ui_prompt_backspace(st);
	} else if (key == KEYNAME_CTRL('u')) {
		ui_prompt_clear(st);
	} else {
		ui_prompt_add(st, key, DAY_MAX);
	}
	return UI_ACT_REDRAW;
}

/* A key while a prompt is open. */
unsigned
ui_prompt_key(struct ui_state *st, int key)
{
	switch (st->prompt.kind) {
	case UI_PROMPT_EXPORT:
		return ui_act_export_key(st, key);
	case UI_PROMPT_EXPORT_NAME:
		return ui_act_export_name_key(st, key);
	case UI_PROMPT_VOTES:
		return votes_key(st, key);
	case UI_PROMPT_DAY:
		return day_key(st, key);
	case UI_PROMPT_SEARCH:
		return ui_search_key(st, key);
	case UI_PROMPT_TAGGED:
		return ui_tags_prefix_key(st, key);
	case UI_PROMPT_OPEN_TAGGED:
		return ui_tags_open_key(st, key);
	default:
		ui_prompt_close(st);
		return UI_ACT_REDRAW;
	}
}

/* Append the prompt being typed. */
void
ui_prompt_text(const struct ui_state *st, struct buf *out)
{
	switch (st->prompt.kind) {
	case UI_PROMPT_SEARCH:
		buf_printf(out, "%s/%s", st->search.day ? "(this day) " : "",
		    buf_str(&st->prompt.input));
		break;
	case UI_PROMPT_VOTES:
		buf_printf(out, "minimum votes: %s", buf_str(&st->prompt.input));
		break;
	case UI_PROMPT_DAY:
		buf_printf(out, "go to day: %s", buf_str(&st->prompt.input));
		break;
	case UI_PROMPT_EXPORT:
		buf_puts(out, "export as b)ibtex, m)arkdown, j)son lines: ");
		break;
	case UI_PROMPT_EXPORT_NAME:
		buf_printf(out, "export to: %s", buf_str(&st->prompt.input));
		break;
	case UI_PROMPT_TAGGED:
		buf_printf(out, "%zu tagged: s)tar u)read o)pen E)xport X)untag: ", st->tags.n);
		break;
	case UI_PROMPT_OPEN_TAGGED:
		buf_printf(out, "open %zu arXiv pages? (y/n): ", st->tags.ask);
		break;
	default:
		break;
	}
}

/* v: ask for the minimum votes. */
unsigned
ui_prompt_min_votes(struct ui_state *st)
{
	ui_state_message(st, "minimum votes (Enter: apply, empty or 0: all; Esc: cancel)");
	return ui_prompt_open(st, UI_PROMPT_VOTES);
}

/* D: ask for a day to go to. */
unsigned
ui_prompt_go_day(struct ui_state *st)
{
	ui_state_message(st, "YYYY-MM-DD, 2025-05 or May 9; Enter goes");
	return ui_prompt_open(st, UI_PROMPT_DAY);
}

/* Paste text into the open prompt; never a command (see ui/prompt.h). */
unsigned
ui_prompt_paste(struct ui_state *st, const char *text, size_t len)
{
	struct buf clean = BUF_INIT, *in = &st->prompt.input;
	enum ui_prompt_kind k = st->prompt.kind;
	size_t i, max = k == UI_PROMPT_DAY ? DAY_MAX : k == UI_PROMPT_EXPORT_NAME ? UI_PROMPT_NAME_MAX :
	    UI_SEARCH_MAX;

	ui_state_clear_status(st);
	st->marks.quit_asked = 0;
	if (st->help.open || k == UI_PROMPT_NONE || k == UI_PROMPT_EXPORT) {
		ui_state_message(st, "paste ignored: pasted text only goes into a prompt that takes text "
		    "(/ searches)");
		return UI_ACT_REDRAW;
	}
	buf_init(&clean);
	/* newlines and tabs become spaces; ESC and every other control is dropped */
	text_clean(&clean, text, len, TEXT_ONELINE);
	for (i = 0; i < clean.len;) {
		unsigned char c = (unsigned char)clean.buf[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;	/* clean text is valid UTF-8 */

		if (k == UI_PROMPT_VOTES) {
			if (c >= '0' && c <= '9' && in->len < VOTES_MAX)
				buf_addch(in, (char)c);
		} else if (in->len + n <= max) {
			buf_add(in, clean.buf + i, n);	/* whole code points only */
		}
		i += n;
	}
	buf_free(&clean);
	if (k == UI_PROMPT_SEARCH)
		ui_search_changed(st);
	return UI_ACT_REDRAW;
}
