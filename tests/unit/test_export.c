/* test_export.c: BibTeX, Markdown and JSON Lines output. */
#include "unit.h"

#include "base/buf.h"
#include "export/dump.h"
#include "export/export.h"
#include "model/lib.h"
#include "marks/marks.h"

static struct lib *lib;
static const struct paper *p_id, *p_noid, *p_ko;

/* Add one record with a one-paragraph summary and at most one link. */
static void
add(const char *id, const char *title, const char *day, const char *const *authors, size_t na,
    const char *summary, enum link_kind lk, const char *url)
{
	struct rec r;
	struct block b;
	struct link l;

	r = unit_rec(id, title, day);
	r.file = "test";
	r.authors = authors;
	r.nauthors = na;
	if (summary) {
		b.kind = BLOCK_PARA;
		b.label = NULL;
		b.text = summary;
		r.blocks = &b;
		r.nblocks = 1;
	}
	if (url) {
		l.kind = lk;
		l.url = url;
		r.links = &l;
		r.nlinks = 1;
	}
	lib_add_paper(lib, &r);
}

/* The paper with key k. */
static const struct paper *
find(const char *k)
{
	size_t i;

	for (i = 0; i < lib_npapers(lib); i++)
		if (strcmp(lib_paper(lib, i)->key, k) == 0)
			return lib_paper(lib, i);
	fail_msg("no paper %s", k);
	return NULL;
}

/* Three papers: one with an id, one without, one in Korean with two summaries. */
static int
setup(void **unused)
{
	static const char *const a1[] = { "Ada Lovelace", "Alan Turing" };
	static const char *const a2[] = { "Yu Shu", "Tom and Jerry Lab" };
	static const char *const a3[] = { "김서연", "박지훈" };
	struct buf ko = BUF_INIT;
	int i;

	(void)unused;
	buf_init(&ko);
	for (i = 0; i < 20; i++)
		buf_puts(&ko, "가나다라 ");
	lib = lib_new();
	add("2505.02707", "Fast {Sparse} 100% R&D #1: a_b $x^2$ ~ back\\slash", "2025-05-06", a1, 2,
	    "We study things.\nMore lines.", LINK_ARXIV, "https://arxiv.org/abs/2505.02707");
	add(NULL, "Voila: Voice-Language Models", "2024-12-01", a2, 2, "Short.", LINK_GITHUB,
	    "https://github.com/x/voila");
	add("2505.05120", "한국어 *지시* 따르기 [벤치마크]", "2025-05-08", a3, 2, ko.buf, LINK_ARXIV, NULL);
	add("2505.05120", NULL, "2025-05-08", NULL, 0, "An English summary.", LINK_ARXIV, NULL);
	lib_finish(lib);
	p_id = find("arxiv:2505.02707");
	p_noid = find("title:voilavoicelanguagemodels");
	p_ko = find("arxiv:2505.05120");
	buf_free(&ko);
	return 0;
}

/* Free the library. */
static int
teardown(void **unused)
{
	(void)unused;
	lib_free(lib);
	return 0;
}

/* Export v[0..n) in format f and return the text (caller frees). */
static char *
run(enum export_fmt f, const struct marks *st, const char *lang, const struct paper *const *v, size_t n)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	export_papers(&b, f, lib, st, lang, v, n);
	return buf_detach(&b, NULL);
}

static void
test_formats(void **unused)
{
	enum export_fmt f;

	(void)unused;
	assert_int_equal(export_fmt_parse("bibtex", &f), 0);
	assert_int_equal(f, EXPORT_BIBTEX);
	assert_int_equal(export_fmt_parse("markdown", &f), 0);
	assert_int_equal(f, EXPORT_MARKDOWN);
	assert_int_equal(export_fmt_parse("jsonl", &f), 0);
	assert_int_equal(f, EXPORT_JSONL);
	assert_int_equal(export_fmt_parse("BibTeX", &f), -1);
	assert_int_equal(export_fmt_parse("", &f), -1);
	assert_string_equal(export_fmt_name(EXPORT_MARKDOWN), "markdown");
}

static void
test_bibtex(void **unused)
{
	const struct paper *v[] = { p_id, p_noid };
	char *got;

	(void)unused;
	got = run(EXPORT_BIBTEX, NULL, NULL, v, 2);
	assert_string_equal(got,
	    "@misc{arXiv:2505.02707,\n"
	    "  title = {Fast \\textbraceleft{}Sparse\\textbraceright{} 100\\% R\\&D \\#1: a\\_b \\$x\\textasciicircum{}2\\$ "
	    "\\textasciitilde{} back\\textbackslash{}slash},\n"
	    "  author = {Ada Lovelace and Alan Turing},\n"
	    "  year = {2025},\n"
	    "  eprint = {2505.02707},\n"
	    "  archivePrefix = {arXiv},\n"
	    "  url = {https://arxiv.org/abs/2505.02707},\n"
	    "}\n"
	    "\n"
	    "@misc{shu2024voila-2f4ded,\n"
	    "  title = {Voila: Voice-Language Models},\n"
	    "  author = {Yu Shu and {Tom and Jerry Lab}},\n"
	    "  year = {2024},\n"
	    "  url = {https://github.com/x/voila},\n"
	    "}\n");
	free(got);
}

static void
test_bibtex_keys(void **unused)
{
	const struct paper *v[] = { p_noid, p_id, p_noid };
	char *got, *second;

	(void)unused;
	got = run(EXPORT_BIBTEX, NULL, NULL, v, 3);
	/* stable: the same key whatever else is exported; unique: a repeat is numbered */
	assert_true(strncmp(got, "@misc{shu2024voila-2f4ded,\n", 27) == 0);
	second = strstr(got + 1, "@misc{shu2024voila-");
	assert_non_null(second);
	assert_true(strncmp(second, "@misc{shu2024voila-2f4ded-2,\n", 29) == 0);
	assert_non_null(strstr(got, "@misc{arXiv:2505.02707,\n"));
	free(got);
}

static void
test_markdown(void **unused)
{
	const struct paper *v[] = { p_ko, p_id, p_noid };
	struct buf want = BUF_INIT;
	char *got;
	int i;

	(void)unused;
	buf_init(&want);
	buf_puts(&want, "- [한국어 \\*지시\\* 따르기 \\[벤치마크\\]](https://arxiv.org/abs/2505.05120) — ");
	for (i = 0; i < 12; i++)
		buf_puts(&want, "가나다라 ");
	buf_puts(&want, "가나다라…\n");	/* 13 words, 116 cells, then the ellipsis */
	buf_puts(&want, "- [Fast {Sparse} 100% R&amp;D #1: a\\_b $x^2$ ~ back\\\\slash](https://arxiv.org/abs/2505.02707)"
	    " — We study things. More lines.\n");
	buf_puts(&want, "- [Voila: Voice-Language Models](https://github.com/x/voila) — Short.\n");
	got = run(EXPORT_MARKDOWN, NULL, "ko", v, 3);
	assert_string_equal(got, want.buf);
	free(got);
	/* the preferred language picks the summary */
	got = run(EXPORT_MARKDOWN, NULL, "en", v, 1);
	assert_string_equal(got, "- [한국어 \\*지시\\* 따르기 \\[벤치마크\\]](https://arxiv.org/abs/2505.05120)"
	    " — An English summary.\n");
	free(got);
	buf_free(&want);
}

static void
test_jsonl(void **unused)
{
	const struct paper *v[] = { p_id, p_noid };
	struct marks *st = marks_new(NULL);
	struct buf want = BUF_INIT;
	char *got;

	(void)unused;
	buf_init(&want);
	marks_set_at(st, "arxiv:2505.02707", MARKS_STARRED, 1, 1);
	marks_set_at(st, "title:voilavoicelanguagemodels", MARKS_READ, 1, 1);
	got = run(EXPORT_JSONL, st, NULL, v, 2);
	dump_paper(&want, lib, st, p_id);
	buf_addch(&want, '\n');
	dump_paper(&want, lib, st, p_noid);
	buf_addch(&want, '\n');
	assert_string_equal(got, want.buf);
	assert_non_null(strstr(got, "{\"id\":\"2505.02707\",\"title\":\"Fast {Sparse} 100% R&D #1: a_b $x^2$ ~ back\\\\slash\","
	    "\"key\":\"arxiv:2505.02707\",\"read\":false,\"starred\":true,\"authors\":[\"Ada Lovelace\",\"Alan Turing\"],"));
	assert_non_null(strstr(got, "\"key\":\"title:voilavoicelanguagemodels\",\"read\":true,\"starred\":false,"));
	free(got);
	/* no state: both false */
	got = run(EXPORT_JSONL, NULL, NULL, v, 1);
	assert_non_null(strstr(got, "\"read\":false,\"starred\":false,"));
	free(got);
	buf_free(&want);
	marks_free(st);
}

/* True when every field line "  name = {...}," of a BibTeX text is brace-balanced. */
static int
fields_balanced(const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n'), *end = nl ? nl : s + strlen(s), *eq = strstr(s, " = {");
		long depth = 0;

		if (strncmp(s, "  ", 2) == 0 && eq && eq < end) {
			const char *c;

			for (c = eq + 3; c < end; c++) {
				depth += *c == '{' ? 1 : *c == '}' ? -1 : 0;
				if (depth == 0)
					break;
			}
			if (c != end - 2 || end[-1] != ',')
				return 0;	/* the field closed before its end, or never */
		}
		s = nl ? nl + 1 : end;
	}
	return 1;
}

static void
test_bibtex_hostile(void **unused)
{
	static const char *const evil_authors[] = { "Ada Lovelace", "Tom AND Jerry", "Smith, John",
		"others", "Bob {Stray", "Eve And" };
	static const char *const plain[] = { "Ann Author" };
	struct lib *save = lib;
	const struct paper *v[4];
	char *got;
	size_t i;

	(void)unused;
	lib = lib_new();
	add("2505.00001", "Evil}, author = \"Mallory Evil\", url = \"https://evil.example/\", x = {",
	    "2025-05-06", plain, 1, NULL, LINK_ARXIV, NULL);
	add("2505.00002", "Stray { brace", "2025-05-06", evil_authors, 6, NULL, LINK_ARXIV, NULL);
	add("2505.00003", "Stray } brace}}", "2025-05-06", plain, 1, NULL, LINK_ARXIV, NULL);
	add(NULL, NULL, NULL, NULL, 0, "We propose a method for {things} that works well on every "
	    "benchmark we tried, and on some that we did not try at all, honestly.", LINK_ARXIV, NULL);
	lib_finish(lib);
	for (i = 0; i < 4; i++)
		v[i] = lib_paper(lib, i);
	got = run(EXPORT_BIBTEX, NULL, NULL, v, 4);
	assert_true(fields_balanced(got));
	assert_non_null(strstr(got, "  title = {Evil\\textbraceright{}, author = \"Mallory Evil\", "
	    "url = \"https://evil.example/\", x = \\textbraceleft{}},\n"));
	assert_non_null(strstr(got, "  author = {Ada Lovelace and {Tom AND Jerry} and {Smith, John} and "
	    "{others} and Bob \\textbraceleft{}Stray and {Eve And}},\n"));
	assert_non_null(strstr(got, "  title = {Stray \\textbraceright{} brace\\textbraceright{}\\textbraceright{}},\n"));
	/* the untitled abstract: its text, cut at a word, is the title; never an empty entry */
	assert_non_null(strstr(got, "  title = {We propose a method for \\textbraceleft{}things\\textbraceright{} "
	    "that works well on every benchmark we tried, and on some that we\xE2\x80\xA6},\n"
	    "  note = {untitled abstract},\n"));
	free(got);
	lib_free(lib);
	lib = save;
}

static void
test_markdown_entities(void **unused)
{
	static const char *const a[] = { "Ann" };
	struct lib *save = lib;
	const struct paper *v[1];
	char *got;

	(void)unused;
	lib = lib_new();
	add("2505.00001", "AT&amp;T <script>alert(1)</script> & <b>", "2025-05-06", a, 1,
	    "x < y && y > z &lt;", LINK_ARXIV, NULL);
	lib_finish(lib);
	v[0] = lib_paper(lib, 0);
	got = run(EXPORT_MARKDOWN, NULL, NULL, v, 1);
	assert_string_equal(got, "- [AT&amp;amp;T &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;]"
	    "(https://arxiv.org/abs/2505.00001) — x &lt; y &amp;&amp; y &gt; z &amp;lt;\n");
	free(got);
	lib_free(lib);
	lib = save;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_bibtex),
		cmocka_unit_test(test_bibtex_keys),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_bibtex_hostile),
		cmocka_unit_test(test_markdown_entities),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
