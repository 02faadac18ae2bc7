#include "input/warc_reader.h"

#include <algorithm>
#include <charconv>

#include "base/civil_date.h"
#include "input/http_response.h"

namespace wirewatch::input {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderBytes = 1 << 20;
// Blocks up to max_doc_bytes + this are buffered (room for HTTP headers).
constexpr uint64_t kBlockSlack = 1 << 20;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string Quote(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 40)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  if (s.size() > 40) out += "...";
  return out + "'";
}

void StripCr(std::string* s) {
  if (!s->empty() && s->back() == '\r') s->pop_back();
}

bool ParseInt(std::string_view s, size_t pos, size_t len, int* out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  std::from_chars(s.data() + pos, s.data() + pos + len, *out);
  return true;
}

}  // namespace

int64_t ParseWarcDate(std::string_view s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!ParseInt(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' ||
      !ParseInt(s, 5, 2, &mo) || s[7] != '-' || !ParseInt(s, 8, 2, &d)) {
    return 0;
  }
  if (s.size() > 10) {
    if (s[10] != 'T' || !ParseInt(s, 11, 2, &h) || s.size() < 16 ||
        s[13] != ':' || !ParseInt(s, 14, 2, &mi)) {
      return 0;
    }
    if (s.size() > 16 && s[16] == ':' && !ParseInt(s, 17, 2, &sec)) return 0;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
    return 0;
  }
  return DaysFromCivil(y, mo, d) *
             86400 +
         h * 3600 + mi * 60 + sec;
}

WarcReader::WarcReader(std::unique_ptr<BufferedReader> reader, InputSpec spec,
                       const ReaderOptions& options, CharsetDecoder* charset)
    : reader_(std::move(reader)),
      spec_(std::move(spec)),
      options_(options),
      charset_(charset) {}

bool WarcReader::Next(RawDoc* doc) {
  while (!done_) {
    if (ReadRecord(doc)) return true;
  }
  return false;
}

void WarcReader::Fail(RawDoc* doc, std::string reason) {
  ResetDoc(doc);
  doc->source = spec_.source + "@" + std::to_string(record_offset_);
  doc->url = uri_;
  doc->fetch_time = date_;
  doc->failure = std::move(reason);
}

bool WarcReader::ReadRecord(RawDoc* doc) {
  using LineStatus = BufferedReader::LineStatus;
  uri_.clear();
  date_ = 0;
  // The version line; in resync mode, skip to the next one.
  for (;;) {
    record_offset_ = reader_->offset();
    uint64_t len = 0;
    LineStatus st = reader_->ReadLine(kMaxHeaderLine, &line_, &len);
    if (st == LineStatus::kEnd) {
      done_ = true;
      if (reader_->status().ok()) return false;
      Fail(doc, reader_->status().message());
      return true;
    }
    if (st == LineStatus::kOk) {
      StripCr(&line_);
      if (line_.compare(0, 7, "WARC/1.") == 0) break;
      if (line_.empty() && !resync_) continue;  // stray blank lines
    }
    if (!resync_) {
      resync_ = true;
      Fail(doc, "expected a WARC/1.x record header, found " +
                    (st == LineStatus::kOk
                         ? Quote(line_)
                         : "a line of " + std::to_string(len) + " bytes"));
      return true;
    }
  }
  resync_ = false;

  // Header fields, up to the blank line.
  type_.clear();
  content_type_.clear();
  int64_t content_length = -1;
  uint64_t header_bytes = 0;
  for (;;) {
    uint64_t len = 0;
    LineStatus st = reader_->ReadLine(kMaxHeaderLine, &line_, &len);
    if (st == LineStatus::kEnd) {
      done_ = true;
      Fail(doc, reader_->status().ok() ? "WARC record header cut off by the "
                                         "end of the stream"
                                       : reader_->status().message());
      return true;
    }
    header_bytes += len + 1;
    if (st == LineStatus::kTooLong || header_bytes > kMaxHeaderBytes) {
      resync_ = true;
      Fail(doc, "WARC record header too long");
      return true;
    }
    StripCr(&line_);
    if (line_.empty()) break;
    if (line_[0] == ' ' || line_[0] == '\t') continue;  // folded: not needed
    size_t colon = line_.find(':');
    if (colon == std::string::npos) continue;
    std::string_view name = Trim(std::string_view(line_).substr(0, colon));
    std::string_view value = Trim(std::string_view(line_).substr(colon + 1));
    if (IEquals(name, "WARC-Type")) {
      type_.resize(value.size());
      std::transform(value.begin(), value.end(), type_.begin(), Lower);
    } else if (IEquals(name, "WARC-Target-URI")) {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
        value = value.substr(1, value.size() - 2);  // WARC 1.0 drafts
      }
      uri_.assign(value);
    } else if (IEquals(name, "WARC-Date")) {
      date_ = ParseWarcDate(value);
    } else if (IEquals(name, "Content-Length")) {
      int64_t n = -1;
      auto [p, ec] =
          std::from_chars(value.data(), value.data() + value.size(), n);
      content_length =
          (ec == std::errc() && p == value.data() + value.size() && n >= 0)
              ? n
              : -1;
    } else if (IEquals(name, "Content-Type")) {
      content_type_.resize(value.size());
      std::transform(value.begin(), value.end(), content_type_.begin(), Lower);
    }
  }
  if (content_length < 0) {
    resync_ = true;
    Fail(doc, "WARC record without a valid Content-Length");
    return true;
  }

  const uint64_t length = static_cast<uint64_t>(content_length);
  const std::string n_str = std::to_string(length);
  const bool wanted = type_ == "response" &&
                      content_type_.compare(0, 16, "application/http") == 0;
  if (length <= options_.max_doc_bytes + kBlockSlack) {
    block_.clear();
    size_t got = reader_->Read(length, &block_);
    if (got < length) {
      if (!reader_->status().ok()) {
        done_ = true;
        Fail(doc, reader_->status().message());
        return true;
      }
      Fail(doc, "WARC record truncated: Content-Length " + n_str +
                    ", but the stream ends after " + std::to_string(got) +
                    " bytes");
      reader_->Unread(block_);  // a shorter record may hide inside
      resync_ = true;
      return true;
    }
    if (!AtRecordBoundary()) {
      if (!reader_->status().ok()) {
        done_ = true;
        Fail(doc, reader_->status().message());
        return true;
      }
      Fail(doc, "WARC record Content-Length " + n_str +
                    " does not end at a record boundary (expected "
                    "\\r\\n\\r\\n and the next record)");
      reader_->Unread(block_);
      resync_ = true;
      return true;
    }
    reader_->Skip(4);
    if (!wanted) return false;
    return MakeDocument(doc);
  }

  // A huge block: decide from the HTTP head whether it would have been a
  // document, then skip it without buffering.
  bool report = false;
  if (wanted) {
    HttpHead head;
    std::string_view peek = reader_->Peek(64 << 10);
    report = ParseHttpHead(peek, &head).ok() && head.status >= 200 &&
             head.status <= 299 &&
             IsHtmlMime(head.mime, peek.substr(head.body_offset));
  }
  uint64_t skipped = reader_->Skip(length);
  if (skipped < length) {
    done_ = true;
    Fail(doc, reader_->status().ok()
                  ? "WARC record truncated: Content-Length " + n_str +
                        ", but the stream ends after " +
                        std::to_string(skipped) + " bytes"
                  : reader_->status().message());
    return true;
  }
  if (!AtRecordBoundary()) {
    resync_ = true;
    Fail(doc, "WARC record Content-Length " + n_str +
                  " does not end at a record boundary");
    return true;
  }
  reader_->Skip(4);
  if (report) {
    Fail(doc, TooLargeMessage(length, options_.max_doc_bytes));
    return true;
  }
  return false;
}

bool WarcReader::AtRecordBoundary() {
  std::string_view v = reader_->Peek(4 + 7);
  if (v.substr(0, 4) != "\r\n\r\n") return false;
  std::string_view rest = v.substr(4);
  if (rest.empty()) return reader_->status().ok();  // end of input
  // Extra blank lines before the next record are tolerated here; the
  // version-line check catches anything else.
  return rest.substr(0, 7) == "WARC/1." || rest[0] == '\r' || rest[0] == '\n';
}

bool WarcReader::MakeDocument(RawDoc* doc) {
  ResetDoc(doc);
  doc->source = spec_.source + "@" + std::to_string(record_offset_);
  doc->url = uri_;
  doc->fetch_time = date_;
  doc->format = DocFormat::kHtml;
  HttpHead head;
  Status s = ParseHttpHead(block_, &head);
  if (!s.ok()) {
    doc->failure = s.message();
    return true;
  }
  if (head.status < 200 || head.status > 299) return false;  // not an article
  if (!head.mime.empty() && !IsHtmlMime(head.mime, {})) return false;
  std::string_view raw_body = std::string_view(block_).substr(head.body_offset);
  s = DecodeHttpBody(raw_body, head, options_.max_doc_bytes, &body_,
                     &doc->warnings);
  if (!s.ok()) {
    doc->failure = s.message();
    return true;
  }
  if (head.mime.empty() && !IsHtmlMime({}, body_)) return false;
  doc->raw_bytes = body_.size();
  charset_->Decode(body_, head.charset, /*html=*/true, doc);
  return true;
}

}  // namespace wirewatch::input
