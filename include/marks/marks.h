/* marks/marks.h: per-paper reading marks (read, starred), kept on disk.
 *
 * Marks are keyed by struct paper.key ("arxiv:ID", "title:KEY",
 * "text:HASH").  Every field of a mark carries the time it was last set
 * (milliseconds since 1970), so that two readers merge field by field,
 * the newest setting winning.
 *
 * The file ($PAPERBOY_STATE, else $XDG_STATE_HOME/paperboy/state, else
 * ~/.local/state/paperboy/state) is text:
 *
 *     paperboy-state 1
 *     # KEY<TAB>read=0|1@MS<TAB>starred=0|1@MS
 *     arxiv:2505.02707	read=1@1746600000123	starred=1@1746600100456
 *
 * The first line is the header; "#" lines are comments; each other line
 * is a key (backslash escapes \\ \t \n \r \xHH, and \# for a leading
 * "#") and its fields, in any order, each optional.  Records are written
 * sorted by key.
 *
 * Loading: a missing file is an empty state; a record that cannot be
 * parsed is reported as FILE:LINE and skipped; a file that has no valid
 * header is reported and set aside as "FILE.broken-YYYYMMDD-HHMMSS"
 * (never overwritten, never deleted).  A file that cannot be read
 * (permissions, over 256 MB) is reported and left alone, and so is a
 * path that is a directory, FIFO, device or socket: it is never opened
 * for long, renamed or replaced, and the marks are not saved.  The path
 * /dev/null (or a link to it) turns saving off: nothing is read or
 * written and no message is given.  A symbolic link is followed: the
 * file it leads to is read and replaced, the lock and temporary files
 * sit beside that file, and the link stays.
 *
 * Saving: under an exclusive lock on "FILE.lock", the file is read again,
 * the fields this process changed since it last loaded or saved are
 * merged in (per field, newest wins; every other field takes the file's
 * value), and the result replaces the file crash-safely (safeio.h).  A
 * file whose records were skipped is kept as a FILE.broken-* copy before
 * it is replaced.  Nothing here prints: problems are kept as messages.
 */
#ifndef PB_STATE_H
#define PB_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "text/diag.h"

/* The fields of a mark (usable as bit flags). */
enum marks_field {
	MARKS_READ = 1 << 0,
	MARKS_STARRED = 1 << 1,
};

struct marks;

/* A new empty state kept in path (copied; NULL: no file, saving fails); caller frees with marks_free. */
struct marks *marks_new(const char *path);
/* Free the state. */
void marks_free(struct marks *st);
/* The file name, or NULL. */
const char *marks_path(const struct marks *st);
/*
 * Read the file into the state (fields changed here and not yet saved are
 * kept).  Returns 0, or -1 when the file could not be used as a whole
 * (reported; set aside when possible).  A missing file is not an error.
 */
int marks_load(struct marks *st);
/*
 * Read data[0..len) as if it were the file's text, touching no file:
 * returns -1 (with a message, nothing loaded) when the header is not
 * valid, else 0 with a FILE:LINE message per skipped record.  For tests
 * and fuzzing; marks_format writes what this reads.
 */
int marks_load_text(struct marks *st, const char *data, size_t len);
/*
 * Lock, re-read, merge and replace the file (see above).  Returns 0, or
 * -1 with a message; changes not saved stay pending for the next save.
 * Without changes it only loads the file again.
 */
int marks_save(struct marks *st);
/* Value of a field of key (0 when the key has no mark). */
int marks_get(const struct marks *st, const char *key, enum marks_field f);
/* Set a field of key now: its time becomes later than any it had. */
void marks_set(struct marks *st, const char *key, enum marks_field f, int on);
/* Flip a field of key now; returns the new value. */
int marks_toggle(struct marks *st, const char *key, enum marks_field f);
/* Set a field with an explicit time (ms since 1970), as a local change. */
void marks_set_at(struct marks *st, const char *key, enum marks_field f, int on, int64_t ms);
/* Time of a field of key, 0 when never set. */
int64_t marks_time(const struct marks *st, const char *key, enum marks_field f);
/* Number of keys whose field f is set. */
size_t marks_count(const struct marks *st, enum marks_field f);
/*
 * The keys whose field f is set, into *keys (caller frees the array; the
 * strings are the state's, valid until it changes): how many.
 */
size_t marks_keys(const struct marks *st, enum marks_field f, const char ***keys);
/* True when there are changes not yet saved. */
int marks_dirty(const struct marks *st);
/* Number of keys with changes not yet saved. */
size_t marks_ndirty(const struct marks *st);
/* Append the file text for the current marks (what marks_save writes). */
void marks_format(const struct marks *st, struct buf *out);
/*
 * Messages so far (text/diag.h diagnostics of level DIAG_PLAIN), in order;
 * marks_msg(st, i) is diag_line(marks_diags(st), i): "FILE:LINE: reason",
 * "FILE: reason", or "reason" when about no file.
 */
const struct diag_list *marks_diags(const struct marks *st);
size_t marks_nmsgs(const struct marks *st);
const char *marks_msg(const struct marks *st, size_t i);
/* Forget the messages. */
void marks_clear_msgs(struct marks *st);

#endif
