#include "analyze/timeml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace wirewatch::analyze {
namespace {

constexpr char kDoc[] =
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" "
    "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
    "19980108</TIMEX3></DCT>\n<TEXT>\nA &amp; B <EVENT eid=\"e1\">fell</EVENT> "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> "
    "and <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2Y\" mod=\"MORE_THAN\">"
    "more than two years</TIMEX3>.\n</TEXT>\n</TimeML>\n";

TEST(TimemlTest, ReadsTextGoldAndDct) {
  Result<TimemlDoc> doc = ReadTimeml(kDoc);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "X1");
  EXPECT_EQ(FormatCivil(doc->dct), "1998-01-08");
  EXPECT_EQ(doc->text, "\nA & B fell yesterday and more than two years.\n");
  ASSERT_EQ(doc->gold.size(), 2u);
  const Timex& y = doc->gold[0];
  EXPECT_EQ(doc->text.substr(y.begin, y.end - y.begin), "yesterday");
  EXPECT_EQ(y.value, "1998-01-07");
  EXPECT_EQ(doc->gold[1].type, TimexType::kDuration);
  EXPECT_EQ(doc->gold[1].mod, "MORE_THAN");
}

TEST(TimemlTest, RejectsBrokenDocuments) {
  EXPECT_FALSE(ReadTimeml("<TimeML><TEXT>x</TEXT></TimeML>").ok());  // no DCT
  EXPECT_FALSE(ReadTimeml("<DCT><TIMEX3 value=\"1998-01-08\" "
                          "functionInDocument=\"CREATION_TIME\">x</TIMEX3>"
                          "</DCT>no text")
                   .ok());
}

Timex T(uint32_t b, uint32_t e, TimexType type, const char* value) {
  Timex t;
  t.begin = b;
  t.end = e;
  t.type = type;
  t.value = value;
  return t;
}

TEST(TimemlTest, ScoresTempEval3TaskA) {
  const std::string text = "0123456789012345678901234567890123456789";
  const std::vector<Timex> gold = {
      T(0, 5, TimexType::kDate, "A"),     // exact, right value
      T(10, 15, TimexType::kDate, "B"),   // overlap, wrong value
      T(20, 25, TimexType::kDate, "C"),   // missed
  };
  const std::vector<Timex> sys = {
      T(0, 5, TimexType::kDate, "A"),
      T(12, 18, TimexType::kDuration, "X"),
      T(30, 35, TimexType::kDate, "D"),   // spurious
  };
  TimexEvalReport r;
  std::vector<std::string> diag;
  ScoreTimexes(text, gold, sys, &r.counts, &diag);
  FinishReport(&r);
  EXPECT_EQ(r.counts.strict_match, 1);
  EXPECT_EQ(r.counts.relaxed_match, 2);
  EXPECT_DOUBLE_EQ(r.strict_p, 1.0 / 3);
  EXPECT_DOUBLE_EQ(r.relaxed_r, 2.0 / 3);
  EXPECT_DOUBLE_EQ(r.type_accuracy, 0.5);
  EXPECT_DOUBLE_EQ(r.value_accuracy, 0.5);
  EXPECT_DOUBLE_EQ(r.value_p, 1.0 / 3);
  EXPECT_DOUBLE_EQ(r.value_r, 1.0 / 3);
  EXPECT_DOUBLE_EQ(r.value_f1, 1.0 / 3);
  EXPECT_EQ(diag.size(), 3u);  // VAL, MISS, SPUR
}

// Another tagger's TimeML output is scored instead of ours; a system file
// whose text differs from the gold text is refused.
TEST(TimemlTest, ScoresSystemTimemlDirectory) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(::testing::TempDir()) / "timeml_system_test";
  fs::remove_all(root);
  fs::create_directories(root / "gold" / "sub");
  fs::create_directories(root / "sys" / "sub");
  std::ofstream(root / "gold" / "sub" / "a.tml") << kDoc;
  // The system found "yesterday" with a wrong value and missed the duration.
  std::string sys = kDoc;
  sys.replace(sys.find("1998-01-07"), 10, "1998-01-06");
  const size_t b = sys.find("<TIMEX3 tid=\"t2\"");
  sys.erase(b, sys.find('>', b) + 1 - b);
  sys.erase(sys.rfind("</TIMEX3>"), 9);
  std::ofstream(root / "sys" / "sub" / "a.tml") << sys;

  Result<TimexEvalReport> r = EvaluateTimemlDir(
      (root / "gold").string(), false, (root / "sys").string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->counts.gold, 2);
  EXPECT_EQ(r->counts.system, 1);
  EXPECT_EQ(r->counts.strict_match, 1);
  EXPECT_EQ(r->counts.value_correct, 0);

  std::string other = sys;
  other.replace(other.find("fell"), 4, "rose");
  std::ofstream(root / "sys" / "sub" / "a.tml", std::ios::trunc) << other;
  EXPECT_FALSE(EvaluateTimemlDir((root / "gold").string(), false,
                                 (root / "sys").string())
                   .ok());
  fs::remove_all(root / "sys" / "sub");
  EXPECT_FALSE(EvaluateTimemlDir((root / "gold").string(), false,
                                 (root / "sys").string())
                   .ok());
  fs::remove_all(root);
}

}  // namespace
}  // namespace wirewatch::analyze
