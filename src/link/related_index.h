// RelatedIndex: related articles for an archive, built incrementally at
// ingest.
//
// Each document becomes a sparse, L2-normalised TF-IDF vector of its
// `vector_terms` (64) highest-weighted terms (weight (1 + ln tf) * ln(1 + N/df),
// title words count `title_boost` times, IDF as of the moment the document
// is added; Reweight() recomputes all vectors with the final statistics).
// Relatedness of a candidate c to the query q is
//
//   score = (cos(q, c) + entity_weight * |E_q n E_c| / sqrt(|E_q| |E_c|))
//           * (floor + (1 - floor) * 2^(-|day_q - day_c| / half_life))
//
// (no decay when either day is unknown), restricted to candidates published
// no later than `window_days` after q (TimeFilter::kBefore; with unknown
// days, ingest order decides) and excluding q's near-duplicates; among
// near-duplicates of each other only the best-scoring one is returned.
//
// Fast path (Related): an inverted index over each document's
// `posted_terms` highest-weighted terms and its entities, with a one-byte
// impact per posting. The query's `query_terms` best terms are walked from the
// query's own position in each posting list outwards (earlier documents
// first, so the cap keeps the temporally nearest), at most
// `max_postings_per_term` each (forwards, under kBefore, an eighth of it); the `candidates` best partial scores are then
// rescored exactly. Reference (BruteForceRelated): scores every document
// exactly. With RelatedOptions::Pruning::Exact() and posted_terms ==
// vector_terms the two agree exactly (related_index_test.cc); with the
// default pruning, recall@k against the reference is measured in the same
// test and in bench/link_bench.cc.
//
// Memory per document (default options): 7 bytes per vector term, 5 per
// posted term, 4 per entity and its posting, plus small fixed parts;
// MemoryBytes() reports it, including the near-duplicate index.
//
// Thread-safety: const methods (queries) may run concurrently, each thread
// with its own Scratch; Add() and Reweight() need exclusive access (the
// caller holds a writer lock; the index has no internal locking).
#ifndef WIREWATCH_LINK_RELATED_INDEX_H_
#define WIREWATCH_LINK_RELATED_INDEX_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "link/analyzer.h"
#include "link/link_doc.h"
#include "link/near_dup.h"
#include "link/vocabulary.h"
#include "wirewatch/status.h"

namespace wirewatch::link {

struct RelatedIndexOptions {
  int vector_terms = 64;   // terms kept per document vector (<= 255)
  int posted_terms = 32;   // of those, posted in the inverted index
  int title_boost = 3;     // a title word counts this many times
  int max_entities = 32;   // entities kept per document
  double near_dup_resemblance = 0.7;
};

struct RelatedOptions {
  // kBefore: published no later than window_days after the query (ingest
  // order when a day is unknown); kIngestedBefore: added before the query
  // (what incremental clustering sees); kAny: no restriction.
  enum class TimeFilter { kBefore, kIngestedBefore, kAny };

  size_t k = 4;
  TimeFilter time_filter = TimeFilter::kBefore;
  int64_t window_days = 1;  // kBefore: allow up to this many days after q
  bool exclude_near_dups = true;
  double entity_weight = 0.3;
  double half_life_days = 14;  // <= 0: no time decay
  double decay_floor = 0.5;

  struct Pruning {
    int query_terms = 12;
    uint32_t max_postings_per_term = 3000;
    uint32_t candidates = 100;
    static Pruning Exact() {
      return {1 << 30, std::numeric_limits<uint32_t>::max(),
              std::numeric_limits<uint32_t>::max()};
    }
  };
  Pruning pruning;
};

struct RelatedHit {
  uint32_t doc = 0;
  double score = 0;
  bool operator==(const RelatedHit&) const = default;
};

struct AddInfo {
  uint32_t dup_group = 0;  // near-duplicate group key
  uint32_t original = 0;   // the group's original (earliest) document
};

class RelatedIndex {
 public:
  // Per-thread query scratch; reused across queries, grows with the index.
  class Scratch {
   private:
    friend class RelatedIndex;
    friend void BruteForceRelated(const RelatedIndex&, uint32_t,
                                  const RelatedOptions&, Scratch*,
                                  std::vector<RelatedHit>*);
    std::vector<float> acc;
    std::vector<uint32_t> touched;
    std::vector<float> query_weight;  // by term id, zero outside a query
    std::vector<RelatedHit> hits;
  };

  explicit RelatedIndex(RelatedIndexOptions options = {});

  // Adds `doc`. REQUIRES: doc.doc == size(). Errors: InvalidArgument when
  // the id is not the next one, ResourceExhausted past 2^31 documents.
  Result<AddInfo> Add(const LinkDoc& doc);

  // Recomputes every document vector and posting with the current document
  // frequencies (after a bulk load). O(total terms).
  void Reweight();

  // The top-k related documents of `doc` (fast path), best first (ties: lower
  // doc first). REQUIRES: doc < size().
  void Related(uint32_t doc, const RelatedOptions& options, Scratch* scratch,
               std::vector<RelatedHit>* out) const;

  // The top-k documents by the fast path's partial scores alone (no exact
  // rescoring; scores are the impact-quantised partial sums), same filters
  // and tie-breaks as Related() but no near-duplicate folding of the output.
  // For callers that only need candidates (StoryClusterer).
  void RoughRelated(uint32_t doc, const RelatedOptions& options,
                    Scratch* scratch, std::vector<RelatedHit>* out) const;

  // Exact score of `candidate` for query `doc` (0 when filtered out by time,
  // identity or near-duplicate-of-query rules).
  double Score(uint32_t doc, uint32_t candidate,
               const RelatedOptions& options, Scratch* scratch) const;

  uint32_t size() const { return static_cast<uint32_t>(day_.size()); }
  const NearDupIndex& near_dups() const { return near_dups_; }
  const Vocabulary& terms() const { return terms_; }
  const Vocabulary& entities() const { return entities_; }
  int64_t published_day(uint32_t doc) const;

  // The document's vector: term ids ascending, weights in [0, 1] scaled by
  // kWeightScale. Views valid until the next Add()/Reweight().
  static constexpr float kWeightScale = 65535.0f;
  std::span<const uint32_t> vector_terms(uint32_t doc) const {
    return {vec_term_.data() + vec_begin_[doc],
            vec_begin_[doc + 1] - vec_begin_[doc]};
  }
  std::span<const uint16_t> vector_weights(uint32_t doc) const {
    return {vec_weight_.data() + vec_begin_[doc],
            vec_begin_[doc + 1] - vec_begin_[doc]};
  }
  std::span<const uint32_t> entity_ids(uint32_t doc) const {
    return {ent_id_.data() + ent_begin_[doc],
            ent_begin_[doc + 1] - ent_begin_[doc]};
  }

  // Candidate generation only (the fast path's first phase): fills
  // scratch->touched with candidate docs and scratch->acc with partial scores.
  void Gather(uint32_t doc, const RelatedOptions& options,
              Scratch* scratch) const;

  // Exact cosine of two stored vectors.
  double Cosine(uint32_t a, uint32_t b) const;

  // Releases spare capacity of the growing arrays (after a bulk load; ingest
  // afterwards grows them again).
  void Compact();

  // Bytes held by the related + near-duplicate structures (vectors,
  // postings, vocabularies, signatures), by capacity.
  size_t MemoryBytes() const;
  size_t VocabularyBytes() const {
    return terms_.MemoryBytes() + entities_.MemoryBytes();
  }

 private:
  struct PostingList {
    std::vector<uint32_t> docs;     // ascending
    std::vector<uint8_t> impacts;   // quantised weight, 1..255
  };
  struct TermCount {
    uint64_t hash;
    uint32_t token;  // index into the analysed tokens (for the text)
    uint32_t count;
  };

  bool Allowed(uint32_t q, uint32_t c, const RelatedOptions& o) const;
  double Decay(uint32_t q, uint32_t c, const RelatedOptions& o) const;
  double EntityOverlap(uint32_t a, uint32_t b) const;
  void PrepareQuery(uint32_t doc, Scratch* s) const;
  void ClearQuery(uint32_t doc, Scratch* s) const;
  double ScorePrepared(uint32_t q, uint32_t c, const RelatedOptions& o,
                       const Scratch& s) const;
  void Finish(uint32_t q, const RelatedOptions& o, std::vector<RelatedHit>* hits,
              std::vector<RelatedHit>* out) const;
  // Builds the weighted vector of one document from term_counts_ (ids in
  // count field replaced) into the storage at the end.
  void AppendVector(std::span<const std::pair<uint32_t, uint32_t>> id_tf);
  void PostVector(uint32_t doc);

  friend void BruteForceRelated(const RelatedIndex&, uint32_t,
                                const RelatedOptions&, RelatedIndex::Scratch*,
                                std::vector<RelatedHit>*);

  RelatedIndexOptions options_;
  Analyzer analyzer_;
  Vocabulary terms_;
  Vocabulary entities_;
  NearDupIndex near_dups_;

  std::vector<uint32_t> vec_begin_{0};
  std::vector<uint32_t> vec_term_;
  std::vector<uint16_t> vec_weight_;
  std::vector<uint8_t> tf_;  // boosted tf per vector slot (<= 255), for Reweight
  std::vector<uint32_t> ent_begin_{0};
  std::vector<uint32_t> ent_id_;
  std::vector<int32_t> day_;  // kNoDay when unknown
  std::vector<PostingList> postings_;         // by term id
  std::vector<std::vector<uint32_t>> entity_postings_;  // by entity id

  // Add() scratch, kept between calls.
  std::string joined_;
  std::vector<TermCount> counts_;
  std::vector<std::pair<uint32_t, uint32_t>> id_tf_;
  std::vector<std::pair<float, uint32_t>> ranked_;
};

// Reference: exact scores of every document, same rules and tie-breaks.
void BruteForceRelated(const RelatedIndex& index, uint32_t doc,
                       const RelatedOptions& options,
                       RelatedIndex::Scratch* scratch,
                       std::vector<RelatedHit>* out);

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_RELATED_INDEX_H_
