/* unit.h: what the unit tests share: cmocka, helpers for text and ingest
 * runs, and a small library for the reader's tests.
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

#include "base/buf.h"
#include "model/lib.h"
#include "ingest/batch.h"
#include "ingest/pctx.h"

struct ingest;

/* A text cleaner such as text_clean or inline_clean. */
typedef void unit_cleaner(struct buf *out, const char *s, size_t n, unsigned flags);
/* What f makes of s[0..n) with flags, as a string (caller frees). */
char *unit_clean(unit_cleaner *f, const char *s, size_t n, unsigned flags);
/* Assert that cleaner f makes want of the string literal in. */
#define UNIT_CLEAN_EQ(f, in, flags, want) do { \
	char *got_ = unit_clean((f), (in), sizeof(in) - 1, (flags)); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

/*
 * A parser context over the NUL-terminated data named "t", as the pool
 * sets one up, whose records and warnings go to its own batch (not
 * direct): what the parser helpers (rec, pctx, xml) are tested through.
 */
struct unit_pctx {
	struct pctx p;
	struct batch b;
};
/* Set up u over data (free with unit_pctx_free). */
void unit_pctx_init(struct unit_pctx *u, const char *data);
void unit_pctx_free(struct unit_pctx *u);

/* A record with this id, title and day (each may be NULL), no votes, source "test", nothing else. */
struct rec unit_rec(const char *id, const char *title, const char *day);

/* One ingest run over an in-memory input. */
struct unit_run {
	struct lib *lib;	/* finished (lib_finish) */
	struct ingest *ing;
	int rc;			/* what ingest_buffer returned */
};

/* Ingest data[0..len) named name into a new library (free with unit_run_free). */
struct unit_run unit_ingest(const char *name, const char *data, size_t len);
/* The library in path (a file or a directory), parsed and finished (caller frees). */
struct lib *unit_parse_path(const char *path);
/* unit_ingest of a NUL-terminated input. */
struct unit_run unit_ingest_str(const char *name, const char *data);
/* Free a run's ingester and library. */
void unit_run_free(struct unit_run *r);
/* The run's paper with this title, or NULL. */
const struct paper *unit_by_title(const struct unit_run *r, const char *title);
/* The run's paper with this arXiv id, or NULL. */
const struct paper *unit_by_id(const struct unit_run *r, const char *id);
/* Index of the run's first message at line (any line when 0) whose text holds needle, or -1. */
long unit_find_msg(const struct unit_run *r, size_t line, const char *needle);
/* Print the run's messages (cmocka shows them when a test fails). */
void unit_dump_msgs(const struct unit_run *r);
/* unit_ingest of data[0..len), asserting that it read without failing. */
void unit_run_buf(struct unit_run *r, const char *name, const char *data, size_t len);
/* unit_run_buf of a NUL-terminated input. */
void unit_run_str(struct unit_run *r, const char *name, const char *data);
/* Assert that the run has a message at line (any when 0) containing text. */
#define unit_assert_msg(r, line, text) do { \
	if (unit_find_msg((r), (line), (text)) < 0) { \
		unit_dump_msgs(r); \
		fail_msg("no message at line %zu containing \"%s\"", (size_t)(line), (text)); \
	} \
} while (0)
/* The link of kind k of paper p, or NULL. */
const char *unit_link_of(const struct paper *p, enum link_kind k);
/* The label of the first day of p (asserted to have one). */
const char *unit_day_of(const struct unit_run *r, const struct paper *p);
/* The flattened text of the first summary of p (asserted to have one). */
const char *unit_sum_of(const struct paper *p);

/* Seconds of CPU time used so far. */
double unit_cpu_seconds(void);
/* Append the whole file at path to b; 0 when it cannot be read. */
int unit_slurp(const char *path, struct buf *b);
/*
 * Set path to $PB_SRCDIR/../shared/realdata/rel and return it, or print a
 * SKIP message and return NULL when the shared real data is absent.
 */
const char *unit_realdata(struct buf *path, const char *rel);

/* Append text to the file at path. */
void unit_append(const char *path, const char *text);
/*
 * A library of three papers on two days in a new temporary directory (its
 * path in dir, the file's in file): Gamma Paper (Ann Lee) and Delta Paper
 * (Bo Kim, 강화학습) on 2024-01-02, Alpha Transformers (Cy Park) on 2024-01-01.
 */
void unit_write_store_lib(char *dir, size_t dsize, struct buf *file);
struct store;
/* A store of dir in dir/store.db (its path in db), synced and indexed (caller closes). */
struct store *unit_indexed_store(const char *dir, struct buf *db);
/* Remove what unit_write_store_lib and unit_indexed_store made (close the store first). */
void unit_remove_store_lib(const char *dir, const struct buf *file, const struct buf *db);
/* unit_parse_path, into a light library (lib_set_light) when light. */
struct lib *unit_parse_path_light(const char *path, int light);

struct ui_state;

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
/*
 * Start st on unit_lib(0) at 24x80 with the marks of the state file path
 * (loaded: a missing file is none); caller frees the marks after st.
 */
struct marks *unit_state_marks(struct ui_state *st, const char *path);
/* The status line's left part (ui_state_position) in b, as a string. */
const char *unit_position(const struct ui_state *st, struct buf *b);

#endif
