/* test_dump.c: the library as JSON Lines (export/dump.c), checked by json-c. */
#include "unit.h"

#include <stdio.h>
#include <json-c/json.h>

#include "base/buf.h"
#include "export/dump.h"

/* JSON string literal of s. */
static char *
jstr(const char *s)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	dump_json_str(&b, s);
	return buf_detach(&b, NULL);
}

/* Assert that s dumps as want. */
static void
jstr_eq(const char *s, const char *want)
{
	char *got = jstr(s);

	assert_string_equal(got, want);
	free(got);
}

/* Quotes, backslashes and controls escaped; U+2028 and U+2029 too; NULL is null. */
static void
test_json_str(void **state)
{
	(void)state;
	jstr_eq(NULL, "null");
	jstr_eq("", "\"\"");
	jstr_eq("a\"b\\c", "\"a\\\"b\\\\c\"");
	jstr_eq("t\tn\n\x01\x7f", "\"t\\tn\\n\\u0001\\u007f\"");
	jstr_eq("x\xE2\x80\xA8y\xE2\x80\xA9z", "\"x\\u2028y\\u2029z\"");
	jstr_eq("\xE2\x82\xAC caf\xC3\xA9", "\"\xE2\x82\xAC caf\xC3\xA9\"");	/* other UTF-8 as is */
}

/* Each line json-c parses back to the paper's fields. */
static void
test_lines(void **state)
{
	struct lib *lib = lib_new();
	static const char *const authors[] = { "Ann \"Q\" A" };
	struct rec r = unit_rec("2505.00001", "A \\ title", "2025-05-06");
	char *out = NULL;
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&out, &len);
	char *line, *save = NULL;

	(void)state;
	r.authors = authors;
	r.nauthors = 1;
	r.votes = 7;
	lib_add_paper(lib, &r);
	r = unit_rec(NULL, "Second", NULL);
	lib_add_paper(lib, &r);
	lib_finish(lib);
	assert_non_null(f);
	assert_int_equal(dump_lib(f, lib, NULL), 0);
	fclose(f);
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save), n++) {
		json_object *o = json_tokener_parse(line), *v;

		assert_non_null(o);
		assert_true(json_object_object_get_ex(o, "title", &v));
		if (strcmp(json_object_get_string(v), "A \\ title") == 0) {
			assert_true(json_object_object_get_ex(o, "authors", &v));
			assert_string_equal(json_object_get_string(json_object_array_get_idx(v, 0)), "Ann \"Q\" A");
			assert_true(json_object_object_get_ex(o, "votes", &v));
			assert_int_equal(json_object_get_int(v), 7);
			assert_true(json_object_object_get_ex(o, "read", &v));
			assert_false(json_object_get_boolean(v));
		} else {
			assert_string_equal(json_object_get_string(v), "Second");
			assert_true(json_object_object_get_ex(o, "id", &v));
			assert_true(json_object_is_type(v, json_type_null));
		}
		json_object_put(o);
	}
	assert_int_equal(n, 2);
	free(out);
	lib_free(lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
