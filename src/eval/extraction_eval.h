// EvaluateExtraction: scores the html stage (Extractor) on a directory of
// gold-annotated web pages, through the real input stage (DocReader: gunzip,
// charset decoding), exactly as `wirewatch ingest` would see the pages.
//
// Two dataset layouts are recognised (the first file found wins, or
// ExtractionEvalOptions::gold_file names it):
//
//  * trafilatura (evaldata.json): {URL: {"file": NAME, "with": [...],
//    "without": [...], "title"?, "author"?, "date"?}}; pages in
//    html/NAME.gz (or html/NAME). Main text is scored as in trafilatura's
//    own evaluation: whitespace runs collapse to one space in snippets and
//    output; a `with` snippet found as a case-sensitive substring of the
//    output is a TP, else an FN; a `without` snippet found is an FP, else a
//    TN; counts are summed over the corpus and P = TP/(TP+FP),
//    R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN). A page that fails to read or
//    extract, or has empty text, counts as all FN + all TN.
//  * ScrapingHub (ground-truth.json): {ID: {"articleBody": TEXT, "url"?}};
//    pages in html/ID.html.gz (or .html). Scored by 4-gram shingles: the text
//    is split into tokens (maximal runs of Unicode letters, digits and '_',
//    case kept), every 4 consecutive tokens joined by one space form a
//    shingle (a text of fewer than 4 tokens is one shingle), gold and output
//    are multisets of shingles; TP = sum of min(counts), FP / FN the
//    surpluses. Per page P, R, F1 (both empty: perfect; one empty: 0), then
//    macro-averaged over pages; micro (summed) figures are reported too.
//    This is the scoring of the ScrapingHub article-extraction-benchmark.
//
// Metadata (trafilatura layout, pages whose gold field is non-empty):
//   title  NormalizeForMatch(output) == NormalizeForMatch(gold);
//   date   the first 10 characters (the day) of Article::published.value
//          equal the gold date's; a missing date is wrong;
//   author AuthorSet(output authors) == AuthorSet(gold): the same set of
//          normalised names, in any order.
// Speed: Extract() alone is timed per page in CPU time of its thread
// (reading and decoding are not; nor is time other processes take on a
// shared machine);
// the report gives pages/s per core (pages / summed Extract time) and the
// slowest page.
//
// Thread-safety: EvaluateExtraction is reentrant; it runs `threads` workers,
// each with its own Extractor.
#ifndef WIREWATCH_EVAL_EXTRACTION_EVAL_H_
#define WIREWATCH_EVAL_EXTRACTION_EVAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/extractor.h"
#include "input/doc_reader.h"
#include "wirewatch/status.h"

namespace wirewatch::eval {

struct ExtractionEvalOptions {
  int threads = 0;           // 0: all cores
  bool diagnostics = false;  // fill ExtractionEvalReport::pages
  std::string gold_file;     // default: evaldata.json or ground-truth.json
  size_t max_pages = 0;      // 0: all (for quick runs)
  // When set: score another extractor's results instead of running ours.
  // A JSON Lines file, one object per page: "id" (the gold key: URL or
  // ScrapingHub ID), "text" (the main text), optional "title",
  // "published" (ISO 8601, its day is scored), "authors" (array of
  // strings) and "ms" (that extractor's own time for the page, summed into
  // the speed line). Pages without a line count as failed.
  std::string outputs_file;
  html::ExtractOptions extract;
  input::ReaderOptions reader;
};

// Per-page findings, in the gold file's order.
struct PageReport {
  std::string id;     // URL (trafilatura) or ID (ScrapingHub)
  std::string path;   // the HTML file read
  std::string error;  // read or extraction failure, "" if none
  double extract_ms = 0;
  std::vector<std::string> missed;    // `with` snippets not found
  std::vector<std::string> unwanted;  // `without` snippets found
  double shingle_f1 = -1;             // ScrapingHub layout only
  std::string title, gold_title;      // when the gold has a title
  bool title_ok = false;
  std::string date, gold_date;  // when the gold has a date
  std::string date_source;  // DateField::source of `date`
  bool date_ok = false;
  std::string authors, gold_author;  // "; "-joined, when the gold has one
  bool author_ok = false;
};

struct ExtractionEvalReport {
  std::string layout;  // "trafilatura" or "scrapinghub"
  size_t pages = 0, failed = 0, empty = 0;
  // Snippet scoring (trafilatura layout).
  size_t tp = 0, fn = 0, fp = 0, tn = 0;
  double precision = 0, recall = 0, f1 = 0;
  // Shingle scoring (ScrapingHub layout): macro means and micro sums.
  double shingle_precision = 0, shingle_recall = 0, shingle_f1 = 0;
  double shingle_micro_precision = 0, shingle_micro_recall = 0,
         shingle_micro_f1 = 0;
  // Metadata.
  size_t title_gold = 0, title_ok = 0;
  size_t date_gold = 0, date_ok = 0, date_found = 0;
  size_t author_gold = 0, author_ok = 0;
  // Speed.
  int threads = 1;
  uint64_t bytes = 0;          // decoded HTML bytes given to Extract()
  double extract_seconds = 0;  // summed over pages (CPU-side, one core)
  double wall_seconds = 0;     // whole run, reading included
  double slowest_ms = 0;
  std::string slowest_page;
  bool from_outputs = false;             // options.outputs_file was scored
  std::vector<PageReport> page_reports;  // when options.diagnostics
};

// REQUIRES: `dir` holds one of the layouts above. Fails (NotFound /
// Corruption) only when the gold file is missing or unreadable; bad pages
// are scored as failures.
Result<ExtractionEvalReport> EvaluateExtraction(
    const std::string& dir, const ExtractionEvalOptions& options);

// The human-readable report; with `diagnostics`, per-page lines for every
// page with a missed or unwanted snippet or a wrong title / date / author.
std::string FormatExtractionReport(const ExtractionEvalReport& report,
                                   bool diagnostics);

// Text normalisation for title (and author name) matching: Unicode NFC,
// full case folding, whitespace runs to one space, leading and trailing
// whitespace, punctuation and quote marks stripped, default-ignorable code
// points (soft hyphen, zero-width space) removed.
std::string NormalizeForMatch(std::string_view s);

// A byline or gold author field as a sorted set of normalised names: split
// on , ; & | / and the words and/und/et/y, each name NormalizeForMatch'ed,
// a leading "by"/"von" dropped, empties removed.
std::vector<std::string> AuthorSet(const std::vector<std::string>& fields);

struct ShingleCounts {
  size_t tp = 0, fp = 0, fn = 0;
};
// 4-gram shingle matching of one page as described above.
ShingleCounts MatchShingles(std::string_view gold, std::string_view output,
                            int n = 4);

}  // namespace wirewatch::eval

#endif  // WIREWATCH_EVAL_EXTRACTION_EVAL_H_
