/* test_ingest.c: the ingest API (ingest/ingest.c): files, directories, formats, messages. */
#include "unit.h"

#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "text/diag.h"

static const char table_md[] =
	"## Papers for 2024-01-01\n\n| Title | Authors | Summary |\n|---|---|---|\n"
	"| T (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | A | S |\n"
	"| | | |\n";
static const char ko_md[] =
	"## Daily Papers (2024-05-06)\n\n### [Title One](https://arxiv.org/abs/2405.00001)\n\nVote: 3\n";

/* Write text to dir/name. */
static void
put(const char *dir, const char *name, const char *text)
{
	struct buf path = BUF_INIT;
	FILE *f;

	buf_init(&path);
	buf_printf(&path, "%s/%s", dir, name);
	f = fopen(path.buf, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	buf_free(&path);
}

/* Remove dir/name. */
static void
rm(const char *dir, const char *name)
{
	struct buf path = BUF_INIT;

	buf_init(&path);
	buf_printf(&path, "%s/%s", dir, name);
	assert_int_equal(remove(path.buf), 0);
	buf_free(&path);
}

/* CR LF line ends and a byte-order mark read as plain LF. */
static void
test_crlf_bom_same(void **state)
{
	const char *plain = "## Papers for 2024-01-01\n\n| Title | Authors | Summary |\n|---|---|---|\n| T (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | A | S |\n";
	const char *crlf = "\xEF\xBB\xBF## Papers for 2024-01-01\r\n\r\n| Title | Authors | Summary |\r\n|---|---|---|\r\n| T (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | A | S |\r\n";
	struct unit_run a = unit_ingest_str("a.md", plain), b = unit_ingest_str("b.md", crlf);

	(void)state;
	assert_int_equal(lib_npapers(a.lib), 1);
	assert_int_equal(lib_npapers(b.lib), 1);
	assert_string_equal(lib_paper(a.lib, 0)->sums[0].text, lib_paper(b.lib, 0)->sums[0].text);
	assert_string_equal(lib_paper(b.lib, 0)->id, "2401.00001");
	assert_int_equal(ingest_nmsgs(b.ing), 0);
	unit_run_free(&a);
	unit_run_free(&b);
}

/* A directory: files in name order, hidden ones skipped, the rest noted; each file's messages. */
static void
test_directory(void **state)
{
	char dir[] = "/tmp/pbingest.XXXXXX";
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	const struct ingest_file *f;
	const struct diag_list *dl;

	(void)state;
	assert_non_null(mkdtemp(dir));
	put(dir, "b-table.md", table_md);
	put(dir, "a-ko.md", ko_md);
	put(dir, "c-notes.txt", "nothing to see here\n");
	put(dir, ".hidden.md", table_md);
	assert_int_equal(ingest_path(ing, dir), 0);	/* a skipped file inside a directory is no failure */
	assert_int_equal(ingest_nfiles(ing), 3);
	f = ingest_file(ing, 0);
	assert_non_null(strstr(f->path, "a-ko.md"));
	assert_string_equal(ingest_format_name(f->fmt), "ko-digest");
	assert_int_equal(f->npapers, 1);
	assert_int_equal(f->nmsgs, 0);
	f = ingest_file(ing, 1);
	assert_string_equal(ingest_format_name(f->fmt), "table");
	assert_int_equal(f->npapers, 1);
	assert_int_equal(f->nmsgs, 1);	/* the empty row */
	assert_int_equal(ingest_msg(ing, f->first_msg)->level, DIAG_WARNING);
	assert_int_equal(ingest_msg(ing, f->first_msg)->line, 6);
	f = ingest_file(ing, 2);
	assert_null(f->fmt);
	assert_false(f->failed);
	assert_int_equal(f->first_msg, 1);
	assert_int_equal(f->nmsgs, 1);
	assert_int_equal(ingest_msg(ing, 1)->level, DIAG_NOTE);
	assert_string_equal(ingest_format_name(NULL), "unknown");
	dl = ingest_diags(ing);
	assert_int_equal(dl->n, 2);
	assert_int_equal(diag_problems(dl), 1);
	assert_int_equal(ingest_bytes(ing), sizeof table_md - 1 + sizeof ko_md - 1 + 20);
	assert_null(ingest_file(ing, 3));
	assert_null(ingest_msg(ing, 2));
	ingest_free(ing);
	lib_free(lib);
	rm(dir, "b-table.md");
	rm(dir, "a-ko.md");
	rm(dir, "c-notes.txt");
	rm(dir, ".hidden.md");
	assert_int_equal(rmdir(dir), 0);
}

/* What test_sink_prep's sink saw. */
struct seen {
	size_t n;		/* records */
	size_t last_file;
	int bad;		/* a record out of order, or not with its prep bytes */
	int with_prep;
};

/* ingest_prep for the test: "<TITLE>". */
static void
title_prep(const struct rec *r, struct buf *out)
{
	buf_printf(out, "<%s>", r->title ? r->title : "");
}

/* ingest_sink for the test: in file order, each record with its own prep bytes (or none). */
static void
check_sink(void *arg, size_t file, const struct rec *r, long paper, const char *prep, size_t plen)
{
	struct seen *v = arg;
	struct buf want = BUF_INIT;

	buf_init(&want);
	title_prep(r, &want);
	if (file < v->last_file || paper < 0)
		v->bad = 1;
	if (v->with_prep ? prep == NULL || plen != want.len || memcmp(prep, want.buf, plen) != 0 :
	    prep != NULL || plen != 0)
		v->bad = 1;
	v->last_file = file;
	v->n++;
	buf_free(&want);
}

/* Run a sink over dir with prep (may be NULL) on three threads; what it saw. */
static struct seen
sink_run(const char *dir, ingest_prep prep)
{
	struct lib *lib = lib_new();
	struct ingest *ing;
	struct seen v = { 0, 0, 0, 0 };

	setenv("PAPERBOY_THREADS", "3", 1);
	ing = ingest_new(lib);
	unsetenv("PAPERBOY_THREADS");
	v.with_prep = prep != NULL;
	ingest_set_sink(ing, check_sink, prep, &v);
	assert_int_equal(ingest_path(ing, dir), 0);
	assert_int_equal(ingest_nfiles(ing), 40);
	ingest_free(ing);
	lib_free(lib);
	return v;
}

/* A sink gets every record in file order with the bytes prep made of it on the parsing threads. */
static void
test_sink_prep(void **state)
{
	char dir[] = "/tmp/pbingest.XXXXXX", name[32];
	struct buf text = BUF_INIT;
	struct seen v;
	int i;

	(void)state;
	buf_init(&text);
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 40; i++) {
		buf_setlen(&text, 0);
		buf_printf(&text, "## Daily Papers (2024-05-%02d)\n\n### [Title %d](https://arxiv.org/abs/2405.%05d)\n\n"
		    "### [Other %d](https://arxiv.org/abs/2406.%05d)\n", i % 28 + 1, i, i, i, i);
		snprintf(name, sizeof name, "d%02d.md", i);
		put(dir, name, text.buf);
	}
	v = sink_run(dir, title_prep);
	assert_int_equal(v.n, 80);
	assert_int_equal(v.last_file, 39);
	assert_false(v.bad);
	v = sink_run(dir, NULL);	/* without prep: no bytes */
	assert_int_equal(v.n, 80);
	assert_false(v.bad);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "d%02d.md", i);
		rm(dir, name);
	}
	assert_int_equal(rmdir(dir), 0);
	buf_free(&text);
}

/* A file named directly fails when it cannot be read or recognised; an error says why. */
static void
test_failures(void **state)
{
	char dir[] = "/tmp/pbingest.XXXXXX";
	struct buf path = BUF_INIT;
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);

	(void)state;
	buf_init(&path);
	assert_non_null(mkdtemp(dir));
	put(dir, "notes.txt", "nothing to see here\n");
	buf_printf(&path, "%s/notes.txt", dir);
	assert_int_equal(ingest_path(ing, path.buf), -1);
	assert_true(ingest_file(ing, 0)->failed);
	assert_int_equal(ingest_msg(ing, 0)->level, DIAG_ERROR);
	assert_string_equal(ingest_msg(ing, 0)->text, "not a digest in any known format");
	buf_printf(&path, ".missing");
	assert_int_equal(ingest_path(ing, path.buf), -1);
	assert_int_equal(ingest_nfiles(ing), 2);
	assert_true(ingest_file(ing, 1)->failed);
	assert_int_equal(ingest_msg(ing, 1)->level, DIAG_ERROR);
	assert_non_null(strstr(ingest_msg(ing, 1)->text, "No such file"));
	assert_string_equal(ingest_msg(ing, 1)->file, ingest_file(ing, 1)->path);
	assert_int_equal(lib_npapers(lib), 0);
	ingest_free(ing);
	lib_free(lib);
	rm(dir, "notes.txt");
	assert_int_equal(rmdir(dir), 0);
	buf_free(&path);
}

/* The sniffer alone. */
static void
test_sniff(void **state)
{
	(void)state;
	assert_string_equal(ingest_format_name(ingest_sniff(table_md, sizeof table_md - 1)), "table");
	assert_string_equal(ingest_format_name(ingest_sniff(ko_md, sizeof ko_md - 1)), "ko-digest");
	assert_null(ingest_sniff("plain words\n", 12));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crlf_bom_same),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_sink_prep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
