#include "link/cluster_metrics.h"

#include <cassert>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

namespace wirewatch::link {
namespace {

double Choose2(double n) { return n * (n - 1) / 2; }

}  // namespace

ClusteringScores ScoreClustering(std::span<const uint32_t> gold,
                                 std::span<const uint32_t> predicted) {
  assert(gold.size() == predicted.size());
  ClusteringScores s;
  const size_t n = gold.size();
  if (n == 0) return s;
  std::map<std::pair<uint32_t, uint32_t>, double> joint;
  std::unordered_map<uint32_t, double> gsize, psize;
  for (size_t i = 0; i < n; ++i) {
    joint[{gold[i], predicted[i]}] += 1;
    gsize[gold[i]] += 1;
    psize[predicted[i]] += 1;
  }
  // B-cubed: each item of cell (g, p) has precision |cell| / |p| and recall
  // |cell| / |g|.
  double p = 0, r = 0;
  for (const auto& [key, c] : joint) {
    p += c * c / psize[key.second];
    r += c * c / gsize[key.first];
  }
  s.bcubed_precision = p / n;
  s.bcubed_recall = r / n;
  s.bcubed_f1 = s.bcubed_precision + s.bcubed_recall > 0
                    ? 2 * s.bcubed_precision * s.bcubed_recall /
                          (s.bcubed_precision + s.bcubed_recall)
                    : 0;
  // V-measure from entropies.
  const double dn = static_cast<double>(n);
  double h_g = 0, h_p = 0, h_g_given_p = 0, h_p_given_g = 0;
  for (const auto& [g, c] : gsize) h_g -= c / dn * std::log(c / dn);
  for (const auto& [q, c] : psize) h_p -= c / dn * std::log(c / dn);
  for (const auto& [key, c] : joint) {
    h_g_given_p -= c / dn * std::log(c / psize[key.second]);
    h_p_given_g -= c / dn * std::log(c / gsize[key.first]);
  }
  s.homogeneity = h_g > 0 ? 1 - h_g_given_p / h_g : 1;
  s.completeness = h_p > 0 ? 1 - h_p_given_g / h_p : 1;
  s.v_measure = s.homogeneity + s.completeness > 0
                    ? 2 * s.homogeneity * s.completeness /
                          (s.homogeneity + s.completeness)
                    : 0;
  // ARI.
  double index = 0, a = 0, b = 0;
  for (const auto& [key, c] : joint) index += Choose2(c);
  for (const auto& [g, c] : gsize) a += Choose2(c);
  for (const auto& [q, c] : psize) b += Choose2(c);
  const double expected = a * b / Choose2(dn);
  const double max_index = (a + b) / 2;
  s.ari = max_index - expected != 0 ? (index - expected) / (max_index - expected)
                                    : 1.0;
  return s;
}

double AveragePrecision(std::span<const uint8_t> relevant_flags,
                        size_t total_relevant) {
  if (total_relevant == 0) return 0;
  double sum = 0;
  size_t hits = 0;
  for (size_t i = 0; i < relevant_flags.size(); ++i) {
    if (relevant_flags[i]) {
      ++hits;
      sum += static_cast<double>(hits) / static_cast<double>(i + 1);
    }
  }
  return sum / static_cast<double>(total_relevant);
}

}  // namespace wirewatch::link
