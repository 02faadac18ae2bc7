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

}  // namespace
}  // namespace wirewatch::analyze
