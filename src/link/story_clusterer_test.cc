#include "link/story_clusterer.h"

#include <vector>

#include <gtest/gtest.h>

#include "link/cluster_metrics.h"
#include "link/synthetic_corpus.h"

namespace wirewatch::link {
namespace {

TEST(StoryClustererTest, RecoversSyntheticStoriesIncrementally) {
  CorpusStats stats = CorpusStats::Builtin(5000, 3);
  SyntheticOptions o;
  o.seed = 5;
  o.docs_per_day = 50;
  o.active_stories = 40;
  SyntheticCorpus gen(&stats, o);
  std::vector<SyntheticDoc> docs(1500);
  RelatedIndex index;
  StoryClusterer stories(&index);
  std::vector<uint32_t> gold, predicted;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    gen.Next(&docs[i]);
    LinkDoc d;
    d.doc = i;
    d.title = docs[i].title;
    d.text = docs[i].text;
    d.published_day = docs[i].day;
    d.entities = docs[i].entities;
    ASSERT_TRUE(index.Add(d).ok());
    auto s = stories.Add(i);
    ASSERT_TRUE(s.ok());
    gold.push_back(docs[i].story);
    predicted.push_back(*s);
  }
  ClusteringScores scores = ScoreClustering(gold, predicted);
  EXPECT_GE(scores.bcubed_f1, 0.9) << scores.bcubed_precision << " "
                                   << scores.bcubed_recall;
  // Story bookkeeping.
  uint32_t total = 0;
  for (uint32_t s = 0; s < stories.story_count(); ++s) {
    const StoryInfo& info = stories.info(s);
    total += info.size;
    EXPECT_LE(info.first_day, info.last_day);
    EXPECT_EQ(stories.story(info.first_doc), s);
  }
  EXPECT_EQ(total, docs.size());
  EXPECT_NE(stories.Label(0).find(" | "), std::string::npos);
}

// Candidates ranked by partial scores (the default) and by exact related
// scores (the reference) give the same stories here, and RoughRelated keeps
// its contract: at most k earlier documents, best partial score first.
TEST(StoryClustererTest, RoughCandidatesMatchExactlyRescoredOnes) {
  CorpusStats stats = CorpusStats::Builtin(5000, 3);
  SyntheticOptions o;
  o.seed = 9;
  o.docs_per_day = 50;
  o.active_stories = 40;
  SyntheticCorpus gen(&stats, o);
  std::vector<SyntheticDoc> docs(1500);
  RelatedIndex index;
  StoryOptions rough_options, exact_options;
  rough_options.rescore_candidates = false;
  exact_options.rescore_candidates = true;
  StoryClusterer rough(&index, rough_options), exact(&index, exact_options);
  std::vector<uint32_t> a, b;
  RelatedIndex::Scratch scratch;
  std::vector<RelatedHit> hits;
  RelatedOptions ro;
  ro.k = 20;
  ro.time_filter = RelatedOptions::TimeFilter::kIngestedBefore;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    gen.Next(&docs[i]);
    LinkDoc d;
    d.doc = i;
    d.title = docs[i].title;
    d.text = docs[i].text;
    d.published_day = docs[i].day;
    d.entities = docs[i].entities;
    ASSERT_TRUE(index.Add(d).ok());
    a.push_back(*rough.Add(i));
    b.push_back(*exact.Add(i));
    index.RoughRelated(i, ro, &scratch, &hits);
    ASSERT_LE(hits.size(), ro.k);
    for (size_t h = 0; h < hits.size(); ++h) {
      EXPECT_LT(hits[h].doc, i);
      if (h > 0) {
        EXPECT_GE(hits[h - 1].score, hits[h].score);
      }
    }
  }
  ClusteringScores agreement = ScoreClustering(b, a);
  EXPECT_GE(agreement.bcubed_f1, 0.99);
}

TEST(StoryClustererTest, NearCopiesJoinTheOriginalsStory) {
  RelatedIndex index;
  StoryClusterer stories(&index);
  const std::string text =
      "Floods in the northern province displaced thousands of residents on "
      "Monday after the river burst its banks near the regional capital, "
      "officials said, and rescue teams evacuated villages overnight.";
  LinkDoc a{0, "Floods displace thousands", text, 100, "a", "en", {}};
  LinkDoc b{1, "Stocks fall on rate fears",
            "Shares slid as traders priced in further interest rate rises by "
            "the central bank, with technology stocks leading losses.",
            100, "b", "en", {}};
  std::string copy = text + " Reporting by a stringer.";
  LinkDoc c{2, "Floods displace thousands", copy, 101, "c", "en", {}};
  for (const LinkDoc& d : {a, b, c}) {
    ASSERT_TRUE(index.Add(d).ok());
    ASSERT_TRUE(stories.Add(d.doc).ok());
  }
  EXPECT_EQ(stories.story(2), stories.story(0));
  EXPECT_NE(stories.story(1), stories.story(0));
  EXPECT_EQ(stories.info(stories.story(0)).size, 2u);
  EXPECT_EQ(stories.info(stories.story(0)).last_day, 101);
  EXPECT_FALSE(stories.Add(7).ok());
}

}  // namespace
}  // namespace wirewatch::link
