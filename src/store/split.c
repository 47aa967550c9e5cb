/* store/split.c: the upper rows of a query, read on a helper thread (see store/split.h). */
#include "store/split.h"
#include "store/cover.h"
#include "store/intern.h"
#include "base/alloc.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* The helper waits this long for a lock (a checkpoint): then it says it failed. */
#define SPLIT_BUSY_MS 50
/* Its page cache, in KiB (the asking connection has its own). */
#define SPLIT_CACHE "PRAGMA cache_size = -8192"

enum split_state { SPLIT_IDLE, SPLIT_ASKED, SPLIT_DONE, SPLIT_QUIT };

/*
 * The question's fields are written by the asker while the state is
 * SPLIT_IDLE and read by the helper while it is SPLIT_ASKED; the answer's
 * the other way round, until SPLIT_DONE.  The state changes under mu.
 */
struct split {
	char *path;
	char *mark;		/* the asker's STORE_MARK_SQL */
	sqlite3 *db;		/* the helper's connection (opened by the helper) */
	int dead;		/* it could not open the store, or another file: never asked again */
	pthread_t th;
	int started;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	enum split_state state;
	const char *sql, *text;
	size_t ntext, nblob;
	const void *blob;
	int64_t from;
	int64_t *ids;		/* the answer */
	size_t nids, aids;
	int failed;
};

/* A helper for path. */
struct split *
split_new(const char *path, const char *mark)
{
	struct split *sp = xcalloc(1, sizeof *sp);

	sp->path = xstrdup(path);
	sp->mark = xstrdup(mark);
	pthread_mutex_init(&sp->mu, NULL);
	pthread_cond_init(&sp->cv, NULL);
	return sp;
}

/* True when db's store has the mark mark. */
static int
same_store(sqlite3 *db, const char *mark)
{
	sqlite3_stmt *st = NULL;
	int same = sqlite3_prepare_v2(db, STORE_MARK_SQL, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    strcmp((const char *)sqlite3_column_text(st, 0), mark) == 0;

	sqlite3_finalize(st);
	return same;
}

/* Open the helper's connection (on the helper); -1 when it cannot, or finds another store. */
static int
helper_open(struct split *sp)
{
	if (sp->db)
		return 0;
	if (sqlite3_open_v2(sp->path, &sp->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(sp->db, SPLIT_BUSY_MS);
		if (cover_register(sp->db) == 0 && same_store(sp->db, sp->mark)) {
			sqlite3_exec(sp->db, SPLIT_CACHE, NULL, NULL, NULL);
			return 0;
		}
	}
	sqlite3_close(sp->db);
	sp->db = NULL;
	return -1;
}

/* Read the question's rowids into the answer (on the helper); -1 when it cannot, -2 without a store. */
static int
helper_read(struct split *sp)
{
	sqlite3_stmt *st = NULL;
	int rc;

	sp->nids = 0;
	if (helper_open(sp) < 0)
		return -2;
	if (sqlite3_prepare_v2(sp->db, sp->sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return -1;
	}
	split_bind(st, sp->text, sp->ntext, sp->blob, sp->nblob, sp->from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(sp->ids, sp->nids + 1, sp->aids);
		sp->ids[sp->nids++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Bind a question's parameters. */
void
split_bind(sqlite3_stmt *st, const char *text, size_t ntext, const void *blob, size_t nblob, int64_t from)
{
	sqlite3_bind_text(st, 1, text, (int)ntext, SQLITE_STATIC);
	if (blob)
		sqlite3_bind_blob(st, 2, blob, (int)nblob, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int64(st, 3, from);
}

/* The helper: answer each question until told to quit. */
static void *
helper(void *arg)
{
	struct split *sp = arg;
	int rc;

	pthread_mutex_lock(&sp->mu);
	for (;;) {
		while (sp->state != SPLIT_ASKED && sp->state != SPLIT_QUIT)
			pthread_cond_wait(&sp->cv, &sp->mu);
		if (sp->state == SPLIT_QUIT)
			break;
		pthread_mutex_unlock(&sp->mu);
		rc = helper_read(sp);
		pthread_mutex_lock(&sp->mu);
		sp->failed = rc < 0;
		sp->dead = rc == -2;
		sp->state = SPLIT_DONE;
		pthread_cond_broadcast(&sp->cv);
	}
	pthread_mutex_unlock(&sp->mu);
	sqlite3_close(sp->db);
	return NULL;
}

/* Stop and free. */
void
split_free(struct split *sp)
{
	if (sp == NULL)
		return;
	if (sp->started) {
		pthread_mutex_lock(&sp->mu);
		while (sp->state == SPLIT_ASKED)
			pthread_cond_wait(&sp->cv, &sp->mu);
		sp->state = SPLIT_QUIT;
		pthread_cond_broadcast(&sp->cv);
		pthread_mutex_unlock(&sp->mu);
		pthread_join(sp->th, NULL);
	}
	pthread_mutex_destroy(&sp->mu);
	pthread_cond_destroy(&sp->cv);
	free(sp->ids);
	free(sp->path);
	free(sp->mark);
	free(sp);
}

/* Ask the helper. */
int
split_ask(struct split *sp, const char *sql, const char *text, size_t ntext,
    const void *blob, size_t nblob, int64_t from)
{
	if (!sp->started) {
		if (pthread_create(&sp->th, NULL, helper, sp) != 0)
			return -1;
		sp->started = 1;
	}
	pthread_mutex_lock(&sp->mu);
	if (sp->dead) {
		pthread_mutex_unlock(&sp->mu);
		return -1;
	}
	sp->sql = sql;
	sp->text = text;
	sp->ntext = ntext;
	sp->blob = blob;
	sp->nblob = nblob;
	sp->from = from;
	sp->state = SPLIT_ASKED;
	pthread_cond_broadcast(&sp->cv);
	pthread_mutex_unlock(&sp->mu);
	return 0;
}

/* Wait for the answer. */
long
split_answer(struct split *sp, const int64_t **ids)
{
	long n;

	pthread_mutex_lock(&sp->mu);
	while (sp->state == SPLIT_ASKED)
		pthread_cond_wait(&sp->cv, &sp->mu);
	n = sp->state == SPLIT_DONE && !sp->failed ? (long)sp->nids : -1;
	sp->state = SPLIT_IDLE;
	pthread_mutex_unlock(&sp->mu);
	*ids = sp->ids;
	return n;
}
