// Real-data smoke test: extracts the 990 trafilatura-eval pages
// (../shared/data/extraction/trafilatura-eval, not part of the repository)
// and prints coverage, a main-text score and Extract() throughput. Scoring
// follows /shared/data/README.md: whitespace collapsed, `with` snippets
// found = TP else FN, `without` snippets found = FP else TN.
// Skipped when the data is absent. No thresholds: a quality report, plus
// "no crash".
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "html/extractor.h"

namespace wirewatch::html {
namespace {

namespace fs = std::filesystem;

bool Gunzip(const fs::path& path, std::string* out) {
  gzFile f = gzopen(path.string().c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  gzclose(f);
  return n == 0;
}

struct Page {
  std::string url, file, gold_title, gold_date;
  std::vector<std::string> with, without;
  std::string html;
};

TEST(CorpusTest, TrafilaturaEval) {
  fs::path dir = fs::path(WIREWATCH_SHARED_DATA) / "extraction" / "trafilatura-eval";
  if (!fs::exists(dir / "evaldata.json")) {
    GTEST_SKIP() << "trafilatura-eval data not found under " << dir;
  }
  simdjson::dom::parser parser;
  simdjson::padded_string json;
  ASSERT_EQ(simdjson::padded_string::load((dir / "evaldata.json").string()).get(json),
            simdjson::SUCCESS);
  simdjson::dom::object root;
  ASSERT_EQ(parser.parse(json).get(root), simdjson::SUCCESS);
  std::vector<Page> pages;
  for (auto kv : root) {
    Page p;
    p.url = std::string(kv.key);
    simdjson::dom::object o;
    ASSERT_EQ(kv.value.get(o), simdjson::SUCCESS);
    std::string_view s;
    if (o["file"].get(s) == simdjson::SUCCESS) p.file = std::string(s);
    if (o["title"].get(s) == simdjson::SUCCESS) p.gold_title = CollapseWhitespace(s);
    if (o["date"].get(s) == simdjson::SUCCESS) p.gold_date = std::string(s);
    simdjson::dom::array a;
    if (o["with"].get(a) == simdjson::SUCCESS) {
      for (auto x : a) {
        if (x.get(s) == simdjson::SUCCESS) p.with.push_back(CollapseWhitespace(s));
      }
    }
    if (o["without"].get(a) == simdjson::SUCCESS) {
      for (auto x : a) {
        if (x.get(s) == simdjson::SUCCESS) p.without.push_back(CollapseWhitespace(s));
      }
    }
    std::string raw;
    if (!Gunzip(dir / "html" / (p.file + ".gz"), &raw)) continue;
    // The input stage does real charset decoding; here bytes are taken as
    // UTF-8 after repair.
    p.html = SanitizeUtf8(raw);
    pages.push_back(std::move(p));
  }
  ASSERT_GT(pages.size(), 900u);

  Extractor ex;
  std::vector<RawDoc> docs(pages.size());
  size_t bytes = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    docs[i].source = pages[i].file;
    docs[i].url = pages[i].url;
    docs[i].text = pages[i].html;
    bytes += docs[i].text.size();
  }
  std::vector<Result<Article>> results;
  results.reserve(docs.size());
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) results.push_back(ex.Extract(d));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  size_t failed = 0, with_title = 0, with_date = 0, with_paras = 0, with_author = 0;
  size_t title_gold = 0, title_ok = 0, date_gold = 0, date_ok = 0, date_found_gold = 0;
  size_t tp = 0, fn = 0, fp = 0, tn = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& p = pages[i];
    std::string text;
    if (results[i].ok()) {
      const Article& a = *results[i];
      with_title += !a.title.empty();
      with_date += !a.published.value.empty();
      with_paras += !a.paragraphs.empty();
      with_author += !a.authors.empty();
      if (!p.gold_title.empty()) {
        ++title_gold;
        title_ok += a.title == p.gold_title;
      }
      if (!p.gold_date.empty()) {
        ++date_gold;
        date_found_gold += !a.published.value.empty();
        date_ok += a.published.value.compare(0, 10, p.gold_date) == 0;
      }
      text = CollapseWhitespace(a.Text());
    } else {
      ++failed;
    }
    for (const auto& w : p.with) {
      if (!text.empty() && text.find(w) != std::string::npos) ++tp; else ++fn;
    }
    for (const auto& w : p.without) {
      if (!text.empty() && text.find(w) != std::string::npos) ++fp; else ++tn;
    }
  }
  double prec = tp + fp ? double(tp) / double(tp + fp) : 0;
  double rec = tp + fn ? double(tp) / double(tp + fn) : 0;
  double f1 = 2.0 * double(tp) / double(2 * tp + fp + fn);
  std::printf("trafilatura-eval: %zu pages, %zu failed (no text)\n", pages.size(), failed);
  std::printf("  title %zu, published %zu, paragraphs %zu, authors %zu\n", with_title, with_date,
              with_paras, with_author);
  std::printf("  title == gold: %zu / %zu; date == gold (day): %zu / %zu (found %zu)\n", title_ok,
              title_gold, date_ok, date_gold, date_found_gold);
  std::printf("  main text: TP %zu FN %zu FP %zu TN %zu  P %.3f R %.3f F1 %.3f\n", tp, fn, fp, tn,
              prec, rec, f1);
  std::printf("  Extract(): %.2f s, %.0f pages/s, %.1f MB/s (single thread)\n", secs,
              double(pages.size()) / secs, double(bytes) / 1e6 / secs);
  EXPECT_LT(failed, pages.size() / 10);
}

}  // namespace
}  // namespace wirewatch::html
