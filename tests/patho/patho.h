/* patho.h: what the case files of tests/patho share with the driver (patho.c).
 *
 * Two kinds of case besides patho.c's own:
 *  - struct pcase: an input built in memory, wrapped in digest context,
 *    ingested, finished and dumped; the driver times it and checks the
 *    dump (tests/patho/merge.c: one paper merged from many records;
 *    tests/patho/markup.c: start tags libxml2 would take minutes over);
 *  - struct scase: anything else, in a fresh temporary directory (files
 *    that are not regular, state and settings paths, exports, walks, the
 *    reader's input); the case times its own critical part, which must
 *    stay under the bound as well (tests/patho/system.c).
 */
#ifndef PB_PATHO_H
#define PB_PATHO_H

#include <stddef.h>

struct buf;

/* The digest context an input is wrapped in. */
enum ctx { CTX_NONE, CTX_TABLE, CTX_KO, CTX_JSON, CTX_ABSTRACT, CTX_HF, CTX_ATOM };

/* A case builds its input; sentinels: 1 alpha must survive, 2 both. */
struct pcase {
	const char *name;
	enum ctx ctx;
	void (*build)(struct buf *b);
	int sentinels;		/* 0, 1 (alpha) or 2 (alpha and omega) */
	long exact;		/* exact paper count, or -1 */
	long min;		/* minimum paper count */
	const char *must;	/* substring the dump must contain, or NULL */
	const char *must2;
	const char *mustnot;	/* substring the dump must not contain, or NULL */
};

/*
 * A system case: runs in the fresh directory dir (removed afterwards),
 * sets *secs to the time of its critical part (patho_now), returns 0 or
 * -1 with the reason in why; on success why may hold a short note.
 */
struct scase {
	const char *name;
	int (*run)(const char *dir, double *secs, char *why, size_t wn);
};

/* CPU seconds this process has used (the bound is on CPU time, whatever the load). */
double patho_now(void);
/*
 * User CPU seconds only: for a case whose kernel time is linear by
 * construction and depends on the machine (90,000 opendir calls).
 */
double patho_user_now(void);
/* The bound in seconds (1, times PATHO_TIME_SCALE). */
double patho_limit(void);

extern const struct pcase patho_merge[];
extern const size_t patho_nmerge;
extern const struct pcase patho_markup[];
extern const size_t patho_nmarkup;
extern const struct scase patho_sys[];
extern const size_t patho_nsys;

#endif
