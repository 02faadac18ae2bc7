// Parsing the HTTP response stored in a WARC `response` record: status line,
// headers, and the body after Transfer-Encoding / Content-Encoding.
//
// Limits: the head (status line + headers) must fit in 64 KiB; the decoded
// body is bounded by the caller's max_bytes (inflation stops at max_bytes+1,
// so a compression bomb costs no more than that).
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_INPUT_HTTP_RESPONSE_H_
#define WIREWATCH_INPUT_HTTP_RESPONSE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wirewatch/status.h"

namespace wirewatch::input {

struct HttpHead {
  int status = 0;                // 200
  std::string mime;              // "text/html" (lowercase, no parameters)
  std::string charset;           // the Content-Type charset parameter
  std::string content_encoding;  // lowercase, "" if none
  bool chunked = false;          // Transfer-Encoding: chunked
  size_t body_offset = 0;        // where the body starts in the message
};

// Parses the head of `message` ("HTTP/1.1 200 OK\r\n...\r\n\r\nbody").
// InvalidArgument with a reason when it is not an HTTP response.
Status ParseHttpHead(std::string_view message, HttpHead* head);

// True for a media type the html stage reads (text/html,
// application/xhtml+xml); when `mime` is empty, sniffs `body` for '<'.
bool IsHtmlMime(std::string_view mime, std::string_view body);

// Decodes `raw_body` per `head` (de-chunking, then gunzip/inflate for
// Content-Encoding gzip, x-gzip, deflate) into *body. Bodies that claim an
// encoding they visibly do not have are used as they are, with a warning.
// Errors: InvalidArgument (malformed chunking, unsupported encoding),
// Corruption (bad gzip), ResourceExhausted when the body exceeds max_bytes.
Status DecodeHttpBody(std::string_view raw_body, const HttpHead& head,
                      uint64_t max_bytes, std::string* body,
                      std::vector<std::string>* warnings);

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_HTTP_RESPONSE_H_
