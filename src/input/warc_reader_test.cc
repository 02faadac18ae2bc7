#include "input/warc_reader.h"

#include <gtest/gtest.h>

#include "input/test_util.h"

namespace wirewatch::input {
namespace {

using testing::Brief;
using testing::Gzip;
using testing::ReadBytes;

constexpr int64_t kDate = 1709294400;  // 2024-03-01T12:00:00Z

// One WARC record; `length` overrides the true Content-Length.
std::string Record(std::string_view type, std::string_view uri,
                   std::string_view content_type, std::string_view block,
                   int64_t length = -1, std::string_view version = "1.0") {
  std::string r = "WARC/" + std::string(version) + "\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:0000>\r\n";
  r += "WARC-Date: 2024-03-01T12:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " +
       std::to_string(length >= 0 ? length
                                  : static_cast<int64_t>(block.size())) +
       "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string Http(std::string_view headers, std::string_view body,
                 std::string_view status = "200 OK") {
  return "HTTP/1.1 " + std::string(status) + "\r\n" + std::string(headers) +
         "\r\n" + std::string(body);
}

std::string Response(std::string_view uri, std::string_view http,
                     int64_t length = -1, std::string_view version = "1.0") {
  return Record("response", uri, "application/http; msgtype=response", http,
                length, version);
}

// A crawl with every record kind; *offsets receives the offsets of the
// records that must become documents.
std::vector<std::string> MixedRecords(std::vector<size_t>* offsets) {
  std::vector<std::string> recs;
  recs.push_back(
      Record("warcinfo", "", "application/warc-fields", "software: test\r\n"));
  recs.push_back(Record("request", "http://a/1",
                        "application/http; msgtype=request",
                        "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"));
  recs.push_back(Response(
      "http://a/1",
      Http("Content-Type: text/html; charset=utf-8\r\n", "<p>one</p>")));
  recs.push_back(
      Response("http://a/img.png",
               Http("Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n")));
  recs.push_back(Record("metadata", "http://a/1", "application/warc-fields",
                        "outlink: http://b/\r\n"));
  recs.push_back(
      Response("http://a/2",
               Http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                    "4\r\n<p>t\r\n6\r\nwo</p>\r\n0\r\n\r\n"),
               -1, "1.1"));
  recs.push_back(
      Response("http://a/3", Http("Location: /x\r\n", "", "301 Moved")));
  recs.push_back(Response(
      "http://a/4", Http("Content-Type: text/html; charset=windows-1251\r\n",
                         "<p>\xCF\xF0\xE8</p>")));
  size_t off = 0;
  for (size_t i = 0; i < recs.size(); ++i) {
    if (i == 2 || i == 5 || i == 7) offsets->push_back(off);
    off += recs[i].size();
  }
  return recs;
}

void ExpectMixed(const std::vector<RawDoc>& docs, const std::string& name,
                 const std::vector<size_t>& offsets) {
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(Brief(docs[0]), name + "@" + std::to_string(offsets[0]) +
                                "|html|UTF-8/http|<p>one</p>");
  EXPECT_EQ(docs[0].url, "http://a/1");
  EXPECT_EQ(docs[0].fetch_time, kDate);
  EXPECT_EQ(Brief(docs[1]), name + "@" + std::to_string(offsets[1]) +
                                "|html|UTF-8/default|<p>two</p>");
  EXPECT_EQ(Brief(docs[2]),
            name + "@" + std::to_string(offsets[2]) +
                "|html|windows-1251/http|<p>\xD0\x9F\xD1\x80\xD0\xB8</p>");
  EXPECT_EQ(docs[2].url, "http://a/4");
}

TEST(WarcReaderTest, MixedRecordKinds) {
  std::vector<size_t> offsets;
  std::string warc;
  for (const std::string& r : MixedRecords(&offsets)) warc += r;
  ExpectMixed(ReadBytes(warc, "crawl.warc"), "crawl.warc", offsets);
  // Sniffed without a name.
  ExpectMixed(ReadBytes(warc, ""), "mem", offsets);
}

TEST(WarcReaderTest, GzipMemberPerRecord) {
  std::vector<size_t> offsets;
  std::string warc;
  for (const std::string& r : MixedRecords(&offsets)) warc += Gzip(r);
  ExpectMixed(ReadBytes(warc, "crawl.warc.gz"), "crawl.warc.gz", offsets);
}

TEST(WarcReaderTest, ContentLengthTooLongThenGoodRecord) {
  std::string bad = Response("http://bad/",
                             Http("Content-Type: text/html\r\n", "<p>bad</p>"));
  std::string http = Http("Content-Type: text/html\r\n", "<p>bad</p>");
  bad = Response("http://bad/", http, static_cast<int64_t>(http.size()) + 40);
  std::string good = Response(
      "http://good/", Http("Content-Type: text/html\r\n", "<p>good</p>"));
  std::string good2 = Response(
      "http://good2/", Http("Content-Type: text/html\r\n", "<p>good2</p>"));
  std::vector<RawDoc> docs = ReadBytes(bad + good + good2, "x.warc");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(Brief(docs[0]),
            "x.warc@0|WARC record Content-Length " +
                std::to_string(http.size() + 40) +
                " does not end at a record boundary (expected \\r\\n\\r\\n and "
                "the next record)");
  EXPECT_EQ(docs[0].url, "http://bad/");
  EXPECT_EQ(Brief(docs[1]), "x.warc@" + std::to_string(bad.size()) +
                                "|html|UTF-8/default|<p>good</p>");
  EXPECT_EQ(docs[2].url, "http://good2/");
}

TEST(WarcReaderTest, ContentLengthTooShortThenGoodRecord) {
  std::string http = Http("Content-Type: text/html\r\n", "<p>bad body</p>");
  std::string bad =
      Response("http://bad/", http, static_cast<int64_t>(http.size()) - 6);
  std::string good = Response(
      "http://good/", Http("Content-Type: text/html\r\n", "<p>good</p>"));
  std::vector<RawDoc> docs = ReadBytes(bad + good, "x.warc");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0].failed());
  EXPECT_EQ(docs[0].source, "x.warc@0");
  EXPECT_NE(docs[0].failure.find("does not end at a record boundary"),
            std::string::npos);
  EXPECT_EQ(Brief(docs[1]), "x.warc@" + std::to_string(bad.size()) +
                                "|html|UTF-8/default|<p>good</p>");
}

TEST(WarcReaderTest, ContentLengthPastEndOfStream) {
  std::string good = Response("http://good/", Http("", "<p>good</p>"));
  std::string http = Http("Content-Type: text/html\r\n", "<p>cut</p>");
  std::string bad = Response("http://bad/", http, 5000);
  std::vector<RawDoc> docs = ReadBytes(good + bad, "x.warc");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(Brief(docs[0]), "x.warc@0|html|UTF-8/default|<p>good</p>");
  EXPECT_EQ(Brief(docs[1]),
            "x.warc@" + std::to_string(good.size()) +
                "|WARC record truncated: Content-Length 5000, but the stream "
                "ends after " +
                std::to_string(http.size() + 4) + " bytes");
}

TEST(WarcReaderTest, GarbageAndBadPayloads) {
  std::string recs =
      "junk before the first record\r\nmore junk\r\n" +
      Response("http://a/", "not http at all") +
      Record("response", "http://b/", "application/http", "") +
      Response(
          "http://c/",
          Http("Content-Type: text/html\r\nContent-Encoding: br\r\n", "xx")) +
      Response("http://d/", Http("Content-Type: text/html\r\n", "<p>d</p>"));
  std::vector<RawDoc> docs = ReadBytes(recs, "g.warc");
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(Brief(docs[0]),
            "g.warc@0|expected a WARC/1.x record header, found 'junk before "
            "the first record'");
  EXPECT_EQ(docs[1].failure,
            "unparsable HTTP response: status line 'not http at all'");
  EXPECT_EQ(docs[1].url, "http://a/");
  EXPECT_EQ(docs[2].failure, "unparsable HTTP response: status line ''");
  EXPECT_EQ(docs[3].failure, "unsupported Content-Encoding 'br'");
  EXPECT_EQ(docs[4].text, "<p>d</p>");
}

TEST(WarcReaderTest, OversizedRecords) {
  ReaderOptions options;
  options.max_doc_bytes = 1000;
  std::string big_body = "<p>" + std::string(3 << 20, 'x') + "</p>";  // > slack
  std::string mid_body = "<p>" + std::string(5000, 'y') + "</p>";
  std::string image(3 << 20, 'i');
  std::string recs =
      Response("http://big/", Http("Content-Type: text/html\r\n", big_body)) +
      Response("http://mid/", Http("Content-Type: text/html\r\n", mid_body)) +
      Response("http://img/", Http("Content-Type: image/jpeg\r\n", image)) +
      Response("http://ok/", Http("Content-Type: text/html\r\n", "<p>ok</p>"));
  std::vector<RawDoc> docs = ReadBytes(recs, "big.warc", options);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].url, "http://big/");
  EXPECT_EQ(docs[0].failure.rfind("document exceeds max_doc_bytes (", 0), 0u)
      << docs[0].failure;
  EXPECT_EQ(docs[1].failure, "document exceeds max_doc_bytes (5007 > 1000)");
  EXPECT_EQ(docs[2].text, "<p>ok</p>");
}

TEST(WarcReaderTest, TruncatedGzip) {
  std::string warc;
  for (int i = 0; i < 50; ++i) {
    warc +=
        Gzip(Response("http://a/" + std::to_string(i),
                      Http("Content-Type: text/html\r\n",
                           "<p>" + std::string(2000, 'a' + i % 26) + "</p>")));
  }
  std::vector<RawDoc> docs =
      ReadBytes(warc.substr(0, warc.size() - 100), "t.warc.gz");
  ASSERT_EQ(docs.size(), 50u);
  for (int i = 0; i < 49; ++i) EXPECT_FALSE(docs[i].failed()) << i;
  EXPECT_EQ(docs[49].failure.rfind("gzip stream truncated after ", 0), 0u)
      << docs[49].failure;
}

TEST(WarcReaderTest, ParseWarcDate) {
  EXPECT_EQ(ParseWarcDate("2024-03-01T12:00:00Z"), kDate);
  EXPECT_EQ(ParseWarcDate("2024-03-01T12:00:00.123456Z"), kDate);
  EXPECT_EQ(ParseWarcDate("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseWarcDate("2000-02-29T00:00:00Z"), 951782400);
  EXPECT_EQ(ParseWarcDate("garbage"), 0);
}

}  // namespace
}  // namespace wirewatch::input
