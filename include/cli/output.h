/* cli/output.h: --check, --dump and --export (cli/output.c).
 *
 * Each reads the inputs (cli/load.h), prints the messages on stderr and
 * what was asked on stdout or in --output (replaced crash-safely), and
 * returns the exit status: 1 when a path named could not be read or the
 * output could not be written.
 */
#ifndef PB_CLI_OUTPUT_H
#define PB_CLI_OUTPUT_H

#include "cli/opts.h"

/* --check: a line per file, its messages, and a total. */
int output_check(const struct opts *o);
/* --dump and --export: messages on stderr, the papers on stdout or in --output. */
int output_export(const struct opts *o);

#endif
