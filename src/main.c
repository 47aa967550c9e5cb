/* main.c: the command line: parse it, then run what it asks (see cli/opts.h). */
#include "cli/fetchcmd.h"
#include "cli/opts.h"
#include "cli/output.h"
#include "cli/reader.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* Entry point. */
int
main(int argc, char **argv)
{
	struct opts o;
	int rc;

	setlocale(LC_ALL, "");
	if (argc >= 2 && strcmp(argv[1], "fetch") == 0)
		return fetchcmd_run(argc, argv);
	memset(&o, 0, sizeof o);
	buf_init(&o.libdir);
	opts_parse(&o, argc, argv);
	if (o.mode == MODE_READ)
		opts_check_paths(&o);
	opts_setup(&o);
	if (o.mode == MODE_CHECK) {
		opts_setup_msgs(&o, stderr);
		rc = output_check(&o);
	} else if (o.mode == MODE_DUMP || o.mode == MODE_EXPORT) {
		if (o.mode == MODE_DUMP)
			o.fmt = EXPORT_JSONL;
		opts_setup_msgs(&o, stderr);
		rc = output_export(&o);
	} else {
		rc = reader_run(&o);
	}
	opts_free(&o);
	return rc;
}
