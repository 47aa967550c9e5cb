/* test_fields.c: the table of field names per role, days of values and of paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/fields.h"
#include "ingest/pathday.h"

/* Every row is found by its own name: no two names clash once normalised. */
static void
test_rows_unique(void **state)
{
	size_t i;

	(void)state;
	assert_true(fields_count() > 40);
	for (i = 0; i < fields_count(); i++) {
		const struct field *f = fields_row(i);

		assert_ptr_equal(fields_find(f->name, strlen(f->name)), f);
	}
}

/* Spellings: case, '_', '-' and ' ' do not matter. */
static void
test_spellings(void **state)
{
	const struct field *f;

	(void)state;
	f = fields_find("Publish Date", 12);
	assert_non_null(f);
	assert_int_equal(f->role, ROLE_DAY);
	assert_ptr_equal(fields_find("publish_date", 12), f);
	assert_ptr_equal(fields_find("publishDate", 11), f);
	assert_int_equal(fields_find("githubRepo", 10)->role, ROLE_LINK);
	assert_ptr_equal(fields_find("github_repo", 11), fields_find("githubRepo", 10));
	assert_int_equal(fields_find("paper_url", 9)->role, ROLE_LINK);
	assert_int_equal(fields_find("scraped_date", 12)->role, ROLE_DAY);
	assert_int_equal(fields_find("stars", 5)->role, ROLE_VOTES);
	assert_int_equal(fields_find("translation", 11)->role, ROLE_MORE);
	assert_int_equal(fields_find("TL;DR", 5)->role, ROLE_SECTION);
	assert_int_equal(fields_find("原文标题", strlen("原文标题"))->role, ROLE_TITLE);
	assert_int_equal(fields_find("publishedAt", 11)->flags & FIELD_NOT_API, FIELD_NOT_API);
	assert_null(fields_find("numComments", 11));
	assert_null(fields_find("", 0));
	assert_string_equal(fields_role_name(ROLE_VOTES), "votes");
}

#define DAY_IS(s, want) do { \
	char d_[11]; \
	assert_true(fields_day((s), strlen(s), d_)); \
	assert_string_equal(d_, (want)); \
} while (0)
#define NO_DAY(s) do { \
	char d_[11]; \
	assert_false(fields_day((s), strlen(s), d_)); \
} while (0)

static void
test_value_days(void **state)
{
	(void)state;
	DAY_IS("2025-05-06", "2025-05-06");
	DAY_IS("2025-03-28T01:02:30.945Z", "2025-03-28");
	DAY_IS("20170612", "2017-06-12");
	DAY_IS("\"2025-12-17\"", "2025-12-17");
	NO_DAY("2026-02-05 ~ 2026-03-06");	/* a range */
	NO_DAY("20171312");
	NO_DAY("someday");
	NO_DAY("2025-13-01");
}

#define PATH_IS(p, want) do { \
	char d_[11]; \
	assert_true(pathday_find((p), d_)); \
	assert_string_equal(d_, (want)); \
} while (0)
#define NO_PATH_DAY(p) do { \
	char d_[11]; \
	assert_false(pathday_find((p), d_)); \
} while (0)

static void
test_path_days(void **state)
{
	(void)state;
	PATH_IS("data/2025-04-24.jsonl", "2025-04-24");
	PATH_IS("a/b/2025-06-22_AI_enhanced_Chinese.jsonl", "2025-06-22");
	PATH_IS("daily_results/2024/10/01.json", "2024-10-01");
	PATH_IS("news/20230910-hf-daily-papers.md", "2023-09-10");
	PATH_IS("docs/201706/12/1706.03762v1-attention-is-all-you-need.md", "2017-06-12");
	PATH_IS("summaries/2026/07/2026-07-14/2607.00397.md", "2026-07-14");
	PATH_IS("papers/2026-02-21-reverso.md", "2026-02-21");
	PATH_IS("x/2025.05.06.md", "2025-05-06");
	NO_PATH_DAY("docs/20260205-20260306/papers.meta.json");	/* a range */
	NO_PATH_DAY("weekly/2025-W48.json");
	NO_PATH_DAY("monthly/2025-12.json");
	NO_PATH_DAY("papers/2602.17658.md");			/* an arXiv id */
	NO_PATH_DAY("runs/20250506123456.json");		/* a timestamp */
	NO_PATH_DAY("README.md");
	NO_PATH_DAY("");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_unique),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_value_days),
		cmocka_unit_test(test_path_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
