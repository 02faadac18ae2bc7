// Clustering and ranking scores for evaluations (ECB+ stories, synthetic
// corpora).
//
// B-cubed (Bagga & Baldwin 1998): per item, precision = |pred(i) n gold(i)| /
// |pred(i)|, recall = |pred(i) n gold(i)| / |gold(i)|, averaged over items;
// F1 is the harmonic mean of the averages. V-measure (Rosenberg & Hirschberg
// 2007) is the harmonic mean of homogeneity and completeness. ARI is the
// Hubert-Arabie adjusted Rand index. Covered by cluster_metrics_test.cc.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_LINK_CLUSTER_METRICS_H_
#define WIREWATCH_LINK_CLUSTER_METRICS_H_

#include <cstdint>
#include <span>

namespace wirewatch::link {

struct ClusteringScores {
  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1 = 0;
  double homogeneity = 0;
  double completeness = 0;
  double v_measure = 0;
  double ari = 0;
};

// REQUIRES: gold.size() == predicted.size(). Labels are arbitrary ids.
ClusteringScores ScoreClustering(std::span<const uint32_t> gold,
                                 std::span<const uint32_t> predicted);

// Average precision of one ranked list: `relevant_flags[i]` says whether the
// i-th result is relevant; `total_relevant` counts all relevant items
// (retrieved or not). 0 when total_relevant == 0.
double AveragePrecision(std::span<const uint8_t> relevant_flags,
                        size_t total_relevant);

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_CLUSTER_METRICS_H_
