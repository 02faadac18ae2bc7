#include "input/http_response.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "input/byte_source.h"
#include "input/input_reader.h"

namespace wirewatch::input {
namespace {

constexpr size_t kMaxHead = 64 << 10;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), Lower);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return Lower(x) == Lower(y); });
}

// Splits "text/html; charset=UTF-8" into mime and charset.
void ParseContentType(std::string_view v, HttpHead* head) {
  size_t semi = v.find(';');
  head->mime = ToLower(Trim(v.substr(0, semi)));
  while (semi != std::string_view::npos) {
    v.remove_prefix(semi + 1);
    semi = v.find(';');
    std::string_view param = Trim(v.substr(0, semi));
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (!IEquals(Trim(param.substr(0, eq)), "charset")) continue;
    std::string_view cs = Trim(param.substr(eq + 1));
    if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'')) {
      cs = cs.substr(1, cs.size() - 2);
    }
    head->charset = std::string(Trim(cs));
  }
}

std::string Quote(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 60)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  if (s.size() > 60) out += "...";
  return out + "'";
}

// Removes chunked transfer coding. *not_chunked: the body does not start
// like a chunked body at all. *truncated: it ends before the last chunk.
Status Dechunk(std::string_view in, uint64_t max_bytes, std::string* out,
               bool* not_chunked, bool* truncated) {
  out->clear();
  *not_chunked = false;
  *truncated = false;
  size_t pos = 0;
  bool first = true;
  for (;;) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) {
      if (first) {
        *not_chunked = true;
        return Status::Ok();
      }
      *truncated = true;
      return Status::Ok();
    }
    std::string_view line = Trim(in.substr(pos, eol - pos));
    line = line.substr(0, line.find(';'));  // chunk extensions
    line = Trim(line);
    uint64_t size = 0;
    auto [p, ec] =
        std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (ec != std::errc() || p != line.data() + line.size() || line.empty()) {
      if (first) {
        *not_chunked = true;
        return Status::Ok();
      }
      return Status::InvalidArgument(
          "malformed chunked encoding at body byte " + std::to_string(pos));
    }
    first = false;
    pos = eol + 1;
    if (size == 0) return Status::Ok();    // trailers ignored
    if (size > max_bytes - out->size()) {  // out->size() <= max_bytes
      return Status::ResourceExhausted(TooLargeMessage(
          size > UINT64_MAX - out->size() ? UINT64_MAX : out->size() + size,
          max_bytes));
    }
    if (size > in.size() - pos) {
      out->append(in.substr(pos));
      *truncated = true;
      return Status::Ok();
    }
    out->append(in.substr(pos, size));
    pos += size;
    // CRLF after the chunk data.
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
}

}  // namespace

Status ParseHttpHead(std::string_view message, HttpHead* head) {
  *head = HttpHead();
  std::string_view m = message.substr(0, kMaxHead);
  size_t eol = m.find('\n');
  std::string_view status_line = Trim(m.substr(0, eol));
  if (status_line.substr(0, 5) != "HTTP/") {
    return Status::InvalidArgument("unparsable HTTP response: status line " +
                                   Quote(status_line));
  }
  size_t sp = status_line.find(' ');
  int code = 0;
  if (sp != std::string_view::npos) {
    std::string_view c = status_line.substr(sp + 1, 3);
    auto [p, ec] = std::from_chars(c.data(), c.data() + c.size(), code);
    if (ec != std::errc() || p != c.data() + c.size()) code = 0;
  }
  if (code < 100 || code > 999) {
    return Status::InvalidArgument("unparsable HTTP response: status line " +
                                   Quote(status_line));
  }
  head->status = code;
  if (eol == std::string_view::npos) {
    return Status::InvalidArgument(
        "unparsable HTTP response: no end of headers");
  }
  size_t pos = eol + 1;
  for (;;) {
    eol = m.find('\n', pos);
    if (eol == std::string_view::npos) {
      return Status::InvalidArgument(
          message.size() > kMaxHead
              ? "unparsable HTTP response: headers longer than 64 KiB"
              : "unparsable HTTP response: no end of headers");
    }
    std::string_view line = m.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerate junk lines
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (IEquals(name, "content-type")) {
      ParseContentType(value, head);
    } else if (IEquals(name, "transfer-encoding")) {
      head->chunked = ToLower(value).find("chunked") != std::string::npos;
    } else if (IEquals(name, "content-encoding")) {
      head->content_encoding = ToLower(value);
    }
  }
  head->body_offset = pos;
  return Status::Ok();
}

bool IsHtmlMime(std::string_view mime, std::string_view body) {
  if (mime.empty()) {
    size_t i = body.find_first_not_of(" \t\r\n");
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
      i = body.find_first_not_of(" \t\r\n", 3);
    return i != std::string_view::npos && body[i] == '<';
  }
  return mime == "text/html" || mime == "application/xhtml+xml";
}

Status DecodeHttpBody(std::string_view raw_body, const HttpHead& head,
                      uint64_t max_bytes, std::string* body,
                      std::vector<std::string>* warnings) {
  std::string dechunked;
  std::string_view data = raw_body;
  if (head.chunked) {
    bool not_chunked = false, truncated = false;
    Status s =
        Dechunk(raw_body, max_bytes, &dechunked, &not_chunked, &truncated);
    if (!s.ok()) return s;
    if (not_chunked) {
      warnings->push_back(
          "Transfer-Encoding: chunked, but the body is not chunked; used as "
          "is");
    } else {
      if (truncated) warnings->push_back("chunked body truncated");
      data = dechunked;
    }
  }
  const std::string& enc = head.content_encoding;
  if (enc.empty() || enc == "identity" || enc == "none") {
    if (data.size() > max_bytes) {
      return Status::ResourceExhausted(TooLargeMessage(data.size(), max_bytes));
    }
    body->assign(data);
    return Status::Ok();
  }
  if (enc != "gzip" && enc != "x-gzip" && enc != "deflate") {
    return Status::InvalidArgument("unsupported Content-Encoding " +
                                   Quote(enc));
  }
  bool looks_compressed =
      HasGzipMagic(data) ||
      (enc == "deflate" && data.size() >= 2 && (data[0] & 0x0f) == 8 &&
       ((static_cast<unsigned char>(data[0]) << 8) |
        static_cast<unsigned char>(data[1])) %
               31 ==
           0);
  if (!looks_compressed) {
    warnings->push_back("Content-Encoding: " + enc +
                        ", but the body is not compressed; used as is");
    if (data.size() > max_bytes) {
      return Status::ResourceExhausted(TooLargeMessage(data.size(), max_bytes));
    }
    body->assign(data);
    return Status::Ok();
  }
  std::unique_ptr<ByteSource> gz = NewGzipSource(NewMemorySource(data));
  body->clear();
  for (;;) {
    size_t old = body->size();
    size_t want = 64 << 10;
    body->resize(old + want);
    Result<size_t> r = gz->Read(body->data() + old, want);
    if (!r.ok()) {
      body->resize(old);
      return Status(r.status().code(),
                    "Content-Encoding " + enc + ": " + r.status().message());
    }
    body->resize(old + *r);
    if (*r == 0) break;
    if (body->size() > max_bytes) {
      return Status::ResourceExhausted(TooLargeMessage(0, max_bytes));
    }
  }
  return Status::Ok();
}

}  // namespace wirewatch::input
