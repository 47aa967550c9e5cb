/* ui/draw.c: the terminal and the drawing of the reader (the only user of curses).
 *
 * Every string reaches curses through put_text: it is cut to the cells
 * available by width_trunc (which emits only printable clusters), then each
 * cluster is checked against the C library's wcwidth, which curses and the
 * terminal use; a cluster they would measure differently is drawn as U+FFFD
 * plus spaces, so pane borders stay in the same column on every row.
 *
 * OSC 8 hyperlinks never pass through curses (which would count the bytes
 * of the sequence as cells).  After doupdate() has put the screen in
 * place, each visible URL of the Links pane is written once more straight
 * to the terminal: cursor address, the cell attributes, OSC 8 open, the
 * very characters curses already drew there (read back from the window),
 * OSC 8 close, attributes off; then mvcur() tells curses where the cursor
 * really is.  The cells do not change, so neither does the screen curses
 * believes in.  A URL whose cells are not all single-width characters is
 * left without a hyperlink.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "ui/draw.h"

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "launch/launch.h"
#include "settings/settings.h"
#include "model/search.h"
#include "text/text.h"
#include "text/width.h"

/* A visible URL of the Links pane (for OSC 8). */
struct ui_hot {
	int y, x, w;
	const char *url;
};

struct ui_term {
	SCREEN *scr;
	FILE *out, *in;		/* opened here for the bench terminal, else NULL */
	struct buf tmp;		/* truncated text */
	struct buf row;		/* a row being composed */
	wchar_t *wbuf;		/* text converted for curses */
	size_t walloc;
	int errs;		/* consecutive read errors */
	int timeout;		/* getkey waits at most this many ms (< 0: forever) */
	int osc8;		/* write OSC 8 hyperlinks */
	struct ui_hot *hot;	/* URLs drawn in the last frame */
	size_t nhot, ahot;
	struct buf raw;		/* bytes written straight to the terminal */
	attr_t el[SETTINGS_NELEMS];	/* attributes of each element in the theme */
	struct search_span *spans;	/* search matches of the text being drawn */
	size_t aspans;
};

/* The monochrome attributes of the elements (also the colour theme's base). */
static const attr_t mono[SETTINGS_NELEMS] = {
	[SETTINGS_EL_NORMAL] = A_NORMAL,
	[SETTINGS_EL_BORDER] = A_NORMAL,
	[SETTINGS_EL_TITLE] = A_BOLD,
	[SETTINGS_EL_TITLE_FOCUS] = A_BOLD | A_REVERSE,
	[SETTINGS_EL_SELECTED] = A_BOLD | A_REVERSE,
	[SETTINGS_EL_UNREAD] = A_BOLD,
	[SETTINGS_EL_STAR] = A_BOLD,
	[SETTINGS_EL_HEADING] = A_BOLD | A_UNDERLINE,
	[SETTINGS_EL_LINK] = A_NORMAL,
	[SETTINGS_EL_STATUS] = A_REVERSE,
	[SETTINGS_EL_MATCH] = A_BOLD | A_UNDERLINE,
};

/* Make sure LC_CTYPE is a UTF-8 locale (curses and wcwidth depend on it). */
static void
utf8_locale(void)
{
	const char *cs;

	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

/* Common curses settings after the screen is created. */
static void
term_setup(void)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	scrollok(stdscr, FALSE);
	leaveok(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
}

/* Open the real terminal, or a /dev/null one of a fixed size for the bench. */
struct ui_term *
ui_term_open(int bench_rows, int bench_cols, const char **err)
{
	struct ui_term *t = xcalloc(1, sizeof *t);
	const char *term = getenv("TERM");

	utf8_locale();
	buf_init(&t->tmp);
	buf_init(&t->row);
	buf_init(&t->raw);
	t->timeout = -1;
	memcpy(t->el, mono, sizeof t->el);
	if (bench_rows > 0) {
		t->out = fopen("/dev/null", "w");
		t->in = fopen("/dev/null", "r");
		if (t->out && t->in)
			t->scr = newterm("xterm-256color", t->out, t->in);
		if (t->scr == NULL && t->out && t->in)
			t->scr = newterm("vt100", t->out, t->in);
		if (t->scr)
			resizeterm(bench_rows, bench_cols);
	} else {
		t->scr = newterm(term && *term ? term : NULL, stdout, stdin);
	}
	if (t->scr == NULL) {
		*err = "cannot initialise the terminal (is TERM set to a known terminal?)";
		ui_term_close(t);
		return NULL;
	}
	set_term(t->scr);
	term_setup();
	return t;
}

/* End curses and free. */
void
ui_term_close(struct ui_term *t)
{
	if (t == NULL)
		return;
	if (t->scr) {
		endwin();
		delscreen(t->scr);
	}
	if (t->out)
		fclose(t->out);
	if (t->in)
		fclose(t->in);
	buf_free(&t->tmp);
	buf_free(&t->row);
	free(t->spans);
	buf_free(&t->raw);
	free(t->hot);
	free(t->wbuf);
	free(t);
}

/* The screen size curses knows. */
void
ui_term_size(struct ui_term *t, int *rows, int *cols)
{
	int r, c;

	(void)t;
	getmaxyx(stdscr, r, c);
	*rows = r > 0 ? r : 0;
	*cols = c > 0 ? c : 0;
}

/* Translate a curses function key. */
static int
map_function_key(wint_t k)
{
	switch (k) {
	case KEY_UP: return KEYNAME_UP;
	case KEY_DOWN: return KEYNAME_DOWN;
	case KEY_LEFT: return KEYNAME_LEFT;
	case KEY_RIGHT: return KEYNAME_RIGHT;
	case KEY_PPAGE: return KEYNAME_PGUP;
	case KEY_NPAGE: return KEYNAME_PGDN;
	case KEY_HOME: return KEYNAME_HOME;
	case KEY_END: return KEYNAME_END;
	case KEY_BTAB: return KEYNAME_BTAB;
	case KEY_ENTER: return KEYNAME_ENTER;
	case KEY_RESIZE: return KEYNAME_RESIZE;
	case KEY_BACKSPACE: return KEYNAME_BACKSPACE;
	case KEY_DC: return KEYNAME_DELETE;
	case KEY_IC: return KEYNAME_INSERT;
	case KEY_MOUSE: return KEYNAME_MOUSE;
	default:
		if (k >= KEY_F(1) && k <= KEY_F(12))
			return KEYNAME_F1 + (int)(k - KEY_F(1));
		return 0x110000 + (int)(k & 0xffff);	/* unbound */
	}
}

/* Read one key. */
int
ui_term_getkey(struct ui_term *t)
{
	wint_t k;
	int r;

	errno = 0;
	r = wget_wch(stdscr, &k);

	if (r == ERR) {
		/* a timeout is not an error */
		if (t->timeout >= 0 && errno != EINTR && errno != EIO)
			return UI_TERM_AGAIN;
		/* EINTR gives ERR too; only a long run of errors means end of input */
		return ++t->errs > 1000 ? UI_TERM_EOF : UI_TERM_AGAIN;
	}
	t->errs = 0;
	if (r == KEY_CODE_YES)
		return map_function_key(k);
	if (k == '\r' || k == '\n')
		return KEYNAME_ENTER;
	if (k == 127 || k == 8)
		return KEYNAME_BACKSPACE;
	return (int)k;
}

/* Let getkey return UI_TERM_AGAIN after ms milliseconds (ms < 0: wait for a key). */
void
ui_term_timeout(struct ui_term *t, int ms)
{
	if (t->timeout == ms)
		return;
	t->timeout = ms;
	timeout(ms);
}

/* Curses attributes of config attribute flags. */
static attr_t
settings_attrs(unsigned a)
{
	attr_t r = A_NORMAL;

	if (a & SETTINGS_ATTR_BOLD)
		r |= A_BOLD;
	if (a & SETTINGS_ATTR_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & SETTINGS_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	if (a & SETTINGS_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & SETTINGS_ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & SETTINGS_ATTR_BLINK)
		r |= A_BLINK;
	return r;
}

/* Use the settings' theme: colour pairs where the terminal has colours, else attributes. */
void
ui_term_set_theme(struct ui_term *t, const struct settings *c)
{
	int e, colors;

	memcpy(t->el, mono, sizeof t->el);
	if (c == NULL || settings_theme(c) == SETTINGS_THEME_MONOCHROME || !has_colors())
		return;
	if (start_color() == ERR)
		return;
	use_default_colors();
	colors = COLORS;
	for (e = 0; e < SETTINGS_NELEMS && e + 1 < COLOR_PAIRS; e++) {
		struct settings_color cc = settings_color(c, (enum settings_elem)e);
		int fg = cc.fg < colors ? cc.fg : -1, bg = cc.bg < colors ? cc.bg : -1;

		t->el[e] = mono[e] | settings_attrs(cc.attrs);
		if ((fg >= 0 || bg >= 0) && init_pair((short)(e + 1), (short)fg, (short)bg) != ERR)
			t->el[e] |= COLOR_PAIR(e + 1);
	}
}

/* Report clicks and the wheel as KEYNAME_MOUSE (or not). */
void
ui_term_set_mouse(struct ui_term *t, int on)
{
	(void)t;
	mouseinterval(0);
	mousemask(on ? BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED : 0, NULL);
}

/* The last mouse event: cell and button (1-3, 4/5 wheel); 0 when there is none. */
int
ui_term_mouse(struct ui_term *t, int *y, int *x, int *button)
{
	MEVENT ev;

	(void)t;
	if (getmouse(&ev) != OK)
		return 0;
	*y = ev.y;
	*x = ev.x;
	if (ev.bstate & BUTTON1_PRESSED)
		*button = 1;
	else if (ev.bstate & BUTTON2_PRESSED)
		*button = 2;
	else if (ev.bstate & BUTTON3_PRESSED)
		*button = 3;
	else if (ev.bstate & BUTTON4_PRESSED)
		*button = 4;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		*button = 5;
#endif
	else
		return 0;
	return 1;
}

/* Turn OSC 8 hyperlinks on or off (never on the bench terminal). */
void
ui_term_set_osc8(struct ui_term *t, int on)
{
	t->osc8 = on && t->out == NULL;
}

/* Write all of s[0..n) to fd, retrying short writes. */
static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Write bytes that change no cell (OSC 52) straight to the terminal. */
int
ui_term_write(struct ui_term *t, const char *s, size_t n)
{
	if (t->out)
		return 0;	/* the bench terminal */
	fflush(stdout);
	return write_all(fileno(stdout), s, n);
}

/* Leave curses for a program that uses the terminal. */
void
ui_term_suspend(struct ui_term *t)
{
	(void)t;
	def_prog_mode();
	endwin();
	fflush(stdout);
}

/* Come back from ui_term_suspend; the next ui_draw should repaint. */
void
ui_term_resume(struct ui_term *t)
{
	(void)t;
	reset_prog_mode();
	clearok(curscr, TRUE);
}

/* Remember a URL drawn at (y, x) over w cells, for OSC 8. */
static void
add_hot(struct ui_term *t, int y, int x, int w, const char *url)
{
	if (!t->osc8 || w <= 0)
		return;
	if (t->nhot == t->ahot) {
		t->ahot = t->ahot ? t->ahot * 2 : 16;
		t->hot = xrealloc(t->hot, t->ahot * sizeof *t->hot);
	}
	t->hot[t->nhot].y = y;
	t->hot[t->nhot].x = x;
	t->hot[t->nhot].w = w;
	t->hot[t->nhot].url = url;
	t->nhot++;
}

/* Append a terminfo string (NULL or absent: nothing); 0 when it is absent. */
static int
add_cap(struct buf *out, const char *cap)
{
	if (cap == NULL || cap == (const char *)-1)
		return 0;
	buf_puts(out, cap);
	return 1;
}

/*
 * Append one hyperlink: cursor address, attributes, OSC 8 open, the cells
 * curses drew (trailing blanks left out), OSC 8 close, attributes off.
 * Returns the number of cells written, 0 when the cells cannot be copied
 * exactly (nothing is appended then).
 */
static int
add_hyperlink(struct buf *out, const struct ui_hot *h)
{
	size_t start = out->len;
	int i, end = 0;
	attr_t first = A_NORMAL;

	if (h->y < 0 || h->x < 0 || h->y >= LINES || h->x + h->w >= COLS)
		return 0;	/* never the last column: no pending wrap */
	for (i = 0; i < h->w; i++) {
		cchar_t c;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t a;
		short pair;

		if (mvwin_wch(stdscr, h->y, h->x + i, &c) == ERR ||
		    getcchar(&c, wc, &a, &pair, NULL) == ERR)
			return 0;
		if (wc[0] == 0 || wc[1] != 0 || wcwidth(wc[0]) != 1 || pair != 0)
			return 0;
		a &= A_ATTRIBUTES & ~A_COLOR;
		if (i == 0)
			first = a;
		else if (a != first)
			return 0;
		if (wc[0] != L' ')
			end = i + 1;
	}
	if (end == 0)
		return 0;
	if (!add_cap(out, tiparm(cursor_address, h->y, h->x)) ||
	    !add_cap(out, exit_attribute_mode))
		goto fail;
	if ((first & ~(A_BOLD | A_REVERSE)) != 0 ||
	    ((first & A_BOLD) && !add_cap(out, enter_bold_mode)) ||
	    ((first & A_REVERSE) && !add_cap(out, enter_reverse_mode)))
		goto fail;
	launch_osc8_open(out, h->url);
	for (i = 0; i < end; i++) {
		cchar_t c;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t a;
		short pair;

		mvwin_wch(stdscr, h->y, h->x + i, &c);
		getcchar(&c, wc, &a, &pair, NULL);
		text_encode(out, (int32_t)wc[0]);
	}
	launch_osc8_close(out);
	add_cap(out, exit_attribute_mode);
	return end;
fail:
	buf_setlen(out, start);
	return 0;
}

/* Write the OSC 8 hyperlinks of the frame just updated; keep curses' cursor right. */
static void
write_hyperlinks(struct ui_term *t)
{
	size_t i;
	int y = -1, x0 = 0, x1 = 0;

	buf_setlen(&t->raw, 0);
	for (i = 0; i < t->nhot; i++) {
		int w = add_hyperlink(&t->raw, &t->hot[i]);

		if (w > 0) {
			y = t->hot[i].y;
			x0 = t->hot[i].x;
			x1 = x0 + w;
		}
	}
	if (y < 0)
		return;
	fflush(stdout);
	write_all(fileno(stdout), t->raw.buf, t->raw.len);
	/* the cursor is after the last link: tell curses by moving it from there */
	mvcur(y, x1, y, x0);
}

/* Make room for n wide characters. */
static void
wgrow(struct ui_term *t, size_t n)
{
	if (n <= t->walloc)
		return;
	t->walloc = n * 2;
	t->wbuf = xrealloc(t->wbuf, t->walloc * sizeof *t->wbuf);
}

/* Convert safe UTF-8 to wide characters, replacing clusters wcwidth measures differently. */
static size_t
to_wide(struct ui_term *t, const char *s, size_t n)
{
	struct width_cluster c;
	size_t pos = 0, k = 0;

	wgrow(t, n + 1);
	while (width_next_cluster(s, n, &pos, &c)) {
		size_t i = c.off, start = k, w = 0;
		int bad = 0;

		while (i < c.off + c.len) {
			int32_t cp = width_decode(s, c.off + c.len, &i);
			int cw = wcwidth((wchar_t)cp);

			if (cw < 0)
				bad = 1;
			else
				w += (size_t)cw;
			t->wbuf[k++] = (wchar_t)cp;
		}
		if (bad || w != c.width) {
			k = start;
			if (c.width > 0) {
				wgrow(t, k + c.width + (n - pos) + 1);
				t->wbuf[k++] = 0xFFFD;
				for (w = 1; w < c.width; w++)
					t->wbuf[k++] = L' ';
			}
		}
	}
	t->wbuf[k] = 0;
	return k;
}

/* Draw s[0..n) at (y, x) in at most w cells (padded to w with WIDTH_PAD). */
static void
put_text(struct ui_term *t, int y, int x, int w, const char *s, size_t n,
    attr_t attr, unsigned flags)
{
	size_t k;

	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	buf_setlen(&t->tmp, 0);
	width_trunc(&t->tmp, s, n, (size_t)w, flags);
	k = to_wide(t, t->tmp.buf, t->tmp.len);
	if (k == 0)
		return;
	attrset(attr);
	mvaddnwstr(y, x, t->wbuf, (int)k);
	attrset(A_NORMAL);
}

/* The attribute of a search match drawn over attr: the match colour replaces attr's. */
static attr_t
match_attr(const struct ui_term *t, attr_t attr)
{
	attr_t m = t->el[SETTINGS_EL_MATCH];

	return (m & A_COLOR) ? (attr & ~A_COLOR) | m : attr | m;
}

/*
 * Draw s[0..n) like put_text, with the search's matches in the match
 * attribute: runs of whole clusters, each drawn where the run before it
 * ends (width_of cells, which to_wide keeps).
 */
static void
put_text_hl(struct ui_term *t, int y, int x, int w, const char *s, size_t n,
    attr_t attr, unsigned flags, struct search *search, size_t skip, size_t upto)
{
	struct width_cluster c;
	size_t nsp, pos = 0, run = 0, k, sp = 0;
	int run_hl = 0, cx = x;
	struct buf text = BUF_INIT;

	if (search == NULL || w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS) {
		put_text(t, y, x, w, s, n, attr, flags);
		return;
	}
	if (x + w > COLS)
		w = COLS - x;
	buf_init(&text);
	width_trunc(&text, s, n, (size_t)w, flags);
	/* only [skip, upto) of the text is searched: not marks, counts or "…" */
	if (upto > text.len)
		upto = text.len;
	if (upto >= 3 && memcmp(text.buf + upto - 3, "\xE2\x80\xA6", 3) == 0)
		upto -= 3;
	if (t->aspans == 0) {
		t->aspans = 16;
		t->spans = xcalloc(t->aspans, sizeof *t->spans);
	}
	nsp = upto > skip ? search_spans(search, text.buf + skip, upto - skip, t->spans, t->aspans) : 0;
	if (nsp == 0) {
		buf_free(&text);
		put_text(t, y, x, w, s, n, attr, flags);
		return;
	}
	if (nsp > t->aspans) {
		/* more matches than room: grow and find them again (rare: a line is short) */
		t->aspans = nsp;
		t->spans = xrealloc(t->spans, nsp * sizeof *t->spans);
		search_spans(search, text.buf + skip, upto - skip, t->spans, nsp);
	}
	for (k = 0; k < nsp; k++)
		t->spans[k].off += skip;
	/* walk clusters, cutting where the highlight starts or stops */
	for (;;) {
		int more = width_next_cluster(text.buf, text.len, &pos, &c);
		int hl = 0;

		if (more) {
			while (sp < nsp && t->spans[sp].off + t->spans[sp].len <= c.off)
				sp++;
			hl = sp < nsp && t->spans[sp].off < c.off + c.len;
		}
		if (!more || hl != run_hl) {
			size_t end = more ? c.off : text.len, kk;

			if (end > run) {
				kk = to_wide(t, text.buf + run, end - run);
				if (kk) {
					attrset(run_hl ? match_attr(t, attr) : attr);
					mvaddnwstr(y, cx, t->wbuf, (int)kk);
				}
				cx += (int)width_of(text.buf + run, end - run);
			}
			run = end;
			run_hl = hl;
		}
		if (!more)
			break;
	}
	attrset(A_NORMAL);
	buf_free(&text);
}

/* Draw a C string (see put_text). */
static void
put_str(struct ui_term *t, int y, int x, int w, const char *s, attr_t attr, unsigned flags)
{
	put_text(t, y, x, w, s, strlen(s), attr, flags);
}

/* Draw the border of r (double lines when focused) with a heading and a footer. */
static void
draw_box(struct ui_term *t, struct ui_rect r, int focused, const char *title,
    const char *footer)
{
	const cchar_t *hl = focused ? WACS_D_HLINE : WACS_HLINE;
	const cchar_t *vl = focused ? WACS_D_VLINE : WACS_VLINE;
	int bottom = r.y + r.h - 1, right = r.x + r.w - 1;

	if (!ui_layout_boxed(r) || bottom >= LINES || right >= COLS)
		return;
	attrset(t->el[SETTINGS_EL_BORDER]);
	mvhline_set(r.y, r.x + 1, hl, r.w - 2);
	mvhline_set(bottom, r.x + 1, hl, r.w - 2);
	mvvline_set(r.y + 1, r.x, vl, r.h - 2);
	mvvline_set(r.y + 1, right, vl, r.h - 2);
	mvadd_wch(r.y, r.x, focused ? WACS_D_ULCORNER : WACS_ULCORNER);
	mvadd_wch(r.y, right, focused ? WACS_D_URCORNER : WACS_URCORNER);
	mvadd_wch(bottom, r.x, focused ? WACS_D_LLCORNER : WACS_LLCORNER);
	mvadd_wch(bottom, right, focused ? WACS_D_LRCORNER : WACS_LRCORNER);
	attrset(A_NORMAL);
	if (r.w >= 4) {
		buf_setlen(&t->row, 0);
		buf_printf(&t->row, focused ? "[%s]" : " %s ", title);
		put_text(t, r.y, r.x + 1, r.w - 2, t->row.buf, t->row.len,
		    t->el[focused ? SETTINGS_EL_TITLE_FOCUS : SETTINGS_EL_TITLE], 0);
	}
	if (footer && r.w >= 6) {
		size_t fw = width_str(footer) + 2;

		if (fw + 4 <= (size_t)r.w) {
			buf_setlen(&t->row, 0);
			buf_printf(&t->row, " %s ", footer);
			put_text(t, bottom, right - (int)fw, (int)fw, t->row.buf, t->row.len,
			    A_NORMAL, 0);
		}
	}
}

/*
 * Draw one list row: a selection marker, then left and right text; base
 * is the row's attribute when not selected; search (may be NULL)
 * highlights matches after the marker.
 */
static void
draw_row_hl(struct ui_term *t, struct ui_rect in, int i, int selected, int focused,
    const char *left, const char *right, attr_t base, struct search *search, size_t skip)
{
	struct buf *row = &t->row;
	attr_t attr = selected ? (focused ? t->el[SETTINGS_EL_SELECTED] : A_BOLD) : base;
	int mark = in.w >= 3 ? 2 : 0;

	size_t upto;

	buf_setlen(row, 0);
	if (mark)
		buf_puts(row, selected ? "> " : "  ");
	ui_layout_row(row, left, right, (size_t)(in.w - mark));
	/* the left text ends before the padding and the right text */
	upto = row->len - (right && row->len >= (size_t)mark + strlen(right) ? strlen(right) : 0);
	while (upto > (size_t)mark && row->buf[upto - 1] == ' ')
		upto--;
	put_text_hl(t, in.y + i, in.x, in.w, row->buf, row->len, attr, WIDTH_PAD, search,
	    (size_t)mark + skip, upto);
}

/* Draw one list row without highlighting (see draw_row_hl). */
static void
draw_row(struct ui_term *t, struct ui_rect in, int i, int selected, int focused,
    const char *left, const char *right)
{
	draw_row_hl(t, in, i, selected, focused, left, right, t->el[SETTINGS_EL_NORMAL], NULL, 0);
}

/* "(unread/total)", or "(total)" when everything is read, into dst. */
static const char *
counts(char *dst, size_t size, size_t unread, size_t total)
{
	if (unread)
		snprintf(dst, size, "%zu/%zu", unread, total);
	else
		snprintf(dst, size, "%zu", total);
	return dst;
}

/* "a/b" position text for a footer, in the caller's buffer. */
static const char *
position(char *dst, size_t size, size_t i, size_t n)
{
	if (n == 0)
		snprintf(dst, size, "0/0");
	else
		snprintf(dst, size, "%zu/%zu", i + 1, n);
	return dst;
}

/* The Days pane: each day with its paper count. */
static void
draw_days(struct ui_term *t, const struct ui_state *st, struct ui_rect r, int focused)
{
	struct ui_rect in = ui_layout_inner(r);
	size_t n = lib_ndays(st->lib), i;
	char num[48], foot[48];

	draw_box(t, r, focused, "Days", position(foot, sizeof foot, st->list.day, n));
	for (i = 0; (int)i < in.h && st->nav.top[UI_DAYS] + i < n; i++) {
		size_t k = st->nav.top[UI_DAYS] + i;
		const struct day *d = lib_day(st->lib, k);
		size_t unread = st->marks.unread_day ? st->marks.unread_day[k] : 0;

		draw_row_hl(t, in, (int)i, k == st->list.day && st->list.view == UI_VIEW_DAYS, focused,
		    d->label ? d->label : "?", counts(num, sizeof num, unread, d->npapers),
		    t->el[unread ? SETTINGS_EL_UNREAD : SETTINGS_EL_NORMAL], NULL, 0);
	}
}

/* The Categories pane: All, then each category of the day with its count. */
static void
draw_cats(struct ui_term *t, const struct ui_state *st, struct ui_rect r, int focused)
{
	struct ui_rect in = ui_layout_inner(r);
	const struct day *d = st->list.day < lib_ndays(st->lib) ? lib_day(st->lib, st->list.day) : NULL;
	size_t n = st->list.ncats + 1, i, all, all_unread;
	char num[48], foot[48];

	if (st->list.view == UI_VIEW_STARRED) {
		all = st->marks.nstarred;
		for (i = all_unread = 0; i < lib_npapers(st->lib); i++)
			all_unread += st->marks.star[i] && !st->marks.read[i];
	} else {
		all = d ? d->npapers : 0;
		all_unread = d && st->marks.unread_day ? st->marks.unread_day[st->list.day] : 0;
	}
	draw_box(t, r, focused, "Categories", position(foot, sizeof foot, st->list.cat, n));
	for (i = 0; (int)i < in.h && st->nav.top[UI_CATS] + i < n; i++) {
		size_t c = st->nav.top[UI_CATS] + i;
		size_t unread = c == 0 ? all_unread : st->list.cats[c - 1].unread;

		if (c == 0)
			counts(num, sizeof num, unread, all);
		else
			counts(num, sizeof num, unread, st->list.cats[c - 1].count);
		draw_row_hl(t, in, (int)i, c == st->list.cat, focused,
		    c == 0 ? "All" : st->list.cats[c - 1].name, num,
		    t->el[unread ? SETTINGS_EL_UNREAD : SETTINGS_EL_NORMAL], NULL, 0);
	}
}

/* The Papers pane: read mark, title and votes. */
static void
draw_papers(struct ui_term *t, const struct ui_state *st, struct ui_rect r, int focused)
{
	struct ui_rect in = ui_layout_inner(r);
	struct buf left = BUF_INIT;
	char num[48], foot[48];
	size_t i, marks;

	draw_box(t, r, focused, st->list.view == UI_VIEW_STARRED ? "Papers: starred" : "Papers",
	    position(foot, sizeof foot, st->list.sel, st->list.n));
	buf_init(&left);
	for (i = 0; (int)i < in.h && st->nav.top[UI_PAPERS] + i < st->list.n; i++) {
		size_t row = st->nav.top[UI_PAPERS] + i;
		uint32_t k = st->list.v[row];
		const struct paper *p = lib_paper(st->lib, k);

		buf_setlen(&left, 0);
		buf_puts(&left, st->marks.star[k] ? "*" : " ");
		buf_puts(&left, st->marks.read[k] ? "\xE2\x9C\x93 " : "  ");	/* U+2713 */
		marks = left.len;
		buf_puts(&left, ui_paper_label(p));
		if (p->votes >= 0)
			snprintf(num, sizeof num, "%ld", p->votes);
		draw_row_hl(t, in, (int)i, row == st->list.sel, focused, left.buf,
		    p->votes >= 0 ? num : NULL,
		    t->el[st->marks.read[k] ? SETTINGS_EL_NORMAL : SETTINGS_EL_UNREAD],
		    st->search.active ? st->search.match : NULL, marks);
	}
	if (st->list.n == 0 && in.h > 0)
		put_str(t, in.y, in.x, in.w, "(no papers)", A_NORMAL, 0);
	buf_free(&left);
}

/* Attributes of a summary line kind. */
static attr_t
line_attr(const struct ui_term *t, enum ui_line_kind k)
{
	switch (k) {
	case UI_LINE_TITLE: return t->el[SETTINGS_EL_TITLE];
	case UI_LINE_HEAD: return t->el[SETTINGS_EL_HEADING];
	case UI_LINE_META: return A_DIM;
	default: return t->el[SETTINGS_EL_NORMAL];
	}
}

/* The Summary pane: the laid-out summary from sum_top. */
static void
draw_summary(struct ui_term *t, const struct ui_state *st, struct ui_rect r, int focused)
{
	struct ui_rect in = ui_layout_inner(r);
	const struct ui_sumview *sv = &st->paper.sv;
	struct buf title = BUF_INIT;
	char foot[96];
	size_t i;

	buf_init(&title);
	buf_puts(&title, "Summary");
	if (ui_list_paper(st) && ui_list_paper(st)->nsums) {
		buf_puts(&title, " ");
		ui_paper_sum_name(st, &title);
	}
	foot[0] = '\0';
	if (sv->n > (size_t)in.h && in.h > 0)
		snprintf(foot, sizeof foot, "%zu-%zu/%zu", st->paper.sum_top + 1,
		    st->paper.sum_top + (size_t)in.h < sv->n ? st->paper.sum_top + (size_t)in.h : sv->n, sv->n);
	draw_box(t, r, focused, title.buf, foot[0] ? foot : NULL);
	buf_free(&title);
	if (!sv->valid || sv->width != in.w)
		return;
	for (i = 0; (int)i < in.h && st->paper.sum_top + i < sv->n; i++) {
		const struct ui_line *ln = &sv->v[st->paper.sum_top + i];
		int y = in.y + (int)i;

		if (ln->kind == UI_LINE_BULLET && ln->indent >= 2)
			put_str(t, y, in.x + ln->indent - 2, 2, "\xE2\x80\xA2", A_NORMAL, 0);	/* U+2022 */
		put_text_hl(t, y, in.x + ln->indent, in.w - ln->indent, sv->text.buf + ln->off,
		    ln->len, line_attr(t, ln->kind), 0, st->search.active ? st->search.match : NULL, 0,
		    (size_t)-1);
	}
}

/* The Links pane: numbered links with their kind and URL. */
static void
draw_links(struct ui_term *t, const struct ui_state *st, struct ui_rect r, int focused)
{
	struct ui_rect in = ui_layout_inner(r);
	size_t n = st->paper.nlinks, i;
	struct buf left = BUF_INIT;
	char foot[48];

	draw_box(t, r, focused, "Links", position(foot, sizeof foot, st->paper.link, n));
	if (n == 0 && in.h > 0)
		put_str(t, in.y, in.x, in.w, "(no links)", A_NORMAL, 0);
	buf_init(&left);
	for (i = 0; (int)i < in.h && st->nav.top[UI_LINKS] + i < n; i++) {
		const struct link *l = &st->paper.links[st->nav.top[UI_LINKS] + i];
		int mark = in.w >= 3 ? 2 : 0, at;

		buf_setlen(&left, 0);
		buf_printf(&left, "%zu %-11s ", st->nav.top[UI_LINKS] + i + 1, link_kind_name(l->kind));
		at = mark + (int)left.len;
		buf_puts(&left, l->url ? l->url : "");
		draw_row(t, in, (int)i, st->nav.top[UI_LINKS] + i == st->paper.link, focused, left.buf, NULL);
		/* t->tmp is scratch here: put_text empties it before use */
		if (l->url && at < in.w && launch_url_check(l->url, &t->tmp))
			add_hot(t, in.y + (int)i, in.x + at, in.w - at, l->url);
	}
	buf_free(&left);
}

/* The status line: position, day, language, message, and a help hint. */
static void
draw_status(struct ui_term *t, const struct ui_state *st, struct ui_rect r)
{
	struct buf left = BUF_INIT;
	int w = r.w;

	if (r.h <= 0)
		return;
	if (r.y + 1 >= LINES)
		w--;	/* the bottom-right cell cannot be written without scrolling */
	buf_init(&left);
	if (st->prompt.kind != UI_PROMPT_NONE) {
		/* the line being typed, a cursor, then the message */
		ui_prompt_text(st, &left);
		buf_puts(&left, "_");
		if (st->status.len) {
			buf_puts(&left, "  ");
			buf_add(&left, st->status.buf, st->status.len);
		}
		buf_setlen(&t->row, 0);
		ui_layout_row(&t->row, left.buf, "Esc cancels", w > 0 ? (size_t)w : 0);
	} else {
		ui_state_position(st, &left);
		if (st->status.len) {
			buf_puts(&left, " | ");
			buf_add(&left, st->status.buf, st->status.len);
		}
		buf_setlen(&t->row, 0);
		ui_layout_row(&t->row, left.buf, "? help", w > 0 ? (size_t)w : 0);
	}
	put_text(t, r.y, r.x, w, t->row.buf, t->row.len, t->el[SETTINGS_EL_STATUS], WIDTH_PAD);
	buf_free(&left);
}

/* The help screen over the panes. */
static void
draw_help(struct ui_term *t, const struct ui_state *st, struct ui_rect r)
{
	struct ui_rect in = ui_layout_inner(r);
	struct buf text = BUF_INIT;
	size_t pos = 0, line = 0;
	int y;

	if (r.h <= 0)
		return;
	for (y = r.y; y < r.y + r.h; y++)
		put_str(t, y, r.x, r.w, "", A_NORMAL, WIDTH_PAD);
	draw_box(t, r, 1, "Help", NULL);
	buf_init(&text);
	ui_help_build(st, &text);
	y = in.y;
	while (pos < text.len && y < in.y + in.h) {
		const char *nl = memchr(text.buf + pos, '\n', text.len - pos);
		size_t end = nl ? (size_t)(nl - text.buf) : text.len;

		if (line++ >= st->help.top)
			put_text(t, y++, in.x + 1, in.w - 1, text.buf + pos, end - pos, A_NORMAL, 0);
		pos = end + 1;
	}
	buf_free(&text);
}

/* Draw everything from the state. */
void
ui_draw(struct ui_term *t, const struct ui_state *st, const struct ui_layout *l, int repaint)
{
	static void (*const pane[UI_NPANES])(struct ui_term *, const struct ui_state *,
	    struct ui_rect, int) = {
		draw_days, draw_cats, draw_papers, draw_summary, draw_links,
	};
	int i;

	if (repaint)
		clearok(curscr, TRUE);
	t->nhot = 0;
	erase();
	for (i = 0; i < UI_NPANES; i++)
		if (l->pane[i].h > 0 && l->pane[i].w > 0)
			pane[i](t, st, l->pane[i], st->nav.focus == (enum ui_pane)i);
	draw_status(t, st, l->status);
	if (st->help.open)
		draw_help(t, st, l->help);
	wnoutrefresh(stdscr);
	doupdate();
	if (t->nhot && !st->help.open)
		write_hyperlinks(t);
}
