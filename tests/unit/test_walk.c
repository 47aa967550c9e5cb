/* test_walk.c: paths to jobs (ingest/walk.c). */
#include "unit.h"

#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "ingest/walk.h"

static char root[] = "/tmp/pbwalk.XXXXXX";

/* Create root/rel as an empty file, or a directory when rel ends in '/'. */
static void
make(const char *rel)
{
	struct buf p = BUF_INIT;
	FILE *f;

	buf_init(&p);
	buf_printf(&p, "%s/%s", root, rel);
	if (p.buf[p.len - 1] == '/') {
		assert_int_equal(mkdir(p.buf, 0700), 0);
	} else {
		f = fopen(p.buf, "w");
		assert_non_null(f);
		fclose(f);
	}
	buf_free(&p);
}

/* The path of job i relative to root. */
static const char *
rel(const struct joblist *l, size_t i)
{
	assert_true(i < l->n);
	return l->v[i].path + strlen(root) + 1;
}

/* A tree: b/, a.md, b/c.md, b/.hidden/x.md, .dot.md, z.md. */
static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	make("z.md");
	make("a.md");
	make("b/");
	make("b/c.md");
	make("b/.hidden/");
	make("b/.hidden/x.md");
	make(".dot.md");
	return 0;
}

/* Remove the tree. */
static int
teardown(void **state)
{
	static const char *const paths[] = {
		"b/.hidden/x.md", "b/.hidden", "b/c.md", "b", "a.md", "z.md", ".dot.md",
	};
	struct buf p = BUF_INIT;
	size_t i;

	(void)state;
	buf_init(&p);
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		buf_setlen(&p, 0);
		buf_printf(&p, "%s/%s", root, paths[i]);
		remove(p.buf);
	}
	buf_free(&p);
	return rmdir(root);
}

/* A directory: its files in name order, recursively, hidden entries skipped, each quiet. */
static void
test_directory(void **state)
{
	struct joblist l = { NULL, 0, 0 };
	size_t i;

	(void)state;
	walk_path(&l, root);
	assert_int_equal(l.n, 3);
	assert_string_equal(rel(&l, 0), "a.md");
	assert_string_equal(rel(&l, 1), "b/c.md");
	assert_string_equal(rel(&l, 2), "z.md");
	for (i = 0; i < l.n; i++) {
		assert_true(l.v[i].quiet);
		assert_null(l.v[i].err_what);
		assert_null(l.v[i].data);
	}
	walk_free(&l);
}

/* A file named directly is one job, not quiet; a missing one is a failure to report. */
static void
test_named(void **state)
{
	struct joblist l = { NULL, 0, 0 };
	struct buf p = BUF_INIT;

	(void)state;
	buf_init(&p);
	buf_printf(&p, "%s/.dot.md", root);
	walk_path(&l, p.buf);		/* named, so read even though hidden */
	buf_setlen(&p, 0);
	buf_printf(&p, "%s/missing.md", root);
	walk_path(&l, p.buf);
	assert_int_equal(l.n, 2);
	assert_string_equal(rel(&l, 0), ".dot.md");
	assert_false(l.v[0].quiet);
	assert_null(l.v[0].err_what);
	assert_string_equal(rel(&l, 1), "missing.md");
	assert_non_null(l.v[1].err_what);
	assert_int_not_equal(l.v[1].err_no, 0);
	walk_free(&l);
	assert_int_equal(l.n, 0);
	buf_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_named),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
