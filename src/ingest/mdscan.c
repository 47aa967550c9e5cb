/* ingest/mdscan.c: paper links and paper sections of a markdown text (see mdscan.h). */
#include "ingest/mdscan.h"
#include "ingest/fields.h"
#include "ingest/lines.h"
#include "ingest/mdtext.h"
#include "ingest/rec.h"
#include "model/lib.h"

#include <string.h>

/* Copy the arXiv id of url into l->id; 0 when url is not a paper page. */
static int
paper_id(const char *url, size_t un, struct mdscan_link *l)
{
	size_t at, len = link_arxiv_id_span(url, un, &at);

	if (len == 0 || len >= MDSCAN_ID_MAX)
		return 0;
	memcpy(l->id, url + at, len);
	l->id[len] = '\0';
	return 1;
}

/* The next paper link at or after *i: markdown links first, then bare URLs outside them. */
int
mdscan_next_paper(const char *s, size_t n, size_t *i, struct mdscan_link *l)
{
	size_t j = *i, k;

	while (mdtext_next_link(s, n, &j, &l->text, &l->tn, &l->url, &l->un)) {
		/* [![badge](img)](url): a badge, not a paper of the digest */
		if (l->tn >= 2 && l->text[0] == '!' && l->text[1] == '[')
			continue;
		if (paper_id(l->url, l->un, l)) {
			*i = j;
			return 1;
		}
	}
	/* bare URLs: only on a line without markdown links to papers */
	for (k = *i; mdtext_next_url(s, n, &k, &l->url, &l->un);) {
		if (l->url > s && l->url[-1] == '(')
			continue;	/* the target of a markdown link */
		if (paper_id(l->url, l->un, l)) {
			l->text = "";
			l->tn = 0;
			*i = k;
			return 1;
		}
	}
	*i = n;
	return 0;
}

/* Offset of the first line with a paper link. */
size_t
mdscan_first_paper(const char *s, size_t n)
{
	struct lines it;
	struct mdscan_link l;
	const char *t;
	size_t tn, i;
	int code = 0;

	lines_init(&it, s, n, 1);
	while (lines_next(&it, &t, &tn)) {
		if (lines_starts(t, tn, "```"))
			code = !code;
		i = 0;
		if (!code && mdscan_next_paper(t, tn, &i, &l))
			return (size_t)(t - s);
	}
	return MDSCAN_NONE;
}

/* One open section of each heading level while scanning. */
struct sect {
	int open, nid, titled;
	size_t start;
	char id[MDSCAN_ID_MAX];
};

/* Counts per level of sections that hold one paper. */
struct tally {
	struct sect sec[7];
	size_t good[7], first[7];
	size_t named[7];		/* good sections named by a title field, not linked */
	char id[MDSCAN_ID_MAX];		/* the text's papers: the first, ... */
	int nid;			/* ... and how many (0, 1, 2 = more) */
	size_t h1;			/* offset of the first "# " heading, or MDSCAN_NONE */
	size_t mention;			/* the first mention outside a table, or MDSCAN_NONE */
};

/* Close the sections at levels from..6. */
static void
close_from(struct tally *t, int from)
{
	int lv;

	for (lv = from; lv <= 6; lv++) {
		struct sect *c = &t->sec[lv];

		if (c->open && (c->nid == 1 || (c->nid == 0 && c->titled))) {
			if (t->good[lv]++ == 0)
				t->first[lv] = c->start;
			t->named[lv] += c->nid == 0;
		}
		c->open = 0;
	}
}

/* Note paper id in every open section and in the whole text. */
static void
note_id(struct tally *t, const char *id)
{
	int lv;

	for (lv = 1; lv <= 6; lv++) {
		struct sect *c = &t->sec[lv];

		if (!c->open || c->nid == 2)
			continue;
		if (c->nid == 0)
			strcpy(c->id, id);
		if (c->nid == 0 || strcmp(c->id, id) != 0)
			c->nid++;
	}
	if (t->nid == 0)
		strcpy(t->id, id);
	if (t->nid == 0 || (t->nid == 1 && strcmp(t->id, id) != 0))
		t->nid++;
}

/*
 * The role of a "**Label**: value" or "Label: value" line ("**原文标题：**
 * ...", "- **arXiv ID**: 2602.12100"), or -1; the value in *v.
 */
static int
field_role(const char *s, size_t n, const char **v, size_t *vn)
{
	const char *lab;
	size_t ll, rest;
	const struct field *f;

	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		s += 2, n -= 2;
	if (rec_split_label(s, n, &lab, &ll, v, vn)) {
		f = fields_find(lab, ll);
	} else {
		f = fields_label(s, n, &ll, &rest);
		*v = f ? s + rest : s;
		*vn = f ? n - rest : 0;
	}
	return f ? (int)f->role : -1;
}

/* A bare new-style arXiv id ("2602.12100") in s: 1 with it in id. */
static int
bare_id(const char *s, size_t n, char id[MDSCAN_ID_MAX])
{
	size_t i = 0, k;

	lines_trim(&s, &n);
	for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k != 4 || k >= n || s[k] != '.')
		return 0;
	for (i = k + 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i - k - 1 < 4 || i - k - 1 > 5)
		return 0;
	memcpy(id, s, i);
	id[i] = '\0';
	return 1;
}

/* One line of the scan: a heading opens a section, links and title fields count in it. */
static void
scan_line(struct tally *t, const char *s, const char *l, size_t ln)
{
	struct mdscan_link k;
	const char *h, *v;
	size_t hn, i = 0, vn;
	int lv, o, role;

	if ((lv = mdtext_heading(l, ln, &h, &hn)) > 0) {
		close_from(t, lv);
		t->sec[lv].open = 1;
		t->sec[lv].nid = t->sec[lv].titled = 0;
		t->sec[lv].start = (size_t)(l - s);
		if (lv == 1 && t->h1 == MDSCAN_NONE)
			t->h1 = (size_t)(l - s);
		return;
	}
	while (mdscan_next_paper(l, ln, &i, &k)) {
		note_id(t, k.id);
		if (t->mention == MDSCAN_NONE && l[0] != '|')
			t->mention = (size_t)(l - s);
	}
	lines_trim(&l, &ln);
	role = field_role(l, ln, &v, &vn);
	if (role == ROLE_TITLE)
		for (o = 1; o <= 6; o++)
			t->sec[o].titled |= t->sec[o].open;
	if (role == ROLE_ID && bare_id(v, vn, k.id)) {
		note_id(t, k.id);
		if (t->mention == MDSCAN_NONE)
			t->mention = (size_t)(l - s);
	}
}

/* The level whose sections hold the papers (see mdscan.h). */
size_t
mdscan_sections(const char *s, size_t n, int *level)
{
	struct tally t;
	struct lines it;
	const char *l;
	size_t ln, best = 0;
	int lv, code = 0;

	memset(&t, 0, sizeof t);
	t.h1 = t.mention = MDSCAN_NONE;
	*level = 0;
	lines_init(&it, s, n, 1);
	while (lines_next(&it, &l, &ln)) {
		if (lines_starts(l, ln, "```") || lines_starts(l, ln, "~~~"))
			code = !code;
		else if (!code)
			scan_line(&t, s, l, ln);
	}
	close_from(&t, 1);
	/* sections of papers need more than one paper (linked, or named by title fields) */
	for (lv = 1; lv <= 6; lv++)
		if (t.good[lv] >= 2 && t.good[lv] >= best && (t.nid != 1 || t.named[lv] > 0)) {
			best = t.good[lv];
			*level = lv;
		}
	if (*level)
		return t.first[*level];
	/* one paper under a title, named near the top (not in a table of related papers) */
	if (t.nid == 1 && t.h1 != MDSCAN_NONE && t.mention != MDSCAN_NONE && t.mention - t.h1 < 1024) {
		*level = 1;
		return t.h1;
	}
	return MDSCAN_NONE;
}
