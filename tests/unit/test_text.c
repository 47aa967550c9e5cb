/* test_text.c: the text layer: decoding, sanitising, NFC, keys. */
#include "unit.h"

#include "base/buf.h"
#include "text/text.h"

#define CLEAN_EQ(in, flags, want) UNIT_CLEAN_EQ(text_clean, in, flags, want)

static void
test_decode_invalid(void **state)
{
	(void)state;
	CLEAN_EQ("a\xC0\xAF" "b", 0, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");	/* overlong: each byte */
	CLEAN_EQ("\xED\xA0\x80", 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");	/* surrogate */
	CLEAN_EQ("x\xE2\x82", 0, "x\xEF\xBF\xBD");	/* truncated sequence: one U+FFFD */
	CLEAN_EQ("\xF4\x90\x80\x80", 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	CLEAN_EQ("\xEF\xBF\xBD", 0, "\xEF\xBF\xBD");	/* a real U+FFFD stays */
	CLEAN_EQ("\xF0\x9F\x98\x80", 0, "\xF0\x9F\x98\x80");
}

static void
test_controls(void **state)
{
	(void)state;
	CLEAN_EQ("a\x1b]52;c;x\x07" "b", 0, "a]52;c;xb");
	CLEAN_EQ("t\tn\nx\x7f\x01", 0, "t\tn\nx");
	CLEAN_EQ("c1\xC2\x9B" "31m", 0, "c131m");
	CLEAN_EQ("bidi\xE2\x80\xAE" "evil\xE2\x81\xA6" "x", 0, "bidievilx");
	CLEAN_EQ("crlf\r\nline\rend", 0, "crlf\nline\nend");
	CLEAN_EQ("nul\0byte", 0, "nulbyte");
}

static void
test_squeeze(void **state)
{
	(void)state;
	CLEAN_EQ("  Wrapped title\n  continues  here ", TEXT_ONELINE | TEXT_SQUEEZE,
	    "Wrapped title continues here");
	CLEAN_EQ("\n\npara one\n\npara two\n\n", TEXT_SQUEEZE, "para one\n\npara two");
}

static void
test_nfc(void **state)
{
	(void)state;
	/* e + combining acute -> é; Hangul jamo -> syllable */
	CLEAN_EQ("e\xCC\x81", 0, "\xC3\xA9");
	CLEAN_EQ("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 0, "\xED\x95\x9C");
	CLEAN_EQ("\xED\x95\x9C\xEA\xB8\x80", 0, "\xED\x95\x9C\xEA\xB8\x80");
}

static void
test_title_key(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *x = "Unlearning Sensitive Information in Multimodal LLMs: Benchmark and Attack-Defense Evaluation";
	const char *y = "unlearning  sensitive information in multimodal llms - benchmark and attack defense evaluation!";

	(void)state;
	buf_init(&a);
	buf_init(&b);
	text_title_key(&a, x, strlen(x));
	text_title_key(&b, y, strlen(y));
	assert_string_equal(a.buf, b.buf);
	buf_setlen(&a, 0);
	buf_setlen(&b, 0);
	text_title_key(&a, "\xC3\x89" "chos", 6);
	text_title_key(&b, "E\xCC\x81" "CHOS", 7);
	assert_string_equal(a.buf, b.buf);
	/* a key or none, as text_title_key makes it: letters and digits of any script */
	assert_true(text_has_title_key("?? a", 4));
	assert_true(text_has_title_key("\xED\x95\x99", 3));		/* 학 */
	assert_true(text_has_title_key("\xE2\x91\xA0", 3));		/* ① , a number */
	assert_false(text_has_title_key("???", 3));
	assert_false(text_has_title_key("\xE2\x80\x94 !", 5));	/* an em dash */
	assert_false(text_has_title_key("a", 0));
	buf_free(&a);
	buf_free(&b);
}

static void
test_fold(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	(void)state;
	buf_init(&a);
	buf_init(&b);
	text_fold(&a, "STRASSE Ǆ", strlen("STRASSE Ǆ"));
	text_fold(&b, "straße ǆ", strlen("straße ǆ"));
	assert_string_equal(a.buf, b.buf);
	buf_free(&a);
	buf_free(&b);
}

static void
test_is_clean(void **state)
{
	(void)state;
	assert_true(text_is_clean("ok\ttab\n", 7));
	assert_false(text_is_clean("bad\x1b", 4));
	assert_false(text_is_clean("bad\xC2\x9B", 5));
	assert_false(text_is_clean("\xFF", 1));
	/* the bounds of printable ASCII, which is taken a byte at a time */
	assert_true(text_is_clean(" ~", 2));
	assert_false(text_is_clean("~\x7F", 2));
	assert_false(text_is_clean("a\x1F", 2));
	assert_true(text_is_clean("\xEA\xB0\x80 \xEF\xBF\xBD", 7));	/* 가, a space, U+FFFD itself */
	assert_false(text_is_clean("a\xE2\x80\xAE", 4));	/* RLO */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_title_key),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_is_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
