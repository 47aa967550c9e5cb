/* test_abstract.c: "Abstract:" files (ingest/abstract.c) through the public API. */
#include "unit.h"

#include "ingest/ingest.h"
#include "model/lib.h"

/* Each "Abstract:" starts an untitled, undated paper; lines after it continue it. */
static void
test_abstract(void **state)
{
	struct unit_run r = unit_ingest_str("a.txt", "Abstract:First abstract.\nAbstract: Second\ncontinued.\n");
	const struct paper *p;

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 2);
	p = lib_paper(r.lib, 0);
	assert_null(p->title);
	assert_string_equal(lib_day(r.lib, p->days[0])->label, "undated");
	unit_run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abstract),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
