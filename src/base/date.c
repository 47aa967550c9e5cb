/* base/date.c: calendar days as day numbers (see base/date.h).
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days.
 */
#include "base/date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Day number of y-m-d (a valid date). */
long
date_from_ymd(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Year, month and day of a day number. */
void
date_ymd(long day, int *y, int *m, int *d)
{
	long z = day + 719468, era = z / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* True when d is a day of month m of year y. */
int
date_valid(int y, int m, int d)
{
	static const int len[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12 || d < 1 || d > len[m - 1])
		return 0;
	return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* Value of the n ASCII digits at s, or -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Parse "YYYY-MM-DD". */
long
date_parse(const char *s)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1970 || !date_valid(y, m, d))
		return -1;
	return date_from_ymd(y, m, d);
}

/* Format as "YYYY-MM-DD". */
void
date_format(long day, char out[11])
{
	int y, m, d;

	if (day < 0)
		day = 0;
	date_ymd(day, &y, &m, &d);
	/* by hand: every field has a fixed width, nothing can be cut */
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* Today in UTC, unless PAPERBOY_TODAY names a day. */
long
date_today(void)
{
	long fixed = date_parse(getenv("PAPERBOY_TODAY"));
	time_t now = time(NULL);

	if (fixed >= 0)
		return fixed;
	return now > 0 ? (long)(now / 86400) : 0;
}
