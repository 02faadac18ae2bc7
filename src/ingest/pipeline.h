// Ingest: the batch driver that runs input -> html -> store over a list of
// paths.
//
// Threads (IngestOptions::threads = N > 1):
//   reader thread   DocReader -> work queue (bounded)
//   N workers       each with its own html::Extractor and
//                   analyze::ArticleAnalyzer: RawDoc -> Article + analysis
//                   (or failure) -> result queue (bounded)
//   calling thread  the single SQLite writer: puts results back into input
//                   order (so `seq` follows the input order whatever the
//                   thread timing), links each new article (LinkState:
//                   near-duplicate original and story, written to
//                   article_links; touched stories written before each
//                   commit) and commits every `batch_size` results.
// With N == 1 everything runs inline on the calling thread, which is what
// per-core throughput figures measure.
//
// Memory is bounded by the queue capacities times the largest document
// (ReaderOptions::max_doc_bytes), never by the corpus size.
//
// Every input item ends as a stored article, a duplicate of one, or a
// recorded failure (stage "input" or "html"); only a store error (disk
// full, locked file) aborts the run, after committing what was done.
//
// Thread-safety: Ingest() may be called from one thread at a time per Store.
#ifndef WIREWATCH_INGEST_PIPELINE_H_
#define WIREWATCH_INGEST_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/article_analyzer.h"
#include "analyze/ner_model.h"
#include "analyze/quote_model.h"
#include "html/extractor.h"
#include "input/doc_reader.h"
#include "store/store.h"
#include "wirewatch/status.h"

namespace wirewatch::ingest {

// What one input item became, reported to IngestOptions::on_item.
struct ItemResult {
  enum Kind { kStored, kDuplicate, kFailed };
  Kind kind = kFailed;
  std::string_view source;  // RawDoc::source
  std::string_view id;      // article id (stored, duplicate)
  int64_t seq = 0;          // the stored or existing seq
  std::string_view title;   // stored, duplicate
  std::string_view stage;   // failed: "input" or "html"
  std::string_view reason;  // failed: one line
};
// Called on the writer thread, in input order, after the item is written
// (not necessarily committed). The views live until the call returns.
using ItemFn = std::function<void(const ItemResult&)>;

struct IngestOptions {
  int threads = 0;          // 0: one worker per hardware thread
  size_t batch_size = 256;  // results per SQLite transaction
  input::ReaderOptions reader;
  html::ExtractOptions extract;
  // Run the analyze stage (time expressions, and entities when a model is
  // given) on every new article and store the result.
  bool analyze = true;
  const analyze::NerModel* ner_model = nullptr;  // not owned; may be null
  // Attribution cue tagger; not owned; null: quotes from the rules only.
  const analyze::QuoteModel* quote_model = nullptr;
  // Link every new article at ingest (near-duplicate original, story; see
  // ingest/link_state.h). The link state is rebuilt from the archive at the
  // start of the run, then grows one article at a time on the writer.
  bool link = true;
  ItemFn on_item;  // optional
};

struct Progress {
  uint64_t documents = 0;   // input items finished (stored + dup + failed)
  uint64_t stored = 0;
  uint64_t duplicates = 0;
  uint64_t failures = 0;
  uint64_t bytes_consumed = 0;
  uint64_t total_bytes = 0;  // 0 when unknown (stdin)
  double elapsed_seconds = 0;
};

// Called on the writer thread at most every `interval` seconds and once at
// the end (final == true).
using ProgressFn = std::function<void(const Progress&, bool final)>;

Result<Progress> Ingest(const std::vector<std::string>& paths,
                        store::Store* store, const IngestOptions& options,
                        const ProgressFn& progress = {},
                        double interval = 0.2);

// The same over an opened reader (DocReader::OpenMemory for a posted body).
// REQUIRES: `reader` outlives the call.
Result<Progress> IngestFrom(input::DocReader* reader, store::Store* store,
                            const IngestOptions& options,
                            const ProgressFn& progress = {},
                            double interval = 0.2);

}  // namespace wirewatch::ingest

#endif  // WIREWATCH_INGEST_PIPELINE_H_
