// Word clusters for the NER features: reading the text form produced by
// ner_clusters_main (tools/) and the clustering itself.
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
