#include "analyze/quantity.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

// Compact form: "text|low|high|qualifier|kind|unit" per quantity, joined by
// "; ". An open bound prints as "*"; direction is appended as "+"/"-".
std::string Show(std::string_view text) {
  text::Tokenizer tok;
  std::vector<text::Token> tokens;
  EXPECT_TRUE(tok.Tokenize(text, &tokens).ok());
  std::vector<Quantity> qs;
  QuantityRecognizer().Find(text, tokens, &qs);
  std::string out;
  for (const Quantity& q : qs) {
    if (!out.empty()) out += "; ";
    char lo[32] = "*", hi[32] = "*";
    if (q.has_low) std::snprintf(lo, sizeof(lo), "%g", q.low);
    if (q.has_high) std::snprintf(hi, sizeof(hi), "%g", q.high);
    out += std::string(text.substr(q.begin, q.end - q.begin)) + "|" + lo + "|" +
           hi + "|" + std::string(QualifierName(q.qualifier)) + "|" +
           std::string(QuantityKindName(q.kind)) + "|" + q.unit;
    if (q.direction == Direction::kUp) out += "|+";
    if (q.direction == Direction::kDown) out += "|-";
  }
  return out;
}

struct Golden {
  const char* input;
  const char* expected;
};

TEST(QuantityTest, GoldenForms) {
  const Golden kCases[] = {
      // Digits, separators, decimals, multipliers.
      {"600 militants", "600|600|600|exact|count|militants"},
      {"1,200 people fled", "1,200|1200|1200|exact|count|people"},
      {"1.2 million refugees", "1.2 million|1.2e+06|1.2e+06|exact|count|refugees"},
      {"a 3bn budget", "3bn|3e+09|3e+09|exact|count|budget"},
      // Number words.
      {"seventeen soldiers died", "seventeen|17|17|exact|count|soldiers"},
      {"twenty-five people", "twenty-five|25|25|exact|count|people"},
      {"two hundred and fifty troops",
       "two hundred and fifty|250|250|exact|count|troops"},
      {"three million voters", "three million|3e+06|3e+06|exact|count|voters"},
      {"one of the militants", "one|1|1|exact|count|militants"},
      {"a dozen journalists", "a dozen|12|12|exact|count|journalists"},
      {"two dozen villagers", "two dozen|24|24|exact|count|villagers"},
      {"3 dozen eggs", "3 dozen|36|36|exact|count|eggs"},
      // Vague words as ranges.
      {"hundreds of foreign militants",
       "hundreds|200|999|vague|count|foreign"},
      {"dozens of people were killed", "dozens|24|99|vague|count|people"},
      {"Thousands of demonstrators marched in Cairo.",
       "Thousands|2000|9999|vague|count|demonstrators"},
      {"thousands of protesters", "thousands|2000|9999|vague|count|protesters"},
      {"scores of villagers", "scores|40|99|vague|count|villagers"},
      {"tens of thousands of refugees",
       "tens of thousands|20000|99999|vague|count|refugees"},
      {"several hundred soldiers",
       "several hundred|200|999|vague|count|soldiers"},
      // Qualifiers.
      {"up to 600 militants", "up to 600|*|600|up_to|count|militants"},
      {"about 200 Russian militants", "about 200|200|200|about|count|"},
      {"at least 17 militants", "at least 17|17|*|at_least|count|militants"},
      {"more than 1000 customers",
       "more than 1000|1000|*|more_than|count|customers"},
      {"nearly 600 people", "nearly 600|600|600|about|count|people"},
      {"some 300 families", "some 300|300|300|about|count|families"},
      {"fewer than 10 cases", "fewer than 10|*|10|fewer_than|count|cases"},
      {"no more than 40 guards", "no more than 40|*|40|at_most|count|guards"},
      {"between 10 and 20 soldiers",
       "between 10 and 20|10|20|range|count|soldiers"},
      {"from 30 to 40 boats", "from 30 to 40|30|40|range|count|boats"},
      {"15-22 miles per hour", "15-22|15|22|range|count|miles per hour"},
      {"two or three houses", "two or three|2|3|range|count|houses"},
      // Money, percent, change.
      {"it cost $800 million", "$800 million|8e+08|8e+08|exact|money|$"},
      {"up to $8 million", "up to $8 million|*|8e+06|up_to|money|$"},
      {"10.5 million Australian dollars",
       "10.5 million Australian dollars|1.05e+07|1.05e+07|exact|money|"
       "Australian dollars"},
      {"about 19 per cent", "about 19 per cent|19|19|about|percent|percent"},
      {"Nvidia advanced 8%", "8%|8|8|exact|percent|%|+"},
      {"down 9.2% year over year", "9.2%|9.2|9.2|exact|percent|%|-"},
      {"the sector 0.68 percent lower", "0.68 percent|0.68|0.68|exact|percent|percent"},
      {"a fine of USD10m", "USD10m|1e+07|1e+07|exact|money|USD"},
      {"from $200 to $4 million", "from $200 to $4 million|200|4e+06|range|money|$"},
      {"between 1 and 2 million people",
       "between 1 and 2 million|1e+06|2e+06|range|count|people"},
      {"a five per cent to 20 per cent rebound",
       "five per cent to 20 per cent|5|20|range|percent|percent"},
      // A "from"/"between" range names two levels, not a change.
      {"rose from 5% to 6%", "from 5% to 6%|5|6|range|percent|%"},
      {"increase between 5% and 6%", "between 5% and 6%|5|6|range|percent|%"},
      // The amount of a change after "by" carries the direction.
      {"German DAX increased by 2 percent",
       "2 percent|2|2|exact|percent|percent|+"},
      {"revised upward by 40 billion", "40 billion|4e+10|4e+10|exact|count||+"},
      {"Hextar added 15 sen", "15|15|15|exact|count|sen|+"},
      {"a defense that gave up 517 rushing yards",
       "517|517|517|exact|count|rushing"},
      // Split "from" ranges.
      {"dropped from $75 U.S. per barrel to $45.88 on Friday",
       "from $75 U.S. per barrel to $45.88|75|45.88|range|money|$"},
      {"climbed from 21 mpg combined to 23 for FWD models",
       "from 21 mpg combined to 23|21|23|range|count|mpg"},
      {"from 30 yards, to the goal", "30|30|30|exact|count|yards"},
      // Approximations: a glued tilde, averages.
      {"only ~45g each", "~45g|45|45|about|measure|g"},
      {"averaging 15.9 degrees", "averaging 15.9|15.9|15.9|about|count|degrees"},
      // Currency codes glued to numbers the tokenizer splits.
      {"worth $US55,931,000 in", "$US55,931,000|5.5931e+07|5.5931e+07|exact|money|$US"},
      {"closed at RM23.50.", "RM23.50|23.5|23.5|exact|money|RM"},
      {"gold at USD1,700 an ounce", "USD1,700|1700|1700|exact|money|USD"},
      {"worth up to PS2.7m", "up to PS2.7m|*|2.7e+06|up_to|money|PS"},
      {"the PS5 console", ""},
      // Negative values.
      {"about minus 387 Fahrenheit", "about minus 387|-387|-387|about|count|"},
      {"was minus-5 yards", "minus-5|-5|-5|exact|count|yards"},
      {"a minus-1.4 degree angle", "minus-1.4|-1.4|-1.4|exact|count|degree"},
      {"it fell to -5 degrees", "-5|-5|-5|exact|count|degrees"},
      {"decrease to $-50.8bn", "$-50.8bn|-5.08e+10|-5.08e+10|exact|money|$"},
      {"tied at 2-2 after", ""},
      {"COVID -19 tests", ""},
      {"a rate of .001 per cent", "001 per cent|0.001|0.001|exact|percent|percent"},

      // Fractions.
      {"1/16 of a pint", "1/16|0.0625|0.0625|exact|count|pint"},
      {"1\u2044128 of a gallon", "1\u2044128|0.0078125|0.0078125|exact|count|gallon"},
      {"3/4 of voters", "3/4|0.75|0.75|exact|count|voters"},
      {"the 9/11 attacks", ""},
      {"open 24/7 now", ""},
      {"two-thirds of the sales", "two-thirds|0.666667|0.666667|exact|count|sales"},
      {"a third of the population", "a third|0.333333|0.333333|exact|count|population"},
      {"almost half of which", "almost half|0.5|0.5|about|count|"},
      {"in the second half of the year", ""},
      {"a third term", ""},
      {"One out of three Germans", "One out of three|0.333333|0.333333|exact|count|"},
      // Measures.
      {"more than two years", "more than two|2|*|more_than|measure|years"},
      {"a five-year plan", ""},
      {"a 50 year-old man", "50|50|50|exact|measure|year-old"},
      // Exclusions.
      {"in 2004 the army", ""},
      {"on July 4, 2016", ""},
      {"on 12 July", ""},
      {"at 4 p.m. today", ""},
      {"at 16:48:58", ""},
      {"the 10th day", ""},
      {"in the 1990s", ""},
      {"the S&P 500 index", ""},
      {"Senard, 65, now", ""},
      {"aged 65", ""},
      {"no one was hurt", ""},
      {"the third round", ""},
      {"at 9 E 71st St, Manhattan", ""},
      {"49 Zorro Ranch Road", ""},
      {"at 16-18 Industrial Avenue", ""},
      {"the category 4 hurricane", ""},
      {"in the 90049 ZIP Code", ""},
      {"by 2120, scientists warn", ""},
  };
  for (const Golden& g : kCases) EXPECT_EQ(Show(g.input), g.expected) << g.input;
}

TEST(QuantityTest, ParseDigits) {
  double v = 0;
  EXPECT_TRUE(ParseDigits("1,000,000", &v));
  EXPECT_EQ(v, 1e6);
  EXPECT_TRUE(ParseDigits("3.5", &v));
  EXPECT_EQ(v, 3.5);
  EXPECT_FALSE(ParseDigits("1,00", &v));
  EXPECT_FALSE(ParseDigits("16:48", &v));
  EXPECT_FALSE(ParseDigits("", &v));
}

#ifdef WIREWATCH_SHARED_DATA
TEST(QuantityTest, NewsQuantDev) {
  const std::string path = std::string(WIREWATCH_SHARED_DATA) +
                           "/quantities/newsquant-dev.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  auto r = EvaluateNewsQuant(path, std::getenv("WW_DIAG") != nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::printf("%s", FormatReport(*r).c_str());
  // Regression guards at the achieved figures (0.955 / 0.888) minus 0.015.
  EXPECT_GE(r->value_f1, 0.94);
  EXPECT_GE(r->change_f1, 0.873);
}
#endif

}  // namespace
}  // namespace wirewatch::analyze
