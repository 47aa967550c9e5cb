/* test_xmlso.c: libxml2 loaded when the first HTML or XML file needs it, its table, and a load that fails. */
#include "unit.h"

#include <dlfcn.h>

#include "ingest/xmlso.h"

#include "config.h"

/* True when libxml2 is in the process (without loading it). */
static int
xml_loaded(void)
{
	void *h = dlopen(XMLSO_NAME, RTLD_LAZY | RTLD_NOLOAD);

	if (h)
		dlclose(h);
	return h != NULL;
}

/*
 * Nothing loads libxml2 before a file needs it: not the program (it does
 * not link it), not a Markdown digest.  (Runs first: the tests below load it.)
 */
static void
test_not_loaded(void **state)
{
	static const char md[] =
		"## Daily Papers (2024-05-06)\n\n### [Title One](https://arxiv.org/abs/2405.00001)\n\nVote: 3\n";
	struct unit_run r;

	(void)state;
	assert_false(xml_loaded());
	r = unit_ingest("2025-05-06.md", md, sizeof md - 1);
	assert_int_equal(lib_npapers(r.lib), 1);
	unit_run_free(&r);
	assert_false(xml_loaded());
}

/* An Atom feed loads it; every function is in the table, the same table each time. */
static void
test_loaded_by_a_feed(void **state)
{
	static const char feed[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
		"  <updated>2025-08-20T00:00:00Z</updated>\n"
		"  <entry>\n"
		"    <id>oai:arXiv.org:2508.13167v1</id>\n"
		"    <title>Chain-of-Agents</title>\n"
		"    <summary>Agents all the way down.</summary>\n"
		"  </entry>\n"
		"</feed>\n";
	struct buf why = BUF_INIT;
	const struct xmlso *x;
	struct unit_run r;

	(void)state;
	r = unit_ingest("cs.AI.xml", feed, sizeof feed - 1);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_string_equal(lib_paper(r.lib, 0)->title, "Chain-of-Agents");
	unit_run_free(&r);
	assert_true(xml_loaded());
	x = xmlso_get(&why);
	assert_non_null(x);
	assert_string_equal(buf_str(&why), "");
#define XMLSO_CHECK(name) assert_non_null(x->name);
	XMLSO_FUNCS(XMLSO_CHECK)
#undef XMLSO_CHECK
	assert_ptr_equal(xmlso_get(&why), x);
	buf_free(&why);
}

/* A library that is not there: -1, the reason appended, the table cleared. */
static void
test_missing(void **state)
{
	struct buf why = BUF_INIT;
	struct xmlso t;

	(void)state;
	memset(&t, 0xff, sizeof t);
	buf_puts(&why, "x.html: ");
	assert_int_equal(xmlso_load("libpaperboy-no-such-xml.so.2", &t, &why), -1);
	assert_non_null(strstr(buf_str(&why), "x.html: cannot load libxml2: "));
	assert_non_null(strstr(buf_str(&why), "libpaperboy-no-such-xml.so.2"));
	assert_null(strchr(buf_str(&why), '\n'));
	assert_null(t.xmlInitParser);
	assert_null(t.xmlGetLineNo);
	buf_free(&why);
}

/* A library that is not libxml2: its first missing function is named. */
static void
test_not_xml(void **state)
{
	struct buf why = BUF_INIT;
	struct xmlso t;

	(void)state;
	assert_int_equal(xmlso_load("libc.so.6", &t, &why), -1);
	assert_true(strncmp(buf_str(&why), "cannot load libxml2: ", 21) == 0);
	assert_non_null(strstr(buf_str(&why), "xmlInitParser"));
	assert_null(t.htmlCtxtReadMemory);
	buf_free(&why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_loaded),	/* first */
		cmocka_unit_test(test_loaded_by_a_feed),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_not_xml),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
