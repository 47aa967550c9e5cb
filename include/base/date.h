/* base/date.h: calendar days as day numbers, the one civil-date arithmetic.
 *
 * A day is a long: days since 1970-01-01 in the proleptic Gregorian
 * calendar, so ranges are plain integer loops and differences are days.
 * date_from_ymd and date_valid take any year; date_parse, date_format and
 * date_today keep to years 1970-9999, where every day number is
 * non-negative, and -1 means no day.  Days are UTC days, the days the
 * Hugging Face Daily Papers list is keyed by.
 */
#ifndef PB_BASE_DATE_H
#define PB_BASE_DATE_H

/* True when d is a day of month m (1-12) of year y. */
int date_valid(int y, int m, int d);
/* Day number of a valid date y-m-d (negative before 1970). */
long date_from_ymd(int y, int m, int d);
/* The day written as exactly "YYYY-MM-DD" (a real date), or -1. */
long date_parse(const char *s);
/* Write day (0 for a negative one) as "YYYY-MM-DD" into out (11 bytes with the NUL). */
void date_format(long day, char out[11]);
/* Year, month (1-12) and day of the month of day. */
void date_ymd(long day, int *y, int *m, int *d);
/* Today (UTC), or $PAPERBOY_TODAY when it is a valid YYYY-MM-DD (for tests). */
long date_today(void);

#endif
