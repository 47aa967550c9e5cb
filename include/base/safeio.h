/* base/safeio.h: crash-safe file replacement, locking, and setting files aside.
 *
 * A file written with safeio_write is either the old version or the new
 * one after a crash at any moment: the data goes to a temporary file in
 * the same directory (created with O_EXCL under a unique hidden name,
 * ".NAME.tmp-PID-N", which directory walks skip), is
 * fsynced, renamed over the old name, and the directory is fsynced.
 * Nothing here prints: a failure returns -1 and appends a one-line,
 * lowercase reason with the file name quoted (no full stop) to err.
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
/*
 * Read the whole of path into out (appended).  Returns 0, or -1 with
 * errno set (ENOENT when the file does not exist).
 */
int safeio_read(const char *path, struct buf *out);
/*
 * Replace path by data[0..len) crash-safely (see above).  The file gets
 * mode (less the umask), whatever the old file had.
 */
int safeio_write(const char *path, const char *data, size_t len, unsigned mode, struct buf *err);
/* Create dir and its missing parents with mode 0700. */
int safeio_mkdirs(const char *dir, struct buf *err);
/*
 * Take an exclusive lock (flock) on lockpath, creating it, waiting while
 * another process holds it.  Returns the descriptor to pass to
 * safeio_unlock, or -1.
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
 * without, path is removed.  The new name is appended to newname.
 */
int safeio_set_aside(const char *path, int keep, struct buf *newname, struct buf *err);
/*
 * Remove temporary files left next to path by safeio_write in a process
 * that died.  Only safe while holding the lock that every writer of path
 * takes.  Returns the number removed.
 */
size_t safeio_clean_stale(const char *path);

#endif
