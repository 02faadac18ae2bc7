// BufferedReader: buffered, peekable reading over a ByteSource, with bounded
// line reading and push-back. The container readers (JSON Lines, WARC) are
// written against it.
//
// Memory: the buffer grows only as far as the largest Peek() asked for or the
// longest line accepted (both bounded by the caller's limits); skipping a
// too-long line or a large block never buffers it.
//
// Thread-safety: one thread at a time.
#ifndef WIREWATCH_INPUT_BUFFERED_READER_H_
#define WIREWATCH_INPUT_BUFFERED_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "input/byte_source.h"
#include "wirewatch/status.h"

namespace wirewatch::input {

class BufferedReader {
 public:
  // `initial` holds bytes already taken from `source` (sniffing); they are
  // read first.
  explicit BufferedReader(std::unique_ptr<ByteSource> source,
                          std::string_view initial = {});

  // Returns at least `n` buffered bytes, fewer only at end of input. The view
  // is valid until the next non-const call.
  std::string_view Peek(size_t n);

  enum class LineStatus { kOk, kTooLong, kEnd };
  // Reads one line into *line, without its '\n' (a '\r' before it is kept).
  // The last line may lack a '\n' (unless the source failed). kTooLong: the
  // line has more than `max_len` bytes; it was consumed through its '\n'
  // without being buffered and *line holds nothing; *length (if given) receives
  // its length. kEnd: no more input (or an error: see status()).
  LineStatus ReadLine(size_t max_len, std::string* line,
                      uint64_t* length = nullptr);

  // Appends up to `n` bytes to *out; fewer only at end of input.
  size_t Read(size_t n, std::string* out);
  // Discards up to `n` bytes; returns how many (fewer only at end of input).
  uint64_t Skip(uint64_t n);
  // Pushes `data` back in front of the unread bytes; offset() moves back by
  // its size. Used to rescan a block after a framing error.
  // REQUIRES: `data` does not point into this reader's buffer.
  void Unread(std::string_view data);

  // Offset of the next unread byte in the stream.
  uint64_t offset() const { return offset_; }
  // The source's error, if reading stopped because of one.
  const Status& status() const { return status_; }

 private:
  // Reads more from the source, appending to the buffer. False at end of
  // input or on error.
  bool Fill(size_t min_free);
  size_t buffered() const { return buf_.size() - pos_; }

  std::unique_ptr<ByteSource> source_;
  std::string buf_;  // unread bytes are buf_[pos_, size())
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  Status status_;
};

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_BUFFERED_READER_H_
