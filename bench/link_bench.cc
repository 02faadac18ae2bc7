// link_bench: ingest throughput, related-article latency and memory of the
// link stage on a synthetic corpus with the real corpora's statistics.
//
//   LINK_BENCH_DOCS=1000000 link_bench [--benchmark_filter=...]
//
// Prints a summary (ingest docs/s, p50/p99 latencies from 2,000 timed
// queries, bytes per document) and then runs the Google Benchmark cases on
// the built index. One thread.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "link/cluster_metrics.h"
#include "link/related_index.h"
#include "link/story_clusterer.h"
#include "link/synthetic_corpus.h"

namespace wirewatch::link {
namespace {

using Clock = std::chrono::steady_clock;

struct World {
  CorpusStats stats;
  std::unique_ptr<RelatedIndex> index;
  std::unique_ptr<StoryClusterer> stories;
  std::vector<uint32_t> story_gold;
};

World* g_world = nullptr;

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1));
  return v[i];
}

void Build(size_t n) {
  auto* w = new World;
  const std::string data = WIREWATCH_SHARED_DATA;
  auto t0 = Clock::now();
  auto stats = CorpusStats::FromCorpora(data + "/corpora/reuters21578",
                                        data + "/corpora/bbc", 30000);
  if (stats.ok()) {
    w->stats = std::move(stats).value();
    std::printf("corpus stats from Reuters+BBC: %zu words, %zu entities, %zu lengths (%.1f s)\n",
                w->stats.words.size(), w->stats.entities.size(),
                w->stats.doc_lengths.size(),
                std::chrono::duration<double>(Clock::now() - t0).count());
  } else {
    w->stats = CorpusStats::Builtin(50000, 1);
    std::printf("corpus stats: built-in (%s)\n", stats.status().ToString().c_str());
  }
  w->index = std::make_unique<RelatedIndex>();
  // LINK_BENCH_RESCORE=1: rank story candidates by exact related scores
  // (StoryOptions::rescore_candidates), for before/after comparisons.
  StoryOptions story_options;
  if (const char* r = std::getenv("LINK_BENCH_RESCORE"))
    story_options.rescore_candidates = std::atoi(r) != 0;
  w->stories = std::make_unique<StoryClusterer>(w->index.get(), story_options);
  SyntheticOptions so;
  so.docs_per_day = 1000;
  so.active_stories = 2000;
  SyntheticCorpus gen(&w->stats, so);
  SyntheticDoc doc;
  double related_s = 0, story_s = 0;
  size_t bytes = 0;
  for (uint32_t i = 0; i < n; ++i) {
    gen.Next(&doc);
    bytes += doc.text.size() + doc.title.size();
    LinkDoc d;
    d.doc = i;
    d.title = doc.title;
    d.text = doc.text;
    d.published_day = doc.day;
    d.site = doc.site;
    d.lang = doc.lang;
    d.entities = doc.entities;
    auto a = Clock::now();
    auto r = w->index->Add(d);
    auto b = Clock::now();
    auto s = w->stories->Add(i);
    auto c = Clock::now();
    if (!r.ok() || !s.ok()) std::abort();
    related_s += std::chrono::duration<double>(b - a).count();
    story_s += std::chrono::duration<double>(c - b).count();
    w->story_gold.push_back(doc.story);
    if ((i + 1) % 200000 == 0) {
      std::printf("  %u docs, %.0f docs/s so far\n", i + 1,
                  (i + 1) / (related_s + story_s));
      std::fflush(stdout);
    }
  }
  std::printf("ingest %zu docs (%.0f MB text): related+near-dup %.0f docs/s, "
              "stories %.0f docs/s, together %.0f docs/s\n",
              n, bytes / 1e6, n / related_s, n / story_s,
              n / (related_s + story_s));
  std::printf("memory: related+near-dup %.0f B/doc (vocabularies %.0f B/doc), "
              "stories %.0f B/doc, %u stories\n",
              static_cast<double>(w->index->MemoryBytes()) / n,
              static_cast<double>(w->index->VocabularyBytes()) / n,
              static_cast<double>(w->stories->MemoryBytes()) / n,
              w->stories->story_count());
  std::vector<uint32_t> predicted(n);
  for (uint32_t i = 0; i < n; ++i) predicted[i] = w->stories->story(i);
  ClusteringScores q = ScoreClustering(w->story_gold, predicted);
  std::printf("stories vs synthetic gold: B-cubed P %.3f R %.3f F1 %.3f, "
              "V %.3f, ARI %.3f (rescore_candidates=%d)\n",
              q.bcubed_precision, q.bcubed_recall, q.bcubed_f1, q.v_measure,
              q.ari, story_options.rescore_candidates ? 1 : 0);
  w->index->Compact();
  std::printf("memory after Compact(): related+near-dup %.0f B/doc\n",
              static_cast<double>(w->index->MemoryBytes()) / n);
  g_world = w;
}

void ReportLatency() {
  RelatedIndex& index = *g_world->index;
  RelatedIndex::Scratch s;
  std::vector<RelatedHit> hits, ref;
  std::mt19937_64 rng(42);
  std::vector<double> lat, lat_any, lat_ref;
  size_t found = 0, wanted = 0;
  RelatedOptions o;
  RelatedOptions any = o;
  any.time_filter = RelatedOptions::TimeFilter::kAny;
  for (int i = 0; i < 2000; ++i) {
    uint32_t q = static_cast<uint32_t>(rng() % index.size());
    auto a = Clock::now();
    index.Related(q, o, &s, &hits);
    auto b = Clock::now();
    index.Related(q, any, &s, &hits);
    auto c = Clock::now();
    lat.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    lat_any.push_back(std::chrono::duration<double, std::milli>(c - b).count());
    if (i < 50) {  // recall@4 of the fast path against the reference
      index.Related(q, o, &s, &hits);
      auto d = Clock::now();
      BruteForceRelated(index, q, o, &s, &ref);
      lat_ref.push_back(std::chrono::duration<double, std::milli>(Clock::now() - d).count());
      for (const auto& h : ref) {
        for (const auto& g : hits) found += g.doc == h.doc;
      }
      wanted += ref.size();
    }
  }
  std::printf("related k=4 (before): p50 %.3f ms  p99 %.3f ms\n",
              Percentile(lat, 0.5), Percentile(lat, 0.99));
  std::printf("related k=4 (any):    p50 %.3f ms  p99 %.3f ms\n",
              Percentile(lat_any, 0.5), Percentile(lat_any, 0.99));
  std::printf("brute-force reference p50 %.1f ms; fast-path recall@4 vs reference %.3f\n",
              Percentile(lat_ref, 0.5), wanted ? double(found) / wanted : 1.0);
  std::fflush(stdout);
}

void BM_Related(benchmark::State& state) {
  RelatedIndex& index = *g_world->index;
  RelatedIndex::Scratch s;
  std::vector<RelatedHit> hits;
  RelatedOptions o;
  uint32_t q = 0;
  for (auto _ : state) {
    q = (q + 7919) % index.size();
    index.Related(q, o, &s, &hits);
    benchmark::DoNotOptimize(hits.data());
  }
}
BENCHMARK(BM_Related);

void BM_AnalyzeAndMinHash(benchmark::State& state) {
  SyntheticCorpus gen(&g_world->stats, {});
  SyntheticDoc doc;
  gen.Next(&doc);
  Analyzer a;
  MinHashSignature sig;
  for (auto _ : state) {
    const AnalyzedText& t = a.Analyze(doc.text, "en");
    ComputeMinHash(t.tokens, &sig);
    benchmark::DoNotOptimize(sig.data());
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
}
BENCHMARK(BM_AnalyzeAndMinHash);

}  // namespace
}  // namespace wirewatch::link

int main(int argc, char** argv) {
  const char* env = std::getenv("LINK_BENCH_DOCS");
  size_t n = env ? std::strtoull(env, nullptr, 10) : 100000;
  wirewatch::link::Build(n);
  wirewatch::link::ReportLatency();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
