/* test_buf.c: growable byte strings (base/buf.c). */
#include "unit.h"

#include "base/buf.h"

/* An empty buffer is a valid empty string before anything is appended (BUF_INIT too). */
static void
test_empty(void **state)
{
	struct buf a = BUF_INIT, b;

	(void)state;
	buf_init(&b);
	assert_non_null(a.buf);
	assert_string_equal(a.buf, "");
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(a.len, 0);
	buf_free(&a);		/* freeing an unused buffer is fine, and it stays usable */
	assert_string_equal(a.buf, "");
	buf_puts(&a, "x");
	assert_string_equal(a.buf, "x");
	buf_free(&a);
	buf_free(&b);
}

/* Appending keeps a NUL after the text; printf never truncates. */
static void
test_append(void **state)
{
	struct buf b = BUF_INIT;
	size_t i, len;
	char *s;

	(void)state;
	buf_add(&b, "ab\0c", 4);
	assert_int_equal(b.len, 4);
	assert_int_equal(b.buf[4], '\0');
	buf_setlen(&b, 1);
	assert_string_equal(b.buf, "a");
	for (i = 0; i < 1000; i++)
		buf_addch(&b, 'x');
	assert_int_equal(b.len, 1001);
	assert_true(b.alloc > b.len);
	buf_setlen(&b, 0);
	buf_printf(&b, "%s-%05d-%s", "a", 42, "z");
	assert_string_equal(b.buf, "a-00042-z");
	buf_printf(&b, "%2000s|", "");
	assert_int_equal(b.len, 9 + 2001);
	assert_int_equal(b.buf[b.len - 1], '|');
	s = buf_detach(&b, &len);
	assert_int_equal(len, 2010);
	assert_int_equal(strlen(s), 2010);
	assert_string_equal(b.buf, "");	/* detached: empty again */
	free(s);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_append),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
