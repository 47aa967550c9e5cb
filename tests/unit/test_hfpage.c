/* test_hfpage.c: the text of a huggingface.co/papers page (ingest/hfpage.c) through the public API. */
#include "unit.h"

#include "ingest/ingest.h"
#include "model/lib.h"

/* The page's chrome is skipped; titles take the long line after them as their abstract. */
static void
test_hfpage(void **state)
{
	struct unit_run h = unit_ingest_str("h.txt",
	    "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
	    "byAK and the research community\n\nMay 9\n\nA Title\n\n"
	    "A long abstract that goes on and on about a method and its results, well past a title's length, "
	    "so that it reads as the abstract of the title above it and not as a title of its own at all.\n\n"
	    "Lonely Title\n\nAnother Title\n\nShort abstract.\n");
	const struct paper *p;

	(void)state;
	assert_int_equal(lib_npapers(h.lib), 4);
	p = unit_by_title(&h, "A Title");
	assert_non_null(p);
	assert_int_equal(p->nsums, 1);
	assert_string_equal(lib_day(h.lib, p->days[0])->label, "May 9");
	assert_non_null(unit_by_title(&h, "Lonely Title"));
	unit_run_free(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hfpage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
