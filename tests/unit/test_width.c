/* test_width.c: display widths, clusters, wrapping and truncation. */
#include "unit.h"

#include "base/buf.h"
#include "text/width.h"

#define HAN "\xED\x95\x9C"		/* 한 U+D55C */
#define GUL "\xEA\xB8\x80"		/* 글 U+AE00 */
#define ZHONG "\xE4\xB8\xAD"		/* 中 U+4E2D */
#define MAN "\xF0\x9F\x91\xA8"		/* U+1F468 */
#define WOMAN "\xF0\x9F\x91\xA9"	/* U+1F469 */
#define ZWJ "\xE2\x80\x8D"
#define ACUTE "\xCC\x81"		/* U+0301 combining acute */
#define VS16 "\xEF\xB8\x8F"
#define HEART "\xE2\x9D\xA4"		/* U+2764, one cell */
#define ELL "\xE2\x80\xA6"
#define RLO "\xE2\x80\xAE"

/* Width of a C string. */
static size_t
w(const char *s)
{
	return width_of(s, strlen(s));
}

/* Widths of single characters and sequences. */
static void
test_widths(void **state)
{
	(void)state;
	assert_int_equal(w(""), 0);
	assert_int_equal(w("abc"), 3);
	assert_int_equal(w(HAN GUL), 4);
	assert_int_equal(w(ZHONG), 2);
	assert_int_equal(w(MAN), 2);
	assert_int_equal(w("e" ACUTE), 1);
	assert_int_equal(w(HEART VS16), 1);
	assert_int_equal(w(MAN ZWJ WOMAN), 4);	/* ZWJ zero, each emoji two */
	assert_int_equal(w("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 2);	/* thumbs up, skin tone */
	assert_int_equal(w("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), 2);	/* L V T jamo */
	assert_int_equal(w("a" RLO "b"), 2);	/* bidi control dropped */
	assert_int_equal(w("a\x1b[31mb"), 7);	/* ESC shown as U+FFFD */
	assert_int_equal(w("\xff\xfe"), 2);	/* invalid bytes: U+FFFD each */
	assert_int_equal(w("\xe4\xb8"), 1);	/* truncated sequence */
	assert_int_equal(width_str(NULL), 0);
	assert_int_equal(w("2024-12-31 ~ Paper: A/B"), 23);	/* printable ASCII alone: a cell each */
	assert_int_equal(w("Cafe\xCC\x81 au lait"), 12);	/* a mark after ASCII joins its base */
	assert_int_equal(w("tab\there"), 8);		/* a control: the clusters' own rule */
	assert_int_equal(w(" "), 1);
	assert_int_equal(w("~"), 1);
}

/* Clusters keep marks and joiners with their base. */
static void
test_clusters(void **state)
{
	const char *s = "e" ACUTE MAN ZWJ WOMAN HAN "x";
	struct width_cluster c;
	size_t pos = 0, n = strlen(s);

	(void)state;
	assert_true(width_next_cluster(s, n, &pos, &c));
	assert_int_equal(c.len, 3);
	assert_int_equal(c.width, 1);
	assert_true(width_next_cluster(s, n, &pos, &c));
	assert_int_equal(c.len, 11);
	assert_int_equal(c.width, 4);
	assert_true(width_next_cluster(s, n, &pos, &c));
	assert_int_equal(c.width, 2);
	assert_true(width_next_cluster(s, n, &pos, &c));
	assert_int_equal(c.width, 1);
	assert_false(width_next_cluster(s, n, &pos, &c));
}

/* Truncate s to width and compare with want (also checking the width). */
static void
check_trunc(const char *s, size_t width, unsigned flags, const char *want)
{
	struct buf b = BUF_INIT;
	size_t used;

	buf_init(&b);
	used = width_trunc(&b, s, strlen(s), width, flags);
	assert_string_equal(buf_str(&b), want);
	assert_int_equal(used, width_of(b.buf, b.len));
	buf_free(&b);
}

/* Truncation ends in an ellipsis at exactly the width. */
static void
test_trunc(void **state)
{
	(void)state;
	check_trunc("hello", 10, 0, "hello");
	check_trunc("hello", 10, WIDTH_PAD, "hello     ");
	check_trunc("hello", 5, 0, "hello");
	check_trunc("hello world", 5, 0, "hell" ELL);
	check_trunc("hello", 1, 0, ELL);
	check_trunc("hello", 0, 0, "");
	check_trunc(HAN GUL HAN, 4, 0, HAN " " ELL);	/* wide char would straddle: pad */
	check_trunc(HAN GUL HAN, 5, 0, HAN GUL ELL);
	check_trunc(HAN GUL HAN, 6, 0, HAN GUL HAN);
	check_trunc("e" ACUTE "e" ACUTE "e" ACUTE, 2, 0, "e" ACUTE ELL);
	check_trunc(MAN ZWJ WOMAN "!", 4, 0, "   " ELL);	/* cluster not split */
	check_trunc(MAN ZWJ WOMAN, 4, 0, MAN WOMAN);		/* ZWJ never emitted */
	check_trunc(HEART VS16 "x", 4, 0, HEART "x");		/* nor VS16 */
	check_trunc("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!", 4, 0, "\xF0\x9F\x91\x8D!");	/* nor a skin tone */
	check_trunc("a\x1b]52;c;QQ==\x07z", 40, 0,
	    "a\xEF\xBF\xBD]52;c;QQ==\xEF\xBF\xBDz");
	check_trunc("x\xc2\x9b" "31m", 40, 0, "x\xEF\xBF\xBD" "31m");	/* C1 CSI */
	check_trunc("x" RLO "y", 40, 0, "xy");
	check_trunc("a\nb", 40, 0, "a b");
	check_trunc(ACUTE "a", 40, 0, "a");	/* a lone mark is not emitted */
}

/* Wrap s at width and compare the lines with the NULL-terminated want[]. */
static void
check_wrap(const char *s, size_t width, const char *const *want)
{
	struct width_lines l = { NULL, 0, 0 };
	size_t i;

	width_wrap(&l, s, strlen(s), width);
	for (i = 0; want[i]; i++) {
		assert_true(i < l.n);
		assert_int_equal(l.v[i].len, strlen(want[i]));
		assert_memory_equal(s + l.v[i].off, want[i], l.v[i].len);
		assert_int_equal(l.v[i].width, width_of(want[i], strlen(want[i])));
		if (l.v[i].width > width)	/* only a lone over-wide cluster */
			assert_int_equal(width_of(want[i], strlen(want[i])), l.v[i].width);
	}
	assert_int_equal(l.n, i);
	width_lines_free(&l);
}

/* English wraps at spaces; long words break hard. */
static void
test_wrap_english(void **state)
{
	const char *a[] = { "the quick", "brown fox", "jumps", NULL };
	const char *b[] = { "a", "supercalif", "ragilistic", "b", NULL };
	const char *c[] = { "one", "", "two", NULL };
	const char *d[] = { "exactly10!", "next", NULL };
	const char *e[] = { "  indented", "text", NULL };
	const char *f[] = { NULL };

	(void)state;
	check_wrap("the quick brown fox jumps", 10, a);
	check_wrap("a supercalifragilistic b", 10, b);
	check_wrap("one\n\ntwo\n", 10, c);
	check_wrap("exactly10!   next  ", 10, d);
	check_wrap("  indented text", 10, e);
	check_wrap("", 10, f);
}

/* Korean wraps at spaces too, in cells, and never splits a syllable. */
static void
test_wrap_korean(void **state)
{
	const char *a[] = { HAN GUL " " HAN, GUL HAN GUL, NULL };
	const char *b[] = { HAN GUL, HAN GUL, HAN, NULL };
	const char *c[] = { HAN, GUL, NULL };
	const char *d[] = { "ab " MAN ZWJ WOMAN, "cd", NULL };

	(void)state;
	check_wrap(HAN GUL " " HAN " " GUL HAN GUL, 7, a);
	check_wrap(HAN GUL HAN GUL HAN, 5, b);		/* hard break, no straddle */
	check_wrap(HAN GUL, 1, c);			/* over-wide clusters alone */
	check_wrap("ab " MAN ZWJ WOMAN " cd", 7, d);
}

/* Widths agree with the sum of clusters on arbitrary bytes (no crash). */
static void
test_robust(void **state)
{
	unsigned char bytes[512];
	struct width_lines l = { NULL, 0, 0 };
	struct buf b = BUF_INIT;
	unsigned x = 12345;
	size_t i, k;

	(void)state;
	buf_init(&b);
	for (k = 0; k < 200; k++) {
		size_t sum = 0, n = (k * 7) % sizeof bytes;

		for (i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			bytes[i] = (unsigned char)(x >> 16);
		}
		width_wrap(&l, (const char *)bytes, n, 1 + k % 13);
		for (i = 0; i < l.n; i++)
			sum += l.v[i].width;
		assert_true(sum <= width_of((const char *)bytes, n));
		buf_setlen(&b, 0);
		assert_true(width_trunc(&b, (const char *)bytes, n, k % 17, WIDTH_PAD) == k % 17);
		assert_int_equal(width_of(b.buf, b.len), k % 17);
		for (i = 0; i < b.len; i++)
			assert_true((unsigned char)b.buf[i] >= 0x20 && b.buf[i] != 0x7f &&
			    !((unsigned char)b.buf[i] == 0xc2 &&
			    (unsigned char)b.buf[i + 1] < 0xa0));
		l.n = 0;
	}
	width_lines_free(&l);
	buf_free(&b);
}

/* Run the groups. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_trunc),
		cmocka_unit_test(test_wrap_english),
		cmocka_unit_test(test_wrap_korean),
		cmocka_unit_test(test_robust),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
