#include "api/archive_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/article_id.h"

namespace wirewatch::api {
namespace {

Article Make(const std::string& title, const std::string& body,
             const std::string& published, const std::string& format) {
  Article a;
  a.title = title;
  a.paragraphs = {body};
  a.published.value = published;
  a.format = format;
  a.site = "example.org";
  a.image = "/img/" + title.substr(0, 4) + ".jpg";
  a.id = store::ComputeArticleId(a);
  return a;
}

class ArchiveIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "/ww_api_" + std::to_string(getpid()) +
            ".db";
    for (const char* s : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + s);
    store_ = std::move(store::Store::Open(path_)).value();
    ASSERT_TRUE(store_->BeginBatch().ok());
    articles_ = {
        Make("Syria rebels and militants",
             "Russian and Syrian officials discussed foreign militants "
             "fighting in Syria, the ministry said on Monday.",
             "2013-07-01", "html"),
        Make("Football cup final tonight",
             "The cup final kicks off tonight at the national stadium with "
             "both teams at full strength.",
             "2013-07-02", "text"),
        Make("Syria militants exchange",
             "Intelligence services exchange data on militants in Syria as "
             "officials met again in Moscow on Tuesday.",
             "2013-07-05", "scraped_text"),
        Make("Militants in Syria: Russia",
             "A study counted foreign militants killed in Syria, including "
             "Russian fighters, officials said.",
             "2013-07-12", "html"),
    };
    for (const auto& a : articles_) ASSERT_TRUE(store_->PutArticle(a).ok());
    ASSERT_TRUE(store_->CommitBatch().ok());
    auto built = ArchiveIndex::Build(store_.get());
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    index_ = std::move(built).value();
  }

  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::vector<Article> articles_;
  std::unique_ptr<ArchiveIndex> index_;
};

TEST_F(ArchiveIndexTest, RelatedHasTheWidgetShapeAndLooksBackInTime) {
  auto r = index_->Related(articles_[3].id, 4);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->empty());
  // The Syria stories published before it; never itself, never football.
  for (const RelatedItem& it : *r) {
    EXPECT_NE(it.id, articles_[3].id);
    EXPECT_NE(it.title, "Football cup final tonight");
  }
  const RelatedItem& top = r->front();
  EXPECT_TRUE(top.title == "Syria militants exchange" ||
              top.title == "Syria rebels and militants")
      << top.title;
  // sort is the ingest order, contenttypeid the format code, pic the image.
  const size_t i = top.title == "Syria militants exchange" ? 2 : 0;
  EXPECT_EQ(top.sort, std::to_string(i + 1));
  EXPECT_EQ(top.contenttypeid, i == 2 ? "2" : "1");
  EXPECT_EQ(top.pic, articles_[i].image);

  // The first article has nothing before it.
  auto first = index_->Related("1", 4);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->empty());
  EXPECT_EQ(index_->Related("nope", 4).status().code(), StatusCode::kNotFound);
}

TEST_F(ArchiveIndexTest, SearchAndStories) {
  auto r = index_->Search("militants -football", 10);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, 3u);
  ASSERT_FALSE(r->hits.empty());
  EXPECT_NE(r->hits[0].snippet.find("<b>"), std::string::npos);
  auto none = index_->Search("\"cup final\" syria", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0u);

  auto stories = index_->Stories(10);
  ASSERT_FALSE(stories.empty());
  EXPECT_GE(stories[0].size, 2u);  // the Syria articles cluster together
  uint32_t total = 0;
  for (const auto& s : stories) total += s.size;
  EXPECT_EQ(total, 4u);
  EXPECT_EQ(stories[0].first_date, "2013-07-01");
}

}  // namespace
}  // namespace wirewatch::api
