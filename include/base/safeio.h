/* base/safeio.h: crash-safe file replacement, locking, and setting files aside.
 *
 * A file written with safeio_write is either the old version or the new
 * one after a crash at any moment: the data goes to a temporary file in
 * the same directory (created with O_EXCL under a unique hidden name,
 * ".NAME.tmp-PID-N", which directory walks skip), is
 * fsynced, renamed over the old name, and the directory is fsynced.
 * Nothing here prints: a failure returns -1 and appends a one-line,
 * lowercase reason with the file name quoted (no full stop) to err.
 *
 * Only regular files are ever read whole, replaced or set aside: a path
 * that names a directory, FIFO, device or socket is refused (checked with
 * lstat and fstat, and a FIFO is opened without blocking), never renamed.
 * A symbolic link is followed: the file it leads to is read, replaced
 * (the temporary file sits beside that target) or set aside, and the
 * link stays a link.
 */
#ifndef PB_SAFEIO_H
#define PB_SAFEIO_H

#include <stddef.h>

#include "base/buf.h"

/*
 * Append the path of a per-user file: $ENV when set and not empty, else
 * $XDG_VAR/paperboy/NAME when that is absolute, else $HOME/HOME_DIR/paperboy/NAME.
 * Returns 0, or -1 (nothing appended) when none is set.
 */
int safeio_user_path(struct buf *out, const char *env, const char *xdg_var,
    const char *home_dir, const char *name);
/* Reads one environment variable (NULL when unset); arg is the caller's. */
typedef const char *safeio_getenv_fn(void *arg, const char *name);
/* safeio_user_path with the environment read through get (a test's fake one). */
int safeio_user_path_get(struct buf *out, safeio_getenv_fn *get, void *arg, const char *env,
    const char *xdg_var, const char *home_dir, const char *name);
/*
 * Read the whole of the regular file path into out (appended).  Returns
 * 0, or -1 with errno set: ENOENT when the file does not exist, EISDIR
 * for a directory, EINVAL for any other file that is not regular.
 */
int safeio_read(const char *path, struct buf *out);
/*
 * The same with at most max bytes: a larger file is not read (-1, errno
 * EFBIG).  On failure a reason ("cannot read 'PATH': ...", "'PATH' is a
 * FIFO, not a regular file", "'PATH' is larger than N bytes") is appended
 * to err when it is not NULL.
 */
int safeio_read_max(const char *path, size_t max, struct buf *out, struct buf *err);
/*
 * Append what fd gives to out until out holds more than upto bytes (upto
 * < SIZE_MAX - 1) or fd ends, retrying EINTR; out stays NUL-terminated.
 * Returns 0, or -1 with errno on a read error (what was read is kept).
 */
int safeio_read_upto(int fd, struct buf *out, size_t upto);
/*
 * Append what path finally names after following symbolic links (at most
 * 40; a relative link is taken from the link's directory).  The target
 * need not exist.  Returns 0, or -1 (ELOOP, or a readlink error).
 */
int safeio_resolve(const char *path, struct buf *out);
/* True when path (links followed) is the null device, whatever its name. */
int safeio_is_null(const char *path);
/* "a directory", "a FIFO", "a character device", ... for a file's st_mode. */
const char *safeio_kind(unsigned mode);
/*
 * Replace path (a symbolic link: its target) by data[0..len) crash-safely
 * (see above).  The file gets mode (less the umask), whatever the old file
 * had.  A path that exists and is not a regular file is refused.
 */
int safeio_write(const char *path, const char *data, size_t len, unsigned mode, struct buf *err);
/*
 * Write an output file the user named (--output, an export): /dev/stdout,
 * /dev/stderr, /dev/fd/N and /proc/self/fd/N are written to that open
 * descriptor; a FIFO, character device or socket (after following links)
 * is opened and written in place; anything else is safeio_write.
 */
int safeio_write_out(const char *path, const char *data, size_t len, unsigned mode, struct buf *err);
/* Write all of buf[0..len) to fd, retrying short writes and EINTR; 0, or -1 with errno. */
int safeio_write_all(int fd, const void *buf, size_t len);
/* Create dir and its missing parents with mode 0700. */
int safeio_mkdirs(const char *dir, struct buf *err);
/*
 * Take an exclusive lock (flock) on lockpath, creating it, waiting while
 * another process holds it.  A lockpath that is not a regular file is
 * refused.  Returns the descriptor to pass to safeio_unlock, or -1.
 */
int safeio_lock(const char *lockpath, struct buf *err);
/* Like safeio_lock, but fail at once (errno EWOULDBLOCK) when another process holds it. */
int safeio_trylock(const char *lockpath, struct buf *err);
/* Release a lock taken by safeio_lock or safeio_trylock. */
void safeio_unlock(int fd);
/*
 * Keep path under a new name "PATH.broken-YYYYMMDD-HHMMSS" (then "-2",
 * "-3", ... when taken): an existing file is never overwritten.  With
 * keep, path itself stays (the new name is a hard link, or a copy);
 * without, path is removed.  The new name is appended to newname.  Only a
 * regular file is set aside (not a link: pass safeio_resolve's target).
 */
int safeio_set_aside(const char *path, int keep, struct buf *newname, struct buf *err);
/*
 * Remove temporary files left next to path by safeio_write in a process
 * that died.  Only safe while holding the lock that every writer of path
 * takes.  Returns the number removed.
 */
size_t safeio_clean_stale(const char *path);

#endif
