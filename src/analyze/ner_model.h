// NerModel: the weights of the averaged-perceptron NER tagger, and NerTagger,
// which applies them (features -> emission scores -> constrained Viterbi
// over BILOU labels).
//
// Model file format (version 1, little-endian), written by Serialize():
//   offset 0   char[8]  magic "WWNERMDL"
//          8   u32      format version (1)
//         12   u32      feature version (kNerFeatureVersion; 1 is also
//                       accepted when C = 0, see ner_features.h)
//         16   u32      number of labels K (17)
//         20   u32      number of feature rows R
//         24   u32      number of cluster words C
//         28   u32      reserved (0)
//         32   f32      weight scale s (weight = int16 * s)
//         36   u32      reserved (0)
//         40   u64      xxHash64 of the body (everything after 64 bytes)
//         48   u8[16]   zero
//   body: f32[(K+2)*K] transitions (rows: previous label 0..K-1, start, end)
//         u64[R]       feature keys (NerFeaturizer hashes), strictly increasing
//         i16[R*K]     weight rows
//         u64[C]       cluster word keys (WordClusterKey), strictly increasing
//         u16[C*3]     cluster ids (coarse, medium, fine)
// Load() reads the file in one go, checks sizes, versions and the body
// hash (Corruption on mismatch) and builds an open-addressing index.
//
// Thread-safety: a loaded NerModel is immutable and shared between threads;
// a NerTagger holds scratch buffers and is used by one thread at a time.
#ifndef WIREWATCH_ANALYZE_NER_MODEL_H_
#define WIREWATCH_ANALYZE_NER_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_features.h"
#include "analyze/ner_types.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

inline constexpr uint32_t kNerModelFormatVersion = 1;
// The model the project ships, in models/ (models/README.md).
inline constexpr const char* kShippedNerModel = "ner-conll-v2.bin";

class NerModel {
 public:
  // Builds a model from trained float weights. rows: keys.size() * kNumLabels.
  // transitions: (kNumLabels + 2) * kNumLabels.
  static std::unique_ptr<NerModel> Build(std::vector<uint64_t> keys,
                                         const std::vector<float>& rows,
                                         std::vector<float> transitions,
                                         WordClusters clusters);
  static Result<std::unique_ptr<NerModel>> FromBytes(std::string_view bytes);
  static Result<std::unique_ptr<NerModel>> Load(const std::string& path);

  std::string Serialize() const;
  Status Save(const std::string& path) const;

  // Quantised weight row of a feature (kNumLabels int16, weight = value *
  // scale()) or nullptr.
  const int16_t* Row(uint64_t key) const {
    for (uint64_t s = SlotOf(key);; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.row == kEmpty) return nullptr;
      if (slot.key == key) return &qweights_[size_t{slot.row} * kNumLabels];
    }
  }
  // Starts loading the index slot of key, for a Row(key) call soon after.
  void PrefetchRow(uint64_t key) const { __builtin_prefetch(&slots_[SlotOf(key)]); }
  float scale() const { return scale_; }
  const std::vector<float>& transitions() const { return transitions_; }
  const WordClusters& clusters() const { return clusters_; }
  size_t num_rows() const { return keys_.size(); }
  // Approximate resident memory in bytes.
  size_t MemoryBytes() const;

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  // Open-addressing index entry; the key sits beside the row number so a
  // lookup touches one slot, not the slot and then keys_.
  struct Slot {
    uint64_t key;
    uint32_t row;  // kEmpty: free
  };
  NerModel() = default;
  void BuildIndex();
  uint64_t SlotOf(uint64_t key) const { return (key ^ (key >> 29)) & mask_; }

  std::vector<uint64_t> keys_;
  std::vector<int16_t> qweights_;  // as stored; scored as integers
  float scale_ = 1.0f;
  std::vector<float> transitions_;
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  uint64_t mask_ = 0;
  WordClusters clusters_;
};

// Constrained first-order Viterbi over BILOU labels. emissions: n rows of
// kNumLabels; transitions as in NerModel. Writes n labels.
void ViterbiDecode(const float* emissions, size_t n,
                   const std::vector<float>& transitions,
                   std::vector<float>* scratch_scores,
                   std::vector<uint8_t>* scratch_back, uint8_t* labels);

// True when label `cur` may follow `prev` (kNumLabels = sentence start).
bool NerTransitionAllowed(int prev, int cur);

class NerTagger {
 public:
  // REQUIRES: model outlives the tagger.
  explicit NerTagger(const NerModel* model)
      : model_(model), featurizer_(&model->clusters()) {}

  // Tags a document; *spans receives entity spans over word indices, sorted.
  void Tag(const NerInput& in, std::vector<NerSpan>* spans);
  // Per-word BILOU labels of the last Tag() call.
  const std::vector<uint8_t>& labels() const { return labels_; }

 private:
  const NerModel* model_;
  NerFeaturizer featurizer_;
  std::vector<uint64_t> feats_;
  std::vector<uint32_t> offsets_;
  std::vector<const int16_t*> rows_;  // weight row of each feature, or null
  std::vector<float> emissions_;
  std::vector<float> vscores_;
  std::vector<uint8_t> vback_;
  std::vector<uint8_t> labels_;
};

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_MODEL_H_
