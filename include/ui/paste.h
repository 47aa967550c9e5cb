/* ui/paste.h: reading a bracketed paste straight from the terminal.
 *
 * With bracketed paste on (ESC [ ? 2004 h), the terminal wraps pasted
 * text in ESC [ 200 ~ ... ESC [ 201 ~.  Once the start marker has been
 * read as a key, ui_paste_read takes the rest from the descriptor in
 * large reads up to the end marker, instead of one key at a time (a 1 MB
 * paste is then a few dozen reads, not a million keys and redraws).  No
 * curses here; what becomes of the text is ui_handle_paste's business
 * (ui/state.h): it only ever goes into a prompt, never runs a command.
 */
#ifndef PB_UI_PASTE_H
#define PB_UI_PASTE_H

#include <stddef.h>

#include "base/buf.h"

/* How long ui_paste_read waits for more input before the end marker (ms). */
#define UI_PASTE_WAIT_MS 1000

/*
 * Read pasted bytes from fd up to the end marker ESC [ 201 ~ (consumed):
 * the first max of them are appended to out, the rest are read and
 * dropped, and bytes that came after the marker in the same read are
 * appended to rest (keys typed after the paste).  Stops early when no
 * byte comes for wait_ms, at end of input or on an error.  Returns the
 * number of pasted bytes (kept or dropped); *ended says whether the end
 * marker was seen.
 */
size_t ui_paste_read(int fd, struct buf *out, size_t max, struct buf *rest, int wait_ms, int *ended);

#endif
