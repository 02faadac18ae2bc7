// InputReader: the documents of one opened input (a file or stdin), and
// OpenInput(), which sniffs gzip and the container format and picks the
// reader. DocReader (doc_reader.cc) strings InputReaders together; tests and
// the fuzz target drive OpenInput() directly on memory or a pipe.
//
// Thread-safety: one thread at a time.
#ifndef WIREWATCH_INPUT_INPUT_READER_H_
#define WIREWATCH_INPUT_INPUT_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "input/byte_source.h"
#include "input/charset.h"
#include "input/doc_reader.h"
#include "wirewatch/raw_doc.h"

namespace wirewatch::input {

// What the caller knows about an input before reading it.
struct InputSpec {
  // RawDoc::source of its documents ("dir/a.html", "-"); JSON Lines append
  // ":LINE", WARC "@OFFSET".
  std::string source;
  // Name whose extension picks the format ("a.warc.gz"); "" to sniff.
  std::string name;
  int64_t mtime = 0;  // seconds since the epoch; 0 unknown
  int64_t size = -1;  // bytes on disk; -1 unknown (stdin, pipes)
};

enum class ContainerFormat { kHtml, kScrapedText, kJsonl, kWarc };

// The format named by the extension of `name` (after stripping ".gz"),
// or false when the extension says nothing.
bool FormatFromName(std::string_view name, ContainerFormat* format);
// The format of decompressed bytes `head` by their first non-blank
// character: '<' HTML, "WARC/1." WARC, '{' JSON Lines, else scraped text.
ContainerFormat SniffFormat(std::string_view head);

class InputReader {
 public:
  virtual ~InputReader() = default;
  // Replaces *doc with the next document or failure item; false at the end.
  virtual bool Next(RawDoc* doc) = 0;
};

// Opens one input. Reads its first bytes at once (gzip magic, sniffing).
// Never fails: problems become failure items. REQUIRES: `charset` outlives
// the reader.
std::unique_ptr<InputReader> OpenInput(std::unique_ptr<ByteSource> source,
                                       const InputSpec& spec,
                                       const ReaderOptions& options,
                                       CharsetDecoder* charset);

// Clears every field of *doc, keeping the string capacities.
void ResetDoc(RawDoc* doc);

// "document exceeds max_doc_bytes (N > M)".
std::string TooLargeMessage(uint64_t size, uint64_t limit);

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_INPUT_READER_H_
