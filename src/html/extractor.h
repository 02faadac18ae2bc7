// Extractor: RawDoc -> Article, for every input format.
//
// HTML pages are parsed with a real HTML5 parser into a compact DOM and the
// main text is found by text density; metadata comes from JSON-LD,
// OpenGraph/meta, <time>, <title> and <link rel=canonical>. Scraped-text
// pages go through ParseTextPage (text_page.h). JSON Lines `text` bodies
// become paragraphs directly.
//
// An Extractor keeps its parser state and buffers between documents: make
// one per thread and reuse it.
//
// Thread-safety: one Extractor per thread.
#ifndef WIREWATCH_HTML_EXTRACTOR_H_
#define WIREWATCH_HTML_EXTRACTOR_H_

#include <cstdint>
#include <memory>

#include "wirewatch/article.h"
#include "wirewatch/raw_doc.h"
#include "wirewatch/status.h"

namespace wirewatch::html {

struct ExtractOptions {
  // Elements nested deeper than this are flattened into their ancestor at
  // the limit (their text is kept). Flag: --max-depth.
  int max_depth = 256;
  // Pages with more DOM nodes than this are cut off at the limit with a
  // warning.
  uint32_t max_nodes = 1u << 20;
};

class Extractor {
 public:
  explicit Extractor(const ExtractOptions& options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Returns the best-effort article, with problems in Article::warnings.
  // Fails (InvalidArgument) only when the document holds no usable text at
  // all (empty, binary junk): the caller records that as a failure.
  // The returned Article has `id` empty; see article_id.h.
  // REQUIRES: !doc.failed()
  Result<Article> Extract(const RawDoc& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_EXTRACTOR_H_
