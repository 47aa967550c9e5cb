/* test_safeio.c: files that are not regular (FIFOs, directories, devices,
 * links) are never read whole, replaced, renamed or set aside; links are
 * written through; --output style writes go into FIFOs, devices and open
 * descriptors in place; reads are bounded. */
#include "unit.h"

#include <stdio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/safeio.h"

static char dir[64];

/* A fresh directory for each test. */
static int
setup(void **unused)
{
	(void)unused;
	assert_true(snprintf(dir, sizeof dir, "/tmp/pbsafeio.XXXXXX") < (int)sizeof dir);
	assert_non_null(mkdtemp(dir));
	return 0;
}

/* Remove directory d and everything in it. */
static void
rm_dir(const char *d)
{
	DIR *dp = opendir(d);
	struct dirent *de;
	struct buf b = BUF_INIT;

	buf_init(&b);
	while (dp && (de = readdir(dp)) != NULL) {
		struct stat sb;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		buf_setlen(&b, 0);
		buf_printf(&b, "%s/%s", d, de->d_name);
		if (lstat(b.buf, &sb) == 0 && S_ISDIR(sb.st_mode))
			rm_dir(b.buf);
		else
			unlink(b.buf);
	}
	if (dp)
		closedir(dp);
	rmdir(d);
	buf_free(&b);
}

/* Remove the directory and everything in it. */
static int
teardown(void **unused)
{
	(void)unused;
	rm_dir(dir);
	return 0;
}

/* dir/name in a static-free buffer the caller frees. */
static char *
in_dir(const char *name)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	buf_printf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

/* Write s to file f. */
static void
put_file(const char *f, const char *s)
{
	FILE *fp = fopen(f, "wb");

	assert_non_null(fp);
	assert_int_equal(fputs(s, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* Number of entries in dir (besides . and ..). */
static int
count_entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	while (d && (de = readdir(d)) != NULL)
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

static void
test_read_refuses_fifo_and_dir(void **unused)
{
	char *fifo = in_dir("fifo"), *sub = in_dir("sub");
	struct buf out = BUF_INIT, err = BUF_INIT;

	(void)unused;
	buf_init(&out);
	buf_init(&err);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* no writer: a blocking open would hang here forever */
	assert_int_equal(safeio_read_max(fifo, 100, &out, &err), -1);
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(err.buf, "is a FIFO, not a regular file"));
	assert_int_equal(safeio_read(fifo, &out), -1);
	assert_int_equal(out.len, 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	buf_setlen(&err, 0);
	assert_int_equal(safeio_read_max(sub, 100, &out, &err), -1);
	assert_int_equal(errno, EISDIR);
	assert_non_null(strstr(err.buf, "is a directory, not a regular file"));
	/* a character device is not read either (it may never end) */
	buf_setlen(&err, 0);
	assert_int_equal(safeio_read_max("/dev/zero", 100, &out, &err), -1);
	assert_non_null(strstr(err.buf, "is a character device"));
	assert_int_equal(out.len, 0);
	free(fifo);
	free(sub);
	buf_free(&out);
	buf_free(&err);
}

static void
test_read_bounded(void **unused)
{
	char *f = in_dir("f"), *sparse = in_dir("sparse");
	struct buf out = BUF_INIT, err = BUF_INIT;
	int fd;

	(void)unused;
	buf_init(&out);
	buf_init(&err);
	put_file(f, "0123456789");
	assert_int_equal(safeio_read_max(f, 10, &out, &err), 0);
	assert_string_equal(out.buf, "0123456789");
	buf_setlen(&out, 0);
	assert_int_equal(safeio_read_max(f, 9, &out, &err), -1);
	assert_int_equal(errno, EFBIG);
	assert_non_null(strstr(err.buf, "is larger than 9 bytes"));
	assert_int_equal(out.len, 0);
	/* a huge sparse file is refused from its size, not read */
	fd = open(sparse, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)1 << 40), 0);
	close(fd);
	buf_setlen(&err, 0);
	assert_int_equal(safeio_read_max(sparse, 1 << 20, &out, &err), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(out.len, 0);
	free(f);
	free(sparse);
	buf_free(&out);
	buf_free(&err);
}

static void
test_resolve(void **unused)
{
	char *a = in_dir("a"), *b = in_dir("b"), *loop = in_dir("loop");
	struct buf out = BUF_INIT, want = BUF_INIT;

	(void)unused;
	buf_init(&out);
	buf_init(&want);
	assert_int_equal(mkdir(b, 0700), 0);
	assert_int_equal(symlink("b/c", a), 0);	/* relative to the link's directory */
	free(b);
	b = in_dir("b/c");
	assert_int_equal(symlink("../target", b), 0);
	assert_int_equal(safeio_resolve(a, &out), 0);
	buf_printf(&want, "%s/b/../target", dir);
	assert_string_equal(out.buf, want.buf);	/* the target need not exist */
	buf_setlen(&out, 0);
	assert_int_equal(safeio_resolve("/tmp", &out), 0);
	assert_string_equal(out.buf, "/tmp");	/* not a link: unchanged */
	assert_int_equal(symlink("loop", loop), 0);
	assert_int_equal(safeio_resolve(loop, &out), -1);
	assert_int_equal(errno, ELOOP);
	free(a);
	free(b);
	free(loop);
	buf_free(&out);
	buf_free(&want);
}

static void
test_write_through_link(void **unused)
{
	char *real = in_dir("real"), *link = in_dir("link"), *sub = in_dir("sub");
	struct buf err = BUF_INIT, got = BUF_INIT;
	struct stat sb;

	(void)unused;
	buf_init(&err);
	buf_init(&got);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(real);
	real = in_dir("sub/real");
	put_file(real, "old");
	assert_int_equal(symlink("sub/real", link), 0);
	assert_int_equal(safeio_write(link, "new", 3, 0600, &err), 0);
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));	/* the link stays a link */
	assert_int_equal(safeio_read(real, &got), 0);
	assert_string_equal(got.buf, "new");	/* and its target has the data */
	assert_int_equal(count_entries(), 2);	/* no temporary file left beside the link */
	/* a dangling link: the target is created */
	assert_int_equal(unlink(real), 0);
	assert_int_equal(safeio_write(link, "again", 5, 0600, &err), 0);
	buf_setlen(&got, 0);
	assert_int_equal(safeio_read(real, &got), 0);
	assert_string_equal(got.buf, "again");
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	free(real);
	free(link);
	free(sub);
	buf_free(&err);
	buf_free(&got);
}

static void
test_never_replace_non_regular(void **unused)
{
	char *fifo = in_dir("fifo"), *sub = in_dir("sub"), *null = in_dir("null");
	struct buf err = BUF_INIT, nn = BUF_INIT;
	struct stat sb;

	(void)unused;
	buf_init(&err);
	buf_init(&nn);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(symlink("/dev/null", null), 0);
	assert_int_equal(safeio_write(fifo, "x", 1, 0600, &err), -1);
	assert_non_null(strstr(err.buf, "is a FIFO, not a regular file; it is not replaced"));
	assert_int_equal(safeio_write(sub, "x", 1, 0600, &err), -1);
	buf_setlen(&err, 0);
	assert_int_equal(safeio_write(null, "x", 1, 0600, &err), -1);
	assert_non_null(strstr(err.buf, "is a character device"));
	assert_int_equal(lstat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(lstat(sub, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(lstat(null, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_int_equal(stat("/dev/null", &sb), 0);
	assert_true(S_ISCHR(sb.st_mode));
	/* nor set aside, nor locked */
	buf_setlen(&err, 0);
	assert_int_equal(safeio_set_aside(fifo, 0, &nn, &err), -1);
	assert_non_null(strstr(err.buf, "is a FIFO, not a regular file; it is not set aside"));
	assert_int_equal(safeio_set_aside(sub, 0, &nn, &err), -1);
	assert_int_equal(safeio_set_aside(null, 1, &nn, &err), -1);
	assert_int_equal(nn.len, 0);
	assert_int_equal(safeio_lock(fifo, &err), -1);
	assert_int_equal(count_entries(), 3);	/* nothing new, nothing renamed */
	free(fifo);
	free(sub);
	free(null);
	buf_free(&err);
	buf_free(&nn);
}

static void
test_is_null(void **unused)
{
	char *link = in_dir("link"), *f = in_dir("f");

	(void)unused;
	assert_int_equal(symlink("/dev/null", link), 0);
	put_file(f, "");
	assert_true(safeio_is_null("/dev/null"));
	assert_true(safeio_is_null(link));
	assert_false(safeio_is_null(f));
	assert_false(safeio_is_null("/dev/zero"));
	assert_false(safeio_is_null(dir));
	free(link);
	free(f);
}

static void
test_write_out_in_place(void **unused)
{
	char *fifo = in_dir("fifo"), *null = in_dir("null");
	struct buf err = BUF_INIT, name = BUF_INIT;
	struct stat sb;
	int p[2], status;
	pid_t pid;
	char got[16];
	ssize_t n;

	(void)unused;
	buf_init(&err);
	buf_init(&name);
	/* a link to /dev/null: written into, the link stays */
	assert_int_equal(symlink("/dev/null", null), 0);
	assert_int_equal(safeio_write_out(null, "data", 4, 0600, &err), 0);
	assert_int_equal(lstat(null, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	/* an open descriptor by name: /dev/fd/N and /proc/self/fd/N */
	assert_int_equal(pipe(p), 0);
	buf_printf(&name, "/dev/fd/%d", p[1]);
	assert_int_equal(safeio_write_out(name.buf, "ab", 2, 0600, &err), 0);
	buf_setlen(&name, 0);
	buf_printf(&name, "/proc/self/fd/%d", p[1]);
	assert_int_equal(safeio_write_out(name.buf, "cd", 2, 0600, &err), 0);
	close(p[1]);
	n = read(p[0], got, sizeof got);
	assert_int_equal(n, 4);
	assert_memory_equal(got, "abcd", 4);
	close(p[0]);
	/* a FIFO with a reader: the data goes through it, it stays a FIFO */
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(fifo, O_RDONLY);
		char b[16];
		ssize_t k = fd >= 0 ? read(fd, b, sizeof b) : -1;

		if (k > 0 && write(p[1], b, (size_t)k) != k)
			_exit(2);
		_exit(k == 5 ? 0 : 1);
	}
	close(p[1]);
	assert_int_equal(safeio_write_out(fifo, "fifo!", 5, 0600, &err), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	n = read(p[0], got, sizeof got);
	assert_int_equal(n, 5);
	assert_memory_equal(got, "fifo!", 5);
	close(p[0]);
	assert_int_equal(lstat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	/* a directory is refused */
	assert_int_equal(safeio_write_out(dir, "x", 1, 0600, &err), -1);
	free(fifo);
	free(null);
	buf_free(&err);
	buf_free(&name);
}

/* The bounded descriptor read: stops one byte past upto, appends, keeps the NUL. */
static void
test_read_upto(void **state)
{
	struct buf b;
	int fd[2];

	(void)state;
	buf_init(&b);
	assert_int_equal(pipe(fd), 0);
	assert_int_equal(write(fd[1], "0123456789", 10), 10);
	close(fd[1]);
	buf_puts(&b, "ab");
	assert_int_equal(safeio_read_upto(fd[0], &b, 5), 0);
	assert_int_equal(b.len, 6);	/* one byte past upto: longer than 5 */
	assert_string_equal(b.buf, "ab0123");
	assert_int_equal(safeio_read_upto(fd[0], &b, 100), 0);	/* then to the end */
	assert_string_equal(b.buf, "ab0123456789");
	close(fd[0]);
	assert_int_equal(safeio_read_upto(fd[0], &b, 100), -1);	/* closed: an error, content kept */
	assert_int_equal(errno, EBADF);
	assert_string_equal(b.buf, "ab0123456789");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_refuses_fifo_and_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_bounded, setup, teardown),
		cmocka_unit_test(test_read_upto),
		cmocka_unit_test_setup_teardown(test_resolve, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_through_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_never_replace_non_regular, setup, teardown),
		cmocka_unit_test_setup_teardown(test_is_null, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_out_in_place, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
