// LinkState over a real archive: the links stored at ingest equal a rebuild,
// and a rebuild repairs rows that are missing or stale.
#include "ingest/link_state.h"

#include <sqlite3.h>

#include <string>

#include "ingest/pipeline.h"
#include "test_util.h"

namespace wirewatch {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::string Line(const std::string& url, const std::string& day,
                 const std::string& text) {
  return "{\"url\":\"" + url + "\",\"title\":\"" + text.substr(0, 40) +
         "\",\"published\":\"" + day + "T10:00:00Z\",\"text\":\"" + text +
         "\"}\n";
}

void Exec(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(h);
}

TEST(LinkStateTest, RebuildEqualsIngestAndRepairsStaleRows) {
  TempDir dir("link_state");
  const std::string a =
      "Flood waters rose along the river on Monday as rain kept falling and "
      "the town council opened shelters for families leaving their homes.";
  const std::string b =
      "The river flood reached the town centre on Tuesday; the council kept "
      "its shelters open and rain was forecast to keep falling for days.";
  const std::string c =
      "The central bank left interest rates unchanged and said inflation "
      "would fall back toward its target by the end of next year.";
  WriteFile(dir / "in.jsonl", Line("https://a.example/1", "2021-03-01", a) +
                                  Line("https://a.example/2", "2021-03-02", b) +
                                  Line("https://a.example/3", "2021-03-02", c) +
                                  Line("https://b.example/x", "2021-03-04", a));
  const std::string db = dir / "w.db";
  {
    auto store = std::move(store::Store::Open(db)).value();
    ingest::IngestOptions o;
    o.threads = 1;
    o.analyze = false;
    ASSERT_TRUE(ingest::Ingest({dir / "in.jsonl"}, store.get(), o).ok());
    auto state = ingest::LinkState::Load(store.get(), /*backfill=*/true);
    ASSERT_TRUE(state.ok());
    EXPECT_EQ((*state)->relinked(), 0u);  // stored == rebuilt
    store::ArticleLink link;
    ASSERT_TRUE(*store->GetArticleLink(4, &link));
    EXPECT_EQ(link.dup_original_seq, 1);
    EXPECT_EQ(link.story_id, (*state)->stories().story(0));
  }
  Exec(db,
       "UPDATE article_links SET story_id = 99 WHERE article_seq = 2; "
       "DELETE FROM article_links WHERE article_seq = 3; "
       "DELETE FROM stories;");
  auto store = std::move(store::Store::Open(db)).value();
  auto state = ingest::LinkState::Load(store.get(), /*backfill=*/true);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ((*state)->relinked(), 2u);
  store::ArticleLink link;
  ASSERT_TRUE(*store->GetArticleLink(2, &link));
  EXPECT_EQ(link.story_id, (*state)->stories().story(1));
  ASSERT_TRUE(*store->GetArticleLink(3, &link));
  EXPECT_EQ(store->Stats()->stories,
            static_cast<int64_t>((*state)->stories().story_count()));
  auto again = ingest::LinkState::Load(store.get(), /*backfill=*/true);
  EXPECT_EQ((*again)->relinked(), 0u);
}

}  // namespace
}  // namespace wirewatch
