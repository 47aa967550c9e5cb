/* store/intern.h: what the store's own files share (not for other layers).
 *
 * struct store is one SQLite connection to the store file.  The schema:
 *   meta(k, v)          schema, parser version, roots (the paths synced)
 *   files(...)          the manifest: one row per input, in reading order
 *                       (ord), with size, mtime, inode, content hash,
 *                       format, parser version and what reading it gave
 *   msgs(file, seq,...) each file's messages
 *   recs(file, seq,...) each file's records (row.h), their merge keys,
 *                       day label (lday) or date (dday) and the paper each
 *                       went to
 *   papers(id, ...)     the merged papers: key, order columns, newest day,
 *                       the narrow search form (title, authors, cats) and
 *                       what a light library holds of them (light.c): the
 *                       arXiv id (aid), the categories as merged (cats,
 *                       each ended by CATS_SEP) and the text of a paper
 *                       known by its text, no id and no title key (utext)
 *   paper_days, days    which papers each day has, days in display order
 *   fts                 FTS5 (trigram) over every paper's search form
 * A paper's content is its records merged again by lib.c, in reading
 * order: the store never keeps a second copy of the text.
 */
#ifndef PB_STORE_INTERN_H
#define PB_STORE_INTERN_H

#include <sqlite3.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/lib.h"
#include "store/store.h"

#define STORE_SCHEMA 6
#define STORE_BUILDING 1004	/* user_version while a first build runs (store_bulk_begin) */
#define STORE_APP_ID 0x50427931	/* "PBy1" */
/*
 * The store's mark: a random value made with the file (meta 'made') and
 * the parser version.  A store built anew at the same path (by another
 * process, of another version) does not share it, so a second connection
 * opened by path can tell it reads the same file (store/split.c).
 */
#define STORE_MARK_SQL "SELECT coalesce((SELECT v FROM meta WHERE k = 'made'), '') || ' ' ||" \
	" coalesce((SELECT v FROM meta WHERE k = 'parser'), '')"
#define CATS_SEP '\x1f'	/* ends each category in papers.cats: clean text never holds it */
#define CATS_SEP_SQL "char(31)"	/* CATS_SEP in SQL */
/* A record's place in reading order (recs r joined with its files f), as one integer. */
#define READING_ORDER_SQL "(f.ord * 4294967296 + r.seq)"
/* The place in reading order of paper p's first record (light.c, spell.c). */
#define FIRST_REC_SQL "(SELECT min" READING_ORDER_SQL " FROM recs r JOIN files f ON f.id = r.file" \
	" WHERE r.paper = p.id)"

struct store {
	sqlite3 *db;
	char *path;
	char *roots;		/* the paths of the last sync, as stored in meta */
	struct lib *built;	/* the library a first build merged, until store_lib takes it */
	int early;		/* store_set_early */
	struct manifest_tail *tail;	/* an early first build's writing, until store_wait */
	struct store_report *built_rep;	/* what an early first build read, until store_report takes it */
	unsigned long long max_bytes;	/* files larger than this are skipped */
	int bulk;		/* a first build without WAL is running (store_bulk_begin) */
	int cover;		/* store/cover.h's pb_cover on the connection: 1 yes, -1 refused, 0 not asked */
	struct buf tmp;
};

/*
 * True when the connection has store/cover.h's pb_cover, registering it
 * at the first call for each connection (not at open: most runs never
 * search).
 */
int store_cover(struct store *s);
/* The store's mark (STORE_MARK_SQL; caller frees), or NULL when it cannot be read. */
char *store_mark(struct store *s);
/* Run SQL without results; -1 with the error appended to msg (may be NULL). */
int store_exec(struct store *s, const char *sql, struct buf *msg);
/* Prepare a statement; NULL with the error appended to msg (may be NULL). */
sqlite3_stmt *store_prep(struct store *s, const char *sql, struct buf *msg);
/*
 * The first column of each row a query gives (arg bound to its parameter
 * when it has one), as ids into *ids (caller frees, even on failure): how
 * many, or -1 with msg.
 */
long store_ids(struct store *s, const char *sql, int64_t arg, int64_t **ids, struct buf *msg);
/*
 * One integer from a PRAGMA or query: its first row's first column, else
 * def (no row, or a failure, said in msg when msg is not NULL).
 */
long long store_int(struct store *s, const char *sql, long long def, struct buf *msg);
/*
 * The end of stepping a statement: 0 when rc is SQLITE_DONE, else -1
 * with the connection's error in msg (a damaged store noted for
 * rebuilding, store_damaged).
 */
int store_step_done(struct store *s, int rc, struct buf *msg);
/*
 * Run the insert statement sql (one parameter, ?1) once for each text of
 * v[0..n), stopping at the first failure: 0, or -1 with msg.
 */
int store_insert_texts(struct store *s, const char *sql, const char *const *v, size_t n, struct buf *msg);
/* A column as a C string ("" when NULL). */
const char *store_col(sqlite3_stmt *st, int i);
/* Bind a string or NULL. */
void store_bind_str(sqlite3_stmt *st, int i, const char *s);
/* Note that the store is damaged (a read failed with SQLITE_CORRUPT): the next open rebuilds it. */
void store_damaged(struct store *s, int rc);

/* What store_sorted_indexes does: drop them all, or make those of recs, or those of papers. */
enum store_idx { IDX_DROP, IDX_RECS, IDX_PAPERS };
/* For a first build: drop the indexes it sorts at once, or make a group of them again; -1 with msg. */
int store_sorted_indexes(struct store *s, enum store_idx what, struct buf *msg);
/*
 * Before a sync's transaction: when the store is empty and no other
 * connection has it open, write the first build straight into the file
 * (no WAL, no journal, an exclusive lock, the store marked STORE_BUILDING
 * so that a build cut short is built again); returns 1 then, else 0 (the
 * sync runs as any other).  After the transaction: store_bulk_end when it
 * committed (-1 with msg), else store_bulk_abandon, which empties the
 * store again (without a journal nothing can be rolled back).
 */
int store_bulk_begin(struct store *s);
int store_bulk_end(struct store *s, struct buf *msg);
void store_bulk_abandon(struct store *s);

/* manifest.c: the sync. */
int manifest_sync(struct store *s, const char *roots, char *const *paths, size_t npaths,
    const struct store_progress *prog, struct store_stats *stats, struct buf *msg);
/* manifest.c: wait for an early first build's writing (s->tail, then NULL); -1 with msg when it failed. */
int manifest_wait(struct store *s, struct buf *msg);
/*
 * Fill r with the files and messages as the store holds them, inside a
 * transaction the caller runs (r->npapers is left 0); -1 with msg.
 */
int store_report_fill(struct store *s, struct store_report *r, struct buf *msg);
/* Free a report made on the heap (xcalloc, then filled); NULL is nothing. */
void store_report_drop(struct store_report *r);
/* Drop what a first build left for store_lib and store_report (s->built, s->built_rep). */
void store_drop_built(struct store *s);
/* The order key of a day: dated newest first, then labels (by date, then seen), then undated. */
int64_t manifest_day_key(const struct day *d, int64_t seen);
/*
 * The dated days that decide how lib_finish resolves labels without a
 * year (the years of the library's dates and their range): the first date
 * of every year and the last date of all, space-separated, into out (the
 * records of the files in the temporary table tgone left out when
 * skip_gone).  -1 with msg.
 */
int manifest_dated(struct store *s, int skip_gone, struct buf *out, struct buf *msg);

/* Which part of the library light_lib reads. */
enum light_part {
	LIGHT_ALL,	/* every paper */
	LIGHT_DAY,	/* the papers of a day, and their days */
	LIGHT_WINDOW,	/* the papers of a day, and every day with its count (lib_add_day_count) */
	LIGHT_WINDOW_KEYS,	/* the same and the papers of the keys in temp.tk_keys */
	LIGHT_NPARTS
};
/*
 * light.c: the light library (lib_set_light) of the part of the stored
 * papers that part says (day: the day's label, unused for LIGHT_ALL),
 * read from the papers' rows with no record decoded and nothing merged
 * again: the same library as a light parse of the inputs gives (a part
 * spelled as the whole library's, spell_prefer).  Call inside a read
 * transaction.  Caller frees; NULL with msg.
 */
struct lib *light_lib(struct store *s, enum light_part part, const char *day, struct buf *msg);

/*
 * light.c: split s, a list of items each ended by CATS_SEP (papers.cats,
 * a paper's days), in place: each end is written over by a NUL and the
 * item appended to *v (*nv of them, room for *av; caller frees *v).
 * Returns how many, or -1 when an item is empty or not clean text or the
 * last one is not ended (what was split so far stays on *v).
 */
long light_split(char *s, const char ***v, size_t *nv, size_t *av);

/*
 * spell.c: the category spellings of the whole library (lib_cat_choices),
 * kept in the table cat_spellings so that a part of it read alone (some
 * papers: replay_ids; a day: light_lib) spells its categories as the
 * whole library does, not as its own papers would: views, index rows and
 * narrow forms alike.  Every sync that changes papers, or only their
 * order, keeps them, inside its transaction: a first build from the
 * library it merged (spell_write), a later sync from the papers' rows
 * (spell_update: the merged categories counted as lib_finish counts them,
 * the papers of a tied group's lists again in reading order; the papers
 * of a group whose spelling changes come out of the index and go in
 * again, and their narrow forms are written again).
 *
 * spell_prefer: lib_prefer_cats with the kept spellings, inside the
 * caller's read transaction.  All three: -1 with msg.
 */
int spell_prefer(struct store *s, struct lib *lib, struct buf *msg);
int spell_write(struct store *s, const struct lib *lib, struct buf *msg);
int spell_update(struct store *s, struct buf *msg);

/* Where a record went when merged again. */
struct replay_rec {
	int64_t file, seq;
	const struct paper *paper;	/* in the library replay_ids made; NULL: dropped */
};

/*
 * replay.c: merge the records of the papers ids[0..n) (every record when
 * ids is NULL) again, in reading order, into a new finished library
 * (caller frees); some papers spell their categories as the whole
 * library (spell_prefer), so that a paper's views, its index rows and
 * its narrow form spell them alike whatever papers come with it.  With
 * ids, *as (caller frees) gets where each record went (as may be NULL).
 * NULL with msg when the store could not be read.
 */
struct lib *replay_ids(struct store *s, const int64_t *ids, size_t n, struct replay_rec **as,
    size_t *nas, struct buf *msg);

#endif
