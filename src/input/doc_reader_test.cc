#include "input/doc_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "input/byte_source.h"
#include "input/charset.h"
#include "input/input_reader.h"
#include "input/test_util.h"

namespace wirewatch::input {
namespace {

using testing::Brief;
using testing::Gzip;
using testing::ReadAll;
using testing::TempDir;

std::vector<std::string> Sources(const std::vector<RawDoc>& docs) {
  std::vector<std::string> out;
  for (const RawDoc& d : docs) out.push_back(d.source);
  return out;
}

TEST(DocReaderTest, OpenNeedsPaths) {
  EXPECT_FALSE(DocReader::Open({}, ReaderOptions()).ok());
}

TEST(DocReaderTest, OpenMemoryReadsLikeAFile) {
  ReaderOptions options;
  // Sniffed JSON Lines, one bad line among two good ones.
  const std::string jsonl =
      "{\"title\":\"One\",\"text\":\"First body.\"}\n"
      "{not json\n"
      "{\"title\":\"Two\",\"html\":\"<p>Second body.</p>\"}\n";
  auto reader = DocReader::OpenMemory(jsonl, "post", "", options);
  std::vector<RawDoc> docs;
  RawDoc d;
  while (reader->Next(&d)) docs.push_back(d);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(Sources(docs),
            (std::vector<std::string>{"post:1", "post:2", "post:3"}));
  EXPECT_FALSE(docs[0].failed());
  EXPECT_TRUE(docs[1].failed());
  EXPECT_FALSE(docs[2].failed());
  EXPECT_EQ(reader->bytes_consumed(), jsonl.size());

  // The name's extension wins over sniffing, gzip by magic.
  const std::string page = Gzip("<html><title>T</title><p>Body text.</p>");
  auto gz = DocReader::OpenMemory(page, "post", "x.html.gz", options);
  ASSERT_TRUE(gz->Next(&d));
  EXPECT_FALSE(d.failed()) << d.failure;
  EXPECT_NE(d.text.find("Body text."), std::string::npos);
  EXPECT_FALSE(gz->Next(&d));

  // Over the size limit: a failure item, never a document.
  options.max_doc_bytes = 8;
  auto big = DocReader::OpenMemory("<p>far more than eight bytes</p>", "post",
                                   "", options);
  ASSERT_TRUE(big->Next(&d));
  EXPECT_TRUE(d.failed());
}

TEST(DocReaderTest, WalkIsSortedAndSkipsHidden) {
  TempDir t;
  t.Write("d/b.txt", "bee");
  t.Write("d/a/z.html", "<p>z</p>");
  t.Write("d/a/.hidden.txt", "hidden");
  t.Write("d/.git/x.txt", "hidden dir");
  t.Write("d/10.txt", "ten");
  t.Write("d/9.txt", "nine");
  t.Write("d/c.TXT", "sea");
  std::filesystem::create_directory_symlink("..", t.path() + "/d/a/loop");
  const std::string d = t.path() + "/d";
  std::vector<RawDoc> docs =
      ReadAll({d, t.path() + "/missing.txt", d + "/b.txt"});
  EXPECT_EQ(Sources(docs),
            (std::vector<std::string>{
                d + "/10.txt", d + "/9.txt", d + "/a/z.html", d + "/b.txt",
                d + "/c.TXT", t.path() + "/missing.txt", d + "/b.txt"}));
  ASSERT_EQ(docs.size(), 7u);
  EXPECT_EQ(docs[2].format, DocFormat::kHtml);
  EXPECT_EQ(docs[3].format, DocFormat::kScrapedText);
  EXPECT_EQ(docs[3].text, "bee");
  EXPECT_EQ(docs[5].failure, "cannot open: No such file or directory");
  struct stat st;
  ASSERT_EQ(::stat((d + "/b.txt").c_str(), &st), 0);
  EXPECT_EQ(docs[3].fetch_time, st.st_mtime);
  EXPECT_EQ(docs[3].raw_bytes, 3u);
  // Starting below the loop: "a/loop" is walked once (it is "d"), its "a"
  // is not entered again. A trailing slash does not double.
  EXPECT_EQ(Sources(ReadAll({d + "/a/"})),
            (std::vector<std::string>{d + "/a/loop/10.txt", d + "/a/loop/9.txt",
                                      d + "/a/loop/b.txt", d + "/a/loop/c.TXT",
                                      d + "/a/z.html"}));
}

TEST(DocReaderTest, ProgressCounters) {
  TempDir t;
  t.Write("a.txt", std::string(1000, 'a'));
  t.Write("b.html.gz", Gzip("<p>" + std::string(5000, 'b') + "</p>"));
  t.Write("c.txt", "");
  uint64_t expected =
      1000 + std::filesystem::file_size(t.path() + "/b.html.gz");
  auto reader = DocReader::Open({t.path()}, ReaderOptions());
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->total_bytes(), expected);
  EXPECT_EQ((*reader)->bytes_consumed(), 0u);
  RawDoc doc;
  uint64_t last = 0;
  int n = 0;
  while ((*reader)->Next(&doc)) {
    EXPECT_GE((*reader)->bytes_consumed(), last);
    last = (*reader)->bytes_consumed();
    ++n;
  }
  EXPECT_EQ(n, 3);
  EXPECT_EQ((*reader)->bytes_consumed(), expected);
  EXPECT_EQ(doc.failure, "empty document");
}

TEST(DocReaderTest, GzipFilesAndTruncation) {
  TempDir t;
  t.Write("1.html.gz", Gzip("<p>single</p>"));
  t.Write("2.txt.gz", Gzip("first half, ") + Gzip("second half"));
  std::string gz = Gzip("<p>" + std::string(100000, 'q') + "</p>");
  t.Write("3.html.gz", gz.substr(0, gz.size() / 2));
  t.Write("4.html", "<p>after</p>");
  t.Write("5.weird", Gzip("{\"text\":\"sniffed jsonl in gzip\"}\n"));
  std::vector<RawDoc> docs = ReadAll({t.path()});
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].text, "<p>single</p>");
  EXPECT_EQ(docs[0].format, DocFormat::kHtml);
  EXPECT_EQ(docs[1].text, "first half, second half");
  EXPECT_EQ(docs[1].format, DocFormat::kScrapedText);
  EXPECT_EQ(docs[2].failure, "gzip stream truncated after " +
                                 std::to_string(gz.size() / 2) + " bytes");
  EXPECT_EQ(docs[3].text, "<p>after</p>");
  EXPECT_EQ(Brief(docs[4]),
            t.path() + "/5.weird:1|text|UTF-8/json|sniffed jsonl in gzip");
}

TEST(DocReaderTest, EmptyAndBinaryFiles) {
  TempDir t;
  t.Write("a.txt", "");
  t.Write("b.html", "  \n\t\n");
  std::mt19937 rng(7);
  std::string junk(20000, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  t.Write("c.bin", junk);
  t.Write("d.jsonl", "");
  std::vector<RawDoc> docs = ReadAll({t.path()});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].failure, "empty document");
  EXPECT_EQ(docs[1].failure, "empty document");
  EXPECT_EQ(docs[2].failure.rfind("binary content (", 0), 0u)
      << docs[2].failure;
  EXPECT_EQ(docs[3].failure, "empty document");
}

TEST(DocReaderTest, SizeLimit) {
  TempDir t;
  ReaderOptions options;
  options.max_doc_bytes = 1 << 20;
  std::string big(3 << 20, 'x');
  t.Write("a.txt", big);
  t.Write("b.txt.gz", Gzip(big));
  t.Write("c.txt", "small");
  std::vector<RawDoc> docs = ReadAll({t.path()}, options);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].failure,
            "document exceeds max_doc_bytes (3145728 > 1048576)");
  EXPECT_EQ(docs[1].failure,
            "document exceeds max_doc_bytes (more than 1048576 bytes after "
            "decompression)");
  EXPECT_EQ(docs[2].text, "small");
}

// A 200 MB single-line file must fail from its size alone: the test would
// take seconds if the file were read.
TEST(DocReaderTest, HugeSparseFileIsNotRead) {
  TempDir t;
  std::string path = t.path() + "/huge.txt";
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 200 << 20), 0);
  ASSERT_EQ(::pwrite(fd, "one line", 8, 0), 8);
  ::close(fd);
  t.Write("next.txt", "next");
  auto reader = DocReader::Open({t.path()}, ReaderOptions());
  ASSERT_TRUE(reader.ok());
  RawDoc doc;
  ASSERT_TRUE((*reader)->Next(&doc));
  EXPECT_EQ(doc.source, path);
  EXPECT_EQ(doc.failure,
            "document exceeds max_doc_bytes (209715200 > 33554432)");
  EXPECT_EQ(doc.raw_bytes, 209715200u);
  // The limit is decided from the file's size, before any byte is read: the
  // failure item carries no text.
  EXPECT_TRUE(doc.text.empty());
  ASSERT_TRUE((*reader)->Next(&doc));
  EXPECT_EQ(doc.text, "next");
  EXPECT_FALSE((*reader)->Next(&doc));
  EXPECT_EQ((*reader)->bytes_consumed(), (*reader)->total_bytes());
}

// stdin is a file descriptor: read a pipe the way "-" is read.
std::vector<RawDoc> ReadPipe(const std::string& data,
                             const ReaderOptions& options) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    size_t off = 0;
    while (off < data.size()) {
      ssize_t n = ::write(fds[1], data.data() + off, data.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    ::close(fds[1]);
  });
  CharsetDecoder charset;
  InputSpec spec;
  spec.source = "-";
  uint64_t counter = 0;
  auto in = OpenInput(NewFdSource(fds[0], /*owns_fd=*/true, &counter), spec,
                      options, &charset);
  std::vector<RawDoc> docs;
  RawDoc doc;
  while (in->Next(&doc)) docs.push_back(doc);
  in.reset();
  writer.join();
  EXPECT_EQ(counter, data.size());
  return docs;
}

TEST(DocReaderTest, StdinStreams) {
  ReaderOptions options;
  EXPECT_EQ(Brief(ReadPipe("<html><p>piped</p>", options)[0]),
            "-|html|UTF-8/default|<html><p>piped</p>");
  std::vector<RawDoc> jl =
      ReadPipe(Gzip("{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n"), options);
  ASSERT_EQ(jl.size(), 2u);
  EXPECT_EQ(jl[1].source, "-:3");
  EXPECT_EQ(jl[1].fetch_time, 0);
  options.max_doc_bytes = 1 << 20;
  EXPECT_EQ(ReadPipe(std::string(3 << 20, 'p'), options)[0].failure,
            "document exceeds max_doc_bytes (3145728 > 1048576)");
}

// Real pages: every one must come out as a document or a failure item.
TEST(DocReaderTest, RealTrafilaturaPages) {
  const std::string dir =
      std::string(WIREWATCH_SHARED_DATA) + "/extraction/trafilatura-eval/html";
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "shared data not found at " << dir;
  }
  auto start = std::chrono::steady_clock::now();
  auto reader = DocReader::Open({dir}, ReaderOptions());
  ASSERT_TRUE(reader.ok());
  RawDoc doc;
  size_t docs = 0, failures = 0, replaced = 0;
  uint64_t out_bytes = 0;
  std::map<std::string, int> charsets;
  while ((*reader)->Next(&doc)) {
    if (doc.failed()) {
      ++failures;
      std::printf("failure: %s: %s\n", doc.source.c_str(), doc.failure.c_str());
      continue;
    }
    ++docs;
    out_bytes += doc.text.size();
    charsets[doc.charset + "/" + doc.charset_source]++;
    for (const std::string& w : doc.warnings) {
      if (w.find("U+FFFD") != std::string::npos) ++replaced;
    }
    EXPECT_EQ(doc.format, DocFormat::kHtml) << doc.source;
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "trafilatura: %zu documents, %zu failures, %zu with U+FFFD; "
      "%.1f MB in (gz), %.1f MB out, %.2f s\n",
      docs, failures, replaced, (*reader)->total_bytes() / 1e6, out_bytes / 1e6,
      secs);
  for (const auto& [name, n] : charsets)
    std::printf("  %-28s %d\n", name.c_str(), n);
  EXPECT_EQ(docs + failures, 990u);
  EXPECT_GE(docs, 985u);
}

TEST(DocReaderTest, RealBbcCorpus) {
  const std::string dir = std::string(WIREWATCH_SHARED_DATA) + "/corpora/bbc";
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "shared data not found at " << dir;
  }
  std::vector<RawDoc> docs = ReadAll({dir});
  size_t txt = 0, failures = 0;
  const RawDoc* sport199 = nullptr;
  for (const RawDoc& d : docs) {
    if (d.failed()) ++failures;
    if (d.source.size() > 4 && d.source.substr(d.source.size() - 4) == ".txt")
      ++txt;
    if (d.source.size() >= 14 &&
        d.source.substr(d.source.size() - 14) == "/sport/199.txt") {
      sport199 = &d;
    }
  }
  EXPECT_EQ(txt, 2225u);
  EXPECT_EQ(failures, 0u);
  ASSERT_NE(sport199, nullptr);
  EXPECT_EQ(sport199->charset, "windows-1252");
  EXPECT_NE(sport199->text.find("\xC2\xA3"), std::string::npos);  // £
  EXPECT_EQ(sport199->text.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace wirewatch::input
