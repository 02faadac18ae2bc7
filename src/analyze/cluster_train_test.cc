#include "analyze/cluster_train.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "analyze/ner_clusters.h"
#include "analyze/ner_features.h"

namespace wirewatch::analyze {
namespace {

// Two small "languages" whose words are used alike in pairs: a word's
// neighbours say which pair it belongs to.
ClusterCorpus PairCorpus() {
  ClusterCorpus c;
  for (int i = 0; i < 40; ++i) {
    c.AddText("The cat eats fish. The dog eats meat. A cat eats meat. A dog eats fish.");
    c.AddText("He says yes. She says no. He said no. She said yes.");
  }
  c.AddText("Once upon a time.");  // rare words
  return c;
}

std::map<std::string, std::vector<uint16_t>> ByWord(
    const std::vector<ClusteredWord>& words) {
  std::map<std::string, std::vector<uint16_t>> m;
  for (const ClusteredWord& w : words) m[w.word] = w.classes;
  return m;
}

TEST(ClusterTrainTest, WordsUsedAlikeShareAClass) {
  ClusterCorpus corpus = PairCorpus();
  ClusterTrainOptions opt;
  opt.sizes = {9};  // fewer classes than words: some must share
  opt.min_count = 5;
  auto words = TrainWordClusters(corpus, opt);
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  auto m = ByWord(*words);
  // Lowercased: "The" and "the" are one word; rare words are left out.
  EXPECT_EQ(m.count("The"), 0u);
  EXPECT_EQ(m.count("upon"), 0u);
  ASSERT_EQ(m.size(), 14u);  // 13 words and the full stop
  EXPECT_EQ(m["cat"], m["dog"]);
  EXPECT_EQ(m["fish"], m["meat"]);
  EXPECT_EQ(m["he"], m["she"]);
  EXPECT_EQ(m["says"], m["said"]);
  EXPECT_EQ(m["the"], m["a"]);
  EXPECT_EQ(m["yes"], m["no"]);
  EXPECT_NE(m["cat"], m["fish"]);
  EXPECT_NE(m["he"], m["says"]);
  EXPECT_NE(m["eats"], m["says"]);
  for (const auto& [w, c] : m) {
    ASSERT_EQ(c.size(), 1u);
    EXPECT_GE(c[0], 1);
    EXPECT_LE(c[0], 9);
  }
}

TEST(ClusterTrainTest, OneClusteringPerSizeAndDeterministic) {
  ClusterCorpus corpus = PairCorpus();
  ClusterTrainOptions opt;
  opt.sizes = {2, 9};
  int passes = 0;
  opt.on_pass = [&](int, int, int64_t, double) { ++passes; };
  auto a = TrainWordClusters(corpus, opt);
  auto b = TrainWordClusters(corpus, opt);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_GT(passes, 1);
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].word, (*b)[i].word);
    EXPECT_EQ((*a)[i].classes, (*b)[i].classes);
    ASSERT_EQ((*a)[i].classes.size(), 2u);
    EXPECT_LE((*a)[i].classes[0], 2);
  }
  // Most frequent first: "." occurs 320 times.
  EXPECT_EQ((*a)[0].word, ".");
}

TEST(ClusterTrainTest, RejectsBadOptions) {
  ClusterCorpus corpus = PairCorpus();
  ClusterTrainOptions opt;
  opt.sizes = {1};
  EXPECT_FALSE(TrainWordClusters(corpus, opt).ok());
  opt.sizes = {8};
  opt.min_count = 1000;
  EXPECT_FALSE(TrainWordClusters(corpus, opt).ok());
}

TEST(ClusterTrainTest, WrittenFileReadsBack) {
  std::vector<ClusteredWord> words = {{"said", {3, 17, 200}}, {"told", {3, 17, 201}}};
  const std::string path = ::testing::TempDir() + "/clusters.tsv";
  ASSERT_TRUE(WriteWordClusters(words, path).ok());
  auto read = ReadWordClusters(path);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->size(), 2u);
  auto it = read->find(WordClusterKey("told"));
  ASSERT_NE(it, read->end());
  EXPECT_EQ(it->second[0], 3);
  EXPECT_EQ(it->second[1], 17);
  EXPECT_EQ(it->second[2], 201);
  std::remove(path.c_str());
  EXPECT_FALSE(WriteWordClusters(words, ::testing::TempDir() + "/no/such/dir/x").ok());
}

}  // namespace
}  // namespace wirewatch::analyze
