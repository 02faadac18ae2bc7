// RawDoc: one input document as the readers deliver it, before any parsing.
//
// Produced by wirewatch::input::DocReader (src/input), consumed by the html
// stage. A RawDoc either carries a document (failure empty) or records why a
// piece of input could not become one (failure non-empty): a reader never
// drops input silently.
//
// Thread-safety: a plain value.
#ifndef WIREWATCH_RAW_DOC_H_
#define WIREWATCH_RAW_DOC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirewatch {

// What the bytes are, as far as the reader can tell.
enum class DocFormat {
  kHtml = 0,         // an HTML page
  kScrapedText = 1,  // a plain-text page: title, dateline, paragraphs (the seed)
  kText = 2,         // body text only (JSON Lines `text` field)
};

std::string_view DocFormatName(DocFormat f);  // "html", "scraped_text", "text"

struct RawDoc {
  // Where the document came from, precise enough to find it again:
  // "dir/a.html", "dump.jsonl:17" (line), "crawl.warc.gz@123456" (record
  // offset in the decompressed stream), "-" for stdin.
  std::string source;
  // The document's own URL when the input names one (WARC-Target-URI, JSON
  // `url`); empty otherwise.
  std::string url;
  DocFormat format = DocFormat::kHtml;
  // The payload, converted to valid UTF-8 by the reader.
  std::string text;
  // The charset the bytes were decoded from ("UTF-8", "windows-1252", ...)
  // and how it was chosen: "bom", "http", "meta", "json", "detected",
  // "default".
  std::string charset;
  std::string charset_source;
  // Hints supplied by the container (JSON Lines fields); empty when absent.
  std::string title_hint;
  std::string published_hint;
  // Fetch time in seconds since the Unix epoch (WARC-Date, file mtime); 0 if
  // unknown. Used to reject dates from the future.
  int64_t fetch_time = 0;
  // Size of the document's bytes after gunzip and HTTP decoding, before
  // charset conversion.
  uint64_t raw_bytes = 0;
  // Non-fatal problems met while reading ("invalid UTF-8 replaced", ...).
  std::vector<std::string> warnings;

  // Non-empty when this item records a failure instead of a document: a
  // one-line human-readable reason ("gzip stream truncated after 1234 bytes").
  std::string failure;
  bool failed() const { return !failure.empty(); }
};

}  // namespace wirewatch

#endif  // WIREWATCH_RAW_DOC_H_
