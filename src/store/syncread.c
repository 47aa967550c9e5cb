/* store/syncread.c: a sync's reading -- store the records of the inputs that changed (see store/syncint.h). */
#include "store/syncint.h"
#include "store/row.h"
#include "base/hashmap.h"
#include "base/queue.h"
#include "text/text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The records read are stored on a thread of their own (the writer), so
 * that SQLite's work runs beside the merging rather than after each
 * record of it.  The sink packs each record's row into a chunk; full
 * chunks go through a short queue to the writer, which alone uses the
 * connection until syncread_files joins it.  A chunk is a run of
 * entries: file id, seq, paper (-1: NULL), id, title key hash, text key
 * hash (0: NULL), label day, dated day and row, each text a length
 * (SIZE_MAX: NULL) and bytes.  From the id on, prep makes them on the
 * parsing threads; the sink adds the numbers in front.
 */
#define CHUNK_BYTES (1 << 18)
#define QUEUE_MAX 4

struct writer {
	struct sync *y;
	pthread_t tid;
	struct queue *full;		/* chunks to store, in order */
	struct queue *empty;		/* stored chunks, to fill again (their memory kept) */
	struct buf chunk[QUEUE_MAX + 1];	/* every chunk: filled, queued, being stored or empty */
	int running;			/* the thread runs (else chunks are stored here) */
	atomic_int failed;		/* a row could not be stored: the rest is dropped */
	struct buf *cur;		/* the chunk being filled (reading thread) */
};

/* Append an integer to a chunk. */
static void
put_int(struct buf *b, int64_t v)
{
	buf_add(b, &v, sizeof v);
}

/* Append a string (NULL too) to a chunk. */
static void
put_text(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : SIZE_MAX;

	buf_add(b, &n, sizeof n);
	if (s)
		buf_add(b, s, n);
}

/*
 * The hash (hash_str, never 0) of what fn appends to b for r, which is
 * then taken off again; 0 when fn appends nothing.
 */
static uint64_t
key_hash(struct buf *b, const struct rec *r, void (*fn)(struct buf *, const struct rec *))
{
	size_t at = b->len;
	uint64_t h = 0;

	fn(b, r);
	if (b->len > at)
		h = hash_str(b->buf + at);
	buf_setlen(b, at);
	return h;
}

/* key_hash's fn: a record's title key. */
static void
title_key(struct buf *b, const struct rec *r)
{
	if (r->title)
		text_title_key(b, r->title, strlen(r->title));
}

/* key_hash's fn: the text of a record's summary. */
static void
summary_text(struct buf *b, const struct rec *r)
{
	lib_summary_text(b, r->blocks, r->nblocks);
}

/*
 * ingest_prep: a record's part of a chunk, on the thread that parsed it:
 * its merge keys (id, and the hashes of its title key and, for a record
 * with neither, of its summary: 0 for none), label day, dated day and row.
 */
static void
prep(const struct rec *r, struct buf *out)
{
	uint64_t tkey = key_hash(out, r, title_key);
	size_t at, n = 0;

	put_text(out, r->id);
	put_int(out, (int64_t)tkey);
	put_int(out, r->id || tkey || r->nblocks == 0 ? 0 : (int64_t)key_hash(out, r, summary_text));
	put_text(out, lib_day_kind(r->day) == DAY_LABEL ? r->day : NULL);
	/* the dates that resolve labels are those of the records the library keeps */
	put_text(out, lib_day_kind(r->day) == DAY_DATED && !lib_rec_empty(r) ? r->day : NULL);
	at = out->len;
	buf_add(out, &n, sizeof n);	/* the row's length, set below */
	row_encode(out, r);
	n = out->len - at - sizeof n;
	memcpy(out->buf + at, &n, sizeof n);
}

/* Read an integer of a chunk at *p. */
static int64_t
get_int(const char **p)
{
	int64_t v;

	memcpy(&v, *p, sizeof v);
	*p += sizeof v;
	return v;
}

/* Bind parameter i of st to the string of a chunk at *p. */
static void
bind_text(sqlite3_stmt *st, int i, const char **p)
{
	size_t n;

	memcpy(&n, *p, sizeof n);
	*p += sizeof n;
	if (n == SIZE_MAX) {
		sqlite3_bind_null(st, i);
		return;
	}
	sqlite3_bind_text(st, i, *p, (int)n, SQLITE_STATIC);
	*p += n;
}

/* Store the rows of a chunk (the writer, or the reading thread when there is none). */
static void
store_chunk(struct writer *w, const struct buf *c)
{
	sqlite3_stmt *st = w->y->ins_rec, *body = w->y->ins_body;
	const char *p = c->buf, *end = c->buf + c->len;
	int64_t paper;
	int i, rc;

	while (p < end && !atomic_load(&w->failed)) {
		sqlite3_bind_int64(st, 1, get_int(&p));
		sqlite3_bind_int64(st, 2, get_int(&p));
		paper = get_int(&p);
		if (paper < 0)
			sqlite3_bind_null(st, 3);
		else
			sqlite3_bind_int64(st, 3, paper);
		bind_text(st, 4, &p);
		for (i = 5; i <= 6; i++) {
			int64_t key = get_int(&p);

			if (key == 0)
				sqlite3_bind_null(st, i);
			else
				sqlite3_bind_int64(st, i, key);
		}
		bind_text(st, 7, &p);
		bind_text(st, 8, &p);
		rc = sqlite3_step(st);
		sqlite3_reset(st);	/* keeps the error for manifest_fail */
		bind_text(body, 2, &p);
		sqlite3_bind_int64(body, 1, sqlite3_last_insert_rowid(w->y->s->db));
		if (rc == SQLITE_DONE)
			rc = sqlite3_step(body);
		sqlite3_reset(body);
		if (rc != SQLITE_DONE)
			atomic_store(&w->failed, 1);
	}
}

/* The writer thread: store the queued chunks in order until the queue closes. */
static void *
writer_run(void *arg)
{
	struct writer *w = arg;
	struct buf *c;

	while ((c = queue_pop(w->full)) != NULL) {
		store_chunk(w, c);
		buf_setlen(c, 0);
		queue_push(w->empty, c);
	}
	return NULL;
}

/* Hand the chunk being filled to the writer (or store it here without one). */
static void
writer_push(struct writer *w)
{
	if (w->cur->len == 0)
		return;
	if (!w->running) {
		store_chunk(w, w->cur);
		buf_setlen(w->cur, 0);
		return;
	}
	queue_push(w->full, w->cur);
	w->cur = queue_pop(w->empty);	/* never closed: one comes back */
}

/* Start the writer (without a thread, the reading thread stores the chunks). */
static void
writer_start(struct writer *w, struct sync *y)
{
	size_t i;

	memset(w, 0, sizeof *w);
	w->y = y;
	atomic_init(&w->failed, 0);
	w->full = queue_new(QUEUE_MAX);
	w->empty = queue_new(QUEUE_MAX);
	for (i = 0; i <= QUEUE_MAX; i++) {
		buf_init(&w->chunk[i]);
		if (i)
			queue_push(w->empty, &w->chunk[i]);
	}
	w->cur = &w->chunk[0];
	w->running = pthread_create(&w->tid, NULL, writer_run, w) == 0;
}

/* Store what is left, stop the writer; -1 when a row could not be stored. */
static int
writer_finish(struct writer *w)
{
	size_t i;

	writer_push(w);
	if (w->running) {
		queue_close(w->full);
		pthread_join(w->tid, NULL);
	}
	queue_free(w->full);
	queue_free(w->empty);
	for (i = 0; i <= QUEUE_MAX; i++)
		buf_free(&w->chunk[i]);
	return atomic_load(&w->failed) ? -1 : 0;
}

/* Ingest sink: a record read from todo file f, its texts made by prep, for the writer. */
static void
sink(void *arg, size_t f, const struct rec *r, long paper, const char *texts, size_t len)
{
	struct writer *w = arg;
	struct sync *y = w->y;
	struct buf *c = w->cur;

	(void)r;
	if (atomic_load(&w->failed))
		return;
	if ((long)f != y->cur) {
		y->cur = (long)f;
		y->seq = 0;
		if (y->prog && y->prog->fn)
			y->prog->fn(y->prog->arg, f, y->ntodo);
	}
	put_int(c, y->now[y->todo[f]].id);
	put_int(c, y->seq);
	/* 0: merged after reading; on a first build the paper ids, or NULL for a dropped record */
	put_int(c, !y->lib ? 0 : paper >= 0 ? paper + 1 : -1);
	buf_add(c, texts, len);
	y->seq++;
	if (c->len >= CHUNK_BYTES)
		writer_push(w);
}

/* Give the gone rows placeholder paths and add a row for every input to read. */
int
syncread_rows(struct sync *y)
{
	sqlite3_stmt *mv = store_prep(y->s, "UPDATE files SET path = ? WHERE id = ?", y->msg);
	sqlite3_stmt *ins = store_prep(y->s, "INSERT INTO files(ord, path, fmt, parser, nrecs, bytes,"
	    " failed, quiet) VALUES (?, ?, NULL, '', 0, 0, 1, ?)", y->msg);
	size_t i;

	for (i = 0; mv && ins && i < y->nold && !y->err; i++) {
		struct oldfile *o = &y->old[i];

		if (o->item >= 0 && !y->now[o->item].read)
			continue;
		buf_setlen(&y->key, 0);
		buf_printf(&y->key, "\001gone %lld", (long long)o->id);
		sqlite3_bind_text(mv, 1, y->key.buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(mv, 2, o->id);
		manifest_step(y, mv);
	}
	for (i = 0; mv && ins && i < y->ntodo && !y->err; i++) {
		size_t k = y->todo[i];

		sqlite3_bind_int64(ins, 1, (int64_t)k);
		sqlite3_bind_text(ins, 2, y->items[k].path, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 3, y->items[k].quiet);
		if (manifest_step(y, ins) == 0)
			y->now[k].id = sqlite3_last_insert_rowid(y->s->db);
	}
	sqlite3_finalize(mv);
	sqlite3_finalize(ins);
	return mv && ins && !y->err ? 0 : -1;
}

/* Fill the rows of the inputs read with what reading them gave, and their messages. */
static int
fill_rows(struct sync *y, struct ingest *ing)
{
	sqlite3_stmt *up = store_prep(y->s, "UPDATE files SET size = ?, mtime = ?, ino = ?, hash = ?,"
	    " fmt = ?, parser = (SELECT v FROM meta WHERE k = 'parser'), nrecs = ?, bytes = ?,"
	    " failed = ? WHERE id = ?", y->msg);
	sqlite3_stmt *im = store_prep(y->s, "INSERT INTO msgs VALUES (?, ?, ?, ?, ?)", y->msg);
	size_t i, m;

	for (i = 0; up && im && i < y->ntodo && !y->err; i++) {
		const struct ingest_file *f = ingest_file(ing, i);
		struct now *n = &y->now[y->todo[i]];
		int64_t seq = 0;

		if (!f->failed && f->fmt && n->hash[0] == '\0' && f->hashed)
			snprintf(n->hash, sizeof n->hash, "%016llx", (unsigned long long)f->hash);
		else if (!f->failed && f->fmt && n->hash[0] == '\0' &&
		    manifest_hash_file(y->items[y->todo[i]].path, y->s->max_bytes, n->hash) < 0)
			n->hash[0] = '\0';
		sqlite3_bind_int64(up, 1, n->size);
		sqlite3_bind_int64(up, 2, n->mtime);
		sqlite3_bind_int64(up, 3, n->ino);
		sqlite3_bind_text(up, 4, n->hash, -1, SQLITE_STATIC);
		store_bind_str(up, 5, f->fmt ? ingest_format_name(f->fmt) : NULL);
		sqlite3_bind_int64(up, 6, (int64_t)f->npapers);
		sqlite3_bind_int64(up, 7, (int64_t)f->bytes);
		sqlite3_bind_int(up, 8, f->failed);
		sqlite3_bind_int64(up, 9, n->id);
		manifest_step(y, up);
		for (m = f->first_msg; m < f->first_msg + f->nmsgs && !y->err; m++) {
			const struct diag *g = ingest_msg(ing, m);

			sqlite3_bind_int64(im, 1, n->id);
			sqlite3_bind_int64(im, 2, seq++);
			sqlite3_bind_int(im, 3, (int)g->level);
			sqlite3_bind_int64(im, 4, (int64_t)g->line);
			sqlite3_bind_text(im, 5, g->text, -1, SQLITE_STATIC);
			manifest_step(y, im);
		}
	}
	sqlite3_finalize(up);
	sqlite3_finalize(im);
	return up && im && !y->err ? 0 : -1;
}

/* Read the inputs to read, storing their records (and merging them on a first build). */
int
syncread_files(struct sync *y)
{
	struct ingest *ing = ingest_new(y->lib);
	struct ingest_item *v = xcalloc(y->ntodo + 1, sizeof *v);
	size_t i;
	int rc;

	ingest_set_max_file_size(ing, y->s->max_bytes);
	ingest_set_hash(ing, 1);	/* on the parsing threads, not a second read here */
	for (i = 0; i < y->ntodo; i++)
		v[i] = y->items[y->todo[i]];
	y->ins_rec = store_prep(y->s, "INSERT INTO recs(file, seq, paper, kid, ktitle, ktext, lday, dday)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", y->msg);
	y->ins_body = y->ins_rec ? store_prep(y->s, "INSERT INTO bodies VALUES (?, ?)", y->msg) : NULL;
	y->cur = -1;
	if (y->ins_body == NULL) {
		y->err = 1;
	} else {
		struct writer w;

		writer_start(&w, y);
		ingest_set_sink(ing, sink, prep, &w);
		ingest_set_cancel(ing, y->prog ? y->prog->cancel : NULL);
		ingest_items(ing, v, y->ntodo);
		if (writer_finish(&w) < 0)
			manifest_fail(y);
		if (y->prog && y->prog->cancel && atomic_load(y->prog->cancel) && !y->err) {
			buf_puts(y->msg, "cancelled");
			y->err = 1;
		}
	}
	sqlite3_finalize(y->ins_rec);
	sqlite3_finalize(y->ins_body);
	y->ins_rec = y->ins_body = NULL;
	rc = y->err ? -1 : fill_rows(y, ing);
	free(v);
	ingest_free(ing);
	return rc;
}

