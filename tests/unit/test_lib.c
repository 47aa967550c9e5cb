/* test_lib.c: merging and ordering (model/lib.c). */
#include "unit.h"

#include "base/buf.h"
#include "model/lib.h"

/* A record with a title, optional id, day, votes and authors. */
static struct rec
mkrec(const char *id, const char *title, const char *day, long votes,
    const char *const *authors, size_t na)
{
	struct rec r = unit_rec(id, title, day);

	r.votes = votes;
	r.authors = authors;
	r.nauthors = na;
	return r;
}

static void
test_merge_by_id_and_title(void **state)
{
	struct lib *lib = lib_new();
	const char *handles[] = { "Yu Shu", "zhitinghu" };
	const char *full[] = { "Yu Shu", "Zhiting Hu", "Yemin Shi" };
	struct rec r;
	const struct paper *p;

	(void)state;
	r = mkrec(NULL, "Voila: Voice-Language Models", "May 9", -1, NULL, 0);
	lib_add_paper(lib, &r);
	r = mkrec("2505.02707", "Voila: Voice-Language Models", "2025-05-06", 3, handles, 2);
	lib_add_paper(lib, &r);		/* joins the id-less paper by title */
	r = mkrec("2505.02707", "Voila", "2025-05-06", 56, full, 3);
	lib_add_paper(lib, &r);		/* joins by id; better authors win */
	r = mkrec("2505.02707", NULL, "2025-05-06", 10, handles, 2);
	lib_add_paper(lib, &r);		/* worse authors do not replace */
	r = mkrec("2501.00001", "Other", "2025-05-07", -1, NULL, 0);
	lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_int_equal(lib_npapers(lib), 2);
	p = lib_paper(lib, 1);
	assert_string_equal(p->id, "2501.00001");
	p = lib_paper(lib, 0);
	assert_string_equal(p->id, "2505.02707");	/* newest day first: May 9 is 2025-05-09 */
	assert_string_equal(p->title, "Voila: Voice-Language Models");
	assert_int_equal(p->votes, 56);
	assert_int_equal(p->nauthors, 3);
	assert_string_equal(p->authors[1], "Zhiting Hu");
	assert_int_equal(p->ndays, 2);
	assert_string_equal(lib_day(lib, p->days[0])->label, "2025-05-09");
	assert_string_equal(lib_day(lib, p->days[1])->label, "2025-05-06");
	assert_string_equal(p->key, "arxiv:2505.02707");
	lib_free(lib);
}

/*
 * lib_finish drops the maps merging uses; adding after it merges exactly
 * as before: by id, by title, by an untitled paper's text, and a paper on
 * more days than a short list holds gains no repeated day.
 */
static void
test_add_after_finish(void **state)
{
	struct lib *lib = lib_new();
	struct block b = { BLOCK_PARA, NULL, "an untitled abstract" };
	char day[32];
	struct rec r;
	int i;

	(void)state;
	for (i = 1; i <= 12; i++) {
		snprintf(day, sizeof day, "2025-05-%02d", i);
		r = mkrec("2505.00001", "Long Runner", day, -1, NULL, 0);
		lib_add_paper(lib, &r);
	}
	r = mkrec(NULL, "Only A Title", "2025-05-01", -1, NULL, 0);
	lib_add_paper(lib, &r);
	r = mkrec(NULL, NULL, "2025-05-02", -1, NULL, 0);
	r.blocks = &b;
	r.nblocks = 1;
	lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_int_equal(lib_npapers(lib), 3);
	lib_add_paper(lib, &r);				/* the same text: the same paper */
	r = mkrec(NULL, "only a title", "2025-05-03", -1, NULL, 0);
	lib_add_paper(lib, &r);				/* by title */
	r = mkrec("2505.00001", "Long Runner", "2025-05-07", -1, NULL, 0);
	lib_add_paper(lib, &r);				/* by id, a day it has */
	r = mkrec("2505.00001", NULL, "2025-05-13", -1, NULL, 0);
	lib_add_paper(lib, &r);				/* by id, a new day */
	lib_finish(lib);
	assert_int_equal(lib_npapers(lib), 3);
	for (i = 0; i < 3; i++) {
		const struct paper *p = lib_paper(lib, (size_t)i);

		if (p->id)
			assert_int_equal(p->ndays, 13);
		else if (p->title)
			assert_int_equal(p->ndays, 2);
		else
			assert_int_equal(p->ndays, 1);
	}
	lib_free(lib);
}

static void
test_day_order(void **state)
{
	struct lib *lib = lib_new();
	struct rec r;
	size_t i;
	/* two years fit each label: they stay labels */
	const char *want[] = { "2024-12-31", "2023-05-07", "May 9", "Apr 30", "undated" };

	(void)state;
	r = mkrec(NULL, "a", NULL, -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "b", "Apr 30", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "c", "2024-12-31", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "d", "May 9", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "e", "2023-05-07", -1, NULL, 0); lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 5);
	for (i = 0; i < 5; i++) {
		assert_string_equal(lib_day(lib, i)->label, want[i]);
		assert_int_equal(lib_day(lib, i)->npapers, 1);
	}
	assert_string_equal(lib_paper(lib, 4)->title, "a");
	lib_free(lib);
}

/* A label takes the one year that fits; it joins that date when the library has it. */
static void
test_label_year(void **state)
{
	struct lib *lib = lib_new();
	struct rec r;
	const struct paper *p;

	(void)state;
	r = mkrec(NULL, "a", "2025-05-06", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "b", "2025-05-09", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "b", "May 9", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "c", "May 12", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "d", "Dec 25", -1, NULL, 0); lib_add_paper(lib, &r);	/* too far: stays */
	r = mkrec(NULL, "e", "Feb 29", -1, NULL, 0); lib_add_paper(lib, &r);	/* no such 2025 day */
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 5);
	assert_string_equal(lib_day(lib, 0)->label, "2025-05-12");
	assert_int_equal(lib_day(lib, 0)->kind, DAY_DATED);
	assert_string_equal(lib_day(lib, 1)->label, "2025-05-09");
	assert_string_equal(lib_day(lib, 2)->label, "2025-05-06");
	assert_string_equal(lib_day(lib, 3)->label, "Dec 25");
	assert_int_equal(lib_day(lib, 3)->kind, DAY_LABEL);
	assert_string_equal(lib_day(lib, 4)->label, "Feb 29");
	p = lib_paper(lib, 1);
	assert_string_equal(p->title, "b");
	assert_int_equal(p->ndays, 1);		/* May 9 joined 2025-05-09 */
	assert_int_equal(lib_day(lib, 1)->npapers, 1);
	lib_free(lib);
}

/* Undated only when no source dates the paper. */
static void
test_undated(void **state)
{
	struct lib *lib = lib_new();
	struct rec r;
	const struct paper *p;

	(void)state;
	r = mkrec("1", "a", NULL, -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("1", "a", "2025-05-06", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("1", "a", NULL, -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("2", "b", NULL, -1, NULL, 0); lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 2);
	p = lib_paper(lib, 0);
	assert_string_equal(p->title, "a");
	assert_int_equal(p->ndays, 1);
	assert_string_equal(lib_day(lib, p->days[0])->label, "2025-05-06");
	p = lib_paper(lib, 1);
	assert_int_equal(p->ndays, 1);
	assert_int_equal(lib_day(lib, p->days[0])->kind, DAY_NONE);
	assert_int_equal(lib_day(lib, 1)->npapers, 1);
	lib_free(lib);

	/* a library whose only undated paper gets a day has no undated group */
	lib = lib_new();
	r = mkrec("1", "a", NULL, -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("1", "a", "2025-05-06", -1, NULL, 0); lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 1);
	assert_int_equal(lib_day(lib, 0)->kind, DAY_DATED);
	lib_free(lib);
}

/* A list shortened by its source ("A et al.") never wins over a complete one. */
static void
test_authors_cut(void **state)
{
	struct lib *lib = lib_new();
	const char *cut[] = { "Christina Kassab", "Maurice Fallon" };
	const char *full[] = { "Christina Kassab", "Maurice Fallon", "Sam Lee" };
	const char *one[] = { "ckassab" };
	struct rec r;
	const struct paper *p;

	(void)state;
	r = mkrec("1", "a", "2025-05-06", -1, one, 1); lib_add_paper(lib, &r);
	r = mkrec("1", "a", "2025-05-06", -1, cut, 2);
	r.authors_cut = 1;
	lib_add_paper(lib, &r);			/* does not replace a complete list */
	lib_finish(lib);
	p = lib_paper(lib, 0);
	assert_int_equal(p->nauthors, 1);	/* a complete list, even a poor one, wins */
	assert_false(p->authors_cut);
	lib_free(lib);

	lib = lib_new();
	r = mkrec("1", "a", "2025-05-06", -1, cut, 2);
	r.authors_cut = 1;
	lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_true(lib_paper(lib, 0)->authors_cut);
	r = mkrec("1", "a", "2025-05-06", -1, full, 3); lib_add_paper(lib, &r);
	lib_finish(lib);
	p = lib_paper(lib, 0);
	assert_int_equal(p->nauthors, 3);
	assert_false(p->authors_cut);
	lib_free(lib);
}

/* Further summaries of a record are kept with their names; the preferred language is picked. */
static void
test_more_summaries(void **state)
{
	struct lib *lib = lib_new();
	struct block en = { BLOCK_PARA, NULL, "A model for speech." };
	struct block ai = { BLOCK_PARA, NULL, "It talks." };
	struct block zh[2] = { { BLOCK_PARA, "TL;DR", "一个语音模型。" }, { BLOCK_PARA, "方法", "端到端训练。" } };
	struct rec_sum more[2] = { { "ai_summary", &ai, 1 }, { "AI", zh, 2 } };
	struct rec r;
	const struct paper *p;

	(void)state;
	r = mkrec("1", "a", "2025-05-06", -1, NULL, 0);
	r.blocks = &en;
	r.nblocks = 1;
	r.more = more;
	r.nmore = 2;
	lib_add_paper(lib, &r);
	lib_add_paper(lib, &r);			/* the same texts are not repeated */
	lib_finish(lib);
	p = lib_paper(lib, 0);
	assert_int_equal(p->nsums, 3);
	assert_null(p->sums[0].name);
	assert_string_equal(p->sums[1].name, "ai_summary");
	assert_string_equal(p->sums[1].lang, "en");
	assert_string_equal(p->sums[2].name, "AI");
	assert_string_equal(p->sums[2].lang, "zh");
	assert_string_equal(p->sums[2].text, "TL;DR: 一个语音模型。\n\n方法: 端到端训练。");
	assert_int_equal(lib_summary_for(p, "zh,en"), 2);
	assert_int_equal(lib_summary_for(p, "ko,en"), 0);
	assert_int_equal(lib_summary_for(p, "ko"), 0);
	assert_int_equal(lib_summary_for(p, NULL), 0);
	lib_free(lib);
}

static void
test_votes_then_title(void **state)
{
	struct lib *lib = lib_new();
	struct rec r;

	(void)state;
	r = mkrec("1", "Zeta", "2025-01-01", 5, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("2", "Alpha", "2025-01-01", 5, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("3", "Mid", "2025-01-01", 9, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec("4", "None", "2025-01-01", -1, NULL, 0); lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_string_equal(lib_paper(lib, 0)->title, "Mid");
	assert_string_equal(lib_paper(lib, 1)->title, "Alpha");
	assert_string_equal(lib_paper(lib, 2)->title, "Zeta");
	assert_string_equal(lib_paper(lib, 3)->title, "None");
	lib_free(lib);
}

/* Categories differing in case, spacing, hyphens or punctuation are one, in the commonest spelling. */
static void
test_categories_unified(void **state)
{
	static const char *const c1[] = { "Multi-Modal", "Multimodal", "Speech" };
	static const char *const c2[] = { "multimodal", "Text-to-Speech" };
	static const char *const c3[] = { "Multimodal", "Text to speech" };
	static const char *const c4[] = { "Multimodal.", "text-to-speech", "---" };
	static const char *const c5[] = { "Text-to-Speech", "!!!" };
	const char *const *cats[] = { c1, c2, c3, c4, c5 };
	const size_t ncats[] = { 3, 2, 2, 3, 2 };
	static const char *const ids[] = { "2501.00001", "2501.00002", "2501.00003", "2501.00004", "2501.00005" };
	struct lib *lib = lib_new();
	size_t i, k;

	(void)state;
	for (i = 0; i < 5; i++) {
		struct rec r = mkrec(ids[i], ids[i], "2025-01-01", -1, NULL, 0);

		r.cats = cats[i];
		r.ncats = ncats[i];
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	for (i = 0; i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i);

		for (k = 0; k < p->ncats; k++)
			assert_true(strcmp(p->cats[k], "Multimodal") == 0 || strcmp(p->cats[k], "Text-to-Speech") == 0 ||
			    strcmp(p->cats[k], "Speech") == 0 || strcmp(p->cats[k], "---") == 0 ||
			    strcmp(p->cats[k], "!!!") == 0);
		if (strcmp(p->id, "2501.00001") == 0) {
			/* both spellings of one paper become one category, in place */
			assert_int_equal(p->ncats, 2);
			assert_string_equal(p->cats[0], "Multimodal");
			assert_string_equal(p->cats[1], "Speech");
		}
		if (strcmp(p->id, "2501.00004") == 0) {
			assert_int_equal(p->ncats, 3);	/* "---" is not merged away */
			assert_string_equal(p->cats[0], "Multimodal");
			assert_string_equal(p->cats[1], "Text-to-Speech");
			assert_string_equal(p->cats[2], "---");
		}
		if (strcmp(p->id, "2501.00005") == 0)
			assert_string_equal(p->cats[1], "!!!");	/* punctuation-only names stay apart */
	}
	lib_free(lib);
}

/* One line per paper of lib: pos, key, days, categories, votes, first summary. */
static void
merged_lines(struct buf *out, const struct lib *lib)
{
	size_t i, k;

	for (i = 0; i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i);

		buf_printf(out, "%u %s %ld", p->pos, p->key, p->votes);
		for (k = 0; k < p->ndays; k++)
			buf_printf(out, " d:%s", lib_day(lib, p->days[k])->label);
		for (k = 0; k < p->ncats; k++)
			buf_printf(out, " c:%s", p->cats[k]);
		buf_printf(out, " %s\n", p->nsums ? p->sums[0].text : "");
	}
}

/*
 * Days given a count (a reader's window) stay without papers, holding
 * fewer than their count, and in order; one of count 0 and no papers goes.
 */
static void
test_day_counts(void **state)
{
	static const char *const days[] = { "2025-01-03", "2025-01-02" };
	struct lib *lib = lib_new();
	struct rec r;

	(void)state;
	assert_true(lib_whole(lib));
	lib_add_day_count(lib, "2025-01-01", 4);
	lib_add_day_count(lib, "May 9", 2);
	lib_add_day_count(lib, "2025-01-02", 5);
	lib_add_day_count(lib, "2024-12-31", 0);
	lib_add_day_count(lib, "2025-01-03", 1);
	memset(&r, 0, sizeof r);
	r.id = "2501.00001";
	r.title = "A paper";
	r.votes = -1;
	assert_int_equal(lib_add_merged(lib, &r, days, 2), 0);
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 4);
	assert_string_equal(lib_day(lib, 0)->label, "2025-01-03");
	assert_int_equal(lib_day(lib, 0)->count, 1);
	assert_int_equal(lib_day(lib, 0)->npapers, 1);
	assert_string_equal(lib_day(lib, 1)->label, "2025-01-02");
	assert_int_equal(lib_day(lib, 1)->count, 5);
	assert_int_equal(lib_day(lib, 1)->npapers, 1);
	assert_string_equal(lib_day(lib, 2)->label, "2025-01-01");
	assert_int_equal(lib_day(lib, 2)->npapers, 0);
	assert_string_equal(lib_day(lib, 3)->label, "May 9");	/* not resolved to a date */
	assert_int_equal(lib_day_find(lib, "2025-01-01"), 2);
	assert_int_equal(lib_day_find(lib, "2024-12-31"), -1);
	assert_true(lib_day_held(lib_day(lib, 0)));
	assert_false(lib_day_held(lib_day(lib, 1)));
	assert_false(lib_day_held(lib_day(lib, 2)));
	assert_true(lib_day_held(NULL));
	assert_false(lib_whole(lib));
	lib_free(lib);
	lib = lib_new();	/* a library of papers only: every day whole, counted */
	assert_int_equal(lib_add_merged(lib, &r, days, 2), 0);
	lib_finish(lib);
	assert_true(lib_whole(lib));
	assert_int_equal(lib_day(lib, 1)->count, 1);
	lib_free(lib);
}

/*
 * Days given in display order (as a store's window comes) are kept as
 * they are and found by label; a day added after, out of order, sorts
 * them again at the next finish, and each is still found by its label.
 */
static void
test_days_in_order(void **state)
{
	static const char *const labels[] = { "2025-01-03", "2025-01-02", "2025-01-01", "May 9", "May 8" };
	struct lib *lib = lib_new();
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++)
		lib_add_day_count(lib, labels[i], i + 1);
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 5);
	for (i = 0; i < 5; i++) {
		assert_string_equal(lib_day(lib, i)->label, labels[i]);
		assert_int_equal(lib_day(lib, i)->count, i + 1);
		assert_int_equal(lib_day_find(lib, labels[i]), (long)i);
	}
	lib_add_day_count(lib, "2025-01-04", 7);	/* newest: goes first */
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 6);
	assert_string_equal(lib_day(lib, 0)->label, "2025-01-04");
	assert_int_equal(lib_day_find(lib, "2025-01-04"), 0);
	for (i = 0; i < 5; i++) {
		assert_string_equal(lib_day(lib, i + 1)->label, labels[i]);
		assert_int_equal(lib_day_find(lib, labels[i]), (long)i + 1);
	}
	lib_free(lib);
}

/*
 * A library built again from its merged papers (lib_add_merged, in the
 * order they were made, with their merged categories) is the same: the
 * commonest spelling counted over the merged ones, labels left as they
 * were resolved, an untitled paper known by its text.
 */
static void
test_add_merged(void **state)
{
	static const char *const c1[] = { "Multi-Modal", "Speech" };
	static const char *const c2[] = { "multi-modal" };
	static const char *const c3[] = { "Multimodal", "multi modal" };
	static const char *const c4[] = { "Multimodal" };
	const char *const *cats[] = { c1, c2, c3, c4 };
	const size_t ncats[] = { 2, 1, 2, 1 };
	static const struct block untitled = { BLOCK_PARA, NULL, "An untitled abstract." };
	struct lib *lib = lib_new(), *again = lib_new();
	struct buf a = BUF_INIT, b = BUF_INIT;
	const struct paper **made;
	size_t i, k, n;

	(void)state;
	lib_set_light(lib, 1);
	lib_set_light(again, 1);
	for (i = 0; i < 4; i++) {
		char id[16];
		struct rec r;

		snprintf(id, sizeof id, "2501.0000%zu", i + 1);
		r = mkrec(id, id, i == 3 ? "Jan 30" : "2025-01-01", (long)i, NULL, 0);
		r.cats = cats[i];
		r.ncats = ncats[i];
		lib_add_paper(lib, &r);
	}
	{
		struct rec r = mkrec(NULL, NULL, NULL, -1, NULL, 0);
		/* beyond a month of the dates, but within a month of Jan 30 once that is a date */
		struct rec late = mkrec("2501.00009", "Late", "Mar 1", -1, NULL, 0);

		r.blocks = &untitled;
		r.nblocks = 1;
		lib_add_paper(lib, &r);
		lib_add_paper(lib, &late);
	}
	lib_finish(lib);
	merged_lines(&a, lib);
	assert_non_null(strstr(a.buf, "c:Multimodal"));
	assert_non_null(strstr(a.buf, "d:2025-01-30"));
	assert_non_null(strstr(a.buf, "d:Mar 1"));	/* and it stays a label when built again */
	assert_null(strstr(a.buf, "c:Multi-Modal"));
	n = lib_npapers(lib);
	made = calloc(n, sizeof *made);
	for (i = 0; i < n; i++)
		made[lib_paper(lib, i)->pos] = lib_paper(lib, i);
	{
		/* one copy of a category name, shared by the papers that give it */
		size_t n3, n4;
		const char *const *m3 = lib_merged_cats(made[2], &n3), *const *m4 = lib_merged_cats(made[3], &n4);

		assert_string_equal(m3[0], "Multimodal");
		assert_ptr_equal(m3[0], m4[0]);
	}
	for (i = lib_ndays(lib); i-- > 0;)
		lib_add_day(again, lib_day(lib, i)->kind == DAY_NONE ? NULL : lib_day(lib, i)->label);
	for (i = 0; i < n; i++) {
		const struct paper *p = made[i];
		const char *days[4];	/* each paper here has one day */
		struct rec r = mkrec(p->id, p->title, NULL, p->votes, NULL, 0);
		struct block blk = { BLOCK_PARA, NULL, p->nsums ? p->sums[0].text : NULL };

		for (k = 0; k < p->ndays; k++)
			days[k] = lib_day(lib, p->days[k])->kind == DAY_NONE ? NULL : lib_day(lib, p->days[k])->label;
		r.cats = lib_merged_cats(p, &r.ncats);
		r.blocks = &blk;
		r.nblocks = p->nsums ? 1 : 0;
		assert_int_equal(lib_add_merged(again, &r, days, p->ndays), (long)i);
	}
	lib_finish(again);
	buf_setlen(&b, 0);
	merged_lines(&b, again);
	assert_string_equal(buf_str(&b), buf_str(&a));
	free(made);
	lib_free(again);
	lib_free(lib);
	buf_free(&a);
	buf_free(&b);
}

/* Links in the fixed order: arXiv, PDF, HF, code, project, models, datasets, spaces, other, thumbnails. */
static void
test_link_order(void **state)
{
	struct link v[] = {
		{ LINK_THUMBNAIL, "t" }, { LINK_SPACE, "s" }, { LINK_GITHUB, "g1" },
		{ LINK_OTHER, "o" }, { LINK_DATASET, "d" }, { LINK_HUGGINGFACE, "h" },
		{ LINK_MODEL, "m" }, { LINK_PROJECT, "p" }, { LINK_PDF, "pdf" },
		{ LINK_GITHUB, "g2" }, { LINK_ARXIV, "a" },
	};
	static const char *const want[] = { "a", "pdf", "h", "g1", "g2", "p", "m", "d", "s", "o", "t" };
	size_t i;

	(void)state;
	link_order(v, sizeof v / sizeof v[0]);
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_string_equal(v[i].url, want[i]);
	link_order(v, 0);
}

/* pos keeps the order the papers were first read in, whatever the display order. */
static void
test_published_order(void **state)
{
	static const char *const titles[] = { "Zeta", "Alpha", "Mu", "Alpha" };
	static const long votes[] = { -1, 5, -1, 9 };
	struct lib *lib = lib_new();
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		struct rec r = mkrec(NULL, titles[i], "2025-01-01", votes[i], NULL, 0);

		lib_add_paper(lib, &r);	/* the second Alpha merges into the first */
	}
	lib_finish(lib);
	assert_int_equal(lib_npapers(lib), 3);
	assert_string_equal(lib_paper(lib, 0)->title, "Alpha");	/* votes first */
	assert_int_equal(lib_paper(lib, 0)->pos, 1);
	for (i = 0; i < 3; i++)
		if (strcmp(lib_paper(lib, i)->title, "Zeta") == 0)
			assert_int_equal(lib_paper(lib, i)->pos, 0);
		else if (strcmp(lib_paper(lib, i)->title, "Mu") == 0)
			assert_int_equal(lib_paper(lib, i)->pos, 2);
	lib_free(lib);
}

/* The publisher of a file is told from its path, not its format. */
static void
test_publisher(void **state)
{
	static const struct {
		const char *path, *want;
	} t[] = {
		{ "../shared/realdata/gabrielchua-daily-ai-papers/archive/2025/05/06.md", "gabrielchua" },
		{ "/r/timlrx-daily-ai-papers/daily_results/2024/11/08.json", "timlrx" },
		{ "/r/l-yohai-daily_papers_ko/paper_logs/2025/05/06.md", "l-yohai" },
		{ "/home/u/.local/share/paperboy/library/hf-daily/2025/05/06.json", "hf-daily" },
		{ "library/arxiv-cs.CL/latest.xml", "arxiv-cs.CL" },
		{ "feeds/arxiv-cs.AI-2025-08-20-truncated.atom.xml", "arxiv-cs.AI" },
		{ "tests/screen/fixtures/ko-2025-05-06.md", "ko" },
		{ "assets/samples/2025-05-08-ko.md", "ko" },
		{ "x/20230910-daily.md", "x" },
		{ "2025/05/06.md", NULL },
	};
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		buf_setlen(&b, 0);
		assert_int_equal(publisher_of(&b, t[i].path), t[i].want != NULL);
		if (t[i].want)
			assert_string_equal(b.buf, t[i].want);
	}
	assert_int_equal(publisher_of(&b, NULL), 0);
	buf_free(&b);
}

/* The paper of a key (which must be there). */
static const struct paper *
by_key(const struct lib *lib, const char *key)
{
	size_t i;

	for (i = 0; i < lib_npapers(lib); i++)
		if (strcmp(lib_paper(lib, i)->key, key) == 0)
			return lib_paper(lib, i);
	fail_msg("no paper %s", key);
	return NULL;
}

/* A library of papers with these categories (NULL ends each list, an empty list ends all), finished after prefer. */
static struct lib *
cat_lib(const char *const *const *cats, const char *const *prefer, size_t nprefer)
{
	struct lib *lib = lib_new();
	size_t i, n;

	for (i = 0; cats[i]; i++) {
		char id[32];
		struct rec r;

		for (n = 0; cats[i][n]; n++)
			;
		snprintf(id, sizeof id, "2502.0000%zu", i + 1);
		r = mkrec(id, id, "2025-02-01", -1, NULL, 0);
		r.cats = cats[i];
		r.ncats = n;
		lib_add_paper(lib, &r);
	}
	lib_prefer_cats(lib, prefer, nprefer);
	lib_finish(lib);
	return lib;
}

/*
 * lib_cat_choices names the spelling of each group spelled two ways; a
 * part of the library given them spells its categories so, though its
 * own papers count otherwise.
 */
static void
test_prefer_cats(void **state)
{
	static const char *const c1[] = { "Multi-Modal", "Speech", NULL };
	static const char *const c2[] = { "Multimodal", NULL };
	static const char *const c3[] = { "Multi-Modal", "speech", NULL };
	static const char *const c4[] = { "Multimodal", "Robotics", NULL };
	static const char *const c5[] = { "Multi-Modal", NULL };
	static const char *const *const whole[] = { c1, c2, c3, c4, c5, NULL };
	static const char *const *const part[] = { c2, c3, c4, NULL };
	struct lib *lib = cat_lib(whole, NULL, 0), *p;
	const char *const *v;
	size_t n;

	(void)state;
	v = lib_cat_choices(lib, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "Multi-Modal");
	assert_string_equal(v[1], "Speech");
	p = cat_lib(part, NULL, 0);	/* alone: Multimodal twice, Multi-Modal once */
	assert_string_equal(by_key(p, "arxiv:2502.00003")->cats[0], "Multimodal");
	lib_free(p);
	p = cat_lib(part, v, n);
	assert_string_equal(by_key(p, "arxiv:2502.00003")->cats[0], "Multi-Modal");
	assert_string_equal(by_key(p, "arxiv:2502.00002")->cats[1], "Speech");
	assert_string_equal(by_key(p, "arxiv:2502.00003")->cats[1], "Robotics");
	v = lib_cat_choices(p, &n);	/* counted: the preference aside */
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "Multimodal");
	lib_free(p);
	lib_free(lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_by_id_and_title),
		cmocka_unit_test(test_add_after_finish),
		cmocka_unit_test(test_day_order),
		cmocka_unit_test(test_label_year),
		cmocka_unit_test(test_undated),
		cmocka_unit_test(test_authors_cut),
		cmocka_unit_test(test_more_summaries),
		cmocka_unit_test(test_votes_then_title),
		cmocka_unit_test(test_categories_unified),
		cmocka_unit_test(test_add_merged),
		cmocka_unit_test(test_prefer_cats),
		cmocka_unit_test(test_day_counts),
		cmocka_unit_test(test_days_in_order),
		cmocka_unit_test(test_link_order),
		cmocka_unit_test(test_publisher),
		cmocka_unit_test(test_published_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
