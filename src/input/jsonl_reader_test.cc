#include "input/jsonl_reader.h"

#include <gtest/gtest.h>

#include "input/test_util.h"

namespace wirewatch::input {
namespace {

using testing::Brief;
using testing::ReadBytes;

TEST(JsonlReaderTest, GoodBadAndBlankLines) {
  std::string data =
      "{\"url\":\"http://a/1\",\"title\":\"T1\",\"published\":\"2024-01-02\","
      "\"html\":\"<p>caf\\u00e9</p>\"}\n"
      "\n"
      "   \r\n"
      "{\"url\":\"http://a/2\",\"text\":\"Body two.\"}\r\n"
      "{\"url\": broken\n"
      "{\"url\":\"http://a/4\",\"title\":\"no body\"}\n"
      "[1,2]\n"
      "{\"text\":\"x\" } trailing\n"
      "{\"title\":7,\"text\":\"last line, no newline\"}";
  std::vector<RawDoc> docs = ReadBytes(data, "dump.jsonl");
  ASSERT_EQ(docs.size(), 7u);
  EXPECT_EQ(Brief(docs[0]), "dump.jsonl:1|html|UTF-8/json|<p>caf\xC3\xA9</p>");
  EXPECT_EQ(docs[0].url, "http://a/1");
  EXPECT_EQ(docs[0].title_hint, "T1");
  EXPECT_EQ(docs[0].published_hint, "2024-01-02");
  EXPECT_EQ(Brief(docs[1]), "dump.jsonl:4|text|UTF-8/json|Body two.");
  EXPECT_EQ(docs[2].source, "dump.jsonl:5");
  EXPECT_EQ(docs[2].failure.rfind("invalid JSON: ", 0), 0u) << docs[2].failure;
  EXPECT_EQ(Brief(docs[3]), "dump.jsonl:6|no html or text field");
  EXPECT_EQ(docs[3].url, "http://a/4");
  EXPECT_EQ(Brief(docs[4]), "dump.jsonl:7|invalid JSON: not an object");
  EXPECT_EQ(docs[5].source, "dump.jsonl:8");
  EXPECT_EQ(docs[5].failure.rfind("invalid JSON: ", 0), 0u);
  EXPECT_EQ(Brief(docs[6]),
            "dump.jsonl:9|text|UTF-8/json|last line, no newline");
  EXPECT_EQ(docs[6].warnings.size(), 1u);  // title not a string
}

TEST(JsonlReaderTest, HeadlineOnlyItemIsADocument) {
  std::string data =
      "{\"title\":\"FLASH: RATES CUT\",\"text\":\"  \"}\n"
      "{\"text\":\"\"}\n";
  std::vector<RawDoc> docs = ReadBytes(data, "w.jsonl");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_FALSE(docs[0].failed()) << docs[0].failure;
  EXPECT_EQ(docs[0].title_hint, "FLASH: RATES CUT");
  EXPECT_TRUE(docs[0].text.empty());
  EXPECT_EQ(docs[1].failure, "empty document");  // no title, no text
}

TEST(JsonlReaderTest, SniffedAndGzipped) {
  std::string data = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
  std::vector<RawDoc> docs = ReadBytes(testing::Gzip(data), "-");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(Brief(docs[1]), "-:2|text|UTF-8/json|two");
}

TEST(JsonlReaderTest, LongLineFailsAndReadingGoesOn) {
  ReaderOptions options;
  options.max_doc_bytes = 1000;
  std::string data =
      "{\"text\":\"" + std::string(5000, 'x') + "\"}\n" + "{\"text\":\"ok\"}\n";
  std::vector<RawDoc> docs = ReadBytes(data, "a.ndjson", options);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(Brief(docs[0]),
            "a.ndjson:1|document exceeds max_doc_bytes (5011 > 1000)");
  EXPECT_EQ(Brief(docs[1]), "a.ndjson:2|text|UTF-8/json|ok");
}

TEST(JsonlReaderTest, TruncatedGzipReportsFailureAfterGoodLines) {
  std::string data;
  for (int i = 0; i < 3000; ++i) {
    data += "{\"text\":\"line " + std::to_string(i) + " padding padding\"}\n";
  }
  std::string gz = testing::Gzip(data);
  std::vector<RawDoc> docs =
      ReadBytes(gz.substr(0, gz.size() / 2), "t.jsonl.gz");
  ASSERT_GT(docs.size(), 2u);
  EXPECT_FALSE(docs[0].failed());
  EXPECT_TRUE(docs.back().failed());
  EXPECT_EQ(docs.back().failure.rfind("gzip stream truncated after ", 0), 0u)
      << docs.back().failure;
  for (size_t i = 0; i + 1 < docs.size(); ++i) EXPECT_FALSE(docs[i].failed());
}

}  // namespace
}  // namespace wirewatch::input
