/* settings/settings.c: reading the settings file (see settings/settings.h). */
#include "settings/settings.h"
#include "settings/keyname.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/safeio.h"
#include "fetch/sources.h"
#include "ingest/ingest.h"
#include "text/diag.h"
#include "text/text.h"
#include "text/lang.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SETTINGS_MAX_BYTES ((size_t)1 << 20)	/* a larger settings file is not read */

struct settings {
	struct arena *a;		/* every string */
	const char *lang;
	const char *browser;
	enum launch_open link_mode;
	int osc8;
	enum settings_mark_read mark_read;
	long mark_read_delay;
	unsigned long long max_file_size;
	enum settings_theme theme;
	struct settings_color colors[SETTINGS_NELEMS];
	unsigned char color_set[SETTINGS_NELEMS];	/* given in the file */
	int mouse;
	const char **libs;
	size_t nlibs, alibs;
	struct settings_binding *binds;
	size_t nbinds, abinds;
	struct sources *sources;	/* the built-in table and the source lines */
	const char *ca_file;
	int fetch_on_start;
	enum settings_line_graphics line_graphics;
	struct diag_list msgs;
	const char *file;		/* while parsing: the file and line messages are about */
	size_t line;
};

static const char *const elem_names[SETTINGS_NELEMS] = {
	"normal", "border", "title", "title-focus", "selected", "unread", "star",
	"heading", "link", "status", "match",
};

#define C_B SETTINGS_ATTR_BOLD
#define C_U SETTINGS_ATTR_UNDERLINE
#define C_R SETTINGS_ATTR_REVERSE

/* The default theme. */
static const struct settings_color theme_default[SETTINGS_NELEMS] = {
	[SETTINGS_EL_NORMAL] = { -1, -1, 0 },
	[SETTINGS_EL_BORDER] = { 4, -1, 0 },
	[SETTINGS_EL_TITLE] = { -1, -1, C_B },
	[SETTINGS_EL_TITLE_FOCUS] = { -1, -1, C_B | C_R },
	[SETTINGS_EL_SELECTED] = { -1, -1, C_B | C_R },
	[SETTINGS_EL_UNREAD] = { -1, -1, C_B },
	[SETTINGS_EL_STAR] = { 3, -1, C_B },
	[SETTINGS_EL_HEADING] = { 6, -1, C_B },
	[SETTINGS_EL_LINK] = { 4, -1, C_U },
	[SETTINGS_EL_STATUS] = { -1, -1, C_R },
	[SETTINGS_EL_MATCH] = { 0, 3, 0 },
};

/* The monochrome theme: attributes only. */
static const struct settings_color theme_mono[SETTINGS_NELEMS] = {
	[SETTINGS_EL_NORMAL] = { -1, -1, 0 },
	[SETTINGS_EL_BORDER] = { -1, -1, 0 },
	[SETTINGS_EL_TITLE] = { -1, -1, C_B },
	[SETTINGS_EL_TITLE_FOCUS] = { -1, -1, C_B | C_R },
	[SETTINGS_EL_SELECTED] = { -1, -1, C_B | C_R },
	[SETTINGS_EL_UNREAD] = { -1, -1, C_B },
	[SETTINGS_EL_STAR] = { -1, -1, C_B },
	[SETTINGS_EL_HEADING] = { -1, -1, C_B },
	[SETTINGS_EL_LINK] = { -1, -1, C_U },
	[SETTINGS_EL_STATUS] = { -1, -1, C_R },
	[SETTINGS_EL_MATCH] = { -1, -1, C_R | C_U },
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{ "bold", SETTINGS_ATTR_BOLD }, { "dim", SETTINGS_ATTR_DIM },
	{ "italic", SETTINGS_ATTR_ITALIC }, { "underline", SETTINGS_ATTR_UNDERLINE },
	{ "reverse", SETTINGS_ATTR_REVERSE }, { "blink", SETTINGS_ATTR_BLINK },
};

/* Record a message about the line being parsed (printf-style). */
static void msg(struct settings *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
msg(struct settings *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vaddf(&c->msgs, DIAG_PLAIN, c->file, c->line, fmt, ap);
	va_end(ap);
}

/* Append the default path. */
int
settings_default_path(struct buf *out)
{
	return safeio_user_path(out, "PAPERBOY_CONFIG", "XDG_CONFIG_HOME", ".config", "config");
}

/* The defaults. */
struct settings *
settings_defaults(void)
{
	struct settings *c = xcalloc(1, sizeof *c);

	c->a = arena_new();
	diag_list_init(&c->msgs);
	c->link_mode = LAUNCH_OPEN_AUTO;
	c->osc8 = 1;
	c->mark_read = SETTINGS_MARK_DELAY;
	c->mark_read_delay = 1000;
	c->max_file_size = INGEST_MAX_FILE_SIZE;
	c->theme = SETTINGS_THEME_DEFAULT;
	c->mouse = 1;
	c->sources = sources_new();
	return c;
}

/* Defaults, then the file. */
struct settings *
settings_load(const char *path)
{
	struct settings *c = settings_defaults();
	struct buf p = BUF_INIT, data = BUF_INIT, why = BUF_INIT;

	buf_init(&p);
	buf_init(&data);
	buf_init(&why);
	if (path)
		buf_puts(&p, path);
	else if (settings_default_path(&p) < 0)
		goto out;
	if (safeio_is_null(p.buf))
		goto out;	/* /dev/null: no settings, as an empty file */
	if (safeio_read_max(p.buf, SETTINGS_MAX_BYTES, &data, &why) < 0) {
		if (errno == ENOENT && path)
			diag_addf(&c->msgs, DIAG_PLAIN, p.buf, 0, "cannot read: %s", strerror(errno));
		else if (errno != ENOENT)
			diag_addf(&c->msgs, DIAG_PLAIN, NULL, 0, "%s; settings file ignored", why.buf);
		goto out;
	}
	settings_parse(c, p.buf, data.buf, data.len);
out:
	buf_free(&p);
	buf_free(&data);
	buf_free(&why);
	return c;
}

/* Free everything. */
void
settings_free(struct settings *c)
{
	if (c == NULL)
		return;
	diag_list_free(&c->msgs);
	free(c->libs);
	free(c->binds);
	sources_free(c->sources);
	arena_free(c->a);
	free(c);
}

/* Blank for the config syntax: space or tab. */
static int
is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

/* Trim blanks from both ends of s[0..*n); returns the new start. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n && is_blank(*s)) {
		s++;
		(*n)--;
	}
	while (*n && is_blank(s[*n - 1]))
		(*n)--;
	return s;
}

/* Split the next blank-separated word off s[*i..n); returns its length, 0 at the end. */
static size_t
next_word(const char *s, size_t n, size_t *i, const char **w)
{
	size_t k;

	while (*i < n && is_blank(s[*i]))
		(*i)++;
	*w = s + *i;
	for (k = *i; k < n && !is_blank(s[k]); k++)
		;
	n = k - *i;
	*i = k;
	return n;
}

/* True when name is one of the choices; sets *idx. */
static int
pick(const char *v, const char *const *choices, size_t n, int *idx)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v, choices[i]) == 0) {
			*idx = (int)i;
			return 1;
		}
	return 0;
}

/* A colour: default, a name, bright-NAME, or 0-255; -2 when unknown. */
static int
parse_color(const char *v)
{
	int i;
	char *end;
	long n;

	if (strcmp(v, "default") == 0)
		return -1;
	if (pick(v, color_names, 8, &i))
		return i;
	if (strncmp(v, "bright-", 7) == 0 && pick(v + 7, color_names, 8, &i))
		return i + 8;
	if (*v < '0' || *v > '9')
		return -2;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || n > 255)
		return -2;
	return (int)n;
}

/* True when s is a command name: a lowercase letter, then letters, digits and '-'. */
static int
cmd_name_valid(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* A size: bytes, or a number with K, M or G (powers of 1024), 1K to 1024G. */
static int
parse_size(const char *v, unsigned long long *out)
{
	unsigned long long n = 0, mul = 1;
	const char *p = v;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (1ULL << 40))
			return -1;
		n = n * 10 + (unsigned long long)(*p - '0');
	}
	if (*p == 'K' || *p == 'k')
		mul = 1ULL << 10;
	else if (*p == 'M' || *p == 'm')
		mul = 1ULL << 20;
	else if (*p == 'G' || *p == 'g')
		mul = 1ULL << 30;
	if (mul > 1)
		p++;
	if (*p == 'B' || *p == 'b')	/* "64MB" reads as "64M" */
		p++;
	if (*p || n > (1ULL << 40) / mul || n * mul < 1024 || n * mul > (1ULL << 40))
		return -1;
	*out = n * mul;
	return 0;
}

/* bind KEY COMMAND (rest is the text after "bind"). */
/*
 * The length of s[0..n) without its comment: a '#' at from or later that
 * starts the text or follows a blank starts a comment to the end of the
 * line ("a#b" keeps its '#'; "a #b" is "a").
 */
static size_t
strip_comment(const char *s, size_t n, size_t from)
{
	size_t i;

	for (i = from; i < n; i++)
		if (s[i] == '#' && (i == 0 || is_blank(s[i - 1])))
			return i;
	return n;
}

/* bind KEY COMMAND (rest is the text after "bind"; KEY may be '#'). */
static int
do_bind(struct settings *c, const char *s, size_t n)
{
	const char *kw, *cw, *xw;
	size_t i = 0, kn, cn, k;
	char *key, *cmd;
	int code;

	kn = next_word(s, n, &i, &kw);
	n = strip_comment(s, n, i);
	cn = next_word(s, n, &i, &cw);
	if (kn == 0 || cn == 0 || next_word(s, n, &i, &xw) != 0) {
		msg(c, "expected 'bind KEY COMMAND'");
		return -1;
	}
	key = arena_strndup(c->a, kw, kn);
	cmd = arena_strndup(c->a, cw, cn);
	if ((code = keyname_parse(key)) < 0) {
		msg(c, "bad key name '%s' (use a character, C-x, Up, PgDn, S-Tab, F1-F12, ...)", key);
		return -1;
	}
	if (!cmd_name_valid(cmd)) {
		msg(c, "bad command name '%s'", cmd);
		return -1;
	}
	for (k = 0; k < c->nbinds; k++)
		if (c->binds[k].code == code) {
			c->binds[k].key = key;
			c->binds[k].cmd = cmd;
			c->binds[k].file = c->file ? arena_strdup(c->a, c->file) : NULL;
			c->binds[k].line = c->line;
			return 0;
		}
	ALLOC_GROW(c->binds, c->nbinds + 1, c->abinds);
	c->binds[c->nbinds].key = key;
	c->binds[c->nbinds].code = code;
	c->binds[c->nbinds].cmd = cmd;
	c->binds[c->nbinds].file = c->file ? arena_strdup(c->a, c->file) : NULL;
	c->binds[c->nbinds].line = c->line;
	c->nbinds++;
	return 0;
}

/* color.ELEM = FG BG [ATTR]... */
static int
do_color(struct settings *c, const char *elem, const char *v)
{
	struct settings_color col;
	const char *w;
	size_t i = 0, n = strlen(v), wn, k;
	int e, words = 0;
	char tmp[32];

	if (!pick(elem, elem_names, SETTINGS_NELEMS, &e)) {
		msg(c, "unknown element 'color.%s'", elem);
		return -1;
	}
	col.attrs = 0;
	col.fg = col.bg = -1;
	while ((wn = next_word(v, n, &i, &w)) != 0) {
		int r;

		if (wn >= sizeof tmp) {
			msg(c, "unknown colour '%.*s'", (int)wn, w);
			return -1;
		}
		memcpy(tmp, w, wn);
		tmp[wn] = '\0';
		if (words < 2) {
			if ((r = parse_color(tmp)) == -2) {
				msg(c, "unknown colour '%s' (use default, black, red, green, yellow, blue, magenta, cyan, white, bright-NAME or 0-255)", tmp);
				return -1;
			}
			if (words == 0)
				col.fg = r;
			else
				col.bg = r;
		} else {
			for (k = 0; k < sizeof attr_names / sizeof attr_names[0]; k++)
				if (strcmp(tmp, attr_names[k].name) == 0)
					break;
			if (k == sizeof attr_names / sizeof attr_names[0]) {
				msg(c, "unknown attribute '%s' (use bold, dim, italic, underline, reverse or blink)", tmp);
				return -1;
			}
			col.attrs |= attr_names[k].bit;
		}
		words++;
	}
	if (words < 2) {
		msg(c, "expected 'color.%s = FG BG [ATTRIBUTE]...'", elem);
		return -1;
	}
	c->colors[e] = col;
	c->color_set[e] = 1;
	return 0;
}

/* yes or no into *out. */
static int
yes_no(struct settings *c, const char *name, const char *v, int *out)
{
	if (strcmp(v, "yes") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0)
		*out = 0;
	else {
		msg(c, "bad value '%s' for '%s' (use yes or no)", v, name);
		return -1;
	}
	return 0;
}

/* A path in the arena: absolute, or ~/ expanded; NULL otherwise. */
static const char *
full_path(struct settings *c, const char *v)
{
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;
	const char *path;

	if (strncmp(v, "~/", 2) == 0 && home && *home) {
		buf_printf(&b, "%s/%s", home, v + 2);
		path = arena_strdup(c->a, b.buf);
		buf_free(&b);
		return path;
	}
	return v[0] == '/' ? arena_strdup(c->a, v) : NULL;
}

/* library (each adds one) and ca-file: a path, absolute or starting with ~/. */
static int
do_path(struct settings *c, const char *name, const char *v)
{
	const char *path = full_path(c, v);

	if (path == NULL) {
		msg(c, "%s path '%s' must be absolute or start with ~/", name, v);
		return -1;
	}
	if (strcmp(name, "ca-file") == 0) {
		c->ca_file = path;
		return 0;
	}
	ALLOC_GROW(c->libs, c->nlibs + 1, c->alibs);
	c->libs[c->nlibs++] = path;
	return 0;
}

/* source NAME URL-TEMPLATE | off | on (rest is the text after "source"). */
static int
do_source(struct settings *c, const char *s, size_t n)
{
	const char *nw, *vw, *xw;
	size_t i = 0, nn, vn;
	struct buf err = BUF_INIT;
	char *name, *value;
	int rc;

	nn = next_word(s, n, &i, &nw);
	vn = next_word(s, n, &i, &vw);
	if (nn == 0 || vn == 0 || next_word(s, n, &i, &xw) != 0) {
		msg(c, "expected 'source NAME URL-TEMPLATE' or 'source NAME off'");
		return -1;
	}
	name = arena_strndup(c->a, nw, nn);
	value = arena_strndup(c->a, vw, vn);
	rc = sources_set(c->sources, name, value, &err);
	if (rc < 0)
		msg(c, "%s", err.buf);
	buf_free(&err);
	return rc;
}

/* NAME = VALUE. */
static int
do_setting(struct settings *c, const char *name, const char *v)
{
	static const char *const modes[] = { "auto", "open", "copy" };
	static const enum launch_open mode_values[] = {
		LAUNCH_OPEN_AUTO, LAUNCH_OPEN_BROWSER, LAUNCH_OPEN_COPY,
	};
	static const char *const marks[] = { "delay", "open", "manual" };
	static const char *const themes[] = { "default", "monochrome" };
	int i;

	if (strcmp(name, "lang") == 0) {
		const char *bad_item;

		if (!lang_list_ok(v, &bad_item))
			goto bad;
		c->lang = arena_strdup(c->a, v);
	} else if (strcmp(name, "browser") == 0) {
		c->browser = arena_strdup(c->a, v);
	} else if (strcmp(name, "link-mode") == 0) {
		if (!pick(v, modes, 3, &i))
			goto bad;
		c->link_mode = mode_values[i];
	} else if (strcmp(name, "osc8") == 0) {
		return yes_no(c, name, v, &c->osc8);
	} else if (strcmp(name, "mark-read") == 0) {
		if (!pick(v, marks, 3, &i))
			goto bad;
		c->mark_read = (enum settings_mark_read)i;
	} else if (strcmp(name, "mark-read-delay") == 0) {
		char *end;
		long ms;

		errno = 0;
		ms = strtol(v, &end, 10);
		if (*v < '0' || *v > '9' || *end || errno || ms > 3600000) {
			msg(c, "bad value '%s' for 'mark-read-delay' (use milliseconds, 0 to 3600000)", v);
			return -1;
		}
		c->mark_read_delay = ms;
	} else if (strcmp(name, "max-file-size") == 0) {
		if (parse_size(v, &c->max_file_size) < 0) {
			msg(c, "bad value '%s' for 'max-file-size' (use bytes, or a number with K, M or G, "
			    "from 1K to 1024G)", v);
			return -1;
		}
	} else if (strcmp(name, "theme") == 0) {
		if (!pick(v, themes, 2, &i))
			goto bad;
		c->theme = (enum settings_theme)i;
	} else if (strcmp(name, "mouse") == 0) {
		return yes_no(c, name, v, &c->mouse);
	} else if (strcmp(name, "library") == 0 || strcmp(name, "ca-file") == 0) {
		return do_path(c, name, v);
	} else if (strcmp(name, "fetch-on-start") == 0) {
		return yes_no(c, name, v, &c->fetch_on_start);
	} else if (strcmp(name, "line-graphics") == 0) {
		int lg = settings_line_graphics_parse(v);

		if (lg < 0) {
			msg(c, "bad value '%s' for 'line-graphics' (use default, ascii or utf-8)", v);
			return -1;
		}
		c->line_graphics = (enum settings_line_graphics)lg;
	} else if (strncmp(name, "color.", 6) == 0) {
		return do_color(c, name + 6, v);
	} else {
		msg(c, "unknown setting '%s'", name);
		return -1;
	}
	return 0;
bad:
	if (strcmp(name, "lang") == 0)
		msg(c, "bad value '%s' for 'lang' (use codes such as en, ko, zh, ja, or a list: ko,en)", v);
	else if (strcmp(name, "link-mode") == 0)
		msg(c, "bad value '%s' for 'link-mode' (use open, copy or auto)", v);
	else if (strcmp(name, "mark-read") == 0)
		msg(c, "bad value '%s' for 'mark-read' (use open, delay or manual)", v);
	else
		msg(c, "bad value '%s' for 'theme' (use default or monochrome)", v);
	return -1;
}

/* One line (without its newline), at c->file:c->line. */
static int
do_line(struct settings *c, const char *s, size_t n)
{
	const char *eq;
	char *name, *value;
	size_t nn, vn;

	if (n && s[n - 1] == '\r')
		n--;
	s = trim(s, &n);
	if (n == 0 || s[0] == '#')
		return 0;
	if (!text_is_clean(s, n) || memchr(s, '\0', n)) {
		msg(c, "invalid UTF-8 or a control character");
		return -1;
	}
	if (n > 4 && memcmp(s, "bind", 4) == 0 && is_blank(s[4]))
		return do_bind(c, s + 4, n - 4);
	n = strip_comment(s, n, 0);
	if (n > 6 && memcmp(s, "source", 6) == 0 && is_blank(s[6]))
		return do_source(c, s + 6, n - 6);
	eq = memchr(s, '=', n);
	if (eq == NULL) {
		msg(c, "expected 'NAME = VALUE' or 'bind KEY COMMAND'");
		return -1;
	}
	nn = (size_t)(eq - s);
	vn = n - nn - 1;
	name = (char *)trim(s, &nn);
	value = (char *)trim(eq + 1, &vn);
	name = arena_strndup(c->a, name, nn);
	value = arena_strndup(c->a, value, vn);
	if (nn == 0) {
		msg(c, "expected a name before '='");
		return -1;
	}
	if (vn == 0) {
		msg(c, "missing value for '%s'", name);
		return -1;
	}
	return do_setting(c, name, value);
}

/* Apply a whole file. */
size_t
settings_parse(struct settings *c, const char *name, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	size_t bad = 0;

	c->file = name;
	c->line = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		c->line++;
		if (do_line(c, p, (size_t)(e - p)) < 0)
			bad++;
		p = nl ? nl + 1 : end;
	}
	c->file = NULL;
	c->line = 0;
	return bad;
}

/* The preferred summary language, or NULL. */
const char *
settings_lang(const struct settings *c)
{
	return c->lang;
}

/* The browser command, or NULL. */
const char *
settings_browser(const struct settings *c)
{
	return c->browser;
}

/* The link mode. */
enum launch_open
settings_link_mode(const struct settings *c)
{
	return c->link_mode;
}

/* OSC 8 hyperlinks on or off. */
int
settings_osc8(const struct settings *c)
{
	return c->osc8;
}

/* When a paper becomes read. */
enum settings_mark_read
settings_mark_read(const struct settings *c)
{
	return c->mark_read;
}

/* The delay before a shown paper becomes read. */
long
settings_mark_read_delay(const struct settings *c)
{
	return c->mark_read_delay;
}

/* The theme setting. */
enum settings_theme
settings_theme(const struct settings *c)
{
	return c->theme;
}

/* The colour of e in theme: the file's, else the theme's; fg/bg dropped when monochrome. */
struct settings_color
settings_theme_color(const struct settings *c, enum settings_elem e, enum settings_theme theme)
{
	int mono = theme == SETTINGS_THEME_MONOCHROME;
	struct settings_color col;

	if ((unsigned)e >= SETTINGS_NELEMS)
		e = SETTINGS_EL_NORMAL;
	col = c->color_set[e] ? c->colors[e] : mono ? theme_mono[e] : theme_default[e];
	if (mono)
		col.fg = col.bg = -1;
	return col;
}

/* The colour of e in the file's theme. */
struct settings_color
settings_color(const struct settings *c, enum settings_elem e)
{
	return settings_theme_color(c, e, settings_theme(c));
}

/* The name of an element. */
const char *
settings_elem_name(enum settings_elem e)
{
	return (unsigned)e < SETTINGS_NELEMS ? elem_names[e] : "?";
}

/* Mouse on or off. */
int
settings_mouse(const struct settings *c)
{
	return c->mouse;
}

/* Number of library paths. */
size_t
settings_nlibraries(const struct settings *c)
{
	return c->nlibs;
}

/* Library path i. */
const char *
settings_library(const struct settings *c, size_t i)
{
	return i < c->nlibs ? c->libs[i] : NULL;
}

/* The source table. */
const struct sources *
settings_sources(const struct settings *c)
{
	return c->sources;
}

/* ca-file, or NULL. */
const char *
settings_ca_file(const struct settings *c)
{
	return c->ca_file;
}

/* A line-graphics value, or -1. */
int
settings_line_graphics_parse(const char *v)
{
	static const char *const names[] = { "default", "ascii", "utf-8" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	return strcmp(v, "utf8") == 0 ? SETTINGS_LINES_UTF8 : -1;
}

/* line-graphics. */
enum settings_line_graphics
settings_line_graphics(const struct settings *c)
{
	return c->line_graphics;
}

/* fetch-on-start. */
int
settings_fetch_on_start(const struct settings *c)
{
	return c->fetch_on_start;
}

/* Report and drop the bindings of commands known() rejects. */
size_t
settings_check_commands(struct settings *c, int (*known)(const char *cmd))
{
	size_t i, n = 0;

	for (i = 0; i < c->nbinds; i++) {
		if (known(c->binds[i].cmd)) {
			c->binds[n++] = c->binds[i];
			continue;
		}
		diag_addf(&c->msgs, DIAG_PLAIN, c->binds[i].file, c->binds[i].line,
		    "unknown command '%s' (paperboy --help lists them)", c->binds[i].cmd);
	}
	i = c->nbinds - n;
	c->nbinds = n;
	return i;
}

/* max-file-size in bytes. */
unsigned long long
settings_max_file_size(const struct settings *c)
{
	return c->max_file_size;
}

/* Number of key bindings. */
size_t
settings_nbindings(const struct settings *c)
{
	return c->nbinds;
}

/* Key binding i. */
const struct settings_binding *
settings_binding(const struct settings *c, size_t i)
{
	return i < c->nbinds ? &c->binds[i] : NULL;
}

/* The messages. */
const struct diag_list *
settings_diags(const struct settings *c)
{
	return &c->msgs;
}

/* Number of messages. */
size_t
settings_nmsgs(const struct settings *c)
{
	return c->msgs.n;
}

/* Message i, formatted. */
const char *
settings_msg(const struct settings *c, size_t i)
{
	return diag_line(&c->msgs, i);
}
