/* fuzz_marks.c: libFuzzer target for the state file parser, as a round trip.
 *
 * The input is read as a state file (marks_load_text: no file on disk),
 * written out (marks_format, what a save writes), read again into a fresh
 * state and written again: the two texts must be equal, and the text
 * read back must load without a single message.  Every message of the
 * first load is one line.
 *
 * Build and run: tests/fuzz/run.sh (make fuzz).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "marks/marks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct marks *a = marks_new("state"), *b = marks_new("state");
	struct buf t1 = BUF_INIT, t2 = BUF_INIT;
	size_t i;

	buf_init(&t1);
	buf_init(&t2);
	(void)marks_load_text(a, (const char *)data, size);
	for (i = 0; i < marks_nmsgs(a); i++)
		if (strchr(marks_msg(a, i), '\n'))
			abort();
	marks_format(a, &t1);
	if (marks_load_text(b, t1.buf, t1.len) != 0 || marks_nmsgs(b) != 0)
		abort();	/* what a save writes always loads cleanly */
	marks_format(b, &t2);
	if (t1.len != t2.len || memcmp(t1.buf, t2.buf, t1.len) != 0)
		abort();	/* load, save, load again: the same marks */
	if (marks_count(a, MARKS_READ) != marks_count(b, MARKS_READ) ||
	    marks_count(a, MARKS_STARRED) != marks_count(b, MARKS_STARRED))
		abort();
	buf_free(&t1);
	buf_free(&t2);
	marks_free(a);
	marks_free(b);
	return 0;
}
