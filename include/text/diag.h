/* text/diag.h: diagnostics: what went wrong and where, kept in lists and
 * formatted in one place.
 *
 * A diagnostic is a level, a file (NULL: about no file), a line (0: about
 * the whole file) and a text (lowercase, the subject quoted, no full
 * stop).  The modules that read things (ingest, the settings, the marks,
 * the fetcher's history, and next the store) collect diagnostics in a
 * struct diag_list and never print; the command line and the reader show
 * them, always as diag_format writes them (diag_printf prints one made on
 * the spot, such as a usage error):
 *
 *     FILE:LINE: LEVEL: TEXT
 *
 * with ":LINE" left out when line is 0, "FILE: " when there is no file
 * and "LEVEL: " for DIAG_PLAIN.  The whole line is cleaned as file names
 * are (text_clean with TEXT_ONELINE: valid UTF-8 in NFC, no control
 * character, tabs and newlines as spaces), so nothing raw from a file
 * name, an argument or an input reaches the terminal.
 *
 * This is in text/, not base/, because cleaning is text's job.
 */
#ifndef PB_TEXT_DIAG_H
#define PB_TEXT_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/buf.h"

enum diag_level {
	DIAG_NOTE,		/* "note": information, not a problem */
	DIAG_WARNING,		/* "warning": something was skipped, the rest was used */
	DIAG_ERROR,		/* "error": a file could not be used at all */
	DIAG_PLAIN,		/* a problem shown without a level word */
};

struct diag {
	enum diag_level level;
	const char *file;	/* NULL when about no file */
	size_t line;		/* 0 when about the whole file */
	const char *text;
};

/* An entry of a list: the diagnostic and its formatted line. */
struct diag_item {
	struct diag d;
	const char *line;	/* diag_format's output */
};

/* Diagnostics in the order they were added; their strings are the list's own. */
struct diag_list {
	struct diag_item *v;
	size_t n, alloc;
	struct arena *a;	/* copies of files, texts and lines */
};

/* Set up an empty list (free with diag_list_free). */
void diag_list_init(struct diag_list *l);
/* Free the list's memory; it may be set up again with diag_list_init. */
void diag_list_free(struct diag_list *l);
/* Forget every diagnostic (the memory is kept for reuse). */
void diag_list_clear(struct diag_list *l);
/* Add a diagnostic: file and text are copied.  Returns the list's copy. */
const struct diag *diag_add(struct diag_list *l, enum diag_level level, const char *file,
    size_t line, const char *text);
/* diag_add with a printf-style text. */
const struct diag *diag_addf(struct diag_list *l, enum diag_level level, const char *file,
    size_t line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
const struct diag *diag_vaddf(struct diag_list *l, enum diag_level level, const char *file,
    size_t line, const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
/* Diagnostic i, or NULL past the end. */
const struct diag *diag_get(const struct diag_list *l, size_t i);
/* Diagnostic i as diag_format writes it, or NULL past the end. */
const char *diag_line(const struct diag_list *l, size_t i);
/* How many diagnostics are problems (every level but DIAG_NOTE). */
size_t diag_problems(const struct diag_list *l);

/* The word of a level ("warning"; "" for DIAG_PLAIN). */
const char *diag_level_name(enum diag_level level);
/* Append d as one clean line (no newline), as described above. */
void diag_format(struct buf *out, const struct diag *d);
/* Write d's line and a newline to f; -1 on a write error. */
int diag_print(FILE *f, const struct diag *d);
/* diag_print of a diagnostic made on the spot, its text printf-style. */
int diag_printf(FILE *f, enum diag_level level, const char *file, size_t line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Append every line of l (notes only when notes is set), each ended by a newline. */
void diag_list_lines(struct buf *out, const struct diag_list *l, int notes);
/* Write the lines of l[from..to) to f, notes only when notes is set; -1 on a write error. */
int diag_print_list(FILE *f, const struct diag_list *l, size_t from, size_t to, int notes);

#endif
