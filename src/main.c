/* main.c: the command line. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <poll.h>
#include <unistd.h>

#include "base/buf.h"
#include "text/lang.h"
#include "settings/prefs.h"
#include "settings/settings.h"
#include "export/dump.h"
#include "export/export.h"
#include "base/date.h"
#include "fetch/fetch.h"
#include "fetch/report.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "base/safeio.h"
#include "marks/marks.h"
#include "store/index.h"
#include "store/store.h"
#include "text/diag.h"
#include "ui/ui.h"
#include "ui/cmd.h"
#include "ui/keys.h"

enum mode { MODE_READ, MODE_DUMP, MODE_CHECK, MODE_EXPORT };

struct opts {
	enum mode mode;
	struct prefs_args args;	/* what the command line says of the preferences (--lang) */
	char **paths;
	size_t npaths;
	struct buf libdir;	/* default library directory when no PATH is given */
	int samples;		/* it was empty: the samples are read instead */
	enum export_fmt fmt;	/* --export */
	const char *output;	/* --output, or NULL for stdout */
	int starred, unread;	/* --starred, --unread */
	int quiet;		/* -q: no warnings with --dump and --export */
	struct settings *config;	/* the settings file, for its messages */
	struct prefs prefs;	/* resolved from the defaults, config, environment and args */
	struct marks *state;	/* NULL with --check */
	int no_store;		/* --no-store: parse the inputs directly */
	const char *store;	/* --store=FILE, or NULL for the default */
	int named;		/* PATHs were given on the command line */
};

/* What a run read: the library and the files and messages, parsed or from the store. */
struct loaded {
	struct lib *lib;		/* NULL for --check from the store */
	struct ingest *ing;		/* when parsed */
	struct store_report rep;	/* when read from the store */
	int from_store;
	int rc;				/* -1 when something named could not be read */
	struct store_stats stats;	/* what the store's sync did, when from the store */
	struct store *store;		/* a first build still writing (store_set_early), or NULL */
};

/* Print the --help text. */
static void
usage(FILE *f)
{
	fputs(
"usage: paperboy [OPTION]... [PATH]...\n"
"       paperboy fetch [--days N | --since DAY] [--until DAY] [NAME]...\n"
"Read daily AI-paper digests (Hugging Face Daily Papers and the digests\n"
"published from it, in English and Korean) in the terminal.\n"
"\n"
"Each PATH is a digest file or a directory read recursively.  Without a PATH,\n"
"the library directory is read ($PAPERBOY_LIBRARY, else\n"
"$XDG_DATA_HOME/paperboy/library), or the bundled samples when it is empty.\n"
"\n"
"  --dump          print the merged library as JSON Lines and exit\n"
"  --check         print each file's format and paper count, and every\n"
"                  problem as FILE:LINE: warning: ...; exit 1 when a file\n"
"                  could not be read or recognised\n"
"  --export=FORMAT print the papers as bibtex, markdown or jsonl and exit\n"
"  --starred       with --dump or --export: only the starred papers\n"
"  --unread        with --dump or --export: only the papers not read\n"
"  --output=FILE   with --dump or --export: write FILE (replaced\n"
"                  crash-safely) instead of the standard output\n"
"  -q, --quiet     with --dump or --export: print no warnings about the\n"
"                  digests (errors and settings problems still)\n"
"  --lang=LANGS    show summaries in these languages first (en, ko, zh, ja; ko,en)\n"
"  --no-store      parse the inputs instead of using the library store\n"
"  --store=FILE    keep the library store in FILE\n"
"  --help          show this help and exit\n"
"  --version       show the version and exit\n"
"\n"
"Links open in $BROWSER (a colon-separated list; %s is the URL), else\n"
"xdg-open, never through a shell.  Over SSH (or with PAPERBOY_OPEN=copy)\n"
"o and Enter copy the URL to the local clipboard with OSC 52 instead.\n"
"\n"
"Formats: markdown table digests, Korean digests, Abstract: lines, the text\n"
"or the HTML of a huggingface.co/papers page, JSON day files and arXiv Atom\n"
"feeds; detected from the content, not the file name.\n"
"\n"
"The library store, a cache of what was read, is kept in $PAPERBOY_CACHE,\n"
"else $XDG_CACHE_HOME/paperboy (library.db; paths-*.db for named paths);\n"
"it can be deleted at any time.\n"
"\n"
"Read and starred marks are kept in $PAPERBOY_STATE, else\n"
"$XDG_STATE_HOME/paperboy/state; settings are read from $PAPERBOY_CONFIG,\n"
"else $XDG_CONFIG_HOME/paperboy/config (see the installed config.example).\n", f);
	{
		struct buf keys = BUF_INIT;
		struct ui_keys k;

		buf_init(&keys);
		ui_keys_init(&k);
		ui_keys_describe(&k, 0, &keys);
		fprintf(f, "\nKeys in the reader (bind KEY COMMAND in the settings changes them):\n%s",
		    keys.buf);
		ui_keys_free(&k);
		buf_free(&keys);
	}
}

static void usage_error(const char *what, const char *arg, const char *hint)
	__attribute__((noreturn));

/* Report a usage error in one line ("WHAT 'ARG'HINT") and exit 2. */
static void
usage_error(const char *what, const char *arg, const char *hint)
{
	diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "%s '%s'%s (try 'paperboy --help')",
	    what, arg, hint);
	exit(2);
}

/* Accept a summary language or exit 2. */
static const char *
check_lang(const char *lang)
{
	const char *bad;

	if (!lang_list_ok(lang, &bad))
		usage_error("unknown language", lang, " (use codes such as en, ko, zh, ja, or a list: ko,en)");
	return lang;
}

/* Accept an export format or exit 2. */
static enum export_fmt
check_fmt(const char *name)
{
	enum export_fmt f;

	if (export_fmt_parse(name, &f) < 0)
		usage_error("unknown export format", name, " (use bibtex, markdown or jsonl)");
	return f;
}

/* Parse the command line into o. */
static void
parse_args(struct opts *o, int argc, char **argv)
{
	int i, only_paths = 0;

	o->paths = xcalloc((size_t)argc + 1, sizeof *o->paths);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (only_paths || a[0] != '-' || a[1] == '\0') {
			o->paths[o->npaths++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0)
			only_paths = 1;
		else if (strcmp(a, "--dump") == 0)
			o->mode = MODE_DUMP;
		else if (strcmp(a, "--check") == 0)
			o->mode = MODE_CHECK;
		else if (strncmp(a, "--export=", 9) == 0) {
			o->mode = MODE_EXPORT;
			o->fmt = check_fmt(a + 9);
		} else if (strcmp(a, "--export") == 0) {
			if (i + 1 >= argc)
				usage_error("option", a, " needs a value");
			o->mode = MODE_EXPORT;
			o->fmt = check_fmt(argv[++i]);
		} else if (strncmp(a, "--output=", 9) == 0 && a[9]) {
			o->output = a + 9;
		} else if (strcmp(a, "--output") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0')
				usage_error("option", a, " needs a value");
			o->output = argv[++i];
		} else if (strcmp(a, "--starred") == 0)
			o->starred = 1;
		else if (strcmp(a, "--unread") == 0)
			o->unread = 1;
		else if (strcmp(a, "--no-store") == 0)
			o->no_store = 1;
		else if (strncmp(a, "--store=", 8) == 0 && a[8])
			o->store = a + 8;
		else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
			o->quiet = 1;
		else if (strncmp(a, "--lang=", 7) == 0) {
			o->args.lang = check_lang(a + 7);
		} else if (strcmp(a, "--lang") == 0) {
			if (i + 1 >= argc)
				usage_error("option", a, " needs a value");
			o->args.lang = check_lang(argv[++i]);
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			exit(0);
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("paperboy %s\n", PACKAGE_VERSION);
			exit(0);
		} else {
			usage_error("unknown option", a, "");
		}
	}
	if (o->mode != MODE_DUMP && o->mode != MODE_EXPORT) {
		if (o->starred)
			usage_error("option", "--starred", " needs --dump or --export");
		if (o->unread)
			usage_error("option", "--unread", " needs --dump or --export");
		if (o->output)
			usage_error("option", "--output", " needs --dump or --export");
		if (o->quiet)
			usage_error("option", "-q", " needs --dump or --export");
	}
}

/* A directory that exists and holds at least one visible entry. */
static int
dir_has_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int found = 0;

	if (d == NULL)
		return 0;
	while (!found && (de = readdir(d)) != NULL)
		found = de->d_name[0] != '.';
	closedir(d);
	return found;
}

/* Choose what to read when no PATH was given: the preferences' libraries, else library_dir. */
static void
default_paths(struct opts *o)
{
	size_t i, nlib = o->prefs.nlibraries;

	if (nlib) {
		/* the config file's library paths, each read as named */
		o->paths = xrealloc(o->paths, (nlib + 1) * sizeof *o->paths);
		for (i = 0; i < nlib; i++)
			o->paths[o->npaths++] = (char *)o->prefs.libraries[i];
		return;
	}
	if (o->prefs.library_dir)
		buf_puts(&o->libdir, o->prefs.library_dir);
	o->samples = !(o->libdir.len && dir_has_entries(o->libdir.buf));
	o->paths[o->npaths++] = o->samples ? (char *)PB_SAMPLES_DIR : o->libdir.buf;
}

/* Number of files read. */
static size_t
nfiles(const struct loaded *l)
{
	return l->from_store ? l->rep.nfiles : ingest_nfiles(l->ing);
}

/* File i. */
static const struct ingest_file *
file_at(const struct loaded *l, size_t i)
{
	return l->from_store ? &l->rep.files[i] : ingest_file(l->ing, i);
}

/* The messages about the files, in file order (a file's: first_msg, nmsgs). */
static const struct diag_list *
diags(const struct loaded *l)
{
	return l->from_store ? &l->rep.diags : ingest_diags(l->ing);
}

/* Free what load gave. */
static void
loaded_free(struct loaded *l)
{
	store_close(l->store);	/* before the library, which its writing reads */
	lib_free(l->lib);
	ingest_free(l->ing);
	if (l->from_store)
		store_report_free(&l->rep);
	memset(l, 0, sizeof *l);
}

/*
 * Parse every path into a new library; a nonzero *cancel (may be NULL)
 * stops the reading early, and the caller then drops the result.
 */
static void
load_parse(const struct opts *o, struct loaded *l, const atomic_int *cancel, int light)
{
	size_t i;

	l->lib = lib_new();
	lib_set_light(l->lib, light || o->mode == MODE_CHECK);
	l->ing = ingest_new(l->lib);
	ingest_set_max_file_size(l->ing, o->prefs.max_file_size);
	ingest_set_cancel(l->ing, cancel);
	for (i = 0; i < o->npaths; i++)
		if (ingest_path(l->ing, o->paths[i]) < 0)
			l->rc = -1;
	if (o->mode != MODE_CHECK)	/* --check only counts: no display order needed */
		lib_finish(l->lib);
}

/* The newest day's papers in store s, as a library (caller frees), or NULL. */
static struct lib *
newest_day(struct store *s)
{
	struct buf msg = BUF_INIT, label = BUF_INIT;
	struct lib *lib = NULL;

	buf_init(&label);
	if (store_newest_day(s, &label, &msg) > 0)
		lib = store_lib_day(s, label.buf, &msg);
	buf_free(&label);
	buf_free(&msg);
	return lib;
}

/* How a load goes (load_with); all zero: as the command line loads. */
struct load_how {
	const struct store_progress *prog;	/* follows the sync, or NULL */
	int built_only;				/* see load_store */
	struct buf *note;			/* the store's problem when there is no FILE, or NULL */
	struct store **keep;			/* gets the store when up to date (caller closes), or NULL */
	/* after a sync that changed the store, before anything is parsed (may be NULL) */
	void (*synced)(void *arg, struct store *s);
	void *arg;
	/*
	 * With keep (may be NULL): when the store is up to date, parse a
	 * light library (lib_set_light) whose text the reader reads from the
	 * store a paper at a time, through a second connection put here
	 * (caller closes); the problems come from the store's report
	 */
	struct store **light;
	/* without keep: a first build writes while the caller prints (store_set_early; l->store) */
	int early;
};

/*
 * Sync the store and read from it; -1 (msg set, l empty) when the caller
 * must parse instead.  With how->built_only the library is taken only
 * from a first build, which merged it already; otherwise -1 with msg
 * empty, because parsing is faster than merging it all back.
 */
static int
load_store(const struct opts *o, struct store *s, struct loaded *l, const struct load_how *how,
    struct buf *msg)
{
	store_set_max_file_size(s, o->prefs.max_file_size);
	if (store_sync(s, o->paths, o->npaths, how->prog, &l->stats, msg) < 0)
		return -1;
	if (how->synced && !l->stats.built && (l->stats.read || l->stats.removed))
		how->synced(how->arg, s);
	if (how->built_only && (!l->stats.built || how->light))
		return -1;	/* parsed instead: light, or faster than merging it back */
	l->from_store = 1;	/* store_report fills l->rep even when it fails */
	if (store_report(s, &l->rep, msg) < 0 ||
	    (o->mode != MODE_CHECK && (l->lib = store_lib(s, msg)) == NULL)) {
		loaded_free(l);
		return -1;
	}
	l->rc = l->rep.failed ? -1 : 0;
	return 0;
}

/* Open the store named by --store, else the default one (a rebuild noted on f); NULL with the reason in msg. */
static struct store *
open_store(const struct opts *o, struct buf *msg, FILE *f)
{
	struct buf path = BUF_INIT;
	struct store *s = NULL;

	buf_init(&path);
	if (o->store)
		buf_puts(&path, o->store);
	else if (store_default_path(&path, o->paths, o->named ? o->npaths : 0) < 0)
		buf_puts(msg, "no directory for the library store (set HOME or PAPERBOY_CACHE)");
	if (path.len)
		s = store_open(path.buf, msg);
	if (s && msg->len && f)
		diag_printf(f, DIAG_PLAIN, "paperboy", 0, "%s", msg->buf);	/* rebuilt: a note */
	if (s)
		buf_setlen(msg, 0);
	buf_free(&path);
	return s;
}

/*
 * Whether to parse a light library (how->light): the store is kept and up
 * to date, and its report gives the problems (a light parse skips some).
 */
static int
read_light(const struct opts *o, const struct load_how *how, struct loaded *l)
{
	struct buf msg = BUF_INIT;
	int ok;

	if (!how->light || how->keep == NULL || *how->keep == NULL)
		return 0;
	store_shrink(*how->keep);	/* the sync is over: the reader reads a paper at a time */
	buf_init(&msg);
	l->from_store = 1;
	ok = store_report(*how->keep, &l->rep, &msg) == 0 &&
	    (*how->light = open_store(o, &msg, NULL)) != NULL;
	if (!ok) {
		store_report_free(&l->rep);	/* the files' own messages instead */
		l->from_store = 0;
	}
	store_shrink(*how->light);
	buf_free(&msg);
	return ok;
}

/*
 * Read every path into l: through the library store unless --no-store,
 * else (or when the store cannot be used: a one-line message on f, or
 * into how->note when f is NULL) by parsing.  Once the cancel flag of
 * how->prog is set nothing more is read.
 */
static void
load_with(const struct opts *o, struct loaded *l, FILE *f, const struct load_how *how)
{
	const atomic_int *cancel = how->prog ? how->prog->cancel : NULL;
	struct buf *note = how->note;
	struct buf msg = BUF_INIT;
	struct store *s;
	int rc, failed;

	memset(l, 0, sizeof *l);
	buf_init(&msg);
	if (!o->no_store) {
		s = open_store(o, &msg, f);
		if (s && how->early && !how->keep)
			store_set_early(s, 1);
		rc = s ? load_store(o, s, l, how, &msg) : -1;
		failed = s == NULL || msg.len > 0;	/* else up to date with the inputs */
		if (how->keep && !failed) {
			*how->keep = s;
			s = NULL;
		} else if (rc == 0 && how->early) {
			l->store = s;	/* closed once the output is written */
			s = NULL;
		}
		store_close(s);
		if (rc == 0) {
			buf_free(&msg);
			return;
		}
		if (failed && f)
			diag_printf(f, DIAG_PLAIN, "paperboy", 0, "%s (reading the files instead)",
			    msg.len ? msg.buf : "no store");
		else if (failed && note && !(cancel && atomic_load(cancel)))
			buf_printf(note, "%s (reading the files instead)", msg.len ? msg.buf : "no store");
	}
	if (!(cancel && atomic_load(cancel)))
		load_parse(o, l, cancel, read_light(o, how, l));
	buf_free(&msg);
}

/* Read every path into l (load_with, no progress); problems with the store go to f. */
static void
load(const struct opts *o, struct loaded *l, FILE *f)
{
	struct load_how how;

	memset(&how, 0, sizeof how);
	how.early = 1;
	load_with(o, l, f, &how);
}

/* Wait for a first build still writing the store; a note on f when it could not. */
static void
loaded_settle(struct loaded *l, FILE *f)
{
	struct buf msg = BUF_INIT;

	buf_init(&msg);
	if (l->store && store_wait(l->store, &msg) < 0)
		diag_printf(f, DIAG_PLAIN, "paperboy", 0, "%s (the store is built again next time)", msg.buf);
	buf_free(&msg);
}

/* --check: a line per file, its messages, and a total. */
static int
run_check(const struct opts *o)
{
	struct loaded l;
	size_t i, records = 0, warnings, npapers;
	int rc;

	load(o, &l, stderr);
	rc = l.rc;
	warnings = diag_problems(diags(&l));
	npapers = l.lib ? lib_npapers(l.lib) : l.rep.npapers;
	for (i = 0; i < nfiles(&l); i++) {
		const struct ingest_file *f = file_at(&l, i);

		if (f->failed)
			diag_printf(stdout, DIAG_PLAIN, f->path, 0, "unreadable or unrecognised");
		else if (f->fmt == NULL)
			diag_printf(stdout, DIAG_PLAIN, f->path, 0, "skipped");	/* the note below says why */
		else
			diag_printf(stdout, DIAG_PLAIN, f->path, 0, "%s, %zu paper%s",
			    ingest_format_name(f->fmt), f->npapers, f->npapers == 1 ? "" : "s");
		records += f->npapers;
		diag_print_list(stdout, diags(&l), f->first_msg, f->first_msg + f->nmsgs, 1);
	}
	printf("%zu file%s, %zu record%s, %zu paper%s after merging, %zu problem%s\n",
	    nfiles(&l), nfiles(&l) == 1 ? "" : "s",
	    records, records == 1 ? "" : "s",
	    npapers, npapers == 1 ? "" : "s",
	    warnings, warnings == 1 ? "" : "s");
	fflush(stdout);
	loaded_settle(&l, stderr);
	loaded_free(&l);
	if (fflush(stdout) != 0)
		return 1;
	return rc < 0 ? 1 : 0;
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
static int
run_export(const struct opts *o)
{
	struct loaded l;
	struct lib *lib;
	int rc, wrc = 0;
	size_t i, n = 0;
	const struct paper **v;
	struct buf out = BUF_INIT, err = BUF_INIT;

	load(o, &l, stderr);
	rc = l.rc;
	lib = l.lib;
	buf_init(&out);
	buf_init(&err);
	if (o->quiet) {		/* -q: errors only */
		const struct diag_list *dl = diags(&l);

		for (i = 0; i < dl->n; i++)
			if (dl->v[i].d.level == DIAG_ERROR)
				diag_print_list(stderr, dl, i, i + 1, 0);
	} else {
		diag_print_list(stderr, diags(&l), 0, SIZE_MAX, 0);
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
		for (i = 0; i < n && wrc == 0; i++) {
			export_papers(&out, o->fmt, lib, o->state, o->prefs.lang, v + i, 1);
			if (out.len >= 1 << 16 || i + 1 == n)
				wrc = put_stdout(&out);
		}
	}
	if (wrc == 0 && !o->output && fflush(stdout) != 0)
		wrc = -1;
	if (wrc < 0) {
		if (err.len)
			diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "%s", err.buf);
		else
			diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "cannot write the %s: %s",
			    o->mode == MODE_DUMP ? "dump" : "export", strerror(errno));
		rc = -1;
	}
	free(v);
	buf_free(&out);
	buf_free(&err);
	loaded_settle(&l, stderr);
	loaded_free(&l);
	return rc < 0 ? 1 : 0;
}

/* Print the settings' and the marks' messages on f (unless NULL); returns how many. */
static size_t
print_setup_msgs(const struct opts *o, FILE *f)
{
	size_t n = diag_problems(settings_diags(o->config));

	if (f)
		diag_print_list(f, settings_diags(o->config), 0, SIZE_MAX, 1);
	if (o->state == NULL)
		return n;
	if (f)
		diag_print_list(f, marks_diags(o->state), 0, SIZE_MAX, 1);
	return n + diag_problems(marks_diags(o->state));
}

/* The reader's loads: what they read, one at a time on the load thread. */
struct reload_arg {
	struct opts *o;
	int loads;		/* loads begun so far */
	/* the problems with the settings and the marks, as they were at start */
	size_t nsetup;
	const char *first_setup;	/* the first in full, or NULL */
	struct buf setup_lines;		/* their lines on the Problems page */
	struct store *store;		/* the store the last load synced, for reader_index */
};

/*
 * Set out to the problems --check prints (the settings' and the marks' as
 * they were at start, then the inputs' of l, not the notes), a line each:
 * the reader's Problems page.
 */
static void
problem_lines(const struct reload_arg *ra, const struct loaded *l, struct buf *out)
{
	buf_setlen(out, 0);
	buf_add(out, ra->setup_lines.buf, ra->setup_lines.len);
	diag_list_lines(out, diags(l), 0);
}

/* store_progress's fn: the sync's files, to the reader's status line. */
static void
load_progress(void *arg, size_t done, size_t total)
{
	ui_load_progress(arg, done, total);
}

/*
 * The status line's words for a load: what a reload read, the problems
 * (UI_LOAD_HINT where the reader names the key that lists them) and, the
 * first time, the first problem with the settings in full.
 */
static void
load_words(const struct reload_arg *ra, const struct loaded *l, int first, struct buf *msg)
{
	size_t n = ra->nsetup + diag_problems(diags(l));

	if (!first && msg->len == 0)
		buf_printf(msg, "reloaded %zu papers from %zu files", lib_npapers(l->lib), nfiles(l));
	if (n)
		buf_printf(msg, "%s%zu problem%s" UI_LOAD_HINT, msg->len ? ", " : "", n, n == 1 ? "" : "s");
	if (n && first && ra->first_setup)
		buf_printf(msg, ": %s", ra->first_setup);
}

/*
 * The load's synced hook: the newest day as the store has it now, shown
 * at once (a new day file appears before the whole library is read).
 */
static void
reader_synced(void *arg, struct store *s)
{
	struct lib *lib = newest_day(s);

	if (lib)
		ui_load_preview(arg, lib);
}

/* The reader's ui_load_fn: sync the store and read it (or parse), on the load thread. */
static int
reader_load(void *arg, struct ui_load_ctl *ctl, struct lib **out, struct buf *msg)
{
	struct reload_arg *ra = arg;
	struct store_progress prog = { load_progress, ctl, ui_load_cancel_flag(ctl) };
	int first = ra->loads++ == 0;
	/*
	 * The store synced (a first build shows its progress), then parsed
	 * unless just built; at start, the newest day is shown once synced.
	 */
	struct store *detail = NULL;
	struct load_how how = { &prog, 1, msg, &ra->store, first ? reader_synced : NULL, ctl, &detail, 0 };
	struct loaded l;

	if (ra->o->samples && dir_has_entries(ra->o->libdir.buf)) {
		/* the library was empty, and a fetch (R) has filled it */
		ra->o->paths[0] = ra->o->libdir.buf;
		ra->o->samples = 0;
	}
	store_close(ra->store);
	ra->store = NULL;
	load_with(ra->o, &l, NULL, &how);
	if (atomic_load(prog.cancel)) {
		store_close(detail);
		loaded_free(&l);
		return -1;	/* the reader is leaving */
	}
	ui_load_detail(ctl, detail);	/* the light library's papers are read through it */
	problem_lines(ra, &l, ui_load_problems(ctl));
	load_words(ra, &l, first, msg);
	*out = l.lib;
	l.lib = NULL;
	loaded_free(&l);
	xtrim();	/* the parse's buffers are gone: their pages too */
	return 1;
}

/* Papers indexed in one transaction: a reload waits at most for one. */
#define INDEX_BATCH 500

/*
 * The reader's ui_index_fn: index what the load's sync stored, on the
 * load thread, and hand the store to the reader's searches.
 */
static void
reader_index(void *arg, struct ui_load_ctl *ctl, const struct lib *lib, struct store **out,
    struct index **ix)
{
	struct reload_arg *ra = arg;
	const atomic_int *stop = ui_load_cancel_flag(ctl);
	struct buf msg = BUF_INIT;

	*out = ra->store;
	ra->store = NULL;
	buf_init(&msg);
	while (*out && !atomic_load(stop) && index_build(*out, INDEX_BATCH, &msg) > 0)
		;
	while (*out && !atomic_load(stop) && index_tidy(*out, &msg) > 0)
		;
	if (*out && lib && !atomic_load(stop)) {
		/* what the first keystroke would read, read now */
		*ix = index_new(*out);
		index_bind(*ix, lib);
		index_warm(*ix, &msg);	/* on failure, the first search tries again */
	}
	buf_free(&msg);
	xtrim();
}

/* ---- paperboy fetch ---- */

/* Print the fetch --help text. */
static void
fetch_usage(FILE *f)
{
	fputs(
"usage: paperboy fetch [--days N | --since YYYY-MM-DD] [--until YYYY-MM-DD] [NAME]...\n"
"Fetch the day files of the sources (all that are on, or those NAMEd) into\n"
"the library directory ($PAPERBOY_LIBRARY, else the first library setting,\n"
"else $XDG_DATA_HOME/paperboy/library).\n"
"\n"
"  --days N        the N days up to --until\n"
"  --since DAY     every day from DAY to --until\n"
"  --until DAY     the last day (default: today, UTC)\n"
"\n"
"Without --days or --since: every day since the last complete fetch, at most\n"
"7; today and yesterday are always asked again.  Sources: hf-daily (on),\n"
"hf-page, arxiv-CATEGORY, and 'source NAME URL-TEMPLATE' lines in the\n"
"settings.  Exit status: 0 when everything succeeded, 1 when something\n"
"failed, 2 on a usage error.\n", f);
}

/* A --since/--until day or exit 2. */
static long
check_day(const char *opt, const char *v)
{
	long d = date_parse(v);

	if (d < 0)
		usage_error(opt, v, " needs a day as YYYY-MM-DD");
	return d;
}

/* The value of option a (argv[*i]) as --opt=V or --opt V; NULL when a is not opt. */
static const char *
opt_value(const char *opt, int argc, char **argv, int *i)
{
	size_t n = strlen(opt);
	const char *a = argv[*i];

	if (strncmp(a, opt, n) == 0 && a[n] == '=')
		return a + n + 1;
	if (strcmp(a, opt) != 0)
		return NULL;
	if (*i + 1 >= argc)
		usage_error("option", a, " needs a value");
	return argv[++*i];
}

/* Parse the fetch arguments into fo (names point into argv). */
static void
parse_fetch_args(struct fetch_opts *fo, int argc, char **argv)
{
	const char **names = xcalloc((size_t)argc + 1, sizeof *names);
	const char *v;
	int i, only_names = 0;

	fo->since = fo->until = -1;
	fo->names = names;
	for (i = 2; i < argc; i++) {
		char *end;

		if (only_names || argv[i][0] != '-') {
			names[fo->nnames++] = argv[i];
		} else if (strcmp(argv[i], "--") == 0) {
			only_names = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fetch_usage(stdout);
			exit(0);
		} else if ((v = opt_value("--days", argc, argv, &i)) != NULL) {
			errno = 0;
			fo->days = strtol(v, &end, 10);
			if (*v < '0' || *v > '9' || *end || errno || fo->days < 1 || fo->days > FETCH_MAX_DAYS)
				usage_error("option --days needs a number of days from 1 to 3660, not", v, "");
		} else if ((v = opt_value("--since", argc, argv, &i)) != NULL) {
			fo->since = check_day("--since", v);
		} else if ((v = opt_value("--until", argc, argv, &i)) != NULL) {
			fo->until = check_day("--until", v);
		} else {
			usage_error("unknown option", argv[i], "");
		}
	}
	if (fo->days && fo->since >= 0)
		usage_error("option", "--days", " and --since cannot go together");
}

/* Print a fetch's events as they come, then its summary; the exit status. */
static int
follow(struct fetch *f)
{
	struct report *rep = report_new(isatty(STDOUT_FILENO));
	struct buf out = BUF_INIT;
	struct fetch_event ev;
	int rc;

	memset(&ev, 0, sizeof ev);
	while ((rc = fetch_next(f, &ev)) >= 0) {
		struct pollfd p = { fetch_fd(f), POLLIN, 0 };

		if (rc == 0) {
			poll(&p, 1, -1);
			continue;
		}
		report_event(rep, &ev, &out);
		fetch_event_clear(&ev);
		fputs(buf_str(&out), stdout);
		fflush(stdout);
		buf_setlen(&out, 0);
	}
	report_summary(rep, &out);
	fputs(buf_str(&out), stdout);
	report_free(rep);
	buf_free(&out);
	rc = fetch_end(f);
	return fflush(stdout) != 0 ? 1 : rc;
}

/* paperboy fetch ...: the exit status. */
static int
run_fetch(int argc, char **argv)
{
	struct settings *config = settings_load(NULL);
	struct prefs p;
	struct fetch_opts fo;
	struct buf err = BUF_INIT;
	struct fetch *f;
	size_t i;
	int rc = 1;

	memset(&fo, 0, sizeof fo);
	parse_fetch_args(&fo, argc, argv);
	diag_print_list(stderr, settings_diags(config), 0, SIZE_MAX, 1);
	prefs_resolve(&p, config, NULL, NULL);
	fo.sources = p.sources;
	fo.ca_file = p.ca_file;
	for (i = 0; i < fo.nnames; i++)
		if (fetch_check_names(fo.sources, &fo.names[i], 1, &err) < 0)
			usage_error("unknown source", fo.names[i],
			    " (hf-daily, hf-page, arxiv-CATEGORY or a source line)");
	fo.libdir = p.library_dir ? p.library_dir : "";
	f = fetch_start(&fo, &err);
	if (f == NULL)
		diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "fetch: %s", err.buf);
	else
		rc = follow(f);
	free((void *)fo.names);
	buf_free(&err);
	prefs_free(&p);
	settings_free(config);
	return rc;
}

/*
 * After the reader: marks not saved yet get a last try; when they still
 * cannot be saved, say so on stderr and return -1 (the exit status is 1).
 */
static int
save_at_exit(const struct opts *o)
{
	if (o->state == NULL || !marks_dirty(o->state))
		return 0;
	marks_clear_msgs(o->state);
	if (marks_save(o->state) == 0)
		return 0;
	diag_print_list(stderr, marks_diags(o->state), 0, SIZE_MAX, 1);
	diag_printf(stderr, DIAG_PLAIN, "paperboy", 0, "%zu change%s to the read and starred marks could not be saved",
	    marks_ndirty(o->state), marks_ndirty(o->state) == 1 ? "" : "s");
	return -1;
}

/*
 * The reader's first screen, at once: the newest day's papers from the
 * store when it holds these paths (the load at start brings the rest),
 * else nothing yet.  Caller frees.
 */
static struct lib *
first_lib(const struct opts *o)
{
	struct buf msg = BUF_INIT;
	struct store *s = NULL;
	struct lib *lib = NULL;

	buf_init(&msg);
	if (!o->no_store && (s = open_store(o, &msg, NULL)) != NULL &&
	    store_has_paths(s, o->paths, o->npaths))
		lib = newest_day(s);
	store_close(s);
	buf_free(&msg);
	if (lib == NULL) {
		lib = lib_new();
		lib_finish(lib);
	}
	return lib;
}

/* The reader: show the first library, read the inputs in the background, save the marks at the end. */
static int
run_reader(struct opts *o)
{
	struct lib *lib;
	struct ui_opts uo;
	struct reload_arg ra;
	struct buf status = BUF_INIT;
	int rc;

	buf_init(&status);
	memset(&ra, 0, sizeof ra);
	ra.o = o;
	buf_init(&ra.setup_lines);
	diag_list_lines(&ra.setup_lines, settings_diags(o->config), 0);
	if (o->state)
		diag_list_lines(&ra.setup_lines, marks_diags(o->state), 0);
	ra.nsetup = print_setup_msgs(o, NULL);
	if (ra.nsetup) {
		/* the reader counts the problems and names the key of the Problems page */
		ra.first_setup = settings_nmsgs(o->config) ? settings_msg(o->config, 0) : marks_msg(o->state, 0);
		buf_puts(&status, ra.first_setup);
		ra.first_setup = status.buf;	/* the marks' own text may go when they are saved */
	} else if (o->samples && o->libdir.len) {
		buf_printf(&status, "%s is empty: these are the samples (R or paperboy fetch gets papers)",
		    o->libdir.buf);
	}
	lib = first_lib(o);
	memset(&uo, 0, sizeof uo);
	uo.problems = &ra.setup_lines;
	uo.load = reader_load;
	uo.load_arg = &ra;
	uo.index = reader_index;
	uo.load_at_start = 1;
	uo.status = status.len ? status.buf : NULL;
	uo.state = o->state;
	uo.prefs = &o->prefs;
	rc = ui_run(lib, &uo);	/* frees lib */
	store_close(ra.store);
	if (save_at_exit(o) < 0 && rc == 0)
		rc = 1;
	buf_free(&ra.setup_lines);
	buf_free(&status);
	return rc;
}

/*
 * The reader needs every path named on the command line to exist: a
 * missing one is "paperboy: PATH: REASON" and exit 1, not an empty reader.
 */
static void
check_paths(const struct opts *o)
{
	struct stat sb;
	size_t i;

	for (i = 0; i < o->npaths; i++)
		if (stat(o->paths[i], &sb) < 0) {
			fprintf(stderr, "paperboy: %s: %s\n", o->paths[i], strerror(errno));
			exit(1);
		}
}

/* Entry point. */
int
main(int argc, char **argv)
{
	struct opts o;
	int rc;

	setlocale(LC_ALL, "");
	if (argc >= 2 && strcmp(argv[1], "fetch") == 0)
		return run_fetch(argc, argv);
	memset(&o, 0, sizeof o);
	buf_init(&o.libdir);
	parse_args(&o, argc, argv);
	if (o.mode == MODE_READ)
		check_paths(&o);
	o.config = settings_load(NULL);
	settings_check_commands(o.config, ui_cmd_known);
	prefs_resolve(&o.prefs, o.config, NULL, &o.args);
	if (o.mode != MODE_CHECK) {
		o.state = marks_new(o.prefs.state_path);
		marks_load(o.state);
	}
	o.named = o.npaths > 0;
	if (o.npaths == 0)
		default_paths(&o);
	if (o.mode == MODE_CHECK) {
		print_setup_msgs(&o, stderr);
		rc = run_check(&o);
	} else if (o.mode == MODE_DUMP || o.mode == MODE_EXPORT) {
		if (o.mode == MODE_DUMP)
			o.fmt = EXPORT_JSONL;
		print_setup_msgs(&o, stderr);
		rc = run_export(&o);
	} else {
		rc = run_reader(&o);
	}
	marks_free(o.state);
	prefs_free(&o.prefs);
	settings_free(o.config);
	buf_free(&o.libdir);
	free(o.paths);
	return rc;
}
