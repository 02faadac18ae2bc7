#include "input/http_response.h"

#include <gtest/gtest.h>

#include "input/test_util.h"

namespace wirewatch::input {
namespace {

TEST(HttpResponseTest, ParsesHead) {
  std::string msg =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"windows-1251\""
      "\r\nTransfer-Encoding: chunked\r\nContent-Encoding: GZIP\r\n\r\nBODY";
  HttpHead head;
  ASSERT_TRUE(ParseHttpHead(msg, &head).ok());
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.mime, "text/html");
  EXPECT_EQ(head.charset, "windows-1251");
  EXPECT_TRUE(head.chunked);
  EXPECT_EQ(head.content_encoding, "gzip");
  EXPECT_EQ(msg.substr(head.body_offset), "BODY");
  // Bare LF line ends.
  ASSERT_TRUE(ParseHttpHead("HTTP/1.0 404 Not Found\nA: b\n\nx", &head).ok());
  EXPECT_EQ(head.status, 404);
}

TEST(HttpResponseTest, RejectsGarbage) {
  HttpHead head;
  Status s = ParseHttpHead("GET / HTTP/1.1\r\n\r\n", &head);
  EXPECT_EQ(s.message(),
            "unparsable HTTP response: status line 'GET / HTTP/1.1'");
  EXPECT_FALSE(ParseHttpHead("HTTP/1.1 abc\r\n\r\n", &head).ok());
  EXPECT_EQ(ParseHttpHead("HTTP/1.1 200 OK\r\nA: b\r\n", &head).message(),
            "unparsable HTTP response: no end of headers");
}

TEST(HttpResponseTest, DecodesChunkedAndGzip) {
  HttpHead head;
  head.chunked = true;
  std::string body;
  std::vector<std::string> warnings;
  ASSERT_TRUE(DecodeHttpBody("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
                             head, 1000, &body, &warnings)
                  .ok());
  EXPECT_EQ(body, "hello world");
  EXPECT_TRUE(warnings.empty());

  head.content_encoding = "gzip";
  std::string gz = testing::Gzip("<p>compressed</p>");
  char hex[16];  // chunk sizes are hex
  snprintf(hex, sizeof(hex), "%zx", gz.size() - 10);
  std::string chunked = "a\r\n" + gz.substr(0, 10) + "\r\n" + hex + "\r\n" +
                        gz.substr(10) + "\r\n0\r\n\r\n";
  ASSERT_TRUE(DecodeHttpBody(chunked, head, 1000, &body, &warnings).ok());
  EXPECT_EQ(body, "<p>compressed</p>");

  // A body already de-chunked / decompressed by the crawler: used as is.
  warnings.clear();
  ASSERT_TRUE(DecodeHttpBody("<html>", head, 1000, &body, &warnings).ok());
  EXPECT_EQ(body, "<html>");
  EXPECT_EQ(warnings.size(), 2u);
}

TEST(HttpResponseTest, Limits) {
  HttpHead head;
  head.content_encoding = "gzip";
  std::string bomb = testing::Gzip(std::string(1 << 20, 'a'));
  std::string body;
  std::vector<std::string> warnings;
  Status s = DecodeHttpBody(bomb, head, 1000, &body, &warnings);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(),
            "document exceeds max_doc_bytes (more than 1000 bytes after "
            "decompression)");
  EXPECT_LT(body.size(), 200000u);  // stopped early

  head = HttpHead();
  head.chunked = true;
  EXPECT_FALSE(
      DecodeHttpBody("5\r\nhello\r\nzz\r\n", head, 1000, &body, &warnings)
          .ok());
  EXPECT_EQ(
      DecodeHttpBody("ffffffffffffffff\r\nx", head, 1000, &body, &warnings)
          .code(),
      StatusCode::kResourceExhausted);
  head = HttpHead();
  head.content_encoding = "br";
  EXPECT_EQ(DecodeHttpBody("x", head, 1000, &body, &warnings).message(),
            "unsupported Content-Encoding 'br'");
}

}  // namespace
}  // namespace wirewatch::input
