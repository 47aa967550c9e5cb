/* ui/state.c: the reader's state as a whole: start, reload, fit, free (see ui/state.h). */
#include "ui/state.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "marks/marks.h"
#include "settings/prefs.h"
#include "store/store.h"

/* Start the reader state on a library. */
void
ui_state_init(struct ui_state *st, struct lib *lib, const char *lang, const char *status)
{
	memset(st, 0, sizeof *st);
	st->lib = lib;
	buf_init(&st->status);
	ui_keys_init(&st->keys);
	ui_nav_init(&st->nav);
	ui_paper_init(&st->paper, lang);
	ui_marks_init(&st->marks);
	ui_prompt_init(&st->prompt);
	ui_search_init(st);
	ui_tags_init(&st->tags);
	ui_act_request_init(&st->req);
	ui_list_measure_days(st);
	ui_marks_load(st);
	ui_list_select_day(st, 0);	/* shown, not opened: starting reads nothing */
	if (lib_npapers(st->lib) == 0) {
		/* an empty library: its screen, how to get papers, fills the reader */
		ui_nav_focus(st, UI_SUMMARY);
		st->nav.zoom = 1;
	}
	if (status)
		ui_state_message(st, "%s", status);
}

/* Free everything, the library included. */
void
ui_state_free(struct ui_state *st)
{
	ui_paper_free(&st->paper);
	lib_free(st->lib);
	ui_marks_free(&st->marks);
	ui_list_free(&st->list);
	ui_keys_free(&st->keys);
	ui_search_free(&st->search);
	ui_tags_free(&st->tags);
	ui_act_clear(st);
	ui_prompt_free(&st->prompt);
	ui_fetch_free(&st->fetch);
	ui_load_free(&st->load);
	ui_act_request_free(&st->req);
	buf_free(&st->status);
	memset(st, 0, sizeof *st);
}

/* Apply the preferences: mark-read, mouse, bindings. */
void
ui_state_configure(struct ui_state *st, const struct prefs *p, struct buf *msgs)
{
	if (p == NULL)
		return;
	ui_marks_configure(st, p);
	ui_nav_set_mouse(st, p->mouse);
	ui_keys_configure(&st->keys, p, msgs);
}

/* Empty the status line but for the save error, which stays until the marks are saved. */
void
ui_state_clear_status(struct ui_state *st)
{
	buf_setlen(&st->status, 0);
	if (st->marks.save_err.len)
		buf_add(&st->status, st->marks.save_err.buf, st->marks.save_err.len);
}

/* Append a message to the status line, " | " after what it shows. */
static void
add_message(struct ui_state *st, const char *fmt, va_list ap)
{
	if (st->status.len)
		buf_puts(&st->status, " | ");
	buf_vprintf(&st->status, fmt, ap);
	st->nsaid++;
}

/* Set the status message (after the save error, if any). */
void
ui_state_message(struct ui_state *st, const char *fmt, ...)
{
	va_list ap;

	ui_state_clear_status(st);
	va_start(ap, fmt);
	add_message(st, fmt, ap);
	va_end(ap);
}

/* Add a message after the one shown. */
void
ui_state_message_after(struct ui_state *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_message(st, fmt, ap);
	va_end(ap);
}

/* Strings remembered across a reload. */
struct saved {
	char *day, *cat, *paper;
	size_t link, sum_top;
	enum ui_pane focus;
};

/* Copy the selection's names and key before the library goes. */
static void
save_selection(const struct ui_state *st, struct saved *sv)
{
	const struct day *d = ui_list_day(st);
	const struct paper *p = ui_list_paper(st);
	const struct ui_list *l = &st->list;

	memset(sv, 0, sizeof *sv);
	sv->day = d && d->label ? xstrdup(d->label) : NULL;
	sv->cat = l->cat > 0 && l->cat <= l->ncats ? xstrdup(l->cats[l->cat - 1].name) : NULL;
	sv->paper = p && p->key ? xstrdup(p->key) : NULL;
	sv->link = st->paper.link;
	sv->sum_top = st->paper.sum_top;
	sv->focus = st->nav.focus;
}

/* Select what sv remembers in the new library, by day label, category name and paper key. */
static void
restore_selection(struct ui_state *st, const struct saved *sv)
{
	size_t i, d = 0;
	long found = sv->day ? lib_day_find(st->lib, sv->day) : -1;

	if (found >= 0)
		d = (size_t)found;
	ui_list_select_day(st, d);	/* a window may read the day in its place: st->lib from here */
	for (i = 0; sv->cat && i < st->list.ncats; i++)
		if (strcmp(st->list.cats[i].name, sv->cat) == 0) {
			ui_list_select_cat(st, i + 1);
			break;
		}
	for (i = 0; sv->paper && i < st->list.n; i++) {
		const char *key = lib_paper(st->lib, st->list.v[i])->key;

		if (key && strcmp(key, sv->paper) == 0) {
			ui_list_select_paper(st, i);
			ui_paper_restore(st, sv->link, sv->sum_top);
			break;
		}
	}
	ui_nav_focus(st, sv->focus);
}

/*
 * Put lib (taken) in the old library's place, with what depends on its
 * indices: the search, the tags (by key), the results view, the marks.
 * The lists and the selection are the caller's to rebuild.
 */
static void
swap_lib(struct ui_state *st, struct lib *lib)
{
	size_t ntags;
	char **tags = ui_tags_keys(st, &ntags), *last;

	ui_marks_unlib(st, &last);
	ui_paper_drop(st);
	lib_free(st->lib);
	st->lib = lib;
	st->lib_gen++;
	ui_list_measure_days(st);
	ui_search_relib(st);
	ui_tags_restore(st, tags, ntags);	/* tags are kept by paper key */
	ui_list_refind(st);		/* the results view's papers, in the new library */
	/* this session's marks are in the store: read them for the new papers */
	ui_marks_load(st);
	ui_marks_relib(st, last);
}

/* The whole light library from the store, or NULL (said on the status line). */
static struct lib *
read_whole(struct ui_state *st)
{
	struct buf msg = BUF_INIT;
	struct lib *lib = store_lib_light(ui_paper_store(st), NULL, &msg);

	if (lib == NULL)
		ui_state_message(st, "the other days cannot be read: %s", buf_str(&msg));
	buf_free(&msg);
	return lib;
}

/*
 * The window on the day label from the store, holding the tagged papers
 * too and, with starred, the starred ones: what the days view, the tags
 * and the starred view show.  NULL with msg.
 */
static struct lib *
read_window(struct ui_state *st, const char *label, int starred, struct buf *msg)
{
	size_t nt, ns = 0, i;
	char **tags = ui_tags_keys(st, &nt);
	const char **stars = NULL, **keys;
	struct lib *lib;

	if (starred)
		ns = marks_keys(st->marks.store, MARKS_STARRED, &stars);
	keys = xcalloc(nt + ns + 1, sizeof *keys);
	for (i = 0; i < nt; i++)
		keys[i] = tags[i];
	for (i = 0; i < ns; i++)
		keys[nt + i] = stars[i];
	lib = store_lib_window_with(ui_paper_store(st), label, keys, nt + ns, msg);
	for (i = 0; i < nt; i++)
		free(tags[i]);
	free(tags);
	free(stars);
	free(keys);
	return lib;
}

/*
 * What a library that holds only some days (lib_whole false) must be
 * made for what the reader shows: the whole library for the results view
 * or a search the index does not answer by rank (not wide), else a
 * window on the day label holding the tagged papers, and the starred
 * ones in the starred view (when lib does not hold them already).
 * Returns lib, or what replaced it (lib freed).
 */
static struct lib *
fit_lib(struct ui_state *st, struct lib *lib, const char *label)
{
	struct store *s = ui_paper_store(st);
	struct lib *other = NULL;
	struct buf msg = BUF_INIT;
	long d;

	if (lib_whole(lib) || s == NULL)
		return lib;
	if (st->list.view == UI_VIEW_RESULTS || (st->search.active && !st->search.wide))
		other = store_lib_light(s, NULL, &msg);
	else if (st->list.view == UI_VIEW_STARRED || st->tags.n ||
	    ((d = lib_day_find(lib, label)) >= 0 && !lib_day_held(lib_day(lib, (size_t)d))))
		other = read_window(st, label, st->list.view == UI_VIEW_STARRED, &msg);
	buf_free(&msg);
	if (other == NULL)
		return lib;
	lib_free(lib);
	return other;
}

/* Swap in lib (made fit for what is shown when fit is set: fit_lib) and restore the selection. */
static void
replace(struct ui_state *st, struct lib *lib, int fit)
{
	struct saved sv;
	int was_empty = lib_npapers(st->lib) == 0;

	save_selection(st, &sv);
	buf_setlen(&st->search.ixq, 0);	/* another store's state, maybe: the index asked again */
	if (fit)
		lib = fit_lib(st, lib, sv.day);
	swap_lib(st, lib);
	restore_selection(st, &sv);	/* which may read another window */
	if (was_empty && lib_npapers(st->lib) > 0) {
		/* papers at last (a fetch, a reload): the lists, not the empty screen */
		st->nav.zoom = 0;
		ui_nav_focus(st, UI_PAPERS);
	}
	free(sv.day);
	free(sv.cat);
	free(sv.paper);
}

/* Swap in a new library and restore the selection by day label, category and paper key. */
void
ui_state_replace_lib(struct ui_state *st, struct lib *lib)
{
	replace(st, lib, 1);
}

/* Hold day d's papers: a window on it from the store when the library does not (see state.h). */
int
ui_state_hold_day(struct ui_state *st, size_t d)
{
	const struct day *day = lib_day(st->lib, d);
	struct buf msg = BUF_INIT;
	struct lib *lib;

	if (lib_day_held(day) || ui_paper_store(st) == NULL)
		return 0;
	lib = read_window(st, day->label, 0, &msg);	/* the tagged papers stay */
	if (lib == NULL)
		ui_state_message(st, "%s cannot be read: %s", day->label, buf_str(&msg));
	else
		swap_lib(st, lib);
	buf_free(&msg);
	return lib != NULL;
}

/* Hold the starred papers of every day: a window holding them (see state.h). */
int
ui_state_hold_starred(struct ui_state *st)
{
	const struct day *day = ui_list_day(st);
	struct buf msg = BUF_INIT;
	struct lib *lib;

	if (lib_whole(st->lib) || ui_paper_store(st) == NULL)
		return 0;
	lib = read_window(st, day ? day->label : NULL, 1, &msg);
	if (lib == NULL)
		ui_state_message(st, "the starred papers cannot be read: %s", buf_str(&msg));
	else
		replace(st, lib, 0);	/* what it holds is what is shown: nothing to fit */
	buf_free(&msg);
	return lib != NULL;
}

/* Hold every paper: the whole light library from the store (see state.h). */
int
ui_state_need_whole(struct ui_state *st)
{
	struct lib *lib;

	if (lib_whole(st->lib) || ui_paper_store(st) == NULL || (lib = read_whole(st)) == NULL)
		return 0;
	ui_state_replace_lib(st, lib);
	return 1;
}

/* Remember pane sizes, lay out the summary and keep selections visible. */
void
ui_state_fit(struct ui_state *st, const struct ui_layout *l)
{
	ui_nav_fit(st, l);
	ui_marks_count_days(st, st->nav.top[UI_DAYS], st->nav.rows[UI_DAYS]);	/* the days shown */
	ui_paper_fit(st, l);
	ui_help_fit(st, l);
}

/* Append "paper 3/23 | 2 tagged | 2025-05-06", then "| en from timlrx" when the Summary pane is not shown. */
void
ui_state_position(const struct ui_state *st, struct buf *out)
{
	const struct day *d = ui_list_day(st);
	const struct ui_list *l = &st->list;
	size_t start = out->len, before;

	if (l->n)
		buf_printf(out, "paper %zu/%zu", l->sel + 1, l->n);
	else if (l->total == 0)
		buf_puts(out, "no papers");	/* else "0 of 6 shown" below says it */
	if (st->tags.n)
		buf_printf(out, "%s%zu tagged", out->len > start ? " | " : "", st->tags.n);
	if (l->view == UI_VIEW_DAYS && d && d->label)
		buf_printf(out, "%s%s", out->len > start ? " | " : "", d->label);
	if (l->cat > 0 && l->cat <= l->ncats)
		buf_printf(out, "%s%s", out->len > start ? " | " : "", l->cats[l->cat - 1].name);
	before = out->len;
	if (out->len > start)
		buf_puts(out, " | ");
	ui_list_filters(st, out);
	if (out->len == before + 3)
		buf_setlen(out, before);
	/* the summary's name, when no Summary pane title says it already */
	if (ui_layout_boxed(st->nav.layout.pane[UI_SUMMARY]))
		return;
	buf_puts(out, " | ");
	before = out->len;
	ui_paper_sum_name(st, out);
	if (out->len == before)
		buf_setlen(out, before - 3);
}
