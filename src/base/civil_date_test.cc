#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace wirewatch {
namespace {

TEST(CivilDateTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2013, 7, 12), 15898);
  EXPECT_EQ(DaysFromCivil(2000, 2, 29), 11016);
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);  // no leap day
  EXPECT_EQ(DaysFromCivil(1601, 1, 1), -134774);
}

// Every day from 1600 to 2400 maps back to its date, one day apart.
TEST(CivilDateTest, RoundTripsAndCountsEveryDay) {
  int64_t expected = DaysFromCivil(1600, 1, 1);
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      const int days = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
      for (int d = 1; d <= days; ++d) {
        const int64_t n = DaysFromCivil(y, m, d);
        ASSERT_EQ(n, expected) << y << "-" << m << "-" << d;
        ++expected;
        int yy, mm, dd;
        CivilFromDays(n, &yy, &mm, &dd);
        ASSERT_EQ(yy, y);
        ASSERT_EQ(mm, m);
        ASSERT_EQ(dd, d);
      }
    }
  }
}

}  // namespace
}  // namespace wirewatch
