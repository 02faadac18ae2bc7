// WarcReader: WARC 1.0 / 1.1 (ISO 28500), one record at a time.
//
// A record is a version line ("WARC/1.0"), header fields up to a blank line,
// a block of exactly Content-Length bytes, then "\r\n\r\n". Only `response`
// records with Content-Type application/http become documents: the HTTP
// status line and headers are parsed, the body is de-chunked / gunzipped
// (http_response.h), and an HTML body (by HTTP Content-Type, or sniffed when
// there is none) with a 2xx status is decoded with the HTTP charset.
// Everything else is skipped without a failure item: warcinfo, request,
// metadata, revisit and resource records, non-HTML payloads (images, CSS,
// robots.txt) and non-2xx responses (redirects, errors), which are not
// articles. A response whose HTTP message cannot be parsed is a failure.
//
// Framing errors and resynchronisation. Content-Length is trusted only once
// it is confirmed: after the block the reader expects "\r\n\r\n" and then
// the next "WARC/1." (or the end of the stream). When that check fails, or
// the stream ends inside the block, the record becomes a failure item
// ("WARC record at offset 1234: Content-Length 999 does not end at a record
// boundary") and the block is pushed back and rescanned line by line for a
// line starting "WARC/1.", so a record swallowed by a too-long
// Content-Length still comes out. Blocks larger than max_doc_bytes + 1 MiB
// are skipped without buffering; a lying length there loses what it covers.
//
// source = "<file>@<offset of the record in the decompressed stream>";
// fetch_time = WARC-Date; url = WARC-Target-URI.
//
// Tests: warc_reader_test.cc.
//
// Thread-safety: one thread at a time.
#ifndef WIREWATCH_INPUT_WARC_READER_H_
#define WIREWATCH_INPUT_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "input/buffered_reader.h"
#include "input/input_reader.h"

namespace wirewatch::input {

// Parses a WARC-Date ("2013-07-12T16:48:58Z", optional fraction, or a date
// alone) to seconds since the epoch; 0 when unparsable.
int64_t ParseWarcDate(std::string_view s);

class WarcReader final : public InputReader {
 public:
  // REQUIRES: `charset` outlives the reader.
  WarcReader(std::unique_ptr<BufferedReader> reader, InputSpec spec,
             const ReaderOptions& options, CharsetDecoder* charset);

  bool Next(RawDoc* doc) override;

 private:
  // Reads one record. True when *doc was filled (document or failure);
  // false when the record was skipped or the stream ended (see done_).
  bool ReadRecord(RawDoc* doc);
  // Fills *doc from the HTTP message in block_; false if it is no document.
  bool MakeDocument(RawDoc* doc);
  // True when the bytes after the block are "\r\n\r\n" then the next
  // record or the end of input.
  bool AtRecordBoundary();
  // Fills *doc as the failure of the record at record_offset_.
  void Fail(RawDoc* doc, std::string reason);

  std::unique_ptr<BufferedReader> reader_;
  InputSpec spec_;
  ReaderOptions options_;
  CharsetDecoder* charset_;
  std::string line_;
  std::string block_;
  std::string body_;
  uint64_t record_offset_ = 0;
  bool resync_ = false;  // scanning for the next "WARC/1." line
  bool done_ = false;
  // Header fields of the current record.
  std::string type_;
  std::string uri_;
  std::string content_type_;
  int64_t date_ = 0;
};

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_WARC_READER_H_
