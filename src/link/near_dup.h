// Near-duplicate detection: MinHash signatures with LSH banding, and an
// incremental grouping index.
//
// Signature: the resemblance (Jaccard similarity of the sets of hashed word
// 3-shingles, stopwords removed; unigrams for texts under three terms;
// Broder, "On the resemblance and containment of documents", 1997) is
// estimated by one-permutation MinHash with 32 bins and rotation
// densification (Shrivastava & Li, ICML 2014): each shingle is hashed once,
// its top 5 bits pick a bin, and each bin keeps its minimum; empty bins
// borrow from the next non-empty bin. The estimate is the fraction of equal
// bins. Two documents are near-duplicates when the estimate is at least
// `min_resemblance` (default 0.7).
//
// Lookup: 8 bands of 4 bins; documents agreeing on a whole band are
// candidates (probability 1 - (1 - J^4)^8: 0.89 at J = 0.7, 0.985 at 0.8).
// Each band is a table of 65,536 bucket heads with per-document chain links,
// so memory is fixed plus 4 bytes per band per document.
//
// Grouping: a new document joins the group with the smallest key among its
// near-duplicates (no later merging of groups, so group keys are stable and
// ingest stays O(chain length)). The group's original is the member with the
// earliest published day (ties and unknown days: ingest order).
// Covered by near_dup_test.cc.
//
// SimHash64 is a separate 64-bit fingerprint (Charikar 2002) for callers that
// want one compact column; the index does not use it.
//
// Memory: 64 (signature) + 32 (chains) + 12 (group, original, day) bytes per
// document, plus 8 x 65,536 x 4 bytes of bucket heads.
//
// Thread-safety: const methods may run concurrently; Add() needs exclusive
// access.
#ifndef WIREWATCH_LINK_NEAR_DUP_H_
#define WIREWATCH_LINK_NEAR_DUP_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "link/analyzer.h"

namespace wirewatch::link {

inline constexpr int kMinHashBins = 32;
// 16-bit bin values: two documents share a bin value by chance with
// probability 2^-16, negligible next to the estimator's own variance.
using MinHashSignature = std::array<uint16_t, kMinHashBins>;

// MinHash of the shingles of `tokens`; false (and *sig untouched) when there
// are no tokens.
bool ComputeMinHash(std::span<const Token> tokens, MinHashSignature* sig);

// Fraction of equal bins, in [0, 1].
double EstimateResemblance(const MinHashSignature& a,
                           const MinHashSignature& b);

// SimHash of the word 3-shingles (unigrams under three terms); 0 when there
// are no tokens.
uint64_t SimHash64(std::span<const Token> tokens);

inline int HammingDistance(uint64_t a, uint64_t b) {
  return __builtin_popcountll(a ^ b);
}

class NearDupIndex {
 public:
  explicit NearDupIndex(double min_resemblance = 0.7);

  // Adds document `doc` (REQUIRES: doc == size()) with its signature (null
  // for a document without text, which never matches) and published day;
  // returns its group key (the first document of the group).
  uint32_t Add(uint32_t doc, const MinHashSignature* signature,
               int64_t published_day);

  uint32_t size() const { return static_cast<uint32_t>(group_.size()); }
  const MinHashSignature& signature(uint32_t doc) const {
    return signature_[doc];
  }
  // The group key of `doc` (== doc when it started its own group).
  uint32_t group(uint32_t doc) const { return group_[doc]; }
  // The original (earliest) member of doc's group.
  uint32_t original(uint32_t doc) const { return original_[group_[doc]]; }
  bool IsDuplicate(uint32_t doc) const { return original(doc) != doc; }
  size_t MemoryBytes() const;

 private:
  static constexpr int kBands = 8;
  static constexpr int kRows = kMinHashBins / kBands;
  static constexpr uint32_t kBuckets = 1 << 16;
  static constexpr uint32_t kNil = 0xFFFFFFFFu;

  static uint32_t Bucket(const MinHashSignature& s, int band);
  static bool BandEqual(const MinHashSignature& a, const MinHashSignature& b,
                        int band);

  double min_resemblance_;
  std::vector<MinHashSignature> signature_;
  std::vector<uint32_t> group_;
  std::vector<uint32_t> original_;  // indexed by group key
  std::vector<int32_t> day_;        // clamped published day per doc
  std::array<std::vector<uint32_t>, kBands> heads_;  // kBuckets each
  std::array<std::vector<uint32_t>, kBands> next_;   // per doc
};

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_NEAR_DUP_H_
