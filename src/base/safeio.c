/* base/safeio.c: crash-safe file replacement, locking, and setting files aside. */
#include "base/safeio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TMP_TAG ".tmp-"

/* A name for the kind of file st_mode describes. */
const char *
safeio_kind(unsigned mode)
{
	switch ((mode_t)mode & S_IFMT) {
	case S_IFREG: return "a regular file";
	case S_IFDIR: return "a directory";
	case S_IFIFO: return "a FIFO";
	case S_IFCHR: return "a character device";
	case S_IFBLK: return "a block device";
	case S_IFSOCK: return "a socket";
	case S_IFLNK: return "a symbolic link";
	default: return "not a regular file";
	}
}

/* True when path (links followed) is the null device, whatever its name. */
int
safeio_is_null(const char *path)
{
	struct stat sb, null;

	return stat(path, &sb) == 0 && S_ISCHR(sb.st_mode) && stat("/dev/null", &null) == 0 &&
	    S_ISCHR(null.st_mode) && null.st_rdev == sb.st_rdev;
}

/* Refuse a file that is not regular: reason in err, errno EISDIR or EINVAL. */
static int
refuse_kind(const char *path, mode_t mode, const char *what, struct buf *err)
{
	if (err)
		buf_printf(err, "'%s' is %s, not a regular file%s", path, safeio_kind(mode), what);
	errno = S_ISDIR(mode) ? EISDIR : EINVAL;
	return -1;
}

/* Close fd keeping errno; returns -1. */
static int
close_fail(int fd)
{
	int e = errno;

	close(fd);
	errno = e;
	return -1;
}

/* Append what fd gives to out until out holds more than upto bytes or fd ends. */
int
safeio_read_upto(int fd, struct buf *out, size_t upto)
{
	while (out->len <= upto) {
		size_t room;
		ssize_t r;

		if (out->alloc - out->len < 2)
			buf_grow(out, out->len < 4096 ? 4096 : out->len);
		room = out->alloc - out->len - 1;
		if (room > upto + 1 - out->len)
			room = upto + 1 - out->len;	/* one byte more shows a file longer than upto */
		r = read(fd, out->buf + out->len, room);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		out->len += (size_t)r;
	}
	out->buf[out->len] = '\0';
	return 0;
}

/* Read at most max bytes of the open regular file fd into out; -1 (EFBIG when longer). */
static int
read_bounded(int fd, size_t max, struct buf *out)
{
	size_t start = out->len;
	size_t upto = max > SIZE_MAX - 2 - start ? SIZE_MAX - 2 : start + max;

	if (safeio_read_upto(fd, out, upto) < 0)
		return -1;
	if (out->len - start > max) {
		buf_setlen(out, start);
		errno = EFBIG;
		return -1;
	}
	return 0;
}

/* Read a regular file of at most max bytes; never opens anything else for long. */
int
safeio_read_max(const char *path, size_t max, struct buf *out, struct buf *err)
{
	struct stat sb;
	int fd, rc;

	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return refuse_kind(path, sb.st_mode, "", err);
	/* O_NONBLOCK: a FIFO put there since the stat must not hang the open */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if (err)
			buf_printf(err, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		refuse_kind(path, sb.st_mode, "", err);
		return close_fail(fd);
	}
	if (sb.st_size > 0 && (unsigned long long)sb.st_size > max) {
		errno = EFBIG;
		rc = -1;
	} else {
		rc = read_bounded(fd, max, out);
	}
	if (rc < 0) {
		if (err && errno == EFBIG)
			buf_printf(err, "'%s' is larger than %zu bytes", path, max);
		else if (err)
			buf_printf(err, "cannot read '%s': %s", path, strerror(errno));
		return close_fail(fd);
	}
	close(fd);
	return 0;
}

/* Read everything from the regular file path into out. */
int
safeio_read(const char *path, struct buf *out)
{
	return safeio_read_max(path, SIZE_MAX - 1, out, NULL);
}

/* Split path into its directory ("." when none) in dir. */
static void
dir_of(struct buf *dir, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		buf_puts(dir, ".");
	else if (slash == path)
		buf_puts(dir, "/");
	else
		buf_add(dir, path, (size_t)(slash - path));
}

/* fsync a directory so that a rename or link in it is durable. */
static int
sync_dir(const char *path)
{
	struct buf dir = BUF_INIT;
	int fd, rc = 0;

	buf_init(&dir);
	dir_of(&dir, path);
	fd = open(dir.buf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || (fsync(fd) < 0 && errno != EINVAL))
		rc = -1;
	if (fd >= 0)
		close(fd);
	buf_free(&dir);
	return rc;
}

/* Write all of data to fd, retrying short writes. */
int
safeio_write_all(int fd, const void *buf, size_t len)
{
	const char *data = buf;

	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w == 0)
			errno = EIO;	/* nothing written and no error: do not spin */
		if (w <= 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Append the temporary name for path: ".NAME.tmp-PID-N" in the same
 * directory.  Hidden, so that a reader walking the directory never takes
 * what a killed writer left for a file of its own.
 */
static void
tmp_name(struct buf *tmp, const char *path)
{
	static atomic_ulong counter;
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	buf_add(tmp, path, (size_t)(base - path));
	buf_printf(tmp, ".%s" TMP_TAG "%ld-%lu", base, (long)getpid(),
	    (unsigned long)atomic_fetch_add(&counter, 1));
}

/* Temporary file beside target, fsync, rename over target, fsync the directory. */
static int
replace_file(const char *path, const char *target, const char *data, size_t len, unsigned mode,
    struct buf *err)
{
	struct buf tmp = BUF_INIT;
	const char *what;
	int fd = -1, tries, e, created = 0;

	buf_init(&tmp);
	for (tries = 0; tries < 1000; tries++) {
		buf_setlen(&tmp, 0);
		tmp_name(&tmp, target);
		fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		what = "cannot create a temporary file for";
		goto fail;
	}
	created = 1;
	if (safeio_write_all(fd, data, len) < 0) {
		what = "cannot write";
		goto fail;
	}
	if (fsync(fd) < 0) {
		what = "cannot sync";
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		what = "cannot write";
		goto fail;
	}
	fd = -1;
	if (rename(tmp.buf, target) < 0) {
		what = "cannot replace";
		goto fail;
	}
	if (sync_dir(target) < 0) {
		/* the new file is in place; only its durability is in doubt */
		buf_printf(err, "cannot sync the directory of '%s': %s", path, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	buf_free(&tmp);
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	if (created)
		unlink(tmp.buf);
	buf_printf(err, "%s '%s': %s", what, path, strerror(e));
	buf_free(&tmp);
	errno = e;
	return -1;
}

/* Append the directory part of path with its slash ("" when none). */
static void
dir_prefix(struct buf *out, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash)
		buf_add(out, path, (size_t)(slash - path) + 1);
}

/* Follow the symbolic links that path names, at most 40. */
int
safeio_resolve(const char *path, struct buf *out)
{
	struct buf cur = BUF_INIT, link = BUF_INIT;
	struct stat sb;
	int hops, rc = 0;

	buf_init(&cur);
	buf_init(&link);
	buf_puts(&cur, path);
	for (hops = 0; lstat(cur.buf, &sb) == 0 && S_ISLNK(sb.st_mode); hops++) {
		ssize_t n;

		if (hops == 40) {
			errno = ELOOP;
			rc = -1;
			break;
		}
		buf_setlen(&link, 0);
		buf_grow(&link, (size_t)(sb.st_size > 0 ? sb.st_size : 255) + 1);
		n = readlink(cur.buf, link.buf, link.alloc - 1);
		if (n < 0 || (size_t)n >= link.alloc - 1) {
			if (n >= 0)
				errno = ENAMETOOLONG;	/* the link changed under us */
			rc = -1;
			break;
		}
		link.len = (size_t)n;
		link.buf[n] = '\0';
		if (link.buf[0] != '/') {
			struct buf joined = BUF_INIT;

			buf_init(&joined);
			dir_prefix(&joined, cur.buf);
			buf_add(&joined, link.buf, link.len);
			buf_free(&link);
			link = joined;
		}
		buf_setlen(&cur, 0);
		buf_add(&cur, link.buf, link.len);
	}
	if (rc == 0)
		buf_add(out, cur.buf, cur.len);
	buf_free(&cur);
	buf_free(&link);
	return rc;
}

/* Replace path's target crash-safely, refusing anything but a regular file. */
int
safeio_write(const char *path, const char *data, size_t len, unsigned mode, struct buf *err)
{
	struct buf target = BUF_INIT;
	struct stat sb;
	int rc;

	buf_init(&target);
	if (safeio_resolve(path, &target) < 0) {
		buf_printf(err, "cannot follow the link '%s': %s", path, strerror(errno));
		rc = -1;
	} else if (lstat(target.buf, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		rc = refuse_kind(path, sb.st_mode, "; it is not replaced", err);
	} else {
		rc = replace_file(path, target.buf, data, len, mode, err);
	}
	buf_free(&target);
	return rc;
}

/* The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N names, or -1. */
static int
named_fd(const char *path)
{
	const char *num = NULL;
	long n = 0;

	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	if (strncmp(path, "/dev/fd/", 8) == 0)
		num = path + 8;
	else if (strncmp(path, "/proc/self/fd/", 14) == 0)
		num = path + 14;
	if (num == NULL || *num == '\0')
		return -1;
	for (; *num; num++) {
		if (*num < '0' || *num > '9' || n > 100000)
			return -1;
		n = n * 10 + (*num - '0');
	}
	return fcntl((int)n, F_GETFD) < 0 ? -1 : (int)n;
}

/* Write an output file: an open descriptor, a FIFO or device in place, else safeio_write. */
int
safeio_write_out(const char *path, const char *data, size_t len, unsigned mode, struct buf *err)
{
	struct stat sb;
	int fd = named_fd(path), own = 0;

	if (fd < 0 && stat(path, &sb) == 0 &&
	    (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode) || S_ISSOCK(sb.st_mode))) {
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (fd < 0) {
			buf_printf(err, "cannot open '%s': %s", path, strerror(errno));
			return -1;
		}
		own = 1;
	}
	if (fd < 0)
		return safeio_write(path, data, len, mode, err);
	if (safeio_write_all(fd, data, len) < 0) {
		buf_printf(err, "cannot write '%s': %s", path, strerror(errno));
		if (own)
			close_fail(fd);
		return -1;
	}
	if (own && close(fd) < 0 && errno != EINTR) {
		buf_printf(err, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* mkdir -p with mode 0700. */
int
safeio_mkdirs(const char *dir, struct buf *err)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc = 0;

	buf_init(&b);
	buf_puts(&b, dir);
	for (i = 1; i <= b.len; i++) {
		if (i < b.len && b.buf[i] != '/')
			continue;
		b.buf[i] = '\0';
		if (mkdir(b.buf, 0700) < 0 && errno != EEXIST) {
			buf_printf(err, "cannot create the directory '%s': %s", b.buf, strerror(errno));
			rc = -1;
			break;
		}
		if (i < b.len)
			b.buf[i] = '/';
	}
	buf_free(&b);
	return rc;
}

/* Open (creating) lockpath and flock it exclusively, waiting unless nowait. */
static int
lock_file(const char *lockpath, int nowait, struct buf *err)
{
	int fd = open(lockpath, O_RDWR | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600), e;
	struct stat sb;

	if (fd < 0) {
		buf_printf(err, "cannot open the lock file '%s': %s", lockpath, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		refuse_kind(lockpath, sb.st_mode, "; cannot lock", err);
		return close_fail(fd);
	}
	while (flock(fd, LOCK_EX | (nowait ? LOCK_NB : 0)) < 0) {
		if (errno == EINTR)
			continue;
		e = errno;
		if (e == EWOULDBLOCK)
			buf_printf(err, "'%s' is locked by another process", lockpath);
		else
			buf_printf(err, "cannot lock '%s': %s", lockpath, strerror(e));
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Lock, waiting for another holder. */
int
safeio_lock(const char *lockpath, struct buf *err)
{
	return lock_file(lockpath, 0, err);
}

/* Lock, or fail at once when another process holds it. */
int
safeio_trylock(const char *lockpath, struct buf *err)
{
	return lock_file(lockpath, 1, err);
}

/* Unlock and close. */
void
safeio_unlock(int fd)
{
	if (fd < 0)
		return;
	flock(fd, LOCK_UN);
	close(fd);
}

/* Copy the bytes of path into a new file created with O_EXCL at dst. */
static int
copy_excl(const char *path, const char *dst)
{
	struct buf data = BUF_INIT;
	int fd, rc = -1, e;

	buf_init(&data);
	if (safeio_read(path, &data) < 0) {
		e = errno;
		buf_free(&data);
		errno = e;
		return -1;
	}
	fd = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		rc = safeio_write_all(fd, data.buf, data.len) == 0 && fsync(fd) == 0 ? 0 : -1;
		e = errno;
		close(fd);
		if (rc < 0)
			unlink(dst);
		errno = e;
	}
	buf_free(&data);
	return rc;
}

/* Give path a new, unused name PATH.broken-STAMP[-N]. */
int
safeio_set_aside(const char *path, int keep, struct buf *newname, struct buf *err)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	struct buf name = BUF_INIT;
	struct stat sb;
	int n, rc = -1, e = 0;

	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return refuse_kind(path, sb.st_mode, "; it is not set aside", err);
	if (localtime_r(&now, &tm) == NULL || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0) {
		int w = snprintf(stamp, sizeof stamp, "%lld", (long long)now);

		if (w < 0 || (size_t)w >= sizeof stamp)
			stamp[0] = '\0';
	}
	buf_init(&name);
	for (n = 1; n < 10000; n++) {
		buf_setlen(&name, 0);
		buf_printf(&name, "%s.broken-%s", path, stamp);
		if (n > 1)
			buf_printf(&name, "-%d", n);
		/* a hard link is atomic and never replaces an existing name */
		if (link(path, name.buf) == 0) {
			if (!keep && unlink(path) < 0) {
				e = errno;
				break;
			}
			rc = 0;
			break;
		}
		if (errno == EEXIST)
			continue;
		if (errno == ENOENT) {
			e = errno;
			break;
		}
		/* no hard links here: copy, or rename over a placeholder of ours */
		if (keep) {
			if (copy_excl(path, name.buf) == 0) {
				rc = 0;
				break;
			}
		} else {
			int fd = open(name.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

			if (fd >= 0) {
				close(fd);
				if (rename(path, name.buf) == 0) {
					rc = 0;
					break;
				}
				e = errno;
				unlink(name.buf);
				errno = e;
			}
		}
		if (errno == EEXIST)
			continue;
		e = errno;
		break;
	}
	if (rc == 0) {
		sync_dir(path);
		buf_puts(newname, name.buf);
	} else {
		buf_printf(err, "cannot set '%s' aside: %s", path, strerror(e ? e : EEXIST));
	}
	buf_free(&name);
	return rc;
}

/* Remove .NAME.tmp-* (and the older NAME.tmp-*) files next to path. */
size_t
safeio_clean_stale(const char *path)
{
	struct buf dir = BUF_INIT, prefix = BUF_INIT, full = BUF_INIT;
	const char *base = strrchr(path, '/');
	DIR *d;
	struct dirent *de;
	struct stat st;
	size_t n = 0;

	base = base ? base + 1 : path;
	buf_init(&dir);
	buf_init(&prefix);
	buf_init(&full);
	dir_of(&dir, path);
	buf_printf(&prefix, ".%s" TMP_TAG, base);
	d = opendir(dir.buf);
	while (d && (de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix.buf, prefix.len) != 0 &&
		    strncmp(de->d_name, prefix.buf + 1, prefix.len - 1) != 0)
			continue;
		buf_setlen(&full, 0);
		buf_printf(&full, "%s/%s", dir.buf, de->d_name);
		if (lstat(full.buf, &st) == 0 && S_ISREG(st.st_mode) && unlink(full.buf) == 0)
			n++;
	}
	if (d)
		closedir(d);
	buf_free(&dir);
	buf_free(&prefix);
	buf_free(&full);
	return n;
}

/* The process environment as a safeio_getenv_fn. */
static const char *
process_env(void *arg, const char *name)
{
	(void)arg;
	return getenv(name);
}

/* Append the path of a per-user file (see safeio.h). */
int
safeio_user_path(struct buf *out, const char *env, const char *xdg_var,
    const char *home_dir, const char *name)
{
	return safeio_user_path_get(out, process_env, NULL, env, xdg_var, home_dir, name);
}

/* The same, the environment read through get. */
int
safeio_user_path_get(struct buf *out, safeio_getenv_fn *get, void *arg, const char *env,
    const char *xdg_var, const char *home_dir, const char *name)
{
	const char *e = get(arg, env), *xdg = get(arg, xdg_var), *home = get(arg, "HOME");

	if (e && *e)
		buf_puts(out, e);
	else if (xdg && *xdg == '/')
		buf_printf(out, "%s/paperboy/%s", xdg, name);
	else if (home && *home)
		buf_printf(out, "%s/%s/paperboy/%s", home, home_dir, name);
	else
		return -1;
	return 0;
}
