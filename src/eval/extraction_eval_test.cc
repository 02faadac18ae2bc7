#include "eval/extraction_eval.h"

#include <gtest/gtest.h>

namespace wirewatch::eval {
namespace {

const std::string kData = std::string(WIREWATCH_TESTDATA) + "/eval/";

TEST(NormalizeForMatchTest, Golden) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"  Hello   World ", "hello world"},
      {"„Straße“ im Überblick!",
       "strasse“ im überblick"},  // fold ß; only the ends are stripped
      {"\"Quoted title.\"", "quoted title"},
      {"Cafe\xcc\x81 au lait", "caf\xc3\xa9 au lait"},  // NFC: e + U+0301 -> é
      {"--", ""},
      // Soft hyphens and zero-width spaces are invisible.
      {"Deutsch\xc2\xadland\xe2\x80\x8b steht", "deutschland steht"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(NormalizeForMatch(c.in), c.want) << c.in;
}

TEST(AuthorSetTest, SplitsAndNormalises) {
  EXPECT_EQ(AuthorSet({"Benjamin Fischer und Marcus Theurer"}),
            (std::vector<std::string>{"benjamin fischer", "marcus theurer"}));
  EXPECT_EQ(AuthorSet({"Marcus Theurer", "benjamin  Fischer"}),
            AuthorSet({"Benjamin Fischer, Marcus Theurer"}));
  EXPECT_EQ(AuthorSet({"By Jane Doe"}), (std::vector<std::string>{"jane doe"}));
  EXPECT_TRUE(AuthorSet({" , "}).empty());
}

TEST(MatchShinglesTest, CountsMultisets) {
  // 6 tokens -> 3 shingles each; two shared.
  ShingleCounts c = MatchShingles("a b c d e f", "a b c d e x");
  EXPECT_EQ(c.tp, 2u);
  EXPECT_EQ(c.fp, 1u);
  EXPECT_EQ(c.fn, 1u);
  // Fewer than four tokens: one shingle; punctuation is not a token.
  c = MatchShingles("Hi, there!", "Hi there");
  EXPECT_EQ(c.tp, 1u);
  EXPECT_EQ(c.fp + c.fn, 0u);
  // Case is kept; Unicode letters are word characters.
  c = MatchShingles("Grüße aus Köln heute", "grüße aus Köln heute");
  EXPECT_EQ(c.tp, 0u);
  EXPECT_EQ(MatchShingles("", "").tp + MatchShingles("", "").fp, 0u);
}

TEST(EvaluateExtractionTest, TrafilaturaLayout) {
  ExtractionEvalOptions opt;
  opt.threads = 2;
  opt.diagnostics = true;
  auto r = EvaluateExtraction(kData + "trafilatura", opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "trafilatura");
  EXPECT_EQ(r->pages, 2u);
  EXPECT_EQ(r->failed, 1u);  // no HTML file: all FN + all TN
  EXPECT_EQ(r->tp, 2u);      // whitespace in snippets is collapsed
  EXPECT_EQ(r->fn, 1u);
  EXPECT_EQ(r->fp, 0u);
  EXPECT_EQ(r->tn, 3u);
  EXPECT_EQ(r->title_gold, 2u);
  EXPECT_EQ(r->title_ok, 1u);
  EXPECT_EQ(r->date_gold, 1u);
  EXPECT_EQ(r->date_ok, 1u);
  EXPECT_EQ(r->author_gold, 1u);
  EXPECT_EQ(r->author_ok, 1u);
  ASSERT_EQ(r->page_reports.size(), 2u);
  EXPECT_EQ(r->page_reports[1].error, "no HTML file found");
  EXPECT_EQ(r->page_reports[1].missed, std::vector<std::string>{"never found"});
  std::string text = FormatExtractionReport(*r, true);
  EXPECT_NE(text.find("missed:   never found"), std::string::npos) << text;
  EXPECT_NE(text.find("main text    P 1.000 R 0.667 F1 0.800"),
            std::string::npos)
      << text;
}

TEST(EvaluateExtractionTest, ScoresAnotherExtractorsOutputs) {
  ExtractionEvalOptions opt;
  opt.threads = 1;
  opt.outputs_file = kData + "peer_outputs.jsonl";
  auto r = EvaluateExtraction(kData + "trafilatura", opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->from_outputs);
  EXPECT_EQ(r->pages, 2u);
  EXPECT_EQ(r->failed, 1u);    // the gold page with no output line
  EXPECT_EQ(r->tp, 1u);        // "The council voted on Monday"
  EXPECT_EQ(r->fn, 2u);        // its second paragraph, the missing page's
  EXPECT_EQ(r->fp, 1u);        // the newsletter line
  EXPECT_EQ(r->title_ok, 0u);  // the site suffix was kept
  EXPECT_EQ(r->date_ok, 1u);
  EXPECT_EQ(r->author_ok, 1u);
  // Speed from the outputs' own times: 2 pages in 20 ms (the line for a
  // page outside the gold set is not counted).
  EXPECT_DOUBLE_EQ(r->extract_seconds, 0.02);
  std::string text = FormatExtractionReport(*r, false);
  EXPECT_NE(text.find("the outputs' own times: 100 pages/s per core"),
            std::string::npos)
      << text;
  opt.outputs_file = kData + "no-such-file.jsonl";
  EXPECT_FALSE(EvaluateExtraction(kData + "trafilatura", opt).ok());
}

TEST(EvaluateExtractionTest, ScrapingHubLayout) {
  ExtractionEvalOptions opt;
  opt.threads = 1;
  auto r = EvaluateExtraction(kData + "scrapinghub", opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->layout, "scrapinghub");
  EXPECT_EQ(r->pages, 2u);
  // a1: gold 10 tokens -> 7 shingles, all found; output 14 tokens -> 11
  // shingles, 4 extra: P 7/11, R 1. b2: both empty -> perfect.
  EXPECT_NEAR(r->shingle_recall, 1.0, 1e-9);
  EXPECT_NEAR(r->shingle_precision, (7.0 / 11 + 1) / 2, 1e-9);
  EXPECT_NEAR(r->shingle_micro_precision, 7.0 / 11, 1e-9);
}

TEST(EvaluateExtractionTest, MissingGoldFails) {
  auto r = EvaluateExtraction(kData + "nonexistent", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace wirewatch::eval
