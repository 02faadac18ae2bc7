// peers_search: Wirewatch's side of the search / more-like-this comparison
// with SQLite FTS5 and Xapian (bench/peers/search_peers.py), on the same
// articles and the very same query and seed lists.
//
//   bench/corpora_to_jsonl.py DIR && bench/peers/search_peers.py DIR
//   build/bench/peers_search DIR
//
// DIR holds reuters.jsonl, bbc.jsonl (doc i = line i of their
// concatenation; site reuters.com / bbc.co.uk), queries.tsv ("words<TAB>site")
// and seeds.txt (one doc number per line), all written by the Python script.
// Search: "words site:S", all words required, top 10 by BM25, no facets
// (FTS5 and Xapian compute none). More like this: RelatedIndex::Related, top
// 10, no time filter or decay (the peers know no dates), near-duplicates of
// the seed excluded. One thread, in memory; timed in C++ (the peers go
// through Python bindings).
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "link/related_index.h"
#include "link/search_index.h"

using namespace wirewatch::link;  // NOLINT: a bench main
using Clock = std::chrono::steady_clock;

namespace {

struct Doc {
  std::string title, text, site;
};

double Pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<size_t>(p * (v.size() - 1))];
}

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

bool Load(const std::string& path, const char* site, std::vector<Doc>* docs) {
  std::ifstream f(path);
  if (!f) return false;
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(f, line)) {
    simdjson::dom::element e;
    if (parser.parse(line).get(e)) return false;
    Doc d;
    std::string_view s;
    if (!e["title"].get_string().get(s)) d.title = s;
    if (!e["text"].get_string().get(s)) d.text = s;
    d.site = site;
    docs->push_back(std::move(d));
  }
  return true;
}

LinkDoc ToLinkDoc(const std::vector<Doc>& docs, uint32_t i) {
  LinkDoc d;
  d.doc = i;
  d.title = docs[i].title;
  d.text = docs[i].text;
  d.site = docs[i].site;
  d.lang = "en";
  return d;
}

void Report(const char* name, size_t n, double build_ms,
            const std::vector<double>& lat) {
  std::printf("%-22s", name);
  if (build_ms > 0)
    std::printf(" build %8.0f docs/s", n / (build_ms / 1000));
  else
    std::printf("%20s", "");
  std::printf("   p50 %.3f ms  p99 %.3f ms\n", Pct(lat, 0.5), Pct(lat, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "bench-data";
  std::vector<Doc> docs;
  if (!Load(dir + "/reuters.jsonl", "reuters.com", &docs) ||
      !Load(dir + "/bbc.jsonl", "bbc.co.uk", &docs)) {
    std::fprintf(stderr, "cannot read %s/{reuters,bbc}.jsonl\n", dir.c_str());
    return 1;
  }
  std::vector<std::string> queries;
  {
    std::ifstream f(dir + "/queries.tsv");
    std::string line;
    while (std::getline(f, line)) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      queries.push_back(line.substr(0, tab) + " site:" + line.substr(tab + 1));
    }
  }
  std::vector<uint32_t> seeds;
  {
    std::ifstream f(dir + "/seeds.txt");
    uint32_t s;
    while (f >> s)
      if (s < docs.size()) seeds.push_back(s);
  }
  if (queries.empty() || seeds.empty()) {
    std::fprintf(stderr, "run bench/peers/search_peers.py %s first\n",
                 dir.c_str());
    return 1;
  }
  const uint32_t n = static_cast<uint32_t>(docs.size());
  std::printf("%u docs, %zu queries, %zu more-like-this seeds\n", n,
              queries.size(), seeds.size());

  SearchIndex search;
  auto t0 = Clock::now();
  for (uint32_t i = 0; i < n; ++i)
    if (!search.Add(ToLinkDoc(docs, i)).ok()) return 1;
  double search_build = Ms(Clock::now() - t0);
  SearchOptions so;
  so.k = 10;
  so.facets = false;
  std::vector<double> lat;
  size_t with_hits = 0;
  for (const std::string& q : queries) {
    auto a = Clock::now();
    auto r = search.Search(q, so);
    lat.push_back(Ms(Clock::now() - a));
    if (!r.ok()) return 1;
    with_hits += !r->hits.empty();
  }
  Report("Wirewatch search", n, search_build, lat);
  std::printf("  queries with a hit: %zu of %zu; index %.0f B/doc\n",
              with_hits, queries.size(),
              static_cast<double>(search.MemoryBytes()) / n);

  RelatedIndex related;
  t0 = Clock::now();
  for (uint32_t i = 0; i < n; ++i)
    if (!related.Add(ToLinkDoc(docs, i)).ok()) return 1;
  double related_build = Ms(Clock::now() - t0);
  RelatedOptions ro;
  ro.k = 10;
  ro.time_filter = RelatedOptions::TimeFilter::kAny;
  ro.half_life_days = 0;
  RelatedIndex::Scratch scratch;
  std::vector<RelatedHit> hits;
  lat.clear();
  for (uint32_t s : seeds) {
    auto a = Clock::now();
    related.Related(s, ro, &scratch, &hits);
    lat.push_back(Ms(Clock::now() - a));
  }
  Report("Wirewatch related", n, related_build, lat);
  std::printf("  related + near-dup index %.0f B/doc\n",
              static_cast<double>(related.MemoryBytes()) / n);
  return 0;
}
