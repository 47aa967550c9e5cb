/* fetch/date.h: calendar days for fetching, as day numbers.
 *
 * A day is a long: days since 1970-01-01 in the proleptic Gregorian
 * calendar, so ranges are plain integer loops.  Days are UTC days, the
 * days the Hugging Face Daily Papers list is keyed by.  Years 1970-9999
 * only; -1 means no day.
 */
#ifndef PB_DATE_H
#define PB_DATE_H

/* The day written as exactly "YYYY-MM-DD" (a real date), or -1. */
long date_parse(const char *s);
/* Write day as "YYYY-MM-DD" into out (11 bytes with the NUL). */
void date_format(long day, char out[11]);
/* Year, month (1-12) and day of the month of day. */
void date_ymd(long day, int *y, int *m, int *d);
/* Today (UTC), or $PAPERBOY_TODAY when it is a valid YYYY-MM-DD (for tests). */
long date_today(void);

#endif
