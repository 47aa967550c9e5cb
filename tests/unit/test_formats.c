/* test_formats.c: the format table: sniffing each format, and which one wins. */
#include "unit.h"

#include "base/buf.h"
#include "ingest/format.h"
#include "ingest/ingest.h"

/* Name of the format sniffed in the NUL-terminated s. */
static const char *
sniff(const char *s)
{
	return ingest_format_name(ingest_sniff(s, strlen(s)));
}

static void
test_sniff(void **state)
{
	(void)state;
	assert_string_equal(ingest_format_name(ingest_sniff("\n\n## Papers for 2024-01-01\n", 26)), "table");
	assert_string_equal(ingest_format_name(ingest_sniff("| Title | Authors |\n|---|---|\n", 30)), "table");
	assert_string_equal(ingest_format_name(ingest_sniff("## Daily Papers (2024-01-01)\n", 29)), "ko-digest");
	assert_string_equal(ingest_format_name(ingest_sniff("Abstract:Text", 13)), "abstract");
	assert_string_equal(ingest_format_name(ingest_sniff("new\n\nSubscribe\n\nbyAK and the research community\n", 48)), "hf-page");
	assert_string_equal(ingest_format_name(ingest_sniff("  [ {\"title\": 1} ]", 19)), "json");
	assert_string_equal(ingest_format_name(ingest_sniff("<?xml version=\"1.0\"?>\n<feed xmlns=\"x\">", 38)), "atom");
	assert_string_equal(ingest_format_name(ingest_sniff("| folder | what |\n| a | 2024-09-05 Title |\n", 43)), "unknown");
	assert_string_equal(ingest_format_name(ingest_sniff("hello\nworld\n", 12)), "unknown");
	assert_string_equal(ingest_format_name(ingest_sniff("", 0)), "unknown");
}

/* The earliest marker wins, whatever the order of the table's rows. */
static void
test_earliest_marker(void **state)
{
	(void)state;
	assert_string_equal(sniff("intro\n## Daily Papers (2024-01-01)\nAbstract: x\n"), "ko-digest");
	assert_string_equal(sniff("intro\nAbstract: x\n## Daily Papers (2024-01-01)\n"), "abstract");
	assert_string_equal(sniff("Abstract: x\n## Papers for 2024-01-01\n"), "abstract");
	assert_string_equal(sniff("### [T](u)\n| Title |\n|---|\n"), "ko-digest");
	assert_string_equal(sniff("| Title |\n|---|\n### [T](u)\n"), "table");
	/* a day label counts only as the first line */
	assert_string_equal(sniff("May 9\nAbstract: x\n"), "hf-page");
	assert_string_equal(sniff("x\nMay 9\nAbstract: x\n"), "abstract");
	/* JSON and XML are decided by their first bytes: '[' and a value, '{' naming papers */
	assert_string_equal(sniff("[\n{\"title\": \"Abstract: x\"}]\n"), "json");
	assert_string_equal(sniff("[1, 2]"), "json");
	/* a badge line is markdown, not JSON */
	assert_string_equal(sniff("[![Stars](https://img.shields.io/x)](https://github.com/x)\nAbstract: x\n"), "abstract");
	assert_string_equal(sniff("[Home](index.md)\nAbstract: x\n"), "abstract");
	/* an object that names no papers (a saved error page) is not a digest */
	assert_string_equal(sniff("{\"error\": \"Sorry, we can't find the page\"}"), "unknown");
	assert_string_equal(sniff("<rss>\nAbstract: x\n"), "atom");
	assert_string_equal(sniff("<p>\nAbstract: x\n"), "abstract");
	/* a BOM and leading blank lines are skipped */
	assert_string_equal(sniff("\xEF\xBB\xBF\n\n  {\"title\": 1}"), "json");
}

/* Markers are looked for in the first 64 KiB and 2,000 lines only. */
static void
test_sniff_limits(void **state)
{
	struct buf b = BUF_INIT;
	size_t k;

	(void)state;
	buf_init(&b);
	for (k = 0; k < FORMAT_SNIFF_LINES - 1; k++)
		buf_puts(&b, "x\n");
	buf_puts(&b, "Abstract: last line looked at\n");
	assert_string_equal(ingest_format_name(ingest_sniff(b.buf, b.len)), "abstract");
	buf_setlen(&b, 0);
	for (k = 0; k < FORMAT_SNIFF_LINES; k++)
		buf_puts(&b, "x\n");
	buf_puts(&b, "Abstract: one line too far\n");
	assert_string_equal(ingest_format_name(ingest_sniff(b.buf, b.len)), "unknown");
	buf_setlen(&b, 0);
	/* one long line, then "Abstract:" whole at the end of the first 64 KiB ... */
	for (k = 0; k < FORMAT_SNIFF_MAX - 10; k++)
		buf_addch(&b, 'x');
	buf_puts(&b, "\nAbstract: fits\n");
	assert_string_equal(ingest_format_name(ingest_sniff(b.buf, b.len)), "abstract");
	/* ... or cut by it */
	buf_setlen(&b, 0);
	for (k = 0; k < FORMAT_SNIFF_MAX - 5; k++)
		buf_addch(&b, 'x');
	buf_puts(&b, "\nAbstract: cut\n");
	assert_string_equal(ingest_format_name(ingest_sniff(b.buf, b.len)), "unknown");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_earliest_marker),
		cmocka_unit_test(test_sniff_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
