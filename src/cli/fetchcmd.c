/* cli/fetchcmd.c: paperboy fetch: its options, and a fetch followed on stdout. */
#include "cli/fetchcmd.h"
#include "cli/opts.h"
#include "base/alloc.h"
#include "base/date.h"
#include "fetch/fetch.h"
#include "fetch/report.h"
#include "settings/prefs.h"
#include "settings/settings.h"
#include "text/diag.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
		opts_usage_error(opt, v, " needs a day as YYYY-MM-DD");
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
		opts_usage_error("option", a, " needs a value");
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
				opts_usage_error("option --days needs a number of days from 1 to 3660, not", v, "");
		} else if ((v = opt_value("--since", argc, argv, &i)) != NULL) {
			fo->since = check_day("--since", v);
		} else if ((v = opt_value("--until", argc, argv, &i)) != NULL) {
			fo->until = check_day("--until", v);
		} else {
			opts_usage_error("unknown option", argv[i], "");
		}
	}
	if (fo->days && fo->since >= 0)
		opts_usage_error("option", "--days", " and --since cannot go together");
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
int
fetchcmd_run(int argc, char **argv)
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
			opts_usage_error("unknown source", fo.names[i],
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
