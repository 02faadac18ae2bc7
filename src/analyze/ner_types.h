// Value types of the named-entity tagger: entity types, BILOU labels, spans
// and the tagger's input (a document of pre-tokenised sentences).
//
// Labels: 0 = O; for type t (PER=0, ORG=1, LOC=2, MISC=3) B=1+4t, I=2+4t,
// L=3+4t, U=4+4t (BILOU: begin, inside, last, unit).
#ifndef WIREWATCH_ANALYZE_NER_TYPES_H_
#define WIREWATCH_ANALYZE_NER_TYPES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace wirewatch::analyze {

enum class EntityType : uint8_t { kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3 };
inline constexpr int kNumEntityTypes = 4;
inline constexpr int kNumLabels = 1 + 4 * kNumEntityTypes;  // 17

std::string_view EntityTypeName(EntityType t);  // "PER", "ORG", ...
// Parses "PER"/"ORG"/"LOC"/"MISC"; false otherwise.
bool ParseEntityType(std::string_view s, EntityType* t);

enum Bilou : uint8_t { kB = 0, kI = 1, kL = 2, kU = 3 };
inline uint8_t MakeLabel(EntityType t, Bilou b) {
  return static_cast<uint8_t>(1 + 4 * static_cast<int>(t) + b);
}
inline EntityType LabelType(uint8_t label) {
  return static_cast<EntityType>((label - 1) / 4);
}
inline Bilou LabelBilou(uint8_t label) {
  return static_cast<Bilou>((label - 1) % 4);
}

// Entity span over words [begin, end) of a document.
struct NerSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kPer;
  bool operator==(const NerSpan&) const = default;
};

// Half-open word range of one sentence.
struct WordRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A document for the tagger. Views: words must outlive the call using it.
struct NerInput {
  std::span<const std::string_view> words;
  std::span<const WordRange> sentences;  // cover words in order
};

// Writes BILOU labels for `spans` (sorted, non-overlapping) into labels[0..n).
void SpansToLabels(std::span<const NerSpan> spans, size_t n,
                   std::vector<uint8_t>* labels);
// Decodes labels into spans, repairing invalid sequences leniently (an I or
// L without a B starts a span; a B or I not closed ends at the break).
void LabelsToSpans(std::span<const uint8_t> labels, std::vector<NerSpan>* out);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_TYPES_H_
