/* ui/hyperlink.c: OSC 8 hyperlinks over what curses drew (see ui/hyperlink.h). */
#include "ui/hyperlink.h"

#include <stdlib.h>
#include <string.h>

#include "launch/launch.h"
#include "text/text.h"

/* Remember a spot. */
void
ui_hyperlink_add(struct ui_hyperlinks *h, int y, int x, int w, const char *url)
{
	if (w <= 0)
		return;
	ALLOC_GROW(h->v, h->n + 1, h->alloc);
	h->v[h->n].y = y;
	h->v[h->n].x = x;
	h->v[h->n].w = w;
	h->v[h->n].url = url;
	h->n++;
}

/* Forget the spots. */
void
ui_hyperlink_clear(struct ui_hyperlinks *h)
{
	h->n = 0;
}

/* Free. */
void
ui_hyperlink_free(struct ui_hyperlinks *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

/* The cells to link (up to the last non-blank), or 0 when they are not all plain and alike. */
static int
linkable(const struct ui_hyperlink_cell *cells, int w)
{
	int i, end = 0;

	for (i = 0; i < w; i++) {
		if (!cells[i].plain || cells[i].attrs != cells[0].attrs)
			return 0;
		if (cells[i].cp != ' ')
			end = i + 1;
	}
	return end;
}

/* Append the hyperlink of one spot. */
int
ui_hyperlink_write(struct buf *out, const struct ui_hyperlink *h,
    const struct ui_hyperlink_cell *cells, const struct ui_hyperlink_caps *caps)
{
	int end = linkable(cells, h->w), i;
	unsigned a;

	if (end == 0 || caps->go == NULL || caps->sgr0 == NULL)
		return 0;
	a = cells[0].attrs;
	if ((a & UI_HYPERLINK_OTHER) || ((a & UI_HYPERLINK_BOLD) && caps->bold == NULL) ||
	    ((a & UI_HYPERLINK_REVERSE) && caps->reverse == NULL))
		return 0;
	buf_puts(out, caps->go);
	buf_puts(out, caps->sgr0);
	if (a & UI_HYPERLINK_BOLD)
		buf_puts(out, caps->bold);
	if (a & UI_HYPERLINK_REVERSE)
		buf_puts(out, caps->reverse);
	launch_osc8_open(out, h->url);
	for (i = 0; i < end; i++)
		text_encode(out, cells[i].cp);
	launch_osc8_close(out);
	buf_puts(out, caps->sgr0);
	return end;
}
