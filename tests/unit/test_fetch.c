/* test_fetch.c: sources, the fetch history, answers' content types and the report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/buf.h"
#include "fetch/answer.h"
#include "base/date.h"
#include "fetch/fetch.h"
#include "fetch/history.h"
#include "fetch/report.h"
#include "fetch/sources.h"

static void
test_source_names(void **state)
{
	(void)state;
	assert_true(sources_name_ok("hf-daily"));
	assert_true(sources_name_ok("arxiv-cs.CL"));
	assert_true(sources_name_ok("ko_digest2"));
	assert_false(sources_name_ok(""));
	assert_false(sources_name_ok(".."));
	assert_false(sources_name_ok(".hidden"));
	assert_false(sources_name_ok("-dash"));
	assert_false(sources_name_ok("a/b"));
	assert_false(sources_name_ok("a b"));
	assert_false(sources_name_ok("caf\xc3\xa9"));
	assert_false(sources_name_ok("0123456789012345678901234567890123456789012345678901234567890123456789"));
}

/* True when sources_url_ok accepts url. */
static int
url_ok(const char *url)
{
	struct buf why = BUF_INIT;
	int ok = sources_url_ok(url, &why);

	assert_true(ok || why.len > 0);
	buf_free(&why);
	return ok;
}

static void
test_urls(void **state)
{
	(void)state;
	assert_true(url_ok("https://huggingface.co/api/daily_papers?date=2025-05-07"));
	assert_true(url_ok("http://127.0.0.1:8080/x"));
	assert_true(url_ok("http://127.1.2.3/x"));
	assert_true(url_ok("http://localhost:99/x"));
	assert_true(url_ok("http://[::1]:99/x"));
	assert_false(url_ok("http://example.com/x"));
	assert_false(url_ok("http://127.0.0.1.example.com/x"));
	assert_false(url_ok("http://127.evil.com/x"));
	assert_false(url_ok("http://1270.0.0.1/x"));
	assert_false(url_ok("file:///etc/passwd"));
	assert_false(url_ok("ftp://example.com/x"));
	assert_false(url_ok("gopher://127.0.0.1/x"));
	assert_false(url_ok("not a url"));
}

static void
test_templates(void **state)
{
	struct sources *s = sources_new();
	struct buf err = BUF_INIT, url = BUF_INIT, tmpl = BUF_INIT;
	struct source tmp;
	const struct source *src;

	(void)state;
	assert_int_equal(sources_count(s), 2);
	assert_string_equal(sources_at(s, 0)->name, "hf-daily");
	assert_true(sources_at(s, 0)->on);
	assert_string_equal(sources_at(s, 1)->name, "hf-page");
	assert_false(sources_at(s, 1)->on);
	sources_expand("https://x.org/{yyyy}/{mm}/{dd}.md?d={date}", date_parse("2025-05-07"), &url);
	assert_string_equal(url.buf, "https://x.org/2025/05/07.md?d=2025-05-07");
	assert_true(sources_dated("https://x.org/{date}"));
	assert_false(sources_dated("https://rss.arxiv.org/atom/cs.CL"));

	assert_int_equal(sources_set(s, "ko-digest",
	    "https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/paper_logs/{yyyy}/{mm}/{dd}.md", &err), 0);
	assert_int_equal(sources_count(s), 3);
	assert_true(sources_at(s, 2)->on);
	assert_int_equal(sources_set(s, "hf-daily", "off", &err), 0);
	assert_false(sources_at(s, 0)->on);
	assert_int_equal(sources_set(s, "hf-page", "on", &err), 0);
	assert_true(sources_at(s, 1)->on);
	assert_int_equal(sources_set(s, "hf-daily", "http://127.0.0.1:5/api?date={date}", &err), 0);
	assert_string_equal(sources_at(s, 0)->tmpl, "http://127.0.0.1:5/api?date={date}");
	assert_true(sources_at(s, 0)->on);

	/* refused, table unchanged */
	assert_int_equal(sources_set(s, "x", "http://example.com/{date}", &err), -1);
	assert_non_null(strstr(err.buf, "https"));
	buf_setlen(&err, 0);
	assert_int_equal(sources_set(s, "x", "https://e.org/{day}", &err), -1);
	assert_non_null(strstr(err.buf, "placeholders"));
	assert_int_equal(sources_set(s, "../up", "https://e.org/{date}", &err), -1);
	assert_int_equal(sources_set(s, "nosuch", "off", &err), -1);
	assert_int_equal(sources_set(s, "x", "https://e.org/a b", &err), -1);
	buf_setlen(&err, 0);
	assert_int_equal(sources_set(s, "x", "ftp://e.org/{date}", &err), -1);
	assert_non_null(strstr(err.buf, "only https"));
	assert_int_equal(sources_set(s, "x", "https:e.org/{date}", &err), -1);
	assert_int_equal(sources_set(s, "x", "https://:443/{date}", &err), -1);
	assert_int_equal(sources_set(s, "x", "e.org/{date}", &err), -1);
	/* the host is after the user name, before the port */
	assert_int_equal(sources_set(s, "x", "http://127.0.0.1@evil.com/{date}", &err), -1);
	assert_int_equal(sources_set(s, "x", "http://127.0.0.1:80@evil.com:80/{date}", &err), -1);
	assert_int_equal(sources_set(s, "x", "http://127.evil.com/{date}", &err), -1);
	assert_int_equal(sources_set(s, "x", "http://[::2]/{date}", &err), -1);
	assert_int_equal(sources_count(s), 3);
	assert_int_equal(sources_set(s, "lo", "http://u@127.0.0.1:8080/{date}", &err), 0);
	assert_int_equal(sources_set(s, "lo", "http://[::1]:8080/{date}", &err), 0);
	assert_int_equal(sources_set(s, "lo", "HTTPS://E.ORG/{date}", &err), 0);
	assert_int_equal(sources_count(s), 4);
	assert_int_equal(sources_set(s, "lo", "off", &err), 0);

	/* arxiv-CATEGORY: known without a line, on with one */
	src = sources_find(s, "arxiv-cs.CL", &tmp, &tmpl);
	assert_non_null(src);
	assert_string_equal(src->tmpl, "https://rss.arxiv.org/atom/cs.CL");
	assert_false(src->on);
	assert_null(sources_find(s, "arxiv-", &tmp, &tmpl));
	assert_null(sources_find(s, "nosuch", &tmp, &tmpl));
	assert_int_equal(sources_set(s, "arxiv-cs.LG", "on", &err), 0);
	assert_string_equal(sources_at(s, 4)->tmpl, "https://rss.arxiv.org/atom/cs.LG");
	assert_true(sources_at(s, 4)->on);
	sources_free(s);
	buf_free(&err);
	buf_free(&url);
	buf_free(&tmpl);
}

static void
test_paths(void **state)
{
	struct buf p = BUF_INIT;

	(void)state;
	sources_path(&p, "/lib", "hf-daily", date_parse("2025-05-07"), "json");
	assert_string_equal(p.buf, "/lib/hf-daily/2025/05/07.json");
	buf_setlen(&p, 0);
	sources_path(&p, "/lib", "arxiv-cs.CL", -1, "xml");
	assert_string_equal(p.buf, "/lib/arxiv-cs.CL/latest.xml");
	buf_free(&p);
}

static void
test_history(void **state)
{
	char dir[] = "/tmp/pbhistXXXXXX";
	struct buf path = BUF_INIT, err = BUF_INIT;
	struct diag_list msgs;
	struct history *h;
	const struct history_url *u;
	FILE *f;

	(void)state;
	diag_list_init(&msgs);
	assert_non_null(mkdtemp(dir));
	buf_printf(&path, "%s/.paperboy-fetch", dir);
	h = history_load(path.buf, &msgs);
	assert_int_equal(msgs.n, 0);
	assert_null(history_url(h, "https://a/1"));
	history_set_url(h, "https://a/1", "hf-daily/2025/05/07.json", "\"v1\"", NULL);
	history_set_url(h, "https://a/2", "x/latest.xml", "bad\ttag", "Wed, 07 May 2025 10:00:00 GMT");
	history_set_checked(h, "hf-daily", date_parse("2025-05-03"));
	history_set_complete(h, "hf-daily", date_parse("2025-05-06"));
	history_set_complete(h, "hf-daily", date_parse("2025-05-08"));
	assert_int_equal(history_save(h, &err), 0);
	history_free(h);

	h = history_load(path.buf, &msgs);
	assert_int_equal(msgs.n, 0);
	u = history_url(h, "https://a/1");
	assert_non_null(u);
	assert_string_equal(u->path, "hf-daily/2025/05/07.json");
	assert_string_equal(u->etag, "\"v1\"");
	assert_null(u->last_modified);
	u = history_url(h, "https://a/2");
	assert_null(u->etag);	/* a tab is never stored */
	assert_string_equal(u->last_modified, "Wed, 07 May 2025 10:00:00 GMT");
	assert_true(history_checked(h, "hf-daily", date_parse("2025-05-03")));
	assert_false(history_checked(h, "hf-daily", date_parse("2025-05-04")));
	assert_false(history_checked(h, "hf-page", date_parse("2025-05-03")));
	assert_int_equal(history_complete(h, "hf-daily"), date_parse("2025-05-08"));
	assert_int_equal(history_complete(h, "hf-page"), -1);
	history_free(h);

	/* a damaged line is reported with its line and skipped */
	f = fopen(path.buf, "a");
	assert_non_null(f);
	fputs("checked\thf-daily\t2025-02-30\nurl\tonly\nchecked\thf-page\t2025-05-01\n", f);
	fclose(f);
	h = history_load(path.buf, &msgs);
	assert_int_equal(msgs.n, 2);
	assert_non_null(strstr(diag_line(&msgs, 0), ":6: "));
	assert_int_equal(diag_get(&msgs, 0)->line, 6);
	assert_true(history_checked(h, "hf-page", date_parse("2025-05-01")));
	history_free(h);
	diag_list_free(&msgs);
	unlink(path.buf);
	rmdir(dir);
	buf_free(&path);
	buf_free(&err);
}

static void
test_content_types(void **state)
{
	(void)state;
	assert_true(answer_type_ok(""));
	assert_true(answer_type_ok("application/json"));
	assert_true(answer_type_ok("application/json; charset=utf-8"));
	assert_true(answer_type_ok("text/plain; charset=utf-8"));
	assert_true(answer_type_ok("text/html"));
	assert_true(answer_type_ok("application/atom+xml"));
	assert_true(answer_type_ok("Application/RSS+XML"));
	assert_true(answer_type_ok("application/octet-stream"));
	assert_false(answer_type_ok("image/png"));
	assert_false(answer_type_ok("application/pdf"));
	assert_false(answer_type_ok("application/zip"));
	assert_false(answer_type_ok("video/mp4"));
	assert_false(answer_type_ok("application/json+zip"));
}

/* A day event. */
static struct fetch_event
day_event(const char *source, const char *day, enum fetch_result res, const char *reason)
{
	struct fetch_event ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = FETCH_EV_DAY;
	ev.source = (char *)source;
	snprintf(ev.day, sizeof ev.day, "%s", day);
	ev.result = res;
	ev.reason = (char *)reason;
	ev.nnew = res == FETCH_NEW ? 3 : 0;
	ev.npapers = 3;
	ev.path = (char *)"hf-daily/2025/05/07.json";
	return ev;
}

static void
test_report(void **state)
{
	struct report *r = report_new(0);
	struct buf out = BUF_INIT, end = BUF_INIT;
	struct fetch_event ev;
	static const char *const days[] = { "2025-05-03", "2025-05-01", "2025-05-02" };
	size_t i;

	(void)state;
	ev = day_event("hf-daily", "2025-05-07", FETCH_NEW, NULL);
	report_event(r, &ev, &out);
	assert_string_equal(out.buf, "hf-daily 2025-05-07: 3 new, 0 updated (3 papers in hf-daily/2025/05/07.json)\n");
	buf_setlen(&out, 0);
	for (i = 0; i < 3; i++) {
		ev = day_event("ko", days[i], FETCH_FAILED, "cannot connect");
		report_event(r, &ev, &out);
	}
	ev = day_event("hf-daily", "2025-05-06", FETCH_FAILED, "HTTP 503 after 4 tries");
	report_event(r, &ev, &out);
	assert_int_equal(out.len, 0);	/* failures wait for the summary */
	assert_int_equal(report_nfailed(r), 4);
	report_summary(r, &end);
	assert_string_equal(end.buf,
	    "ko: 3 days from 2025-05-01 to 2025-05-03: cannot connect\n"
	    "hf-daily 2025-05-06: HTTP 503 after 4 tries\n"
	    "3 new papers, 0 updated; 4 of 5 failed\n");
	assert_false(report_not_run(r));
	report_free(r);

	/* a fetch that could not run: its reason is the total */
	r = report_new(0);
	memset(&ev, 0, sizeof ev);
	ev.kind = FETCH_EV_DONE;
	ev.failed = 1;
	ev.reason = (char *)"cannot load libcurl: libcurl.so.4: file too short";
	report_event(r, &ev, &out);
	assert_true(report_not_run(r));
	buf_setlen(&end, 0);
	report_total(r, &end);
	assert_string_equal(end.buf, "fetch failed: cannot load libcurl: libcurl.so.4: file too short");
	report_free(r);

	/* a terminal: progress in place, news kept for the end */
	r = report_new(1);
	buf_setlen(&out, 0);
	memset(&ev, 0, sizeof ev);
	ev.kind = FETCH_EV_PROGRESS;
	ev.done = 2;
	ev.total = 9;
	ev.bytes = 3 << 20;
	ev.source = (char *)"hf-daily";
	report_event(r, &ev, &out);
	assert_string_equal(out.buf, "\rfetching 2/9, 3.0 MB, hf-daily\033[K");
	buf_setlen(&out, 0);
	ev = day_event("hf-daily", "2025-05-07", FETCH_SAME, NULL);
	report_event(r, &ev, &out);
	assert_int_equal(out.len, 0);
	buf_setlen(&end, 0);
	report_summary(r, &end);
	assert_string_equal(end.buf, "\r\033[K0 new papers, 0 updated; 1 checked\n");
	report_free(r);
	buf_free(&out);
	buf_free(&end);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_source_names),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_templates),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_content_types),
		cmocka_unit_test(test_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
