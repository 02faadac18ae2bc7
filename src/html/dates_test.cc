#include "html/dates.h"

#include <gtest/gtest.h>

namespace wirewatch::html {
namespace {

std::string P(std::string_view s) {
  auto d = ParseDate(s);
  if (!d) return "-";
  return d->value + (d->no_timezone ? " local" : "");
}

TEST(DatesTest, ParseDateGolden) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"2013-07-12", "2013-07-12 local"},
      {"2013-07-12T16:48:58", "2013-07-12T16:48:58 local"},
      {"2013-07-12T16:48:58+04:00", "2013-07-12T16:48:58+04:00"},
      {"2013-07-12T16:48:58.123Z", "2013-07-12T16:48:58Z"},
      {"2013-07-12 16:48:58 +0200", "2013-07-12T16:48:58+02:00"},
      {" 2013/7/2 ", "2013-07-02 local"},
      {"20130712", "2013-07-12 local"},
      {"Fri, 12 Jul 2013 16:48:58 GMT", "2013-07-12T16:48:58Z"},
      {"July 12, 2013", "2013-07-12 local"},
      {"12. Juli 2013, 16:48 Uhr", "2013-07-12T16:48:00 local"},
      {"12.07.2013", "2013-07-12 local"},
      {"3 de marzo de 2020", "2020-03-03 local"},
      {"12 lipca 2013", "2013-07-12 local"},
      {"2013-02-30", "-"},
      {"2013-13-01", "-"},
      {"yesterday", "-"},
      {"2013", "-"},
      {"", "-"},
  };
  for (const auto& c : cases) EXPECT_EQ(P(c.in), c.want) << c.in;
}

TEST(DatesTest, FindDateInText) {
  auto d = FindDateInText("Posted by admin on March 4th, 2019 in News");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->value, "2019-03-04");
  EXPECT_FALSE(FindDateInText("© 2024 Example Corp. All rights reserved."));
  EXPECT_FALSE(FindDateInText("Seit 1998 im Dienst"));
  // German typography puts spaces after the dots; mixed spacing is no date.
  EXPECT_EQ(
      FindDateInText("Von Deutscher Tennis Bund 4. 2. 2022. Teamchef")->value,
      "2022-02-04");
  EXPECT_FALSE(FindDateInText("Version 4. 2.2022"));
  EXPECT_FALSE(FindDateInText("4.2. 2022"));
}

TEST(DatesTest, SlashOrder) {
  EXPECT_EQ(FindDateInText("Posted 05/03/2022")->value, "2022-05-03");
  EXPECT_EQ(
      FindDateInText("Publicado 05/03/2022", SlashOrder::kDayFirst)->value,
      "2022-03-05");
  // Unambiguous either way.
  EXPECT_EQ(
      FindDateInText("Publicado 25/03/2022", SlashOrder::kMonthFirst)->value,
      "2022-03-25");
  EXPECT_EQ(FindDateInText("Posted 03/25/2022", SlashOrder::kDayFirst)->value,
            "2022-03-25");
}

TEST(DatesTest, DateFromUrl) {
  EXPECT_EQ(DateFromUrl("https://x.com/2013/07/12/story")->value, "2013-07-12");
  EXPECT_EQ(DateFromUrl("https://x.com/news-2013-07-12-story")->value, "2013-07-12");
  EXPECT_EQ(DateFromUrl("https://x.com/a/20130712/b")->value, "2013-07-12");
  EXPECT_FALSE(DateFromUrl("https://x.com/2013/story"));
  EXPECT_FALSE(DateFromUrl("https://2013.07.12.example.com/"));
}

TEST(DatesTest, Plausible) {
  EXPECT_FALSE(PlausibleDate(*ParseDate("1989-12-31"), 0));
  EXPECT_TRUE(PlausibleDate(*ParseDate("1990-01-01"), 0));
  // A date the container declares may be older (Reuters-21578 is 1987).
  EXPECT_TRUE(PlausibleDate(*ParseDate("1987-02-26T15:01:01"), 0,
                            kMinDeclaredYear));
  EXPECT_FALSE(PlausibleDate(*ParseDate("1700-01-01"), 0, kMinDeclaredYear));
  const int64_t fetch = 1373650000;  // 2013-07-12T17:26:40Z
  EXPECT_TRUE(PlausibleDate(*ParseDate("2013-07-13T12:00:00Z"), fetch));
  EXPECT_FALSE(PlausibleDate(*ParseDate("2013-07-14T12:00:00Z"), fetch));
  EXPECT_TRUE(PlausibleDate(*ParseDate("2031-01-01"), 0));
}

}  // namespace
}  // namespace wirewatch::html
