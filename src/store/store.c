/* store/store.c: opening, schema, rebuilding, and what the readers load. */
#include "config.h"

#include "store/store.h"
#include "store/intern.h"
#include "store/cover.h"
#include "base/hashmap.h"
#include "base/safeio.h"
#include "text/text.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The parser version kept in meta and in every manifest row. */
#define PARSER_VERSION PACKAGE_VERSION "/" PB_STR(INGEST_VERSION)
#define PB_STR(x) PB_STR2(x)
#define PB_STR2(x) #x
/* How long store_open waits for a lock (a first build holds it throughout). */
#define OPEN_BUSY_MS 250

/*
 * The indexes of the records, and of papers (their order, key) and
 * paper_days (a paper), whose keys come in random order.  A first build
 * drops them all, makes those of the records after reading (before the
 * merged papers are written, whose days need them) and those of the
 * papers after writing them (store_sorted_indexes): one sort each is
 * cheaper than keeping them in order row by row.  The records' bodies
 * live in a table of their own so that these sorts scan only the keys.
 */
#define RECS_INDEXES \
"CREATE UNIQUE INDEX IF NOT EXISTS recs_file ON recs(file, seq);" \
"CREATE INDEX IF NOT EXISTS recs_paper ON recs(paper);" \
"CREATE INDEX IF NOT EXISTS recs_kid ON recs(kid) WHERE kid IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS recs_ktitle ON recs(ktitle) WHERE ktitle IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS recs_ktext ON recs(ktext) WHERE ktext IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS recs_lday ON recs(lday) WHERE lday IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS recs_dday ON recs(dday) WHERE dday IS NOT NULL;"
#define PAPERS_SORTED_INDEXES \
"CREATE INDEX IF NOT EXISTS papers_order ON papers(dkey, nvotes, untitled, title, key);" \
"CREATE INDEX IF NOT EXISTS papers_key ON papers(key);" \
"CREATE INDEX IF NOT EXISTS papers_cats ON papers(cats) WHERE cats IS NOT NULL;" \
"CREATE INDEX IF NOT EXISTS paper_days_paper ON paper_days(paper);"

static const char sorted_drop_sql[] =
"DROP INDEX IF EXISTS recs_file; DROP INDEX IF EXISTS recs_paper; DROP INDEX IF EXISTS recs_kid;"
"DROP INDEX IF EXISTS recs_ktitle; DROP INDEX IF EXISTS recs_ktext; DROP INDEX IF EXISTS recs_lday;"
"DROP INDEX IF EXISTS recs_dday;"
"DROP INDEX IF EXISTS papers_order; DROP INDEX IF EXISTS papers_key; DROP INDEX IF EXISTS papers_cats;"
"DROP INDEX IF EXISTS paper_days_paper;";

static const char schema_sql[] =
"CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
"CREATE TABLE files(id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, path TEXT NOT NULL UNIQUE,"
" size INTEGER, mtime INTEGER, ino INTEGER, hash TEXT, fmt TEXT, parser TEXT NOT NULL,"
" nrecs INTEGER NOT NULL, bytes INTEGER NOT NULL, failed INTEGER NOT NULL, quiet INTEGER NOT NULL);"
"CREATE INDEX files_ord ON files(ord);"
"CREATE TABLE msgs(file INTEGER NOT NULL, seq INTEGER NOT NULL, level INTEGER NOT NULL,"
" line INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(file, seq)) WITHOUT ROWID;"
"CREATE TABLE recs(id INTEGER PRIMARY KEY, file INTEGER NOT NULL, seq INTEGER NOT NULL,"
" paper INTEGER, kid TEXT, ktitle INTEGER, ktext INTEGER, lday TEXT, dday TEXT);"
RECS_INDEXES
"CREATE TABLE bodies(id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
"CREATE TABLE papers(id INTEGER PRIMARY KEY, key TEXT NOT NULL, dkey INTEGER NOT NULL,"
" nvotes INTEGER NOT NULL, untitled INTEGER NOT NULL, title TEXT, newest TEXT NOT NULL,"
" nform TEXT NOT NULL, aid TEXT, cats TEXT, utext TEXT);"
"CREATE TABLE paper_days(day TEXT NOT NULL, paper INTEGER NOT NULL, PRIMARY KEY(day, paper)) WITHOUT ROWID;"
PAPERS_SORTED_INDEXES
"CREATE TABLE days(label TEXT PRIMARY KEY, kind INTEGER NOT NULL, dkey INTEGER NOT NULL,"
" n INTEGER NOT NULL) WITHOUT ROWID;"
"CREATE INDEX days_dkey ON days(dkey, label, kind, n);"	/* covering: the days in order, with their counts */
"CREATE TABLE fts_todo(id INTEGER PRIMARY KEY);"
"CREATE TABLE cat_spellings(name TEXT PRIMARY KEY) WITHOUT ROWID;"
"CREATE VIRTUAL TABLE fts USING fts5(title, authors, cats, sums,"
" tokenize='trigram case_sensitive 1', content='', detail=full);";

/* Run SQL without results. */
int
store_exec(struct store *s, const char *sql, struct buf *msg)
{
	char *err = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &err);

	if (rc != SQLITE_OK) {
		if (msg)
			buf_printf(msg, "store '%s': %s", s->path, err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
		store_damaged(s, rc);
		return -1;
	}
	return 0;
}

/* Prepare a statement. */
sqlite3_stmt *
store_prep(struct store *s, const char *sql, struct buf *msg)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		if (msg)
			buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
		store_damaged(s, rc);
		return NULL;
	}
	return st;
}

/* A column as a C string. */
const char *
store_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* Bind a string or NULL. */
void
store_bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Remove the store file and its WAL and shared-memory files. */
static void
remove_files(const char *path)
{
	struct buf p = BUF_INIT;

	buf_init(&p);
	unlink(path);
	buf_printf(&p, "%s-wal", path);
	unlink(p.buf);
	buf_setlen(&p, 0);
	buf_printf(&p, "%s-shm", path);
	unlink(p.buf);
	buf_free(&p);
}

/* A damaged store is removed, so that the next open builds it again. */
void
store_damaged(struct store *s, int rc)
{
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		remove_files(s->path);
}

/* The default store path. */
int
store_default_path(struct buf *out, char *const *paths, size_t npaths)
{
	size_t i, start = out->len;
	uint64_t h = 1469598103934665603ULL;
	int relative = 0;
	char cwd[4096];

	if (safeio_user_path(out, "PAPERBOY_CACHE", "XDG_CACHE_HOME", ".cache", "") < 0)
		return -1;
	if (out->len > start && out->buf[out->len - 1] != '/')
		buf_addch(out, '/');
	if (npaths == 0) {
		buf_puts(out, "library.db");
		return 0;
	}
	for (i = 0; i < npaths; i++) {
		relative |= paths[i][0] != '/';
		h = (h ^ hash_str(paths[i])) * 1099511628211ULL;
	}
	if (relative && getcwd(cwd, sizeof cwd))
		h = (h ^ hash_str(cwd)) * 1099511628211ULL;
	buf_printf(out, "paths-%016llx.db", (unsigned long long)h);
	return 0;
}

/* How long to wait for another process's update: $PAPERBOY_STORE_TIMEOUT ms, else 10 s. */
static int
busy_ms(void)
{
	const char *e = getenv("PAPERBOY_STORE_TIMEOUT");
	long v = e && *e ? strtol(e, NULL, 10) : 0;

	return v > 0 && v < 3600000 ? (int)v : 10000;
}

/* The meta value of k (caller frees), or NULL. */
static char *
meta_get(struct store *s, const char *k)
{
	sqlite3_stmt *st = store_prep(s, "SELECT v FROM meta WHERE k = ?", NULL);
	char *v = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup(store_col(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* Register pb_cover on the connection the first time a search asks. */
int
store_cover(struct store *s)
{
	if (s->cover == 0)
		s->cover = cover_register(s->db) == 0 ? 1 : -1;
	return s->cover > 0;
}

/* The store's mark. */
char *
store_mark(struct store *s)
{
	sqlite3_stmt *st = store_prep(s, STORE_MARK_SQL, NULL);
	char *mark = st && sqlite3_step(st) == SQLITE_ROW ? xstrdup(store_col(st, 0)) : NULL;

	sqlite3_finalize(st);
	return mark;
}

/* Create the tables in an empty store; -1 with msg. */
static int
create_schema(struct store *s, struct buf *msg)
{
	struct buf sql = BUF_INIT;
	int rc;

	if (store_exec(s, "BEGIN IMMEDIATE", msg) < 0)
		return -1;
	if (store_int(s, "SELECT count(*) FROM sqlite_master", 0, NULL) > 0)
		return store_exec(s, "COMMIT", msg);	/* another process made it */
	buf_init(&sql);
	buf_printf(&sql, "%sPRAGMA application_id = %d; PRAGMA user_version = %d;"
	    "INSERT INTO meta VALUES ('parser', '%s'), ('roots', NULL), ('made', lower(hex(randomblob(8))));"
	    "COMMIT",
	    schema_sql, STORE_APP_ID, STORE_SCHEMA, PARSER_VERSION);
	rc = store_exec(s, sql.buf, msg);
	buf_free(&sql);
	if (rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/*
 * A store marked as being built (store_bulk_begin): -2 (busy) while the
 * process building it holds its lock, else -1: that build never finished
 * (the process was killed), so the store is built again.
 */
static int
building(struct store *s, const char **why)
{
	int rc;

	sqlite3_busy_timeout(s->db, 0);
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_busy_timeout(s->db, busy_ms());
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
		*why = "it is being built by another process";
		return -2;
	}
	*why = "its first build did not finish";
	return -1;
}

/*
 * What the open file is: 1 ours and current, 0 empty, -1 to rebuild
 * (foreign, other version, damaged, a build that never finished), -2
 * busy (another process builds it); why says which.
 */
static int
classify(struct store *s, const char **why)
{
	long long app = store_int(s, "PRAGMA application_id", -1, NULL);
	long long ver = app < 0 ? -1 : store_int(s, "PRAGMA user_version", -1, NULL);
	long long ntab = ver < 0 ? -1 : store_int(s, "SELECT count(*) FROM sqlite_master", -1, NULL);
	char *parser;
	int ok;

	if (app < 0 || ver < 0 || ntab < 0) {
		int e = sqlite3_errcode(s->db);

		if (e == SQLITE_BUSY || e == SQLITE_LOCKED) {
			*why = "it is busy";	/* a first build holds it: not damaged */
			return -2;
		}
		*why = "it is damaged or not a database";
		return -1;
	}
	if (ntab == 0 && app == 0)
		return 0;
	if (app != STORE_APP_ID) {
		*why = "it is not a paperboy store";
		return -1;
	}
	if (ver == STORE_BUILDING)
		return building(s, why);
	if (ver != STORE_SCHEMA) {
		*why = "it was written by another version";
		return -1;
	}
	parser = meta_get(s, "parser");
	ok = parser && strcmp(parser, PARSER_VERSION) == 0;
	free(parser);
	if (!ok)
		*why = "it was written by another version";
	return ok ? 1 : -1;
}

/* Open the file and set the connection up; -1 with msg. */
static int
db_connect(struct store *s, struct buf *msg)
{
	int rc = sqlite3_open_v2(s->path, &s->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		buf_printf(msg, "cannot open the store '%s': %s", s->path,
		    s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);
		s->db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(s->db, busy_ms());
	sqlite3_extended_result_codes(s->db, 1);
	s->cover = 0;	/* pb_cover is registered when a search first needs it (store_cover) */
	/*
	 * For a new store only (an existing one keeps its own): a record row
	 * is about 1.2 KB, which on 4 KiB pages often spills to an overflow
	 * page; 16 KiB pages make the store 12% smaller and its build faster
	 */
	sqlite3_exec(s->db, "PRAGMA page_size = 16384", NULL, NULL, NULL);
	return 0;
}

/* Switch to WAL and set the pragmas; -1 with msg. */
static int
set_mode(struct store *s, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "PRAGMA journal_mode = WAL", msg);
	int wal = 0;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		wal = strcmp(store_col(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal) {
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	return store_exec(s, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384;"
	    "PRAGMA temp_store = MEMORY", msg);
}

/*
 * SQLite's allocation statistics take a global mutex at each malloc and
 * free, and nothing here reads them; FTS5 allocates for every position
 * list it reads, so a long phrase search runs about 15% faster without
 * them.  Set once, before SQLite initialises (at the first open).
 */
static void
sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Open, classify, and rebuild once when needed. */
struct store *
store_open(const char *path, struct buf *msg)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	struct store *s = xcalloc(1, sizeof *s);
	struct buf dir = BUF_INIT, err = BUF_INIT;
	const char *slash = strrchr(path, '/'), *why = NULL;
	int attempt, kind = -1;

	pthread_once(&once, sqlite_setup);
	s->path = xstrdup(path);
	s->max_bytes = INGEST_MAX_FILE_SIZE;
	buf_init(&s->tmp);
	buf_init(&dir);
	buf_init(&err);
	if (slash && slash != path) {
		buf_add(&dir, path, (size_t)(slash - path));
		safeio_mkdirs(dir.buf, &err);
	}
	buf_free(&dir);
	buf_free(&err);
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_connect(s, msg) < 0)
			goto fail;
		/* a first build holds its lock throughout: do not wait for it (-2) */
		sqlite3_busy_timeout(s->db, OPEN_BUSY_MS);
		kind = classify(s, &why);
		sqlite3_busy_timeout(s->db, busy_ms());
		if (kind >= 0)
			break;
		sqlite3_close(s->db);
		s->db = NULL;
		if (kind == -2) {
			buf_printf(msg, "store '%s': %s", path, why);
			goto fail;
		}
		if (attempt == 0) {
			buf_printf(msg, "store '%s': %s: building it again", path, why);
			remove_files(path);
		}
	}
	if (kind < 0) {
		buf_setlen(msg, 0);
		buf_printf(msg, "store '%s': %s and cannot be replaced", path, why);
		goto fail;
	}
	if (set_mode(s, msg) < 0 || (kind == 0 && create_schema(s, msg) < 0))
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

/*
 * Drop (IDX_DROP) or make the indexes a first build sorts at once (see
 * above); -1 with msg.  Each index is made from a scan of its whole
 * table: mapped, its pages are read from memory rather than by a system
 * call each.
 */
int
store_sorted_indexes(struct store *s, enum store_idx what, struct buf *msg)
{
	int rc;

	if (what == IDX_DROP)
		return store_exec(s, sorted_drop_sql, msg);
	store_exec(s, "PRAGMA mmap_size = 2147418112", NULL);
	rc = store_exec(s, what == IDX_RECS ? RECS_INDEXES : PAPERS_SORTED_INDEXES, msg);
	store_exec(s, "PRAGMA mmap_size = 0", NULL);
	return rc;
}

/* The journal mode a PRAGMA journal_mode statement leaves, compared with want. */
static int
journal_is(struct store *s, const char *sql, const char *want)
{
	sqlite3_stmt *st = store_prep(s, sql, NULL);
	int is = 0;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		is = strcmp(store_col(st, 0), want) == 0;
	sqlite3_finalize(st);
	return is;
}

/*
 * A first build writes the store once, straight into the file: no WAL
 * (which would write every page twice, once more when checkpointed) and
 * no journal, under an exclusive lock, and marked STORE_BUILDING until it
 * is done, so that a build cut short is built again (classify).
 */
int
store_bulk_begin(struct store *s)
{
	s->bulk = 0;
	if (store_int(s, "SELECT count(*) FROM files", -1, NULL) != 0)
		return 0;
	if (store_exec(s, "PRAGMA locking_mode = EXCLUSIVE", NULL) < 0)
		return 0;
	if (!journal_is(s, "PRAGMA journal_mode = OFF", "off")) {
		/* another connection has it open: keep WAL */
		store_exec(s, "PRAGMA locking_mode = NORMAL", NULL);
		return 0;
	}
	s->bulk = 1;
	if (store_exec(s, "PRAGMA synchronous = FULL; PRAGMA user_version = " PB_STR(STORE_BUILDING) ";"
	    "PRAGMA cache_size = -16384", NULL) < 0) {
		store_bulk_abandon(s);
		return 0;
	}
	return 1;
}

/* Back to WAL and the usual pragmas after a first build; -1 with msg. */
int
store_bulk_end(struct store *s, struct buf *msg)
{
	s->bulk = 0;
	/* the build's pages are synced (its COMMIT, synchronous = FULL): now mark it whole */
	if (store_exec(s, "PRAGMA user_version = " PB_STR(STORE_SCHEMA) "; PRAGMA locking_mode = NORMAL", msg) < 0)
		return -1;
	if (!journal_is(s, "PRAGMA journal_mode = WAL", "wal") &&
	    !journal_is(s, "PRAGMA journal_mode = DELETE", "delete")) {
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	return store_exec(s, "PRAGMA synchronous = NORMAL", msg);
}

/*
 * A first build that failed or was cancelled: without a journal its
 * pages cannot be rolled back, so the store starts again empty.
 */
void
store_bulk_abandon(struct store *s)
{
	struct buf msg = BUF_INIT;

	s->bulk = 0;
	buf_init(&msg);
	sqlite3_close(s->db);
	s->db = NULL;
	remove_files(s->path);
	if (db_connect(s, &msg) == 0 && (set_mode(s, &msg) < 0 || create_schema(s, &msg) < 0)) {
		sqlite3_close(s->db);
		s->db = NULL;
	}
	buf_free(&msg);
}

/* Free a report on the heap (NULL: nothing). */
void
store_report_drop(struct store_report *r)
{
	if (r == NULL)
		return;
	store_report_free(r);
	free(r);
}

/* Drop what a first build left for store_lib and store_report. */
void
store_drop_built(struct store *s)
{
	lib_free(s->built);
	s->built = NULL;
	store_report_drop(s->built_rep);
	s->built_rep = NULL;
}

/* Close the store. */
void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	manifest_wait(s, NULL);
	store_drop_built(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s->roots);
	buf_free(&s->tmp);
	free(s);
}

/* The roots string of a set of paths: the working directory when one is relative, then each path. */
static char *
roots_string(char *const *paths, size_t npaths)
{
	struct buf b = BUF_INIT;
	size_t i;
	char cwd[4096];

	buf_init(&b);
	for (i = 0; i < npaths; i++)
		if (paths[i][0] != '/')
			break;
	if (i < npaths && getcwd(cwd, sizeof cwd))
		buf_printf(&b, "cwd %s\n", cwd);
	for (i = 0; i < npaths; i++)
		buf_printf(&b, "%s\n", paths[i]);
	return buf_detach(&b, NULL);
}

/* Bring the store up to date. */
int
store_sync(struct store *s, char *const *paths, size_t npaths,
    const struct store_progress *prog, struct store_stats *stats, struct buf *msg)
{
	char *roots;
	int rc;

	if (manifest_wait(s, msg) < 0)
		return -1;
	roots = roots_string(paths, npaths);
	rc = manifest_sync(s, roots, paths, npaths, prog, stats, msg);
	free(roots);
	return rc;
}

/* Let a first build write on a thread of its own after merging. */
void
store_set_early(struct store *s, int on)
{
	s->early = on;
}

/* Wait for an early first build's writing. */
int
store_wait(struct store *s, struct buf *msg)
{
	return manifest_wait(s, msg);
}

/* Skip files larger than max bytes in the syncs from now on. */
void
store_set_max_file_size(struct store *s, unsigned long long max)
{
	manifest_wait(s, NULL);		/* the writing reads it */
	s->max_bytes = max;
}

/* True when the store holds a sync of exactly these paths. */
int
store_has_paths(struct store *s, char *const *paths, size_t npaths)
{
	char *roots, *have;
	int same;

	manifest_wait(s, NULL);
	roots = roots_string(paths, npaths);
	have = meta_get(s, "roots");
	same = have && strcmp(roots, have) == 0;

	free(roots);
	free(have);
	return same;
}

/* Start a read transaction (one snapshot for everything read). */
static int
read_begin(struct store *s, struct buf *msg)
{
	if (manifest_wait(s, msg) < 0)
		return -1;
	return store_exec(s, "BEGIN", msg);
}

/* End a read transaction. */
static void
read_end(struct store *s)
{
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

/* Report a step's error in msg unless it finished (see intern.h). */
int
store_step_done(struct store *s, int rc, struct buf *msg)
{
	if (rc == SQLITE_DONE)
		return 0;
	buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
	store_damaged(s, rc);
	return -1;
}

/* The files of the report, in reading order; -1 with msg. */
static int
report_files(struct store *s, struct store_report *r, int64_t **ids, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "SELECT id, path, fmt, nrecs, bytes, failed, quiet FROM files"
	    " ORDER BY ord", msg);
	size_t alloc = 0, aids = 0;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ingest_file *f;
		const char *p = store_col(st, 1);
		const char *fmt = sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : store_col(st, 2);

		ALLOC_GROW(r->files, r->nfiles + 1, alloc);
		ALLOC_GROW(*ids, r->nfiles + 1, aids);
		(*ids)[r->nfiles] = sqlite3_column_int64(st, 0);
		f = &r->files[r->nfiles++];
		memset(f, 0, sizeof *f);
		buf_setlen(&s->tmp, 0);
		text_clean(&s->tmp, p, strlen(p), TEXT_ONELINE);
		f->path = arena_strndup(r->a, s->tmp.buf, s->tmp.len);
		f->fmt = ingest_format_named(fmt);
		f->npapers = (size_t)sqlite3_column_int64(st, 3);
		f->bytes = (size_t)sqlite3_column_int64(st, 4);
		f->failed = sqlite3_column_int(st, 5);
		if (f->failed && !sqlite3_column_int(st, 6))
			r->failed = 1;
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return rc;
}

/* The level a stored message had (an unknown number: an error). */
static enum diag_level
level_of(int lv)
{
	return lv >= DIAG_NOTE && lv <= DIAG_PLAIN ? (enum diag_level)lv : DIAG_ERROR;
}

/* The messages of the report, each about its file, in file order; -1 with msg. */
static int
report_msgs(struct store *s, struct store_report *r, const int64_t *ids, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "SELECT m.file, m.level, m.line, m.text FROM msgs m"
	    " JOIN files f ON f.id = m.file ORDER BY f.ord, m.seq", msg);
	size_t fi = 0;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t file = sqlite3_column_int64(st, 0);
		const char *text = store_col(st, 3);

		while (fi < r->nfiles && ids[fi] != file)
			fi++;
		if (fi == r->nfiles)
			break;		/* not in file order: cannot happen in a sound store */
		if (r->files[fi].nmsgs++ == 0)
			r->files[fi].first_msg = r->diags.n;
		buf_setlen(&s->tmp, 0);
		text_clean(&s->tmp, text, strlen(text), TEXT_ONELINE);
		diag_add(&r->diags, level_of(sqlite3_column_int(st, 1)), r->files[fi].path,
		    (size_t)sqlite3_column_int64(st, 2), s->tmp.buf);
	}
	rc = rc == SQLITE_ROW ? 0 : store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return rc;
}

/* An empty report. */
static void
report_init(struct store_report *r)
{
	memset(r, 0, sizeof *r);
	r->a = arena_new();
	diag_list_init(&r->diags);
}

/* The files and messages into a new report, inside the caller's transaction. */
int
store_report_fill(struct store *s, struct store_report *r, struct buf *msg)
{
	int64_t *ids = NULL;
	int rc;

	report_init(r);
	rc = report_files(s, r, &ids, msg);
	if (rc == 0)
		rc = report_msgs(s, r, ids, msg);
	free(ids);
	return rc;
}

/* Inputs and messages of the last sync. */
int
store_report(struct store *s, struct store_report *r, struct buf *msg)
{
	long long n;
	int rc;

	if (s->built_rep) {
		*r = *s->built_rep;	/* an early first build's, taken */
		free(s->built_rep);
		s->built_rep = NULL;
		return 0;
	}
	if (read_begin(s, msg) < 0) {
		report_init(r);
		return -1;
	}
	rc = store_report_fill(s, r, msg);
	if (rc == 0) {
		n = store_int(s, "SELECT count(*) FROM papers", -1, NULL);
		r->npapers = n > 0 ? (size_t)n : 0;
	}
	read_end(s);
	return rc;
}

/* Free a report. */
void
store_report_free(struct store_report *r)
{
	free(r->files);
	diag_list_free(&r->diags);
	arena_free(r->a);
	memset(r, 0, sizeof *r);
}

/* The whole library. */
struct lib *
store_lib(struct store *s, struct buf *msg)
{
	struct lib *lib;

	if (s->built) {
		lib = s->built;		/* just merged by a first build: no need to read it back */
		s->built = NULL;
		return lib;
	}
	if (read_begin(s, msg) < 0)
		return NULL;
	lib = replay_ids(s, NULL, 0, NULL, NULL, msg);
	read_end(s);
	return lib;
}

/* The light library of every paper, or of one day's, from the papers' rows. */
struct lib *
store_lib_light(struct store *s, const char *day, struct buf *msg)
{
	struct lib *lib;

	if (read_begin(s, msg) < 0)
		return NULL;
	lib = light_lib(s, day ? LIGHT_DAY : LIGHT_ALL, day, msg);
	read_end(s);
	return lib;
}

/* Run the insert statement sql once for each of v[0..n), bound to ?1 (see intern.h). */
int
store_insert_texts(struct store *s, const char *sql, const char *const *v, size_t n, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, sql, msg);
	size_t i;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return -1;
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st, 1, v[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return store_step_done(s, rc, msg);
}

/* Put keys[0..n) alone in the temporary table tk_keys; -1 with msg. */
static int
fill_keys(struct store *s, const char *const *keys, size_t n, struct buf *msg)
{
	if (store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS tk_keys(k TEXT PRIMARY KEY) WITHOUT ROWID;"
	    "DELETE FROM tk_keys", msg) < 0)
		return -1;
	return store_insert_texts(s, "INSERT OR IGNORE INTO tk_keys VALUES (?1)", keys, n, msg);
}

/* Every day with its count, the papers of one (the newest when day is NULL) and those of keys, light. */
struct lib *
store_lib_window_with(struct store *s, const char *day, const char *const *keys, size_t nkeys,
    struct buf *msg)
{
	struct buf label = BUF_INIT;
	struct lib *lib = NULL;
	int rc;

	if (read_begin(s, msg) < 0)
		return NULL;
	buf_init(&label);
	buf_puts(&label, day ? day : "");
	rc = day ? 1 : store_newest_day(s, &label, msg);
	if (rc >= 0 && (nkeys == 0 || fill_keys(s, keys, nkeys, msg) == 0))
		lib = light_lib(s, nkeys ? LIGHT_WINDOW_KEYS : LIGHT_WINDOW, label.buf, msg);
	read_end(s);
	buf_free(&label);
	return lib;
}

/* Every day with its count, and the papers of one (the newest when day is NULL), light. */
struct lib *
store_lib_window(struct store *s, const char *day, struct buf *msg)
{
	return store_lib_window_with(s, day, NULL, 0, msg);
}

/* Step st to its end, appending its first column to *ids (*n of them, room for *alloc); the last step's code. */
static int
step_ids(sqlite3_stmt *st, int64_t **ids, size_t *n, size_t *alloc)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*ids, *n + 1, *alloc);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	return rc;
}

/*
 * The ids of the papers a query with one text parameter gives, run once
 * for each of args[0..nargs), in that order; -1 with msg.
 */
static long
query_ids(struct store *s, const char *sql, const char *const *args, size_t nargs, int64_t **ids,
    struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, sql, msg);
	size_t i, n = 0, alloc = 0;
	int rc = SQLITE_DONE;

	*ids = NULL;
	if (st == NULL)
		return -1;
	for (i = 0; i < nargs && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st, 1, args[i], -1, SQLITE_STATIC);
		rc = step_ids(st, ids, &n, &alloc);
		if (rc == SQLITE_DONE)
			sqlite3_reset(st);	/* not after a failure: it would clear the message */
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : (long)n;
}

/* The ids a query gives into *ids (see intern.h). */
long
store_ids(struct store *s, const char *sql, int64_t arg, int64_t **ids, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, sql, msg);
	size_t n = 0, alloc = 64;
	int rc;

	*ids = xcalloc(alloc, sizeof **ids);
	if (st == NULL)
		return -1;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	rc = store_step_done(s, step_ids(st, ids, &n, &alloc), msg);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : (long)n;
}

/* One integer from a PRAGMA or query (see intern.h). */
long long
store_int(struct store *s, const char *sql, long long def, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, sql, msg);
	long long v = def;
	int rc = st ? sqlite3_step(st) : SQLITE_DONE;

	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (msg)
		store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return v;
}

/* The papers of the ids a query gives for each of args[0..nargs), merged. */
static struct lib *
lib_of_query(struct store *s, const char *sql, const char *const *args, size_t nargs, struct buf *msg)
{
	int64_t *ids;
	long n;
	struct lib *lib = NULL;

	if (read_begin(s, msg) < 0)
		return NULL;
	n = query_ids(s, sql, args, nargs, &ids, msg);
	if (n >= 0)
		lib = replay_ids(s, ids, (size_t)n, NULL, NULL, msg);
	read_end(s);
	free(ids);
	return lib;
}

/* One day's papers. */
struct lib *
store_lib_day(struct store *s, const char *label, struct buf *msg)
{
	return lib_of_query(s, "SELECT paper FROM paper_days WHERE day = ?", &label, 1, msg);
}

/* One paper by key. */
struct lib *
store_lib_paper(struct store *s, const char *key, struct buf *msg)
{
	return store_lib_keys(s, &key, 1, msg);
}

/* Some papers in full by key. */
struct lib *
store_lib_keys(struct store *s, const char *const *keys, size_t n, struct buf *msg)
{
	return lib_of_query(s, "SELECT id FROM papers WHERE key = ?", keys, n, msg);
}

/* A small page cache from now on. */
void
store_shrink(struct store *s)
{
	if (s == NULL)
		return;
	manifest_wait(s, NULL);
	lib_free(s->built);	/* a first build's library: the caller reads its own */
	s->built = NULL;
	store_exec(s, "PRAGMA cache_size = -2048; PRAGMA shrink_memory", NULL);
}

/* The days in display order. */
long
store_days(struct store *s, struct store_day **days, struct buf *msg)
{
	sqlite3_stmt *st;
	size_t n = 0, alloc = 0;
	int rc;

	*days = NULL;
	if (manifest_wait(s, msg) < 0)
		return -1;
	st = store_prep(s, "SELECT label, n FROM days ORDER BY dkey", msg);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*days, n + 1, alloc);
		(*days)[n].label = xstrdup(store_col(st, 0));
		(*days)[n++].npapers = (size_t)sqlite3_column_int64(st, 1);
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	if (rc < 0) {
		store_days_free(*days, n);
		*days = NULL;
		return -1;
	}
	return (long)n;
}

/* How many of keys[0..n) the store has. */
long
store_count_keys(struct store *s, const char *const *keys, size_t n, struct buf *msg)
{
	sqlite3_stmt *st;
	size_t i;
	long found = 0;
	int rc = SQLITE_DONE;

	if (n == 0)
		return 0;
	if (read_begin(s, msg) < 0)
		return -1;
	if ((st = store_prep(s, "SELECT 1 FROM papers WHERE key = ?1 LIMIT 1", msg)) == NULL) {
		read_end(s);
		return -1;
	}
	for (i = 0; i < n && (rc == SQLITE_DONE || rc == SQLITE_ROW); i++) {
		sqlite3_bind_text(st, 1, keys[i], -1, SQLITE_STATIC);
		found += (rc = sqlite3_step(st)) == SQLITE_ROW;
		if (rc == SQLITE_ROW)
			rc = SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	rc = store_step_done(s, rc, msg);
	read_end(s);
	return rc < 0 ? -1 : found;
}

/* The label of the first day (display order) of the paper with this key (see store.h). */
int
store_paper_day(struct store *s, const char *key, struct buf *label, struct buf *msg)
{
	sqlite3_stmt *st;
	int rc;

	if (read_begin(s, msg) < 0)
		return -1;
	st = store_prep(s, "SELECT d.label, d.kind FROM papers p CROSS JOIN paper_days pd ON pd.paper = p.id"
	    " CROSS JOIN days d ON d.label = pd.day WHERE p.key = ?1 ORDER BY d.dkey, d.label LIMIT 1", msg);
	if (st == NULL) {
		read_end(s);
		return -1;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		buf_puts(label, sqlite3_column_int(st, 1) == DAY_NONE ? "undated" : store_col(st, 0));
	rc = rc == SQLITE_ROW ? 1 : store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	read_end(s);
	return rc;
}

/* The keys of the papers of days [first, first + n) in display order (see store.h). */
int
store_days_keys(struct store *s, size_t first, size_t n, store_key_fn fn, void *arg, struct buf *msg)
{
	sqlite3_stmt *st;
	int rc;

	if (read_begin(s, msg) < 0)
		return -1;
	st = store_prep(s, "SELECT d.label, d.kind, p.key FROM"
	    " (SELECT label, kind FROM days ORDER BY dkey, label LIMIT ?2 OFFSET ?1) d"
	    " CROSS JOIN paper_days pd ON pd.day = d.label CROSS JOIN papers p ON p.id = pd.paper", msg);
	if (st == NULL) {
		read_end(s);
		return -1;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)first);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)n);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(arg, sqlite3_column_int(st, 1) == DAY_NONE ? NULL : store_col(st, 0), store_col(st, 2));
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	read_end(s);
	return rc;
}

/* The first day in display order, through the index on dkey. */
int
store_newest_day(struct store *s, struct buf *label, struct buf *msg)
{
	sqlite3_stmt *st;
	int rc;

	if (manifest_wait(s, msg) < 0)
		return -1;
	st = store_prep(s, "SELECT label FROM days ORDER BY dkey LIMIT 1", msg);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		buf_puts(label, store_col(st, 0));
	rc = rc == SQLITE_ROW ? 1 : store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return rc;
}

/* Free a day list. */
void
store_days_free(struct store_day *days, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(days[i].label);
	free(days);
}

/* Number of merged papers. */
long
store_npapers(struct store *s, struct buf *msg)
{
	long long n;

	if (manifest_wait(s, msg) < 0)
		return -1;
	n = store_int(s, "SELECT count(*) FROM papers", -1, NULL);
	if (n < 0)
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
	return (long)n;
}
