/* ingest/ingest.h: read digest files of every known format into a library.
 *
 * The format is sniffed from the content, never from the file name.
 * Nothing here prints: problems are collected as diagnostics (text/diag.h)
 * with file and line, for the caller to show (stderr, or the reader's
 * status line).
 */
#ifndef PB_INGEST_H
#define PB_INGEST_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "model/lib.h"
#include "text/diag.h"

/* Files larger than this are skipped unless ingest_set_max_file_size says otherwise. */
#define INGEST_MAX_FILE_SIZE (64ULL << 20)

/*
 * The version of what the parsers read from a file: bump it whenever a
 * parser's output changes, so that stores built before read every file
 * again.
 */
#define INGEST_VERSION 1

/* A digest format (ingest/format.h); NULL stands for "not recognised". */
struct ingest_format;

struct ingest_file {
	const char *path;
	const struct ingest_format *fmt;	/* NULL when not recognised */
	size_t npapers;		/* records read from this file */
	size_t bytes;
	int failed;		/* could not be read or recognised */
	size_t first_msg, nmsgs;	/* its messages: ingest_msg(first_msg + k), k < nmsgs */
	int hashed;		/* hash is set: ingest_set_hash asked, the file was read whole */
	uint64_t hash;		/* hash_bytes of the whole file, computed where it was parsed */
};

struct ingest;

/* One input as a walk finds it: a file to read, or a failure to report. */
struct ingest_item {
	char *path;		/* owned by the list */
	int quiet;		/* met inside a directory: if unrecognised, only noted */
	const char *err_what;	/* a failure to report instead of reading ("cannot open"), or NULL */
	int err_no;
	unsigned mode;		/* not 0: not a regular file of this st_mode (noted, not read) */
};

/*
 * Called with every record merged, after the library got it, with the
 * index of its file (ingest_file), what lib_add_paper returned (-1
 * without a library) and the bytes the prep function appended for it
 * (NULL and 0 without one); the record and the bytes are valid during
 * the call.
 */
typedef void (*ingest_sink)(void *arg, size_t file, const struct rec *r, long paper,
    const char *prep, size_t plen);
/*
 * Called for each record on the thread that parsed it, before it is
 * merged: append to out what the sink will want of it, so that this work
 * runs beside the parsing rather than on the merging thread.  Several
 * threads call it at once: it must touch nothing but r and out.
 */
typedef void (*ingest_prep)(const struct rec *r, struct buf *out);

/*
 * A new ingester feeding lib (caller frees with ingest_free; lib stays the
 * caller's).  lib may be NULL when a sink takes the records.
 */
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
/*
 * What ingest_path(path) would read, in the same order, without reading:
 * *items gets an array the caller frees with ingest_items_free; returns
 * its length.
 */
size_t ingest_list(struct ingest *ing, const char *path, struct ingest_item **items);
/* Free a list made by ingest_list. */
void ingest_items_free(struct ingest_item *v, size_t n);
/* Read items v[0..n) in order, exactly as ingest_path reads what it lists. */
int ingest_items(struct ingest *ing, const struct ingest_item *v, size_t n);
/*
 * From now on, read no more files once *flag (another thread's; NULL:
 * never) is nonzero: the files not started yet are listed as read but
 * empty, with no message, so a caller that cancels must drop the result.
 */
void ingest_set_cancel(struct ingest *ing, const atomic_int *flag);
/*
 * From now on, hash (base/hashmap.h's hash_bytes) the whole content of
 * every digest file read, on the thread that parses it, into its
 * ingest_file (the store's manifest keeps it; reading the file again for
 * it would cost a second pass on the merging thread).
 */
void ingest_set_hash(struct ingest *ing, int on);
/* Give every record merged from now on to fn too, with what prep (may be NULL) made of it (fn NULL: stop). */
void ingest_set_sink(struct ingest *ing, ingest_sink fn, ingest_prep prep, void *arg);
/* Read one in-memory input named name (for tests and the fuzzer). */
int ingest_buffer(struct ingest *ing, const char *name, const char *data, size_t len);
/* Sniff the format of a buffer (from its first 64 KiB); NULL when none is recognised. */
const struct ingest_format *ingest_sniff(const char *data, size_t len);
/* The format of a name ingest_format_name gave, or NULL (for the store). */
const struct ingest_format *ingest_format_named(const char *name);
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
