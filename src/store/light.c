/* store/light.c: the light library, read from the merged papers' rows with no parse and no merge. */
#include "store/intern.h"
#include "base/alloc.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/*
 * Every paper (or every paper of day ?1) with its light fields, its days
 * (each ended by CATS_SEP) and the place of its first record in reading
 * order: papers added in that order get the order a parse gives them
 * (struct paper's pos).
 */
#define PAPERS_COLS \
"SELECT p.aid, p.title, p.cats, -p.nvotes, p.utext," \
" (SELECT group_concat(d.day || " CATS_SEP_SQL ", '') FROM paper_days d WHERE d.paper = p.id)," \
" p.id, " FIRST_REC_SQL " AS first FROM papers p"
#define DAY_PAPERS_SQL "SELECT paper FROM paper_days WHERE day = ?1"
static const char *const papers_sql[LIGHT_NPARTS] = {
	[LIGHT_ALL] = PAPERS_COLS " ORDER BY first, p.id",
	[LIGHT_DAY] = PAPERS_COLS " WHERE p.id IN (" DAY_PAPERS_SQL ") ORDER BY first, p.id",
	[LIGHT_WINDOW] = PAPERS_COLS " WHERE p.id IN (" DAY_PAPERS_SQL ") ORDER BY first, p.id",
	/* and the papers of the keys in temp.tk_keys, each looked up */
	[LIGHT_WINDOW_KEYS] = PAPERS_COLS " WHERE p.id IN (" DAY_PAPERS_SQL
	" UNION SELECT k.id FROM temp.tk_keys t CROSS JOIN papers k ON k.key = t.k) ORDER BY first, p.id",
};
/*
 * The days, in the order they were first seen; or those of the papers of
 * day ?1; or all with their papers' counts (a window).
 */
#define WINDOW_DAYS_SQL "SELECT label, kind, n FROM days ORDER BY dkey, label"
static const char *const days_sql[LIGHT_NPARTS] = {
	[LIGHT_ALL] = "SELECT label, kind FROM days ORDER BY dkey, label",
	[LIGHT_DAY] = "SELECT label, kind FROM days WHERE label IN (SELECT day FROM paper_days WHERE paper IN"
	" (" DAY_PAPERS_SQL ")) ORDER BY dkey, label",
	[LIGHT_WINDOW] = WINDOW_DAYS_SQL,
	[LIGHT_WINDOW_KEYS] = WINDOW_DAYS_SQL,
};

/* What one row holds, split: its strings point into the statement's row or into lists. */
struct lrow {
	struct buf lists;	/* the row's categories and days, copied to be split */
	const char **v;		/* categories, then days, in lists */
	size_t nv, av;
	struct buf undated;	/* the undated group's label ("" when none) */
};

/* Column i as clean text, or NULL (absent); -1 when it is not clean text. */
static int
col_text(sqlite3_stmt *st, int i, const char **out)
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	*out = t;
	if (t == NULL)
		return 0;
	return text_is_clean(t, (size_t)sqlite3_column_bytes(st, i)) ? 0 : -1;
}

/* Column i as a list (see light_split), or NULL (absent). */
static const char *
col_list(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Split a list of items each ended by CATS_SEP, in place (see intern.h). */
long
light_split(char *s, const char ***v, size_t *nv, size_t *av)
{
	size_t n = 0;
	char *e;

	while (s && *s) {
		if ((e = strchr(s, CATS_SEP)) == NULL || e == s)
			return -1;
		*e = '\0';
		if (!text_is_clean(s, (size_t)(e - s)))
			return -1;
		ALLOC_GROW(*v, *nv + 1, *av);
		(*v)[(*nv)++] = s;
		n++;
		s = e + 1;
	}
	return (long)n;
}

/* Add the paper of the current row to lib; -1 when the row is damaged. */
static int
add_row(struct lib *lib, sqlite3_stmt *st, struct lrow *lr)
{
	struct rec r;
	struct block b;
	const char *utext, *cats, *days;
	long nc, nd;
	size_t i, at;

	memset(&r, 0, sizeof r);
	memset(&b, 0, sizeof b);
	cats = col_list(st, 2);
	days = col_list(st, 5);
	if (col_text(st, 0, &r.id) < 0 || col_text(st, 1, &r.title) < 0 || col_text(st, 4, &utext) < 0 ||
	    days == NULL)
		return -1;
	lr->nv = 0;
	buf_setlen(&lr->lists, 0);
	buf_puts(&lr->lists, cats ? cats : "");
	at = lr->lists.len + 1;		/* the days, after the categories' NUL */
	buf_add(&lr->lists, "", 1);
	buf_puts(&lr->lists, days);
	if ((nc = light_split(lr->lists.buf, &lr->v, &lr->nv, &lr->av)) < 0 ||
	    (nd = light_split(lr->lists.buf + at, &lr->v, &lr->nv, &lr->av)) <= 0)
		return -1;
	for (i = (size_t)nc; i < lr->nv; i++)
		if (lr->undated.len && strcmp(lr->v[i], lr->undated.buf) == 0)
			lr->v[i] = NULL;
	r.cats = lr->v;
	r.ncats = (size_t)nc;
	r.votes = (long)sqlite3_column_int64(st, 3);
	b.kind = BLOCK_PARA;
	b.text = utext;
	r.blocks = &b;
	r.nblocks = utext ? 1 : 0;
	return lib_add_merged(lib, &r, lr->v + nc, (size_t)nd) < 0 ? -1 : 0;
}

/*
 * Create the days in the order they were first seen (the store's day
 * keys keep it among labels of one date), and note the undated group's
 * label; -1 with msg.
 */
static int
add_days(struct store *s, struct lib *lib, enum light_part part, const char *day, struct lrow *lr,
    struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, days_sql[part], msg);
	int rc;

	if (st == NULL)
		return -1;
	rc = part == LIGHT_DAY ? sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC) : SQLITE_OK;
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *label = store_col(st, 0);

		if (sqlite3_column_int(st, 1) == DAY_NONE) {
			buf_setlen(&lr->undated, 0);
			buf_puts(&lr->undated, label);
			label = NULL;
		}
		if (part == LIGHT_WINDOW || part == LIGHT_WINDOW_KEYS)
			lib_add_day_count(lib, label, (size_t)sqlite3_column_int64(st, 2));
		else
			lib_add_day(lib, label);
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return rc;
}

/* Step st (its day bound) and add each row's paper to lib: SQLITE_DONE, -1 (a damaged row, said in msg) or the error. */
static int
add_papers(struct store *s, struct lib *lib, sqlite3_stmt *st, const char *day, struct lrow *lr,
    struct buf *msg)
{
	int rc = day ? sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC) : SQLITE_OK;

	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (add_row(lib, st, lr) < 0) {
			buf_printf(msg, "store '%s': paper %lld cannot be read", s->path,
			    (long long)sqlite3_column_int64(st, 6));
			return -1;
		}
	return rc;
}

/* The light library of every stored paper, or of one day's, or a window on a day (see intern.h). */
struct lib *
light_lib(struct store *s, enum light_part part, const char *day, struct buf *msg)
{
	struct lib *lib = lib_new();
	struct lrow lr;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	memset(&lr, 0, sizeof lr);
	buf_init(&lr.lists);
	buf_init(&lr.undated);
	lib_set_light(lib, 1);
	if (add_days(s, lib, part, day, &lr, msg) == 0 &&
	    (st = store_prep(s, papers_sql[part], msg)) != NULL)
		rc = add_papers(s, lib, st, part == LIGHT_ALL ? NULL : day, &lr, msg);
	if (st && rc != -1)	/* -1: a damaged row, said already */
		store_step_done(s, rc, msg);
	if (rc == SQLITE_DONE && part != LIGHT_ALL && spell_prefer(s, lib, msg) < 0)
		rc = -1;	/* a day alone: spelled as the whole library */
	sqlite3_finalize(st);
	free(lr.v);
	buf_free(&lr.lists);
	buf_free(&lr.undated);
	if (rc != SQLITE_DONE) {
		lib_free(lib);
		return NULL;
	}
	lib_finish(lib);
	return lib;
}
