// Entity-level evaluation with conlleval semantics: an entity counts as
// correct only when type and both boundaries match; precision, recall and F1
// per type and micro-averaged overall.
//
// Thread-safety: pure functions (the tagger passed in is used, not shared).
#ifndef WIREWATCH_ANALYZE_NER_EVAL_H_
#define WIREWATCH_ANALYZE_NER_EVAL_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "analyze/ner_conll.h"
#include "analyze/ner_model.h"
#include "analyze/ner_types.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct NerScore {
  int64_t gold = 0;
  int64_t predicted = 0;
  int64_t correct = 0;
  double precision() const { return predicted ? 100.0 * correct / predicted : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    return gold + predicted ? 200.0 * correct / (gold + predicted) : 0;
  }
};

struct NerEvalReport {
  std::array<NerScore, kNumEntityTypes> per_type;
  NerScore overall;
  int64_t tokens = 0;
  int64_t sentences = 0;

  // Adds one document's gold and predicted spans (each sorted).
  void Add(std::span<const NerSpan> gold, std::span<const NerSpan> predicted);
  // conlleval-like table: one line overall, one per type.
  std::string ToString() const;
  // {"overall":{"precision":..,"recall":..,"f1":..,"gold":..},"PER":{..},..}
  std::string ToJson() const;
};

// Tags every document of `corpus` on its given tokens and scores it.
NerEvalReport EvaluateCorpus(const ConllCorpus& corpus, NerTagger* tagger);
// Reads a CoNLL file (IOB1 or IOB2) and evaluates `tagger` on it.
Result<NerEvalReport> EvaluateConll(const std::string& path, NerTagger* tagger);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_EVAL_H_
