/* markup.c: start tags libxml2 would spend minutes on (issue: 200,000
 * attributes took 184 s).  Every feed or page is refused before libxml2 sees it,
 * or read, within the 1 s bound; a document of many tags each under the
 * limits is still read.
 */
#include <stddef.h>

#include "base/buf.h"
#include "patho.h"

#define FEED "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
#define ENTRY "<id>oai:arXiv.org:2505.00003v1</id><title>Bomb</title></entry>\n</feed>\n"

/* One entry start tag with 200,000 attributes. */
static void
b_atom_attrs(struct buf *b)
{
	buf_puts(b, FEED "<entry");
	for (int i = 0; i < 200000; i++)
		buf_printf(b, " a%d=\"x\"", i);
	buf_puts(b, ">" ENTRY);
}

/* A '>' in a quoted value first: the attributes after it still count. */
static void
b_atom_attrs_quoted(struct buf *b)
{
	buf_puts(b, FEED "<entry t=\">\" u='<'");
	for (int i = 0; i < 200000; i++)
		buf_printf(b, " a%d=''", i);
	buf_puts(b, ">" ENTRY);
}

/* One start tag 10 MB long (one huge attribute value). */
static void
b_atom_long_tag(struct buf *b)
{
	buf_puts(b, FEED "<entry x=\"");
	for (int i = 0; i < 10 * 1024 * 1024 / 16; i++)
		buf_puts(b, "aaaaaaaaaaaaaaaa");
	buf_puts(b, "\">" ENTRY);
}

/* RSS with an item of 200,000 attributes. */
static void
b_rss_attrs(struct buf *b)
{
	buf_puts(b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>\n<item");
	for (int i = 0; i < 200000; i++)
		buf_printf(b, " a%d=\"x\"", i);
	buf_puts(b, "><title>Bomb</title><link>https://arxiv.org/abs/2505.00003</link></item>\n"
	    "</channel></rss>\n");
}

/* A Hugging Face papers page (HTML) with a tag of 200,000 attributes. */
static void
b_html_attrs(struct buf *b)
{
	buf_puts(b, "<!doctype html>\n<html><head><link rel=\"canonical\" "
	    "href=\"https://huggingface.co/papers/date/2025-05-07\"></head><body>\n"
	    "<article><h3><a href=\"/papers/2505.00001\">Paper</a></h3></article>\n<div");
	for (int i = 0; i < 200000; i++)
		buf_printf(b, " a%d=\"x\"", i);
	buf_puts(b, "></div></body></html>\n");
}

/* 1,000 entries of 200 attributes each: under the limits, all read. */
static void
b_atom_many_tags(struct buf *b)
{
	buf_puts(b, FEED);
	for (int e = 0; e < 1000; e++) {
		buf_puts(b, "<entry");
		for (int i = 0; i < 200; i++)
			buf_printf(b, " a%d=\"x\"", i);
		buf_printf(b, "><id>oai:arXiv.org:2505.%05dv1</id><title>Paper %d</title></entry>\n", e, e);
	}
	buf_puts(b, "</feed>\n");
}

/* Attribute bombs inside comments, CDATA and processing instructions are text, not tags. */
static void
b_atom_bombs_in_comments(struct buf *b)
{
	buf_puts(b, FEED "<!-- <entry");
	for (int i = 0; i < 1000; i++)
		buf_printf(b, " a%d=\"x\"", i);
	buf_puts(b, "> --><?pi <x");
	for (int i = 0; i < 1000; i++)
		buf_puts(b, " b=1");
	buf_puts(b, "?><entry><id>oai:arXiv.org:2505.00003v1</id><title>Kept</title><summary><![CDATA[<y");
	for (int i = 0; i < 1000; i++)
		buf_puts(b, " c=2");
	buf_puts(b, ">]]></summary></entry>\n</feed>\n");
}

const struct pcase patho_markup[] = {
	{ "atom-200000-attributes", CTX_NONE, b_atom_attrs, 0, 0, 0, NULL, NULL, NULL },
	{ "atom-attributes-after-quoted-gt", CTX_NONE, b_atom_attrs_quoted, 0, 0, 0, NULL, NULL, NULL },
	{ "atom-10mb-start-tag", CTX_NONE, b_atom_long_tag, 0, 0, 0, NULL, NULL, NULL },
	{ "rss-200000-attributes", CTX_NONE, b_rss_attrs, 0, 0, 0, NULL, NULL, NULL },
	{ "html-page-200000-attributes", CTX_NONE, b_html_attrs, 0, 0, 0, NULL, NULL, NULL },
	{ "atom-1000-tags-of-200-attributes", CTX_NONE, b_atom_many_tags, 0, 1000, 1000, "Paper 999", NULL, NULL },
	{ "atom-attribute-bombs-in-comments", CTX_NONE, b_atom_bombs_in_comments, 0, 1, 1, "Kept", NULL, NULL },
};
const size_t patho_nmarkup = sizeof patho_markup / sizeof patho_markup[0];
