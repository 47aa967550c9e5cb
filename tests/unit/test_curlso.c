/* test_curlso.c: libcurl loaded on first use, its table, and a load that fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dlfcn.h>

#include "base/buf.h"
#include "fetch/curlso.h"
#include "fetch/sources.h"

#include "config.h"

/* True when libcurl is in the process (without loading it). */
static int
curl_loaded(void)
{
	void *h = dlopen(CURLSO_NAME, RTLD_LAZY | RTLD_NOLOAD);

	if (h)
		dlclose(h);
	return h != NULL;
}

/*
 * Nothing loads libcurl before the first fetch: not the program (it does
 * not link it), not reading source templates from the settings.  (Runs
 * first: the tests below load it.)
 */
static void
test_not_loaded(void **state)
{
	struct sources *s = sources_new();
	struct buf err = BUF_INIT;

	(void)state;
	assert_false(curl_loaded());
	assert_int_equal(sources_set(s, "ko", "https://e.org/{yyyy}/{mm}/{dd}.md", &err), 0);
	assert_int_equal(sources_set(s, "lo", "http://127.0.0.1:5/{date}", &err), 0);
	assert_int_equal(sources_set(s, "x", "http://example.com/{date}", &err), -1);
	assert_false(curl_loaded());
	sources_free(s);
	buf_free(&err);
}

/* The first call loads every function; later calls return the same table. */
static void
test_table(void **state)
{
	struct buf why = BUF_INIT;
	const struct curlso *c, *again;

	(void)state;
	c = curlso_get(&why);
	assert_non_null(c);
	assert_string_equal(why.buf, "");
	assert_true(curl_loaded());
#define CURLSO_CHECK(name) assert_non_null(c->name);
	CURLSO_FUNCS(CURLSO_CHECK)
#undef CURLSO_CHECK
	again = curlso_get(&why);
	assert_ptr_equal(again, c);
	assert_string_equal(why.buf, "");
	buf_free(&why);
}

/* Calls go through the table, the variadic ones included. */
static void
test_calls(void **state)
{
	struct buf why = BUF_INIT;
	const struct curlso *c = curlso_get(&why);
	CURLU *u;
	CURL *e;
	char *host = NULL, *port = NULL;
	void *priv = NULL;
	long code = -1;

	(void)state;
	assert_non_null(c);
	u = c->url();
	assert_non_null(u);
	assert_int_equal(c->url_set(u, CURLUPART_URL, "https://example.org:8443/a?b", 0), CURLUE_OK);
	assert_int_equal(c->url_get(u, CURLUPART_HOST, &host, 0), CURLUE_OK);
	assert_int_equal(c->url_get(u, CURLUPART_PORT, &port, 0), CURLUE_OK);
	assert_string_equal(host, "example.org");
	assert_string_equal(port, "8443");
	c->free(host);
	c->free(port);
	c->url_cleanup(u);

	e = c->easy_init();
	assert_non_null(e);
	assert_int_equal(c->easy_setopt(e, CURLOPT_PRIVATE, (void *)&code), CURLE_OK);
	assert_int_equal(c->easy_getinfo(e, CURLINFO_PRIVATE, (char **)&priv), CURLE_OK);
	assert_ptr_equal(priv, &code);
	assert_int_equal(c->easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code), CURLE_OK);
	assert_int_equal(code, 0);
	assert_string_equal(c->easy_strerror(CURLE_OK), "No error");
	c->easy_cleanup(e);
	buf_free(&why);
}

/* A library that is not there: -1, the reason appended, the table cleared. */
static void
test_missing(void **state)
{
	struct buf why = BUF_INIT;
	struct curlso t;

	(void)state;
	memset(&t, 0xff, sizeof t);
	buf_puts(&why, "fetch: ");
	assert_int_equal(curlso_load("libpaperboy-no-such-curl.so.4", &t, &why), -1);
	assert_non_null(strstr(why.buf, "fetch: cannot load libcurl: "));
	assert_non_null(strstr(why.buf, "libpaperboy-no-such-curl.so.4"));
	assert_null(strchr(why.buf, '\n'));
	assert_null(t.easy_init);
	assert_null(t.url_strerror);
	buf_free(&why);
}

/* A library that is not libcurl: its first missing function is named. */
static void
test_not_curl(void **state)
{
	struct buf why = BUF_INIT;
	struct curlso t;

	(void)state;
	assert_int_equal(curlso_load("libc.so.6", &t, &why), -1);
	assert_true(strncmp(why.buf, "cannot load libcurl: ", 21) == 0);
	assert_non_null(strstr(why.buf, "curl_easy_init"));
	assert_null(t.multi_init);
	buf_free(&why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_loaded),	/* first */
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_calls),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_not_curl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
