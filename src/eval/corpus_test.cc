// Real-data regression guard: scores the 990 trafilatura-eval pages
// (../shared/data/extraction/trafilatura-eval, not part of the repository)
// with EvaluateExtraction, the library behind `wirewatch eval extraction`,
// and prints the report. Skipped when the data is absent.
//
// The floors are the figures achieved when they were last raised, minus a
// small margin: a change that lowers quality fails here. Raise them when the
// extractor improves (docs/benchmarks.md has the current figures). Speed is
// printed, never asserted.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "eval/extraction_eval.h"

namespace wirewatch::eval {
namespace {

TEST(CorpusTest, TrafilaturaEval) {
  std::filesystem::path dir = std::filesystem::path(WIREWATCH_SHARED_DATA) /
                              "extraction" / "trafilatura-eval";
  if (!std::filesystem::exists(dir / "evaldata.json")) {
    GTEST_SKIP() << "trafilatura-eval data not found under " << dir;
  }
  ExtractionEvalOptions opt;
  opt.threads = 0;
  auto r = EvaluateExtraction(dir.string(), opt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::printf("%s", FormatExtractionReport(*r, false).c_str());
  EXPECT_EQ(r->pages, 990u);
  EXPECT_EQ(r->failed, 0u);
  constexpr double kMargin = 0.005;
  EXPECT_GE(r->precision, 0.931 - kMargin);
  EXPECT_GE(r->recall, 0.944 - kMargin);
  EXPECT_GE(r->f1, 0.938 - kMargin);
  auto acc = [](size_t ok, size_t n) {
    return n ? double(ok) / double(n) : 0.0;
  };
  EXPECT_GE(acc(r->title_ok, r->title_gold), 0.901 - kMargin);
  EXPECT_GE(acc(r->date_ok, r->date_gold), 0.902 - kMargin);
}

}  // namespace
}  // namespace wirewatch::eval
