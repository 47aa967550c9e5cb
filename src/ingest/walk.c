/* ingest/walk.c: paths and directory trees walked into jobs (see walk.h). */
#include "ingest/walk.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/hashmap.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Append a job for path (copied); err_what set means a failure (or, with err_no 0, a note) to report. */
static struct job *
jobs_add(struct joblist *l, const char *path, int quiet, const char *err_what, int err_no)
{
	struct job *j;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	j = &l->v[l->n++];
	memset(j, 0, sizeof *j);
	j->path = xstrdup(path);
	j->quiet = quiet;
	j->err_what = err_what;
	j->err_no = err_no;
	return j;
}

/* A directory entry waiting on the walk's stack. */
struct entry {
	char *path;	/* owned */
	int type;	/* DT_REG or DT_DIR from readdir; DT_UNKNOWN: ask stat */
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

/* The directories walked so far, indexed by (device, inode). */
struct seen {
	struct dirid *v;
	size_t n, alloc;
	struct hashmap index;
};

/* Hash of a directory's identity. */
static uint64_t
dirid_hash(const struct dirid *d)
{
	uint64_t h = ((uint64_t)d->dev * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)d->ino * 0xC2B2AE3D27D4EB4FULL);

	return h ? h : 1;
}

/* hashmap_eq_fn: entry idx of the seen list is directory *key. */
static int
dirid_eq(const void *ctx, uint32_t idx, const void *key)
{
	const struct dirid *a = &((const struct seen *)ctx)->v[idx], *b = key;

	return a->dev == b->dev && a->ino == b->ino;
}

/* Remember st's directory; 0 when new, 1 when it was walked already. */
static int
seen_add(struct seen *s, const struct stat *st)
{
	struct dirid d;
	uint64_t h;

	memset(&d, 0, sizeof d);
	d.dev = st->st_dev;
	d.ino = st->st_ino;
	h = dirid_hash(&d);
	if (hashmap_find(&s->index, h, dirid_eq, s, &d) >= 0)
		return 1;
	ALLOC_GROW(s->v, s->n + 1, s->alloc);
	s->v[s->n] = d;
	hashmap_put(&s->index, h, (uint32_t)s->n++);
	return 0;
}

/*
 * Open cur as a directory not walked yet.  NULL when it is not a
 * directory (then it became a job: a file, a note or a failure), when it
 * was walked already (a link back up, or the same directory twice), or
 * when it cannot be opened (a failure job).  An entry readdir typed as a
 * directory is opened at once: one path lookup, then fstat.
 */
static DIR *
open_dir(struct joblist *jobs, struct seen *seen, const struct entry *cur)
{
	struct stat st;
	DIR *d;
	int fd;

	if (cur->type != DT_DIR) {
		if (stat(cur->path, &st) < 0) {
			int e = errno;

			if (e == ENOENT && lstat(cur->path, &st) == 0 && S_ISLNK(st.st_mode))
				jobs_add(jobs, cur->path, 1, "skipped: a symbolic link that leads nowhere", 0);
			else
				jobs_add(jobs, cur->path, 1, "cannot open", e);
			return NULL;
		}
		if (S_ISREG(st.st_mode))
			jobs_add(jobs, cur->path, 1, NULL, 0);
		else if (!S_ISDIR(st.st_mode))
			jobs_add(jobs, cur->path, 1, NULL, 0)->mode = (unsigned)st.st_mode;
		if (!S_ISDIR(st.st_mode))
			return NULL;
	}
	fd = open(cur->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0 || (d = fdopendir(fd)) == NULL) {
		jobs_add(jobs, cur->path, 1, "cannot open directory", errno);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (seen_add(seen, &st)) {
		closedir(d);
		return NULL;
	}
	return d;
}

/* The visible entries of d (in directory dir), sorted by name; *n of them (caller frees). */
static struct entry *
list_dir(DIR *d, const char *dir, struct buf *name, size_t *n)
{
	struct entry *names = NULL;
	size_t anames = 0;
	struct dirent *de;

	*n = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		ALLOC_GROW(names, *n + 1, anames);
		buf_setlen(name, 0);
		buf_puts(name, dir);
		if (name->len && name->buf[name->len - 1] != '/')
			buf_addch(name, '/');
		buf_puts(name, de->d_name);
		names[*n].path = xstrdup(name->buf);
		names[*n].type = de->d_type == DT_REG || de->d_type == DT_DIR ? de->d_type : DT_UNKNOWN;
		(*n)++;
	}
	if (*n > 1)
		qsort(names, *n, sizeof *names, entry_cmp);
	return names;
}

/*
 * Walk a directory iteratively (explicit stack, entries in name order,
 * hidden entries skipped, each directory once: a hash set of the
 * directories walked, so 90,000 of them stay linear) into jobs.  Regular
 * files that readdir already typed are not stat()ed.
 */
static void
walk_dir(struct joblist *jobs, const char *path)
{
	struct entry *stack, *names;
	size_t nstack = 0, astack = 16, nnames, k;
	struct seen seen;
	struct buf name = BUF_INIT;

	buf_init(&name);
	memset(&seen, 0, sizeof seen);
	stack = xcalloc(astack, sizeof *stack);
	stack[nstack].path = xstrdup(path);
	stack[nstack++].type = DT_UNKNOWN;
	while (nstack) {
		struct entry cur = stack[--nstack];
		DIR *d;

		if (cur.type == DT_REG)
			jobs_add(jobs, cur.path, 1, NULL, 0);
		else if ((d = open_dir(jobs, &seen, &cur)) != NULL) {
			names = list_dir(d, cur.path, &name, &nnames);
			closedir(d);
			/* push in reverse so the first name is read first */
			for (k = nnames; k > 0; k--) {
				ALLOC_GROW(stack, nstack + 1, astack);
				stack[nstack++] = names[k - 1];
			}
			free(names);
		}
		free(cur.path);
	}
	free(stack);
	free(seen.v);
	hashmap_free(&seen.index);
	buf_free(&name);
}

/* Append the jobs of a path: a file, or a directory read recursively. */
void
walk_path(struct joblist *l, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		jobs_add(l, path, 0, "cannot open", errno);
	else if (S_ISDIR(st.st_mode))
		walk_dir(l, path);
	else if (!S_ISREG(st.st_mode))
		jobs_add(l, path, 0, NULL, 0)->mode = (unsigned)st.st_mode;
	else
		jobs_add(l, path, 0, NULL, 0);
}

/* Free the jobs' paths and the list. */
void
walk_free(struct joblist *l)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		free(l->v[k].path);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}
