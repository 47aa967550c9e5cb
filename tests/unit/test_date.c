/* test_date.c: day numbers, the one civil-date arithmetic (base/date.c). */
#include "unit.h"

#include "base/date.h"

/* Parsing, formatting and the day of today. */
static void
test_parse_format(void **state)
{
	char out[11];
	long d = date_parse("2024-02-29");
	int y, m, dd;

	(void)state;
	assert_int_equal(date_parse("1970-01-01"), 0);
	assert_true(d > 0);
	date_format(d, out);
	assert_string_equal(out, "2024-02-29");
	date_format(d + 1, out);
	assert_string_equal(out, "2024-03-01");
	date_format(date_parse("2024-12-31") + 1, out);
	assert_string_equal(out, "2025-01-01");
	date_ymd(date_parse("2000-02-29"), &y, &m, &dd);
	assert_true(y == 2000 && m == 2 && dd == 29);
	assert_int_equal(date_parse("2023-02-29"), -1);	/* not a leap year */
	assert_int_equal(date_parse("1900-02-29"), -1);
	assert_int_equal(date_parse("2025-13-01"), -1);
	assert_int_equal(date_parse("2025-1-01"), -1);
	assert_int_equal(date_parse("2025-01-01x"), -1);
	assert_int_equal(date_parse("1969-12-31"), -1);
	assert_int_equal(date_parse(NULL), -1);
	setenv("PAPERBOY_TODAY", "2025-05-08", 1);
	assert_int_equal(date_today(), date_parse("2025-05-08"));
	setenv("PAPERBOY_TODAY", "tomorrow", 1);
	assert_true(date_today() > date_parse("2025-01-01"));
	unsetenv("PAPERBOY_TODAY");
}

/* Valid dates, leap years, and day numbers on both sides of 1970. */
static void
test_valid_from_ymd(void **state)
{
	char out[11];
	int y, m, d;

	(void)state;
	assert_true(date_valid(2024, 2, 29));
	assert_true(date_valid(2000, 2, 29));
	assert_false(date_valid(1900, 2, 29));
	assert_false(date_valid(2025, 2, 29));
	assert_false(date_valid(2025, 4, 31));
	assert_false(date_valid(2025, 0, 1));
	assert_false(date_valid(2025, 13, 1));
	assert_false(date_valid(2025, 1, 0));
	assert_true(date_valid(2025, 12, 31));
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(1900, 3, 1) - date_from_ymd(1900, 2, 28), 1);
	assert_int_equal(date_from_ymd(2025, 5, 9), date_parse("2025-05-09"));
	date_ymd(date_from_ymd(2099, 12, 31), &y, &m, &d);
	assert_true(y == 2099 && m == 12 && d == 31);
	date_format(date_from_ymd(1995, 7, 4), out);
	assert_string_equal(out, "1995-07-04");
	date_format(-5, out);
	assert_string_equal(out, "1970-01-01");
}

/* Every day of four centuries goes to y-m-d and back. */
static void
test_round_trip(void **state)
{
	long day, end = date_parse("2400-12-31");
	int y, m, d;

	(void)state;
	for (day = date_parse("2000-01-01"); day <= end; day++) {
		date_ymd(day, &y, &m, &d);
		assert_true(date_valid(y, m, d));
		assert_int_equal(date_from_ymd(y, m, d), day);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_valid_from_ymd),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
