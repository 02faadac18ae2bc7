// search_bench: build time, query latency and size of SearchIndex against
// SQLite FTS5 (bench-only peer) on the same synthetic documents.
//
//   SEARCH_BENCH_DOCS=100000 search_bench
//
// Queries: 1-3 words drawn from ranks 50..5,000 of the corpus statistics,
// each with a site: filter (one of 50 sites), top 10 by BM25. Both engines
// run in memory, one thread.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "link/search_index.h"
#include "link/synthetic_corpus.h"

using namespace wirewatch::link;  // NOLINT: a bench main
using Clock = std::chrono::steady_clock;

static double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

static double Pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<size_t>(p * (v.size() - 1))];
}

int main() {
  const char* env = std::getenv("SEARCH_BENCH_DOCS");
  const size_t n = env ? std::strtoull(env, nullptr, 10) : 100000;
  const std::string data = WIREWATCH_SHARED_DATA;
  auto st = CorpusStats::FromCorpora(data + "/corpora/reuters21578",
                                     data + "/corpora/bbc", 30000);
  CorpusStats stats = st.ok() ? std::move(st).value() : CorpusStats::Builtin(50000, 1);
  SyntheticOptions so;
  so.docs_per_day = 1000;
  SyntheticCorpus gen(&stats, so);
  std::vector<SyntheticDoc> docs(n);
  for (auto& d : docs) gen.Next(&d);

  // Ours.
  SearchIndex index;
  auto t0 = Clock::now();
  for (uint32_t i = 0; i < n; ++i) {
    LinkDoc d;
    d.doc = i;
    d.title = docs[i].title;
    d.text = docs[i].text;
    d.site = docs[i].site;
    d.lang = docs[i].lang;
    d.published_day = docs[i].day;
    d.entities = docs[i].entities;
    if (!index.Add(d).ok()) return 1;
  }
  double ours_build = Ms(Clock::now() - t0);

  // SQLite FTS5.
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_exec(db, "CREATE VIRTUAL TABLE docs USING fts5(title, body, site UNINDEXED)",
               nullptr, nullptr, nullptr);
  t0 = Clock::now();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, title, body, site) VALUES(?,?,?,?)",
                     -1, &ins, nullptr);
  for (uint32_t i = 0; i < n; ++i) {
    sqlite3_bind_int64(ins, 1, i + 1);
    sqlite3_bind_text(ins, 2, docs[i].title.data(), static_cast<int>(docs[i].title.size()), SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, docs[i].text.data(), static_cast<int>(docs[i].text.size()), SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, docs[i].site.data(), static_cast<int>(docs[i].site.size()), SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  double fts_build = Ms(Clock::now() - t0);
  sqlite3_stmt* pc = nullptr;
  sqlite3_prepare_v2(db, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                     -1, &pc, nullptr);
  sqlite3_step(pc);
  double fts_bytes = static_cast<double>(sqlite3_column_int64(pc, 0));
  sqlite3_finalize(pc);

  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT rowid FROM docs WHERE docs MATCH ?1 AND site = ?2 "
                     "ORDER BY rank LIMIT 10",
                     -1, &q, nullptr);
  std::mt19937_64 rng(7);
  std::vector<double> ours, ours_facets, fts;
  size_t agree = 0, compared = 0;
  for (int i = 0; i < 1000; ++i) {
    int terms = 1 + static_cast<int>(i % 3);
    std::string words;
    for (int k = 0; k < terms; ++k) {
      if (k) words += ' ';
      words += stats.words[50 + rng() % 4950];
    }
    std::string site = "site" + std::to_string(rng() % 50) + ".example";
    std::string query = words + " site:" + site;
    SearchOptions o;
    o.facets = false;
    auto a = Clock::now();
    auto r = index.Search(query, o);
    auto b = Clock::now();
    o.facets = true;
    auto rf = index.Search(query, o);
    auto c = Clock::now();
    sqlite3_bind_text(q, 1, words.data(), static_cast<int>(words.size()), SQLITE_STATIC);
    sqlite3_bind_text(q, 2, site.data(), static_cast<int>(site.size()), SQLITE_STATIC);
    std::vector<uint32_t> fts_ids;
    while (sqlite3_step(q) == SQLITE_ROW) {
      fts_ids.push_back(static_cast<uint32_t>(sqlite3_column_int64(q, 0) - 1));
    }
    sqlite3_reset(q);
    auto d = Clock::now();
    if (!r.ok() || !rf.ok()) return 1;
    ours.push_back(Ms(b - a));
    ours_facets.push_back(Ms(c - b));
    fts.push_back(Ms(d - c));
    // Same top document? (tokenisers and BM25 variants differ slightly.)
    if (!fts_ids.empty() && !r->hits.empty()) {
      ++compared;
      agree += fts_ids[0] == r->hits[0].doc;
    }
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  std::printf("%zu docs\n", n);
  std::printf("build:  ours %.0f docs/s, FTS5 %.0f docs/s\n", n / (ours_build / 1000),
              n / (fts_build / 1000));
  std::printf("size:   ours %.0f B/doc (memory), FTS5 %.0f B/doc (database pages)\n",
              static_cast<double>(index.MemoryBytes()) / n, fts_bytes / n);
  std::printf("query (1-3 terms + site filter, top 10):\n");
  std::printf("  ours         p50 %.3f ms p99 %.3f ms\n", Pct(ours, 0.5), Pct(ours, 0.99));
  std::printf("  ours+facets  p50 %.3f ms p99 %.3f ms\n", Pct(ours_facets, 0.5),
              Pct(ours_facets, 0.99));
  std::printf("  FTS5         p50 %.3f ms p99 %.3f ms\n", Pct(fts, 0.5), Pct(fts, 0.99));
  std::printf("same top hit in %zu of %zu queries\n", agree, compared);
  return 0;
}
