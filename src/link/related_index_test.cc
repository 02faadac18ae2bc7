#include "link/related_index.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "link/synthetic_corpus.h"

namespace wirewatch::link {
namespace {

// The fixture corpus: 300 generated documents, 15% starting new stories,
// 5% near-copies, 40 documents per day.
struct Fixture {
  CorpusStats stats = CorpusStats::Builtin(3000, 7);
  std::vector<SyntheticDoc> docs;

  explicit Fixture(size_t n = 300) {
    SyntheticOptions o;
    o.seed = 11;
    o.copy_rate = 0.05;
    o.docs_per_day = 40;
    o.active_stories = 30;
    SyntheticCorpus gen(&stats, o);
    docs.resize(n);
    for (auto& d : docs) gen.Next(&d);
  }

  std::unique_ptr<RelatedIndex> Build(RelatedIndexOptions io) const {
    auto index = std::make_unique<RelatedIndex>(io);
    for (uint32_t i = 0; i < docs.size(); ++i) {
      LinkDoc d;
      d.doc = i;
      d.title = docs[i].title;
      d.text = docs[i].text;
      d.published_day = docs[i].day;
      d.lang = docs[i].lang;
      d.site = docs[i].site;
      d.entities = docs[i].entities;
      auto r = index->Add(d);
      EXPECT_TRUE(r.ok()) << r.status().ToString();
    }
    return index;
  }
};

RelatedIndexOptions Unpruned() {
  RelatedIndexOptions io;
  io.posted_terms = io.vector_terms;
  return io;
}

void ExpectExactAgreement(const RelatedIndex& index, RelatedOptions o) {
  o.pruning = RelatedOptions::Pruning::Exact();
  RelatedIndex::Scratch s1, s2;
  std::vector<RelatedHit> fast, ref;
  for (uint32_t q = 0; q < index.size(); ++q) {
    index.Related(q, o, &s1, &fast);
    BruteForceRelated(index, q, o, &s2, &ref);
    ASSERT_EQ(fast, ref) << "query " << q;
  }
}

TEST(RelatedIndexTest, FastPathEqualsReferenceWithoutPruning) {
  Fixture f;
  auto index = f.Build(Unpruned());
  RelatedOptions o;
  o.k = 10;
  ExpectExactAgreement(*index, o);
  o.time_filter = RelatedOptions::TimeFilter::kAny;
  ExpectExactAgreement(*index, o);
  o.entity_weight = 0;
  o.half_life_days = 0;
  o.exclude_near_dups = false;
  ExpectExactAgreement(*index, o);
  index->Reweight();
  ExpectExactAgreement(*index, o);
}

// With default pruning the fast path is approximate: over all queries, at
// least 95% of the reference's top-5 must be found (recall@5), and every hit
// it returns carries its exact score.
TEST(RelatedIndexTest, PrunedFastPathRecall) {
  Fixture f(2000);
  RelatedIndexOptions io;
  auto index = f.Build(io);
  RelatedOptions o;
  o.k = 5;
  o.pruning.max_postings_per_term = 200;  // small corpus: prune hard
  o.pruning.candidates = 50;
  RelatedIndex::Scratch s1, s2;
  std::vector<RelatedHit> fast, ref;
  size_t found = 0, wanted = 0;
  for (uint32_t q = 0; q < index->size(); ++q) {
    index->Related(q, o, &s1, &fast);
    BruteForceRelated(*index, q, o, &s2, &ref);
    std::set<uint32_t> got;
    for (const auto& h : fast) {
      got.insert(h.doc);
      EXPECT_DOUBLE_EQ(h.score, index->Score(q, h.doc, o, &s2));
    }
    for (const auto& h : ref) found += got.count(h.doc);
    wanted += ref.size();
  }
  double recall = static_cast<double>(found) / wanted;
  EXPECT_GE(recall, 0.95);
  RecordProperty("recall_at_5", std::to_string(recall));
  std::printf("pruned recall@5 = %.4f over %zu hits\n", recall, wanted);
}

TEST(RelatedIndexTest, ExcludesNearDuplicatesAndLaterDocuments) {
  Fixture f;
  auto index = f.Build({});
  RelatedOptions o;
  o.k = 10;
  o.window_days = 0;
  RelatedIndex::Scratch s;
  std::vector<RelatedHit> hits;
  size_t copies = 0;
  for (uint32_t q = 0; q < index->size(); ++q) {
    index->Related(q, o, &s, &hits);
    std::set<uint32_t> groups;
    for (const auto& h : hits) {
      EXPECT_NE(index->near_dups().group(h.doc), index->near_dups().group(q));
      EXPECT_TRUE(groups.insert(index->near_dups().group(h.doc)).second);
      EXPECT_LE(index->published_day(h.doc), index->published_day(q));
    }
    if (f.docs[q].copy_of >= 0) {
      ++copies;

      EXPECT_EQ(index->near_dups().group(q),
                index->near_dups().group(static_cast<uint32_t>(f.docs[q].copy_of)))
          << q;
    }
  }
  EXPECT_GT(copies, 5u);
}

TEST(RelatedIndexTest, SameStoryRanksFirst) {
  Fixture f;
  auto index = f.Build({});
  RelatedOptions o;
  o.k = 3;
  o.time_filter = RelatedOptions::TimeFilter::kAny;
  RelatedIndex::Scratch s;
  std::vector<RelatedHit> hits;
  size_t same = 0, total = 0;
  for (uint32_t q = 0; q < index->size(); ++q) {
    index->Related(q, o, &s, &hits);
    for (const auto& h : hits) {
      same += f.docs[h.doc].story == f.docs[q].story;
      ++total;
    }
  }
  EXPECT_GE(static_cast<double>(same) / total, 0.9);
}

TEST(RelatedIndexTest, RejectsOutOfOrderIds) {
  RelatedIndex index;
  LinkDoc d;
  d.doc = 1;
  d.text = "out of order";
  auto r = index.Add(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wirewatch::link
