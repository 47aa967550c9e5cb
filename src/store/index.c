/* store/index.c: search through FTS5, in display order. */
#include "store/index.h"
#include "store/indexer.h"
#include "store/cover.h"
#include "store/split.h"
#include "store/intern.h"
#include "model/search.h"
#include "text/text.h"
#include "base/hashmap.h"
#include "base/arena.h"
#include "base/mem.h"

#include <stdlib.h>
#include <string.h>

/* Forms first .. the next run's first lying end to end: [start, start + len). */
struct form_run {
	size_t first;
	const char *start;
	size_t len;
};

struct index {
	struct store *s;
	size_t pending;		/* papers not searched: not indexed, too many to scan */
	int64_t *order;		/* paper ids in display order */
	size_t norder;
	uint32_t *posof;	/* paper id -> its position in display order, or UINT32_MAX */
	size_t nposof;		/* entries in posof: the largest id + 1 */
	uint64_t *bits;		/* the matches' positions, a bit each (collected in order) */
	long long version[2];	/* data_version and total changes when order was loaded */
	/*
	 * Every paper's narrow form, NUL-terminated, in an arena (no copy
	 * when it grows); runs are the stretches where consecutive forms lie
	 * end to end, each scanned with one mem_find.
	 */
	struct arena *fa;
	const char **form;	/* form k starts here */
	int64_t *formid;	/* the paper id of form k */
	size_t nforms, aform, aformid;
	struct form_run *runs;
	size_t nruns, aruns;
	uint32_t *match;	/* positions of the matches, ascending */
	size_t nmatch, amatch;
	struct buf q;		/* the FTS5 query or the narrow needle */
	struct cover cover;	/* a long phrase's cover (store/cover.h), when covered */
	int covered;		/* q is one phrase, found through cover */
	struct split *split;	/* reads the rows from split_at up on a second core (store/split.h), or NULL */
	int64_t split_at;	/* the median paper id */
	size_t split_min;	/* papers from which a query is split (index_set_split) */
	int may_split;		/* this attempt may split */
	void (*split_hook)(void *);	/* index_set_split_hook */
	void *split_arg;
	int halves;		/* the last query was split */
	int narrow;		/* a short query: scan the narrow column */
	int inexact;		/* the query's matches are not known (index_hits declines) */
	int verify;		/* the FTS5 query finds more than the matches: check each (verify) */
	const struct lib *lib;	/* the library index_hits answers for (index_bind), or NULL */
	uint32_t *tolib;	/* position in display order -> its index in lib, or UINT32_MAX */
	size_t nmapped;		/* positions found in lib */
};

/* A new search over s. */
struct index *
index_new(struct store *s)
{
	struct index *ix = xcalloc(1, sizeof *ix);

	manifest_wait(s, NULL);
	ix->s = s;
	ix->version[0] = -1;
	buf_init(&ix->q);
	cover_init(&ix->cover);
	ix->split_min = INDEX_SPLIT_MIN;
	return ix;
}

/* Free the search. */
void
index_free(struct index *ix)
{
	if (ix == NULL)
		return;
	free(ix->order);
	free(ix->posof);
	free(ix->bits);
	free(ix->match);
	free(ix->tolib);
	free(ix->form);
	free(ix->formid);
	free(ix->runs);
	arena_free(ix->fa);
	buf_free(&ix->q);
	cover_free(&ix->cover);
	split_free(ix->split);
	free(ix);
}

/* Position of paper id in display order, or -1. */
static long
pos_of(const struct index *ix, int64_t id)
{
	if (id < 0 || (uint64_t)id >= ix->nposof || ix->posof[id] == UINT32_MAX)
		return -1;
	return (long)ix->posof[id];
}

/* The id below which half the papers' ids lie (posof made). */
static int64_t
median_id(const struct index *ix)
{
	size_t id, seen = 0;

	for (id = 0; id < ix->nposof; id++)
		if (ix->posof[id] != UINT32_MAX && ++seen > ix->norder / 2)
			return (int64_t)id;
	return (int64_t)ix->nposof;
}

/* Index the positions by id: posof (ids are rowids, dense but for deletions). */
static void
make_posof(struct index *ix)
{
	int64_t max = -1;
	size_t i;

	for (i = 0; i < ix->norder; i++)
		if (ix->order[i] > max)
			max = ix->order[i];
	free(ix->posof);
	free(ix->bits);
	ix->nposof = (size_t)(max + 1);
	ix->posof = xcalloc(ix->nposof + 1, sizeof *ix->posof);
	memset(ix->posof, 0xFF, (ix->nposof + 1) * sizeof *ix->posof);
	for (i = 0; i < ix->norder; i++)
		if (ix->order[i] >= 0)
			ix->posof[ix->order[i]] = (uint32_t)i;
	ix->bits = xcalloc(ix->norder / 64 + 1, sizeof *ix->bits);
	ix->split_at = median_id(ix);
}

/* The store's version as this connection sees it. */
static void
version(struct index *ix, long long v[2])
{
	sqlite3_stmt *st = store_prep(ix->s, "PRAGMA data_version", NULL);

	v[0] = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -2;
	v[1] = sqlite3_total_changes(ix->s->db);
	sqlite3_finalize(st);
}

/* hashmap_key_fn over a library: the key of paper idx. */
static const char *
lib_key(const void *ctx, uint32_t idx)
{
	return lib_paper(ctx, idx)->key;
}

/* The bound library's papers by key (caller frees with hashmap_free). */
static void
lib_keys(const struct lib *lib, struct hashmap *m)
{
	size_t i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < lib_npapers(lib); i++)
		hashmap_put(m, hash_str(lib_paper(lib, i)->key), (uint32_t)i);
}

/* Note where position n (key key) is in the bound library. */
static void
map_position(struct index *ix, const struct hashmap *m, size_t n, const char *key)
{
	long li = key ? hashmap_get(m, key, hash_str(key), lib_key, ix->lib) : -1;

	ix->tolib[n] = li < 0 ? UINT32_MAX : (uint32_t)li;
	ix->nmapped += li >= 0;
}

/* Read the ids in display order (and map them to the bound library); -1 at an error. */
static int
read_order(struct index *ix, sqlite3_stmt *st)
{
	struct hashmap m;
	size_t n = 0, alloc = 1024, amap = 1024;
	int rc;

	free(ix->order);
	free(ix->tolib);
	ix->order = xcalloc(alloc, sizeof *ix->order);
	ix->tolib = xcalloc(amap, sizeof *ix->tolib);
	ix->nmapped = 0;
	if (ix->lib)
		lib_keys(ix->lib, &m);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(ix->order, n + 1, alloc);
		ALLOC_GROW(ix->tolib, n + 1, amap);
		ix->order[n] = sqlite3_column_int64(st, 0);
		if (ix->lib)
			map_position(ix, &m, n, (const char *)sqlite3_column_text(st, 1));
		n++;
	}
	if (ix->lib)
		hashmap_free(&m);
	ix->norder = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Keep form text[0..n) of paper id: in the arena, in the last run when it follows it. */
static void
add_form(struct index *ix, int64_t id, const char *text, size_t n)
{
	const char *p = arena_strndup(ix->fa, text, n);
	struct form_run *r = ix->nruns ? &ix->runs[ix->nruns - 1] : NULL;

	ALLOC_GROW(ix->form, ix->nforms + 1, ix->aform);
	ALLOC_GROW(ix->formid, ix->nforms + 1, ix->aformid);
	ix->form[ix->nforms] = p;
	ix->formid[ix->nforms] = id;
	if (r && r->start + r->len == p) {
		r->len += n + 1;
	} else {
		ALLOC_GROW(ix->runs, ix->nruns + 1, ix->aruns);
		r = &ix->runs[ix->nruns++];
		r->first = ix->nforms;
		r->start = p;
		r->len = n + 1;
	}
	ix->nforms++;
}

/*
 * Read every paper's narrow form into memory (about 10 MB for 67k
 * papers): a short query scans them there rather than the papers table.
 */
static int
read_forms(struct index *ix)
{
	sqlite3_stmt *st = store_prep(ix->s, "SELECT id, nform FROM papers", NULL);
	int rc;

	arena_free(ix->fa);
	ix->fa = arena_new();
	ix->nforms = ix->nruns = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_form(ix, sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 1),
		    (size_t)sqlite3_column_bytes(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Load the display order again when the store changed; -1 with msg. */
static int
load_order(struct index *ix, struct buf *msg)
{
	sqlite3_stmt *st;
	long long v[2];
	int rc;

	version(ix, v);
	if (v[0] == ix->version[0] && v[1] == ix->version[1])
		return 0;
	st = store_prep(ix->s, "SELECT id, key FROM papers ORDER BY dkey, nvotes, untitled, title, key", msg);
	if (st == NULL)
		return -1;
	rc = read_order(ix, st);
	sqlite3_finalize(st);
	make_posof(ix);
	if (rc == 0)
		rc = read_forms(ix);
	if (rc < 0) {
		buf_printf(msg, "store '%s': %s", ix->s->path, sqlite3_errmsg(ix->s->db));
		ix->version[0] = -1;
		return -1;
	}
	ix->version[0] = v[0];
	ix->version[1] = v[1];
	return 0;
}

/* Code points in s[0..n). */
static size_t
ncodepoints(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Most gaps (spaces between Hangul) a query spells out both ways: 2^this phrases. */
#define MAX_GAPS 4

/* Offsets in f of its gaps: a space between Hangul (a jamo or a marker before, a jamo after). */
static size_t
find_gaps(const struct buf *f, size_t *gaps, size_t max)
{
	size_t i = 0, at, n = 0;
	int32_t prev = -1;

	while (i < f->len) {
		int32_t cp;

		at = i;
		cp = text_decode(f->buf, f->len, &i);
		if (cp == ' ' && (prev == INDEXER_MARK || text_jamo(prev)) && i < f->len) {
			size_t j = i;

			if (text_jamo(text_decode(f->buf, f->len, &j))) {
				if (n < max)
					gaps[n] = at;
				n++;
			}
		}
		prev = cp;
	}
	return n;
}

/* Append f as one FTS5 phrase, leaving out the gaps whose bit is set in drop. */
static void
add_phrase(struct buf *q, const struct buf *f, const size_t *gaps, size_t ngaps, unsigned drop)
{
	struct buf p = BUF_INIT;
	size_t i, g = 0;

	buf_init(&p);
	for (i = 0; i < f->len; i++) {
		if (g < ngaps && gaps[g] == i && (drop >> g++ & 1))
			continue;
		buf_addch(&p, f->buf[i]);
	}
	cover_quote(q, p.buf, p.len);
	buf_free(&p);
}

/*
 * Append an FTS5 query that every match of f matches: each piece of f
 * between its gaps that a trigram can find, as a phrase, all of them
 * required; nothing when no piece is long enough.
 */
static void
add_pieces(struct buf *q, const struct buf *f)
{
	size_t n = find_gaps(f, NULL, 0), *gaps = xcalloc(n + 1, sizeof *gaps), g, from = 0;

	find_gaps(f, gaps, n);
	gaps[n] = f->len;
	for (g = 0; g <= n; g++) {
		if (ncodepoints(f->buf + from, gaps[g] - from) >= SEARCH_SHORT) {
			if (q->len)
				buf_puts(q, " AND ");
			cover_quote(q, f->buf + from, gaps[g] - from);
		}
		from = gaps[g] + (g < n);	/* past the space */
	}
	free(gaps);
}

/*
 * Build the FTS5 query (or, for a short query, model/search.h's, the
 * narrow needle) for query form f: a phrase, or one for each way of
 * spelling its gaps (a space between Hangul matches a space or none, as
 * model/search.c's).
 */
static void
make_query(struct index *ix, const struct buf *f, int narrow)
{
	size_t gaps[MAX_GAPS], ngaps;
	unsigned m;

	buf_setlen(&ix->q, 0);
	ix->narrow = narrow;
	ix->inexact = 0;
	ix->verify = 0;
	ix->covered = 0;
	if (ix->narrow) {
		buf_add(&ix->q, f->buf, f->len);
		return;
	}
	ngaps = find_gaps(f, gaps, MAX_GAPS);
	if (ngaps > MAX_GAPS) {
		/* too many ways to spell: every piece between gaps, each match then checked */
		add_pieces(&ix->q, f);
		ix->verify = ix->q.len > 0;
		ix->inexact = !ix->verify;
		return;
	}
	if (ngaps && ncodepoints(f->buf, f->len) - ngaps < SEARCH_SHORT) {
		/* one spelling too short for a trigram: the spaces as written */
		ix->inexact = 1;
		ngaps = 0;
	}
	/* one phrase: found through its cover when that is shorter (q stays, for bm25) */
	ix->covered = ngaps == 0 && cover_make(&ix->cover, f->buf, f->len) && store_cover(ix->s);
	for (m = 0; m < 1u << ngaps; m++) {
		if (m)
			buf_puts(&ix->q, " OR ");
		add_phrase(&ix->q, f, gaps, ngaps, m);
	}
}

/* Add a match at the position of paper id (to bits; collect_matches orders them). */
static void
add_match(struct index *ix, int64_t id)
{
	long p = pos_of(ix, id);

	if (p >= 0)
		ix->bits[p / 64] |= (uint64_t)1 << (p % 64);
}

/* Move the matches from bits to match, in display order (each once). */
static void
collect_matches(struct index *ix)
{
	size_t w, k, nw = ix->bits ? ix->norder / 64 + 1 : 0;

	ix->nmatch = 0;
	ALLOC_GROW(ix->match, ix->norder + 1, ix->amatch);
	for (w = 0; w < nw; w++) {
		uint64_t b = ix->bits[w];

		for (k = 0; b; k++, b >>= 1)
			if (b & 1)
				ix->match[ix->nmatch++] = (uint32_t)(w * 64 + k);
		ix->bits[w] = 0;
	}
}

/*
 * Match a short query against the narrow forms in memory, a run at a time
 * (a needle never holds a NUL, so no match spans two forms; a UTF-8
 * needle matches at bytes where it matches at code points, as instr does).
 */
static void
scan_forms(struct index *ix)
{
	size_t i;

	for (i = 0; i < ix->nruns; i++) {
		const struct form_run *r = &ix->runs[i];
		size_t last = i + 1 < ix->nruns ? ix->runs[i + 1].first : ix->nforms;
		size_t k = r->first, at = 0;
		const char *hit;

		while (at < r->len && (hit = mem_find(r->start + at, r->len - at, ix->q.buf, ix->q.len)) != NULL) {
			while (k + 1 < last && ix->form[k + 1] <= hit)
				k++;	/* the form hit is in */
			add_match(ix, ix->formid[k]);
			at = (k + 1 < last ? (size_t)(ix->form[k + 1] - r->start) : r->len);
		}
	}
}

/* Which of a query's rows a statement reads: all, those below split_at, the others. */
enum rows { ALL_ROWS, LOWER_ROWS, UPPER_ROWS };

#define PHRASE_SQL "SELECT rowid FROM fts WHERE fts MATCH ?1"
/* The statements, by covered and rows: ?1 the query, ?2 the cover's offsets, ?3 split_at. */
static const char *const query_sql[2][3] = {
	{ PHRASE_SQL, PHRASE_SQL " AND rowid < ?3", PHRASE_SQL " AND rowid >= ?3" },
	{ COVER_SQL, COVER_SQL " AND rowid < ?3", COVER_SQL " AND rowid >= ?3" },
};

/* Bytes of the cover's offsets, as ?2 binds them (none when not covered). */
static size_t
offsets_size(const struct index *ix)
{
	return ix->covered ? ix->cover.n * sizeof *ix->cover.off : 0;
}

/* The FTS5 query's text: the cover's when covered. */
static const struct buf *
query_text(const struct index *ix)
{
	return ix->covered ? &ix->cover.q : &ix->q;
}

/* The statement that gives the rowids of the query's matches among rows, bound; NULL with msg. */
static sqlite3_stmt *
prep_query(struct index *ix, enum rows rows, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(ix->s, query_sql[ix->covered][rows], msg);
	const struct buf *q = query_text(ix);

	if (st)
		split_bind(st, q->buf, q->len, ix->covered ? ix->cover.off : NULL, offsets_size(ix), ix->split_at);
	return st;
}

/* Add the match of each rowid st gives, then finalize it; 0, or -1 with msg. */
static int
add_rows(struct index *ix, sqlite3_stmt *st, struct buf *msg)
{
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_match(ix, sqlite3_column_int64(st, 0));
	if (rc != SQLITE_DONE)
		buf_printf(msg, "store '%s': %s", ix->s->path, sqlite3_errmsg(ix->s->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Ask the helper for the rows from split_at up; -1 when there is none (read them here). */
static int
ask_helper(struct index *ix)
{
	const struct buf *q = query_text(ix);
	char *mark;

	if (!ix->may_split || ix->norder < ix->split_min)
		return -1;
	if (ix->split == NULL) {
		if ((mark = store_mark(ix->s)) == NULL)
			return -1;
		ix->split = split_new(ix->s->path, mark);
		free(mark);
	}
	return split_ask(ix->split, query_sql[ix->covered][UPPER_ROWS], q->buf, q->len,
	    ix->covered ? ix->cover.off : NULL, offsets_size(ix), ix->split_at);
}

/* Read the rows below split_at here while the helper reads the others; 0, or -1 with msg. */
static int
run_halves(struct index *ix, struct buf *msg)
{
	const int64_t *ids;
	int rc = add_rows(ix, prep_query(ix, LOWER_ROWS, msg), msg);
	long n = split_answer(ix->split, &ids), i;

	if (n < 0)	/* the helper could not: read them here */
		return rc == 0 ? add_rows(ix, prep_query(ix, UPPER_ROWS, msg), msg) : rc;
	for (i = 0; i < n; i++)
		add_match(ix, ids[i]);
	ix->halves = 1;
	return rc;
}

/* Collect the positions of the papers the query matches. */
static int
run_query(struct index *ix, struct buf *msg)
{
	if (ix->narrow) {
		scan_forms(ix);
		return 0;
	}
	if (ask_helper(ix) == 0) {
		if (ix->split_hook)
			ix->split_hook(ix->split_arg);
		return run_halves(ix, msg);
	}
	return add_rows(ix, prep_query(ix, ALL_ROWS, msg), msg);
}

/* Add the papers of lib (read from the store) that model/search.c matches with typed; frees lib. */
static int
add_found(struct index *ix, struct lib *lib, const struct buf *typed, struct buf *msg)
{
	struct search *se = search_new(lib);
	sqlite3_stmt *key = store_prep(ix->s, "SELECT id FROM papers WHERE key = ?", msg);
	size_t i;

	search_set(se, typed->buf, typed->len);
	for (i = 0; key && i < lib_npapers(lib); i++) {
		if (!search_paper(se, i))
			continue;
		sqlite3_bind_text(key, 1, lib_paper(lib, i)->key, -1, SQLITE_STATIC);
		if (sqlite3_step(key) == SQLITE_ROW)
			add_match(ix, sqlite3_column_int64(key, 0));
		sqlite3_reset(key);
	}
	sqlite3_finalize(key);
	search_free(se);
	lib_free(lib);
	return key ? 0 : -1;
}

/* Search the papers not indexed yet one by one (model/search.c), when they are few. */
static int
scan_pending(struct index *ix, const struct buf *typed, struct buf *msg)
{
	int64_t *ids = NULL;
	long n = store_ids(ix->s, "SELECT id FROM fts_todo", 0, &ids, msg);
	struct lib *lib = NULL;

	if (n > INDEX_SCAN_MAX)
		ix->pending = (size_t)n;
	if (n <= 0 || n > INDEX_SCAN_MAX || (lib = replay_ids(ix->s, ids, (size_t)n, NULL, NULL, msg)) == NULL) {
		free(ids);
		return n < 0 || (n > 0 && n <= INDEX_SCAN_MAX) ? -1 : 0;
	}
	free(ids);
	return add_found(ix, lib, typed, msg);
}

/*
 * Keep of the FTS5 query's matches those model/search.c matches, each
 * read from its records, when they are at most INDEX_SCAN_MAX; beyond
 * that the matches are not known (inexact).
 */
static int
verify(struct index *ix, const struct buf *typed, struct buf *msg)
{
	size_t nw = ix->bits ? ix->norder / 64 + 1 : 0, w, k, n = 0;
	int64_t *ids;
	struct lib *lib;

	for (w = 0; w < nw; w++)
		n += (size_t)__builtin_popcountll(ix->bits[w]);
	if (n > INDEX_SCAN_MAX) {
		ix->inexact = 1;
		return 0;
	}
	ids = xcalloc(n + 1, sizeof *ids);
	for (w = 0, n = 0; w < nw; w++) {
		for (k = 0; k < 64; k++)
			if (ix->bits[w] >> k & 1)
				ids[n++] = ix->order[w * 64 + k];
		ix->bits[w] = 0;
	}
	lib = n ? replay_ids(ix->s, ids, n, NULL, NULL, msg) : NULL;
	free(ids);
	if (n == 0)
		return 0;
	return lib ? add_found(ix, lib, typed, msg) : -1;
}

/* Papers the last query could not search. */
size_t
index_pending(const struct index *ix)
{
	return ix->pending;
}

/* Load the display order and the narrow forms now. */
int
index_warm(struct index *ix, struct buf *msg)
{
	int rc;

	if (store_exec(ix->s, "BEGIN", msg) < 0)
		return -1;
	rc = load_order(ix, msg);
	sqlite3_exec(ix->s->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/*
 * Run query form f in one read transaction (sf its search form, typed
 * what was typed); split: the helper may read half.  0, or -1 with msg.
 */
static int
search_once(struct index *ix, const struct buf *typed, const struct buf *sf, const struct buf *f, int split,
    struct buf *msg)
{
	int rc;

	if (store_exec(ix->s, "BEGIN", msg) < 0)
		return -1;
	ix->pending = 0;
	ix->may_split = split;
	ix->halves = 0;
	make_query(ix, f, search_form_short(sf->buf, sf->len));
	rc = load_order(ix, msg);
	if (rc == 0)
		rc = run_query(ix, msg);
	if (rc == 0 && ix->verify)
		rc = verify(ix, typed, msg);
	if (rc == 0 && !ix->narrow)
		rc = scan_pending(ix, typed, msg);
	sqlite3_exec(ix->s->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/*
 * True when another connection committed since the last query's read
 * transaction began (so since the helper's began too, when it helped).
 */
static int
moved(struct index *ix)
{
	long long v[2];

	version(ix, v);
	return v[0] != ix->version[0];
}

/* Set the query. */
long
index_set(struct index *ix, const char *q, size_t n, struct buf *msg)
{
	struct buf typed = BUF_INIT, sf = BUF_INIT, f = BUF_INIT;
	int rc = 0;

	buf_init(&typed);
	buf_init(&sf);
	buf_init(&f);
	ix->nmatch = 0;
	ix->pending = 0;
	text_clean(&typed, q, n, TEXT_ONELINE);
	text_search_form(&sf, typed.buf, typed.len, NULL, NULL);
	indexer_marks(&f, sf.buf, sf.len);	/* indexer_form, keeping the search form for the short rule */
	if (f.len) {
		rc = search_once(ix, &typed, &sf, &f, 1, msg);
		if (rc == 0 && ix->halves && moved(ix)) {
			/* another snapshot, maybe: again, alone (load_order reloads, bits and all) */
			rc = search_once(ix, &typed, &sf, &f, 0, msg);
		}
	}
	buf_free(&typed);
	buf_free(&sf);
	buf_free(&f);
	collect_matches(ix);
	if (rc < 0) {
		ix->nmatch = 0;
		return -1;
	}
	return (long)ix->nmatch;
}

/* Split queries from min papers up. */
void
index_set_split(struct index *ix, size_t min)
{
	ix->split_min = min;
}

/* Run fn(arg) once the helper is asked. */
void
index_set_split_hook(struct index *ix, void (*fn)(void *), void *arg)
{
	ix->split_hook = fn;
	ix->split_arg = arg;
}

/* Number of matches. */
size_t
index_count(const struct index *ix)
{
	return ix->nmatch;
}

/* The key of paper id. */
static int
key_of(struct index *ix, int64_t id, struct buf *key)
{
	sqlite3_stmt *st = store_prep(ix->s, "SELECT key FROM papers WHERE id = ?", NULL);
	int rc = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		buf_puts(key, store_col(st, 0));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The key of match i. */
int
index_key(struct index *ix, size_t i, struct buf *key)
{
	if (i >= ix->nmatch)
		return -1;
	return key_of(ix, ix->order[ix->match[i]], key);
}

/* First match at or after position p. */
static size_t
lower_bound(const struct index *ix, uint32_t p)
{
	size_t lo = 0, hi = ix->nmatch;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ix->match[mid] < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Rank of a paper among the matches. */
long
index_rank(struct index *ix, const char *key, int *is_match)
{
	sqlite3_stmt *st = store_prep(ix->s, "SELECT id FROM papers WHERE key = ?", NULL);
	long p = -1;
	size_t r;

	*is_match = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		p = pos_of(ix, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (p < 0)
		return -1;
	r = lower_bound(ix, (uint32_t)p);
	*is_match = r < ix->nmatch && ix->match[r] == (uint32_t)p;
	return (long)r;
}

/* Compare ranks. */
static int
size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The matches of one day, as ranks. */
long
index_day(struct index *ix, const char *day, size_t **out, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(ix->s, "SELECT paper FROM paper_days WHERE day = ?", msg);
	size_t n = 0, alloc = 16;
	int rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	*out = xcalloc(alloc, sizeof **out);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long p = pos_of(ix, sqlite3_column_int64(st, 0));
		size_t r;

		if (p < 0)
			continue;
		r = lower_bound(ix, (uint32_t)p);
		if (r == ix->nmatch || ix->match[r] != (uint32_t)p)
			continue;
		ALLOC_GROW(*out, n + 1, alloc);
		(*out)[n++] = r;
	}
	if (rc != SQLITE_DONE)
		buf_printf(msg, "store '%s': %s", ix->s->path, sqlite3_errmsg(ix->s->db));
	sqlite3_finalize(st);
	qsort(*out, n, sizeof **out, size_cmp);
	return rc == SQLITE_DONE ? (long)n : -1;
}

/* The best matches by relevance. */
long
index_ranked(struct index *ix, size_t max, struct buf *keys, struct buf *msg)
{
	sqlite3_stmt *st;
	size_t n = 0;
	int rc = SQLITE_DONE;

	if (ix->nmatch == 0 || max == 0)
		return 0;
	if (ix->narrow) {
		for (n = 0; n < max && n < ix->nmatch; n++) {
			index_key(ix, n, keys);
			buf_addch(keys, '\n');
		}
		return (long)n;
	}
	st = store_prep(ix->s, "SELECT p.key FROM fts JOIN papers p ON p.id = fts.rowid"
	    " WHERE fts MATCH ?1 ORDER BY bm25(fts, 10.0, 4.0, 4.0, 1.0) LIMIT ?2", msg);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, ix->q.buf, (int)ix->q.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_puts(keys, store_col(st, 0));
		buf_addch(keys, '\n');
		n++;
	}
	if (rc != SQLITE_DONE)
		buf_printf(msg, "store '%s': %s", ix->s->path, sqlite3_errmsg(ix->s->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? (long)n : -1;
}

/* True when the matches can be given as the bound library's papers. */
static int
answers_lib(const struct index *ix)
{
	size_t np = ix->lib ? lib_npapers(ix->lib) : 0;

	return ix->lib && !ix->pending && !ix->inexact && ix->norder == np && ix->nmapped == np;
}

/* Answer index_hits for lib's papers from now on. */
void
index_bind(struct index *ix, const struct lib *lib)
{
	ix->lib = lib;
	if (lib)
		ix->version[0] = -1;	/* map the positions again (none to map for no library) */
}

/* Set the query and mark the bound library's papers that match. */
long
index_hits(struct index *ix, const char *q, size_t n, uint8_t *hit, struct buf *msg)
{
	long r = index_set(ix, q, n, msg);
	size_t np = ix->lib ? lib_npapers(ix->lib) : 0, i;

	if (r < 0)
		return -1;
	if (!answers_lib(ix))
		return -2;
	memset(hit, 0, np);
	for (i = 0; i < ix->nmatch; i++)
		hit[ix->tolib[ix->match[i]]] = 1;
	return r;
}

/* Add the match at position p to out unless seen; mark it seen. */
static void
add_best(const struct index *ix, uint32_t p, uint8_t *seen, uint32_t *out, size_t *n)
{
	if (seen[p])
		return;
	seen[p] = 1;
	out[(*n)++] = ix->tolib[p];
}

/* Append the matches FTS5 ranks, best first; -1 with msg. */
static int
rank_fts(struct index *ix, uint8_t *seen, uint32_t *out, size_t *n, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(ix->s, "SELECT rowid FROM fts WHERE fts MATCH ?1"
	    " ORDER BY bm25(fts, 10.0, 4.0, 4.0, 1.0)", msg);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, ix->q.buf, (int)ix->q.len, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long p = pos_of(ix, sqlite3_column_int64(st, 0));
		size_t r = p < 0 ? ix->nmatch : lower_bound(ix, (uint32_t)p);

		if (r < ix->nmatch && ix->match[r] == (uint32_t)p)
			add_best(ix, (uint32_t)p, seen, out, n);
	}
	if (rc != SQLITE_DONE)
		buf_printf(msg, "store '%s': %s", ix->s->path, sqlite3_errmsg(ix->s->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The bound library's matches, best first. */
long
index_best(struct index *ix, uint32_t **out, struct buf *msg)
{
	uint8_t *seen;
	size_t n = 0, i;
	int rc = 0;

	*out = NULL;
	if (!answers_lib(ix))
		return -2;
	*out = xcalloc(ix->nmatch + 1, sizeof **out);
	seen = xcalloc(ix->norder + 1, 1);
	if (!ix->narrow && ix->nmatch && store_exec(ix->s, "BEGIN", msg) == 0) {
		rc = rank_fts(ix, seen, *out, &n, msg);
		sqlite3_exec(ix->s->db, "COMMIT", NULL, NULL, NULL);
	} else if (!ix->narrow && ix->nmatch) {
		rc = -1;
	}
	for (i = 0; rc == 0 && i < ix->nmatch; i++)
		add_best(ix, ix->match[i], seen, *out, &n);	/* the rest (scanned, short) in display order */
	free(seen);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return (long)n;
}
