/* cli/reader.h: the reader (cli/reader.c).
 *
 * reader_run shows the first screen at once (the newest day from the
 * store), reads the inputs in the background (ui/load.h's seam: the
 * store synced, then the light library), indexes what the sync stored
 * for the searches, and saves the marks at the end.
 */
#ifndef PB_CLI_READER_H
#define PB_CLI_READER_H

#include "cli/opts.h"

/* Run the reader until q; the exit status (1 when the marks could not be saved). */
int reader_run(struct opts *o);

#endif
