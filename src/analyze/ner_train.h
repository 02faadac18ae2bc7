// Training of the NER tagger: a structured averaged perceptron (Collins
// 2002) over BILOU labels with first-order transitions and constrained
// Viterbi decoding, features from NerFeaturizer.
//
// Determinism: sentence order is shuffled each epoch with a fixed-seed
// SplitMix64 generator and all arithmetic is single-threaded, so the same
// data, options and build reproduce the same model file byte for byte.
//
// Thread-safety: TrainNer is a pure function of its inputs.
#ifndef WIREWATCH_ANALYZE_NER_TRAIN_H_
#define WIREWATCH_ANALYZE_NER_TRAIN_H_

#include <functional>
#include <memory>

#include "analyze/ner_conll.h"
#include "analyze/ner_eval.h"
#include "analyze/ner_features.h"
#include "analyze/ner_model.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 20130712;
  // Features seen fewer times in the training data are dropped.
  int min_feature_count = 1;
  // Rows whose largest |averaged weight| is below this are pruned.
  float prune_threshold = 0.0f;
  // Word clusters stored in the model (may be empty).
  WordClusters clusters;
  // Called after each epoch with the dev report (when dev is given).
  std::function<void(int epoch, const NerEvalReport& dev)> on_epoch;
};

Result<std::unique_ptr<NerModel>> TrainNer(const ConllCorpus& train,
                                           const ConllCorpus* dev,
                                           NerTrainOptions options);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_TRAIN_H_
