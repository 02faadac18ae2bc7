#include "link/cluster_metrics.h"

#include <vector>

#include <gtest/gtest.h>

namespace wirewatch::link {
namespace {

TEST(ClusterMetricsTest, PerfectAndDegenerate) {
  std::vector<uint32_t> gold = {0, 0, 1, 1, 2};
  std::vector<uint32_t> same = {5, 5, 7, 7, 9};
  ClusteringScores s = ScoreClustering(gold, same);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 1.0);
  EXPECT_NEAR(s.v_measure, 1.0, 1e-12);
  EXPECT_NEAR(s.ari, 1.0, 1e-12);
  std::vector<uint32_t> one = {0, 0, 0, 0, 0};
  s = ScoreClustering(gold, one);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, (4.0 / 5 + 4.0 / 5 + 1.0 / 5) / 5);
  EXPECT_NEAR(s.ari, 0.0, 1e-12);
}

// Hand-computed: gold {a a a b b}, predicted {x x y y y}.
TEST(ClusterMetricsTest, HandComputed) {
  std::vector<uint32_t> gold = {0, 0, 0, 1, 1};
  std::vector<uint32_t> pred = {0, 0, 1, 1, 1};
  ClusteringScores s = ScoreClustering(gold, pred);
  // Precision: items 0,1: 2/2; item 2: 1/3; items 3,4: 2/3.
  EXPECT_NEAR(s.bcubed_precision, (1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5,
              1e-12);
  // Recall: items 0,1: 2/3; item 2: 1/3; items 3,4: 2/2.
  EXPECT_NEAR(s.bcubed_recall, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5,
              1e-12);
  // ARI: sum C(n_ij,2) = 1 + 1 = 2; a = 3 + 1 = 4; b = 1 + 3 = 4;
  // expected = 16 / 10; max = 4.
  EXPECT_NEAR(s.ari, (2 - 1.6) / (4 - 1.6), 1e-12);
}

TEST(ClusterMetricsTest, AveragePrecision) {
  uint8_t flags[] = {1, 0, 1, 0};
  EXPECT_NEAR(AveragePrecision(flags, 3), (1.0 + 2.0 / 3) / 3, 1e-12);
  EXPECT_EQ(AveragePrecision(flags, 0), 0.0);
}

}  // namespace
}  // namespace wirewatch::link
