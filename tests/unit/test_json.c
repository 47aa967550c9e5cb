/* test_json.c: unit tests of the JSON parser (ingest/json.c), driven
 * through the public ingest API. */
#include "unit.h"

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "text/text.h"

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
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "good.json", json_good);
	if (ingest_nmsgs(r.ing))
		unit_dump_msgs(&r);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_string_equal(ingest_format_name(ingest_file(r.ing, 0)->fmt), "json");
	assert_int_equal(ingest_file(r.ing, 0)->npapers, 2);

	p = unit_by_id(&r, "2411.04905");
	assert_non_null(p);
	assert_string_equal(p->title, "OpenCoder: The Open Cookbook for Top-Tier Code LLMs");
	assert_int_equal(p->nauthors, 3);
	assert_string_equal(p->authors[1], "Jason Klein Liu");
	assert_int_equal(p->ncats, 2);
	assert_string_equal(p->cats[1], "Text Generation");
	assert_string_equal(unit_day_of(&r, p), "2024-11-08");
	assert_int_equal(p->votes, -1);
	assert_int_equal(p->nsums, 1);
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_int_equal(p->sums[0].blocks[0].kind, BLOCK_BULLET);
	assert_string_equal(p->sums[0].blocks[1].text, "It releases its data.");
	assert_string_equal(unit_link_of(p, LINK_ARXIV), "https://arxiv.org/abs/2411.04905");
	assert_non_null(unit_link_of(p, LINK_DATASET) ? unit_link_of(p, LINK_DATASET) : unit_link_of(p, LINK_HUGGINGFACE));

	p = unit_by_id(&r, "2411.05003");
	assert_non_null(p);
	assert_int_equal(p->nauthors, 2);
	assert_int_equal(p->votes, 17);
	assert_string_equal(unit_link_of(p, LINK_GITHUB), "https://github.com/example/recapture");
	assert_int_equal(p->sums[0].blocks[0].kind, BLOCK_PARA);
	unit_run_free(&r);
}

/* A 2025 API element: the Daily Papers day, ai_summary, ai_keywords, media and repository links. */
static void
test_json_hf_api_2025(void **state)
{
	static const char hf[] =
		"[{\"paper\": {\"id\": \"2507.03724\", \"title\": \"MemOS: A Memory OS\",\n"
		"  \"summary\": \"Large Language Models need memory.\", \"upvotes\": 7,\n"
		"  \"authors\": [{\"name\": \"Zhiyu Li\"}], \"publishedAt\": \"2025-07-04T13:21:46.000Z\",\n"
		"  \"submittedOnDailyAt\": \"2025-07-08T01:46:43.501Z\",\n"
		"  \"ai_summary\": \"MemOS is proposed as a memory operating system.\",\n"
		"  \"ai_keywords\": [\"LLMs\", \"MemCube\"],\n"
		"  \"githubRepo\": \"https://github.com/MemTensor/MemOS\", \"projectPage\": \"https://memos.openmem.net/\",\n"
		"  \"mediaUrls\": [\"https://cdn-uploads.huggingface.co/production/uploads/a/b.gif\"]},\n"
		" \"publishedAt\": \"2025-07-04T13:21:46.000Z\", \"title\": \"MemOS: A Memory OS\",\n"
		" \"mediaUrl\": \"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2507.03724.png\"}]";
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "daily/2025-07-07.json", hf);	/* the content's day wins over the path */
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	p = unit_by_id(&r, "2507.03724");
	assert_non_null(p);
	assert_string_equal(unit_day_of(&r, p), "2025-07-08");
	assert_int_equal(p->nsums, 2);
	assert_null(p->sums[0].name);
	assert_string_equal(unit_sum_of(p), "Large Language Models need memory.");
	assert_string_equal(p->sums[1].name, "ai_summary");
	assert_string_equal(p->sums[1].lang, "en");
	assert_string_equal(p->sums[1].text, "MemOS is proposed as a memory operating system.\n\nKeywords: LLMs, MemCube");
	assert_string_equal(unit_link_of(p, LINK_GITHUB), "https://github.com/MemTensor/MemOS");
	assert_string_equal(unit_link_of(p, LINK_PROJECT), "https://memos.openmem.net/");
	assert_string_equal(unit_link_of(p, LINK_HUGGINGFACE), "https://huggingface.co/papers/2507.03724");
	assert_non_null(unit_link_of(p, LINK_THUMBNAIL));
	assert_true(p->nlinks >= 6);	/* arxiv, hf, github, project, media, thumbnail */
	unit_run_free(&r);
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
		" \"publishedAt\": \"2025-05-04T02:11:00.000Z\", \"title\": \"Voila: Voice-Language Models\",\n"
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
	struct unit_run r;
	const struct paper *p;

	(void)state;
	/* an API element's day is its Daily Papers day, never publishedAt (the arXiv date) */
	unit_run_str(&r, "hf.json", hf);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(unit_by_id(&r, "2505.02707")->ndays, 1);
	assert_int_equal(lib_day(r.lib, unit_by_id(&r, "2505.02707")->days[0])->kind, DAY_NONE);
	unit_run_free(&r);
	/* without submittedOnDailyAt, the day in the file's path */
	unit_run_str(&r, "daily_papers/2025-05-06.json", hf);
	assert_int_equal(ingest_nmsgs(r.ing), 1);	/* the note that says so */
	assert_non_null(strstr(ingest_msg(r.ing, 0)->text, "dated 2025-05-06 from the file path"));
	assert_int_equal(lib_npapers(r.lib), 1);
	p = unit_by_id(&r, "2505.02707");
	assert_non_null(p);
	assert_string_equal(p->title, "Voila: Voice-Language Models");
	assert_int_equal(p->votes, 42);
	assert_int_equal(p->nauthors, 2);
	assert_string_equal(p->authors[0], "Yemin Shi");
	assert_string_equal(unit_day_of(&r, p), "2025-05-06");
	assert_string_equal(unit_sum_of(p), "We present Voila.");
	assert_non_null(unit_link_of(p, LINK_ARXIV));
	assert_non_null(unit_link_of(p, LINK_THUMBNAIL));
	unit_run_free(&r);

	unit_run_str(&r, "wrap.json", wrap);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	assert_int_equal(lib_npapers(r.lib), 2);
	assert_string_equal(unit_day_of(&r, unit_by_title(&r, "First")), "2024-12-02");
	assert_string_equal(unit_day_of(&r, unit_by_title(&r, "Second")), "2024-12-03");
	unit_run_free(&r);

	unit_run_str(&r, "data.json", data);
	assert_int_equal(lib_npapers(r.lib), 1);
	unit_run_free(&r);

	unit_run_str(&r, "one.json", one);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(unit_by_title(&r, "Alone"));
	unit_run_free(&r);

	/* an object that names no papers (a saved error page) is not a digest */
	r = unit_ingest_str("none.json", none);
	assert_int_equal(r.rc, -1);
	assert_int_equal(lib_npapers(r.lib), 0);
	unit_assert_msg(&r, 0, "not a digest");
	unit_run_free(&r);
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
	struct unit_run r;

	(void)state;
	unit_run_str(&r, "missing.json", in);
	assert_int_equal(lib_npapers(r.lib), 3);
	assert_non_null(unit_by_title(&r, "Kept"));
	assert_non_null(unit_by_id(&r, "2401.00001"));
	unit_assert_msg(&r, 3, "skipped an element with no title");
	unit_assert_msg(&r, 5, "is a number, not an object");
	unit_assert_msg(&r, 6, "is a string, not an object");
	assert_int_equal(ingest_nmsgs(r.ing), 3);
	unit_run_free(&r);
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
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "types.json", in);
	assert_int_equal(lib_npapers(r.lib), 2);
	p = unit_by_id(&r, "2402.00002");
	assert_non_null(p);
	assert_null(p->title);
	assert_string_equal(unit_sum_of(p), "Still here.");
	assert_int_equal(p->ncats, 1);
	assert_string_equal(p->cats[0], "Single Category");
	assert_int_equal(p->votes, -1);
	unit_assert_msg(&r, 1, "field \"title\" should be a string, not a number");
	unit_assert_msg(&r, 1, "field \"authors\" should be a string or a list, not an object");
	unit_assert_msg(&r, 1, "field \"github_urls\" should be a URL or a list of URLs, not a number");
	unit_assert_msg(&r, 1, "field \"votes\" should be a number, not a string");
	unit_assert_msg(&r, 1, "field \"date\" is not an ISO date: \"someday\"");
	unit_assert_msg(&r, 1, "field \"link\" has an element that is a number");

	p = unit_by_title(&r, "Typed");
	assert_non_null(p);
	assert_int_equal(p->nsums, 0);
	assert_int_equal(p->nauthors, 1);
	assert_int_equal(p->ncats, 1);
	assert_int_equal(p->votes, -1);
	unit_assert_msg(&r, 4, "field \"summary\" should be a string, not an array");
	unit_assert_msg(&r, 4, "field \"votes\" is not a vote count");
	unit_assert_msg(&r, 4, "field \"paper\" should be an object, not a number");
	unit_assert_msg(&r, 4, "field \"authors\" has an element that is a number, not a name");
	unit_assert_msg(&r, 4, "field \"classification\" has an element that is an object");
	unit_run_free(&r);
}

/* A truncated file keeps the complete elements and reports where it broke. */
static void
test_json_truncated(void **state)
{
	struct buf in = BUF_INIT;
	struct unit_run r;
	size_t cut;

	(void)state;
	/* cut inside the second element's summary */
	cut = (size_t)(strstr(json_good, "ReCapture generates") - json_good) + 5;
	buf_add(&in, json_good, cut);
	unit_run_buf(&r, "trunc.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(unit_by_id(&r, "2411.04905"));
	unit_assert_msg(&r, 18, "invalid JSON");
	assert_int_equal(ingest_nmsgs(r.ing), 1);
	unit_run_free(&r);

	/* cut right after an element and its comma */
	buf_setlen(&in, 0);
	cut = (size_t)(strstr(json_good, "    {\n        \"title\": \"ReCapture") - json_good);
	buf_add(&in, json_good, cut);
	unit_run_buf(&r, "trunc2.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	unit_assert_msg(&r, 0, "invalid JSON");
	unit_run_free(&r);

	/* a syntax error in the second element: the first is kept */
	unit_run_str(&r, "syntax.json",
	    "[{\"title\": \"First\"},\n {\"title\": \"Second\" \"x\": 1},\n {\"title\": \"Third\"}]");
	assert_int_equal(lib_npapers(r.lib), 1);
	assert_non_null(unit_by_title(&r, "First"));
	unit_assert_msg(&r, 2, "invalid JSON");
	unit_run_free(&r);

	/* a trailing comma: everything before it is kept */
	unit_run_str(&r, "comma.json", "[{\"title\": \"A\"}, {\"title\": \"B\"},\n]");
	assert_int_equal(lib_npapers(r.lib), 2);
	unit_assert_msg(&r, 2, "invalid JSON");
	unit_run_free(&r);

	/* a truncated wrapper */
	unit_run_str(&r, "wrapcut.json", "{\"papers\": [{\"title\": \"A\"}, {\"title\": \"B");
	assert_int_equal(lib_npapers(r.lib), 1);
	unit_assert_msg(&r, 1, "invalid JSON");
	unit_run_free(&r);

	/* nothing at all but a bracket, or garbage */
	unit_run_str(&r, "empty.json", "[");
	assert_int_equal(lib_npapers(r.lib), 0);
	unit_assert_msg(&r, 1, "invalid JSON");
	unit_run_free(&r);
	unit_run_str(&r, "emptyarr.json", "[]");
	assert_int_equal(lib_npapers(r.lib), 0);
	assert_int_equal(ingest_nmsgs(r.ing), 0);
	unit_run_free(&r);
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
	struct unit_run r;
	const struct paper *p;
	size_t i;

	(void)state;
	unit_run_str(&r, "utf8.json", in);
	assert_int_equal(lib_npapers(r.lib), 3);
	p = unit_by_title(&r, "Caf\xEF\xBF\xBD au lait");
	assert_non_null(p);
	assert_non_null(strstr(unit_sum_of(p), "\xEF\xBF\xBD"));
	assert_non_null(unit_by_title(&r, "Clean \xC3\xA9t\xC3\xA9"));
	unit_assert_msg(&r, 1, "invalid UTF-8");
	for (i = 0; i < lib_npapers(r.lib); i++) {
		p = lib_paper(r.lib, i);
		assert_true(text_is_clean(p->title, strlen(p->title)));
	}
	unit_run_free(&r);
}

/* 30,000 levels of nesting fail gracefully and fast. */
static void
test_json_deep(void **state)
{
	struct buf in = BUF_INIT;
	struct unit_run r;
	double t0 = unit_cpu_seconds();
	size_t i;

	(void)state;
	for (i = 0; i < 30000; i++)
		buf_addch(&in, '[');
	unit_run_buf(&r, "deep.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 0);
	unit_assert_msg(&r, 1, "invalid JSON");
	unit_run_free(&r);

	/* a good element first, then a closed deep array: the good one is kept */
	buf_setlen(&in, 0);
	buf_puts(&in, "[{\"title\": \"Shallow\"},\n");
	for (i = 0; i < 30000; i++)
		buf_puts(&in, "{\"a\":");
	buf_puts(&in, "1");
	for (i = 0; i < 30000; i++)
		buf_addch(&in, '}');
	buf_puts(&in, "]");
	unit_run_buf(&r, "deep2.json", in.buf, in.len);
	assert_int_equal(lib_npapers(r.lib), 1);
	unit_assert_msg(&r, 2, "invalid JSON");
	unit_run_free(&r);

	/* deep inside a field of a good element (json-c's own depth limit applies) */
	buf_setlen(&in, 0);
	buf_puts(&in, "[{\"title\": \"T\", \"extra\": ");
	for (i = 0; i < 3000; i++)
		buf_addch(&in, '[');
	for (i = 0; i < 3000; i++)
		buf_addch(&in, ']');
	buf_puts(&in, "}]");
	unit_run_buf(&r, "deep3.json", in.buf, in.len);
	unit_assert_msg(&r, 1, "invalid JSON");
	unit_run_free(&r);

	assert_true(unit_cpu_seconds() - t0 < 2.0);
	buf_free(&in);
}

/* All 70 real JSON day files: read fast, every element becomes a paper. */
static void
test_json_realdata(void **state)
{
	struct buf path = BUF_INIT;
	struct unit_run r;
	double t0;
	size_t i, n;

	(void)state;
	if (!unit_realdata(&path, "timlrx-daily-ai-papers/daily_results")) {
		buf_free(&path);
		skip();
	}
	r.lib = lib_new();
	r.ing = ingest_new(r.lib);
	t0 = unit_cpu_seconds();
	assert_int_equal(ingest_path(r.ing, path.buf), 0);
	lib_finish(r.lib);
	print_message("    70 JSON files: %zu papers in %.3f s\n", lib_npapers(r.lib), unit_cpu_seconds() - t0);
	assert_int_equal(ingest_nfiles(r.ing), 70);
	for (i = n = 0; i < ingest_nfiles(r.ing); i++) {
		assert_string_equal(ingest_format_name(ingest_file(r.ing, i)->fmt), "json");
		n += ingest_file(r.ing, i)->npapers;
	}
	assert_int_equal(n, 837);	/* elements in the 70 files */
	assert_true(lib_npapers(r.lib) > 700);
	for (i = 0; i < ingest_nmsgs(r.ing); i++)
		assert_true(strstr(ingest_msg(r.ing, i)->text, "invalid JSON") == NULL);
	assert_true(unit_cpu_seconds() - t0 < 2.0);
	unit_run_free(&r);
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
	struct unit_run r;
	const struct paper *p;

	(void)state;
	unit_run_str(&r, "shapes.json", in);
	p = unit_by_title(&r, "Lone markers");
	assert_non_null(p);
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_int_equal(p->sums[0].blocks[0].kind, BLOCK_BULLET);
	assert_string_equal(p->sums[0].blocks[1].text, "Second point.");
	assert_non_null(unit_link_of(p, LINK_PROJECT));
	assert_string_equal(p->nlinks >= 2 ? p->links[1].url : "", "https://huggingface.co/mgor/protobowl-11-13");
	p = unit_by_title(&r, "Wrapped");
	assert_int_equal(p->sums[0].nblocks, 2);
	assert_string_equal(p->sums[0].blocks[0].text, "Introduces top- k sampling.");
	p = unit_by_title(&r, "Bullet signs");
	assert_int_equal(p->sums[0].nblocks, 2);
	p = unit_by_title(&r, "Bare ids");
	assert_string_equal(p->id, "2403.01234");
	assert_non_null(unit_link_of(p, LINK_ARXIV));
	p = unit_by_title(&r, "Not an id");
	assert_null(p->id);
	unit_assert_msg(&r, 7, "field \"arxiv_id\" is not an arXiv id");
	assert_int_equal(ingest_nmsgs(r.ing), 1);
	unit_run_free(&r);
}

/* Run every JSON test. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_good),
		cmocka_unit_test(test_json_hf_api),
		cmocka_unit_test(test_json_hf_api_2025),
		cmocka_unit_test(test_json_missing),
		cmocka_unit_test(test_json_wrong_types),
		cmocka_unit_test(test_json_truncated),
		cmocka_unit_test(test_json_bad_utf8),
		cmocka_unit_test(test_json_deep),
		cmocka_unit_test(test_json_realdata),
		cmocka_unit_test(test_json_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
