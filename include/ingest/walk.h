/* ingest/walk.h: turning the paths named on the command line into the
 * list of jobs (inputs) the pool parses: one per regular file, in name
 * order, plus the failures met on the way, each reported in its place.
 */
#ifndef PB_INGEST_WALK_H
#define PB_INGEST_WALK_H

#include <stddef.h>

/* One input: a file to read, an in-memory buffer, or a failure met while walking. */
struct job {
	char *path;			/* owned */
	const char *data;		/* in-memory input, or NULL to read path */
	size_t len;
	int quiet;			/* met inside a directory: never fails the run */
	const char *err_what;		/* a failure to report instead ("cannot open") */
	int err_no;			/* its errno; 0: err_what is a note, not a failure */
	unsigned mode;			/* not 0: not a regular file of this st_mode */
};

struct joblist {
	struct job *v;
	size_t n, alloc;
};

/*
 * Append the jobs of path: the file itself, or the files under a
 * directory read recursively (iteratively, entries in name order, hidden
 * entries skipped, each directory once).  Files found in a directory are
 * quiet; failures become jobs that report them, and so do a dangling
 * symbolic link, a FIFO or a device (noted when met in a directory).
 */
void walk_path(struct joblist *l, const char *path);
/* Free the jobs' paths and the list. */
void walk_free(struct joblist *l);

#endif
