#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/article_id.h"

namespace wirewatch::store {
namespace {

std::string TempDb(const char* name) {
  std::string p = ::testing::TempDir() + "/ww_store_" + name + "_" +
                  std::to_string(getpid()) + ".db";
  std::filesystem::remove(p);
  std::filesystem::remove(p + "-wal");
  std::filesystem::remove(p + "-shm");
  return p;
}

Article Seed() {
  Article a;
  a.source = "testdata/seed/000_ca9e77d4d40bc964.txt";
  a.format = "scraped_text";
  a.title = "Russia, Syria exchange data on foreign militants";
  a.published = {"2013-07-12T16:48:58", "dateline", true};
  a.paragraphs = {"First paragraph \xe2\x80\x93 with a dash.",
                  "\xe2\x80\x9cQuoted\xe2\x80\x9d second."};
  a.authors = {"A. Writer"};
  a.links = {{"http://example.com/x", "x"}};
  a.warnings = {"debug dump removed: string(695)"};
  a.publisher_related = {
      {"1488864", "3051263", "21",
       "/2013/06/28/alalam_635080377970923401_25f_4x3.jpg",
       "Russia: arming Syria rebels contradicts peace talks"},
      {"1493303", "3051264", "21",
       "/2013/07/09/alalam_635090085085580092_25f_4x3.jpg",
       "Syria militants used sarin in Aleppo: Russia"}};
  a.id = ComputeArticleId(a);
  return a;
}

TEST(StoreTest, RoundTripAndIdempotence) {
  std::string path = TempDb("roundtrip");
  auto opened = Store::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<Store> store = std::move(opened).value();

  Article a = Seed();
  ASSERT_TRUE(store->BeginBatch().ok());
  int64_t seq = 0;
  auto put = store->PutArticle(a, &seq);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_TRUE(*put);
  EXPECT_EQ(seq, 1);
  auto again = store->PutArticle(a, &seq);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);  // same id: nothing added
  EXPECT_EQ(seq, 1);
  ASSERT_TRUE(store->CommitBatch().ok());

  int64_t got_seq = 0;
  auto got = store->GetArticle(a.id, &got_seq);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got_seq, 1);
  EXPECT_EQ(got->title, a.title);
  EXPECT_EQ(got->paragraphs, a.paragraphs);
  EXPECT_EQ(got->published.value, "2013-07-12T16:48:58");
  EXPECT_TRUE(got->published.no_timezone);
  EXPECT_EQ(got->published.source, "dateline");
  EXPECT_EQ(got->authors, a.authors);
  ASSERT_EQ(got->links.size(), 1u);
  EXPECT_EQ(got->links[0].href, "http://example.com/x");
  EXPECT_EQ(got->warnings, a.warnings);
  EXPECT_EQ(got->publisher_related, a.publisher_related);

  // By seq too.
  auto by_seq = store->GetArticle("1");
  ASSERT_TRUE(by_seq.ok());
  EXPECT_EQ(by_seq->id, a.id);
  EXPECT_EQ(store->GetArticle("nope").status().code(), StatusCode::kNotFound);

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->publisher_related, 2);
}

TEST(StoreTest, FailuresAreIdempotentAndListed) {
  std::string path = TempDb("failures");
  auto store = std::move(Store::Open(path)).value();
  Failure f{"bad/truncated.html.gz", "input", "gzip stream truncated", 0};
  auto r1 = store->PutFailure(f);
  ASSERT_TRUE(r1.ok());
  EXPECT_TRUE(*r1);
  auto r2 = store->PutFailure(f);
  ASSERT_TRUE(r2.ok());
  EXPECT_FALSE(*r2);
  auto list = store->ListFailures(10);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].reason, "gzip stream truncated");
  EXPECT_GT((*list)[0].time, 0);
}

TEST(StoreTest, ReopenKeepsDataAndListsNewestFirst) {
  std::string path = TempDb("reopen");
  {
    auto store = std::move(Store::Open(path)).value();
    ASSERT_TRUE(store->BeginBatch().ok());
    for (int i = 0; i < 3; ++i) {
      Article a;
      a.title = "Story " + std::to_string(i);
      a.paragraphs = {"Body " + std::to_string(i)};
      a.id = ComputeArticleId(a);
      ASSERT_TRUE(store->PutArticle(a).ok());
    }
    ASSERT_TRUE(store->CommitBatch().ok());
    IngestRun run{0, 100, 101, 3, 3, 0, 0, 42};
    ASSERT_TRUE(store->PutRun(run).ok());
  }
  auto store = std::move(Store::Open(path)).value();
  auto list = store->ListArticles(0, 2);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].title, "Story 2");
  EXPECT_EQ((*list)[0].seq, 3);
  EXPECT_EQ((*list)[0].paragraphs, 1);
  int n = 0;
  ASSERT_TRUE(store
                  ->ForEachArticle([&](const Article& a, int64_t seq) {
                    EXPECT_EQ(a.title, "Story " + std::to_string(seq - 1));
                    ++n;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(n, 3);
  auto runs = store->ListRuns(5);
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].bytes, 42);
}

TEST(StoreTest, RefusesForeignAndNewerFiles) {
  std::string junk = TempDb("junk");
  {
    std::ofstream f(junk, std::ios::binary);
    f << std::string(8192, 'x');
  }
  auto r = Store::Open(junk);
  EXPECT_FALSE(r.ok());

  std::string newer = TempDb("newer");
  {
    auto store = std::move(Store::Open(newer)).value();
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE meta SET value='99' WHERE key='schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto r2 = Store::Open(newer);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r2.status().message().find("newer"), std::string::npos);
}

TEST(StoreTest, AnalysisRoundTripAndEntityCounts) {
  std::string path = TempDb("analysis");
  auto store = std::move(Store::Open(path)).value();
  ASSERT_TRUE(store->BeginBatch().ok());
  for (int i = 0; i < 2; ++i) {
    Article a;
    a.title = "Story " + std::to_string(i);
    a.paragraphs = {"President Vladimir Putin said so."};
    a.id = ComputeArticleId(a);
    int64_t seq = 0;
    ASSERT_TRUE(store->PutArticle(a, &seq).ok());
    analyze::ArticleAnalysis an;
    an.dct = "2013-07-12";
    analyze::Entity e;
    e.type = analyze::EntityType::kPer;
    e.canonical = i == 0 ? "Vladimir Putin" : "Putin";
    e.key = "PER:vladimir putin";
    e.mentions = {0};
    an.entities.entities.push_back(e);
    analyze::Mention m;
    m.begin = 10;
    m.end = 24;
    m.text = "Vladimir Putin";
    m.entity = 0;
    an.entities.mentions.push_back(m);
    analyze::Timex t;
    t.begin = 0;
    t.end = 4;
    t.value = "2013-06";
    an.timexes.push_back(t);
    // "so", said by Putin in the first article, by nobody known in the
    // second.
    analyze::Quote q;
    q.kind = analyze::QuoteKind::kReported;
    q.begin = 30;
    q.end = 32;
    q.cue = "said";
    q.speaker_begin = 10;
    q.speaker_end = 24;
    q.speaker_text = "Vladimir Putin";
    q.speaker = "Vladimir Putin";
    q.entity = i == 0 ? 0 : -1;
    an.quotes.push_back(q);
    ASSERT_TRUE(store->PutAnalysis(seq, an).ok());
    // Replacing an analysis does not duplicate its rows.
    ASSERT_TRUE(store->PutAnalysis(seq, an).ok());
  }
  ASSERT_TRUE(store->CommitBatch().ok());
  auto json = store->GetAnalysisJson(1);
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("\"dct\":\"2013-07-12\""), std::string::npos) << *json;
  EXPECT_NE(json->find("\"value\":\"2013-06\""), std::string::npos);
  auto none = store->GetAnalysisJson(99);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto top = store->TopEntities("PER", 10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].key, "PER:vladimir putin");
  EXPECT_EQ((*top)[0].mentions, 2);
  EXPECT_EQ((*top)[0].articles, 2);
  EXPECT_TRUE(store->TopEntities("ORG", 10)->empty());
  auto in = store->EntityArticles("PER:vladimir putin", 10);
  ASSERT_TRUE(in.ok());
  ASSERT_EQ(in->size(), 2u);
  EXPECT_EQ((*in)[0].title, "Story 0");
  EXPECT_EQ((*in)[0].canonical, "Vladimir Putin");
  EXPECT_EQ((*in)[1].canonical, "Putin");
  EXPECT_EQ((*in)[1].mentions, 1);
  EXPECT_EQ(store->EntityArticles("PER:vladimir putin", 1)->size(), 1u);
  EXPECT_TRUE(store->EntityArticles("PER:nobody", 10)->empty());
  // Only the quote whose speaker resolved to the entity, cut from the text.
  auto quotes = store->EntityQuotes("PER:vladimir putin", 10);
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), 1u);
  EXPECT_EQ((*quotes)[0].article_title, "Story 0");
  EXPECT_EQ((*quotes)[0].text, "so");
  EXPECT_EQ((*quotes)[0].speaker_text, "Vladimir Putin");
  EXPECT_EQ((*quotes)[0].cue, "said");
  EXPECT_EQ((*quotes)[0].kind, "reported");
  EXPECT_TRUE(store->EntityQuotes("PER:nobody", 10)->empty());
  auto stats = store->Stats();
  EXPECT_EQ(stats->analysed, 2);
  EXPECT_EQ(stats->entity_mentions, 2);
  EXPECT_EQ(stats->timexes, 2);
}

// Statements that turn a current archive's articles table back into its
// schema-4 shape (before lang_source, section, tags and comments).
constexpr const char* kDropV5Columns =
    "ALTER TABLE articles DROP COLUMN lang_source; "
    "ALTER TABLE articles DROP COLUMN section; "
    "ALTER TABLE articles DROP COLUMN tags; "
    "ALTER TABLE articles DROP COLUMN comments; ";

TEST(StoreTest, MigratesVersionFourArchivesToMetadataColumns) {
  std::string path = TempDb("migrate4");
  Article old_article = Seed();
  {
    auto store = std::move(Store::Open(path)).value();
    ASSERT_TRUE(store->BeginBatch().ok());
    int64_t seq = 0;
    ASSERT_TRUE(store->PutArticle(old_article, &seq).ok());
    ASSERT_TRUE(store->CommitBatch().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db,
                   (std::string(kDropV5Columns) +
                    "UPDATE meta SET value='4' WHERE key='schema_version'")
                       .c_str(),
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);

  auto opened = Store::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<Store> store = std::move(opened).value();
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->schema_version, 5);
  // The row stored under schema 4 reads back with the new fields empty.
  auto old_back = store->GetArticle(old_article.id);
  ASSERT_TRUE(old_back.ok()) << old_back.status().ToString();
  EXPECT_EQ(old_back->title, old_article.title);
  EXPECT_TRUE(old_back->tags.empty());
  EXPECT_TRUE(old_back->comments.empty());
  EXPECT_EQ(old_back->section, "");
  // A new article keeps them.
  Article a = Seed();
  a.url = "https://example.com/new";
  a.lang = "de";
  a.lang_source = "markup+detected";
  a.section = "Politik";
  a.tags = {"Syrien", "Russland"};
  a.comments = {"Erster Kommentar.", "Zweiter \"Kommentar\"."};
  a.id = ComputeArticleId(a);
  ASSERT_TRUE(store->BeginBatch().ok());
  int64_t seq = 0;
  ASSERT_TRUE(store->PutArticle(a, &seq).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  auto back = store->GetArticle(a.id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->lang_source, "markup+detected");
  EXPECT_EQ(back->section, "Politik");
  EXPECT_EQ(back->tags, a.tags);
  EXPECT_EQ(back->comments, a.comments);
}

TEST(StoreTest, MigratesVersionOneArchives) {
  std::string path = TempDb("migrate");
  { auto store = std::move(Store::Open(path)).value(); }
  // Turn the file back into a schema-1 archive.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE analyses; DROP TABLE article_entities; "
                         "DROP TABLE mentions; DROP TABLE timexes; "
                         "DROP TABLE claims; "
                         "DROP TABLE article_links; DROP TABLE stories; "
                         "ALTER TABLE articles DROP COLUMN lang_source; "
                         "ALTER TABLE articles DROP COLUMN section; "
                         "ALTER TABLE articles DROP COLUMN tags; "
                         "ALTER TABLE articles DROP COLUMN comments; "
                         "UPDATE meta SET value='1' WHERE key='schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->schema_version, Store::kSchemaVersion);
  EXPECT_EQ(stats->analysed, 0);
  EXPECT_EQ(stats->claims, 0);
  EXPECT_EQ(stats->linked, 0);
}

TEST(StoreTest, MigratesVersionThreeArchivesToLinks) {
  std::string path = TempDb("migrate3");
  { auto store = std::move(Store::Open(path)).value(); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE article_links; DROP TABLE stories; "
                         "ALTER TABLE articles DROP COLUMN lang_source; "
                         "ALTER TABLE articles DROP COLUMN section; "
                         "ALTER TABLE articles DROP COLUMN tags; "
                         "ALTER TABLE articles DROP COLUMN comments; "
                         "UPDATE meta SET value='3' WHERE key='schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->schema_version, Store::kSchemaVersion);
  EXPECT_EQ(stats->stories, 0);
}

TEST(StoreTest, LinksAndStoriesRoundTrip) {
  auto store = std::move(Store::Open(TempDb("links"))).value();
  ASSERT_TRUE(store->BeginBatch().ok());
  int64_t seq[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    Article a = Seed();
    a.url = "https://example.com/" + std::to_string(i);
    a.source = a.url;
    a.paragraphs.push_back("copy " + std::to_string(i));
    a.id = ComputeArticleId(a);
    ASSERT_TRUE(store->PutArticle(a, &seq[i]).ok());
  }
  // seq[2] is a copy of seq[1]; later seq[0] turns out to be the original.
  ASSERT_TRUE(store->PutArticleLink({seq[1], seq[1], seq[1], 7}).ok());
  ASSERT_TRUE(store->PutArticleLink({seq[2], seq[1], seq[1], 7}).ok());
  ASSERT_TRUE(store->PutArticleLink({seq[0], seq[1], seq[0], 7}).ok());
  ASSERT_TRUE(store->SetDupOriginal(seq[1], seq[0]).ok());
  StoryRow r;
  r.id = 7;
  r.label = "syria, weapons | LOC:Syria";
  r.size = 3;
  r.first_day = "2013-07-10";
  r.last_day = "2013-07-12";
  r.first_seq = seq[1];
  ASSERT_TRUE(store->PutStory(r).ok());
  r.id = 8;
  r.size = 1;
  r.last_day = "2013-07-20";
  ASSERT_TRUE(store->PutStory(r).ok());
  ASSERT_TRUE(store->CommitBatch().ok());

  ArticleLink link;
  ASSERT_TRUE(*store->GetArticleLink(seq[2], &link));
  EXPECT_EQ(link.dup_original_seq, seq[0]);
  EXPECT_EQ(link.story_id, 7);
  EXPECT_FALSE(*store->GetArticleLink(999, &link));
  auto largest = store->ListStories(StoryOrder::kLargest, 10);
  ASSERT_TRUE(largest.ok());
  ASSERT_EQ(largest->size(), 2u);
  EXPECT_EQ((*largest)[0].id, 7);
  EXPECT_EQ((*largest)[0].first_title, Seed().title);
  auto recent = store->ListStories(StoryOrder::kRecent, 1);
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].id, 8);
  EXPECT_EQ(store->Stats()->stories, 2);
  EXPECT_EQ(store->Stats()->linked, 3);
  auto members = store->StoryArticles(7, 10);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 3u);
  EXPECT_EQ((*members)[0].title, Seed().title);
  EXPECT_EQ(store->StoryArticles(7, 2)->size(), 2u);
  EXPECT_TRUE(store->StoryArticles(8, 10)->empty());
}

TEST(StoreTest, UsesWalMode) {
  std::string path = TempDb("wal");
  { auto store = std::move(Store::Open(path)).value(); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST(StoreTest, MaxSeqFollowsIngest) {
  auto opened = Store::Open(TempDb("maxseq"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Store* store = opened->get();
  auto empty = store->MaxSeq();
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, 0);
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->PutArticle(Seed()).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  auto one = store->MaxSeq();
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, 1);
}

TEST(StoreTest, DeadlineInterruptsLongReadsUntilCleared) {
  auto opened = Store::Open(TempDb("deadline"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Store* store = opened->get();
  // Enough rows that listing them takes far more than kDeadlineCheckOps
  // virtual-machine steps.
  ASSERT_TRUE(store->BeginBatch().ok());
  for (int i = 0; i < 500; ++i)
    ASSERT_TRUE(
        store->PutFailure({"src" + std::to_string(i), "input", "empty", 0})
            .ok());
  ASSERT_TRUE(store->CommitBatch().ok());

  store->SetDeadline(std::chrono::steady_clock::now() -
                     std::chrono::seconds(1));
  auto late = store->ListFailures(1000);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(late.status().message().find("time limit exceeded"),
            std::string::npos)
      << late.status().message();

  store->ClearDeadline();
  auto all = store->ListFailures(1000);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 500u);

  // A deadline in the future lets the same read finish.
  store->SetDeadline(std::chrono::steady_clock::now() +
                     std::chrono::seconds(60));
  EXPECT_TRUE(store->ListFailures(1000).ok());
}

}  // namespace
}  // namespace wirewatch::store
