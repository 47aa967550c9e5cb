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
#include "base/hashmap.h"
#include "base/safeio.h"
#include "ingest/batch.h"
#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/pool.h"
#include "ingest/walk.h"
#include "text/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ingest {
	struct lib *lib;		/* NULL: records go only to the sink */
	ingest_sink sink;
	ingest_prep prep;		/* with the sink, on the parsing threads (may be NULL) */
	void *sink_arg;
	struct arena *a;		/* file names and message texts */
	struct ingest_file *files; size_t nfiles, afiles;
	struct diag_list diags;
	struct buf tmp;
	struct pool_worker w0;		/* the calling thread's worker */
	size_t bytes;
	unsigned long long max_bytes;	/* files larger than this are skipped */
	int nthreads;
	int hash;			/* hash each file read (ingest_set_hash) */
	const atomic_int *cancel;	/* nonzero: read no more files (NULL: never) */
};

/* The jobs of one ingest_path or ingest_buffer call, as the pool's context. */
struct jobs_ctx {
	struct ingest *ing;
	const struct job *jobs;
	int light;			/* the library keeps no summary text */
	int hash;			/* hash each file read */
	unsigned long long max_bytes;	/* files larger than this are skipped */
	const atomic_int *cancel;	/* ingest_set_cancel's flag, or NULL */
	ingest_prep prep;		/* run on each batch as it is parsed, or NULL */
};

#define SNIFF_BYTES 65536		/* the head of a file its format is sniffed from */

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
	ing->max_bytes = INGEST_MAX_FILE_SIZE;
	formats_init();
	return ing;
}

/* Skip files larger than max bytes from now on. */
void
ingest_set_max_file_size(struct ingest *ing, unsigned long long max)
{
	ing->max_bytes = max;
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

/* The format of a name. */
const struct ingest_format *
ingest_format_named(const char *name)
{
	return formats_by_name(name);
}

/* Short name of a format; "unknown" for NULL. */
const char *
ingest_format_name(const struct ingest_format *f)
{
	return f ? f->name : "unknown";
}

/* Append a size rounded up to KB, MB or GB (tenths above 1 GB: "40 GB", "1.5 GB"). */
static void
size_text(struct buf *out, unsigned long long n)
{
	unsigned long long tenths;

	if (n < (1ULL << 20)) {
		buf_printf(out, "%llu KB", (n + 1023) >> 10);
	} else if (n < (1ULL << 30)) {
		buf_printf(out, "%llu MB", (n + (1ULL << 20) - 1) >> 20);
	} else {
		tenths = (n >> 30) * 10 + (((n & ((1ULL << 30) - 1)) * 10 + (1ULL << 30) - 1) >> 30);
		buf_printf(out, "%llu", tenths / 10);
		if (tenths % 10)
			buf_printf(out, ".%llu", tenths % 10);
		buf_puts(out, " GB");
	}
}

/* Job j's file is larger than max bytes: skipped with a message (only warned about inside a directory). */
static void
too_big(struct batch *b, const struct job *j, unsigned long long size, unsigned long long max)
{
	struct buf msg = BUF_INIT;

	buf_init(&msg);
	buf_puts(&msg, j->quiet ? "skipped: " : "");
	size_text(&msg, size);
	buf_puts(&msg, ", over max-file-size (");
	size_text(&msg, max);
	buf_addch(&msg, ')');
	batch_msg(b, j->quiet ? DIAG_WARNING : DIAG_ERROR, 0, msg.buf, msg.len);
	b->failed = !j->quiet;
	buf_free(&msg);
}

/*
 * Open job j's file and read its head (SNIFF_BYTES) into w->data;
 * returns the descriptor, or -1 after reporting why in b (cannot open,
 * not a regular file, over max bytes).
 */
static int
open_head(struct pool_worker *w, const struct job *j, struct batch *b, unsigned long long max)
{
	int fd = open(j->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;

	if (fd < 0) {
		batch_fail(b, "cannot read file", errno);
		return -1;
	}
	if (fstat(fd, &st) < 0)
		batch_fail(b, "cannot read file", errno);
	else if (!S_ISREG(st.st_mode))
		batch_fail(b, "cannot read file", EINVAL);	/* it changed since the walk */
	else if ((unsigned long long)st.st_size > max)
		too_big(b, j, (unsigned long long)st.st_size, max);
	if (b->nmsgs) {
		close(fd);
		return -1;
	}
	buf_setlen(&w->data, 0);
	if (st.st_size > 0 && (unsigned long long)st.st_size < max)
		buf_grow(&w->data, (size_t)st.st_size + 1);
	if (safeio_read_upto(fd, &w->data, SNIFF_BYTES - 1) < 0) {
		batch_fail(b, "cannot read file", errno);
		close(fd);
		return -1;
	}
	return fd;
}

/* Read the rest of fd after its head; -1 after reporting (read error, grown past max). */
static int
read_rest(struct pool_worker *w, int fd, const struct job *j, struct batch *b, unsigned long long max)
{
	size_t upto = max > SIZE_MAX - 2 ? SIZE_MAX - 2 : (size_t)max;

	if (safeio_read_upto(fd, &w->data, upto) < 0) {
		batch_fail(b, "cannot read file", errno);
		return -1;
	}
	if (w->data.len > upto) {
		too_big(b, j, w->data.len, max);
		return -1;
	}
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
	p.source = f->name;
	p.data = data;
	p.len = len;
	p.scratch = w->scratch;
	p.mark = arena_mark(w->scratch);
	p.line_base = 1;
	p.line_at = 1;
	p.tmp = w->ptmp;	/* lent for the file, kept between files */
	f->parse(&p);
	if (p.pathday_used) {
		struct buf note = BUF_INIT;

		buf_printf(&note, "%zu paper%s dated %s from the file path", p.pathday_used,
		    p.pathday_used == 1 ? "" : "s", p.pathday_iso);
		batch_msg(b, DIAG_NOTE, 0, note.buf, note.len);
		buf_free(&note);
	}
	arena_reset(w->scratch, p.mark);
	w->ptmp = p.tmp;
}

/*
 * A job that is not read: a note (a dangling link, a FIFO or device met
 * inside a directory) or a failure.
 */
static void
job_not_read(struct batch *b, const struct job *j)
{
	struct buf msg = BUF_INIT;

	if (j->err_what && j->err_no) {
		batch_fail(b, j->err_what, j->err_no);
		return;
	}
	buf_init(&msg);
	if (j->mode)
		buf_printf(&msg, "%s%s, not a regular file", j->quiet ? "skipped: " : "", safeio_kind(j->mode));
	else
		buf_puts(&msg, j->err_what);
	batch_msg(b, j->quiet ? DIAG_NOTE : DIAG_ERROR, 0, msg.buf, msg.len);
	b->failed = !j->quiet;
	buf_free(&msg);
}

/* Note that the input is not a digest (an error when it was named). */
static void
not_a_digest(struct batch *b, const struct job *j)
{
	static const char note[] = "skipped: not a digest in any known format";

	if (j->quiet) {
		batch_msg(b, DIAG_NOTE, 0, note, sizeof note - 1);
	} else {
		/* the same text without "skipped: " */
		batch_msg(b, DIAG_ERROR, 0, note + 9, sizeof note - 1 - 9);
		b->failed = 1;
	}
}

/* Skip a UTF-8 byte order mark. */
static void
skip_bom(const char **data, size_t *len)
{
	if (*len >= 3 && memcmp(*data, "\xEF\xBB\xBF", 3) == 0) {
		*data += 3;
		*len -= 3;
	}
}

/*
 * Read (unless in memory), sniff and parse job j into batch b.  A file
 * is sniffed from its head: one that is not a digest is never read
 * further, one over max bytes not at all.
 */
static void
job_run(struct pool_worker *w, const struct job *j, struct batch *b, int light, int hash,
    unsigned long long max)
{
	const char *data = j->data;
	size_t len = j->len;
	int fd = -1;

	if (j->err_what || j->mode) {
		job_not_read(b, j);
		return;
	}
	if (data == NULL) {
		if ((fd = open_head(w, j, b, max)) < 0)
			return;
		data = w->data.buf;
		len = w->data.len;
	}
	skip_bom(&data, &len);
	b->fmt = formats_sniff(data, len < SNIFF_BYTES ? len : SNIFF_BYTES);
	if (fd >= 0 && b->fmt && read_rest(w, fd, j, b, max) < 0)
		b->fmt = NULL;
	if (fd >= 0) {
		close(fd);
		data = w->data.buf;
		len = w->data.len;
		if (hash && b->fmt) {
			b->hash = hash_bytes(w->data.buf, w->data.len);
			b->hashed = 1;
		}
		skip_bom(&data, &len);
	}
	b->bytes = j->data ? j->len : w->data.len;
	if (b->fmt == NULL) {
		if (!b->nmsgs)
			not_a_digest(b, j);
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
	f->hashed = b->hashed;
	f->hash = b->hash;
	ing->bytes += b->bytes;
	f->first_msg = ing->diags.n;
	f->nmsgs = b->nmsgs;
	for (i = 0; i < b->nmsgs; i++)
		diag_add(&ing->diags, b->msgs[i].level, f->path, b->msgs[i].line, b->msgs[i].text);
	for (i = 0; i < b->nrecs; i++) {
		long paper = -1;
		/* prep's bytes for record i: from the end of record i - 1's to pend[i] */
		size_t from = i && ing->prep ? b->pend[i - 1] : 0, to = ing->prep ? b->pend[i] : 0;

		b->recs[i].file = f->path;
		if (ing->lib)
			paper = lib_add_paper(ing->lib, &b->recs[i]);
		if (ing->sink)
			ing->sink(ing->sink_arg, ing->nfiles - 1, &b->recs[i], paper,
			    ing->prep ? b->prep.buf + from : NULL, to - from);
	}
	f->npapers = b->nrecs + b->ndirect;
	/* only a path named by the caller fails the run; inside a directory it is a warning */
	return b->failed && !j->quiet ? -1 : 0;
}

/* The pool's run: job j of the context into b (any thread). */
static void
jobs_run(void *ctx, struct pool_worker *w, size_t j, struct batch *b)
{
	const struct jobs_ctx *c = ctx;

	if (c->cancel && atomic_load(c->cancel))
		return;		/* cancelled: the file is left unread, with no message */
	job_run(w, &c->jobs[j], b, c->light, c->hash, c->max_bytes);
	batch_prep(b, c->prep);
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
	c.light = ing->lib && lib_is_light(ing->lib);
	c.hash = ing->hash;
	c.max_bytes = ing->max_bytes;
	c.cancel = ing->cancel;
	c.prep = ing->sink ? ing->prep : NULL;
	/* the sink needs each batch's copies of the records: no direct merging */
	return pool_run(&jobs_ops, &c, njobs, nthreads, &ing->w0, ing->sink ? NULL : ing->lib);
}

/* Hash every file read from now on. */
void
ingest_set_hash(struct ingest *ing, int on)
{
	ing->hash = on;
}

/* Stop reading files once *flag is nonzero. */
void
ingest_set_cancel(struct ingest *ing, const atomic_int *flag)
{
	ing->cancel = flag;
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

/* What ingest_path would read, in order, without reading it. */
size_t
ingest_list(struct ingest *ing, const char *path, struct ingest_item **items)
{
	struct joblist jobs = { NULL, 0, 0 };
	struct ingest_item *v;
	size_t k;

	(void)ing;
	walk_path(&jobs, path);
	v = xcalloc(jobs.n + 1, sizeof *v);
	for (k = 0; k < jobs.n; k++) {
		v[k].path = jobs.v[k].path;	/* moved */
		v[k].quiet = jobs.v[k].quiet;
		v[k].err_what = jobs.v[k].err_what;
		v[k].err_no = jobs.v[k].err_no;
		v[k].mode = jobs.v[k].mode;
	}
	free(jobs.v);
	*items = v;
	return jobs.n;
}

/* Free a list made by ingest_list. */
void
ingest_items_free(struct ingest_item *v, size_t n)
{
	size_t k;

	for (k = 0; v && k < n; k++)
		free(v[k].path);
	free(v);
}

/* Read listed items, in order, as ingest_path would. */
int
ingest_items(struct ingest *ing, const struct ingest_item *v, size_t n)
{
	struct job *jobs = xcalloc(n + 1, sizeof *jobs);
	size_t k;
	int rc;

	for (k = 0; k < n; k++) {
		jobs[k].path = v[k].path;
		jobs[k].quiet = v[k].quiet;
		jobs[k].err_what = v[k].err_what;
		jobs[k].err_no = v[k].err_no;
		jobs[k].mode = v[k].mode;
	}
	rc = run_jobs(ing, jobs, n, ing->nthreads);
	free(jobs);
	return rc;
}

/* Give every record merged from now on to fn as well, with what prep made of it. */
void
ingest_set_sink(struct ingest *ing, ingest_sink fn, ingest_prep prep, void *arg)
{
	ing->sink = fn;
	ing->prep = fn ? prep : NULL;
	ing->sink_arg = arg;
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
