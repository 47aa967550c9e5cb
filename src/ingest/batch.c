/* ingest/batch.c: a file's records and messages, copied out of the parser (see batch.h). */
#include "ingest/batch.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* Add a message to a batch; text is copied, sanitised to one clean line. */
void
batch_msg(struct batch *b, enum diag_level lvl, size_t line, const char *text, size_t len)
{
	struct diag *m;
	struct buf clean = BUF_INIT;

	buf_init(&clean);
	text_clean(&clean, text, len, TEXT_ONELINE | TEXT_SQUEEZE);
	ALLOC_GROW(b->msgs, b->nmsgs + 1, b->amsgs);
	m = &b->msgs[b->nmsgs++];
	m->level = lvl;
	m->file = NULL;
	m->line = line;
	m->text = arena_strndup(b->a, clean.buf, clean.len);
	buf_free(&clean);
}

/* Copy an array of n strings into arena a. */
static const char *const *
copy_strs(struct arena *a, const char *const *v, size_t n)
{
	const char **c;
	size_t i;

	if (n == 0)
		return NULL;
	c = arena_calloc(a, n, sizeof *c);
	for (i = 0; i < n; i++)
		c[i] = arena_strdup(a, v[i]);
	return c;
}

/* Copy n blocks into arena a. */
static const struct block *
copy_blocks(struct arena *a, const struct block *b, size_t n)
{
	struct block *v;
	size_t i;

	if (n == 0)
		return NULL;
	v = arena_calloc(a, n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i].kind = b[i].kind;
		v[i].label = arena_strdup(a, b[i].label);
		v[i].text = arena_strdup(a, b[i].text);
	}
	return v;
}

/* Add a copy of a record to a batch. */
void
batch_rec(struct batch *b, const struct rec *r)
{
	struct rec *c;
	size_t i;

	if (b->direct) {
		lib_add_paper(b->direct, r);
		b->ndirect++;
		return;
	}
	ALLOC_GROW(b->recs, b->nrecs + 1, b->arecs);
	c = &b->recs[b->nrecs++];
	*c = *r;
	c->file = NULL;		/* set when merged */
	c->id = arena_strdup(b->a, r->id);
	c->title = arena_strdup(b->a, r->title);
	c->day = arena_strdup(b->a, r->day);
	c->source = arena_strdup(b->a, r->source);
	c->authors = copy_strs(b->a, r->authors, r->nauthors);
	c->cats = copy_strs(b->a, r->cats, r->ncats);
	c->blocks = copy_blocks(b->a, r->blocks, r->nblocks);
	if (r->nmore) {
		struct rec_sum *v = arena_calloc(b->a, r->nmore, sizeof *v);

		for (i = 0; i < r->nmore; i++) {
			v[i].name = arena_strdup(b->a, r->more[i].name);
			v[i].blocks = copy_blocks(b->a, r->more[i].blocks, r->more[i].nblocks);
			v[i].nblocks = r->more[i].nblocks;
		}
		c->more = v;
	}
	if (r->nlinks) {
		struct link *v = arena_calloc(b->a, r->nlinks, sizeof *v);

		for (i = 0; i < r->nlinks; i++) {
			v[i].kind = r->links[i].kind;
			v[i].url = arena_strdup(b->a, r->links[i].url);
		}
		c->links = v;
	}
}

/* Run prep on every record of the batch. */
void
batch_prep(struct batch *b, ingest_prep prep)
{
	size_t i;

	buf_setlen(&b->prep, 0);
	if (prep == NULL)
		return;
	ALLOC_GROW(b->pend, b->nrecs, b->apend);
	for (i = 0; i < b->nrecs; i++) {
		prep(&b->recs[i], &b->prep);
		b->pend[i] = b->prep.len;
	}
}

/* Empty a batch for the next file, keeping its memory. */
void
batch_clear(struct batch *b)
{
	struct arena_mark zero = { NULL, 0 };

	arena_reset(b->a, zero);
	b->nrecs = 0;
	buf_setlen(&b->prep, 0);
	b->ndirect = 0;
	b->nmsgs = 0;
	b->fmt = NULL;
	b->bytes = 0;
	b->failed = 0;
	b->hashed = 0;
}

/* Set up an empty batch. */
void
batch_init(struct batch *b)
{
	memset(b, 0, sizeof *b);
	b->a = arena_new();
	buf_init(&b->prep);
}

/* Free a batch. */
void
batch_free(struct batch *b)
{
	arena_free(b->a);
	free(b->recs);
	free(b->msgs);
	buf_free(&b->prep);
	free(b->pend);
}

/* Add "WHAT: strerror(err)" as an error of the batch. */
void
batch_fail(struct batch *b, const char *what, int err)
{
	struct buf msg = BUF_INIT;

	buf_init(&msg);
	buf_printf(&msg, "%s: %s", what, strerror(err));
	batch_msg(b, DIAG_ERROR, 0, msg.buf, msg.len);
	buf_free(&msg);
	b->failed = 1;
}
