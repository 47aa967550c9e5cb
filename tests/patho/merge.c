/* merge.c: pathological merges: one paper from many records.
 *
 * A paper's days, categories, summaries and links are kept free of
 * repeats while merging; each case gives one paper tens of thousands of
 * one of them (or untitled papers by their text), so that anything
 * quadratic in a paper's list shows up against the 1 s bound.
 */
#include <stddef.h>

#include "base/buf.h"
#include "patho.h"

#define HEAD "## Papers for 2025-05-06\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n"

/* One paper (one arXiv id) on 80,000 days: a 9.7 MB file. */
static void
b_one_paper_days(struct buf *b)
{
	for (int i = 0; i < 80000; i++) {
		int y = 1801 + i / 336, m = (i % 336) / 28 + 1, d = i % 28 + 1;
		buf_printf(b, "## Papers for %04d-%02d-%02d\n\n| Title | Authors | Summary |\n"
		    "|---|---|---|\n| [Same Paper](https://arxiv.org/abs/2505.04242) | A | S. |\n\n",
		    y, m, d);
	}
}

/* One paper with 40,000 distinct categories. */
static void
b_one_paper_cats(struct buf *b)
{
	buf_puts(b, "## Papers for 2025-05-06\n\n| Category | Title | Authors | Summary |\n|---|---|---|---|\n");
	for (int i = 0; i < 40000; i++)
		buf_printf(b, "| Category %d | [Same Paper](https://arxiv.org/abs/2505.04242) | A | S. |\n", i);
}

/* One paper with 40,000 distinct summaries. */
static void
b_one_paper_sums(struct buf *b)
{
	buf_puts(b, HEAD);
	for (int i = 0; i < 40000; i++)
		buf_printf(b, "| [Same Paper](https://arxiv.org/abs/2505.04242) | A | Summary number %d. |\n", i);
}

/* One paper (by title) with 40,000 distinct links. */
static void
b_one_paper_links(struct buf *b)
{
	buf_puts(b, HEAD);
	for (int i = 0; i < 40000; i++)
		buf_printf(b, "| [Same Paper](https://example.com/p/%d) | A | S. |\n", i);
}

/* 40,000 untitled abstracts, each twice: merged by their text. */
static void
b_untitled_abstracts(struct buf *b)
{
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < 40000; i++)
			buf_printf(b, "Abstract: We study untitled problem number %d in depth.\n", i);
}

/* 40,000 untitled abstracts with the same text: one paper. */
static void
b_untitled_same(struct buf *b)
{
	for (int i = 0; i < 40000; i++)
		buf_puts(b, "Abstract: The very same untitled abstract text every time.\n");
}

/* Titles that have no letter or digit (so no title key), each on its own day. */
static void
b_untitled_titles(struct buf *b)
{
	for (int i = 0; i < 40000; i++) {
		int y = 1801 + i / 336, m = (i % 336) / 28 + 1, d = i % 28 + 1;
		buf_printf(b, "## Papers for %04d-%02d-%02d\n\n| Title | Authors | Summary |\n"
		    "|---|---|---|\n| ??? | A | The same summary. |\n\n", y, m, d);
	}
}

const struct pcase patho_merge[] = {
	{ "one-paper-80000-days", CTX_NONE, b_one_paper_days, 0, 1, 1, "Same Paper", NULL, NULL },
	{ "one-paper-40000-categories", CTX_NONE, b_one_paper_cats, 0, 1, 1, "Category 39999", NULL, NULL },
	{ "one-paper-40000-summaries", CTX_NONE, b_one_paper_sums, 0, 1, 1, "Summary number 39999.", NULL, NULL },
	{ "one-paper-40000-links", CTX_NONE, b_one_paper_links, 0, 1, 1, "https://example.com/p/39999", NULL, NULL },
	{ "untitled-abstracts-40000-twice", CTX_NONE, b_untitled_abstracts, 0, 40000, 40000, NULL, NULL, NULL },
	{ "untitled-same-40000", CTX_NONE, b_untitled_same, 0, 1, 1, NULL, NULL, NULL },
	{ "untitled-titles-40000-days", CTX_NONE, b_untitled_titles, 0, -1, 1, NULL, NULL, NULL },
};
const size_t patho_nmerge = sizeof patho_merge / sizeof patho_merge[0];
