/* store/spell.c: the whole library's category spellings, kept for the parts of it read alone. */
#include "store/intern.h"
#include "base/alloc.h"
#include "model/catspell.h"

#include <stdlib.h>
#include <string.h>

/*
 * The papers' merged category lists: each list once with how many papers
 * give it (from the index papers_cats), or every paper's in reading order
 * (as light.c adds them).
 */
static const char *const cats_sql[2] = {
	"SELECT cats, count(*) FROM papers WHERE cats IS NOT NULL GROUP BY cats",
	"SELECT p.cats, 1, " FIRST_REC_SQL " AS first FROM papers p ORDER BY first, p.id",
};

/* lib_prefer_cats with the kept spellings (see intern.h). */
int
spell_prefer(struct store *s, struct lib *lib, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "SELECT name FROM cat_spellings", msg);
	const char **v = NULL;
	size_t n = 0, alloc = 0, i;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(v, n + 1, alloc);
		v[n++] = xstrdup(store_col(st, 0));
	}
	sqlite3_finalize(st);
	rc = store_step_done(s, rc, msg);
	if (rc == 0)
		lib_prefer_cats(lib, v, n);
	for (i = 0; i < n; i++)
		free((char *)v[i]);
	free(v);
	return rc;
}

/* Keep names[0..n) as the spellings, in the caller's write transaction; -1 with msg. */
static int
write_names(struct store *s, const char *const *names, size_t n, struct buf *msg)
{
	sqlite3_stmt *st;
	size_t i;
	int rc = SQLITE_DONE;

	if (store_exec(s, "DELETE FROM cat_spellings", msg) < 0 ||
	    (st = store_prep(s, "INSERT OR IGNORE INTO cat_spellings VALUES (?)", msg)) == NULL)
		return -1;
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return store_step_done(s, rc, msg);
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
 * Count every paper's merged categories into c, in reading order when
 * ordered (else a list given by n papers counts n at once, which decides
 * no tie alike but counts alike); -1 with msg.  A row that cannot be split is left out: the
 * light library, which reads it too, says so and is parsed instead.
 */
static int
count_rows(struct store *s, int ordered, struct catspell *c, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, cats_sql[ordered], msg);
	struct buf row = BUF_INIT;
	const char **v = NULL;
	size_t nv, av = 0, k;
	int rc;

	if (st == NULL)
		return -1;
	buf_init(&row);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_setlen(&row, 0);
		buf_puts(&row, store_col(st, 0));
		nv = 0;
		if (light_split(row.buf, &v, &nv, &av) < 0)
			continue;
		for (k = 0; k < nv; k++)
			catspell_count(c, v[k], (uint32_t)sqlite3_column_int64(st, 1));
	}
	rc = store_step_done(s, rc, msg);
	sqlite3_finalize(st);
	buf_free(&row);
	free(v);
	return rc;
}

/* Keep the papers' rows' choices (see intern.h). */
int
spell_update(struct store *s, struct buf *msg)
{
	struct catspell *c = catspell_new(1);
	const char **v = NULL;
	size_t n = 0;
	int rc = count_rows(s, 0, c, msg);

	if (rc == 0 && catspell_tied(c)) {
		/* a tie goes to the spelling that reached the count first: count again in order */
		catspell_free(c);
		c = catspell_new(1);
		rc = count_rows(s, 1, c, msg);
	}
	if (rc == 0) {
		n = catspell_choices(c, &v);
		rc = write_names(s, v, n, msg);
	}
	free(v);
	catspell_free(c);
	return rc;
}
