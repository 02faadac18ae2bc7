// Word clusters for the NER features. `wirewatch train clusters` writes them
// (src/analyze/cluster_train.h; the shipped file is models/word-clusters.tsv),
// `wirewatch train ner --clusters FILE` reads them and the model stores them.
//
// Text form, one word per line: "WORD\tC1\tC2\tC3" with cluster ids at
// three granularities (1-based; 0 = none). Words are lowercase: the
// featurizer looks a token up by its ASCII-lowercased form (ner_features.h),
// so the reader lowercases A-Z too and keeps the first line of words that
// then coincide.
//
// WordClusters is the table the featurizer consults for every token of every
// article: open addressing with linear probing over 16-byte slots (key and
// ids inline), at most half full, so a lookup costs one hash-derived slot
// index and usually one cache line. A std::unordered_map lookup cost a
// division and two dependent pointer loads, half of the featurizer's time
// under perf. Tests: NerClustersTest in ner_test.cc, against a std::map.
//
// Thread-safety: a built WordClusters is immutable and may be read from any
// number of threads; ReadWordClusters is a pure function.
#ifndef WIREWATCH_ANALYZE_NER_CLUSTERS_H_
#define WIREWATCH_ANALYZE_NER_CLUSTERS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wirewatch/status.h"

namespace wirewatch::analyze {

inline constexpr int kNumClusterLevels = 3;
using ClusterIds = std::array<uint16_t, kNumClusterLevels>;

// Key of a word in WordClusters (and in the model file): a hash of the
// ASCII-lowercased word, which the caller passes already lowercased.
uint64_t WordClusterKey(std::string_view lowercase_word);

// Word key -> cluster ids at kNumClusterLevels granularities.
class WordClusters {
 public:
  WordClusters() = default;

  // Adds key -> ids unless key is present; returns whether it was added.
  bool Insert(uint64_t key, const ClusterIds& ids);
  // The ids of key, or nullptr. Valid until the next Insert.
  const ClusterIds* Find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_ids_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (uint64_t s = Slot(key);; s = (s + 1) & mask_) {
      const Entry& e = slots_[s];
      if (e.key == key) return &e.ids;
      if (e.key == 0) return nullptr;
    }
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Every (key, ids), sorted by key (the model file's order).
  std::vector<std::pair<uint64_t, ClusterIds>> Sorted() const;
  // Bytes held by the table.
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Entry); }

 private:
  // key 0 marks a free slot; a word whose key is 0 lives in zero_ids_.
  struct Entry {
    uint64_t key = 0;
    ClusterIds ids{};
  };
  uint64_t Slot(uint64_t key) const { return (key ^ (key >> 32)) & mask_; }
  void Grow();

  std::vector<Entry> slots_;  // power-of-two size, at most half full
  uint64_t mask_ = 0;
  size_t size_ = 0;
  bool has_zero_ = false;
  ClusterIds zero_ids_{};
};

Result<WordClusters> ReadWordClusters(const std::string& path);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_CLUSTERS_H_
