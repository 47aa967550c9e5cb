/* test_atom.c: unit tests of the Atom/RSS parser (ingest/atom.c), driven
 * through the public ingest API. */
#include "unit.h"

#include <unistd.h>

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "text/text.h"

static const char atom_rss[] =
	"<?xml version='1.0' encoding='UTF-8'?>\n"				/* 1 */
	"<feed xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns=\"http://www.w3.org/2005/Atom\">\n"
	"  <id>http://rss.arxiv.org/atom/cs.AI</id>\n"
	"  <title>cs.AI updates on arXiv.org</title>\n"
	"  <updated>2025-08-20T04:00:19.866337+00:00</updated>\n"		/* 5 */
	"  <link href=\"http://rss.arxiv.org/atom/cs.AI\" rel=\"self\" type=\"application/atom+xml\"/>\n"
	"  <entry>\n"								/* 7 */
	"    <id>oai:arXiv.org:2508.13167v1</id>\n"
	"    <title>Chain-of-Agents: End-to-End   Agent\n   Foundation Models</title>\n"
	"    <updated>2025-08-20T04:00:19.910019+00:00</updated>\n"		/* 10 */
	"    <link href=\"https://arxiv.org/abs/2508.13167\" rel=\"alternate\" type=\"text/html\"/>\n"
	"    <summary>arXiv:2508.13167v1 Announce Type: new \n"
	"Abstract: Recent advances in large language models &amp; agents.</summary>\n"
	"    <category term=\"cs.AI\"/>\n"
	"    <category term=\"cs.CL\"/>\n"					/* 15 */
	"    <published>2025-08-19T00:00:00-04:00</published>\n"
	"    <arxiv:announce_type>new</arxiv:announce_type>\n"
	"    <dc:rights>http://creativecommons.org/licenses/by-nc-sa/4.0/</dc:rights>\n"
	"    <dc:creator>Weizhen Li, Jianbo Lin, Zhuosong Jiang</dc:creator>\n"
	"  </entry>\n"								/* 20 */
	"  <entry>\n"
	"    <id>oai:arXiv.org:2508.13435v1</id>\n"
	"    <title>SVDformer: Direction-Aware Spectral Graph Embedding</title>\n"
	"    <link href=\"https://arxiv.org/abs/2508.13435\" rel=\"alternate\" type=\"text/html\"/>\n"
	"    <summary>arXiv:2508.13435v1 Announce Type: cross \n"		/* 25 */
	"Abstract: Directed graphs are everywhere.</summary>\n"
	"    <category term=\"cs.LG\"/>\n"
	"    <dc:creator>Jiayu Fang, Zhiqi Shao</dc:creator>\n"
	"  </entry>\n"
	"</feed>\n";

/* An arXiv listing: ids, stripped "Announce Type" prefix, authors, dates. */
static void
test_atom_good(void **state)
{
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "cs.AI.xml", atom_rss);
	if (ingest_nmsgs(r.ing))
		unit_dump_msgs(&r);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_string_equal(ingest_format_name(ingest_file(r.ing, 0)->fmt), "atom");
	assert_int_equal(lib_npapers(r.lib), 2);
	p = unit_by_id(&r, "2508.13167");
	assert_non_null(p);
	assert_string_equal(p->title, "Chain-of-Agents: End-to-End Agent Foundation Models");
	assert_string_equal(unit_sum_of(p), "Recent advances in large language models & agents.");
	assert_int_equal(p->nauthors, 3);
	assert_string_equal(p->authors[2], "Zhuosong Jiang");
	assert_int_equal(p->ncats, 2);
	assert_string_equal(p->cats[0], "cs.AI");
	assert_string_equal(unit_day_of(&r, p), "2025-08-19");	/* published wins */
	assert_string_equal(unit_link_of(p, LINK_ARXIV), "https://arxiv.org/abs/2508.13167");
	p = unit_by_id(&r, "2508.13435");
	assert_non_null(p);
	assert_string_equal(unit_day_of(&r, p), "2025-08-20");	/* the feed's date */
	assert_string_equal(unit_sum_of(p), "Directed graphs are everywhere.");
	unit_run_free(&r);
}

/* The export.arxiv.org API shape and RSS 2.0 items. */
static void
test_atom_api_rss(void **state)
{
	static const char api[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n"
		"  <entry>\n"
		"    <id>http://arxiv.org/abs/2401.00001v2</id>\n"
		"    <updated>2024-01-03T00:00:00Z</updated>\n"
		"    <published>2024-01-01T18:00:00Z</published>\n"
		"    <title>A Title\n  Wrapped Over Lines</title>\n"
		"    <summary>  First line of the abstract\n  continues here.\n</summary>\n"
		"    <author><name>Ada Lovelace</name></author>\n"
		"    <author><name>Alan Turing</name><arxiv:affiliation>X</arxiv:affiliation></author>\n"
		"    <link href=\"http://arxiv.org/abs/2401.00001v2\" rel=\"alternate\" type=\"text/html\"/>\n"
		"    <link title=\"pdf\" href=\"http://arxiv.org/pdf/2401.00001v2\" rel=\"related\" type=\"application/pdf\"/>\n"
		"    <arxiv:primary_category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/>\n"
		"    <category term=\"cs.LG\"/><category term=\"stat.ML\"/>\n"
		"  </entry>\n"
		"</feed>\n";
	static const char rss[] =
		"<?xml version=\"1.0\"?>\n"
		"<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n"
		"<title>Papers</title><lastBuildDate>Mon, 02 Sep 2024 10:00:00 GMT</lastBuildDate>\n"
		"<item><title>RSS &lt;b&gt;Paper&lt;/b&gt;</title>\n"
		"<link>https://arxiv.org/abs/2409.00003</link>\n"
		"<description><![CDATA[<p>An <i>HTML</i> description.</p>]]></description>\n"
		"<dc:creator>Grace Hopper</dc:creator><category>cs.SE</category>\n"
		"<pubDate>Sun, 1 Sep 2024 12:00:00 +0000</pubDate></item>\n"
		"<item><title>Undated</title><link>https://example.org/p/1</link></item>\n"
		"</channel></rss>\n";
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "api.xml", api);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = unit_by_id(&r, "2401.00001");
	assert_non_null(p);
	assert_string_equal(p->title, "A Title Wrapped Over Lines");
	assert_string_equal(unit_sum_of(p), "First line of the abstract continues here.");
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(p->authors[1], "Alan Turing");
	assert_non_null(unit_link_of(p, LINK_PDF));
	assert_int_equal(p->ncats, 2);
	assert_string_equal(unit_day_of(&r, p), "2024-01-01");
	unit_run_free(&r);

	unit_run_str(&r, "rss.xml", rss);
	if (ingest_nmsgs(r.ing))
		unit_dump_msgs(&r);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 2);
	p = unit_by_id(&r, "2409.00003");
	assert_non_null(p);
	assert_string_equal(p->title, "RSS Paper");
	assert_string_equal(unit_sum_of(p), "An HTML description.");
	assert_string_equal(p->authors[0], "Grace Hopper");
	assert_string_equal(p->cats[0], "cs.SE");
	assert_string_equal(unit_day_of(&r, p), "2024-09-01");
	p = unit_by_title(&r, "Undated");
	assert_non_null(p);
	assert_string_equal(unit_day_of(&r, p), "2024-09-02");	/* lastBuildDate */
	unit_run_free(&r);
}

/* Atom XHTML content and RSS 1.0 (RDF) items. */
static void
test_atom_xhtml_rdf(void **state)
{
	static const char xhtml[] =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"html\">A &lt;i&gt;Title&lt;/i&gt;</title>\n"
		"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>One.</p><p>Two <b>bold</b>.</p></div></content>\n"
		"<link href=\"https://arxiv.org/pdf/2402.00003v1\" type=\"application/pdf\"/></entry></feed>";
	static const char rdf[] =
		"<?xml version=\"1.0\"?>\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
		"<channel><title>t</title><dc:date>2024-03-04</dc:date></channel>\n"
		"<item rdf:about=\"http://arxiv.org/abs/2403.00005\"><title>RDF Paper</title>\n"
		"<link>http://arxiv.org/abs/2403.00005</link><description>Text.</description>\n"
		"<dc:creator>A. Author, B. Author</dc:creator></item></rdf:RDF>";
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "xhtml.xml", xhtml);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = unit_by_id(&r, "2402.00003");
	assert_non_null(p);
	assert_string_equal(p->title, "A Title");
	assert_string_equal(unit_sum_of(p), "One. Two bold.");
	assert_non_null(unit_link_of(p, LINK_PDF));
	unit_run_free(&r);

	unit_run_str(&r, "rdf.xml", rdf);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = unit_by_id(&r, "2403.00005");
	assert_non_null(p);
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(unit_day_of(&r, p), "2024-03-04");
	unit_run_free(&r);
}

/* Entries without content are skipped with a warning; bad dates are named. */
static void
test_atom_missing(void **state)
{
	static const char in[] =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
		"<entry><title>Only a title</title></entry>\n"
		"<entry><category term=\"cs.AI\"/></entry>\n"
		"<entry><title>Bad date</title><published>next tuesday</published></entry>\n"
		"<entry><id>tag:example.org,2024:1</id><summary>Summary only.</summary></entry>\n"
		"</feed>\n";
	struct unit_run r;

	(void)state;
	unit_run_str(&r, "missing.atom", in);
	assert_int_equal(lib_npapers(r.lib), 3);
	unit_assert_msg(&r, 3, "skipped \"entry\" with no title");
	unit_assert_msg(&r, 4, "unreadable date in \"published\": \"next tuesday\"");
	assert_int_equal(ingest_nmsgs(r.ing), 2);
	unit_run_free(&r);
}

/* A feed cut off mid-entry: complete entries kept, the cut one skipped. */
static void
test_atom_truncated(void **state)
{
	struct buf in = BUF_INIT;
	struct unit_run r;
	const char *cut;

	(void)state;
	cut = strstr(atom_rss, "Directed graphs");
	buf_add(&in, atom_rss, (size_t)(cut - atom_rss));
	unit_run_buf(&r, "cut.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(unit_by_id(&r, "2508.13167"));
	assert_null(unit_by_id(&r, "2508.13435"));
	unit_assert_msg(&r, 27, "invalid XML: input ends inside \"summary\" (opened at line 26)");
	unit_assert_msg(&r, 22, "skipped incomplete \"entry\"");
	unit_run_free(&r);

	/* cut inside a start tag */
	buf_setlen(&in, 0);
	cut = strstr(atom_rss, "rel=\"alternate\" type=\"text/html\"/>\n    <summary>arXiv:2508.13435");
	buf_add(&in, atom_rss, (size_t)(cut - atom_rss) + 5);
	unit_run_buf(&r, "cut2.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	unit_assert_msg(&r, 0, "invalid XML");
	unit_assert_msg(&r, 22, "skipped incomplete \"entry\"");
	unit_run_free(&r);

	/* cut after the last entry closed: nothing lost */
	buf_setlen(&in, 0);
	cut = strstr(atom_rss, "</feed>");
	buf_add(&in, atom_rss, (size_t)(cut - atom_rss));
	unit_run_buf(&r, "cut3.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 2);
	unit_assert_msg(&r, 0, "input ends inside \"feed\"");
	unit_run_free(&r);
	buf_free(&in);
}

/* External entities are never loaded; internal ones are never expanded. */
static void
test_atom_xxe(void **state)
{
	char path[] = "/tmp/pb-xxe-XXXXXX";
	struct buf in = BUF_INIT;
	struct unit_run r;
	const struct paper *p;
	int fd;
	size_t i, k;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "XXE-SECRET-MARKER\n", 18), 18);
	close(fd);
	buf_printf(&in,
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE feed [\n"
	    "  <!ENTITY x SYSTEM \"file://%s\">\n"
	    "  <!ENTITY pw SYSTEM \"file:///etc/passwd\">\n"
	    "  <!ENTITY %% pe SYSTEM \"file://%s\"> %%pe;\n"
	    "  <!ENTITY a \"aaaaaaaaaaaaaaaa\">\n"
	    "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "  <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "  <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "  <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "]>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	    "<entry><title>Leak &x; &pw; here</title><summary>S &x; &f; &f;</summary>\n"
	    "<link href=\"https://arxiv.org/abs/2501.00001\"/><category term=\"&x;\"/></entry>\n"
	    "</feed>\n", path, path);
	unit_run_buf(&r, "xxe.xml", in.buf, in.len);
	unlink(path);
	assert_int_equal(lib_npapers(r.lib), 1);
	p = lib_paper(r.lib, 0);
	assert_string_equal(p->title, "Leak here");
	for (i = 0; i < p->nsums; i++)
		assert_true(strlen(p->sums[i].text) < 100);
	for (i = 0; i < lib_npapers(r.lib); i++) {
		p = lib_paper(r.lib, i);
		assert_null(strstr(p->title, "XXE-SECRET"));
		assert_null(strstr(p->title, "root:"));
		for (k = 0; k < p->nsums; k++) {
			assert_null(strstr(p->sums[k].text, "XXE-SECRET"));
			assert_null(strstr(p->sums[k].text, "root:"));
		}
		for (k = 0; k < p->ncats; k++)
			assert_null(strstr(p->cats[k], "XXE-SECRET"));
	}
	for (i = 0; i < ingest_nmsgs(r.ing); i++)
		assert_null(strstr(ingest_msg(r.ing, i)->text, "XXE-SECRET"));
	unit_run_free(&r);
	buf_free(&in);
}

/* A start tag with too many attributes, or too long, is refused before libxml2 sees it. */
static void
test_atom_attribute_limit(void **state)
{
	struct buf in = BUF_INIT;
	struct unit_run r;
	int i;

	(void)state;
	/* 256 attributes: read */
	buf_puts(&in, "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry");
	for (i = 0; i < 256; i++)
		buf_printf(&in, " a%d=\"x\"", i);
	buf_puts(&in, "><id>oai:arXiv.org:2501.00001v1</id><title>Fine</title></entry>\n</feed>\n");
	unit_run_buf(&r, "ok.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	unit_run_free(&r);
	/* 257: refused with the line of the tag */
	buf_setlen(&in, 0);
	buf_puts(&in, "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry");
	for (i = 0; i < 257; i++)
		buf_printf(&in, " a%d=\"x\"", i);
	buf_puts(&in, "><id>oai:arXiv.org:2501.00001v1</id><title>Bomb</title></entry>\n</feed>\n");
	unit_run_buf(&r, "bomb.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_int_equal(ingest_nmsgs(r.ing), 1);
	assert_int_equal(ingest_msg(r.ing, 0)->line, 3);
	assert_string_equal(ingest_msg(r.ing, 0)->text,
	    "a start tag with more than 256 attributes: the document is not read");
	unit_run_free(&r);
	/* 70 KB in one tag */
	buf_setlen(&in, 0);
	buf_puts(&in, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry title=\"");
	for (i = 0; i < 70000; i++)
		buf_addch(&in, 'x');
	buf_puts(&in, "\"><title>Long</title></entry></feed>\n");
	unit_run_buf(&r, "long.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_string_equal(ingest_msg(r.ing, 0)->text, "a start tag longer than 64 KiB: the document is not read");
	unit_run_free(&r);
	buf_free(&in);
}

/* Deep nesting, invalid UTF-8 and garbage: graceful, fast, no loss of good entries. */
static void
test_atom_hostile(void **state)
{
	struct buf in = BUF_INIT;
	struct unit_run r;
	double t0 = unit_cpu_seconds();
	size_t i;

	(void)state;
	buf_puts(&in, "<feed><entry><title>Before</title></entry>\n");
	for (i = 0; i < 30000; i++)
		buf_puts(&in, "<a>");
	for (i = 0; i < 30000; i++)
		buf_puts(&in, "</a>");
	buf_puts(&in, "\n<entry><title>After</title></entry></feed>\n");
	unit_run_buf(&r, "deep.xml", in.buf, in.len);
	assert_non_null(unit_by_title(&r, "Before"));
	unit_assert_msg(&r, 2, "invalid XML");
	assert_true(ingest_nmsgs(r.ing) <= 11);
	unit_run_free(&r);

	unit_run_str(&r, "utf8.xml",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed>\n"
	    "<entry><title>Good one</title></entry>\n"
	    "<entry><title>Caf\xC3 \xFF bad</title></entry>\n"
	    "</feed>\n");
	assert_non_null(unit_by_title(&r, "Good one"));
	assert_true(lib_npapers(r.lib) >= 1);
	unit_assert_msg(&r, 4, "invalid XML");
	for (i = 0; i < lib_npapers(r.lib); i++) {
		const struct paper *p = lib_paper(r.lib, i);

		assert_true(text_is_clean(p->title, strlen(p->title)));
	}
	unit_run_free(&r);

	/* many errors: at most 10 shown, then a count */
	buf_setlen(&in, 0);
	buf_puts(&in, "<rss><channel>\n");
	for (i = 0; i < 50; i++)
		buf_puts(&in, "<item><title>T &undefined; x</title><link>https://example.org/&</link></item>\n");
	buf_puts(&in, "</channel></rss>\n");
	unit_run_buf(&r, "errs.xml", in.buf, in.len);
	unit_assert_msg(&r, 0, "more XML errors");
	assert_int_equal(ingest_nmsgs(r.ing), 11);
	unit_run_free(&r);

	assert_true(unit_cpu_seconds() - t0 < 2.0);
	buf_free(&in);
}

/* The real arXiv cs.AI listing cut off mid-entry: 86 complete entries. */
static void
test_atom_realdata(void **state)
{
	struct buf path = BUF_INIT, data = BUF_INIT;
	struct unit_run r;
	const struct paper *p;

	(void)state;
	if (!unit_realdata(&path, "feeds/arxiv-cs.AI-2025-08-20-truncated.atom.xml")) {
		buf_free(&path);
		skip();
	}
	assert_true(unit_slurp(path.buf, &data));
	unit_run_buf(&r, "arxiv.xml", data.buf, data.len);
	assert_int_equal(ingest_file(r.ing, 0)->npapers, 86);
	unit_assert_msg(&r, 1233, "input ends inside \"entry\" (opened at line 1229)");
	unit_assert_msg(&r, 1229, "skipped incomplete \"entry\"");
	assert_int_equal(ingest_nmsgs(r.ing), 2);
	p = unit_by_id(&r, "2508.13167");
	assert_non_null(p);
	assert_string_equal(unit_day_of(&r, p), "2025-08-20");
	assert_int_equal(p->nauthors, 30);
	assert_true(strncmp(unit_sum_of(p), "Recent advances in large language models", 40) == 0);
	assert_null(unit_by_id(&r, "2508.13435"));
	unit_run_free(&r);
	buf_free(&path);
	buf_free(&data);
}

/* Run every Atom/RSS test. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_atom_good),
		cmocka_unit_test(test_atom_api_rss),
		cmocka_unit_test(test_atom_xhtml_rdf),
		cmocka_unit_test(test_atom_missing),
		cmocka_unit_test(test_atom_truncated),
		cmocka_unit_test(test_atom_xxe),
		cmocka_unit_test(test_atom_attribute_limit),
		cmocka_unit_test(test_atom_hostile),
		cmocka_unit_test(test_atom_realdata),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
