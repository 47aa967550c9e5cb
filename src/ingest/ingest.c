/* ingest/ingest.c: reading files and directories, dispatch to the formats, messages.
 *
 * Files are parsed in parallel and merged in order.  ingest_path first
 * walks the path into a list of jobs (one per file, in name order, plus
 * the failures met on the way).  Worker threads take the next job, read
 * and parse its file into a batch (copies of its records and its
 * messages, in the batch's own arena), and the calling thread merges the
 * batches into the library strictly in job order.  So the library, the
 * file list and the messages are the same whatever the number of threads
 * (PAPERBOY_THREADS, default: the online CPUs, at most MAX_THREADS).
 * With one thread (one file, or PAPERBOY_THREADS=1) the batch is "direct":
 * records go straight into the library without being copied.
 *
 * Invariants: only the calling thread touches struct ingest and the
 * library; a worker touches its struct worker, the batch of its job and
 * shared read-only data.  At most NSLOTS batches exist, so memory stays
 * bounded however long the list: a worker waits while job j - NSLOTS is
 * not merged yet.
 */
#include "ingest/ingest.h"
#include "base/arena.h"
#include "base/buf.h"
#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/lines.h"
#include "text/text.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_THREADS 16
#define NSLOTS 64

/* A message of a batch, before it is given its file. */
struct bmsg {
	enum msg_level level;
	size_t line;
	const char *text;
	size_t len;
};

/* One file's parse result, waiting to be merged. */
struct batch {
	struct arena *a;		/* the copies below; reset after merging */
	struct rec *recs; size_t nrecs, arecs;
	struct bmsg *msgs; size_t nmsgs, amsgs;
	struct lib *direct;		/* single-threaded: records go straight here */
	size_t ndirect;			/* records added to direct */
	const struct ingest_format *fmt;	/* NULL: not recognised */
	size_t bytes;
	int failed;
	int ready;			/* parsed, not merged yet (under the mutex) */
};

/* One input: a file to read, an in-memory buffer, or a failure met while walking. */
struct job {
	char *path;			/* owned */
	const char *data;		/* in-memory input, or NULL to read path */
	size_t len;
	int quiet;			/* an unrecognised file is only noted */
	const char *err_what;		/* a failure to report instead ("cannot open") */
	int err_no;
};

/* What one thread needs to read and parse files. */
struct worker {
	struct arena *scratch;		/* per-record scratch for parsers */
	struct buf data;		/* the file being read */
	struct buf ptmp;		/* the parsers' pctx.tmp */
};

struct ingest {
	struct lib *lib;
	struct arena *a;		/* file names and message texts */
	struct ingest_file *files; size_t nfiles, afiles;
	struct ingest_msg *msgs; size_t nmsgs, amsgs;
	struct buf tmp;
	struct worker w0;		/* the calling thread's worker */
	size_t bytes;
	int nthreads;
};

/* Set up a worker's buffers. */
static void
worker_init(struct worker *w)
{
	w->scratch = arena_new();
	buf_init(&w->data);
	buf_init(&w->ptmp);
}

/* Free a worker's buffers. */
static void
worker_free(struct worker *w)
{
	arena_free(w->scratch);
	buf_free(&w->data);
	buf_free(&w->ptmp);
}

/* Threads to parse with: $PAPERBOY_THREADS, else the online CPUs (1..MAX_THREADS). */
static int
thread_count(void)
{
	const char *e = getenv("PAPERBOY_THREADS");
	long n = 0;

	if (e && *e) {
		char *end;

		n = strtol(e, &end, 10);
		if (*end != '\0')
			n = 0;
	}
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > MAX_THREADS ? MAX_THREADS : (int)n;
}

/* A new ingester. */
struct ingest *
ingest_new(struct lib *lib)
{
	struct ingest *ing = xcalloc(1, sizeof *ing);

	ing->lib = lib;
	ing->a = arena_new();
	buf_init(&ing->tmp);
	worker_init(&ing->w0);
	ing->nthreads = thread_count();
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
	free(ing->msgs);
	buf_free(&ing->tmp);
	worker_free(&ing->w0);
	free(ing);
}

/* Record a message (text sanitised to one clean line). */
static void
ingest_add_msg(struct ingest *ing, enum msg_level lvl, const char *file,
    size_t line, const char *text, size_t len)
{
	struct ingest_msg *m;

	if (ing->nmsgs == ing->amsgs) {
		ing->amsgs = ing->amsgs ? ing->amsgs * 2 : 64;
		ing->msgs = xrealloc(ing->msgs, ing->amsgs * sizeof *ing->msgs);
	}
	m = &ing->msgs[ing->nmsgs++];
	m->level = lvl;
	m->file = file;
	m->line = line;
	buf_setlen(&ing->tmp, 0);
	text_clean(&ing->tmp, text, len, TEXT_ONELINE | TEXT_SQUEEZE);
	m->text = arena_strndup(ing->a, ing->tmp.buf, ing->tmp.len);
}

/* Add a file entry; the path is copied (and cleaned for display). */
static struct ingest_file *
add_file(struct ingest *ing, const char *path)
{
	struct ingest_file *f;

	if (ing->nfiles == ing->afiles) {
		ing->afiles = ing->afiles ? ing->afiles * 2 : 64;
		ing->files = xrealloc(ing->files, ing->afiles * sizeof *ing->files);
	}
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

/* ---- batches: a file's records and messages, copied out of the parser ---- */

/* Add a message to a batch; text is copied. */
void
batch_msg(struct batch *b, enum msg_level lvl, size_t line, const char *text, size_t len)
{
	struct bmsg *m;

	if (b->nmsgs == b->amsgs) {
		b->amsgs = b->amsgs ? b->amsgs * 2 : 16;
		b->msgs = xrealloc(b->msgs, b->amsgs * sizeof *b->msgs);
	}
	m = &b->msgs[b->nmsgs++];
	m->level = lvl;
	m->line = line;
	m->text = arena_strndup(b->a, text, len);
	m->len = len;
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
	if (b->nrecs == b->arecs) {
		b->arecs = b->arecs ? b->arecs * 2 : 32;
		b->recs = xrealloc(b->recs, b->arecs * sizeof *b->recs);
	}
	c = &b->recs[b->nrecs++];
	*c = *r;
	c->file = NULL;		/* set when merged */
	c->id = arena_strdup(b->a, r->id);
	c->title = arena_strdup(b->a, r->title);
	c->day = arena_strdup(b->a, r->day);
	c->source = arena_strdup(b->a, r->source);
	c->authors = copy_strs(b->a, r->authors, r->nauthors);
	c->cats = copy_strs(b->a, r->cats, r->ncats);
	if (r->nblocks) {
		struct block *v = arena_calloc(b->a, r->nblocks, sizeof *v);

		for (i = 0; i < r->nblocks; i++) {
			v[i].kind = r->blocks[i].kind;
			v[i].label = arena_strdup(b->a, r->blocks[i].label);
			v[i].text = arena_strdup(b->a, r->blocks[i].text);
		}
		c->blocks = v;
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

/* Empty a batch for the next file, keeping its memory. */
static void
batch_clear(struct batch *b)
{
	struct arena_mark zero = { NULL, 0 };

	arena_reset(b->a, zero);
	b->nrecs = 0;
	b->ndirect = 0;
	b->nmsgs = 0;
	b->fmt = NULL;
	b->bytes = 0;
	b->failed = 0;
}

/* Set up an empty batch. */
static void
batch_init(struct batch *b)
{
	memset(b, 0, sizeof *b);
	b->a = arena_new();
}

/* Free a batch. */
static void
batch_free(struct batch *b)
{
	arena_free(b->a);
	free(b->recs);
	free(b->msgs);
}

/* ---- parsing one job (any thread) ---- */

/* Add "WHAT: strerror(err)" as an error of the batch. */
static void
batch_fail(struct batch *b, const char *what, int err)
{
	struct buf msg = BUF_INIT;

	buf_init(&msg);
	buf_printf(&msg, "%s: %s", what, strerror(err));
	batch_msg(b, MSG_ERROR, 0, msg.buf, msg.len);
	buf_free(&msg);
	b->failed = 1;
}

/* Read a whole file into w->data; -1 with errno on failure. */
static int
read_file(struct worker *w, const char *path)
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
run_parser(struct worker *w, struct batch *b, int light, const struct ingest_format *f,
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
job_run(struct worker *w, const struct job *j, struct batch *b, int light)
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
			batch_msg(b, MSG_NOTE, 0, note, sizeof note - 1);
		} else {
			/* the same text without "skipped: " */
			batch_msg(b, MSG_ERROR, 0, note + 9, sizeof note - 1 - 9);
			b->failed = 1;
		}
		return;
	}
	run_parser(w, b, light, b->fmt, j->path, data, len);
}

/* ---- merging, in job order (calling thread) ---- */

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
	for (i = 0; i < b->nmsgs; i++)
		ingest_add_msg(ing, b->msgs[i].level, f->path, b->msgs[i].line,
		    b->msgs[i].text, b->msgs[i].len);
	for (i = 0; i < b->nrecs; i++) {
		b->recs[i].file = f->path;
		lib_add_paper(ing->lib, &b->recs[i]);
	}
	f->npapers = b->nrecs + b->ndirect;
	return b->failed ? -1 : 0;
}

/* The job list of one ingest_path call and the workers' shared state. */
struct run {
	struct ingest *ing;
	struct job *jobs;
	size_t njobs;
	int light;
	struct batch slots[NSLOTS];
	size_t next;			/* next job to hand out */
	size_t merged;			/* jobs merged so far */
	pthread_mutex_t mu;
	pthread_cond_t ready;		/* a batch became ready */
	pthread_cond_t room;		/* a slot became free */
};

/* Worker thread: parse jobs into their slots until none is left. */
static void *
run_worker(void *arg)
{
	struct run *r = arg;
	struct worker w;

	worker_init(&w);
	for (;;) {
		size_t j;
		struct batch *b;

		pthread_mutex_lock(&r->mu);
		while (r->next < r->njobs && r->next >= r->merged + NSLOTS)
			pthread_cond_wait(&r->room, &r->mu);
		if (r->next >= r->njobs) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		j = r->next++;
		pthread_mutex_unlock(&r->mu);
		b = &r->slots[j % NSLOTS];
		job_run(&w, &r->jobs[j], b, r->light);
		pthread_mutex_lock(&r->mu);
		b->ready = 1;
		pthread_cond_signal(&r->ready);
		pthread_mutex_unlock(&r->mu);
	}
	worker_free(&w);
	return NULL;
}

/* Parse and merge every job on the calling thread, records straight into the library. */
static int
run_here(struct ingest *ing, const struct job *jobs, size_t njobs)
{
	struct batch b;
	size_t j;
	int rc = 0;

	batch_init(&b);
	b.direct = ing->lib;
	for (j = 0; j < njobs; j++) {
		job_run(&ing->w0, &jobs[j], &b, lib_is_light(ing->lib));
		if (job_merge(ing, &jobs[j], &b) < 0)
			rc = -1;
		batch_clear(&b);
	}
	batch_free(&b);
	return rc;
}

/* Parse and merge every job, on worker threads when there are several. */
static int
run_jobs(struct ingest *ing, struct job *jobs, size_t njobs)
{
	struct run *r;
	pthread_t tid[MAX_THREADS];
	int nt = ing->nthreads, started = 0, rc = 0, k;
	size_t j;

	if ((size_t)nt > njobs)
		nt = (int)njobs;
	if (nt <= 1)
		return run_here(ing, jobs, njobs);
	r = xcalloc(1, sizeof *r);
	r->ing = ing;
	r->jobs = jobs;
	r->njobs = njobs;
	r->light = lib_is_light(ing->lib);
	for (k = 0; k < NSLOTS; k++)
		batch_init(&r->slots[k]);
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->ready, NULL);
	pthread_cond_init(&r->room, NULL);
	for (k = 0; k < nt; k++)
		if (pthread_create(&tid[started], NULL, run_worker, r) == 0)
			started++;
	if (started == 0) {
		/* no thread could start: parse here, one job at a time */
		rc = run_here(ing, jobs, njobs);
	} else {
		for (j = 0; j < njobs; j++) {
			struct batch *b = &r->slots[j % NSLOTS];

			pthread_mutex_lock(&r->mu);
			while (!b->ready)
				pthread_cond_wait(&r->ready, &r->mu);
			pthread_mutex_unlock(&r->mu);
			if (job_merge(ing, &jobs[j], b) < 0)
				rc = -1;
			batch_clear(b);
			pthread_mutex_lock(&r->mu);
			b->ready = 0;
			r->merged = j + 1;
			pthread_cond_broadcast(&r->room);
			pthread_mutex_unlock(&r->mu);
		}
	}
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	for (k = 0; k < NSLOTS; k++)
		batch_free(&r->slots[k]);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->ready);
	pthread_cond_destroy(&r->room);
	free(r);
	return rc;
}

/* Ingest an in-memory input. */
int
ingest_buffer(struct ingest *ing, const char *name, const char *data, size_t len)
{
	struct job j;

	memset(&j, 0, sizeof j);
	j.path = (char *)name;
	j.data = data;
	j.len = len;
	return run_here(ing, &j, 1);
}

/* ---- walking paths into jobs ---- */

struct joblist {
	struct job *v;
	size_t n, alloc;
};

/* Append a job for path (copied); err_what set means a failure to report. */
static void
jobs_add(struct joblist *l, const char *path, int quiet, const char *err_what, int err_no)
{
	struct job *j;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 64;
		l->v = xrealloc(l->v, l->alloc * sizeof *l->v);
	}
	j = &l->v[l->n++];
	memset(j, 0, sizeof *j);
	j->path = xstrdup(path);
	j->quiet = quiet;
	j->err_what = err_what;
	j->err_no = err_no;
}

/* A directory entry waiting on the walk's stack. */
struct entry {
	char *path;	/* owned */
	int type;	/* DT_REG, DT_DIR, ... from readdir; DT_UNKNOWN: ask stat */
};

/* Compare entries by path for qsort. */
static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

struct dirid {
	dev_t dev;
	ino_t ino;
};

/*
 * Walk a directory iteratively (explicit stack, entries in name order,
 * hidden entries skipped, each directory once) into jobs.  Regular files
 * that readdir already typed are not stat()ed.
 */
static void
walk_dir(struct ingest *ing, struct joblist *jobs, const char *path)
{
	struct entry *stack;
	size_t nstack = 0, astack = 16;
	struct dirid *seen = NULL;
	size_t nseen = 0, aseen = 0;
	struct stat st;

	stack = xcalloc(astack, sizeof *stack);
	stack[nstack].path = xstrdup(path);
	stack[nstack++].type = DT_UNKNOWN;
	while (nstack) {
		struct entry cur = stack[--nstack];
		DIR *d;
		struct dirent *de;
		struct entry *names = NULL;
		size_t nnames = 0, anames = 0, k;

		if (cur.type == DT_REG) {
			jobs_add(jobs, cur.path, 1, NULL, 0);
			free(cur.path);
			continue;
		}
		if (stat(cur.path, &st) < 0) {
			jobs_add(jobs, cur.path, 1, "cannot open", errno);
			free(cur.path);
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (S_ISREG(st.st_mode))
				jobs_add(jobs, cur.path, 1, NULL, 0);
			free(cur.path);
			continue;
		}
		for (k = 0; k < nseen; k++)
			if (seen[k].dev == st.st_dev && seen[k].ino == st.st_ino)
				break;
		if (k < nseen) {
			free(cur.path);
			continue;
		}
		if (nseen == aseen) {
			aseen = aseen ? aseen * 2 : 16;
			seen = xrealloc(seen, aseen * sizeof *seen);
		}
		seen[nseen].dev = st.st_dev;
		seen[nseen++].ino = st.st_ino;
		d = opendir(cur.path);
		if (d == NULL) {
			jobs_add(jobs, cur.path, 1, "cannot open directory", errno);
			free(cur.path);
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if (nnames == anames) {
				anames = anames ? anames * 2 : 32;
				names = xrealloc(names, anames * sizeof *names);
			}
			buf_setlen(&ing->tmp, 0);
			buf_puts(&ing->tmp, cur.path);
			if (ing->tmp.len && ing->tmp.buf[ing->tmp.len - 1] != '/')
				buf_addch(&ing->tmp, '/');
			buf_puts(&ing->tmp, de->d_name);
			names[nnames].path = xstrdup(ing->tmp.buf);
			names[nnames++].type = de->d_type == DT_REG ? DT_REG : DT_UNKNOWN;
		}
		closedir(d);
		if (nnames > 1)
			qsort(names, nnames, sizeof *names, entry_cmp);
		/* push in reverse so the first name is read first */
		for (k = nnames; k > 0; k--) {
			if (nstack == astack) {
				astack *= 2;
				stack = xrealloc(stack, astack * sizeof *stack);
			}
			stack[nstack++] = names[k - 1];
		}
		free(names);
		free(cur.path);
	}
	free(stack);
	free(seen);
}

/* Read a path: a file, or a directory read recursively. */
int
ingest_path(struct ingest *ing, const char *path)
{
	struct joblist jobs = { NULL, 0, 0 };
	struct stat st;
	size_t k;
	int rc;

	if (stat(path, &st) < 0)
		jobs_add(&jobs, path, 0, "cannot open", errno);
	else if (S_ISDIR(st.st_mode))
		walk_dir(ing, &jobs, path);
	else if (!S_ISREG(st.st_mode))
		jobs_add(&jobs, path, 0, "not a regular file", EINVAL);
	else
		jobs_add(&jobs, path, 0, NULL, 0);
	rc = run_jobs(ing, jobs.v, jobs.n);
	for (k = 0; k < jobs.n; k++)
		free(jobs.v[k].path);
	free(jobs.v);
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

/* Messages so far. */
size_t
ingest_nmsgs(const struct ingest *ing)
{
	return ing->nmsgs;
}

const struct ingest_msg *
ingest_msg(const struct ingest *ing, size_t i)
{
	return i < ing->nmsgs ? &ing->msgs[i] : NULL;
}

/* Total bytes read. */
size_t
ingest_bytes(const struct ingest *ing)
{
	return ing->bytes;
}
