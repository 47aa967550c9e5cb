/* ingest/ingest.h: read digest files of every known format into a library.
 *
 * The format is sniffed from the content, never from the file name.
 * Nothing here prints: problems are collected as diagnostics (text/diag.h)
 * with file and line, for the caller to show (stderr, or the reader's
 * status line).
 */
#ifndef PB_INGEST_H
#define PB_INGEST_H

#include <stddef.h>

#include "model/lib.h"
#include "text/diag.h"

/* Files larger than this are skipped unless ingest_set_max_file_size says otherwise. */
#define INGEST_MAX_FILE_SIZE (64ULL << 20)

/* A digest format (ingest/format.h); NULL stands for "not recognised". */
struct ingest_format;

struct ingest_file {
	const char *path;
	const struct ingest_format *fmt;	/* NULL when not recognised */
	size_t npapers;		/* records read from this file */
	size_t bytes;
	int failed;		/* could not be read or recognised */
	size_t first_msg, nmsgs;	/* its messages: ingest_msg(first_msg + k), k < nmsgs */
};

struct ingest;

/* A new ingester feeding lib (caller frees with ingest_free; lib stays the caller's). */
struct ingest *ingest_new(struct lib *lib);
/* Free the ingester and its messages. */
void ingest_free(struct ingest *ing);
/*
 * Skip files larger than max bytes (default INGEST_MAX_FILE_SIZE) with a
 * message: a warning for a file met inside a directory, an error (the
 * path fails) for one named.  In-memory inputs have no limit.
 */
void ingest_set_max_file_size(struct ingest *ing, unsigned long long max);
/*
 * Read a file, or a directory recursively (in name order; hidden entries
 * skipped).  A file's format is sniffed from its first 64 KiB; a file that
 * is not a digest is read no further.  Returns 0, or -1 when something
 * named could not be read or recognised.  Problems with files met inside
 * a directory (not a digest, a dangling link, a FIFO, too large,
 * unreadable) are noted or warned about and never fail; one file never
 * stops the others.
 */
int ingest_path(struct ingest *ing, const char *path);
/* Read one in-memory input named name (for tests and the fuzzer). */
int ingest_buffer(struct ingest *ing, const char *name, const char *data, size_t len);
/* Sniff the format of a buffer (from its first 64 KiB); NULL when none is recognised. */
const struct ingest_format *ingest_sniff(const char *data, size_t len);
/* Short name of a format ("table", "ko-digest", ...; "unknown" for NULL). */
const char *ingest_format_name(const struct ingest_format *f);
/* Files read so far, in order. */
size_t ingest_nfiles(const struct ingest *ing);
const struct ingest_file *ingest_file(const struct ingest *ing, size_t i);
/*
 * Messages so far, in order, each about a file of the list (its file is
 * the entry's path): notes (a file skipped), warnings (a part of a file
 * skipped) and errors (a file not read).  ingest_nmsgs and ingest_msg
 * are short for diag_list's n and diag_get.
 */
const struct diag_list *ingest_diags(const struct ingest *ing);
size_t ingest_nmsgs(const struct ingest *ing);
const struct diag *ingest_msg(const struct ingest *ing, size_t i);
/* Total bytes read. */
size_t ingest_bytes(const struct ingest *ing);

#endif
