/* test_pctx.c: the parser context (ingest/pctx.c): warnings, cleaned strings, days, lines. */
#include "unit.h"

#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "text/diag.h"
#include "text/text.h"

/* Warnings go to the batch as one clean, squeezed line. */
static void
test_warn(void **state)
{
	struct unit_pctx u;

	(void)state;
	unit_pctx_init(&u, "");
	pctx_warn(&u.p, 3, "bad   value '%s'\n here", "\x1b[31mred");
	assert_int_equal(u.b.nmsgs, 1);
	assert_int_equal(u.b.msgs[0].level, DIAG_WARNING);
	assert_int_equal(u.b.msgs[0].line, 3);
	assert_null(u.b.msgs[0].file);
	assert_string_equal(u.b.msgs[0].text, "bad value '[31mred' here");
	unit_pctx_free(&u);
}

/* Cleaned strings live in scratch memory; nothing left is NULL. */
static void
test_text(void **state)
{
	struct unit_pctx u;

	(void)state;
	unit_pctx_init(&u, "");
	assert_string_equal(pctx_text(&u.p, "  a\n  b  ", 9, TEXT_ONELINE), "a b");
	assert_null(pctx_text(&u.p, " \t\n", 3, 0));
	assert_string_equal(pctx_inline(&u.p, "**bold** &amp; `x`", 18, 0), "bold & x");
	unit_pctx_free(&u);
}

/* A day heading keeps its date below the record mark; a later one replaces it. */
static void
test_day(void **state)
{
	struct unit_pctx u;
	struct arena_mark daymark;
	const char *d;

	(void)state;
	unit_pctx_init(&u, "");
	daymark = arena_mark(u.p.scratch);
	d = pctx_day(&u.p, daymark, "## Papers for 2024-10-01 (Tue)", 30);
	assert_string_equal(d, "2024-10-01");
	arena_reset(u.p.scratch, u.p.mark);	/* what pctx_emit does after a record */
	assert_string_equal(d, "2024-10-01");
	assert_null(pctx_day(&u.p, daymark, "## Misc", 7));
	d = pctx_day(&u.p, daymark, "## 2025-01-02", 13);
	assert_string_equal(d, "2025-01-02");
	unit_pctx_free(&u);
}

/* Line numbers of offsets (a line ends at LF, so CR LF too). */
static void
test_lineno(void **state)
{
	struct unit_pctx u;

	(void)state;
	unit_pctx_init(&u, "a\nb\r\nc\rd");
	assert_int_equal(pctx_lineno(&u.p, 0), 1);
	assert_int_equal(pctx_lineno(&u.p, 2), 2);
	assert_int_equal(pctx_lineno(&u.p, 5), 3);
	assert_int_equal(pctx_lineno(&u.p, 7), 3);
	assert_int_equal(pctx_lineno(&u.p, 1), 1);	/* backwards too */
	unit_pctx_free(&u);
}

/* An emitted record reaches the batch; one with nothing in it does not. */
static void
test_emit(void **state)
{
	struct unit_pctx u;
	struct rec_build b;

	(void)state;
	unit_pctx_init(&u, "");
	rec_init(&u.p, &b, 1, "test");
	b.r.title = pctx_text(&u.p, "T", 1, 0);
	pctx_emit(&u.p, &b);
	rec_init(&u.p, &b, 2, "test");
	pctx_emit(&u.p, &b);
	assert_int_equal(u.b.nrecs, 1);
	assert_string_equal(u.b.recs[0].title, "T");
	assert_string_equal(u.b.recs[0].source, "test");
	unit_pctx_free(&u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warn),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_day),
		cmocka_unit_test(test_lineno),
		cmocka_unit_test(test_emit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
