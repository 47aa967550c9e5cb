/* ui/tags.h: tagging papers and acting on the tagged ones (no curses).
 *
 * As in neomutt: x tags or untags the selected paper, X clears every
 * tag, and ; (tag-prefix) makes the next command act on the tagged papers
 * instead of the selected one: s stars them (or unstars them when all are
 * starred), u marks them read (or unread when all are read), o opens their
 * arXiv pages (asking first when there are more than UI_TAGS_OPEN_ASK), E
 * exports them.  E alone also exports the tagged papers when some are
 * tagged: an export's object is a set, and the tags name it.
 *
 * Tags are session state: they are not saved, and a reload keeps them by
 * paper key.  The marks the tagged commands change go through ui/marks.h
 * (saved at once, like a single paper's), in one save.
 */
#ifndef PB_UI_TAGS_H
#define PB_UI_TAGS_H

#include <stddef.h>
#include <stdint.h>

/* More tagged arXiv pages than this are opened only after a question. */
#define UI_TAGS_OPEN_ASK 5

/* The tags; part of struct ui_state, owned by tags.c. */
struct ui_tags {
	unsigned char *on;		/* tag per paper (lib order), or NULL when none was ever set */
	size_t n;			/* papers tagged */
	size_t ask;			/* the pages the open question is about */
};

struct ui_state;
struct paper;

/* Start with no tags. */
void ui_tags_init(struct ui_tags *t);
/* Free. */
void ui_tags_free(struct ui_tags *t);
/* True when paper i (lib index) is tagged. */
int ui_tags_has(const struct ui_state *st, size_t i);
/* Tag (on) or untag paper i (lib index). */
void ui_tags_set(struct ui_state *st, size_t i, int on);
/*
 * The tagged papers' keys before a library goes (caller frees with
 * ui_tags_keys_free); *n set.
 */
char **ui_tags_keys(const struct ui_state *st, size_t *n);
/* Tag again the papers of the new library whose keys are in keys[0..n), and free keys. */
void ui_tags_restore(struct ui_state *st, char **keys, size_t n);
/* The tagged papers, lib order (newest first; *v: caller frees the array); their number. */
size_t ui_tags_papers(const struct ui_state *st, const struct paper ***v);
/* The tagged papers' lib indices, lib order (*v: caller frees); their number. */
size_t ui_tags_indices(const struct ui_state *st, uint32_t **v);
/* A key after ; (the prompt UI_PROMPT_TAGGED): the tagged version of its command. */
unsigned ui_tags_prefix_key(struct ui_state *st, int key);
/* A key at the question before opening many arXiv pages: y opens them. */
unsigned ui_tags_open_key(struct ui_state *st, int key);

/* Handlers (see ui/cmd.h). */
unsigned ui_tags_toggle(struct ui_state *st);
unsigned ui_tags_clear(struct ui_state *st);
unsigned ui_tags_prefix(struct ui_state *st);

#endif
