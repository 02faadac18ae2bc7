// JsonlReader: JSON Lines, one article per line:
//   {"url": "...", "title": "...", "published": "...", "html": "..."}
// or with "text" instead of "html" (then DocFormat::kText). title and
// published become title_hint / published_hint. Blank lines are skipped.
// A bad line becomes a failure item ("dump.jsonl:17", "invalid JSON: ...",
// "no html or text field", "document exceeds max_doc_bytes (N > M)") and
// reading goes on with the next line. Lines are read one at a time; a line
// longer than max_doc_bytes is skipped without being buffered.
//
// Thread-safety: one thread at a time.
#ifndef WIREWATCH_INPUT_JSONL_READER_H_
#define WIREWATCH_INPUT_JSONL_READER_H_

#include <memory>
#include <string>

#include "input/buffered_reader.h"
#include "input/input_reader.h"

namespace wirewatch::input {

class JsonlReader final : public InputReader {
 public:
  // REQUIRES: `charset` outlives the reader.
  JsonlReader(std::unique_ptr<BufferedReader> reader, InputSpec spec,
              const ReaderOptions& options, CharsetDecoder* charset);
  ~JsonlReader() override;

  bool Next(RawDoc* doc) override;

 private:
  struct Parser;  // hides simdjson
  void ParseLine(RawDoc* doc);

  std::unique_ptr<BufferedReader> reader_;
  InputSpec spec_;
  ReaderOptions options_;
  CharsetDecoder* charset_;
  std::unique_ptr<Parser> parser_;
  std::string line_;
  uint64_t line_no_ = 0;
  bool done_ = false;
};

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_JSONL_READER_H_
