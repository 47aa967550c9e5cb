/* test_inline.c: markdown/HTML inline reduction (ingest/inline.c). */
#include "unit.h"

#include "base/buf.h"
#include "ingest/inline.h"
#include "text/text.h"

#define CLEAN_EQ(in, flags, want) UNIT_CLEAN_EQ(inline_clean, in, flags, want)

static void
test_inline(void **state)
{
	(void)state;
	CLEAN_EQ("**bold** and *it* and `code *x*`", 0, "bold and it and code *x*");
	CLEAN_EQ("snake_case_name stays", 0, "snake_case_name stays");
	CLEAN_EQ("x<sup>2</sup> &amp; &lt;b&gt; &#x41;&#66;", 0, "x2 & <b> AB");
	CLEAN_EQ("keep <TRK> pseudo-tags", 0, "keep <TRK> pseudo-tags");
	CLEAN_EQ("math $a*b*c$ stays", 0, "math $a*b*c$ stays");
	CLEAN_EQ("see [the paper](https://x.org) now", 0, "see the paper now");
	CLEAN_EQ("esc &#27;[31m gone", 0, "esc [31m gone");
	CLEAN_EQ("5 * 3 = 15", 0, "5 * 3 = 15");
	CLEAN_EQ("unclosed [link](http", 0, "unclosed [link](http");
	CLEAN_EQ("<div><video controls src=\"u\"></video></div>text", 0, "text");
}

static void
test_clean_too(void **state)
{
	(void)state;
	/* sanitising, squeezing and NFC still apply around the reduction */
	CLEAN_EQ("a\x1b[31m**b**\xC2\x9B", 0, "a[31mb");
	CLEAN_EQ("  *wrapped*\n  title ", TEXT_ONELINE | TEXT_SQUEEZE, "wrapped title");
	/* an entity's combining mark composes with the letter before it */
	CLEAN_EQ("e&#x301;", 0, "\xC3\xA9");
	CLEAN_EQ("e<i>\xCC\x81</i>", 0, "\xC3\xA9");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_clean_too),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
