/* ui/tags.c: tagging papers and acting on the tagged ones (see ui/tags.h). */
#include "ui/tags.h"

#include <stdlib.h>
#include <string.h>

#include "model/lib.h"
#include "settings/keyname.h"
#include "ui/state.h"

/* No tags. */
void
ui_tags_init(struct ui_tags *t)
{
	memset(t, 0, sizeof *t);
}

/* Free. */
void
ui_tags_free(struct ui_tags *t)
{
	free(t->on);
	memset(t, 0, sizeof *t);
}

/* True when paper i is tagged. */
int
ui_tags_has(const struct ui_state *st, size_t i)
{
	return st->tags.on && i < lib_npapers(st->lib) && st->tags.on[i];
}

/* Tag or untag paper i. */
void
ui_tags_set(struct ui_state *st, size_t i, int on)
{
	struct ui_tags *t = &st->tags;
	size_t n = lib_npapers(st->lib);

	if (i >= n || ui_tags_has(st, i) == !!on)
		return;
	if (!t->on)
		t->on = xcalloc(n, 1);
	t->on[i] = on != 0;
	if (on)
		t->n++;
	else
		t->n--;
}

/* The tagged papers' keys (see ui/tags.h). */
char **
ui_tags_keys(const struct ui_state *st, size_t *n)
{
	size_t np = lib_npapers(st->lib), i;
	char **keys = xcalloc(st->tags.n ? st->tags.n : 1, sizeof *keys);

	*n = 0;
	for (i = 0; i < np && *n < st->tags.n; i++)
		if (ui_tags_has(st, i) && lib_paper(st->lib, i)->key)
			keys[(*n)++] = xstrdup(lib_paper(st->lib, i)->key);
	return keys;
}

/* qsort and bsearch comparison of key strings. */
static int
cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Tag again the papers of the new library whose keys were tagged; free keys. */
void
ui_tags_restore(struct ui_state *st, char **keys, size_t n)
{
	size_t np = lib_npapers(st->lib), i;

	ui_tags_free(&st->tags);
	qsort(keys, n, sizeof *keys, cmp_key);
	for (i = 0; n && i < np; i++) {
		const char *key = lib_paper(st->lib, i)->key;

		if (key && bsearch(&key, keys, n, sizeof *keys, cmp_key))
			ui_tags_set(st, i, 1);
	}
	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* The tagged papers' lib indices. */
size_t
ui_tags_indices(const struct ui_state *st, uint32_t **v)
{
	size_t np = lib_npapers(st->lib), i, k = 0;

	*v = xcalloc(st->tags.n ? st->tags.n : 1, sizeof **v);
	for (i = 0; i < np && k < st->tags.n; i++)
		if (ui_tags_has(st, i))
			(*v)[k++] = (uint32_t)i;
	return k;
}

/* The tagged papers. */
size_t
ui_tags_papers(const struct ui_state *st, const struct paper ***v)
{
	uint32_t *ix;
	size_t n = ui_tags_indices(st, &ix), i;

	*v = xcalloc(n ? n : 1, sizeof **v);
	for (i = 0; i < n; i++)
		(*v)[i] = lib_paper(st->lib, ix[i]);
	free(ix);
	return n;
}

/* The plural ending of "paper" for n papers in messages. */
static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* x: tag or untag the selected paper, then go to the next one (neomutt). */
unsigned
ui_tags_toggle(struct ui_state *st)
{
	size_t i = ui_list_index(st);
	int on;

	if (i == SIZE_MAX) {
		ui_state_message(st, "no paper selected");
		return UI_ACT_REDRAW;
	}
	on = !ui_tags_has(st, i);
	ui_tags_set(st, i, on);
	ui_list_pick_paper(st, st->list.sel + 1);
	/* the position says "N tagged": say only what ; does with them */
	ui_state_message(st, "%s (; then s, u, o or E acts on the tagged)", on ? "tagged" : "untagged");
	return UI_ACT_REDRAW;
}

/* X: untag every paper. */
unsigned
ui_tags_clear(struct ui_state *st)
{
	size_t n = st->tags.n;

	ui_tags_free(&st->tags);
	if (n)
		ui_state_message(st, "untagged %zu paper%s", n, plural(n));
	else
		ui_state_message(st, "no tagged papers");
	return UI_ACT_REDRAW;
}

/* ;: the next command acts on the tagged papers. */
unsigned
ui_tags_prefix(struct ui_state *st)
{
	if (st->tags.n == 0) {
		ui_state_message(st, "no tagged papers (x tags the selected one)");
		return UI_ACT_REDRAW;
	}
	return ui_prompt_open(st, UI_PROMPT_TAGGED);
}

/* ; s: star the tagged papers, or unstar them when every one is starred. */
static unsigned
tagged_mark(struct ui_state *st, enum marks_field f)
{
	uint32_t *v;
	size_t n = ui_tags_indices(st, &v), i, k;
	const unsigned char *m = f == MARKS_READ ? st->marks.read : st->marks.star;
	int on = 0;

	for (i = 0; i < n && !on; i++)
		on = !m[v[i]];
	k = ui_marks_set_many(st, v, n, f, on);
	free(v);
	if (f == MARKS_STARRED && st->list.view == UI_VIEW_STARRED)
		ui_list_relist(st);	/* the Starred view shows what is starred */
	if (f == MARKS_STARRED)
		ui_state_message(st, "%s %zu tagged paper%s (%zu starred)", on ? "starred" : "unstarred",
		    k, plural(k), st->marks.nstarred);
	else
		ui_state_message(st, "marked %zu tagged paper%s %s", k, plural(k), on ? "read" : "unread");
	return UI_ACT_REDRAW;
}

/* Put the tagged papers' arXiv pages (of those that have one) in req.urls; their number. */
static size_t
collect_urls(struct ui_state *st)
{
	const struct paper **v;
	size_t n = ui_tags_papers(st, &v), i;
	struct lib *full = NULL;
	struct buf msg = BUF_INIT;

	ui_act_clear(st);
	buf_init(&msg);
	if (ui_paper_full_list(st, v, n, &full, &msg) < 0)	/* a light library keeps no links */
		ui_state_message(st, "some arXiv pages are not known: %s", msg.buf);
	buf_free(&msg);
	for (i = 0; i < n; i++) {
		struct buf url = BUF_INIT;

		buf_init(&url);
		if (ui_paper_arxiv_url(v[i], &url)) {
			ALLOC_GROW(st->req.urls, st->req.nurls + 1, st->req.aurls);
			st->req.urls[st->req.nurls++] = buf_detach(&url, NULL);
		}
		buf_free(&url);
	}
	lib_free(full);
	free(v);
	return st->req.nurls;
}

/* Ask the loop to open the tagged papers' arXiv pages. */
static unsigned
open_tagged(struct ui_state *st)
{
	if (collect_urls(st) == 0) {
		ui_state_message(st, "no arXiv page for the tagged papers");
		return UI_ACT_REDRAW;
	}
	return UI_ACT_OPEN_MANY | UI_ACT_REDRAW;
}

/* ; o: open the tagged papers' arXiv pages, asking first when there are many. */
static unsigned
tagged_open(struct ui_state *st)
{
	size_t n = collect_urls(st);

	if (n > UI_TAGS_OPEN_ASK) {
		ui_act_clear(st);	/* collected again after the answer */
		st->tags.ask = n;
		ui_state_message(st, "y opens them, any other key does not");
		return ui_prompt_open(st, UI_PROMPT_OPEN_TAGGED);
	}
	return open_tagged(st);
}

/* The command key is bound to, or -1. */
static int
bound(const struct ui_state *st, int key)
{
	size_t i;

	for (i = 0; i < st->keys.n; i++)
		if (st->keys.v[i].key == key)
			return (int)st->keys.v[i].cmd;
	return -1;
}

/* A key after ;: the tagged version of its command (see ui/tags.h). */
unsigned
ui_tags_prefix_key(struct ui_state *st, int key)
{
	int c = bound(st, key);

	ui_prompt_close(st);
	switch (c) {
	case UI_CMD_STAR:
		return tagged_mark(st, MARKS_STARRED);
	case UI_CMD_TOGGLE_READ:
		return tagged_mark(st, MARKS_READ);
	case UI_CMD_OPEN_ARXIV:
		return tagged_open(st);
	case UI_CMD_EXPORT:
		return ui_act_export(st);	/* with papers tagged, it exports them */
	case UI_CMD_TAG_CLEAR:
		return ui_tags_clear(st);
	default:
		break;
	}
	if (key == KEYNAME_ESC)
		ui_state_message(st, "cancelled");
	else
		ui_state_message(st, "; then s, u, o, E or X: that key does nothing to tagged papers");
	return UI_ACT_REDRAW;
}

/* A key at the question before opening many pages: y opens them. */
unsigned
ui_tags_open_key(struct ui_state *st, int key)
{
	ui_prompt_close(st);
	if (key == 'y' || key == 'Y')
		return open_tagged(st);
	ui_state_message(st, "nothing opened");
	return UI_ACT_REDRAW;
}
