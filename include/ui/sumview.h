/* ui/sumview.h: a paper's summary laid out in lines for the Summary pane (no curses).
 *
 * Pure: given a paper, one of its summaries and a width it wraps the
 * title, the metadata and the summary's blocks into lines; the drawing
 * code copies the lines to the screen.
 */
#ifndef PB_UI_SUMVIEW_H
#define PB_UI_SUMVIEW_H

#include <stddef.h>

#include "base/buf.h"
#include "model/lib.h"

/* Kinds of summary lines (the drawing code picks attributes from them). */
enum ui_line_kind {
	UI_LINE_TITLE,		/* the paper title */
	UI_LINE_META,		/* authors, days, categories, votes */
	UI_LINE_HEAD,		/* a section label such as "What's New" */
	UI_LINE_TEXT,		/* paragraph text */
	UI_LINE_BULLET,		/* first line of a bullet: a bullet is drawn before it */
	UI_LINE_BLANK,
};

/* One line of a laid-out summary: bytes [off, off+len) of the view's text. */
struct ui_line {
	size_t off, len, width;
	int indent;		/* cells before the text */
	enum ui_line_kind kind;
};

/* A summary laid out for one width; rebuilt when paper, summary or width change. */
struct ui_sumview {
	struct buf text;	/* all line text, copied */
	struct ui_line *v;
	size_t n, alloc;
	const struct paper *paper;	/* cache key */
	size_t sum;
	int width;
	int valid;
	int all_authors;	/* show every author, not the first UI_SUMVIEW_AUTHORS (set by the caller) */
	int built_all;		/* all_authors as the layout was built */
	const char *libdir;	/* the library directory an empty library names, or NULL (the caller's) */
	int loading;		/* the library is being read: an empty one says so (set by the caller) */
	int built_loading;	/* loading as the layout was built */
};

/* Authors shown before "+N more". */
#define UI_SUMVIEW_AUTHORS 10

/* Prepare an empty view. */
void ui_sumview_init(struct ui_sumview *sv);
/* Free the view's memory. */
void ui_sumview_free(struct ui_sumview *sv);
/* Forget the cached layout (after a reload frees the papers). */
void ui_sumview_invalidate(struct ui_sumview *sv);
/*
 * Lay out paper p (NULL: nothing selected) with its summary number sum at
 * width cells: title, authors, days, categories, votes, then the blocks
 * (paragraphs, bullets, labelled sections).  Cached: a no-op when nothing
 * changed.
 */
void ui_sumview_build(struct ui_sumview *sv, const struct lib *lib,
    const struct paper *p, size_t sum, int width);
/*
 * An empty library (no paper at all) shows how to get papers: paperboy
 * fetch, R, or digest files put in libdir; while loading, that the
 * library is being read.
 * Authors: with all_authors unset, a list of more than UI_SUMVIEW_AUTHORS
 * names shows the first ones and "+N more (a: all)".
 */

#endif
