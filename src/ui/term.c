/* ui/term.c: the terminal, the only user of curses (see ui/term.h). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "ui/term.h"

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "settings/keyname.h"
#include "text/width.h"
#include "ui/hyperlink.h"
#include "ui/paste.h"

struct ui_term {
	SCREEN *scr;
	FILE *out, *in;		/* opened here for the bench terminal, else NULL */
	struct buf tmp;		/* truncated text */
	struct buf row;		/* a title or footer being composed */
	wchar_t *wbuf;		/* text converted for curses */
	size_t walloc;
	int errs;		/* consecutive read errors */
	int timeout;		/* getkey waits at most this many ms (< 0: forever) */
	int osc8;		/* write OSC 8 hyperlinks */
	struct ui_hyperlinks links;	/* URLs drawn in the last frame */
	struct ui_hyperlink_cell *cells;	/* a spot's cells read back */
	size_t acells;
	struct buf raw;		/* bytes written straight to the terminal */
	attr_t el[SETTINGS_NELEMS];	/* attributes of each element in the theme */
	enum settings_line_graphics linegfx;	/* how borders are drawn (line-graphics) */
};

/* The characters of a border. */
enum { B_H, B_V, B_UL, B_UR, B_LL, B_LR, B_N };

/* ASCII and Unicode borders: [focused][part]; the focused pane's is double in Unicode, = in ASCII. */
static const wchar_t ascii_border[2][B_N] = {
	{ L'-', L'|', L'+', L'+', L'+', L'+' },
	{ L'=', L'|', L'+', L'+', L'+', L'+' },
};
static const wchar_t utf8_border[2][B_N] = {
	{ 0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518 },
	{ 0x2550, 0x2551, 0x2554, 0x2557, 0x255A, 0x255D },
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

/*
 * Common curses settings after the screen is created.  First the screen
 * is left and resumed once: until then ncurses (6.4) flushes its output
 * at every cursor jump (its mvcur does for a screen still in its initial
 * state), so each frame went out in about 200 write() calls, one per
 * pane border; after it, a frame is one write.  It is done before the
 * colours start, so the resume does not reset the terminal's palette
 * (OSC 104), which the user may have set.
 */
static void
term_setup(void)
{
	endwin();
	doupdate();	/* resumes the screen: nothing is drawn yet */
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

#define KEY_PASTE (KEY_MAX + 1)	/* ESC [ 200 ~: a bracketed paste begins */

/* Ask the terminal to bracket pastes (ESC [ ? 2004 h), or stop. */
static void
paste_mode(struct ui_term *t, int on)
{
	ui_term_write(t, on ? "\033[?2004h" : "\033[?2004l", 8);
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
	if (bench_rows > 0)
		resizeterm(bench_rows, bench_cols);	/* after the resume, which takes the size again */
	define_key("\033[200~", KEY_PASTE);
	paste_mode(t, 1);	/* not on the bench terminal: ui_term_write skips it */
	return t;
}

/* End curses and free. */
void
ui_term_close(struct ui_term *t)
{
	if (t == NULL)
		return;
	if (t->scr) {
		paste_mode(t, 0);
		endwin();
		delscreen(t->scr);
	}
	if (t->out)
		fclose(t->out);
	if (t->in)
		fclose(t->in);
	buf_free(&t->tmp);
	buf_free(&t->row);
	buf_free(&t->raw);
	ui_hyperlink_free(&t->links);
	free(t->cells);
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
	case KEY_PASTE: return KEYNAME_PASTE;
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

/* Use the preferences' theme: colour pairs where the terminal has colours, else attributes. */
void
ui_term_set_theme(struct ui_term *t, const struct prefs *p)
{
	int e, colors;

	memcpy(t->el, mono, sizeof t->el);
	t->linegfx = p ? p->line_graphics : SETTINGS_LINES_DEFAULT;
	if (p == NULL || p->theme == SETTINGS_THEME_MONOCHROME || !has_colors())
		return;
	if (start_color() == ERR)
		return;
	use_default_colors();
	colors = COLORS;
	for (e = 0; e < SETTINGS_NELEMS && e + 1 < COLOR_PAIRS; e++) {
		struct settings_color cc = p->colors[e];
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

/* Write bytes that change no cell (OSC 52) straight to the terminal. */
int
ui_term_write(struct ui_term *t, const char *s, size_t n)
{
	if (t->out)
		return 0;	/* the bench terminal */
	fflush(stdout);
	return safeio_write_all(fileno(stdout), s, n);
}

/* Leave curses for a program that uses the terminal. */
void
ui_term_suspend(struct ui_term *t)
{
	paste_mode(t, 0);
	def_prog_mode();
	endwin();
	fflush(stdout);
}

/* Come back from ui_term_suspend; the next ui_draw should repaint. */
void
ui_term_resume(struct ui_term *t)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	paste_mode(t, 1);
}

/* After KEYNAME_PASTE: the pasted text (at most max bytes kept) and any keys typed after it. */
size_t
ui_term_paste(struct ui_term *t, struct buf *out, size_t max)
{
	struct buf rest = BUF_INIT;
	size_t n, i;
	int ended;

	n = ui_paste_read(ui_term_fd(t), out, max, &rest, UI_PASTE_WAIT_MS, &ended);
	for (i = rest.len; i > 0; i--)	/* back to curses, first byte read first */
		ungetch((unsigned char)rest.buf[i - 1]);
	buf_free(&rest);
	return n;
}

/* Make room for n wide characters. */
static void
wgrow(struct ui_term *t, size_t n)
{
	ALLOC_GROW(t->wbuf, n, t->walloc);
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

/* The curses attributes of a style (ui/term.h). */
static attr_t
attr_of(const struct ui_term *t, int style)
{
	int base = style & ~UI_STYLE_MATCH;
	attr_t a = base < SETTINGS_NELEMS ? t->el[base] : base == UI_STYLE_BOLD ? A_BOLD :
	    base == UI_STYLE_DIM ? A_DIM : A_NORMAL;
	attr_t m = t->el[SETTINGS_EL_MATCH];

	if (!(style & UI_STYLE_MATCH))
		return a;
	/* a match: the match colour replaces the text's */
	return (m & A_COLOR) ? (a & ~A_COLOR) | m : a | m;
}

/* Draw text in a style. */
void
ui_term_text(struct ui_term *t, int y, int x, int w, const char *s, size_t n, int style,
    unsigned flags)
{
	put_text(t, y, x, w, s, n, attr_of(t, style), flags);
}

/* Draw text already cut to fit (by width_trunc) in a style. */
void
ui_term_fitted(struct ui_term *t, int y, int x, const char *s, size_t n, int style)
{
	size_t k;

	if (y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	k = to_wide(t, s, n);
	if (k == 0)
		return;
	attrset(attr_of(t, style));
	mvaddnwstr(y, x, t->wbuf, (int)k);
	attrset(A_NORMAL);
}

/*
 * The border characters of the line-graphics setting: curses's line
 * drawing, or ASCII or Unicode characters of our own.
 */
static void
border_chars(const struct ui_term *t, int focused, cchar_t c[B_N])
{
	const cchar_t *const dflt[2][B_N] = {
		{ WACS_HLINE, WACS_VLINE, WACS_ULCORNER, WACS_URCORNER, WACS_LLCORNER,
		    WACS_LRCORNER },
		{ WACS_D_HLINE, WACS_D_VLINE, WACS_D_ULCORNER, WACS_D_URCORNER, WACS_D_LLCORNER,
		    WACS_D_LRCORNER },
	};
	int i;

	for (i = 0; i < B_N; i++) {
		wchar_t w[2] = { 0, 0 };

		if (t->linegfx == SETTINGS_LINES_DEFAULT) {
			c[i] = *dflt[focused][i];
			continue;
		}
		w[0] = t->linegfx == SETTINGS_LINES_ASCII ? ascii_border[focused][i] :
		    utf8_border[focused][i];
		setcchar(&c[i], w, A_NORMAL, 0, NULL);
	}
}

/* Draw the border of r (double lines when focused) with a heading and a footer. */
void
ui_term_box(struct ui_term *t, struct ui_rect r, int focused, const char *title,
    const char *footer)
{
	cchar_t c[B_N];
	int bottom = r.y + r.h - 1, right = r.x + r.w - 1;

	if (!ui_layout_boxed(r) || bottom >= LINES || right >= COLS)
		return;
	border_chars(t, focused != 0, c);
	attrset(t->el[SETTINGS_EL_BORDER]);
	mvhline_set(r.y, r.x + 1, &c[B_H], r.w - 2);
	mvhline_set(bottom, r.x + 1, &c[B_H], r.w - 2);
	mvvline_set(r.y + 1, r.x, &c[B_V], r.h - 2);
	mvvline_set(r.y + 1, right, &c[B_V], r.h - 2);
	mvadd_wch(r.y, r.x, &c[B_UL]);
	mvadd_wch(r.y, right, &c[B_UR]);
	mvadd_wch(bottom, r.x, &c[B_LL]);
	mvadd_wch(bottom, right, &c[B_LR]);
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

/* Start a frame. */
void
ui_term_begin(struct ui_term *t, int repaint)
{
	if (repaint)
		clearok(curscr, TRUE);
	ui_hyperlink_clear(&t->links);
	erase();
}

/* A URL on the screen, for OSC 8. */
void
ui_term_link(struct ui_term *t, int y, int x, int w, const char *url)
{
	if (t->osc8)
		ui_hyperlink_add(&t->links, y, x, w, url);
}

/* A terminfo string, or NULL when the terminal has none. */
static const char *
cap(const char *s)
{
	return s == (const char *)-1 ? NULL : s;
}

/* Read back the cells of spot h into t->cells; 0 when it is not wholly on the screen. */
static int
read_cells(struct ui_term *t, const struct ui_hyperlink *h)
{
	int i;

	/* never the last column: no pending wrap */
	if (h->y < 0 || h->x < 0 || h->y >= LINES || h->x + h->w >= COLS)
		return 0;
	ALLOC_GROW(t->cells, (size_t)h->w, t->acells);
	for (i = 0; i < h->w; i++) {
		struct ui_hyperlink_cell *c = &t->cells[i];
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t a;
		short pair;

		c->plain = 0;
		if (mvwin_wch(stdscr, h->y, h->x + i, &cc) == ERR ||
		    getcchar(&cc, wc, &a, &pair, NULL) == ERR)
			continue;
		c->cp = (int32_t)wc[0];
		c->plain = wc[0] != 0 && wc[1] == 0 && wcwidth(wc[0]) == 1 && pair == 0;
		a &= A_ATTRIBUTES & ~A_COLOR;
		c->attrs = ((a & A_BOLD) ? UI_HYPERLINK_BOLD : 0) |
		    ((a & A_REVERSE) ? UI_HYPERLINK_REVERSE : 0) |
		    ((a & ~(A_BOLD | A_REVERSE)) ? UI_HYPERLINK_OTHER : 0);
	}
	return 1;
}

/* Write the OSC 8 hyperlinks of the frame just updated; keep curses' cursor right. */
static void
write_hyperlinks(struct ui_term *t)
{
	struct ui_hyperlink_caps caps;
	size_t i;
	int y = -1, x0 = 0, x1 = 0;

	caps.sgr0 = cap(exit_attribute_mode);
	caps.bold = cap(enter_bold_mode);
	caps.reverse = cap(enter_reverse_mode);
	buf_setlen(&t->raw, 0);
	for (i = 0; i < t->links.n; i++) {
		const struct ui_hyperlink *h = &t->links.v[i];
		int w;

		if (!read_cells(t, h))
			continue;
		caps.go = cap(tiparm(cursor_address, h->y, h->x));
		if ((w = ui_hyperlink_write(&t->raw, h, t->cells, &caps)) > 0) {
			y = h->y;
			x0 = h->x;
			x1 = x0 + w;
		}
	}
	if (y < 0)
		return;
	fflush(stdout);
	safeio_write_all(fileno(stdout), t->raw.buf, t->raw.len);
	/*
	 * The cursor is after the last link: tell curses by moving it from
	 * there, and send the move now (mvcur leaves it in stdout's buffer,
	 * and the next frame's relative moves would start from the wrong cell).
	 */
	mvcur(y, x1, y, x0);
	fflush(stdout);
}

/* Put the frame on the screen, then its hyperlinks. */
void
ui_term_end(struct ui_term *t, int links)
{
	wnoutrefresh(stdscr);
	doupdate();
	if (links && t->links.n)
		write_hyperlinks(t);
}

/* The descriptor curses reads keys from. */
int
ui_term_fd(const struct ui_term *t)
{
	return t->in ? fileno(t->in) : STDIN_FILENO;
}

/* Tell curses the terminal's new size. */
void
ui_term_resize(struct ui_term *t)
{
	struct winsize ws;

	if (t->out == NULL && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
}
