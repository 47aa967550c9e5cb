/* ui/keys.c: the key table and handling one key (see ui/keys.h). */
#include "ui/keys.h"

#include <stdlib.h>
#include <string.h>

#include "settings/keyname.h"
#include "settings/prefs.h"
#include "text/width.h"
#include "ui/state.h"

/* Append a binding. */
static void
add(struct ui_keys *k, int key, enum ui_cmd c)
{
	ALLOC_GROW(k->v, k->n + 1, k->alloc);
	k->v[k->n].key = key;
	k->v[k->n].cmd = c;
	k->n++;
}

/* The default table: each command's keys from the command table, in its order. */
void
ui_keys_init(struct ui_keys *k)
{
	struct buf name = BUF_INIT;
	int c;

	memset(k, 0, sizeof *k);
	buf_init(&name);
	for (c = 0; c < UI_NCMDS; c++) {
		const char *s = ui_cmd_keys((enum ui_cmd)c);

		while (*s) {
			size_t n = strcspn(s, " ");
			int key;

			buf_setlen(&name, 0);
			buf_add(&name, s, n);
			s += n + (s[n] == ' ');
			/* the table is ours: a name that is no key is a bug caught by the tests */
			if ((key = keyname_parse(name.buf)) >= 0)
				add(k, key, (enum ui_cmd)c);
		}
	}
	buf_free(&name);
}

/* Free the table. */
void
ui_keys_free(struct ui_keys *k)
{
	free(k->v);
	memset(k, 0, sizeof *k);
}

/* Bind a key: in place when bound, else appended. */
void
ui_keys_bind(struct ui_keys *k, int key, enum ui_cmd c)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		if (k->v[i].key == key) {
			k->v[i].cmd = c;
			return;
		}
	add(k, key, c);
}

/* The preferences' bindings over the default table. */
void
ui_keys_configure(struct ui_keys *k, const struct prefs *p, struct buf *msgs)
{
	size_t i, nb = p ? p->nbindings : 0;

	if (nb == 0)
		return;
	ui_keys_free(k);
	ui_keys_init(k);
	for (i = 0; i < nb; i++) {
		const struct settings_binding *b = &p->bindings[i];
		int cmd = ui_cmd_parse(b->cmd);

		if (cmd < 0) {
			buf_printf(msgs, "bind %s %s: unknown command (see the help, ?)\n", b->key, b->cmd);
			continue;
		}
		ui_keys_bind(k, b->code, (enum ui_cmd)cmd);
	}
}

/* Append the keys of command c ("1-9" for runs of three or more characters). */
static void
key_list(const struct ui_keys *k, enum ui_cmd c, struct buf *names)
{
	const struct ui_binding *v = k->v;
	size_t i, n = k->n;

	for (i = 0; i < n; i++) {
		size_t j = i;

		if (v[i].cmd != c)
			continue;
		while (j + 1 < n && v[j + 1].cmd == c && v[j + 1].key == v[j].key + 1 &&
		    v[j].key > 0x20 && v[j + 1].key < 0x7f)
			j++;
		if (names->len)
			buf_puts(names, ", ");
		keyname_print(names, v[i].key, KEYNAME_SHOWN);
		if (j >= i + 2) {
			buf_addch(names, '-');
			keyname_print(names, v[j].key, KEYNAME_SHOWN);
			i = j;
		}
	}
}

/* The keys of c, for messages that name them. */
void
ui_keys_names(const struct ui_keys *k, enum ui_cmd c, struct buf *out)
{
	struct buf names = BUF_INIT;

	buf_init(&names);
	key_list(k, c, &names);
	buf_add(out, names.buf, names.len);
	buf_free(&names);
}

/*
 * Append text[0..n) wrapped to width cells after a first line that starts
 * at column col: every line after it is indented to col.
 */
static void
wrap_at(struct buf *out, const char *text, size_t n, size_t col, size_t width)
{
	struct width_lines wl = { NULL, 0, 0 };
	size_t i, j;

	width_wrap(&wl, text, n, width - col);
	for (i = 0; i < wl.n; i++) {
		if (i > 0)
			for (buf_addch(out, '\n'), j = 0; j < col; j++)
				buf_addch(out, ' ');
		buf_add(out, text + wl.v[i].off, wl.v[i].len);
	}
	width_lines_free(&wl);
}

/* One line per command with keys: keys, help, [bind name], wrapped to width (0: not). */
void
ui_keys_describe(const struct ui_keys *k, size_t width, struct buf *out)
{
	struct buf names = BUF_INIT, text = BUF_INIT;
	int c;

	buf_init(&names);
	buf_init(&text);
	for (c = 0; c < UI_NCMDS; c++) {
		size_t w;

		buf_setlen(&names, 0);
		key_list(k, (enum ui_cmd)c, &names);
		if (names.len == 0)
			continue;
		buf_puts(out, "  ");
		buf_puts(out, names.buf);
		w = width_of(names.buf, names.len);
		do
			buf_addch(out, ' ');
		while (++w < 24);
		buf_setlen(&text, 0);
		buf_printf(&text, "%s [%s]", ui_cmd_help((enum ui_cmd)c), ui_cmd_name((enum ui_cmd)c));
		/* the bind name whole: the help wraps under its column when the line is short */
		if (width >= w + 2 + UI_KEYS_WRAP_MIN)
			wrap_at(out, text.buf, text.len, w + 2, width);
		else
			buf_add(out, text.buf, text.len);
		buf_addch(out, '\n');
	}
	buf_free(&names);
	buf_free(&text);
}

/* A key while a prompt is open. */
static unsigned
prompt_key(struct ui_state *st, int key)
{
	enum ui_prompt_kind pr = st->prompt.kind;
	unsigned a = ui_prompt_key(st, key);

	/* Enter on a search opens the match; the papers passed while typing are not */
	if (pr == UI_PROMPT_SEARCH && st->prompt.kind == UI_PROMPT_NONE && st->search.active)
		ui_marks_opened(st);
	return a;
}

/* Look the key up in the table and carry out its command. */
unsigned
ui_keys_handle(struct ui_state *st, int key)
{
	struct buf name = BUF_INIT;
	size_t i, before = ui_list_index(st);
	unsigned gen = st->lib_gen;
	enum ui_pane focus = st->nav.focus;

	if (key == KEYNAME_RESIZE)
		return UI_ACT_REDRAW;
	ui_state_clear_status(st);
	st->marks.quit_armed = st->marks.quit_asked;	/* only the very next key answers q's question */
	st->marks.quit_asked = 0;
	ui_act_clear(st);
	st->keys.pressed = key;
	if (st->prompt.kind != UI_PROMPT_NONE && !st->help.open)
		return prompt_key(st, key);
	for (i = 0; i < st->keys.n; i++)
		if (st->keys.v[i].key == key) {
			enum ui_cmd c = st->keys.v[i].cmd;
			unsigned a = ui_cmd_run(st, c) | UI_ACT_REDRAW;

			if (!st->help.open)
				ui_marks_after(st, before, gen, focus, (ui_cmd_flags(c) & UI_CMDF_NAV) != 0);
			return a;
		}
	buf_init(&name);
	keyname_print(&name, key, KEYNAME_SHOWN);
	ui_state_message(st, "unknown key %s (? shows the keys)", name.buf);
	buf_free(&name);
	return UI_ACT_REDRAW;
}
