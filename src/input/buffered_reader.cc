#include "input/buffered_reader.h"

#include <algorithm>
#include <cstring>

namespace wirewatch::input {
namespace {
constexpr size_t kChunk = 64 << 10;
}  // namespace

BufferedReader::BufferedReader(std::unique_ptr<ByteSource> source,
                               std::string_view initial)
    : source_(std::move(source)), buf_(initial) {
  buf_.reserve(std::max(kChunk, buf_.size()));
}

bool BufferedReader::Fill(size_t min_free) {
  if (eof_) return false;
  // Drop consumed bytes first so the buffer does not creep.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t want = std::max(min_free, kChunk);
  size_t old = buf_.size();
  // resize() zero-fills; the cost is one memset per 64 KiB chunk.
  buf_.resize(old + want);
  Result<size_t> r = source_->Read(buf_.data() + old, want);
  if (!r.ok()) {
    buf_.resize(old);
    status_ = r.status();
    eof_ = true;
    return false;
  }
  buf_.resize(old + *r);
  if (*r == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

std::string_view BufferedReader::Peek(size_t n) {
  while (buffered() < n && Fill(n - buffered())) {
  }
  return std::string_view(buf_).substr(pos_);
}

BufferedReader::LineStatus BufferedReader::ReadLine(size_t max_len,
                                                    std::string* line,
                                                    uint64_t* length) {
  line->clear();
  size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start + scanned, '\n', buffered() - scanned);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      if (len > max_len) {
        if (length) *length = len;
        pos_ += len + 1;
        offset_ += len + 1;
        return LineStatus::kTooLong;
      }
      line->assign(start, len);
      pos_ += len + 1;
      offset_ += len + 1;
      if (length) *length = len;
      return LineStatus::kOk;
    }
    scanned = buffered();
    if (scanned > max_len) break;  // too long: discard without buffering
    if (!Fill(kChunk)) {
      // A partial line cut off by an error is not a line.
      if (scanned == 0 || !status_.ok()) return LineStatus::kEnd;
      line->assign(buf_.data() + pos_, scanned);  // last line, no '\n'
      pos_ += scanned;
      offset_ += scanned;
      if (length) *length = scanned;
      return LineStatus::kOk;
    }
  }
  // Too long: drop what is buffered and keep scanning for the newline.
  uint64_t total = 0;
  for (;;) {
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', buffered());
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      total += len;
      pos_ += len + 1;
      offset_ += len + 1;
      break;
    }
    total += buffered();
    offset_ += buffered();
    buf_.clear();
    pos_ = 0;
    if (!Fill(kChunk)) break;
  }
  if (length) *length = total;
  return LineStatus::kTooLong;
}

size_t BufferedReader::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (buffered() == 0) {
      // Large reads go straight from the source into *out.
      if (n - done >= kChunk && !eof_) {
        size_t old = out->size();
        // Grow geometrically: a huge `n` (a size limit) must not allocate
        // that much for a small stream.
        size_t want = std::min(n - done, std::max(kChunk, old));
        out->resize(old + want);
        Result<size_t> r = source_->Read(out->data() + old, want);
        if (!r.ok()) {
          out->resize(old);
          status_ = r.status();
          eof_ = true;
          break;
        }
        out->resize(old + *r);
        if (*r == 0) {
          eof_ = true;
          break;
        }
        done += *r;
        offset_ += *r;
        continue;
      }
      if (!Fill(kChunk)) break;
    }
    size_t k = std::min(n - done, buffered());
    out->append(buf_.data() + pos_, k);
    pos_ += k;
    offset_ += k;
    done += k;
  }
  return done;
}

uint64_t BufferedReader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (buffered() == 0) {
      buf_.clear();
      pos_ = 0;
      if (!Fill(kChunk)) break;
    }
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, buffered()));
    pos_ += k;
    offset_ += k;
    done += k;
  }
  return done;
}

void BufferedReader::Unread(std::string_view data) {
  if (data.empty()) return;
  if (pos_ >= data.size()) {
    pos_ -= data.size();
    std::memcpy(buf_.data() + pos_, data.data(), data.size());
  } else {
    buf_.erase(0, pos_);
    buf_.insert(0, data);
    pos_ = 0;
  }
  offset_ -= data.size();
}

}  // namespace wirewatch::input
