// The analysis budget of quotes and count claims against the entity stage,
// on BBC News articles (2,225 texts, first line the headline). Each
// benchmark runs one stage over every article with its inputs prepared
// outside the timed loop:
//   BM_EntityStage       EntityAnalyzer::Analyze (tokenise, split, NER,
//                        roles, grouping) — the reference.
//   BM_QuotesClaims      quantities + quotes (rules and the attribution
//                        model) + count claims, given the entity analysis
//                        and time expressions.
//   BM_QuotesClaimsRules the same with the quote rules only.
//   BM_Quotes / BM_QuotesRules / BM_Claims   the parts.
// The budget: BM_QuotesClaims <= 30% of BM_EntityStage.
//   cmake -B build-bench -DWIREWATCH_BUILD_BENCHMARKS=ON && ninja -C build-bench analyze_bench
//   ./build-bench/bench/analyze_bench
// Skips when the shared data or the models are absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/claims.h"
#include "analyze/entities.h"
#include "analyze/ner_model.h"
#include "analyze/quantity.h"
#include "analyze/quote_model.h"
#include "analyze/quotes.h"
#include "analyze/timex.h"

namespace {
using namespace wirewatch;
using namespace wirewatch::analyze;

const std::string kNerModel =
    std::string(WIREWATCH_SOURCE_DIR) + "/models/" + kShippedNerModel;
const std::string kQuoteModel =
    std::string(WIREWATCH_SOURCE_DIR) + "/models/" + kShippedQuoteModel;
const std::string kBbc = std::string(WIREWATCH_SHARED_DATA) + "/corpora/bbc/bbc";

// Articles in path order; paragraphs joined by blank lines as
// ArticleAnalyzer does.
std::vector<std::string> BbcTexts() {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  if (!std::filesystem::is_directory(kBbc, ec)) return {};
  for (const auto& e : std::filesystem::recursive_directory_iterator(kBbc, ec))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

struct Prepared {
  std::string text;
  Analysis entities;
  std::vector<text::Token> tokens;
  std::vector<Timex> timexes;
  std::vector<Quote> quotes;
  std::vector<Quantity> quantities;
};

struct Fixture {
  std::unique_ptr<NerModel> ner;
  std::unique_ptr<QuoteModel> quote;
  std::vector<Prepared> docs;
  int64_t bytes = 0;
};

const Fixture& Get() {
  static const Fixture f = [] {
    Fixture f;
    auto ner = NerModel::Load(kNerModel);
    auto quote = QuoteModel::Load(kQuoteModel);
    std::vector<std::string> texts = BbcTexts();
    if (!ner.ok() || !quote.ok() || texts.empty()) return f;
    f.ner = std::move(ner).value();
    f.quote = std::move(quote).value();
    EntityAnalyzer ea(f.ner.get());
    TimexTagger timex;
    QuantityRecognizer quantities;
    QuoteExtractor quotes(f.quote.get());
    CivilTime dct;
    dct.year = 2005;
    dct.month = 1;
    dct.day = 1;
    for (std::string& t : texts) {
      Prepared p;
      p.text = std::move(t);
      if (!ea.Analyze(p.text, &p.entities).ok()) continue;
      p.tokens = ea.tokens();
      timex.Tag(p.text, dct, &p.timexes);
      quantities.Find(p.text, p.tokens, &p.quantities);
      quotes.Extract(p.text, p.tokens, p.entities.sentences, &p.entities,
                     &p.quotes);
      f.bytes += static_cast<int64_t>(p.text.size());
      f.docs.push_back(std::move(p));
    }
    return f;
  }();
  return f;
}

void BM_EntityStage(benchmark::State& state) {
  const Fixture& f = Get();
  if (f.docs.empty()) return state.SkipWithError("BBC data or models missing");
  EntityAnalyzer ea(f.ner.get());
  Analysis a;
  for (auto _ : state)
    for (const Prepared& p : f.docs) {
      benchmark::DoNotOptimize(ea.Analyze(p.text, &a).ok());
    }
  state.SetBytesProcessed(state.iterations() * f.bytes);
}
BENCHMARK(BM_EntityStage)->Unit(benchmark::kMillisecond);

void QuotesClaims(benchmark::State& state, const QuoteModel* model,
                  bool quotes_on, bool claims_on) {
  const Fixture& f = Get();
  if (f.docs.empty()) return state.SkipWithError("BBC data or models missing");
  QuantityRecognizer quantities;
  QuoteExtractor quotes(model);
  ClaimExtractor claims;
  std::vector<Quantity> qs;
  std::vector<Quote> quote_out;
  std::vector<CountClaim> claim_out;
  for (auto _ : state)
    for (const Prepared& p : f.docs) {
      if (quotes_on)
        quotes.Extract(p.text, p.tokens, p.entities.sentences, &p.entities,
                       &quote_out);
      if (claims_on) {
        qs.clear();
        quantities.Find(p.text, p.tokens, &qs);
        claims.Extract(p.text, p.tokens, p.entities,
                       quotes_on ? quote_out : p.quotes, p.timexes, qs,
                       &claim_out);
      }
      benchmark::DoNotOptimize(claim_out.data());
      benchmark::DoNotOptimize(quote_out.data());
    }
  state.SetBytesProcessed(state.iterations() * f.bytes);
}

void BM_QuotesClaims(benchmark::State& state) {
  QuotesClaims(state, Get().quote.get(), true, true);
}
BENCHMARK(BM_QuotesClaims)->Unit(benchmark::kMillisecond);

void BM_QuotesClaimsRules(benchmark::State& state) {
  QuotesClaims(state, nullptr, true, true);
}
BENCHMARK(BM_QuotesClaimsRules)->Unit(benchmark::kMillisecond);

void BM_Quotes(benchmark::State& state) {
  QuotesClaims(state, Get().quote.get(), true, false);
}
BENCHMARK(BM_Quotes)->Unit(benchmark::kMillisecond);

void BM_QuotesRules(benchmark::State& state) {
  QuotesClaims(state, nullptr, true, false);
}
BENCHMARK(BM_QuotesRules)->Unit(benchmark::kMillisecond);

void BM_Claims(benchmark::State& state) {
  QuotesClaims(state, nullptr, false, true);
}
BENCHMARK(BM_Claims)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
