/* store/cover.c: a long phrase found through a third of its trigrams (see store/cover.h). */
#include "store/cover.h"
#include "text/text.h"

#include <string.h>

/* An empty cover. */
void
cover_init(struct cover *c)
{
	buf_init(&c->q);
	c->n = 0;
}

/* Free the query. */
void
cover_free(struct cover *c)
{
	buf_free(&c->q);
	c->n = 0;
}

/* Append s as one FTS5 string. */
void
cover_quote(struct buf *q, const char *s, size_t n)
{
	size_t i;

	buf_addch(q, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addch(q, '"');
		buf_addch(q, s[i]);
	}
	buf_addch(q, '"');
}

/* Trigrams in the cover of a phrase of n >= 3 code points: 0, 3, ... below n - 3, then n - 3. */
static size_t
cover_len(size_t n)
{
	return (n - 3 + 2) / 3 + 1;
}

/* Make the cover of f. */
int
cover_make(struct cover *c, const char *f, size_t len)
{
	size_t at[COVER_MAX * 3 + 3], n = 0, i = 0, k, start;

	buf_setlen(&c->q, 0);
	c->n = 0;
	while (i < len && n < sizeof at / sizeof *at - 1) {
		at[n++] = i;
		text_decode(f, len, &i);
	}
	/* under five code points no cover is shorter than the phrase */
	if (i < len || n < 5 || cover_len(n) > COVER_MAX)
		return 0;
	at[n] = len;
	for (k = 0; k < cover_len(n); k++) {
		start = k * 3 < n - 3 ? k * 3 : n - 3;
		if (k)
			buf_puts(&c->q, " AND ");
		cover_quote(&c->q, f + at[start], at[start + 3] - at[start]);
		c->off[k] = (int32_t)start;
	}
	c->n = k;
	return 1;
}

/* Where phrase k's current instance says the phrase starts, its column above: one order for both. */
struct inst {
	Fts5PhraseIter it;
	int col, off;
	int32_t d;		/* the trigram's offset in the phrase */
};

/*
 * The instance's phrase start as one number that orders (column, start):
 * starts lie within +-2^31, so columns 2^32 apart never meet.
 */
static int64_t
start_of(const struct inst *p)
{
	return ((int64_t)p->col << 32) + p->off - p->d;
}

/*
 * 1 when the row has every phrase at its offset from one start in one
 * column, else 0: a merge of the phrases' instances (each in (column,
 * offset) order), advancing whichever is behind the furthest; each
 * instance is passed once.  FTS5's error code (negated) when it cannot
 * give them.
 */
static int
aligned(const Fts5ExtensionApi *api, Fts5Context *fc, struct inst *p, size_t n)
{
	int64_t want = INT64_MIN;
	size_t k;
	int agree, rc;

	for (k = 0; k < n; k++) {
		if ((rc = api->xPhraseFirst(fc, (int)k, &p[k].it, &p[k].col, &p[k].off)) != SQLITE_OK)
			return -rc;
		if (p[k].col < 0)
			return 0;
	}
	for (;;) {
		for (k = 0; k < n; k++)
			if (start_of(&p[k]) > want)
				want = start_of(&p[k]);
		agree = 1;
		for (k = 0; k < n; k++) {
			while (start_of(&p[k]) < want) {
				api->xPhraseNext(fc, &p[k].it, &p[k].col, &p[k].off);
				if (p[k].col < 0)
					return 0;
			}
			agree &= start_of(&p[k]) == want;
		}
		if (agree)
			return 1;
	}
}

/* pb_cover(fts, offsets): 1 when the row holds the phrase whose cover the query is. */
static void
cover_fn(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *cx, int nval, sqlite3_value **val)
{
	struct inst p[COVER_MAX];
	int nphrase = api->xPhraseCount(fc), rc;
	size_t k, n = (size_t)nphrase;

	if (nval != 1 || nphrase < 1 || nphrase > COVER_MAX ||
	    (size_t)sqlite3_value_bytes(val[0]) != n * sizeof p[0].d) {
		sqlite3_result_error(cx, "pb_cover: the offsets do not fit the query", -1);
		return;
	}
	for (k = 0; k < n; k++)
		memcpy(&p[k].d, (const char *)sqlite3_value_blob(val[0]) + k * sizeof p[k].d, sizeof p[k].d);
	rc = aligned(api, fc, p, n);
	if (rc < 0)
		sqlite3_result_error_code(cx, -rc);	/* as the phrase query would fail */
	else
		sqlite3_result_int(cx, rc);
}

/* FTS5's API on db, or NULL. */
static fts5_api *
fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

/* Register pb_cover on db. */
int
cover_register(sqlite3 *db)
{
	fts5_api *api = fts5_of(db);

	if (api == NULL || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "pb_cover", NULL, cover_fn, NULL) == SQLITE_OK ? 0 : -1;
}
