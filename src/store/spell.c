/* store/spell.c: the whole library's category spellings, kept for the parts of it read alone. */
#include "store/intern.h"
#include "store/indexer.h"
#include "base/alloc.h"
#include "model/catspell.h"

#include <stdlib.h>
#include <string.h>

/* The papers' merged category lists, each once with how many papers give it (through the index papers_cats). */
static const char lists_sql[] = "SELECT cats, count(*) FROM papers WHERE cats IS NOT NULL GROUP BY cats";

/* The kept spellings, copies into *v (*n of them; kept_free frees them); -1 with msg. */
static int
kept(struct store *s, char ***v, size_t *n, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "SELECT name FROM cat_spellings", msg);
	size_t alloc = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*v, *n + 1, alloc);
		(*v)[(*n)++] = xstrdup(store_col(st, 0));
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	return rc;
}

/* Free what kept() gave. */
static void
kept_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* lib_prefer_cats with the kept spellings (see intern.h). */
int
spell_prefer(struct store *s, struct lib *lib, struct buf *msg)
{
	char **v;
	size_t n;
	int rc = kept(s, &v, &n, msg);

	if (rc == 0)
		lib_prefer_cats(lib, (const char *const *)v, n);
	kept_free(v, n);
	return rc;
}

/* Keep names[0..n) as the spellings, in the caller's write transaction; -1 with msg. */
static int
write_names(struct store *s, const char *const *names, size_t n, struct buf *msg)
{
	if (store_exec(s, "DELETE FROM cat_spellings", msg) < 0)
		return -1;
	return store_insert_texts(s, "INSERT INTO cat_spellings VALUES (?1)", names, n, msg);
}

/* Keep lib's choices (see intern.h). */
int
spell_write(struct store *s, const struct lib *lib, struct buf *msg)
{
	size_t n;
	const char *const *v = lib_cat_choices(lib, &n);

	return write_names(s, v, n, msg);
}

/*
 * Call fn on each category list of the papers (lists_sql): the list split
 * into its names, how many papers give it, and its text.  A list that
 * cannot be split is left out: the light library, which reads it too,
 * says so and is parsed instead.  -1 with msg.
 */
static int
each_list(struct store *s, void (*fn)(void *, const char **, size_t, uint32_t, const char *), void *arg,
    struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, lists_sql, msg);
	struct buf row;
	const char **v = NULL;
	size_t nv, av = 0;
	int rc;

	if (st == NULL)
		return -1;
	buf_init(&row);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = store_col(st, 0);

		buf_setlen(&row, 0);
		buf_puts(&row, text);
		nv = 0;
		if (light_split(row.buf, &v, &nv, &av) >= 0)
			fn(arg, v, nv, (uint32_t)sqlite3_column_int64(st, 1), text);
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	buf_free(&row);
	free(v);
	return rc;
}

/* each_list's fn: count the names of a list given by n papers. */
static void
count_list(void *arg, const char **v, size_t nv, uint32_t n, const char *text)
{
	size_t k;

	(void)text;
	for (k = 0; k < nv; k++)
		catspell_count(arg, v[k], n);
}

/* The lists of categories with a name in a marked group (each_list's arg). */
struct pick {
	struct catspell *c;
	const uint8_t *marked;
	char **lists;
	size_t n, alloc;
};

/* each_list's fn: keep the list when a name of it is in a marked group. */
static void
pick_list(void *arg, const char **v, size_t nv, uint32_t n, const char *text)
{
	struct pick *pk = arg;
	size_t k;

	(void)n;
	for (k = 0; k < nv; k++)
		if (pk->marked[catspell_group(pk->c, catspell_get(pk->c, v[k]))]) {
			ALLOC_GROW(pk->lists, pk->n + 1, pk->alloc);
			pk->lists[pk->n++] = xstrdup(text);
			return;
		}
}

/* Free the lists a pick kept. */
static void
pick_free(struct pick *pk)
{
	size_t i;

	for (i = 0; i < pk->n; i++)
		free(pk->lists[i]);
	free(pk->lists);
}

/* A paper of a list, at its place in reading order. */
struct placed {
	int64_t first, id;
	size_t list;
};

/* qsort: reading order. */
static int
placed_cmp(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/*
 * The papers that give one of lists[0..n), into *v (caller frees): in
 * reading order when ordered, else with first 0 and in no order.  How
 * many, or -1 with msg.
 */
static long
placed_papers(struct store *s, int ordered, char **lists, size_t n, struct placed **v, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, ordered ? "SELECT " FIRST_REC_SQL ", p.id FROM papers p WHERE p.cats = ?" :
	    "SELECT 0, p.id FROM papers p WHERE p.cats = ?", msg);
	size_t i, k = 0, alloc = 0;
	int rc = SQLITE_DONE;

	*v = NULL;
	for (i = 0; st && i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st, 1, lists[i], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			ALLOC_GROW(*v, k + 1, alloc);
			(*v)[k].first = sqlite3_column_int64(st, 0);
			(*v)[k].id = sqlite3_column_int64(st, 1);
			(*v)[k++].list = i;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (st == NULL || store_step_done(s, rc, msg) < 0)
		return -1;
	if (ordered)
		qsort(*v, k, sizeof **v, placed_cmp);
	return (long)k;
}

/*
 * Count the papers of lists[0..n) one by one in reading order into a new
 * table, and give each tied group of c its spelling there: the one that
 * reached the top count first, as lib_finish counts.  -1 with msg.
 */
static int
count_in_order(struct store *s, struct catspell *c, const uint8_t *tied, char **lists, size_t n,
    struct buf *msg)
{
	struct placed *v;
	long np = placed_papers(s, 1, lists, n, &v, msg), i;
	struct catspell *o = catspell_new(1);
	struct buf row;
	const char **names = NULL;
	size_t nn, an = 0, k;

	buf_init(&row);
	for (i = 0; i < np; i++) {
		buf_setlen(&row, 0);
		buf_puts(&row, lists[v[i].list]);
		nn = 0;
		if (light_split(row.buf, &names, &nn, &an) >= 0)
			count_list(o, names, nn, 1, NULL);
	}
	for (k = 0; np >= 0 && k < catspell_ngroups(o); k++) {
		const char *best = catspell_name(o, catspell_best(o, (uint32_t)k));

		if (tied[catspell_group(c, catspell_get(c, best))])
			catspell_prefer(c, best);
	}
	buf_free(&row);
	free(names);
	free(v);
	catspell_free(o);
	return np < 0 ? -1 : 0;
}

/*
 * The papers' merged categories counted as lib_finish counts them; caller
 * frees with catspell_free, NULL with msg.  A list given by n papers
 * counts n at once: the counts are the same, but a tie goes by the order,
 * so the papers of the tied groups' lists are counted again in reading
 * order (those alone decide those groups).
 */
static struct catspell *
count_papers(struct store *s, struct buf *msg)
{
	struct catspell *c = catspell_new(1);
	struct pick pk;
	int rc = each_list(s, count_list, c, msg);
	uint8_t *tied = xcalloc(catspell_ngroups(c) + 1, 1);
	size_t nt = catspell_ties(c, tied);

	memset(&pk, 0, sizeof pk);
	pk.c = c;
	pk.marked = tied;
	if (rc == 0 && nt && (rc = each_list(s, pick_list, &pk, msg)) == 0)
		rc = count_in_order(s, c, tied, pk.lists, pk.n, msg);
	pick_free(&pk);
	free(tied);
	if (rc < 0) {
		catspell_free(c);
		return NULL;
	}
	return c;
}

/*
 * Mark in changed[] (of catspell_ngroups entries; caller frees) the
 * groups whose spelling is not the kept one: chosen otherwise, chosen
 * now or no more.  Returns how many.
 */
static size_t
changed_groups(struct catspell *c, char **old, size_t nold, uint8_t **changed)
{
	const char **was;
	size_t i, n = 0, ng;

	for (i = 0; i < nold; i++)
		catspell_get(c, old[i]);	/* its group, added when no paper gives it now */
	ng = catspell_ngroups(c);
	was = xcalloc(ng ? ng : 1, sizeof *was);
	*changed = xcalloc(ng ? ng : 1, 1);
	for (i = 0; i < nold; i++)
		was[catspell_group(c, catspell_get(c, old[i]))] = old[i];
	for (i = 0; i < ng; i++) {
		const char *now = catspell_choice(c, (uint32_t)i);

		(*changed)[i] = (now == NULL) != (was[i] == NULL) || (now && strcmp(now, was[i]) != 0);
		n += (*changed)[i];
	}
	free(was);
	return n;
}

/* The ids of the papers that give one of lists[0..n) into *ids (caller frees): how many, or -1 with msg. */
static long
papers_of_lists(struct store *s, char **lists, size_t n, int64_t **ids, struct buf *msg)
{
	struct placed *v;
	long k = placed_papers(s, 0, lists, n, &v, msg), i;

	*ids = xcalloc(k > 0 ? (size_t)k : 1, sizeof **ids);
	for (i = 0; i < k; i++)
		(*ids)[i] = v[i].id;
	free(v);
	return k;
}

/*
 * Papers ids[0..n) spelled otherwise from now on: out of the index as
 * they went in (under the kept spellings, not yet replaced), and waiting
 * to go in again; -1 with msg.
 */
static int
unindex(struct store *s, const int64_t *ids, size_t n, struct buf *msg)
{
	int64_t *in = xcalloc(n + 1, sizeof *in);
	long k = indexer_indexed(s, ids, n, in, msg);
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc = k < 0 || (k > 0 && indexer_remove(s, in, (size_t)k, msg) < 0) ? -1 : 0;

	free(in);
	if (rc == 0 && (st = store_prep(s, "INSERT OR IGNORE INTO fts_todo VALUES (?)", msg)) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		rc = store_step_done(s, sqlite3_step(st), msg);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Write the narrow forms of papers ids[0..n) again, as the kept spellings spell them; -1 with msg. */
static int
renarrow(struct store *s, const int64_t *ids, size_t n, struct buf *msg)
{
	struct lib *lib = replay_ids(s, ids, n, NULL, NULL, msg);
	sqlite3_stmt *st = lib ? store_prep(s, "UPDATE papers SET nform = ? WHERE key = ?", msg) : NULL;
	struct buf f;
	size_t i;
	int rc = st ? 0 : -1;

	buf_init(&f);
	for (i = 0; rc == 0 && i < lib_npapers(lib); i++) {
		indexer_narrow(&f, lib_paper(lib, i));
		sqlite3_bind_text(st, 1, f.buf, (int)f.len, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, lib_paper(lib, i)->key, -1, SQLITE_STATIC);
		rc = store_step_done(s, sqlite3_step(st), msg);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	buf_free(&f);
	lib_free(lib);
	return rc;
}

/* The papers of the changed groups into *ids (caller frees): how many, or -1 with msg. */
static long
changed_papers(struct store *s, struct catspell *c, int64_t **ids, struct buf *msg)
{
	struct pick pk;
	uint8_t *changed = NULL;
	char **old;
	size_t nold;
	long n = kept(s, &old, &nold, msg) < 0 ? -1 : 0;

	*ids = NULL;
	memset(&pk, 0, sizeof pk);
	pk.c = c;
	if (n == 0 && changed_groups(c, old, nold, &changed) > 0) {
		pk.marked = changed;
		n = each_list(s, pick_list, &pk, msg) < 0 ? -1 : papers_of_lists(s, pk.lists, pk.n, ids, msg);
	}
	pick_free(&pk);
	free(changed);
	kept_free(old, nold);
	return n;
}

/*
 * Keep the choices the papers' rows make (see intern.h).  A paper's index
 * rows and narrow form spell its categories as the kept spellings did
 * when they were written; the papers of a group whose spelling changes
 * come out of the index under the old one and are written again under
 * the new.
 */
int
spell_update(struct store *s, struct buf *msg)
{
	struct catspell *c = count_papers(s, msg);
	const char **v = NULL;
	int64_t *ids = NULL;
	long n = c ? changed_papers(s, c, &ids, msg) : -1;
	int rc = n < 0 || (n > 0 && unindex(s, ids, (size_t)n, msg) < 0) ? -1 : 0;
	size_t nv = rc == 0 ? catspell_choices(c, &v) : 0;

	if (rc == 0)
		rc = write_names(s, v, nv, msg);
	if (rc == 0 && n > 0)
		rc = renarrow(s, ids, (size_t)n, msg);
	free(v);
	free(ids);
	catspell_free(c);
	return rc;
}
