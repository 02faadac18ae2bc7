// DocReader: turns paths (files, directories, "-" for stdin) into a stream of
// RawDocs, one document at a time.
//
// Formats, chosen by name then by sniffing the first bytes:
//   .html .htm .xhtml / starts with '<'   -> one HTML page
//   .txt / other text                      -> one scraped-text page
//   .jsonl .ndjson / starts with '{'       -> JSON Lines, one article a line:
//        {"url","title","published", and "html" or "text"}
//   .warc / starts with "WARC/1."          -> WARC 1.0/1.1, each `response`
//        record with an HTTP payload becomes one document
//   any of the above + .gz                 -> gunzipped transparently
// Directories are walked recursively in sorted order (hidden entries skipped).
//
// Every piece of input ends as a document or as a failure item (RawDoc with
// `failure` set): unreadable files, truncated gzip, malformed JSON lines,
// WARC records whose Content-Length lies, documents over the size limit.
// A failure never stops the stream. Memory is bounded by the size of one
// document (WARC and JSONL are read record by record), not by the input.
//
// Text is converted to UTF-8: BOM, then the declared charset (HTTP header or
// JSON), then <meta charset> (HTML), then ICU detection; invalid sequences
// become U+FFFD with a warning (details: charset.h).
//
// What the reader fills in (see also wirewatch/raw_doc.h):
//   source      "dir/a.html", "dump.jsonl:17", "crawl.warc.gz@OFFSET" (record
//               offset in the decompressed stream), "-" / "-:17" for stdin.
//   fetch_time  WARC-Date for WARC records, the file's mtime for other files
//               (JSON Lines included), 0 for stdin.
//   raw_bytes   bytes of the document as handed to charset decoding: after
//               gunzip and HTTP de-chunking/decompression, before conversion.
//   WARC        only 2xx HTML responses are documents; other records and
//               payloads are skipped without a failure item (warc_reader.h).
// Other failure reasons: "cannot open: <strerror>", "empty document",
// "binary content (N% non-text bytes)", "document exceeds max_doc_bytes
// (N > M)", "gzip stream truncated after N bytes".
//
// Thread-safety: a DocReader is used by one thread at a time.
#ifndef WIREWATCH_INPUT_DOC_READER_H_
#define WIREWATCH_INPUT_DOC_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wirewatch/raw_doc.h"
#include "wirewatch/status.h"

namespace wirewatch::input {

struct ReaderOptions {
  // A document (after decompression) larger than this becomes a failure
  // item; it is never loaded whole. Flag: --max-doc-bytes.
  uint64_t max_doc_bytes = 32ull << 20;
};

class DocReader {
 public:
  // Never fails for a bad path: a missing or unreadable path becomes a
  // failure item in the stream. Fails only for an empty path list.
  static Result<std::unique_ptr<DocReader>> Open(
      const std::vector<std::string>& paths, const ReaderOptions& options);

  // Reads one input held in memory (a body posted to the server) exactly as
  // a file: the format comes from the extension of `name` ("x.warc.gz",
  // "x.jsonl") or, when `name` is "", from sniffing the bytes; gzip is
  // detected by magic. Documents are named `source` (JSON Lines append
  // ":LINE", WARC "@OFFSET"); fetch_time is 0.
  // REQUIRES: `data` outlives the reader; options.max_doc_bytes > 0.
  static std::unique_ptr<DocReader> OpenMemory(std::string_view data,
                                               const std::string& source,
                                               const std::string& name,
                                               const ReaderOptions& options);

  virtual ~DocReader() = default;

  // Replaces *doc with the next document or failure item. Returns false when
  // the input is exhausted (then *doc is unspecified).
  virtual bool Next(RawDoc* doc) = 0;

  // Sum of the sizes of the input files found so far (after the directory
  // walk, which happens in Open). 0 when unknown (stdin).
  virtual uint64_t total_bytes() const = 0;
  // Bytes of input files consumed so far (compressed size for .gz), for
  // progress and ETA.
  virtual uint64_t bytes_consumed() const = 0;
};

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_DOC_READER_H_
