// Word clusters for the NER features (optional; the shipped v1 model has
// none). `ner_train --clusters FILE` reads them and stores them in the model.
// No clustering program exists yet: the file is expected to come from a
// documented, deterministic clustering of the unlabelled corpora (TODO).
//
// Text form, one word per line: "WORD\tC1\tC2\tC3" with cluster ids at
// three granularities (1-based; 0 = none).
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_ANALYZE_NER_CLUSTERS_H_
#define WIREWATCH_ANALYZE_NER_CLUSTERS_H_

#include <string>

#include "analyze/ner_features.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

Result<WordClusters> ReadWordClusters(const std::string& path);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_CLUSTERS_H_
