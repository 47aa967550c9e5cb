/* cli/fetchcmd.h: paperboy fetch (cli/fetchcmd.c).
 *
 * Parses its own options (argv[1] is "fetch"), fetches the day files of
 * the sources into the library directory (fetch/fetch.h) and prints each
 * event as it comes, then a summary.
 */
#ifndef PB_CLI_FETCHCMD_H
#define PB_CLI_FETCHCMD_H

/* paperboy fetch ...: the exit status (0 all fetched, 1 a failure, 2 a usage error). */
int fetchcmd_run(int argc, char **argv);

#endif
