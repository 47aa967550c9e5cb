/* ingest/ingest.c: the public API: files and directories in, the file
 * list and the messages out.
 *
 * ingest_path walks the path into a list of jobs (walk.c), the pool
 * (pool.c) runs each job on some thread (read the file, sniff its format
 * with the format table, run that format's parser into a batch) and
 * merges the batches here, strictly in job order, into the library, the
 * file list and the diagnostics.  So they are the same whatever the number
 * of threads (PAPERBOY_THREADS, default: the online CPUs).
 *
 * Invariant: only the calling thread touches struct ingest and the library.
 */
#include "ingest/ingest.h"
#include "base/arena.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "ingest/batch.h"
#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/pool.h"
#include "ingest/walk.h"
#include "text/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ingest {
	struct lib *lib;
	struct arena *a;		/* file names */
	struct ingest_file *files; size_t nfiles, afiles;
	struct diag_list diags;
	struct buf tmp;
	struct pool_worker w0;		/* the calling thread's worker */
	size_t bytes;
	int nthreads;
};

/* The jobs of one ingest_path or ingest_buffer call, as the pool's context. */
struct jobs_ctx {
	struct ingest *ing;
	const struct job *jobs;
	int light;			/* the library keeps no summary text */
};

/* A new ingester. */
struct ingest *
ingest_new(struct lib *lib)
{
	struct ingest *ing = xcalloc(1, sizeof *ing);

	ing->lib = lib;
	ing->a = arena_new();
	diag_list_init(&ing->diags);
	buf_init(&ing->tmp);
	pool_worker_init(&ing->w0);
	ing->nthreads = pool_threads();
	formats_init();
	return ing;
}

/* Free the ingester. */
void
ingest_free(struct ingest *ing)
{
	if (ing == NULL)
		return;
	arena_free(ing->a);
	free(ing->files);
	diag_list_free(&ing->diags);
	buf_free(&ing->tmp);
	pool_worker_free(&ing->w0);
	free(ing);
}

/* Add a file entry; the path is copied (and cleaned for display). */
static struct ingest_file *
add_file(struct ingest *ing, const char *path)
{
	struct ingest_file *f;

	ALLOC_GROW(ing->files, ing->nfiles + 1, ing->afiles);
	f = &ing->files[ing->nfiles++];
	memset(f, 0, sizeof *f);
	buf_setlen(&ing->tmp, 0);
	text_clean(&ing->tmp, path, strlen(path), TEXT_ONELINE);
	f->path = arena_strndup(ing->a, ing->tmp.buf, ing->tmp.len);
	return f;
}

/* The format of a buffer, or NULL. */
const struct ingest_format *
ingest_sniff(const char *data, size_t len)
{
	return formats_sniff(data, len);
}

/* Short name of a format; "unknown" for NULL. */
const char *
ingest_format_name(const struct ingest_format *f)
{
	return f ? f->name : "unknown";
}

/* Read a whole file into w->data; -1 with errno on failure. */
static int
read_file(struct pool_worker *w, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		return -1;
	buf_setlen(&w->data, 0);
	if (fstat(fd, &st) == 0 && st.st_size > 0)
		buf_grow(&w->data, (size_t)st.st_size + 1);
	for (;;) {
		ssize_t r;

		if (w->data.alloc - w->data.len < 2)
			buf_grow(&w->data, w->data.len < 4096 ? 4096 : w->data.len);
		r = read(fd, w->data.buf + w->data.len, w->data.alloc - w->data.len - 1);
		if (r < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			close(fd);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		w->data.len += (size_t)r;
	}
	w->data.buf[w->data.len] = '\0';
	close(fd);
	return 0;
}

/* Run format f's parser over data into batch b. */
static void
run_parser(struct pool_worker *w, struct batch *b, int light, const struct ingest_format *f,
    const char *file, const char *data, size_t len)
{
	struct pctx p;

	memset(&p, 0, sizeof p);
	p.out = b;
	p.light = light;
	p.file = file;
	p.data = data;
	p.len = len;
	p.scratch = w->scratch;
	p.mark = arena_mark(w->scratch);
	p.line_base = 1;
	p.line_at = 1;
	p.tmp = w->ptmp;	/* lent for the file, kept between files */
	f->parse(&p);
	arena_reset(w->scratch, p.mark);
	w->ptmp = p.tmp;
}

/* Read (unless in memory), sniff and parse job j into batch b. */
static void
job_run(struct pool_worker *w, const struct job *j, struct batch *b, int light)
{
	static const char note[] = "skipped: not a digest in any known format";
	const char *data = j->data;
	size_t len = j->len;

	if (j->err_what) {
		batch_fail(b, j->err_what, j->err_no);
		return;
	}
	if (data == NULL) {
		if (read_file(w, j->path) < 0) {
			batch_fail(b, "cannot read file", errno);
			return;
		}
		data = w->data.buf;
		len = w->data.len;
	}
	b->bytes = len;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	b->fmt = formats_sniff(data, len);
	if (b->fmt == NULL) {
		if (j->quiet) {
			batch_msg(b, DIAG_NOTE, 0, note, sizeof note - 1);
		} else {
			/* the same text without "skipped: " */
			batch_msg(b, DIAG_ERROR, 0, note + 9, sizeof note - 1 - 9);
			b->failed = 1;
		}
		return;
	}
	run_parser(w, b, light, b->fmt, j->path, data, len);
}

/* Merge job j's batch into the library and the file and message lists. */
static int
job_merge(struct ingest *ing, const struct job *j, struct batch *b)
{
	struct ingest_file *f = add_file(ing, j->path);
	size_t i;

	f->fmt = b->fmt;
	f->bytes = b->bytes;
	f->failed = b->failed;
	ing->bytes += b->bytes;
	f->first_msg = ing->diags.n;
	f->nmsgs = b->nmsgs;
	for (i = 0; i < b->nmsgs; i++)
		diag_add(&ing->diags, b->msgs[i].level, f->path, b->msgs[i].line, b->msgs[i].text);
	for (i = 0; i < b->nrecs; i++) {
		b->recs[i].file = f->path;
		lib_add_paper(ing->lib, &b->recs[i]);
	}
	f->npapers = b->nrecs + b->ndirect;
	return b->failed ? -1 : 0;
}

/* The pool's run: job j of the context into b (any thread). */
static void
jobs_run(void *ctx, struct pool_worker *w, size_t j, struct batch *b)
{
	const struct jobs_ctx *c = ctx;

	job_run(w, &c->jobs[j], b, c->light);
}

/* The pool's merge: job j's batch (calling thread, in job order). */
static int
jobs_merge(void *ctx, size_t j, struct batch *b)
{
	const struct jobs_ctx *c = ctx;

	return job_merge(c->ing, &c->jobs[j], b);
}

static const struct pool_ops jobs_ops = { jobs_run, jobs_merge };

/* Run and merge jobs[0..njobs) through the pool. */
static int
run_jobs(struct ingest *ing, const struct job *jobs, size_t njobs, int nthreads)
{
	struct jobs_ctx c;

	c.ing = ing;
	c.jobs = jobs;
	c.light = lib_is_light(ing->lib);
	return pool_run(&jobs_ops, &c, njobs, nthreads, &ing->w0, ing->lib);
}

/* Ingest an in-memory input, on the calling thread. */
int
ingest_buffer(struct ingest *ing, const char *name, const char *data, size_t len)
{
	struct job j;

	memset(&j, 0, sizeof j);
	j.path = (char *)name;
	j.data = data;
	j.len = len;
	return run_jobs(ing, &j, 1, 1);
}

/* Read a path: a file, or a directory read recursively. */
int
ingest_path(struct ingest *ing, const char *path)
{
	struct joblist jobs = { NULL, 0, 0 };
	int rc;

	walk_path(&jobs, path);
	rc = run_jobs(ing, jobs.v, jobs.n, ing->nthreads);
	walk_free(&jobs);
	return rc;
}

/* Files read so far. */
size_t
ingest_nfiles(const struct ingest *ing)
{
	return ing->nfiles;
}

const struct ingest_file *
ingest_file(const struct ingest *ing, size_t i)
{
	return i < ing->nfiles ? &ing->files[i] : NULL;
}

/* The messages so far. */
const struct diag_list *
ingest_diags(const struct ingest *ing)
{
	return &ing->diags;
}

/* Number of messages. */
size_t
ingest_nmsgs(const struct ingest *ing)
{
	return ing->diags.n;
}

/* Message i. */
const struct diag *
ingest_msg(const struct ingest *ing, size_t i)
{
	return diag_get(&ing->diags, i);
}

/* Total bytes read. */
size_t
ingest_bytes(const struct ingest *ing)
{
	return ing->bytes;
}
