// Tokens per second for tokenize + sentence split + NER tagging on running
// text rebuilt from the CoNLL-2003 dev set (words joined by spaces, one
// document per -DOCSTART-), model load time, and model memory (model_MB:
// NerModel::MemoryBytes, the arrays and indexes a loaded model holds).
// Skips when the shared data is absent.
//   cmake -B build-bench -DWIREWATCH_BUILD_BENCHMARKS=ON && ninja -C build-bench ner_bench
//   ./build-bench/bench/ner_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "analyze/ner_conll.h"
#include "analyze/ner_model.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {
using namespace wirewatch;
using namespace wirewatch::analyze;

const std::string kModel =
    std::string(WIREWATCH_SOURCE_DIR) + "/models/" + kShippedNerModel;
const std::string kDev = std::string(WIREWATCH_SHARED_DATA) + "/ner/conll2003/eng.testa";

std::vector<std::string> DevTexts() {
  std::vector<std::string> texts;
  auto c = ReadConllFile(kDev);
  if (!c.ok()) return texts;
  for (const ConllDoc& d : c->docs) {
    std::string t;
    for (const WordRange& r : d.sentences) {
      for (uint32_t i = r.begin; i < r.end; ++i) {
        t += d.words[i];
        t += ' ';
      }
      t += '\n';
    }
    texts.push_back(std::move(t));
  }
  return texts;
}

void BM_TokenizeSplitTag(benchmark::State& state) {
  static const std::vector<std::string> texts = DevTexts();
  auto model = NerModel::Load(kModel);
  if (texts.empty() || !model.ok()) {
    state.SkipWithError("dev data or model missing");
    return;
  }
  text::Tokenizer tok;
  text::SentenceSplitter split;
  NerTagger tagger(model->get());
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sents;
  std::vector<std::string_view> words;
  std::vector<WordRange> ranges;
  std::vector<NerSpan> spans;
  int64_t ntok = 0, nbytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      (void)tok.Tokenize(t, &tokens);
      split.Split(t, tokens, &sents);
      words.clear();
      for (const auto& k : tokens) words.push_back(k.text(t));
      ranges.clear();
      for (const auto& s : sents) ranges.push_back({s.token_begin, s.token_end});
      tagger.Tag(NerInput{words, ranges}, &spans);
      benchmark::DoNotOptimize(spans.data());
      ntok += static_cast<int64_t>(tokens.size());
      nbytes += static_cast<int64_t>(t.size());
    }
  }
  state.counters["tokens_per_s"] =
      benchmark::Counter(static_cast<double>(ntok), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(nbytes);
}
BENCHMARK(BM_TokenizeSplitTag)->Unit(benchmark::kMillisecond);

void BM_TokenizeSplit(benchmark::State& state) {
  static const std::vector<std::string> texts = DevTexts();
  text::Tokenizer tok;
  text::SentenceSplitter split;
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sents;
  int64_t ntok = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      (void)tok.Tokenize(t, &tokens);
      split.Split(t, tokens, &sents);
      ntok += static_cast<int64_t>(tokens.size());
    }
  }
  state.counters["tokens_per_s"] =
      benchmark::Counter(static_cast<double>(ntok), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeSplit)->Unit(benchmark::kMillisecond);

void BM_ModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto m = NerModel::Load(kModel);
    if (!m.ok()) {
      state.SkipWithError("model missing");
      return;
    }
    benchmark::DoNotOptimize(m->get());
    state.counters["model_MB"] = static_cast<double>((*m)->MemoryBytes()) / 1e6;
  }
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
