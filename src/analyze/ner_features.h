// NerFeaturizer: turns a document into hashed feature ids per word.
//
// Every feature is a 64-bit hash of (template id, value). Templates, in
// ner_features.cc: word, lowercase, shape and compressed shape, prefixes and
// suffixes 1-4, lowercase context words at +-1 and +-2, shape and word
// bigrams/trigrams, sentence-initial and all-caps-headline flags crossed with
// the capitalisation class, document-level capitalisation evidence (the same
// word seen capitalised mid-sentence elsewhere in the document), gazetteer
// membership with BILOU position, and word-cluster ids (coarse, medium, fine)
// for the word and its neighbours.
//
// Changing any template changes the meaning of a model: bump
// kNerFeatureVersion, which the model file records and checks.
//
// Word clusters are looked up by the word's ASCII-lowercased form (bytes
// A-Z mapped to a-z, everything else kept): the cluster file's words are
// lowercase, so "Said", "SAID" and "said" share one entry. The lookup hashes
// the featurizer's lowercase scratch buffer and allocates nothing per token.
//
// Thread-safety: one featurizer per thread (it keeps scratch buffers).
#ifndef WIREWATCH_ANALYZE_NER_FEATURES_H_
#define WIREWATCH_ANALYZE_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/ner_clusters.h"
#include "analyze/ner_types.h"

namespace wirewatch::analyze {

// Version 2: clusters looked up by the lowercased word (version 1 used the
// exact form). The two versions extract the same features when a model has
// no clusters, so NerModel still loads a version-1 model without clusters.
inline constexpr uint32_t kNerFeatureVersion = 2;

class NerFeaturizer {
 public:
  // REQUIRES: clusters (may be null) outlives the featurizer.
  explicit NerFeaturizer(const WordClusters* clusters) : clusters_(clusters) {}

  // Replaces *feats with all features of the document, word after word;
  // word i's features are feats[offsets[i] .. offsets[i+1]).
  void Extract(const NerInput& in, std::vector<uint64_t>* feats,
               std::vector<uint32_t>* offsets);

 private:
  struct WordInfo {
    uint64_t word, lower, shape, sshape;
    uint64_t pre[4], suf[4];
    uint32_t gaz;  // bit (5*pos + gaz type), pos in BILU
    uint16_t cl[kNumClusterLevels];
    uint8_t cap;   // capitalisation class, see ner_features.cc
    uint8_t len;
  };
  const WordClusters* clusters_;
  std::vector<WordInfo> info_;
  std::vector<uint64_t> gaz_hashes_;
  // Document-level evidence, keyed by lowercase hash; reused between docs.
  std::unordered_map<uint64_t, uint8_t> doc_flags_;
  std::string buf_;
};

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_FEATURES_H_
