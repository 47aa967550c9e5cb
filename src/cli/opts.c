/* cli/opts.c: the command line's options, the settings and marks they lead to, and the paths. */
#include "config.h"

#include "cli/opts.h"
#include "base/alloc.h"
#include "text/diag.h"
#include "text/lang.h"
#include "ui/cmd.h"
#include "ui/keys.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* Report a usage error in one line ("WHAT 'ARG'HINT") and exit 2. */
void
opts_usage_error(const char *what, const char *arg, const char *hint)
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
		opts_usage_error("unknown language", lang, " (use codes such as en, ko, zh, ja, or a list: ko,en)");
	return lang;
}

/* Accept an export format or exit 2. */
static enum export_fmt
check_fmt(const char *name)
{
	enum export_fmt f;

	if (export_fmt_parse(name, &f) < 0)
		opts_usage_error("unknown export format", name, " (use bibtex, markdown or jsonl)");
	return f;
}

/* Parse the command line into o. */
void
opts_parse(struct opts *o, int argc, char **argv)
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
				opts_usage_error("option", a, " needs a value");
			o->mode = MODE_EXPORT;
			o->fmt = check_fmt(argv[++i]);
		} else if (strncmp(a, "--output=", 9) == 0 && a[9]) {
			o->output = a + 9;
		} else if (strcmp(a, "--output") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0')
				opts_usage_error("option", a, " needs a value");
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
				opts_usage_error("option", a, " needs a value");
			o->args.lang = check_lang(argv[++i]);
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			exit(0);
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("paperboy %s\n", PACKAGE_VERSION);
			exit(0);
		} else {
			opts_usage_error("unknown option", a, "");
		}
	}
	if (o->mode != MODE_DUMP && o->mode != MODE_EXPORT) {
		if (o->starred)
			opts_usage_error("option", "--starred", " needs --dump or --export");
		if (o->unread)
			opts_usage_error("option", "--unread", " needs --dump or --export");
		if (o->output)
			opts_usage_error("option", "--output", " needs --dump or --export");
		if (o->quiet)
			opts_usage_error("option", "-q", " needs --dump or --export");
	}
}

/* A directory that exists and holds at least one visible entry. */
int
opts_dir_has_entries(const char *path)
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
	o->samples = !(o->libdir.len && opts_dir_has_entries(o->libdir.buf));
	o->paths[o->npaths++] = o->samples ? (char *)PB_SAMPLES_DIR : o->libdir.buf;
}

/* Print the settings' and the marks' messages on f (unless NULL); returns how many. */
size_t
opts_setup_msgs(const struct opts *o, FILE *f)
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

/*
 * The reader needs every path named on the command line to exist: a
 * missing one is "paperboy: PATH: REASON" and exit 1, not an empty reader.
 */
void
opts_check_paths(const struct opts *o)
{
	struct stat sb;
	size_t i;

	for (i = 0; i < o->npaths; i++)
		if (stat(o->paths[i], &sb) < 0) {
			fprintf(stderr, "paperboy: %s: %s\n", o->paths[i], strerror(errno));
			exit(1);
		}
}

/* Load the settings and (unless --check) the marks, resolve the preferences, choose the paths. */
void
opts_setup(struct opts *o)
{
	o->config = settings_load(NULL);
	settings_check_commands(o->config, ui_cmd_known);
	prefs_resolve(&o->prefs, o->config, NULL, &o->args);
	if (o->mode != MODE_CHECK) {
		o->state = marks_new(o->prefs.state_path);
		marks_load(o->state);
	}
	o->named = o->npaths > 0;
	if (o->npaths == 0)
		default_paths(o);
}

/* Free what opts_parse and opts_setup made. */
void
opts_free(struct opts *o)
{
	marks_free(o->state);
	prefs_free(&o->prefs);
	settings_free(o->config);
	buf_free(&o->libdir);
	free(o->paths);
}
