// ByteSource: the I/O seam of the input stage. A pull-based stream of bytes
// (a file descriptor, memory, or a gzip decoder stacked on another source).
//
// Readers never touch file descriptors or zlib directly; they read from a
// ByteSource, so tests and the fuzz target can feed memory and inject faults.
//
// Thread-safety: a ByteSource is used by one thread at a time.
#ifndef WIREWATCH_INPUT_BYTE_SOURCE_H_
#define WIREWATCH_INPUT_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "wirewatch/status.h"

namespace wirewatch::input {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` (> 0) bytes into `buf`. Returns the number read; 0 means
  // end of input. An error (I/O error, corrupt or truncated gzip) is sticky:
  // later calls return it again.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Reads a file descriptor. Adds every byte read to *counter when `counter` is
// non-null (progress reporting). Closes `fd` on destruction when `owns_fd`.
std::unique_ptr<ByteSource> NewFdSource(int fd, bool owns_fd,
                                        uint64_t* counter = nullptr);

// Reads `data`. REQUIRES: `data` outlives the source.
std::unique_ptr<ByteSource> NewMemorySource(std::string_view data);

// Gunzips `inner`, whose first bytes have already been read into `prefix`
// (the sniffed magic). Concatenated gzip members (how .warc.gz is written)
// are decoded as one stream; anything after the last member that is not a
// gzip header is ignored, like gzip(1) does. Zlib-wrapped deflate streams are
// accepted too (HTTP "Content-Encoding: deflate"). Errors name the compressed
// offset: "gzip stream truncated after 1234 bytes".
// Streaming: memory is two 64 KiB buffers plus zlib's window.
std::unique_ptr<ByteSource> NewGzipSource(std::unique_ptr<ByteSource> inner,
                                          std::string prefix = {});

// True when `head` starts with the gzip magic bytes 1f 8b.
inline bool HasGzipMagic(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_BYTE_SOURCE_H_
