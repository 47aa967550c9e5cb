/* ingest/format.h: a digest format, and the one ordered table of them.
 *
 * Each parser file (table.c, ko.c, ...) exports one struct ingest_format:
 * its name, the sniff that recognises it from the content (never from the
 * file name) and the parser.  formats.c lists them in one ordered table;
 * adding a format is one new file, one row there and one line in
 * Makefile.am.
 *
 * Sniffing: every row's sniff looks at the head of the input and says
 * where the format's first marker starts.  The earliest marker wins; on a
 * tie the earlier row does.  A fallback format ("generic") returns
 * SNIFF_FALLBACK and, as the last row, is chosen only when no other
 * format is recognised.  Sniffs are pure functions of the head: they run
 * on any thread, allocate nothing and never read past len.
 */
#ifndef PB_INGEST_FORMAT_H
#define PB_INGEST_FORMAT_H

#include <stddef.h>

#include "ingest/lines.h"
#include "ingest/pctx.h"

/* A sniff sees at most this much of a file, and at most this many lines. */
#define FORMAT_SNIFF_MAX 65536
#define FORMAT_SNIFF_LINES 2000

/* Results of a sniff that are not offsets. */
#define SNIFF_NONE ((size_t)-1)		/* not this format */
#define SNIFF_FALLBACK ((size_t)-2)	/* this format when no other one is */

struct ingest_format {
	const char *name;	/* short name shown by --check ("table", "ko-digest", ...) */
	/*
	 * Recognise the format in head[0..len): the start of the input, BOM
	 * skipped, at most FORMAT_SNIFF_MAX bytes (so possibly cut mid-line).
	 * Returns the offset in head where the format's first marker starts,
	 * SNIFF_FALLBACK or SNIFF_NONE.  Only markers starting before `before`
	 * can win (an earlier row matched there), so the sniff may stop
	 * looking at `before` and return SNIFF_NONE.
	 */
	size_t (*sniff)(const char *head, size_t len, size_t before);
	/* Read p->data[0..p->len) (the whole input, BOM skipped) into records. */
	void (*parse)(struct pctx *p);
	/* One-time set-up of the parser's libraries, on the main thread; or NULL. */
	void (*init)(void);
};

/* The lines of a head being sniffed (formats_lines_*). */
struct sniff_lines {
	struct lines it;
	const char *head;
	size_t before, count;
};

/*
 * formats.c: iterate over the lines of head[0..len) for a sniff: leading
 * blank bytes skipped, at most FORMAT_SNIFF_LINES lines, and none that
 * starts at or after before.  *at is the line's offset in head.
 */
void formats_lines_init(struct sniff_lines *sl, const char *head, size_t len, size_t before);
int formats_lines_next(struct sniff_lines *sl, const char **s, size_t *n, size_t *at);
/* formats.c: offset of the first such line for which is_marker holds, or SNIFF_NONE. */
size_t formats_find_line(const char *head, size_t len, size_t before,
    int (*is_marker)(const char *s, size_t n));
/* formats.c: run every format's init once (main thread, before any parse). */
void formats_init(void);
/* formats.c: the format named name (ingest_format_name), or NULL. */
const struct ingest_format *formats_by_name(const char *name);
/* formats.c: the format of data[0..len) (a BOM is skipped), or NULL when none is recognised. */
const struct ingest_format *formats_sniff(const char *data, size_t len);

#endif
