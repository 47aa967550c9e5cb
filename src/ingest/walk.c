/* ingest/walk.c: paths and directory trees walked into jobs (see walk.h). */
#include "ingest/walk.h"
#include "base/alloc.h"
#include "base/buf.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Append a job for path (copied); err_what set means a failure to report. */
static void
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
walk_dir(struct joblist *jobs, const char *path)
{
	struct entry *stack;
	size_t nstack = 0, astack = 16;
	struct dirid *seen = NULL;
	size_t nseen = 0, aseen = 0;
	struct stat st;
	struct buf name = BUF_INIT;

	buf_init(&name);
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
		ALLOC_GROW(seen, nseen + 1, aseen);
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
			ALLOC_GROW(names, nnames + 1, anames);
			buf_setlen(&name, 0);
			buf_puts(&name, cur.path);
			if (name.len && name.buf[name.len - 1] != '/')
				buf_addch(&name, '/');
			buf_puts(&name, de->d_name);
			names[nnames].path = xstrdup(name.buf);
			names[nnames++].type = de->d_type == DT_REG ? DT_REG : DT_UNKNOWN;
		}
		closedir(d);
		if (nnames > 1)
			qsort(names, nnames, sizeof *names, entry_cmp);
		/* push in reverse so the first name is read first */
		for (k = nnames; k > 0; k--) {
			ALLOC_GROW(stack, nstack + 1, astack);
			stack[nstack++] = names[k - 1];
		}
		free(names);
		free(cur.path);
	}
	free(stack);
	free(seen);
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
		jobs_add(l, path, 0, "not a regular file", EINVAL);
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
