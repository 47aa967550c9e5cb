/* store/syncread.c: a sync's reading -- store the records of the inputs that changed (see store/syncint.h). */
#include "store/syncint.h"
#include "store/row.h"
#include "base/hashmap.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The merge keys of a record: id, title key, and the text key of an untitled one. */
static void
rec_keys(struct sync *y, const struct rec *r, char **tkey, char **xkey)
{
	*tkey = *xkey = NULL;
	buf_setlen(&y->key, 0);
	if (r->title)
		text_title_key(&y->key, r->title, strlen(r->title));
	if (y->key.len)
		*tkey = xstrdup(y->key.buf);
	if (r->id == NULL && *tkey == NULL && r->nblocks) {
		char hex[17];

		buf_setlen(&y->key, 0);
		lib_summary_text(&y->key, r->blocks, r->nblocks);
		snprintf(hex, sizeof hex, "%016llx", (unsigned long long)hash_str(y->key.buf));
		*xkey = xstrdup(hex);
	}
}

/* Ingest sink: store a record read from todo file f. */
static void
sink(void *arg, size_t f, const struct rec *r, long paper)
{
	struct sync *y = arg;
	sqlite3_stmt *st = y->ins_rec;
	char *tkey, *xkey;
	int64_t fid = y->now[y->todo[f]].id;

	if (y->err)
		return;
	if ((long)f != y->cur) {
		y->cur = (long)f;
		y->seq = 0;
		if (y->prog && y->prog->fn)
			y->prog->fn(y->prog->arg, f, y->ntodo);
	}
	buf_setlen(&y->row, 0);
	row_encode(&y->row, r);
	rec_keys(y, r, &tkey, &xkey);
	sqlite3_bind_int64(st, 1, fid);
	sqlite3_bind_int64(st, 2, y->seq);
	if (!y->lib)
		sqlite3_bind_int64(st, 3, 0);		/* merged after reading */
	else if (paper >= 0)
		sqlite3_bind_int64(st, 3, paper + 1);	/* the first build's paper ids */
	else
		sqlite3_bind_null(st, 3);
	store_bind_str(st, 4, r->id);
	store_bind_str(st, 5, tkey);
	store_bind_str(st, 6, xkey);
	store_bind_str(st, 7, lib_day_kind(r->day) == DAY_LABEL ? r->day : NULL);
	/* the dates that resolve labels are those of the records the library keeps */
	store_bind_str(st, 8, lib_day_kind(r->day) == DAY_DATED && !lib_rec_empty(r) ? r->day : NULL);
	sqlite3_bind_text(st, 9, y->row.buf, (int)y->row.len, SQLITE_STATIC);
	manifest_step(y, st);
	free(tkey);
	free(xkey);
	y->seq++;
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
	y->ins_rec = store_prep(y->s, "INSERT INTO recs(file, seq, paper, kid, ktitle, ktext, lday, dday,"
	    " body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", y->msg);
	y->cur = -1;
	if (y->ins_rec == NULL) {
		y->err = 1;
	} else {
		ingest_set_sink(ing, sink, y);
		ingest_set_cancel(ing, y->prog ? y->prog->cancel : NULL);
		ingest_items(ing, v, y->ntodo);
		if (y->prog && y->prog->cancel && atomic_load(y->prog->cancel) && !y->err) {
			buf_puts(y->msg, "cancelled");
			y->err = 1;
		}
	}
	sqlite3_finalize(y->ins_rec);
	y->ins_rec = NULL;
	rc = y->err ? -1 : fill_rows(y, ing);
	free(v);
	ingest_free(ing);
	return rc;
}

