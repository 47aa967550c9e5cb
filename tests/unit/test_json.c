/* test_json.c: unit tests of the JSON (json.c) and Atom/RSS (atom.c) parsers,
 * driven through the public ingest API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "text/text.h"

/* One ingest run over an in-memory input. */
struct run {
	struct lib *lib;
	struct ingest *ing;
};

/* Ingest data[0..len) named name and finish the library. */
static void
run_buf(struct run *r, const char *name, const char *data, size_t len)
{
	r->lib = lib_new();
	r->ing = ingest_new(r->lib);
	assert_int_equal(ingest_buffer(r->ing, name, data, len), 0);
	lib_finish(r->lib);
}

/* Same with a NUL-terminated input. */
static void
run_str(struct run *r, const char *name, const char *data)
{
	run_buf(r, name, data, strlen(data));
}

/* Free a run. */
static void
run_free(struct run *r)
{
	ingest_free(r->ing);
	lib_free(r->lib);
}

/* Seconds of CPU time. */
static double
now(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* The paper with this title, or NULL. */
static const struct paper *
by_title(const struct run *r, const char *title)
{
	size_t i;

	for (i = 0; i < lib_npapers(r->lib); i++) {
		const struct paper *p = lib_paper(r->lib, i);

		if (p->title && strcmp(p->title, title) == 0)
			return p;
	}
	return NULL;
}

/* The paper with this arXiv id, or NULL. */
static const struct paper *
by_id(const struct run *r, const char *id)
{
	size_t i;

	for (i = 0; i < lib_npapers(r->lib); i++) {
		const struct paper *p = lib_paper(r->lib, i);

		if (p->id && strcmp(p->id, id) == 0)
			return p;
	}
	return NULL;
}

/* Index of the first message at line (any line when 0) containing text, or -1. */
static long
find_msg(const struct run *r, size_t line, const char *text)
{
	size_t i;

	for (i = 0; i < ingest_nmsgs(r->ing); i++) {
		const struct diag *m = ingest_msg(r->ing, i);

		if ((line == 0 || m->line == line) && strstr(m->text, text))
			return (long)i;
	}
	return -1;
}

/* Print the messages (shown by cmocka only when a test fails). */
static void
dump_msgs(const struct run *r)
{
	size_t i;

	for (i = 0; i < ingest_nmsgs(r->ing); i++) {
		const struct diag *m = ingest_msg(r->ing, i);

		print_message("  msg %s:%zu: %s\n", m->file, m->line, m->text);
	}
}

/* Assert a message at line containing text exists. */
#define assert_msg(r, line, text) do { \
	if (find_msg((r), (line), (text)) < 0) { \
		dump_msgs(r); \
		fail_msg("no message at line %zu containing \"%s\"", (size_t)(line), (text)); \
	} \
} while (0)

/* The link of kind k of paper p, or NULL. */
static const char *
link_of(const struct paper *p, enum link_kind k)
{
	size_t i;

	for (i = 0; i < p->nlinks; i++)
		if (p->links[i].kind == k)
			return p->links[i].url;
	return NULL;
}

/* The label of the first day of p. */
static const char *
day_of(const struct run *r, const struct paper *p)
{
	assert_true(p->ndays >= 1);
	return lib_day(r->lib, p->days[0])->label;
}

/* The flattened text of the first summary of p. */
static const char *
sum_of(const struct paper *p)
{
	assert_true(p->nsums >= 1);
	return p->sums[0].text;
}

/* Read a whole file into b; 0 when it cannot be read. */
static int
slurp(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!f)
		return 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
	return 1;
}

/* Path of the shared real data folder (or NULL, with a message, when absent). */
static const char *
realdata(struct buf *path, const char *rel)
{
	const char *src = getenv("PB_SRCDIR");

	buf_printf(path, "%s/../shared/realdata/%s", src ? src : ".", rel);
	if (access(path->buf, R_OK) != 0) {
		print_message("SKIP: %s not found (real data absent)\n", path->buf);
		return NULL;
	}
	return path->buf;
}

/* ---- JSON ------------------------------------------------------------ */

static const char json_good[] =
	"[\n"
	"    {\n"
	"        \"title\": \"OpenCoder: The Open   Cookbook for **Top-Tier** Code LLMs\",\n"
	"        \"authors\": \"Jiaran Hao, Jason Klein Liu, Tianhao Cheng\",\n"
	"        \"link\": \"https://arxiv.org/abs/2411.04905\",\n"
	"        \"github_repo\": null,\n"
	"        \"summary\": \"- OpenCoder is a code LLM.\\n- It releases its data.\",\n"
	"        \"classification\": [\"Natural Language Processing\", \"Text Generation\"],\n"
	"        \"github_urls\": [],\n"
	"        \"huggingface_urls\": [\"https://huggingface.co/datasets/yuxiang630/hqcode\"],\n"
	"        \"date\": \"2024-11-08\"\n"
	"    },\n"
	"    {\n"
	"        \"title\": \"ReCapture: Generative Video Camera Controls\",\n"
	"        \"authors\": [\"David E. Jacobs\", \"Nikhil Karnad\"],\n"
	"        \"link\": \"https://arxiv.org/abs/2411.05003\",\n"
	"        \"github_repo\": \"https://github.com/example/recapture\",\n"
	"        \"summary\": \"ReCapture generates videos with new camera trajectories.\",\n"
	"        \"classification\": [\"Computer Vision\"],\n"
	"        \"github_urls\": [\"https://github.com/example/recapture\"],\n"
	"        \"votes\": 17,\n"
	"        \"date\": \"2024-11-08\"\n"
	"    }\n"
	"]\n";

/* A timlrx day file: every field lands where it belongs, no message. */
static void
test_json_good(void **state)
{
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "good.json", json_good);
	if (ingest_nmsgs(r.ing))
		dump_msgs(&r);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_string_equal(ingest_format_name(ingest_file(r.ing, 0)->fmt), "json");
	assert_int_equal(ingest_file(r.ing, 0)->npapers, 2);

	p = by_id(&r, "2411.04905");
	assert_non_null(p);
	assert_string_equal(p->title, "OpenCoder: The Open Cookbook for Top-Tier Code LLMs");
	assert_int_equal(p->nauthors, 3);
	assert_string_equal(p->authors[1], "Jason Klein Liu");
	assert_int_equal(p->ncats, 2);
	assert_string_equal(p->cats[1], "Text Generation");
	assert_string_equal(day_of(&r, p), "2024-11-08");
	assert_int_equal(p->votes, -1);
	assert_int_equal(p->nsums, 1);
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_int_equal(p->sums[0].blocks[0].kind, BLOCK_BULLET);
	assert_string_equal(p->sums[0].blocks[1].text, "It releases its data.");
	assert_string_equal(link_of(p, LINK_ARXIV), "https://arxiv.org/abs/2411.04905");
	assert_non_null(link_of(p, LINK_DATASET) ? link_of(p, LINK_DATASET) : link_of(p, LINK_HUGGINGFACE));

	p = by_id(&r, "2411.05003");
	assert_non_null(p);
	assert_int_equal(p->nauthors, 2);
	assert_int_equal(p->votes, 17);
	assert_string_equal(link_of(p, LINK_GITHUB), "https://github.com/example/recapture");
	assert_int_equal(p->sums[0].blocks[0].kind, BLOCK_PARA);
	run_free(&r);
}

/* Hugging Face daily_papers API elements, and wrappers around the array. */
static void
test_json_hf_api(void **state)
{
	static const char hf[] =
		"[{\"paper\": {\"id\": \"2505.02707\", \"title\": \"Voila: Voice-Language Models\",\n"
		"  \"summary\": \"We present Voila.\", \"upvotes\": 42,\n"
		"  \"authors\": [{\"_id\": \"x\", \"name\": \"Yemin Shi\", \"hidden\": false}, {\"name\": \"Yu Shu\"}],\n"
		"  \"publishedAt\": \"2025-05-05T10:00:00.000Z\"},\n"
		" \"publishedAt\": \"2025-05-06T02:11:00.000Z\", \"title\": \"Voila: Voice-Language Models\",\n"
		" \"thumbnail\": \"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.02707.png\",\n"
		" \"numComments\": 3}]";
	static const char wrap[] =
		"{\"date\": \"2024-12-02\", \"count\": 2, \"papers\": [\n"
		"  {\"title\": \"First\", \"link\": \"https://arxiv.org/abs/2412.00001\"},\n"
		"  {\"title\": \"Second\", \"date\": \"2024-12-03\"}\n"
		"]}";
	static const char data[] = "{\"data\": [{\"title\": \"Only\"}]}";
	static const char one[] = "{\"title\": \"Alone\", \"summary\": \"Text.\"}";
	static const char none[] = "{\"meta\": 1}";
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "hf.json", hf);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 1);
	p = by_id(&r, "2505.02707");
	assert_non_null(p);
	assert_string_equal(p->title, "Voila: Voice-Language Models");
	assert_int_equal(p->votes, 42);
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(p->authors[0], "Yemin Shi");
	assert_string_equal(day_of(&r, p), "2025-05-06");
	assert_string_equal(sum_of(p), "We present Voila.");
	assert_non_null(link_of(p, LINK_ARXIV));
	assert_non_null(link_of(p, LINK_THUMBNAIL));
	run_free(&r);

	run_str(&r, "wrap.json", wrap);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_string_equal(day_of(&r, by_title(&r, "First")), "2024-12-02");
	assert_string_equal(day_of(&r, by_title(&r, "Second")), "2024-12-03");
	run_free(&r);

	run_str(&r, "data.json", data);
	assert_int_equal(lib_npapers(r.lib), 1);
	run_free(&r);

	run_str(&r, "one.json", one);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(by_title(&r, "Alone"));
	run_free(&r);

	run_str(&r, "none.json", none);
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_msg(&r, 1, "no papers");
	run_free(&r);
}

/* Elements without content and non-objects are skipped with their line. */
static void
test_json_missing(void **state)
{
	static const char in[] =
		"[\n"					/* 1 */
		"  {\"title\": \"Kept\"},\n"		/* 2 */
		"  {\"authors\": \"A, B\",\n"		/* 3 */
		"   \"github_repo\": null},\n"		/* 4 */
		"  42,\n"				/* 5 */
		"  \"text\",\n"				/* 6 */
		"  {\"summary\": \"Only a summary.\"},\n"	/* 7 */
		"  {\"link\": \"https://arxiv.org/abs/2401.00001\"}\n"	/* 8 */
		"]\n";
	struct run r;

	(void)state;
	run_str(&r, "missing.json", in);
	assert_int_equal(lib_npapers(r.lib), 3);
	assert_non_null(by_title(&r, "Kept"));
	assert_non_null(by_id(&r, "2401.00001"));
	assert_msg(&r, 3, "skipped an element with no title");
	assert_msg(&r, 5, "is a number, not an object");
	assert_msg(&r, 6, "is a string, not an object");
	assert_int_equal(ingest_nmsgs(r.ing), 3);
	run_free(&r);
}

/* A wrong-typed field is named in a warning and skipped; the rest is kept. */
static void
test_json_wrong_types(void **state)
{
	static const char in[] =
		"[{\"title\": 5, \"summary\": \"Still here.\", \"authors\": {\"x\": 1},\n"
		"  \"classification\": \"Single Category\", \"github_urls\": 7,\n"
		"  \"votes\": \"many\", \"date\": \"someday\", \"link\": [\"https://arxiv.org/abs/2402.00002\", 3]},\n"
		" {\"title\": \"Typed\", \"summary\": [\"a\"], \"votes\": -3, \"paper\": 12,\n"
		"  \"authors\": [\"Ok Name\", 12, {\"name\": 3}], \"classification\": [\"A\", null, {}]}]";
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "types.json", in);
	assert_int_equal(lib_npapers(r.lib), 2);
	p = by_id(&r, "2402.00002");
	assert_non_null(p);
	assert_null(p->title);
	assert_string_equal(sum_of(p), "Still here.");
	assert_int_equal(p->ncats, 1);
	assert_string_equal(p->cats[0], "Single Category");
	assert_int_equal(p->votes, -1);
	assert_msg(&r, 1, "field \"title\" should be a string, not a number");
	assert_msg(&r, 1, "field \"authors\" should be a string or a list, not an object");
	assert_msg(&r, 1, "field \"github_urls\" should be a URL or a list of URLs, not a number");
	assert_msg(&r, 1, "field \"votes\" should be a number, not a string");
	assert_msg(&r, 1, "field \"date\" is not an ISO date: \"someday\"");
	assert_msg(&r, 1, "field \"link\" has an element that is a number");

	p = by_title(&r, "Typed");
	assert_non_null(p);
	assert_int_equal(p->nsums, 0);
	assert_int_equal(p->nauthors, 1);
	assert_int_equal(p->ncats, 1);
	assert_int_equal(p->votes, -1);
	assert_msg(&r, 4, "field \"summary\" should be a string, not an array");
	assert_msg(&r, 4, "field \"votes\" is not a vote count");
	assert_msg(&r, 4, "field \"paper\" should be an object, not a number");
	assert_msg(&r, 4, "field \"authors\" has an element that is a number, not a name");
	assert_msg(&r, 4, "field \"classification\" has an element that is an object");
	run_free(&r);
}

/* A truncated file keeps the complete elements and reports where it broke. */
static void
test_json_truncated(void **state)
{
	struct buf in = BUF_INIT;
	struct run r;
	size_t cut;

	(void)state;
	/* cut inside the second element's summary */
	cut = (size_t)(strstr(json_good, "ReCapture generates") - json_good) + 5;
	buf_add(&in, json_good, cut);
	run_buf(&r, "trunc.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(by_id(&r, "2411.04905"));
	assert_msg(&r, 18, "invalid JSON");
	assert_int_equal(ingest_nmsgs(r.ing), 1);
	run_free(&r);

	/* cut right after an element and its comma */
	buf_setlen(&in, 0);
	cut = (size_t)(strstr(json_good, "    {\n        \"title\": \"ReCapture") - json_good);
	buf_add(&in, json_good, cut);
	run_buf(&r, "trunc2.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_msg(&r, 0, "invalid JSON");
	run_free(&r);

	/* a syntax error in the second element: the first is kept */
	run_str(&r, "syntax.json",
	    "[{\"title\": \"First\"},\n {\"title\": \"Second\" \"x\": 1},\n {\"title\": \"Third\"}]");
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(by_title(&r, "First"));
	assert_msg(&r, 2, "invalid JSON");
	run_free(&r);

	/* a trailing comma: everything before it is kept */
	run_str(&r, "comma.json", "[{\"title\": \"A\"}, {\"title\": \"B\"},\n]");
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_msg(&r, 2, "invalid JSON");
	run_free(&r);

	/* a truncated wrapper */
	run_str(&r, "wrapcut.json", "{\"papers\": [{\"title\": \"A\"}, {\"title\": \"B");
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_msg(&r, 1, "invalid JSON");
	run_free(&r);

	/* nothing at all but a bracket, or garbage */
	run_str(&r, "empty.json", "[");
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_msg(&r, 1, "invalid JSON");
	run_free(&r);
	run_str(&r, "emptyarr.json", "[]");
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	run_free(&r);
	buf_free(&in);
}

/* Invalid UTF-8 inside strings becomes U+FFFD; nothing else is lost. */
static void
test_json_bad_utf8(void **state)
{
	static const char in[] =
		"[{\"title\": \"Caf\xC3 au lait\", \"summary\": \"Bad \xFF\xFE bytes, overlong \xC0\xAF.\"},\n"
		" {\"title\": \"Clean \xC3\xA9t\xC3\xA9\"},\n"
		" {\"title\": \"NUL\\u0000 and \\u0007 bell\", \"authors\": \"A\\u0000B\"}]";
	struct run r;
	const struct paper *p;
	size_t i;

	(void)state;
	run_str(&r, "utf8.json", in);
	assert_int_equal(lib_npapers(r.lib), 3);
	p = by_title(&r, "Caf\xEF\xBF\xBD au lait");
	assert_non_null(p);
	assert_non_null(strstr(sum_of(p), "\xEF\xBF\xBD"));
	assert_non_null(by_title(&r, "Clean \xC3\xA9t\xC3\xA9"));
	assert_msg(&r, 1, "invalid UTF-8");
	for (i = 0; i < lib_npapers(r.lib); i++) {
		p = lib_paper(r.lib, i);
		assert_true(text_is_clean(p->title, strlen(p->title)));
	}
	run_free(&r);
}

/* 30,000 levels of nesting fail gracefully and fast. */
static void
test_json_deep(void **state)
{
	struct buf in = BUF_INIT;
	struct run r;
	double t0 = now();
	size_t i;

	(void)state;
	for (i = 0; i < 30000; i++)
		buf_addch(&in, '[');
	run_buf(&r, "deep.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_msg(&r, 1, "invalid JSON");
	run_free(&r);

	/* a good element first, then a closed deep array: the good one is kept */
	buf_setlen(&in, 0);
	buf_puts(&in, "[{\"title\": \"Shallow\"},\n");
	for (i = 0; i < 30000; i++)
		buf_puts(&in, "{\"a\":");
	buf_puts(&in, "1");
	for (i = 0; i < 30000; i++)
		buf_addch(&in, '}');
	buf_puts(&in, "]");
	run_buf(&r, "deep2.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_msg(&r, 2, "invalid JSON");
	run_free(&r);

	/* deep inside a field of a good element (json-c's own depth limit applies) */
	buf_setlen(&in, 0);
	buf_puts(&in, "[{\"title\": \"T\", \"extra\": ");
	for (i = 0; i < 3000; i++)
		buf_addch(&in, '[');
	for (i = 0; i < 3000; i++)
		buf_addch(&in, ']');
	buf_puts(&in, "}]");
	run_buf(&r, "deep3.json", in.buf, in.len);
	assert_msg(&r, 1, "invalid JSON");
	run_free(&r);

	assert_true(now() - t0 < 2.0);
	buf_free(&in);
}

/* All 70 real JSON day files: read fast, every element becomes a paper. */
static void
test_json_realdata(void **state)
{
	struct buf path = BUF_INIT;
	struct run r;
	double t0;
	size_t i, n;

	(void)state;
	if (!realdata(&path, "timlrx-daily-ai-papers/daily_results")) {
		buf_free(&path);
		skip();
	}
	r.lib = lib_new();
	r.ing = ingest_new(r.lib);
	t0 = now();
	assert_int_equal(ingest_path(r.ing, path.buf), 0);
	lib_finish(r.lib);
	print_message("    70 JSON files: %zu papers in %.3f s\n", lib_npapers(r.lib), now() - t0);
	assert_int_equal(ingest_nfiles(r.ing), 70);
	for (i = n = 0; i < ingest_nfiles(r.ing); i++) {
		assert_string_equal(ingest_format_name(ingest_file(r.ing, i)->fmt), "json");
		n += ingest_file(r.ing, i)->npapers;
	}
	assert_int_equal(n, 837);	/* elements in the 70 files */
	assert_true(lib_npapers(r.lib) > 700);
	for (i = 0; i < ingest_nmsgs(r.ing); i++)
		assert_true(strstr(ingest_msg(r.ing, i)->text, "invalid JSON") == NULL);
	assert_true(now() - t0 < 2.0);
	run_free(&r);
	buf_free(&path);
}

/* Summary and link shapes seen in the real files. */
static void
test_json_shapes(void **state)
{
	static const char in[] =
		"[{\"title\": \"Lone markers\", \"summary\": \"-\\nFirst point.\\n-\\nSecond point.\",\n"
		"  \"github_urls\": [\"https://anonymous.4open.science/r/x-0CD0\"],\n"
		"  \"huggingface_urls\": [\"mgor/protobowl-11-13\", \"\"]},\n"
		" {\"title\": \"Wrapped\", \"summary\": \" - Introduces top-\\nk sampling.\\n- Works.\"},\n"
		" {\"title\": \"Bullet signs\", \"summary\": \"\\u2022 One.\\n\\u2022 Two.\"},\n"
		" {\"title\": \"Bare ids\", \"arxiv_id\": \"arXiv:2403.01234v3\"},\n"
		" {\"title\": \"Not an id\", \"arxiv_id\": \"2403.01234 and more\", \"id\": \"abc\"}]";
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "shapes.json", in);
	p = by_title(&r, "Lone markers");
	assert_non_null(p);
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_int_equal(p->sums[0].blocks[0].kind, BLOCK_BULLET);
	assert_string_equal(p->sums[0].blocks[1].text, "Second point.");
	assert_non_null(link_of(p, LINK_PROJECT));
	assert_string_equal(p->nlinks >= 2 ? p->links[1].url : "", "https://huggingface.co/mgor/protobowl-11-13");
	p = by_title(&r, "Wrapped");
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_string_equal(p->sums[0].blocks[0].text, "Introduces top- k sampling.");
	p = by_title(&r, "Bullet signs");
	assert_int_equal(p->sums[0].nblocks, 2);
	p = by_title(&r, "Bare ids");
	assert_string_equal(p->id, "2403.01234");
	assert_non_null(link_of(p, LINK_ARXIV));
	p = by_title(&r, "Not an id");
	assert_null(p->id);
	assert_msg(&r, 7, "field \"arxiv_id\" is not an arXiv id");
	assert_int_equal(ingest_nmsgs(r.ing), 1);
	run_free(&r);
}

/* ---- Atom / RSS ------------------------------------------------------ */

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
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "cs.AI.xml", atom_rss);
	if (ingest_nmsgs(r.ing))
		dump_msgs(&r);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_string_equal(ingest_format_name(ingest_file(r.ing, 0)->fmt), "atom");
	assert_int_equal(lib_npapers(r.lib), 2);
	p = by_id(&r, "2508.13167");
	assert_non_null(p);
	assert_string_equal(p->title, "Chain-of-Agents: End-to-End Agent Foundation Models");
	assert_string_equal(sum_of(p), "Recent advances in large language models & agents.");
	assert_int_equal(p->nauthors, 3);
	assert_string_equal(p->authors[2], "Zhuosong Jiang");
	assert_int_equal(p->ncats, 2);
	assert_string_equal(p->cats[0], "cs.AI");
	assert_string_equal(day_of(&r, p), "2025-08-19");	/* published wins */
	assert_string_equal(link_of(p, LINK_ARXIV), "https://arxiv.org/abs/2508.13167");
	p = by_id(&r, "2508.13435");
	assert_non_null(p);
	assert_string_equal(day_of(&r, p), "2025-08-20");	/* the feed's date */
	assert_string_equal(sum_of(p), "Directed graphs are everywhere.");
	run_free(&r);
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
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "api.xml", api);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = by_id(&r, "2401.00001");
	assert_non_null(p);
	assert_string_equal(p->title, "A Title Wrapped Over Lines");
	assert_string_equal(sum_of(p), "First line of the abstract continues here.");
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(p->authors[1], "Alan Turing");
	assert_non_null(link_of(p, LINK_PDF));
	assert_int_equal(p->ncats, 2);
	assert_string_equal(day_of(&r, p), "2024-01-01");
	run_free(&r);

	run_str(&r, "rss.xml", rss);
	if (ingest_nmsgs(r.ing))
		dump_msgs(&r);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 2);
	p = by_id(&r, "2409.00003");
	assert_non_null(p);
	assert_string_equal(p->title, "RSS Paper");
	assert_string_equal(sum_of(p), "An HTML description.");
	assert_string_equal(p->authors[0], "Grace Hopper");
	assert_string_equal(p->cats[0], "cs.SE");
	assert_string_equal(day_of(&r, p), "2024-09-01");
	p = by_title(&r, "Undated");
	assert_non_null(p);
	assert_string_equal(day_of(&r, p), "2024-09-02");	/* lastBuildDate */
	run_free(&r);
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
	struct run r;
	const struct paper *p;

	(void)state;
	run_str(&r, "xhtml.xml", xhtml);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = by_id(&r, "2402.00003");
	assert_non_null(p);
	assert_string_equal(p->title, "A Title");
	assert_string_equal(sum_of(p), "One. Two bold.");
	assert_non_null(link_of(p, LINK_PDF));
	run_free(&r);

	run_str(&r, "rdf.xml", rdf);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = by_id(&r, "2403.00005");
	assert_non_null(p);
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(day_of(&r, p), "2024-03-04");
	run_free(&r);
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
	struct run r;

	(void)state;
	run_str(&r, "missing.atom", in);
	assert_int_equal(lib_npapers(r.lib), 3);
	assert_msg(&r, 3, "skipped \"entry\" with no title");
	assert_msg(&r, 4, "unreadable date in \"published\": \"next tuesday\"");
	assert_int_equal(ingest_nmsgs(r.ing), 2);
	run_free(&r);
}

/* A feed cut off mid-entry: complete entries kept, the cut one skipped. */
static void
test_atom_truncated(void **state)
{
	struct buf in = BUF_INIT;
	struct run r;
	const char *cut;

	(void)state;
	cut = strstr(atom_rss, "Directed graphs");
	buf_add(&in, atom_rss, (size_t)(cut - atom_rss));
	run_buf(&r, "cut.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(by_id(&r, "2508.13167"));
	assert_null(by_id(&r, "2508.13435"));
	assert_msg(&r, 27, "invalid XML: input ends inside \"summary\" (opened at line 26)");
	assert_msg(&r, 22, "skipped incomplete \"entry\"");
	run_free(&r);

	/* cut inside a start tag */
	buf_setlen(&in, 0);
	cut = strstr(atom_rss, "rel=\"alternate\" type=\"text/html\"/>\n    <summary>arXiv:2508.13435");
	buf_add(&in, atom_rss, (size_t)(cut - atom_rss) + 5);
	run_buf(&r, "cut2.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_msg(&r, 0, "invalid XML");
	assert_msg(&r, 22, "skipped incomplete \"entry\"");
	run_free(&r);

	/* cut after the last entry closed: nothing lost */
	buf_setlen(&in, 0);
	cut = strstr(atom_rss, "</feed>");
	buf_add(&in, atom_rss, (size_t)(cut - atom_rss));
	run_buf(&r, "cut3.xml", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_msg(&r, 0, "input ends inside \"feed\"");
	run_free(&r);
	buf_free(&in);
}

/* External entities are never loaded; internal ones are never expanded. */
static void
test_atom_xxe(void **state)
{
	char path[] = "/tmp/pb-xxe-XXXXXX";
	struct buf in = BUF_INIT;
	struct run r;
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
	run_buf(&r, "xxe.xml", in.buf, in.len);
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
	run_free(&r);
	buf_free(&in);
}

/* Deep nesting, invalid UTF-8 and garbage: graceful, fast, no loss of good entries. */
static void
test_atom_hostile(void **state)
{
	struct buf in = BUF_INIT;
	struct run r;
	double t0 = now();
	size_t i;

	(void)state;
	buf_puts(&in, "<feed><entry><title>Before</title></entry>\n");
	for (i = 0; i < 30000; i++)
		buf_puts(&in, "<a>");
	for (i = 0; i < 30000; i++)
		buf_puts(&in, "</a>");
	buf_puts(&in, "\n<entry><title>After</title></entry></feed>\n");
	run_buf(&r, "deep.xml", in.buf, in.len);
	assert_non_null(by_title(&r, "Before"));
	assert_msg(&r, 2, "invalid XML");
	assert_true(ingest_nmsgs(r.ing) <= 11);
	run_free(&r);

	run_str(&r, "utf8.xml",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed>\n"
	    "<entry><title>Good one</title></entry>\n"
	    "<entry><title>Caf\xC3 \xFF bad</title></entry>\n"
	    "</feed>\n");
	assert_non_null(by_title(&r, "Good one"));
	assert_true(lib_npapers(r.lib) >= 1);
	assert_msg(&r, 4, "invalid XML");
	for (i = 0; i < lib_npapers(r.lib); i++) {
		const struct paper *p = lib_paper(r.lib, i);

		assert_true(text_is_clean(p->title, strlen(p->title)));
	}
	run_free(&r);

	/* many errors: at most 10 shown, then a count */
	buf_setlen(&in, 0);
	buf_puts(&in, "<rss><channel>\n");
	for (i = 0; i < 50; i++)
		buf_puts(&in, "<item><title>T &undefined; x</title><link>https://example.org/&</link></item>\n");
	buf_puts(&in, "</channel></rss>\n");
	run_buf(&r, "errs.xml", in.buf, in.len);
	assert_msg(&r, 0, "more XML errors");
	assert_int_equal(ingest_nmsgs(r.ing), 11);
	run_free(&r);

	assert_true(now() - t0 < 2.0);
	buf_free(&in);
}

/* The real arXiv cs.AI listing cut off mid-entry: 86 complete entries. */
static void
test_atom_realdata(void **state)
{
	struct buf path = BUF_INIT, data = BUF_INIT;
	struct run r;
	const struct paper *p;

	(void)state;
	if (!realdata(&path, "feeds/arxiv-cs.AI-2025-08-20-truncated.atom.xml")) {
		buf_free(&path);
		skip();
	}
	assert_true(slurp(path.buf, &data));
	run_buf(&r, "arxiv.xml", data.buf, data.len);
	assert_int_equal(ingest_file(r.ing, 0)->npapers, 86);
	assert_msg(&r, 1233, "input ends inside \"entry\" (opened at line 1229)");
	assert_msg(&r, 1229, "skipped incomplete \"entry\"");
	assert_int_equal(ingest_nmsgs(r.ing), 2);
	p = by_id(&r, "2508.13167");
	assert_non_null(p);
	assert_string_equal(day_of(&r, p), "2025-08-20");
	assert_int_equal(p->nauthors, 30);
	assert_true(strncmp(sum_of(p), "Recent advances in large language models", 40) == 0);
	assert_null(by_id(&r, "2508.13435"));
	run_free(&r);
	buf_free(&path);
	buf_free(&data);
}

/* Run every JSON and Atom test. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_good),
		cmocka_unit_test(test_json_hf_api),
		cmocka_unit_test(test_json_missing),
		cmocka_unit_test(test_json_wrong_types),
		cmocka_unit_test(test_json_truncated),
		cmocka_unit_test(test_json_bad_utf8),
		cmocka_unit_test(test_json_deep),
		cmocka_unit_test(test_json_realdata),
		cmocka_unit_test(test_json_shapes),
		cmocka_unit_test(test_atom_good),
		cmocka_unit_test(test_atom_api_rss),
		cmocka_unit_test(test_atom_xhtml_rdf),
		cmocka_unit_test(test_atom_missing),
		cmocka_unit_test(test_atom_truncated),
		cmocka_unit_test(test_atom_xxe),
		cmocka_unit_test(test_atom_hostile),
		cmocka_unit_test(test_atom_realdata),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
