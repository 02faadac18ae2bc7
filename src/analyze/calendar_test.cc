#include "analyze/calendar.h"

#include <gtest/gtest.h>

namespace wirewatch::analyze {
namespace {

TEST(CalendarTest, DayNumbersRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
  for (int64_t d = -800000; d < 800000; d += 997) {
    int y, m, dd;
    CivilFromDays(d, &y, &m, &dd);
    EXPECT_EQ(DaysFromCivil(y, m, dd), d);
  }
}

TEST(CalendarTest, Weekdays) {
  EXPECT_EQ(Weekday(2013, 7, 12), 5);  // Friday
  EXPECT_EQ(Weekday(1970, 1, 1), 4);   // Thursday
  EXPECT_EQ(Weekday(2000, 2, 29), 2);  // Tuesday
}

struct WeekCase {
  int y, m, d, iso_year, week;
};

TEST(CalendarTest, IsoWeeksGolden) {
  const WeekCase kCases[] = {
      {2013, 7, 12, 2013, 28}, {2015, 12, 31, 2015, 53},
      {2016, 1, 1, 2015, 53},  {2016, 1, 3, 2015, 53},
      {2016, 1, 4, 2016, 1},   {2014, 12, 29, 2015, 1},
      {2008, 12, 29, 2009, 1}, {2010, 1, 3, 2009, 53},
      {2020, 12, 31, 2020, 53}, {2021, 1, 1, 2020, 53},
      {1998, 1, 1, 1998, 1},   {1989, 10, 30, 1989, 44},
  };
  for (const WeekCase& c : kCases) {
    int y = 0, w = 0;
    IsoWeek(c.y, c.m, c.d, &y, &w);
    EXPECT_EQ(y, c.iso_year) << c.y << "-" << c.m << "-" << c.d;
    EXPECT_EQ(w, c.week) << c.y << "-" << c.m << "-" << c.d;
  }
  EXPECT_EQ(IsoWeeksInYear(2015), 53);
  EXPECT_EQ(IsoWeeksInYear(2016), 52);
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
}

TEST(CalendarTest, MonthArithmeticClampsLeapDays) {
  // Documented choice: a shift that lands on a missing day clamps to the
  // month's last day.
  EXPECT_EQ(FormatCivil(AddMonths(CivilTime{2012, 2, 29}, 12)), "2013-02-28");
  EXPECT_EQ(FormatCivil(AddMonths(CivilTime{2012, 2, 29}, 48)), "2016-02-29");
  EXPECT_EQ(FormatCivil(AddMonths(CivilTime{2012, 1, 31}, 1)), "2012-02-29");
  EXPECT_EQ(FormatCivil(AddMonths(CivilTime{2013, 1, 15}, -13)), "2011-12-15");
  EXPECT_EQ(FormatCivil(AddDays(CivilTime{2012, 2, 28}, 1)), "2012-02-29");
  EXPECT_EQ(FormatCivil(AddDays(CivilTime{2013, 12, 31}, 1)), "2014-01-01");
}

TEST(CalendarTest, ParseIsoCivil) {
  CivilTime t;
  ASSERT_TRUE(ParseIsoCivil("1998-11-20T19:30", &t));
  EXPECT_EQ(FormatCivil(t), "1998-11-20T19:30");
  ASSERT_TRUE(ParseIsoCivil("1989-10-26", &t));
  EXPECT_EQ(t.hour, -1);
  EXPECT_FALSE(ParseIsoCivil("PRESENT_REF", &t));
}

TEST(CalendarTest, TimexValueDaysGolden) {
  struct Case {
    const char* value;
    const char* first;
    const char* last;
  } cases[] = {
      {"2013", "2013-01-01", "2013-12-31"},
      {"2013-06", "2013-06-01", "2013-06-30"},
      {"2012-02", "2012-02-01", "2012-02-29"},  // leap year
      {"2013-W28", "2013-07-08", "2013-07-14"},
      {"2015-W53", "2015-12-28", "2016-01-03"},  // week 53 crosses the year
      {"2013-Q2", "2013-04-01", "2013-06-30"},
      {"2013-SU", "2013-06-01", "2013-08-31"},
      {"2013-WI", "2013-12-01", "2014-02-28"},
      {"2013-07-12", "2013-07-12", "2013-07-12"},
      {"2013-07-12T16:48", "2013-07-12", "2013-07-12"},
      {"2012-07/2013-05", "2012-07-01", "2013-05-31"},
  };
  for (const auto& c : cases) {
    std::string first, last;
    ASSERT_TRUE(TimexValueDays(c.value, &first, &last)) << c.value;
    EXPECT_EQ(first, c.first) << c.value;
    EXPECT_EQ(last, c.last) << c.value;
  }
  std::string f, l;
  for (const char* bad : {"P2Y", "PRESENT_REF", "XXXX-07", "2013-13", "2013-W60", ""})
    EXPECT_FALSE(TimexValueDays(bad, &f, &l)) << bad;
}

}  // namespace
}  // namespace wirewatch::analyze
