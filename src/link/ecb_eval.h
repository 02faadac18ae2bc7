// ECB+ evaluation of related articles and story clustering.
//
// ECB+ (Cybulska & Vossen, LREC 2014) groups news documents by topic; each
// topic folder holds two real events of the same kind, files "*ecb.xml"
// (one event) and "*ecbplus.xml" (the other), so the gold story of a
// document is (topic, ecb | ecbplus). Documents are tokenised CAT XML; they
// carry no dates, so time plays no part. The evaluation
//   * indexes every document (text = its tokens joined by spaces; the first
//     sentence doubles as the title) in a fixed pseudo-random order,
//   * ranks, for each document, all others (TimeFilter::kAny) and scores
//     precision@5 and average precision of same-story documents (MAP);
//   * clusters the documents incrementally in the same order and scores the
//     stories against gold with B-cubed, V-measure and ARI.
// Entities are not used (ECB+ markables are gold annotations).
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_LINK_ECB_EVAL_H_
#define WIREWATCH_LINK_ECB_EVAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "link/cluster_metrics.h"
#include "link/related_index.h"
#include "link/story_clusterer.h"
#include "wirewatch/status.h"

namespace wirewatch::link {

struct EcbDocument {
  std::string name;   // "1_10ecb.xml"
  uint32_t topic = 0;
  bool plus = false;  // an *ecbplus.xml document
  std::string title;  // first sentence
  std::string text;   // all tokens joined by spaces
};

// Reads every "<topic>/*ecb.xml" and "*ecbplus.xml" under `dir`, sorted by
// (topic, name). Errors: NotFound when the folder has no documents.
Result<std::vector<EcbDocument>> ReadEcbCorpus(const std::string& dir);

struct EcbEvalOptions {
  RelatedIndexOptions index;
  RelatedOptions related;  // k and time_filter are overridden
  StoryOptions stories;
  uint64_t order_seed = 1;  // documents are added in a seeded shuffle
  bool title_from_first_sentence = true;
};

struct StoryEvalReport {
  size_t documents = 0;
  size_t topics = 0;
  size_t gold_stories = 0;
  size_t predicted_stories = 0;
  double precision_at_5 = 0;
  double map = 0;
  ClusteringScores clustering;
  double seconds = 0;
};

Result<StoryEvalReport> EvaluateEcb(const std::string& dir,
                                    const EcbEvalOptions& options = {});

// Scores already-read documents (what EvaluateEcb does after reading).
StoryEvalReport EvaluateEcbDocuments(const std::vector<EcbDocument>& docs,
                                     const EcbEvalOptions& options);

// A few human-readable lines.
std::string FormatReport(const StoryEvalReport& report);

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_ECB_EVAL_H_
