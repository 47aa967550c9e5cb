/* test_marks.c: the state file: round trip, escaping, bad lines, set-aside, merging. */
#include "unit.h"

#include <stdio.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "marks/marks.h"

static char dir[64];
static char path[96];

/* A fresh directory for each test, with path naming "state" in it. */
static int
setup(void **unused)
{
	(void)unused;
	assert_true(snprintf(dir, sizeof dir, "/tmp/pbstate.XXXXXX") < (int)sizeof dir);
	assert_non_null(mkdtemp(dir));
	assert_true(snprintf(path, sizeof path, "%s/state", dir) < (int)sizeof path);
	return 0;
}

/* Remove the directory and everything in it. */
static int
teardown(void **unused)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct buf b = BUF_INIT;

	(void)unused;
	buf_init(&b);
	while (d && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_setlen(&b, 0);
		buf_printf(&b, "%s/%s", dir, de->d_name);
		unlink(b.buf);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	buf_free(&b);
	return 0;
}

/* Write s to file f. */
static void
put_file(const char *f, const char *s, size_t n)
{
	FILE *fp = fopen(f, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* The contents of file f (caller frees). */
static char *
get_file(const char *f, size_t *n)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	assert_int_equal(safeio_read(f, &b), 0);
	return buf_detach(&b, n);
}

/* Names in dir that start with prefix, how many, the first in *first (caller frees). */
static int
count_names(const char *prefix, char **first)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (first)
		*first = NULL;
	while (d && (de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0) {
			if (first && *first == NULL) {
				struct buf b = BUF_INIT;

				buf_init(&b);
				buf_printf(&b, "%s/%s", dir, de->d_name);
				*first = buf_detach(&b, NULL);
			}
			n++;
		}
	if (d)
		closedir(d);
	return n;
}

/* marks_keys lists the keys of each field set, and no others. */
static void
check_keys(const struct marks *b)
{
	const char **keys;
	size_t n = marks_keys(b, MARKS_READ, &keys), i, seen = 0;

	assert_int_equal(n, 2);
	for (i = 0; i < n; i++)
		seen |= strcmp(keys[i], "arxiv:2505.02707") == 0 ? 1u : strcmp(keys[i], "title:voila") == 0 ? 2u : 4u;
	assert_int_equal(seen, 3);
	free(keys);
	assert_int_equal(marks_keys(b, MARKS_STARRED, &keys), 1);
	assert_string_equal(keys[0], "arxiv:2505.02707");
	free(keys);
}

#define HEAD "paperboy-state 1\n# KEY<TAB>read=0|1@MS<TAB>starred=0|1@MS (MS: when set, ms since 1970)\n"

static void
test_round_trip(void **unused)
{
	struct marks *a = marks_new(path), *b;
	char *text;

	(void)unused;
	assert_int_equal(marks_load(a), 0);	/* missing file: empty, no message */
	assert_int_equal(marks_nmsgs(a), 0);
	marks_set_at(a, "arxiv:2505.02707", MARKS_READ, 1, 1000);
	marks_set_at(a, "arxiv:2505.02707", MARKS_STARRED, 1, 2000);
	marks_set_at(a, "title:voila", MARKS_READ, 1, 1500);
	marks_set_at(a, "text:00ff", MARKS_STARRED, 0, 900);	/* an unstar is kept, with its time */
	assert_true(marks_dirty(a));
	assert_int_equal(marks_save(a), 0);
	assert_false(marks_dirty(a));
	text = get_file(path, NULL);
	assert_string_equal(text, HEAD
	    "arxiv:2505.02707\tread=1@1000\tstarred=1@2000\n"
	    "text:00ff\tstarred=0@900\n"
	    "title:voila\tread=1@1500\n");
	free(text);

	b = marks_new(path);
	assert_int_equal(marks_load(b), 0);
	assert_int_equal(marks_nmsgs(b), 0);
	assert_true(marks_get(b, "arxiv:2505.02707", MARKS_READ));
	assert_true(marks_get(b, "arxiv:2505.02707", MARKS_STARRED));
	assert_true(marks_get(b, "title:voila", MARKS_READ));
	assert_false(marks_get(b, "title:voila", MARKS_STARRED));
	assert_false(marks_get(b, "text:00ff", MARKS_STARRED));
	assert_false(marks_get(b, "nothing", MARKS_READ));
	assert_int_equal(marks_time(b, "text:00ff", MARKS_STARRED), 900);
	assert_int_equal(marks_count(b, MARKS_READ), 2);
	assert_int_equal(marks_count(b, MARKS_STARRED), 1);
	check_keys(b);
	/* toggling always moves time forward, even past a time from the future */
	marks_set_at(b, "future", MARKS_STARRED, 1, INT64_C(99999999999999));
	assert_int_equal(marks_toggle(b, "future", MARKS_STARRED), 0);
	assert_int_equal(marks_time(b, "future", MARKS_STARRED), INT64_C(100000000000000));
	assert_int_equal(count_names("state.broken", NULL), 0);
	marks_free(a);
	marks_free(b);
}

static void
test_escaping(void **unused)
{
	static const char *const keys[] = {
		"title:a\tb", "title:line\nbreak\r", "#hash", "back\\slash", "ctl\x01\x7f",
		"title:한국어", "=@\\t",
	};
	struct marks *a = marks_new(path), *b;
	char *text, *p;
	size_t i, lines = 0;

	(void)unused;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		marks_set_at(a, keys[i], MARKS_READ, 1, 10 + (int64_t)i);
	assert_int_equal(marks_save(a), 0);
	text = get_file(path, NULL);
	for (p = text; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 2 + sizeof keys / sizeof keys[0]);	/* one line per key */
	assert_non_null(strstr(text, "\n\\#hash\tread=1@12\n"));
	assert_non_null(strstr(text, "\ntitle:a\\tb\tread=1@10\n"));
	assert_non_null(strstr(text, "\ntitle:line\\nbreak\\r\tread=1@11\n"));
	assert_non_null(strstr(text, "\nback\\\\slash\tread=1@13\n"));
	assert_non_null(strstr(text, "\nctl\\x01\\x7f\tread=1@14\n"));
	assert_non_null(strstr(text, "\n=@\\\\t\tread=1@16\n"));
	free(text);
	b = marks_new(path);
	assert_int_equal(marks_load(b), 0);
	assert_int_equal(marks_nmsgs(b), 0);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_true(marks_get(b, keys[i], MARKS_READ));
	assert_int_equal(marks_count(b, MARKS_READ), sizeof keys / sizeof keys[0]);
	marks_free(a);
	marks_free(b);
}

static void
test_bad_lines(void **unused)
{
	static const char file[] =
	    "paperboy-state 1\n"
	    "good:1\tread=1@5\n"
	    "bad:field\tfoo=1@2\n"
	    "bad:value\tread=2@5\n"
	    "bad\\q:escape\tread=1@1\n"
	    "\tread=1@1\n"
	    "# a comment\n"
	    "\n"
	    "good:2\tstarred=1@7\tread=0@3\n"
	    "bad:time\tread=1@\n"
	    "good:3\n";
	struct marks *st = marks_new(path);
	struct buf want = BUF_INIT;
	char *kept, *text;
	size_t n;

	(void)unused;
	buf_init(&want);
	put_file(path, file, sizeof file - 1);
	assert_int_equal(marks_load(st), 0);
	assert_int_equal(marks_nmsgs(st), 5);
	buf_printf(&want, "%s:3: bad field 'foo=1@2', record skipped", path);
	assert_string_equal(marks_msg(st, 0), want.buf);
	buf_setlen(&want, 0);
	buf_printf(&want, "%s:4: bad field 'read=2@5', record skipped", path);
	assert_string_equal(marks_msg(st, 1), want.buf);
	buf_setlen(&want, 0);
	buf_printf(&want, "%s:5: bad escape in key 'bad\\q:escape', record skipped", path);
	assert_string_equal(marks_msg(st, 2), want.buf);
	buf_setlen(&want, 0);
	buf_printf(&want, "%s:6: empty key, record skipped", path);
	assert_string_equal(marks_msg(st, 3), want.buf);
	buf_setlen(&want, 0);
	buf_printf(&want, "%s:10: bad field 'read=1@', record skipped", path);
	assert_string_equal(marks_msg(st, 4), want.buf);
	assert_true(marks_get(st, "good:1", MARKS_READ));
	assert_true(marks_get(st, "good:2", MARKS_STARRED));
	assert_false(marks_get(st, "good:2", MARKS_READ));
	assert_int_equal(marks_time(st, "good:2", MARKS_READ), 3);
	assert_false(marks_get(st, "bad:value", MARKS_READ));

	/* saving keeps the file with the skipped records under a new name */
	marks_clear_msgs(st);
	marks_set_at(st, "new", MARKS_STARRED, 1, 9);
	assert_int_equal(marks_save(st), 0);
	assert_int_equal(marks_nmsgs(st), 1);
	assert_non_null(strstr(marks_msg(st, 0), "5 records skipped; the old file is kept as '"));
	assert_int_equal(count_names("state.broken-", &kept), 1);
	text = get_file(kept, &n);
	assert_int_equal(n, sizeof file - 1);
	assert_memory_equal(text, file, n);
	free(text);
	free(kept);
	text = get_file(path, NULL);
	assert_string_equal(text, HEAD "good:1\tread=1@5\n" "good:2\tread=0@3\tstarred=1@7\n"
	    "new\tstarred=1@9\n");
	free(text);
	buf_free(&want);
	marks_free(st);
}

static void
test_garbage_set_aside(void **unused)
{
	static const char garbage[] = "\x89PNG\r\n\x1a\n\0\xff not a state file";
	static const char newer[] = "paperboy-state 99\nk\tread=1@1\n";
	struct marks *st = marks_new(path), *again;
	char *kept, *text;
	size_t n;

	(void)unused;
	put_file(path, garbage, sizeof garbage - 1);
	assert_int_equal(marks_load(st), -1);
	assert_int_equal(marks_nmsgs(st), 1);
	assert_non_null(strstr(marks_msg(st, 0), ": not a paperboy state file: first line '"));
	assert_non_null(strstr(marks_msg(st, 0), "; set aside as '"));
	assert_int_equal(count_names("state.broken-", &kept), 1);
	assert_non_null(strstr(marks_msg(st, 0), kept));
	text = get_file(kept, &n);
	assert_int_equal(n, sizeof garbage - 1);
	assert_memory_equal(text, garbage, n);	/* the original bytes */
	free(text);
	assert_int_equal(access(path, F_OK), -1);	/* gone from its place */

	/* a save writes a new file and leaves the set-aside one alone */
	marks_set_at(st, "k", MARKS_READ, 1, 5);
	assert_int_equal(marks_save(st), 0);
	text = get_file(kept, &n);
	assert_int_equal(n, sizeof garbage - 1);
	assert_memory_equal(text, garbage, n);
	free(text);

	/* another bad file in the same second gets another name: never overwritten */
	put_file(path, newer, sizeof newer - 1);
	again = marks_new(path);
	assert_int_equal(marks_load(again), -1);
	assert_non_null(strstr(marks_msg(again, 0), "unsupported state file version 'paperboy-state 99'"));
	assert_int_equal(count_names("state.broken-", NULL), 2);
	text = get_file(kept, &n);
	assert_int_equal(n, sizeof garbage - 1);
	assert_memory_equal(text, garbage, n);
	free(text);
	free(kept);

	/* an empty file is not a state file either */
	put_file(path, "", 0);
	marks_free(again);
	again = marks_new(path);
	assert_int_equal(marks_load(again), -1);
	assert_non_null(strstr(marks_msg(again, 0), "empty file; set aside as"));
	assert_int_equal(count_names("state.broken-", NULL), 3);
	marks_free(again);
	marks_free(st);
}

static void
test_merge_two_readers(void **unused)
{
	struct marks *a = marks_new(path), *b = marks_new(path), *c;

	(void)unused;
	assert_int_equal(marks_load(a), 0);
	assert_int_equal(marks_load(b), 0);
	/* disjoint keys, saved alternately: none lost */
	marks_set_at(a, "x", MARKS_READ, 1, 100);
	marks_set_at(b, "y", MARKS_STARRED, 1, 110);
	assert_int_equal(marks_save(a), 0);
	assert_int_equal(marks_save(b), 0);
	assert_true(marks_get(b, "x", MARKS_READ));	/* b now sees a's mark */
	marks_set_at(a, "z", MARKS_READ, 1, 120);
	assert_int_equal(marks_save(a), 0);
	assert_true(marks_get(a, "y", MARKS_STARRED));

	/* the same key, different fields: both kept */
	marks_set_at(a, "k", MARKS_READ, 1, 200);
	marks_set_at(b, "k", MARKS_STARRED, 1, 150);
	assert_int_equal(marks_save(b), 0);
	assert_int_equal(marks_save(a), 0);

	/* the same field: the newest wins, whoever saves last */
	marks_set_at(b, "x", MARKS_READ, 0, 300);	/* newer: unread */
	marks_set_at(a, "x", MARKS_READ, 1, 250);	/* older: read again */
	assert_int_equal(marks_save(b), 0);
	assert_int_equal(marks_save(a), 0);
	assert_false(marks_get(a, "x", MARKS_READ));	/* a's older change lost to b's */
	marks_set_at(a, "y", MARKS_STARRED, 0, 400);	/* newer unstar saved last wins */
	assert_int_equal(marks_save(a), 0);
	assert_int_equal(marks_save(b), 0);

	c = marks_new(path);
	assert_int_equal(marks_load(c), 0);
	assert_false(marks_get(c, "x", MARKS_READ));
	assert_int_equal(marks_time(c, "x", MARKS_READ), 300);
	assert_false(marks_get(c, "y", MARKS_STARRED));
	assert_true(marks_get(c, "z", MARKS_READ));
	assert_true(marks_get(c, "k", MARKS_READ));
	assert_true(marks_get(c, "k", MARKS_STARRED));
	assert_false(marks_get(b, "y", MARKS_STARRED));	/* b picked up a's unstar */
	assert_int_equal(marks_nmsgs(a) + marks_nmsgs(b) + marks_nmsgs(c), 0);

	/* load merges too: an unsaved change survives a reload unless the file's is newer */
	marks_set_at(c, "z", MARKS_READ, 0, 500);
	marks_set_at(c, "k", MARKS_READ, 0, 50);
	assert_int_equal(marks_load(c), 0);
	assert_false(marks_get(c, "z", MARKS_READ));
	assert_true(marks_get(c, "k", MARKS_READ));
	marks_free(a);
	marks_free(b);
	marks_free(c);
}

/* The kind of file at p (lstat), or 0 when there is none. */
static mode_t
kind_of(const char *p)
{
	struct stat sb;

	return lstat(p, &sb) == 0 ? sb.st_mode & S_IFMT : 0;
}

/* dir/name (caller frees). */
static char *
in_dir(const char *name)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	buf_printf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

static void
test_link_written_through(void **unused)
{
	char *real = in_dir("real"), *text;
	struct marks *st;

	(void)unused;
	assert_int_equal(symlink("real", path), 0);	/* state -> real */
	put_file(real, HEAD "k\tread=1@5\n", strlen(HEAD "k\tread=1@5\n"));
	st = marks_new(path);
	assert_int_equal(marks_load(st), 0);
	assert_true(marks_get(st, "k", MARKS_READ));
	marks_set_at(st, "j", MARKS_STARRED, 1, 7);
	assert_int_equal(marks_save(st), 0);
	assert_int_equal(marks_nmsgs(st), 0);
	assert_int_equal(kind_of(path), S_IFLNK);	/* the link stays */
	text = get_file(real, NULL);
	assert_string_equal(text, HEAD "j\tstarred=1@7\n" "k\tread=1@5\n");
	free(text);
	/* the lock sits beside the target; nothing else was made */
	assert_int_equal(count_names("real.lock", NULL), 1);
	assert_int_equal(count_names("state.", NULL), 0);
	marks_free(st);
	free(real);
}

static void
test_dev_null_turns_saving_off(void **unused)
{
	struct marks *st;

	(void)unused;
	assert_int_equal(symlink("/dev/null", path), 0);
	st = marks_new(path);
	assert_int_equal(marks_load(st), 0);
	assert_int_equal(marks_nmsgs(st), 0);
	marks_set(st, "k", MARKS_STARRED, 1);
	assert_int_equal(marks_save(st), 0);	/* saving is off, not failing */
	assert_false(marks_dirty(st));
	assert_int_equal(marks_nmsgs(st), 0);
	assert_int_equal(kind_of(path), S_IFLNK);
	assert_int_equal(count_names("", NULL) - 2, 1);	/* only the link: no lock, no broken copy */
	assert_int_equal(kind_of("/dev/null"), S_IFCHR);
	marks_free(st);
}

/* A state path that is not a regular file is refused: never opened for long, renamed or replaced. */
static void
refused(mode_t kind)
{
	struct marks *st = marks_new(path);

	assert_int_equal(marks_load(st), -1);
	assert_int_equal(marks_nmsgs(st), 1);
	assert_non_null(strstr(marks_msg(st, 0), "not a regular file; marks are not saved"));
	marks_set(st, "k", MARKS_READ, 1);
	assert_int_equal(marks_save(st), -1);
	assert_true(marks_dirty(st));	/* still pending: not lost silently */
	assert_non_null(strstr(marks_msg(st, 1), "marks not saved: '"));
	assert_int_equal(kind_of(path), kind);
	assert_int_equal(count_names("", NULL) - 2, 1);	/* no lock, no broken copy, no temporary file */
	marks_free(st);
}

static void
test_fifo_refused(void **unused)
{
	(void)unused;
	assert_int_equal(mkfifo(path, 0600), 0);	/* no writer: a plain open would hang */
	refused(S_IFIFO);
}

static void
test_directory_refused(void **unused)
{
	(void)unused;
	assert_int_equal(mkdir(path, 0700), 0);
	refused(S_IFDIR);
	rmdir(path);
}

static void
test_too_large_left_alone(void **unused)
{
	struct marks *st = marks_new(path);
	int fd = open(path, O_WRONLY | O_CREAT, 0600);

	(void)unused;
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)300 << 20), 0);	/* sparse: no disk used */
	close(fd);
	assert_int_equal(marks_load(st), -1);
	assert_non_null(strstr(marks_msg(st, 0), "is larger than"));
	assert_int_equal(count_names("state.broken", NULL), 0);	/* not set aside */
	marks_set(st, "k", MARKS_READ, 1);
	assert_int_equal(marks_save(st), -1);
	assert_int_equal(kind_of(path), S_IFREG);
	marks_free(st);
}

static void
test_unreadable_left_alone(void **unused)
{
	struct marks *st;

	(void)unused;
	if (geteuid() == 0)
		skip();	/* root reads anything: tests/files.sh checks this as another user */
	put_file(path, HEAD, sizeof HEAD - 1);
	assert_int_equal(chmod(path, 0), 0);
	st = marks_new(path);
	assert_int_equal(marks_load(st), -1);
	assert_non_null(strstr(marks_msg(st, 0), "Permission denied; marks are not saved"));
	assert_int_equal(count_names("state.broken", NULL), 0);
	marks_free(st);
}

static void
test_failed_save_kept_and_retried(void **unused)
{
	struct marks *st;
	char *sub = in_dir("sub"), *spath = in_dir("sub/state"), *text;

	(void)unused;
	st = marks_new(spath);
	assert_int_equal(marks_load(st), 0);
	put_file(sub, "", 0);	/* a file where the directory should be */
	marks_set_at(st, "k", MARKS_STARRED, 1, 5);
	assert_int_equal(marks_save(st), -1);
	assert_int_equal(marks_nmsgs(st), 1);
	assert_true(marks_dirty(st));
	assert_int_equal(marks_ndirty(st), 1);
	assert_int_equal(unlink(sub), 0);
	assert_int_equal(marks_save(st), 0);	/* the next save writes what was pending */
	assert_false(marks_dirty(st));
	text = get_file(spath, NULL);
	assert_string_equal(text, HEAD "k\tstarred=1@5\n");
	free(text);
	unlink(spath);
	{
		struct buf lk = BUF_INIT;

		buf_init(&lk);
		buf_printf(&lk, "%s.lock", spath);
		unlink(lk.buf);
		buf_free(&lk);
	}
	rmdir(sub);
	marks_free(st);
	free(sub);
	free(spath);
}

/* Text read without a file; a field set at time 0 survives a save (the fuzzer found it lost). */
static void
test_load_text(void **unused)
{
	static const char text[] = "paperboy-state 1\nk\tread=1@0\nj\tstarred=0@0\nbad\tx\n";
	struct marks *st = marks_new("mem"), *again = marks_new("mem");
	struct buf out = BUF_INIT, out2 = BUF_INIT;

	(void)unused;
	buf_init(&out);
	buf_init(&out2);
	assert_int_equal(marks_load_text(st, text, sizeof text - 1), 0);
	assert_int_equal(marks_nmsgs(st), 1);
	assert_string_equal(marks_msg(st, 0), "mem:4: bad field 'x', record skipped");
	assert_true(marks_get(st, "k", MARKS_READ));
	marks_format(st, &out);
	assert_string_equal(out.buf, HEAD "k\tread=1@0\n");
	assert_int_equal(marks_load_text(again, out.buf, out.len), 0);
	assert_true(marks_get(again, "k", MARKS_READ));
	marks_format(again, &out2);
	assert_string_equal(out.buf, out2.buf);
	assert_int_equal(marks_load_text(again, "garbage", 7), -1);
	assert_int_equal(count_names("", NULL) - 2, 0);	/* no file was touched */
	buf_free(&out);
	buf_free(&out2);
	marks_free(st);
	marks_free(again);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_set_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_two_readers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_link_written_through, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dev_null_turns_saving_off, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_large_left_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_left_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_save_kept_and_retried, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_text, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
