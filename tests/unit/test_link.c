/* test_link.c: normalising and classifying links (model/link.c). */
#include "unit.h"

#include "base/buf.h"
#include "model/lib.h"

/* Normalise a link and return a malloc'd result or NULL. */
static char *
norm(const char *s)
{
	struct buf b = BUF_INIT;
	const char *why = NULL;

	buf_init(&b);
	if (!link_normalise(&b, s, strlen(s), &why)) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* Assert that in normalises to want. */
static void
norm_eq(const char *in, const char *want)
{
	char *u = norm(in);

	assert_non_null(u);
	assert_string_equal(u, want);
	free(u);
}

/* Normalising, classifying and arXiv ids. */
static void
test_links(void **state)
{
	char *u;
	struct buf id = BUF_INIT;

	(void)state;
	u = norm("github.com/maitrix-org/Voila");
	assert_string_equal(u, "https://github.com/maitrix-org/Voila");
	assert_int_equal(link_classify(u), LINK_GITHUB);
	free(u);
	assert_null(norm("javascript:alert(1)"));
	assert_null(norm("file:///etc/passwd"));
	assert_null(norm("[data]"));
	assert_null(norm("https://x.org/a b"));
	assert_null(norm("N/A x"));
	u = norm("HTTPS://ArXiv.org/abs/2505.02707v2.");
	assert_string_equal(u, "https://arxiv.org/abs/2505.02707v2");
	assert_int_equal(link_classify(u), LINK_ARXIV);
	buf_init(&id);
	assert_true(link_arxiv_id(&id, u, strlen(u)));
	assert_string_equal(id.buf, "2505.02707");
	free(u);
	norm_eq("https://x.org/q?a=\"b\"&c=1", "https://x.org/q?a=%22b%22&c=1");
	assert_int_equal(link_classify("https://arxiv.org/pdf/2505.02707"), LINK_PDF);
	assert_int_equal(link_classify("https://huggingface.co/papers/2505.02707"), LINK_HUGGINGFACE);
	assert_int_equal(link_classify("https://hf.co/datasets/a/b"), LINK_DATASET);
	assert_int_equal(link_classify("https://hf.co/spaces/a/b"), LINK_SPACE);
	assert_int_equal(link_classify("https://hf.co/a/b"), LINK_MODEL);
	assert_int_equal(link_classify("https://cdn-thumbnails.huggingface.co/p/2505.02707.png"), LINK_THUMBNAIL);
	assert_int_equal(link_classify("https://voila.github.io"), LINK_PROJECT);
	assert_int_equal(link_classify("https://example.com"), LINK_OTHER);
	buf_free(&id);
}

/* Why a link is refused. */
static const char *
why_not(const char *s)
{
	struct buf b = BUF_INIT;
	const char *why = NULL;

	buf_init(&b);
	buf_puts(&b, "kept");
	assert_int_equal(link_normalise(&b, s, strlen(s), &why), 0);
	assert_string_equal(b.buf, "kept");	/* nothing appended */
	buf_free(&b);
	return why;
}

/* Each refusal names its reason; what is appended on success is the URL alone. */
static void
test_refusals(void **state)
{
	(void)state;
	assert_string_equal(why_not("  <>  "), "empty link");
	assert_string_equal(why_not("https://x.org/\x01"), "control character in link");
	assert_string_equal(why_not("https://x.org/a b"), "space in link");
	assert_string_equal(why_not("http:x.org"), "malformed http link");
	assert_string_equal(why_not("ftp://x.org"), "not an http or https link");
	assert_string_equal(why_not("nodot/path"), "not a URL");
	assert_string_equal(why_not(".x.org"), "not a URL");
	assert_string_equal(why_not("x_y.org"), "not a URL");
}

/* Hosts lower-cased, host:port and localhost kept, bytes outside the rule percent-encoded. */
static void
test_normal_forms(void **state)
{
	(void)state;
	norm_eq("<HTTP://Example.ORG:8080/A>", "http://example.org:8080/A");
	norm_eq("example.org:8080/x", "https://example.org:8080/x");
	norm_eq("//localhost/p", "https://localhost/p");
	norm_eq("https://x.org/caf\xC3\xA9 ", "https://x.org/caf%C3%A9");
	norm_eq("https://x.org/a`b|c", "https://x.org/a%60b%7Cc");
}

/* A closing parenthesis without an opening one ends the URL (it closed the text around it). */
static void
test_parentheses(void **state)
{
	(void)state;
	norm_eq("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)");
	norm_eq("https://x.org/a)", "https://x.org/a");
	norm_eq("https://x.org/(a))", "https://x.org/(a)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_normal_forms),
		cmocka_unit_test(test_parentheses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
