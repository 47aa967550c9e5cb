/* test_search.c: case folding, NFC/NFD blindness, fields searched, highlight spans. */
#include "unit.h"

#include "base/buf.h"
#include "model/lib.h"
#include "model/search.h"
#include "text/text.h"

/* 한국어 요약 (NFC) and its NFD (jamo) spelling. */
#define KO_NFC "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"
#define KO_NFD "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8\xE1\x84\x8B\xE1\x85\xA5"

/* Add a paper with one summary block. */
static void
add(struct lib *lib, const char *id, const char *title, const char *day,
    const char *const *authors, size_t na, const char *const *cats, size_t nc,
    const struct block *blk)
{
	struct rec r = unit_rec(id, title, day);

	r.authors = authors;
	r.nauthors = na;
	r.cats = cats;
	r.ncats = nc;
	r.blocks = blk;
	r.nblocks = 1;
	lib_add_paper(lib, &r);
}

/* A library of three papers: English, Korean, and one with a category and accents. */
static struct lib *
mklib(void)
{
	struct lib *lib = lib_new();
	static const char *const authors[] = { "Zhiting Hu", "Ada Lovelace" };
	static const char *const cats[] = { "Multi-Modal" };
	static const struct block en = { BLOCK_PARA, NULL, "We scale Transformers to long video." };
	static const struct block ko = { BLOCK_BULLET, "What's New", KO_NFC " 요약 모델을 제안합니다." };
	static const struct block fr = { BLOCK_PARA, NULL,
		"Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e." };

	add(lib, "2505.00001", "Long Video Transformers", "2025-05-06", authors, 2, NULL, 0, &en);
	add(lib, "2505.00002", "Korean Summaries", "2025-05-05", NULL, 0, NULL, 0, &ko);
	add(lib, "2505.00003", "Desserts", "2025-05-04", NULL, 0, cats, 1, &fr);
	lib_finish(lib);
	return lib;
}

/* Indices of the papers matching q, as a string of digits ("02"). */
static const char *
matches(struct search *s, struct lib *lib, const char *q)
{
	static char out[16];
	size_t i, k = 0;

	search_set(s, q, strlen(q));
	for (i = 0; i < lib_npapers(lib) && k + 1 < sizeof out; i++)
		if (search_paper(s, i))
			out[k++] = (char)('0' + i);
	out[k] = '\0';
	return out;
}

static void
test_search_case_and_fields(void **state)
{
	struct lib *lib = mklib();
	struct search *s = search_new(lib);

	(void)state;
	assert_string_equal(matches(s, lib, "transformer"), "0");
	assert_string_equal(matches(s, lib, "TRANSFORMER"), "0");	/* upper case */
	assert_string_equal(matches(s, lib, "lovelace"), "0");		/* authors */
	assert_string_equal(matches(s, lib, "multi-modal"), "2");	/* categories */
	assert_string_equal(matches(s, lib, "long video"), "0");		/* title and summary */
	assert_string_equal(matches(s, lib, "e"), "012");
	assert_string_equal(matches(s, lib, "nothing like it"), "");
	assert_int_equal(search_set(s, "", 0), 0);
	assert_int_equal(search_paper(s, 0), 0);			/* empty matches nothing */
	/* a query cannot run from one field into the next */
	assert_string_equal(matches(s, lib, "hu ada"), "");
	/* Unicode case folding beyond ASCII */
	assert_string_equal(matches(s, lib, "CAF\xC3\x89"), "2");
	search_free(s);
	lib_free(lib);
}

/* One or two code points search titles, authors and categories only; a Hangul syllable is not short. */
static void
test_search_short(void **state)
{
	struct lib *lib = mklib();
	struct search *s = search_new(lib);
	uint8_t hits[3] = { 0, 1, 0 };

	(void)state;
	assert_string_equal(matches(s, lib, "sc"), "");		/* "scale" is in a summary */
	assert_true(search_is_short(s));
	assert_string_equal(matches(s, lib, "sca"), "0");
	assert_false(search_is_short(s));
	assert_string_equal(matches(s, lib, "hu"), "0");		/* an author */
	assert_string_equal(matches(s, lib, "\xEC\x9A\x94"), "1");	/* 요: a summary */
	assert_int_equal(search_form_short("ab", 2), 1);
	assert_int_equal(search_form_short("abc", 3), 0);
	assert_int_equal(search_form_short("\xE1\x84\x92\xE1\x85\xA1", 6), 0);	/* 하: two jamo, counted three */
	assert_int_equal(search_form_short("\xE1\x85\xA1", 3), 1);		/* a vowel alone */
	/* the caller's answer instead of a search, until the next query */
	search_set(s, "desserts", 8);
	search_use_hits(s, hits);
	assert_int_equal(search_paper(s, 0), 0);
	assert_int_equal(search_paper(s, 1), 1);
	assert_string_equal(matches(s, lib, "desserts"), "2");
	search_free(s);
	lib_free(lib);
}

static void
test_search_nfd_hangul(void **state)
{
	struct lib *lib = mklib();
	struct search *s = search_new(lib);

	(void)state;
	assert_string_equal(matches(s, lib, KO_NFC), "1");
	assert_string_equal(matches(s, lib, KO_NFD), "1");	/* typed in NFD */
	/* an NFD accent finds the NFC text too */
	assert_string_equal(matches(s, lib, "cre\xCC\x80me"), "2");
	/* what was typed is kept for the status line */
	search_set(s, KO_NFD, strlen(KO_NFD));
	assert_string_equal(search_query(s), KO_NFC);	/* cleaned to NFC */
	search_free(s);
	lib_free(lib);
}

static void
test_search_spans(void **state)
{
	struct lib *lib = mklib();
	struct search *s = search_new(lib);
	struct search_span sp[4];
	const char *t = "Transformers and TRANSFORMERS";
	const char *k = "Caf\xC3\xA9 " KO_NFC " caf\xC3\xA9";
	size_t n;

	(void)state;
	search_set(s, "transformer", 11);
	n = search_spans(s, t, strlen(t), sp, 4);
	assert_int_equal(n, 2);
	assert_int_equal(sp[0].off, 0);
	assert_int_equal(sp[0].len, 11);
	assert_int_equal(sp[1].off, 17);
	assert_int_equal(sp[1].len, 11);
	/* spans cover whole code points of the displayed (NFC) text */
	search_set(s, "CAF\xC3\x89", 5);
	n = search_spans(s, k, strlen(k), sp, 4);
	assert_int_equal(n, 2);
	assert_int_equal(sp[0].off, 0);
	assert_int_equal(sp[0].len, 5);
	assert_int_equal(sp[1].off, 6 + 9 + 1);
	assert_int_equal(sp[1].len, 5);
	search_set(s, KO_NFD, strlen(KO_NFD));
	n = search_spans(s, k, strlen(k), sp, 4);
	assert_int_equal(n, 1);
	assert_int_equal(sp[0].off, 6);
	assert_int_equal(sp[0].len, 9);
	/* more matches than room: the count is still right */
	search_set(s, "a", 1);
	assert_int_equal(search_spans(s, "a a a a a a", 11, sp, 4), 6);
	search_free(s);
	lib_free(lib);
}

/* A query's space between Hangul also matches no space: 강화 학습 finds 강화학습. */
static void
test_search_hangul_spacing(void **state)
{
	struct lib *lib = lib_new();
	struct search *s = search_new(lib);
	struct search_span sp[4];
	static const struct block joined = { BLOCK_PARA, NULL, "심층 강화학습 기반 제어" };
	static const struct block spaced = { BLOCK_PARA, NULL, "강화 학습(RL)을 통해" };
	static const struct block other = { BLOCK_PARA, NULL, "강화 모델 학습 and 강화, 학습" };
	static const struct block mixed = { BLOCK_PARA, NULL, "한 국어 요약 model" };
	const char *t = "x 강화학습 y 강화 학습";
	size_t n;

	(void)state;
	add(lib, "2505.00001", "A", "2025-05-06", NULL, 0, NULL, 0, &joined);
	add(lib, "2505.00002", "B", "2025-05-05", NULL, 0, NULL, 0, &spaced);
	add(lib, "2505.00003", "C", "2025-05-04", NULL, 0, NULL, 0, &other);
	add(lib, "2505.00004", "D", "2025-05-03", NULL, 0, NULL, 0, &mixed);
	lib_finish(lib);
	assert_string_equal(matches(s, lib, "강화 학습"), "01");
	assert_string_equal(matches(s, lib, "강화학습"), "0");	/* no space: only that spelling */
	assert_string_equal(matches(s, lib, "심층 강화 학습"), "0");	/* two gaps */
	assert_string_equal(matches(s, lib, "한 국어 요약"), "3");
	assert_string_equal(matches(s, lib, "한국어 요약"), "");
	assert_string_equal(matches(s, lib, "한국 어요약"), "");	/* the gaps are the query's only */
	assert_string_equal(matches(s, lib, "요약 model"), "3");	/* Hangul and Latin: an ordinary space */
	assert_string_equal(matches(s, lib, "요약model"), "");
	/* 하 (no final) does not end inside 학 (with one), across a gap too */
	assert_string_equal(matches(s, lib, "강화 하"), "");
	/* the highlight covers the spelling found, with or without the space */
	search_set(s, "강화 학습", strlen("강화 학습"));
	n = search_spans(s, t, strlen(t), sp, 4);
	assert_int_equal(n, 2);
	assert_int_equal(sp[0].off, 2);
	assert_int_equal(sp[0].len, 12);
	assert_int_equal(sp[1].off, 2 + 12 + 3);
	assert_int_equal(sp[1].len, 13);
	search_free(s);
	lib_free(lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_case_and_fields),
		cmocka_unit_test(test_search_short),
		cmocka_unit_test(test_search_nfd_hangul),
		cmocka_unit_test(test_search_spans),
		cmocka_unit_test(test_search_hangul_spacing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
