// Hostile input, end to end: one batch mixes every bad case with good
// documents. Every input item must end as a stored article or a recorded
// failure, nothing crashes or hangs, and every good document is stored.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "ingest/pipeline.h"
#include "store/store.h"
#include "test_util.h"

namespace wirewatch {
namespace {

using testing::TempDir;
using testing::WriteFile;

// Makes a 200 MB single-line file without holding it in memory.
void MakeHugeLine(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  std::string chunk(1 << 20, 'a');
  chunk.replace(0, 6, "<html>");
  for (int i = 0; i < 200; ++i) {
    ASSERT_EQ(::write(fd, chunk.data(), chunk.size()),
              static_cast<ssize_t>(chunk.size()));
    chunk.assign(1 << 20, 'a');
  }
  ::close(fd);
}

std::string Nested(int depth) {
  std::string s = "<html><head><title>Deep</title></head><body>";
  s.reserve(depth * 11 + 200);
  for (int i = 0; i < depth; ++i) s += "<div>";
  s += "<p>Text at the bottom of a very deep tree survives.</p>";
  for (int i = 0; i < depth; ++i) s += "</div>";
  s += "</body></html>";
  return s;
}

class BadInputTest : public ::testing::Test {
 protected:
  void FreshArchive() {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(dir_ / (std::string("archive.db") + suffix));
  }

  void Ingest(const std::vector<std::string>& paths, int threads) {
    store_.reset();
    auto opened = store::Store::Open(dir_ / "archive.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    ingest::IngestOptions opt;
    opt.threads = threads;
    opt.reader.max_doc_bytes = 32ull << 20;
    auto r = ingest::Ingest(paths, store_.get(), opt);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    progress_ = *r;
  }

  TempDir dir_{"bad_input"};
  std::unique_ptr<store::Store> store_;
  ingest::Progress progress_;
};

TEST_F(BadInputTest, EveryDocumentEndsStoredOrRecorded) {
  std::string bad = std::string(WIREWATCH_TESTDATA) + "/bad";
  std::string seed = std::string(WIREWATCH_TESTDATA) + "/seed";
  std::string extra = dir_ / "generated";
  std::filesystem::create_directories(extra);
  MakeHugeLine(extra + "/huge-single-line.html");
  WriteFile(extra + "/nested-100000.html", Nested(100000));

  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    FreshArchive();
    Ingest({bad, seed, extra}, threads);

    // Input items: 6 single-document files in bad/, mixed.jsonl (3 lines),
    // lying-length.warc (2 records), the seed, 2 generated files.
    const uint64_t expected_items = 6 + 3 + 2 + 1 + 2;
    EXPECT_EQ(progress_.documents, expected_items);
    EXPECT_EQ(progress_.stored + progress_.duplicates + progress_.failures,
              progress_.documents);

    auto failures = store_->ListFailures(100);
    ASSERT_TRUE(failures.ok());
    std::map<std::string, std::string> reason;  // file name -> reason
    for (const auto& f : *failures) {
      EXPECT_FALSE(f.reason.empty()) << f.source;
      reason[std::filesystem::path(f.source).filename().string()] = f.reason;
    }
    // The cases that cannot yield an article are failures with a reason.
    EXPECT_TRUE(reason.count("truncated.html.gz")) << "truncated gzip";
    EXPECT_TRUE(reason.count("empty.html")) << "empty file";
    EXPECT_TRUE(reason.count("junk.bin")) << "binary junk";
    EXPECT_TRUE(reason.count("huge-single-line.html")) << "200 MB line";
    EXPECT_NE(reason["huge-single-line.html"].find("max_doc_bytes"),
              std::string::npos)
        << reason["huge-single-line.html"];
    bool jsonl_line_failed = false, warc_record_failed = false;
    for (const auto& f : *failures) {
      if (f.source.find("mixed.jsonl:2") != std::string::npos)
        jsonl_line_failed = true;
      if (f.source.find("lying-length.warc@") != std::string::npos)
        warc_record_failed = true;
    }
    EXPECT_TRUE(jsonl_line_failed);
    EXPECT_TRUE(warc_record_failed);

    // The good and best-effort documents are stored.
    std::set<std::string> titles;
    ASSERT_TRUE(store_
                    ->ForEachArticle([&](const Article& a, int64_t) {
                      titles.insert(a.title);
                      return Status::Ok();
                    })
                    .ok());
    for (const char* t :
         {"Good one", "Good two", "Good WARC record", "Broken bytes",
          "Russia, Syria exchange data on foreign militants", "Deep"}) {
      EXPECT_TRUE(titles.count(t)) << "missing article: " << t;
    }
    // The Latin-1 page was decoded, not mangled.
    bool latin1_ok = false;
    ASSERT_TRUE(store_
                    ->ForEachArticle([&](const Article& a, int64_t) {
                      if (a.title == "Caf\xc3\xa9 au lait \xc3\xa0 Gen\xc3\xa8ve")
                        latin1_ok = true;
                      return Status::Ok();
                    })
                    .ok());
    EXPECT_TRUE(latin1_ok);
  }
}

TEST_F(BadInputTest, SecondRunAddsNothing) {
  std::string examples = std::string(WIREWATCH_TESTDATA) + "/../examples";
  Ingest({examples}, 2);
  uint64_t first = progress_.stored;
  EXPECT_GT(first, 5u);
  EXPECT_EQ(progress_.failures, 0u);
  Ingest({examples}, 2);
  EXPECT_EQ(progress_.stored, 0u);
  EXPECT_EQ(progress_.duplicates, first);
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(static_cast<uint64_t>(stats->articles), first);
  EXPECT_EQ(stats->runs, 2);
}

TEST_F(BadInputTest, SeqFollowsInputOrderWhateverTheThreads) {
  std::string examples = std::string(WIREWATCH_TESTDATA) + "/../examples";
  std::vector<std::string> order[2];
  for (int i = 0; i < 2; ++i) {
    FreshArchive();
    Ingest({examples}, i == 0 ? 1 : 4);
    ASSERT_TRUE(store_
                    ->ForEachArticle([&](const Article& a, int64_t) {
                      order[i].push_back(a.id);
                      return Status::Ok();
                    })
                    .ok());
  }
  EXPECT_EQ(order[0], order[1]);
}

}  // namespace
}  // namespace wirewatch
