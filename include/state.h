/* state.h: per-paper reading marks (read, starred), kept on disk.
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
 * parsed is reported as FILE:LINE and skipped; a file that cannot be read
 * or has no valid header is reported and set aside as
 * "FILE.broken-YYYYMMDD-HHMMSS" (never overwritten, never deleted).
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

#include "buf.h"

/* The fields of a mark (usable as bit flags). */
enum state_field {
	STATE_READ = 1 << 0,
	STATE_STARRED = 1 << 1,
};

struct state;

/*
 * Append the default state file path to out: $PAPERBOY_STATE, else
 * $XDG_STATE_HOME/paperboy/state, else $HOME/.local/state/paperboy/state.
 * Returns -1 (nothing appended) when none of them is set.
 */
int state_default_path(struct buf *out);
/* A new empty state kept in path (copied; NULL: no file, saving fails); caller frees with state_free. */
struct state *state_new(const char *path);
/* Free the state. */
void state_free(struct state *st);
/* The file name, or NULL. */
const char *state_path(const struct state *st);
/*
 * Read the file into the state (fields changed here and not yet saved are
 * kept).  Returns 0, or -1 when the file could not be used as a whole
 * (reported; set aside when possible).  A missing file is not an error.
 */
int state_load(struct state *st);
/*
 * Lock, re-read, merge and replace the file (see above).  Returns 0, or
 * -1 with a message; changes not saved stay pending for the next save.
 * Without changes it only loads the file again.
 */
int state_save(struct state *st);
/* Value of a field of key (0 when the key has no mark). */
int state_get(const struct state *st, const char *key, enum state_field f);
/* Set a field of key now: its time becomes later than any it had. */
void state_set(struct state *st, const char *key, enum state_field f, int on);
/* Flip a field of key now; returns the new value. */
int state_toggle(struct state *st, const char *key, enum state_field f);
/* Set a field with an explicit time (ms since 1970), as a local change. */
void state_set_at(struct state *st, const char *key, enum state_field f, int on, int64_t ms);
/* Time of a field of key, 0 when never set. */
int64_t state_time(const struct state *st, const char *key, enum state_field f);
/* Number of keys whose field f is set. */
size_t state_count(const struct state *st, enum state_field f);
/* True when there are changes not yet saved. */
int state_dirty(const struct state *st);
/* Append the file text for the current marks (what state_save writes). */
void state_format(const struct state *st, struct buf *out);
/* Messages so far ("FILE:LINE: reason" or "FILE: reason"), in order. */
size_t state_nmsgs(const struct state *st);
const char *state_msg(const struct state *st, size_t i);
/* Forget the messages. */
void state_clear_msgs(struct state *st);

#endif
