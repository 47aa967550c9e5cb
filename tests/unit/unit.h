/* unit.h: what the unit tests share: cmocka and a small library for the reader's tests.
 *
 * A test includes unit.h, then the headers of the module it tests.  The
 * helpers below are in tests/unit/libunit.a (unit.c).
 */
#ifndef PB_TEST_UNIT_H
#define PB_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct ingest;
struct lib;
struct ui_state;

/* A library read from one in-memory file, with its ingester (for the messages). */
struct unit_read {
	struct lib *lib;
	struct ingest *ing;
};

/* Read text as a file called name and finish the library; free with unit_read_free. */
struct unit_read unit_read(const char *name, const char *text);
/* Free the library and the ingester. */
void unit_read_free(struct unit_read *r);

/*
 * A small library (caller frees): Alpha (50 votes, an English and a
 * Korean summary, arXiv and GitHub links) and Beta (10) on 2025-05-06,
 * Gamma on 2025-05-05, Delta on the label day "May 9", and an untitled
 * Korean abstract with no day; extra adds Epsilon (99 votes) to
 * 2025-05-06.
 */
struct lib *unit_lib(int extra);
/* Fit the reader's state to a rows x cols terminal (as drawing would). */
void unit_fit(struct ui_state *st, int rows, int cols);
/* The title shown for the selected paper ("" when none). */
const char *unit_title(const struct ui_state *st);
/* Type s at the reader, one code point at a time. */
void unit_type(struct ui_state *st, const char *s);

#endif
