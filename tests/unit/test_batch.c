/* test_batch.c: a file's parse result, copied out of the parser (ingest/batch.c). */
#include "unit.h"

#include <errno.h>

#include "ingest/batch.h"
#include "text/diag.h"

/* Messages are cleaned to one squeezed line; batch_fail adds an error and fails the batch. */
static void
test_msgs(void **state)
{
	struct batch b;

	(void)state;
	batch_init(&b);
	batch_msg(&b, DIAG_NOTE, 0, "a\x07  b\n\tc", 8);
	batch_fail(&b, "cannot read file", ENOENT);
	assert_int_equal(b.nmsgs, 2);
	assert_string_equal(b.msgs[0].text, "a b c");
	assert_int_equal(b.msgs[1].level, DIAG_ERROR);
	assert_string_equal(b.msgs[1].text, "cannot read file: No such file or directory");
	assert_true(b.failed);
	batch_clear(&b);
	assert_int_equal(b.nmsgs, 0);
	assert_false(b.failed);
	batch_free(&b);
}

/* A record is copied: changing the parser's strings afterwards changes nothing. */
static void
test_rec_copy(void **state)
{
	struct batch b;
	char title[] = "Title", author[] = "Ann", url[] = "https://x.org";
	const char *authors[] = { author };
	struct block blk = { BLOCK_PARA, NULL, "text" };
	struct link l;
	struct rec r = unit_rec("2505.00001", title, "2025-05-06");

	(void)state;
	l.kind = LINK_OTHER;
	l.url = url;
	r.authors = authors;
	r.nauthors = 1;
	r.blocks = &blk;
	r.nblocks = 1;
	r.links = &l;
	r.nlinks = 1;
	batch_init(&b);
	batch_rec(&b, &r);
	title[0] = author[0] = url[0] = 'X';
	assert_int_equal(b.nrecs, 1);
	assert_string_equal(b.recs[0].title, "Title");
	assert_string_equal(b.recs[0].authors[0], "Ann");
	assert_string_equal(b.recs[0].links[0].url, "https://x.org");
	assert_string_equal(b.recs[0].blocks[0].text, "text");
	assert_null(b.recs[0].file);	/* set when merged */
	batch_free(&b);
}

/* A direct batch hands records straight to its library. */
static void
test_direct(void **state)
{
	struct batch b;
	struct rec r = unit_rec("2505.00001", "Title", "2025-05-06");
	struct lib *lib = lib_new();

	(void)state;
	batch_init(&b);
	b.direct = lib;
	batch_rec(&b, &r);
	assert_int_equal(b.nrecs, 0);
	assert_int_equal(b.ndirect, 1);
	assert_int_equal(lib_npapers(lib), 1);
	batch_free(&b);
	lib_free(lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_msgs),
		cmocka_unit_test(test_rec_copy),
		cmocka_unit_test(test_direct),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
