// Throughput of html::Extractor::Extract() alone (pages and bytes per
// second) on the trafilatura-eval dev pages, decoded once by the real input
// stage (DocReader), when ../shared/data/extraction/trafilatura-eval exists;
// plus the pathological pages the html stage bounds (depth_limiter.h,
// ExtractOptions). Run: build/bench/extract_bench
//   BM_ExtractCorpus/threads:N  every dev page once per iteration, one
//                               Extractor per thread (reused across pages)
//   BM_ExtractPathological/K    one hostile page per iteration
// Results go to docs/benchmarks.md ("Extraction").
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "html/extractor.h"
#include "input/doc_reader.h"
#include "wirewatch/raw_doc.h"

namespace {

using wirewatch::RawDoc;

struct Corpus {
  std::vector<RawDoc> docs;
  int64_t bytes = 0;
};

const Corpus& LoadCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    const std::string dir =
        std::string(WIREWATCH_SHARED_DATA) + "/extraction/trafilatura-eval/html";
    auto reader = wirewatch::input::DocReader::Open({dir}, {});
    if (!reader.ok()) return c;
    RawDoc doc;
    while ((*reader)->Next(&doc)) {
      if (doc.failed()) continue;
      c->bytes += static_cast<int64_t>(doc.text.size());
      c->docs.push_back(std::move(doc));
      doc = RawDoc{};
    }
    return c;
  }();
  return *corpus;
}

void BM_ExtractCorpus(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  if (c.docs.size() < 100) {
    state.SkipWithError("trafilatura-eval pages not found under ../shared/data");
    return;
  }
  wirewatch::html::Extractor extractor;
  // Threads split the pages; each runs its own Extractor.
  const size_t t = static_cast<size_t>(state.thread_index());
  const size_t nt = static_cast<size_t>(state.threads());
  int64_t pages = 0, bytes = 0;
  for (auto _ : state) {
    for (size_t i = t; i < c.docs.size(); i += nt) {
      auto r = extractor.Extract(c.docs[i]);
      benchmark::DoNotOptimize(r);
      ++pages;
      bytes += static_cast<int64_t>(c.docs[i].text.size());
    }
  }
  state.SetItemsProcessed(pages);
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractCorpus)->Unit(benchmark::kMillisecond)->Threads(1);
BENCHMARK(BM_ExtractCorpus)->Unit(benchmark::kMillisecond)->Threads(2)->UseRealTime();

std::string Repeat(const std::string& pre, const std::string& unit, int n,
                   const std::string& post) {
  std::string s = pre;
  for (int i = 0; i < n; ++i) s += unit;
  return s + post;
}

const std::vector<std::string>& Pathological() {
  static const auto* pages = [] {
    auto* v = new std::vector<std::string>;
    const std::string tail = "<p>A normal paragraph, long enough to be main text.</p></body></html>";
    std::string script = "<html><head><script>";
    while (script.size() < (5u << 20)) script += "var s = '<p>x</p>'; if (a < b) { f(); }\n";
    v->push_back(script + "</script></head><body>" + tail);                      // 0: 5 MB script
    v->push_back(Repeat("<html><body>", "<div>", 100000, tail));                // 1: 100k nested divs
    v->push_back(Repeat("<html><body>", "<table><tr><td>", 100000, tail));      // 2: nested tables
    v->push_back(Repeat("<html><body><p>", "word </x>", 100000, tail));         // 3: stray end tags
    v->push_back(Repeat("<html><body>", "<p>Paragraph text, some words.</p>", 100000, tail));  // 4: 100k nodes
    return v;
  }();
  return *pages;
}

void BM_ExtractPathological(benchmark::State& state) {
  const std::string& html = Pathological()[static_cast<size_t>(state.range(0))];
  RawDoc doc;
  doc.text = html;
  wirewatch::html::Extractor extractor;
  for (auto _ : state) {
    auto r = extractor.Extract(doc);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(html.size()));
}
BENCHMARK(BM_ExtractPathological)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
