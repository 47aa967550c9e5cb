/* cli/output.c: --check, --dump and --export: what was read, on stdout or in a file. */
#include "cli/output.h"
#include "cli/load.h"
#include "base/alloc.h"
#include "base/safeio.h"
#include "export/export.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * A reader of stdout that goes away (| head) must not kill the process
 * before a first build has written the store (store_set_early): writes
 * fail with EPIPE instead, and end_if_closed ends the process then, as
 * SIGPIPE would have, once the store is written.
 */
static void
hold_sigpipe(void)
{
	signal(SIGPIPE, SIG_IGN);
}

/* End as SIGPIPE ends a process when closed (stdout's reader went away). */
static void
end_if_closed(int closed)
{
	if (!closed)
		return;
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
}

/*
 * Ctrl-C while a first build still writes the store (l->store) would
 * lose the build (| less, then Ctrl-C): instead the output stops, the
 * store is written, and end_if_interrupted ends the process as SIGINT
 * would have.  A second Ctrl-C ends it at once.
 */
static volatile sig_atomic_t interrupted;

/* SIGINT while the store is written: note it (the handler is reset to the default). */
static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Hold SIGINT while l's first build still writes the store. */
static void
hold_sigint(const struct loaded *l)
{
	struct sigaction sa;

	if (l->store == NULL || sigaction(SIGINT, NULL, &sa) != 0 || sa.sa_handler == SIG_IGN)
		return;		/* nothing to hold, or ignored already (a background job) */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESETHAND;	/* no SA_RESTART: a write waiting on a pager returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

/* End as SIGINT ends a process when one was held. */
static void
end_if_interrupted(void)
{
	if (!interrupted)
		return;
	signal(SIGINT, SIG_DFL);
	raise(SIGINT);
}

/* --check: a line per file, its messages, and a total. */
int
output_check(const struct opts *o)
{
	struct loaded l;
	size_t i, records = 0, warnings, npapers;
	int rc, failed, closed;

	hold_sigpipe();
	load_plain(o, &l, stderr);
	hold_sigint(&l);
	rc = l.rc;
	warnings = diag_problems(load_diags(&l));
	npapers = l.lib ? lib_npapers(l.lib) : l.rep.npapers;
	for (i = 0; i < load_nfiles(&l) && !interrupted; i++) {
		const struct ingest_file *f = load_file(&l, i);

		if (f->failed)
			diag_printf(stdout, DIAG_PLAIN, f->path, 0, "unreadable or unrecognised");
		else if (f->fmt == NULL)
			diag_printf(stdout, DIAG_PLAIN, f->path, 0, "skipped");	/* the note below says why */
		else
			diag_printf(stdout, DIAG_PLAIN, f->path, 0, "%s, %zu paper%s",
			    ingest_format_name(f->fmt), f->npapers, f->npapers == 1 ? "" : "s");
		records += f->npapers;
		diag_print_list(stdout, load_diags(&l), f->first_msg, f->first_msg + f->nmsgs, 1);
	}
	if (!interrupted)
		printf("%zu file%s, %zu record%s, %zu paper%s after merging, %zu problem%s\n",
		    load_nfiles(&l), load_nfiles(&l) == 1 ? "" : "s",
		    records, records == 1 ? "" : "s",
		    npapers, npapers == 1 ? "" : "s",
		    warnings, warnings == 1 ? "" : "s");
	failed = !interrupted && (fflush(stdout) != 0 || ferror(stdout));	/* a held pager would block it */
	closed = failed && errno == EPIPE;
	load_settle(&l, stderr);
	load_free(&l);
	end_if_closed(closed);
	end_if_interrupted();
	return failed || rc < 0 ? 1 : 0;
}

/* True when p passes the --starred and --unread filters. */
static int
wanted(const struct opts *o, const struct paper *p)
{
	if (o->starred && !marks_get(o->state, p->key, MARKS_STARRED))
		return 0;
	if (o->unread && marks_get(o->state, p->key, MARKS_READ))
		return 0;
	return 1;
}

/* Write all of b to stdout; -1 on a write error. */
static int
put_stdout(struct buf *b)
{
	int rc = fwrite(b->buf, 1, b->len, stdout) == b->len ? 0 : -1;

	buf_setlen(b, 0);
	return rc;
}

/* --dump and --export: messages on stderr, the papers on stdout or in --output. */
int
output_export(const struct opts *o)
{
	struct loaded l;
	struct lib *lib;
	int rc, wrc = 0, closed;
	size_t i, n = 0;
	const struct paper **v;
	struct buf out = BUF_INIT, err = BUF_INIT;

	hold_sigpipe();
	load_plain(o, &l, stderr);
	hold_sigint(&l);
	rc = l.rc;
	lib = l.lib;
	buf_init(&out);
	buf_init(&err);
	if (o->quiet) {		/* -q: errors only */
		const struct diag_list *dl = load_diags(&l);

		for (i = 0; i < dl->n; i++)
			if (dl->v[i].d.level == DIAG_ERROR)
				diag_print_list(stderr, dl, i, i + 1, 0);
	} else {
		diag_print_list(stderr, load_diags(&l), 0, SIZE_MAX, 0);
	}
	v = xcalloc(lib_npapers(lib) + 1, sizeof *v);
	for (i = 0; i < lib_npapers(lib); i++)
		if (wanted(o, lib_paper(lib, i)))
			v[n++] = lib_paper(lib, i);
	if (o->output || o->fmt == EXPORT_BIBTEX) {
		export_papers(&out, o->fmt, lib, o->state, o->prefs.lang, v, n);
		if (o->output)
			wrc = safeio_write_out(o->output, out.buf, out.len, 0666, &err);
		else
			wrc = put_stdout(&out);
	} else {
		/* line formats stream in pieces of about 64 KiB */
		for (i = 0; i < n && wrc == 0 && !interrupted; i++) {
			export_papers(&out, o->fmt, lib, o->state, o->prefs.lang, v + i, 1);
			if (out.len >= 1 << 16 || i + 1 == n)
				wrc = put_stdout(&out);
		}
	}
	if (wrc == 0 && !o->output && !interrupted && fflush(stdout) != 0)
		wrc = -1;
	closed = wrc < 0 && !o->output && errno == EPIPE;
	if (wrc < 0 && !closed && !interrupted) {
		if (err.len)
			diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "%s", err.buf);
		else
			diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "cannot write the %s: %s",
			    o->mode == MODE_DUMP ? "dump" : "export", strerror(errno));
	}
	if (wrc < 0)
		rc = -1;
	free(v);
	buf_free(&out);
	buf_free(&err);
	load_settle(&l, stderr);
	load_free(&l);
	end_if_closed(closed);
	end_if_interrupted();
	return rc < 0 ? 1 : 0;
}
