#include "analyze/dateline.h"

#include <gtest/gtest.h>

#include <string>

namespace wirewatch::analyze {
namespace {

struct DatelineCase {
  const char* line;
  const char* expected;  // FormatCivil of the result, or "" for no date
  bool has_tz;
};

TEST(DatelineTest, GoldenTable) {
  const CivilTime ref{2013, 3, 1};
  const DatelineCase kCases[] = {
      {"Fri Jul 12, 2013 16:48:58", "2013-07-12T16:48:58", false},
      {"SALVADOR, Feb 26 - Police said", "2013-02-26", false},
      {"12 July 2013", "2013-07-12", false},
      {"July 12, 2013", "2013-07-12", false},
      {"2013-07-12", "2013-07-12", false},
      {"2013-07-12T16:48:58Z", "2013-07-12T16:48:58", true},
      {"Fri, 12 Jul 2013 16:48:58 +0400", "2013-07-12T16:48:58", true},
      {"Published: Sept. 3, 2012 4:05 pm", "2012-09-03T16:05", false},
      // Year inferred: Dec 30 seen from Mar 1 is last December.
      {"LONDON, Dec 30 (Reuters) -", "2012-12-30", false},
      // A few days ahead of the reference stays in the reference year.
      {"PARIS, March 4 -", "2013-03-04", false},
      {"no date here", "", false},
      {"February 30, 2013", "", false},
  };
  for (const DatelineCase& c : kCases) {
    DatelineResult r;
    const bool ok = ParseDateline(c.line, &ref, &r);
    if (c.expected[0] == '\0') {
      EXPECT_FALSE(ok) << c.line;
      continue;
    }
    ASSERT_TRUE(ok) << c.line;
    EXPECT_EQ(FormatCivil(r.time), c.expected) << c.line;
    EXPECT_EQ(r.has_tz, c.has_tz) << c.line;
  }
}

TEST(DatelineTest, OffsetAndInference) {
  DatelineResult r;
  ASSERT_TRUE(ParseDateline("Fri, 12 Jul 2013 16:48:58 -0530", nullptr, &r));
  EXPECT_EQ(r.tz_offset_minutes, -330);
  EXPECT_FALSE(r.year_inferred);
  EXPECT_FALSE(ParseDateline("SALVADOR, Feb 26 -", nullptr, &r));
  const CivilTime ref{2013, 7, 12};
  ASSERT_TRUE(ParseDateline("SALVADOR, Feb 26 -", &ref, &r));
  EXPECT_TRUE(r.year_inferred);
  EXPECT_EQ(FormatCivil(r.time), "2013-02-26");
}

}  // namespace
}  // namespace wirewatch::analyze
