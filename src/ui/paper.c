/* ui/paper.c: the selected paper's summary and links (see ui/paper.h). */
#include "ui/paper.h"

#include <stdlib.h>
#include <string.h>

#include "model/lib.h"
#include "store/store.h"
#include "ui/state.h"

/* Start empty, with a preferred language. */
void
ui_paper_init(struct ui_paper *pp, const char *lang)
{
	memset(pp, 0, sizeof *pp);
	pp->lang = lang ? xstrdup(lang) : NULL;
	ui_sumview_init(&pp->sv);
}

/* Keep a copy of the library directory for the empty library's screen. */
void
ui_paper_set_libdir(struct ui_paper *pp, const char *dir)
{
	free(pp->libdir);
	pp->libdir = dir ? xstrdup(dir) : NULL;
	pp->sv.libdir = pp->libdir;
	ui_sumview_invalidate(&pp->sv);
}

/* Forget the link list. */
static void
free_links(struct ui_paper *pp)
{
	size_t i;

	for (i = 0; i < sizeof pp->own / sizeof pp->own[0]; i++) {
		free(pp->own[i]);
		pp->own[i] = NULL;
	}
	free(pp->links);
	pp->links = NULL;
	pp->nlinks = 0;
}

/* Forget the paper read in full. */
static void
drop_full(struct ui_paper *pp)
{
	lib_free(pp->full);
	pp->full = NULL;
	ui_sumview_invalidate(&pp->sv);	/* it may point into it */
}

/* Free everything. */
void
ui_paper_free(struct ui_paper *pp)
{
	drop_full(pp);
	store_close(pp->store);
	free_links(pp);
	free(pp->lang);
	free(pp->pub);
	free(pp->libdir);
	ui_sumview_free(&pp->sv);
	memset(pp, 0, sizeof *pp);
}

/* The paper read in full when it is p (by key), else NULL. */
static const struct paper *
full_of(const struct ui_paper *pp, const struct paper *p)
{
	const struct paper *f = pp->full && lib_npapers(pp->full) == 1 ? lib_paper(pp->full, 0) : NULL;

	return f && p && p->key && f->key && strcmp(f->key, p->key) == 0 ? f : NULL;
}

/* Paper p in full when it was read so, else p. */
const struct paper *
ui_paper_full(const struct ui_state *st, const struct paper *p)
{
	const struct paper *f = full_of(&st->paper, p);

	return f ? f : p;
}

/* The library of the selected paper as ui_list_paper gives it. */
const struct lib *
ui_paper_lib(const struct ui_state *st)
{
	size_t i = ui_list_index(st);

	if (i != SIZE_MAX && full_of(&st->paper, lib_paper(st->lib, i)))
		return st->paper.full;
	return st->lib;
}

/* The store a light library's papers are read from, or NULL. */
struct store *
ui_paper_store(const struct ui_state *st)
{
	return st->paper.store ? st->paper.store : st->search.store;
}

/* Read a light library's papers from s. */
void
ui_paper_set_store(struct ui_state *st, struct store *s)
{
	drop_full(&st->paper);
	store_close(st->paper.store);
	st->paper.store = s;
}

/*
 * Read the selected paper of a light library in full from the store,
 * unless it is read already; when it cannot be, the paper shows what the
 * library holds and the status line says why.
 */
static void
fetch_full(struct ui_state *st)
{
	struct ui_paper *pp = &st->paper;
	size_t i = ui_list_index(st);
	const struct paper *p = i == SIZE_MAX ? NULL : lib_paper(st->lib, i);
	struct buf msg = BUF_INIT;
	struct store *s;

	if (p && full_of(pp, p))
		return;
	drop_full(pp);
	if (p == NULL || p->key == NULL || !lib_is_light(st->lib) || (s = ui_paper_store(st)) == NULL)
		return;
	buf_init(&msg);
	pp->full = store_lib_paper(s, p->key, &msg);
	if (!full_of(pp, p)) {
		drop_full(pp);
		ui_state_message(st, "cannot show the paper's summary: %s",
		    msg.len ? msg.buf : "it is not in the store");
	}
	buf_free(&msg);
}

/* Where a paper goes in a list, by key. */
struct keyed {
	const char *key;
	size_t at;
};

/* qsort and bsearch comparison of struct keyed by key. */
static int
keyed_cmp(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

/* Put each paper of full at its key's place in v (by[0..n) sorted); how many were placed. */
static size_t
place_full(const struct lib *full, const struct keyed *by, size_t n, const struct paper **v)
{
	size_t i, placed = 0;

	for (i = 0; i < lib_npapers(full); i++) {
		struct keyed k = { lib_paper(full, i)->key, 0 };
		const struct keyed *at = k.key ? bsearch(&k, by, n, sizeof *by, keyed_cmp) : NULL;

		if (at) {
			v[at->at] = lib_paper(full, i);
			placed++;
		}
	}
	return placed;
}

/* Papers v[0..n) of a light library in full, in place. */
int
ui_paper_full_list(const struct ui_state *st, const struct paper **v, size_t n, struct lib **full,
    struct buf *msg)
{
	struct keyed *by;
	const char **keys;
	size_t i;
	int rc = 0;

	*full = NULL;
	if (!lib_is_light(st->lib) || n == 0)
		return 0;
	if (ui_paper_store(st) == NULL) {
		buf_puts(msg, "the library store is not open");
		return -1;
	}
	by = xcalloc(n, sizeof *by);
	keys = xcalloc(n, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i] = by[i].key = v[i]->key ? v[i]->key : "";
		by[i].at = i;
	}
	qsort(by, n, sizeof *by, keyed_cmp);
	*full = store_lib_keys(ui_paper_store(st), keys, n, msg);
	if (*full == NULL || place_full(*full, by, n, v) != n) {
		if (*full && msg->len == 0)
			buf_puts(msg, "the library store does not hold every paper");
		lib_free(*full);
		*full = NULL;
		rc = -1;
	}
	free(keys);
	free(by);
	return rc;
}

/* The library is about to go: nothing may point into it. */
void
ui_paper_drop(struct ui_state *st)
{
	drop_full(&st->paper);
	free_links(&st->paper);
	ui_act_clear(st);
	ui_sumview_invalidate(&st->paper.sv);
}

/* True when link l has kind k and names arXiv paper id. */
static int
link_is(const struct link *l, enum link_kind k, const char *id)
{
	struct buf b = BUF_INIT;
	int same;

	if (l->kind != k || l->url == NULL)
		return 0;
	buf_init(&b);
	same = link_arxiv_id(&b, l->url, strlen(l->url)) && strcmp(b.buf, id) == 0;
	buf_free(&b);
	return same;
}

/*
 * The selected paper's links, then, when its arXiv id is known and no
 * link already gives them, its arXiv page, PDF and Hugging Face page; all
 * in the model's fixed order (link_order), so arXiv is 1, PDF 2 and
 * Hugging Face 3 on every paper that has them, thumbnails last.
 */
static void
build_links(struct ui_state *st)
{
	static const struct {
		enum link_kind kind;
		const char *pre;
	} by_id[] = {
		{ LINK_ARXIV, "https://arxiv.org/abs/" },
		{ LINK_PDF, "https://arxiv.org/pdf/" },
		{ LINK_HUGGINGFACE, "https://huggingface.co/papers/" },
	};
	const struct paper *p = ui_list_paper(st);
	struct ui_paper *pp = &st->paper;
	size_t i, k, n;

	free_links(pp);
	ui_act_clear(st);
	if (!p)
		return;
	pp->links = xcalloc(p->nlinks + 3, sizeof *pp->links);
	for (i = 0; i < p->nlinks; i++)
		pp->links[pp->nlinks++] = p->links[i];
	for (k = 0; p->id && k < sizeof by_id / sizeof by_id[0]; k++) {
		struct buf url = BUF_INIT;

		for (i = 0, n = pp->nlinks; i < n; i++)
			if (link_is(&pp->links[i], by_id[k].kind, p->id))
				break;
		if (i < n)
			continue;
		buf_init(&url);
		buf_printf(&url, "%s%s", by_id[k].pre, p->id);
		pp->own[k] = buf_detach(&url, NULL);
		pp->links[pp->nlinks].kind = by_id[k].kind;
		pp->links[pp->nlinks].url = pp->own[k];
		pp->nlinks++;
	}
	link_order(pp->links, pp->nlinks);
}

/*
 * The summary to show first: in the chosen language (lib_summary_for),
 * from the chosen publisher when it has a version in that language.
 */
static size_t
pick_sum(const struct paper *p, const char *lang, const char *pub)
{
	size_t i = lib_summary_for(p, lang), k;

	for (k = 0; pub && k < p->nsums; k++)
		if (p->sums[k].lang && p->sums[i].lang && strcmp(p->sums[k].lang, p->sums[i].lang) == 0 &&
		    p->sums[k].publisher && strcmp(p->sums[k].publisher, pub) == 0)
			return k;
	return i;
}

/* A paper was selected: preferred language, top of summary, first link. */
void
ui_paper_reset(struct ui_state *st)
{
	struct ui_paper *pp = &st->paper;
	const struct paper *p;

	pp->link = 0;
	pp->sum = 0;
	pp->sum_top = 0;
	pp->sv.all_authors = 0;	/* a new paper: its long author list collapsed */
	ui_nav_unscroll(st, UI_LINKS);
	fetch_full(st);
	build_links(st);
	p = ui_list_paper(st);
	if (p)
		pp->sum = pick_sum(p, pp->lang, pp->pub);
}

/* The same paper again: its links rebuilt, what was shown of it kept. */
void
ui_paper_keep(struct ui_state *st)
{
	struct ui_paper *pp = &st->paper;
	size_t link = pp->link, sum = pp->sum, top = pp->sum_top;
	int all = pp->sv.all_authors;

	ui_paper_reset(st);
	pp->sv.all_authors = all;
	pp->link = link;
	pp->sum = sum;
	pp->sum_top = top;
}

/* A new store: the selected paper of a light library read from it, shown as it was. */
void
ui_paper_refetch(struct ui_state *st)
{
	struct ui_paper *pp = &st->paper;
	size_t link = pp->link, top = pp->sum_top;

	if (!lib_is_light(st->lib))
		return;
	drop_full(pp);
	ui_paper_reset(st);
	ui_paper_restore(st, link, top);
}

/* After a reload found the paper again: its link and scroll as they were. */
void
ui_paper_restore(struct ui_state *st, size_t link, size_t top)
{
	struct ui_paper *pp = &st->paper;

	pp->link = link < pp->nlinks ? link : (pp->nlinks ? pp->nlinks - 1 : 0);
	pp->sum_top = top;
}

/* Greatest first line of the summary that still fills the pane. */
static size_t
sum_max_top(const struct ui_state *st)
{
	size_t rows = st->nav.rows[UI_SUMMARY];

	return st->paper.sum_lines > rows ? st->paper.sum_lines - rows : 0;
}

/* Lay out the summary for the Summary pane's width; clamp the scrolling. */
void
ui_paper_fit(struct ui_state *st, const struct ui_layout *l)
{
	struct ui_paper *pp = &st->paper;
	struct ui_rect in = ui_layout_inner(l->pane[UI_SUMMARY]);

	if (in.w > 0) {
		pp->sv.loading = st->load.running;
		ui_sumview_build(&pp->sv, ui_paper_lib(st), ui_list_paper(st), pp->sum, in.w);
		pp->sum_lines = pp->sv.n;
	}
	if (pp->sum_top > sum_max_top(st))
		pp->sum_top = sum_max_top(st);
}

/* Scroll the summary. */
void
ui_paper_scroll(struct ui_state *st, long delta)
{
	st->paper.sum_top = ui_nav_step(st->paper.sum_top, delta, sum_max_top(st) + 1);
}

/* Move the link selection. */
void
ui_paper_move_link(struct ui_state *st, long delta)
{
	st->paper.link = ui_nav_step(st->paper.link, delta, st->paper.nlinks);
}

/* Select a link by number. */
void
ui_paper_pick_link(struct ui_state *st, size_t i)
{
	if (i < st->paper.nlinks)
		st->paper.link = i;
}

/* The selected link, or NULL. */
const struct link *
ui_paper_link(const struct ui_state *st)
{
	return st->paper.link < st->paper.nlinks ? &st->paper.links[st->paper.link] : NULL;
}

/* The paper's arXiv page: the abs link of its id, else its first arXiv link. */
const struct link *
ui_paper_arxiv(const struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);
	const struct ui_paper *pp = &st->paper;
	size_t i;

	for (i = 0; p && p->id && i < pp->nlinks; i++)
		if (link_is(&pp->links[i], LINK_ARXIV, p->id))
			return &pp->links[i];
	for (i = 0; i < pp->nlinks; i++)
		if (pp->links[i].kind == LINK_ARXIV)
			return &pp->links[i];
	return NULL;
}

/* Append the arXiv page of any paper p: by its id, else its first arXiv link; 0 when none. */
int
ui_paper_arxiv_url(const struct paper *p, struct buf *out)
{
	size_t i;

	if (p->id) {
		buf_printf(out, "https://arxiv.org/abs/%s", p->id);
		return 1;
	}
	for (i = 0; i < p->nlinks; i++)
		if (p->links[i].kind == LINK_ARXIV && p->links[i].url) {
			buf_puts(out, p->links[i].url);
			return 1;
		}
	return 0;
}

/* Who published summary s: the publisher from its file's path, else its format. */
static const char *
publisher(const struct summary *s)
{
	if (s->publisher)
		return s->publisher;
	return s->source ? s->source : "?";
}

/* True when summaries a and b are in the same language (an unknown one is its own). */
static int
same_lang(const struct summary *a, const struct summary *b)
{
	if (a->lang == NULL || b->lang == NULL)
		return a == b;
	return strcmp(a->lang, b->lang) == 0;
}

/* The number of versions of summary i's language in p, and which of them i is (*rank, from 1). */
static size_t
versions(const struct paper *p, size_t i, size_t *rank)
{
	size_t k, n = 0;

	*rank = 1;
	for (k = 0; k < p->nsums; k++)
		if (same_lang(&p->sums[k], &p->sums[i])) {
			n++;
			if (k == i)
				*rank = n;
		}
	return n;
}

/* Append the name of the shown summary: "en from gabrielchua", "ko from ko-digest, 2 of 3". */
void
ui_paper_sum_name(const struct ui_state *st, struct buf *out)
{
	const struct paper *p = ui_list_paper(st);
	const struct summary *s;
	size_t sum = st->paper.sum, n, rank;

	if (!p || p->nsums == 0)
		return;
	if (sum >= p->nsums)
		sum = 0;
	s = &p->sums[sum];
	buf_puts(out, s->lang ? s->lang : "?");
	if (s->name)		/* "ai_summary", "translation", "AI" */
		buf_printf(out, " %s", s->name);
	buf_printf(out, " from %s", publisher(s));
	n = versions(p, sum, &rank);
	if (n > 1)
		buf_printf(out, ", %zu of %zu", rank, n);
}

/* Title for lists: the title, else the beginning of the first summary. */
const char *
ui_paper_label(const struct paper *p)
{
	if (p->title && *p->title)
		return p->title;
	if (p->nsums && p->sums[0].text && *p->sums[0].text)
		return p->sums[0].text;
	return "(untitled)";
}

/* Show summary i of the selected paper from its top. */
void
ui_paper_show_sum(struct ui_state *st, size_t i)
{
	st->paper.sum = i;
	st->paper.sum_top = 0;
}

/* True when no summary before summary k of p is in its language. */
static int
first_of_lang(const struct paper *p, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (same_lang(&p->sums[j], &p->sums[k]))
			return 0;
	return 1;
}

/* The number of languages of p, and the rank (from 1) of summary i's language among them. */
static size_t
languages(const struct paper *p, size_t i, size_t *rank)
{
	size_t k, n = 0;

	*rank = 1;
	for (k = 0; k < p->nsums; k++)
		if (first_of_lang(p, k)) {
			n++;
			if (same_lang(&p->sums[k], &p->sums[i]))
				*rank = n;
		}
	return n;
}

/* The first summary of p in its want-th language (from 1). */
static size_t
lang_first(const struct paper *p, size_t want)
{
	size_t k, n = 0;

	for (k = 0; k < p->nsums; k++)
		if (first_of_lang(p, k) && ++n == want)
			return k;
	return 0;
}

/* t: the first summary of the paper's next language; that language becomes the chosen one. */
unsigned
ui_paper_lang(struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);
	struct ui_paper *pp = &st->paper;
	size_t i, n, rank, cur;

	if (!p || p->nsums == 0) {
		ui_state_message(st, "this paper has no summary");
		return UI_ACT_REDRAW;
	}
	cur = pp->sum < p->nsums ? pp->sum : 0;
	n = languages(p, cur, &rank);
	if (n < 2) {
		ui_state_message(st, versions(p, cur, &rank) > 1 ?
		    "no other language (T: the other versions)" : "no other language");
		return UI_ACT_REDRAW;
	}
	rank = rank % n + 1;
	i = lang_first(p, rank);
	ui_paper_show_sum(st, i);
	if (p->sums[i].lang) {
		free(pp->lang);
		pp->lang = xstrdup(p->sums[i].lang);
	}
	free(pp->pub);
	pp->pub = NULL;
	ui_state_message(st, "language %zu of %zu", rank, n);
	return UI_ACT_REDRAW;
}

/* T: the next version of the shown summary's language (another publisher's); it stays chosen. */
unsigned
ui_paper_version(struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);
	struct ui_paper *pp = &st->paper;
	size_t k, i = 0, cur, rank;

	if (!p || p->nsums == 0) {
		ui_state_message(st, "this paper has no summary");
		return UI_ACT_REDRAW;
	}
	cur = pp->sum < p->nsums ? pp->sum : 0;
	if (versions(p, cur, &rank) < 2) {
		ui_state_message(st, "no other version in this language");
		return UI_ACT_REDRAW;
	}
	for (k = 1; k < p->nsums; k++) {
		i = (cur + k) % p->nsums;
		if (same_lang(&p->sums[i], &p->sums[cur]))
			break;
	}
	ui_paper_show_sum(st, i);
	free(pp->pub);
	pp->pub = xstrdup(publisher(&p->sums[i]));
	return UI_ACT_REDRAW;
}

/* a: show every author of the paper, or only the first ones again. */
unsigned
ui_paper_authors(struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);
	struct ui_paper *pp = &st->paper;

	if (!p || p->nauthors <= UI_SUMVIEW_AUTHORS) {
		ui_state_message(st, "every author is shown");
		return UI_ACT_REDRAW;
	}
	pp->sv.all_authors = !pp->sv.all_authors;
	if (pp->sv.all_authors)
		ui_state_message(st, "all %zu authors (a: the first %d)", p->nauthors,
		    UI_SUMVIEW_AUTHORS);
	else
		ui_state_message(st, "the first %d of %zu authors (a: all)", UI_SUMVIEW_AUTHORS,
		    p->nauthors);
	return UI_ACT_REDRAW;
}
