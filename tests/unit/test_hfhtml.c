/* test_hfhtml.c: the Hugging Face papers page as HTML (ingest/hfhtml.c), through the public API. */
#include "unit.h"

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"

/* The paper with arXiv id id, or NULL. */
static const struct paper *
by_id(const struct unit_run *r, const char *id)
{
	size_t i;

	for (i = 0; i < lib_npapers(r->lib); i++)
		if (lib_paper(r->lib, i)->id && strcmp(lib_paper(r->lib, i)->id, id) == 0)
			return lib_paper(r->lib, i);
	return NULL;
}

/* True when some message's text contains needle. */
static int
has_msg(const struct unit_run *r, const char *needle)
{
	size_t i;

	for (i = 0; i < ingest_nmsgs(r->ing); i++)
		if (strstr(ingest_msg(r->ing, i)->text, needle))
			return 1;
	return 0;
}

#define HEAD "<!doctype html>\n<html><head><meta charset=\"utf-8\">\n" \
	"<link rel=\"canonical\" href=\"https://huggingface.co/papers/date/2025-05-07\">\n" \
	"<title>Daily Papers - Hugging Face</title></head><body>\n"

/* One <article> with votes and a heading linking to the paper. */
#define ARTICLE(id, votes, title) \
	"<article class=\"relative flex\"><a href=\"/papers/" id "\"><img src=\"x.png\"></a>\n" \
	"<div><label><input type=\"checkbox\"><svg><path d=\"M1\"></path></svg>\n" \
	"<div class=\"leading-none\">" votes "</div></label></div>\n" \
	"<div><h3 class=\"mb-1\"><a href=\"/papers/" id "\" class=\"line-clamp-3\">" title "</a></h3>\n" \
	"<a href=\"/papers/" id "#community\">4 comments</a></div></article>\n"

static void
test_sniff(void **state)
{
	static const char page[] = HEAD ARTICLE("2505.00001", "3", "T") "</body></html>\n";
	static const char props[] = "<html><body><div data-target=\"DailyPapers\" data-props=\"{}\"></div></body></html>";
	static const char other[] = "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>";
	static const char feed[] = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";

	(void)state;
	assert_string_equal(ingest_format_name(ingest_sniff(page, sizeof page - 1)), "hf-html");
	assert_string_equal(ingest_format_name(ingest_sniff(props, sizeof props - 1)), "hf-html");
	assert_null(ingest_sniff(other, sizeof other - 1));
	assert_string_equal(ingest_format_name(ingest_sniff(feed, sizeof feed - 1)), "atom");
}

/* The embedded data-props JSON, entities and all, read like the API. */
static void
test_props(void **state)
{
	static const char page[] = HEAD
	    "<div class=\"SVELTE_HYDRATER contents\" data-target=\"DailyPapers\" data-props=\""
	    "{&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2505.00011&quot;,"
	    "&quot;authors&quot;:[{&quot;name&quot;:&quot;Ada Ng&quot;},{&quot;name&quot;:&quot;Bo Li&quot;}],"
	    "&quot;title&quot;:&quot;Fish &amp; Chips: A &lt;b&gt;Study&lt;/b&gt;&quot;,"
	    "&quot;summary&quot;:&quot;We study fish.&quot;,&quot;upvotes&quot;:42},"
	    "&quot;title&quot;:&quot;Fish &amp; Chips: A &lt;b&gt;Study&lt;/b&gt;&quot;,"
	    "&quot;numComments&quot;:2},"
	    "{&quot;paper&quot;:{&quot;id&quot;:&quot;2505.00012&quot;,&quot;title&quot;:&quot;Second&quot;,"
	    "&quot;upvotes&quot;:7},&quot;title&quot;:&quot;Second&quot;}],"
	    "&quot;date&quot;:&quot;2025-05-07T00:00:00.000Z&quot;}\">\n"
	    ARTICLE("2505.00099", "1", "Only in the markup") "</div></body></html>\n";
	struct unit_run r = unit_ingest_str("page.html", page);
	const struct paper *p = by_id(&r, "2505.00011");

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 2);	/* the data wins: the markup is not read */
	assert_non_null(p);
	assert_string_equal(p->title, "Fish & Chips: A Study");
	assert_int_equal(p->votes, 42);
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(p->authors[1], "Bo Li");
	assert_string_equal(p->sums[0].text, "We study fish.");
	assert_non_null(by_id(&r, "2505.00012"));
	assert_null(by_id(&r, "2505.00099"));
	assert_string_equal(ingest_format_name(ingest_file(r.ing, 0)->fmt), "hf-html");
	unit_run_free(&r);
}

/* Without the data: the headings, their votes and the page's day. */
static void
test_markup(void **state)
{
	static const char page[] = HEAD "<main><div class=\"grid\">\n"
	    ARTICLE("2505.00021", "57", "Lantern &amp; Probes")
	    ARTICLE("2505.00022", "0", "Quill")
	    "<article><h3><a href=\"/papers/date/2025-05-06\">Previous day</a></h3></article>\n"
	    "<h2><a href=\"/models\">Models</a></h2>\n"
	    "</div></main></body></html>\n";
	struct unit_run r = unit_ingest_str("page.html", page);
	const struct paper *p = by_id(&r, "2505.00021");
	const struct day *d;

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_non_null(p);
	assert_string_equal(p->title, "Lantern & Probes");
	assert_int_equal(p->votes, 57);
	assert_int_equal(by_id(&r, "2505.00022")->votes, 0);
	d = lib_day(r.lib, p->days[0]);
	assert_string_equal(d->label, "2025-05-07");
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	unit_run_free(&r);
}

/* A page saved by a browser: absolute links, no canonical link, broken data. */
static void
test_saved_page(void **state)
{
	static const char page[] = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Daily Papers</title></head>\n"
	    "<body><div data-target=\"DailyPapers\" data-props=\"{&quot;dailyPapers&quot;: [\">\n"
	    "<section><h3><a href=\"https://huggingface.co/papers/2505.00031\">Saved Paper</a></h3>\n"
	    "<h3><a href=\"https://evil.example/papers/2505.00032\">Not Hugging Face</a></h3>\n"
	    "</section></div></body></html>\n";
	struct unit_run r = unit_ingest_str("saved.html", page);
	const struct paper *p = by_id(&r, "2505.00031");

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(p);
	assert_int_equal(p->votes, -1);
	assert_string_equal(lib_day(r.lib, p->days[0])->label, "undated");
	assert_true(has_msg(&r, "data-props"));
	unit_run_free(&r);
}

/* Nothing to read, and nesting deeper than any real page. */
static void
test_empty_and_deep(void **state)
{
	static const char empty[] = HEAD "<p>No papers today.</p><a href=\"/papers\">Papers</a></body></html>\n";
	struct buf deep = BUF_INIT;
	struct unit_run r = unit_ingest_str("empty.html", empty), d;
	int i;

	(void)state;
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_true(has_msg(&r, "no papers"));
	unit_run_free(&r);
	buf_puts(&deep, HEAD);
	for (i = 0; i < 20000; i++)
		buf_puts(&deep, "<div>");
	buf_puts(&deep, "<article><h3><a href=\"/papers/2505.00041\">Deep</a></h3></article></body></html>");
	d = unit_ingest_str("deep.html", deep.buf);
	assert_string_equal(ingest_format_name(ingest_file(d.ing, 0)->fmt), "hf-html");
	unit_run_free(&d);
	buf_free(&deep);
}

/* A tag of 200,000 attributes is refused before the HTML parser; a long data-props is not. */
static void
test_attribute_bomb(void **state)
{
	struct buf page = BUF_INIT;
	struct unit_run r;
	int i;

	(void)state;
	buf_puts(&page, HEAD ARTICLE("2505.00001", "3", "Before") "<div");
	for (i = 0; i < 200000; i++)
		buf_printf(&page, " a%d=\"x\"", i);
	buf_puts(&page, "></div></body></html>\n");
	r = unit_ingest_str("bomb.html", page.buf);
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_true(has_msg(&r, "a start tag with more than 256 attributes: the document is not read"));
	unit_run_free(&r);
	/* 300 KB of data-props with 1,000 '=' inside its quotes: one attribute, read */
	buf_setlen(&page, 0);
	buf_puts(&page, HEAD "<div data-target=\"DailyPapers\" data-props=\"{&quot;x&quot;: &quot;");
	for (i = 0; i < 1000; i++)
		buf_puts(&page, "https://example.com/?a=b&amp;c ");
	for (i = 0; i < 9000; i++)
		buf_puts(&page, "padding padding padding padding ");
	buf_puts(&page, "&quot;}\"></div>" ARTICLE("2505.00002", "5", "After") "</body></html>\n");
	r = unit_ingest_str("long.html", page.buf);
	assert_false(has_msg(&r, "start tag"));
	assert_non_null(by_id(&r, "2505.00002"));
	unit_run_free(&r);
	buf_free(&page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_props),
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_saved_page),
		cmocka_unit_test(test_empty_and_deep),
		cmocka_unit_test(test_attribute_bomb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
