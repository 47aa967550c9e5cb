/* ui/paper.h: the selected paper as the Summary and Links panes show it (no curses).
 *
 * Which of its summaries is shown (the preferred language first), how far
 * the summary is scrolled, the summary laid out for the pane's width, and
 * the paper's links: its own, then its arXiv page, PDF and Hugging Face
 * page built from its arXiv id when no link gives them.
 */
#ifndef PB_UI_PAPER_H
#define PB_UI_PAPER_H

#include <stddef.h>

#include "base/buf.h"
#include "ui/sumview.h"

struct lib;
struct link;
struct store;
struct paper;
struct ui_layout;
struct ui_state;

/*
 * The selected paper's summary and links; part of struct ui_state, owned
 * by paper.c.  A light library (lib_is_light) holds no summaries and no
 * authors: the selected paper is then read in full (store_lib_paper) from
 * the store the light library came with (ui_paper_set_store), else from
 * the search's, into full, which holds that one paper or is NULL.
 */
struct ui_paper {
	struct lib *full;		/* the selected paper in full, owned (NULL: none read) */
	struct store *store;		/* where full is read from, owned (NULL: the search's store) */
	size_t sum;			/* summary shown */
	size_t sum_top;			/* first summary line shown */
	size_t sum_lines;		/* lines of the laid-out summary */
	char *lang;			/* preferred summary language, owned (NULL: none) */
	char *pub;			/* preferred publisher within it (T), owned (NULL: none) */
	char *libdir;			/* the library directory, for an empty library's screen, owned */
	struct ui_sumview sv;		/* the summary laid out for the Summary pane */
	struct link *links;		/* the paper's links, plus arXiv page, PDF and HF page by id */
	size_t nlinks;
	char *own[3];			/* URLs built for links[] */
	size_t link;			/* selected link */
};

/* Start with lang (may be NULL) as the preferred language. */
void ui_paper_init(struct ui_paper *pp, const char *lang);
/* Free. */
void ui_paper_free(struct ui_paper *pp);
/* The library directory an empty library's screen names (NULL: none). */
void ui_paper_set_libdir(struct ui_paper *pp, const char *dir);
/* Paper p of the state's library in full: the one read from the store when it is p, else p. */
const struct paper *ui_paper_full(const struct ui_state *st, const struct paper *p);
/* The library the selected paper (ui_list_paper) belongs to: full's or the state's. */
const struct lib *ui_paper_lib(const struct ui_state *st);
/*
 * Papers v[0..n) of the state's library in full: when it is light, each
 * v[i] is replaced by the same paper read from the store, and *full gets
 * the library they are in (caller frees; NULL when not light).  -1 (v
 * partly replaced, *full NULL) with msg when they cannot all be read.
 */
int ui_paper_full_list(const struct ui_state *st, const struct paper **v, size_t n, struct lib **full,
    struct buf *msg);
/*
 * The library store a light library's papers, and the days a window on the
 * library does not hold, are read from (the state's), or NULL.
 */
struct store *ui_paper_store(const struct ui_state *st);
/* Read a light library's papers from s from now on (the state closes it; NULL: the search's store). */
void ui_paper_set_store(struct ui_state *st, struct store *s);
/* The store is new: read the selected paper of a light library from it again. */
void ui_paper_refetch(struct ui_state *st);
/* Forget the links and the laid-out summary (the library is about to go). */
void ui_paper_drop(struct ui_state *st);
/* A paper was selected: its summary in the preferred language, from the top; its links; link 1. */
void ui_paper_reset(struct ui_state *st);
/* The same paper in a rebuilt list: rebuild its links, keep the summary, scroll and link. */
void ui_paper_keep(struct ui_state *st);
/* After a reload found the paper again: select link (clamped) and scroll to line top. */
void ui_paper_restore(struct ui_state *st, size_t link, size_t top);
/* Lay the summary out for the Summary pane of l and clamp its scrolling. */
void ui_paper_fit(struct ui_state *st, const struct ui_layout *l);
/* Scroll the summary by delta lines. */
void ui_paper_scroll(struct ui_state *st, long delta);
/* Move the link selection by delta. */
void ui_paper_move_link(struct ui_state *st, long delta);
/* Select link i when it exists. */
void ui_paper_pick_link(struct ui_state *st, size_t i);

/* The selected link of the Links pane, or NULL. */
const struct link *ui_paper_link(const struct ui_state *st);
/* The selected paper's arXiv page (by its id, else its first arXiv link), or NULL. */
const struct link *ui_paper_arxiv(const struct ui_state *st);
/* Append the arXiv page of paper p (as o opens it: by its id, else its arXiv link); 0 when none. */
int ui_paper_arxiv_url(const struct paper *p, struct buf *out);
/* Append the name of the summary shown ("en from gabrielchua, 1 of 2"), or nothing. */
void ui_paper_sum_name(const struct ui_state *st, struct buf *out);
/* The title shown for a paper: its title, else the start of its summary. */
const char *ui_paper_label(const struct paper *p);

/* Show summary i of the selected paper (a search matched in it), from its top. */
void ui_paper_show_sum(struct ui_state *st, size_t i);

/* Handlers (see ui/cmd.h). */
/* t: the paper's next language; it becomes the chosen one, kept from paper to paper. */
unsigned ui_paper_lang(struct ui_state *st);
/* T: the next version (publisher) of the shown language; kept too. */
unsigned ui_paper_version(struct ui_state *st);
/* a: every author of a long list, or the first UI_SUMVIEW_AUTHORS and "+N more" again. */
unsigned ui_paper_authors(struct ui_state *st);

#endif
