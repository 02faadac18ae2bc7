// Training of the attribution cue tagger and content-direction classifier
// (quote_model.h) on PolNeAR documents: averaged perceptron (Collins 2002)
// with greedy left-to-right decoding for the tagger, whose previous-label
// feature comes from its own predictions during training as at run time.
//
// Gold: a word is B when it is the first taggable token overlapping a gold
// cue, I when it is a later token of the same cue; the side of a cue is
// right when its content starts at or after the cue's end, left when it
// ends at or before the cue's start, around otherwise. Cues shared by
// several relations count once (the first relation's content decides).
//
// Determinism: documents are visited in an order shuffled each epoch by a
// fixed-seed SplitMix64 generator, single-threaded, so the same data,
// options and build give the same model file byte for byte.
//
// Thread-safety: TrainQuoteModel is a pure function of its inputs.
#ifndef WIREWATCH_ANALYZE_QUOTE_TRAIN_H_
#define WIREWATCH_ANALYZE_QUOTE_TRAIN_H_

#include <functional>
#include <memory>
#include <vector>

#include "analyze/polnear.h"
#include "analyze/quote_model.h"
#include "analyze/quotes.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct QuoteTrainOptions {
  int epochs = 8;
  uint64_t seed = 20151111;
  // A word may begin a cue when it began at least this share of its
  // occurrences in training (and at least one).
  double min_starter_rate = 0.02;
  // Rows whose largest |averaged weight| is not above this are dropped:
  // 1 halves the model file at no cost in cross-validated F1.
  float prune_threshold = 1.0f;
  // Added to the B score of every token at run time (stored in the
  // model): recall for precision. 5 was best in 5-fold cross-validation
  // on PolNeAR train (overlap F1 0.772; 0.769 at 3, 0.763 without), with
  // the extractor dropping weak cues around another attribution.
  float cue_bias = 5.0f;
  // Called after each epoch with the number of cue-token mistakes.
  std::function<void(int epoch, int64_t cue_errors, int64_t side_errors)>
      on_epoch;
};

Result<std::unique_ptr<QuoteModel>> TrainQuoteModel(
    const std::vector<PolnearDoc>& docs, const QuoteTrainOptions& options);

// K-fold cross-validation of TrainQuoteModel with `options`: the articles
// (all annotation files of one text together) are dealt into `folds` by a
// hash of their name; each fold is scored (EvaluatePolnear's rules) with a
// model trained on the others, and the counts are summed. The estimate of
// choice for the options: dev is small and was looked at.
Result<QuoteEvalReport> CrossValidateQuotes(const std::vector<PolnearDoc>& docs,
                                            const QuoteTrainOptions& options,
                                            int folds);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_QUOTE_TRAIN_H_
