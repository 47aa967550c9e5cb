/* fetch/report.h: what a fetch tells the user, as text.
 *
 * Fed the events of a fetch in order, a report gives the lines to show:
 *  - on a terminal, one progress line (rewritten in place with "\r" and
 *    erase-to-end-of-line), then the days that brought new or changed
 *    papers, the failures and a total;
 *  - otherwise one plain line per source and day as it ends, then the
 *    failures and a total.
 * Failures of one source with one reason (a host that cannot be reached,
 * for every day asked) are one line: "hf-daily: 7 days: REASON", else
 * "hf-daily 2025-05-06: HTTP 503 after 4 tries".  Only ASCII from the
 * fetch (names, dates, reasons made printable) goes into the text.
 * Nothing here prints.
 */
#ifndef PB_REPORT_H
#define PB_REPORT_H

#include <stddef.h>

#include "base/buf.h"
#include "fetch/fetch.h"

struct report;

/* A new report (caller frees with report_free); tty: a terminal shows it. */
struct report *report_new(int tty);
/* Free it. */
void report_free(struct report *r);
/* Append the text to show now for ev (may be nothing). */
void report_event(struct report *r, const struct fetch_event *ev, struct buf *out);
/* Append the closing text: days with news (terminal only), failures, total. */
void report_summary(const struct report *r, struct buf *out);
/* Append the progress line for a progress event: "fetching 3/14, 1.2 MB, hf-daily". */
void report_progress(const struct fetch_event *ev, struct buf *out);
/* Append one line for a day event, without a newline. */
void report_day(const struct fetch_event *ev, struct buf *out);
/* Append the failure lines, one a line. */
void report_failures(const struct report *r, struct buf *out);
/* Number of failed source-days so far. */
size_t report_nfailed(const struct report *r);
/* True when the fetch could not run at all (its DONE event gave a reason). */
int report_not_run(const struct report *r);
/* Source-days ended, papers new and updated so far. */
void report_counts(const struct report *r, size_t *ndays, size_t *nnew, size_t *nupdated);
/* Append the one-line total: "12 new papers, 3 updated; 2 failed". */
void report_total(const struct report *r, struct buf *out);

#endif
