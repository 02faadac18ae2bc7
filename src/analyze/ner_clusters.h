// Word clusters for the NER features. `wirewatch train clusters` writes them
// (src/analyze/cluster_train.h; the shipped file is models/word-clusters.tsv)
// and `wirewatch train ner --clusters FILE` reads them and stores them in the
// model.
//
// Text form, one word per line: "WORD\tC1\tC2\tC3" with cluster ids at
// three granularities (1-based; 0 = none). Words are lowercase: the
// featurizer looks a token up by its ASCII-lowercased form, so the reader
// lowercases A-Z too and keeps the first line of words that then coincide.
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
