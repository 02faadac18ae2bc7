#include "link/analyzer.h"

#include <string>

#include <gtest/gtest.h>

namespace wirewatch::link {
namespace {

std::string Terms(std::string_view text, std::string_view lang = "") {
  Analyzer a;
  const AnalyzedText& t = a.Analyze(text, lang);
  std::string out;
  for (const Token& tok : t.tokens) {
    if (!out.empty()) out += ' ';
    out += t.Term(tok);
  }
  return out;
}

TEST(AnalyzerTest, GoldenTable) {
  struct Case {
    std::string_view input, lang, expected;
  };
  const Case kCases[] = {
      {"The Rebels' guns", "en", "rebel gun"},
      {"Russia: arming Syria rebels contradicts peace talks", "en",
       "russia arming syria rebel contradict peace talk"},
      {"ÉTÉ à Zürich", "fr", "zürich"},
      {"Über die Brücke", "de", "brücke"},
      {"ÀÉÎÕÜ", "", "àéîõü"},
      {"a b c x1 42", "", "x1 42"},
      {"policies classes buses", "en", "policy classe buse"},
      {"policies", "de", "policies"},
      {"Москва и Киев", "", "Москва Киев"},
      {"e\xff" "conomy", "en", "conomy"},
      {"co-operation, 3.5%", "en", "co operation"},
      {"", "", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Terms(c.input, c.lang), c.expected) << c.input;
  }
}

TEST(AnalyzerTest, PositionsCountStopwordsAndOffsetsPointIntoInput) {
  Analyzer a;
  std::string text = "Bank of England raises rates";
  const AnalyzedText& t = a.Analyze(text, "en", 10);
  ASSERT_EQ(t.tokens.size(), 4u);
  EXPECT_EQ(t.tokens[0].position, 10u);
  EXPECT_EQ(t.tokens[1].position, 12u);  // "of" counted, not kept
  EXPECT_EQ(text.substr(t.tokens[1].src_begin,
                        t.tokens[1].src_end - t.tokens[1].src_begin),
            "England");
  EXPECT_EQ(t.words, 5u);
}

TEST(AnalyzerTest, TokenLimitTruncates) {
  Analyzer::Options o;
  o.max_tokens = 3;
  Analyzer a(o);
  const AnalyzedText& t = a.Analyze("one two three four five", "en");
  EXPECT_EQ(t.tokens.size(), 3u);
  EXPECT_TRUE(t.truncated);
}

TEST(AnalyzerTest, OverlongWordSkipped) {
  Analyzer a;
  std::string text(100, 'x');
  text += " ok";
  const AnalyzedText& t = a.Analyze(text, "en");
  ASSERT_EQ(t.tokens.size(), 1u);
  EXPECT_EQ(t.Term(t.tokens[0]), "ok");
}

TEST(AnalyzerTest, AnalyzeWord) {
  Analyzer a;
  std::string out;
  EXPECT_TRUE(a.AnalyzeWord("Rebels", "en", &out));
  EXPECT_EQ(out, "rebel");
  EXPECT_FALSE(a.AnalyzeWord("a-b", "en", &out));
}

}  // namespace
}  // namespace wirewatch::link
