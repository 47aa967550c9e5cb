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
	p = lib_paper(lib, 0);
	assert_string_equal(p->id, "2501.00001");	/* newest day first */
	p = lib_paper(lib, 1);
	assert_string_equal(p->id, "2505.02707");
	assert_string_equal(p->title, "Voila: Voice-Language Models");
	assert_int_equal(p->votes, 56);
	assert_int_equal(p->nauthors, 3);
	assert_string_equal(p->authors[1], "Zhiting Hu");
	assert_int_equal(p->ndays, 2);
	assert_string_equal(lib_day(lib, p->days[0])->label, "2025-05-06");
	assert_string_equal(lib_day(lib, p->days[1])->label, "May 9");
	assert_string_equal(p->key, "arxiv:2505.02707");
	lib_free(lib);
}

static void
test_day_order(void **state)
{
	struct lib *lib = lib_new();
	struct rec r;
	size_t i;
	const char *want[] = { "2025-05-07", "2024-12-31", "May 9", "Apr 30", "undated" };

	(void)state;
	r = mkrec(NULL, "a", NULL, -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "b", "Apr 30", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "c", "2024-12-31", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "d", "May 9", -1, NULL, 0); lib_add_paper(lib, &r);
	r = mkrec(NULL, "e", "2025-05-07", -1, NULL, 0); lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_int_equal(lib_ndays(lib), 5);
	for (i = 0; i < 5; i++) {
		assert_string_equal(lib_day(lib, i)->label, want[i]);
		assert_int_equal(lib_day(lib, i)->npapers, 1);
	}
	assert_string_equal(lib_paper(lib, 4)->title, "a");
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_by_id_and_title),
		cmocka_unit_test(test_day_order),
		cmocka_unit_test(test_votes_then_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
