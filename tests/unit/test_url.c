/* test_url.c: the one byte rule of URLs, scheme scanning, prefixes. */
#include "unit.h"

#include "base/url.h"

/* Every byte is either kept as it is, named, or neither (controls, non-ASCII). */
static void
test_byte_rule(void **state)
{
	const char *refused = " '\"`\\<>{}|^";
	unsigned c;

	(void)state;
	for (c = 0; c < 256; c++) {
		int special = c && strchr(refused, (int)c) != NULL;

		assert_int_equal(url_byte_name((unsigned char)c) != NULL, special);
		assert_int_equal(url_byte_ok((unsigned char)c),
		    c > 0x20 && c < 0x7f && !special);
	}
	assert_string_equal(url_byte_name('`'), "backtick");
	assert_string_equal(url_byte_name(' '), "space");
	assert_true(url_byte_ok('%'));
	assert_true(url_byte_ok('('));
	assert_false(url_byte_ok(0x80));
	assert_false(url_byte_ok(0x7f));
}

/* A scheme is letters then letters, digits, + - . and a colon. */
static void
test_scheme(void **state)
{
	(void)state;
	assert_int_equal(url_scheme_len("https://x.org", 13), 5);
	assert_int_equal(url_scheme_len("svn+ssh://h", 11), 7);
	assert_int_equal(url_scheme_len("file:/etc", 9), 4);
	assert_int_equal(url_scheme_len("example.org/x", 13), 0);
	assert_int_equal(url_scheme_len("1http://x", 9), 0);
	assert_int_equal(url_scheme_len(":x", 2), 0);
	assert_int_equal(url_scheme_len("http", 4), 0);	/* no colon within n */
	assert_int_equal(url_scheme_len("http:", 4), 0);
}

/* Prefixes ignore ASCII case only. */
static void
test_prefix(void **state)
{
	(void)state;
	assert_true(url_prefix_ci("HTTPS://x", 9, "https://"));
	assert_true(url_prefix_ci("http", 4, "http"));
	assert_false(url_prefix_ci("htt", 3, "http"));
	assert_false(url_prefix_ci("ftp://", 6, "http"));
}

/* A refused byte becomes %XX in upper-case hex. */
static void
test_percent(void **state)
{
	char t[3];

	(void)state;
	url_percent(t, ' ');
	assert_memory_equal(t, "%20", 3);
	url_percent(t, 0xff);
	assert_memory_equal(t, "%FF", 3);
	url_percent(t, '\n');
	assert_memory_equal(t, "%0A", 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_byte_rule),
		cmocka_unit_test(test_scheme),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_prefix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
