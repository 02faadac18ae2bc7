#include "input/byte_source.h"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace wirewatch::input {
namespace {

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owns_fd, uint64_t* counter)
      : fd_(fd), owns_fd_(owns_fd), counter_(counter) {}
  ~FdSource() override {
    if (owns_fd_) ::close(fd_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) {
        if (counter_) *counter_ += static_cast<uint64_t>(r);
        return static_cast<size_t>(r);
      }
      if (errno == EINTR) continue;
      status_ = Status::Unavailable(std::string("read error: ") +
                                    std::strerror(errno));
      return status_;
    }
  }

 private:
  int fd_;
  bool owns_fd_;
  uint64_t* counter_;
  Status status_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Streaming gunzip. State machine over the compressed input:
//   in a member   -> inflate() until Z_STREAM_END;
//   between members -> the next two bytes decide: gzip magic starts another
//   member (inflateReset), anything else (or end of input) ends the stream.
// End of input inside a member is truncation.
class GzipSource final : public ByteSource {
 public:
  static constexpr size_t kInBufSize = 64 << 10;

  GzipSource(std::unique_ptr<ByteSource> inner, std::string prefix)
      : inner_(std::move(inner)), in_(std::max(kInBufSize, prefix.size())) {
    std::memset(&zs_, 0, sizeof(zs_));
    // 15 + 32: a 32 KiB window, auto-detect gzip or zlib header.
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) {
      status_ = Status::Internal("inflateInit2 failed");
      return;
    }
    initialized_ = true;
    std::memcpy(in_.data(), prefix.data(), prefix.size());
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(prefix.size());
    read_total_ = prefix.size();
  }
  ~GzipSource() override {
    if (initialized_) inflateEnd(&zs_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    if (done_ || n == 0) return size_t{0};
    const uInt want = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = want;
    while (zs_.avail_out == want) {
      if (!in_member_) {
        // Between members: need two bytes to look for another header.
        if (zs_.avail_in < 2 && !inner_eof_) {
          if (!Fill()) return status_;
          continue;
        }
        if (zs_.avail_in >= 2 &&
            HasGzipMagic(std::string_view(
                reinterpret_cast<const char*>(zs_.next_in), 2))) {
          inflateReset(&zs_);
          in_member_ = true;
          continue;
        }
        done_ = true;  // end of input, or trailing bytes that are not gzip
        break;
      }
      if (zs_.avail_in == 0) {
        if (inner_eof_) {
          status_ = Status::Corruption("gzip stream truncated after " +
                                       std::to_string(read_total_) + " bytes");
          return status_;
        }
        if (!Fill()) return status_;
        continue;
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        uint64_t at = read_total_ - zs_.avail_in;
        status_ = Status::Corruption(
            "gzip data corrupt near byte " + std::to_string(at) + ": " +
            (zs_.msg ? zs_.msg : "inflate error " + std::to_string(rc)));
        return status_;
      }
    }
    return static_cast<size_t>(want - zs_.avail_out);
  }

 private:
  // Moves unread input to the front and reads more. False on error.
  bool Fill() {
    size_t keep = zs_.avail_in;
    if (keep > 0 && reinterpret_cast<char*>(zs_.next_in) != in_.data()) {
      std::memmove(in_.data(), zs_.next_in, keep);
    }
    Result<size_t> r = inner_->Read(in_.data() + keep, in_.size() - keep);
    if (!r.ok()) {
      status_ = r.status();
      return false;
    }
    if (*r == 0) inner_eof_ = true;
    read_total_ += *r;
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(keep + *r);
    return true;
  }

  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream zs_;
  bool initialized_ = false;
  bool in_member_ = true;
  bool inner_eof_ = false;
  bool done_ = false;
  uint64_t read_total_ = 0;  // compressed bytes read from inner_
  Status status_;
};

}  // namespace

std::unique_ptr<ByteSource> NewFdSource(int fd, bool owns_fd,
                                        uint64_t* counter) {
  return std::make_unique<FdSource>(fd, owns_fd, counter);
}

std::unique_ptr<ByteSource> NewMemorySource(std::string_view data) {
  return std::make_unique<MemorySource>(data);
}

std::unique_ptr<ByteSource> NewGzipSource(std::unique_ptr<ByteSource> inner,
                                          std::string prefix) {
  return std::make_unique<GzipSource>(std::move(inner), std::move(prefix));
}

}  // namespace wirewatch::input
