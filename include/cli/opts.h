/* cli/opts.h: the command line (cli/opts.c).
 *
 * The cli layer is the program itself: main.c parses the command line
 * into struct opts (opts_parse, opts_setup) and runs one of output.c
 * (--check, --dump, --export), reader.c (the reader) or fetchcmd.c
 * (paperboy fetch); load.c reads the inputs for the first two.  struct
 * opts lives in main's frame for the whole run.  A usage error is one
 * line on stderr and exit status 2.
 */
#ifndef PB_CLI_OPTS_H
#define PB_CLI_OPTS_H

#include <stdio.h>

#include "base/buf.h"
#include "export/export.h"
#include "marks/marks.h"
#include "settings/prefs.h"
#include "settings/settings.h"

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

/* Parse the command line into o (zeroed, libdir initialised); --help and --version exit 0. */
void opts_parse(struct opts *o, int argc, char **argv);
/* Report a usage error in one line ("WHAT 'ARG'HINT") and exit 2. */
void opts_usage_error(const char *what, const char *arg, const char *hint) __attribute__((noreturn));
/* Exit 1 with "paperboy: PATH: REASON" when a path named does not exist (the reader's need). */
void opts_check_paths(const struct opts *o);
/* Load the settings and (unless --check) the marks, resolve the preferences, choose the paths. */
void opts_setup(struct opts *o);
/* Free what opts_parse and opts_setup made. */
void opts_free(struct opts *o);
/* Print the settings' and the marks' messages on f (unless NULL); returns how many are problems. */
size_t opts_setup_msgs(const struct opts *o, FILE *f);
/* A directory that exists and holds at least one visible entry. */
int opts_dir_has_entries(const char *path);

#endif
