// StoryClusterer: incremental grouping of documents into stories.
//
// Single pass, in ingest order, no recomputation: a new document is
// compared with the stories of its `candidate_docs` most related earlier
// documents (found through RelatedIndex's inverted index, so the search is
// bounded; ranked by the index's partial scores, without the exact
// rescoring a related query does — same stories on the synthetic and ECB+
// sets, about twice as fast), scoring each distinct story once by the cosine between the document's vector
// and the story centroid (the sum of its members' vectors, truncated to
// `centroid_terms` terms) plus `entity_weight` times the overlap with the
// story's top entities. It joins the best story when that score reaches
// `threshold` and the story's last day lies within `window_days` of the
// document (unknown days always qualify); otherwise it starts a new story.
// A near-duplicate joins its original's story directly. Stories therefore
// grow over days as long as new documents keep arriving within the window.
// Centroid-linkage avoids the chaining of single-link clustering (Allan et
// al., "Topic detection and tracking pilot study", 1998, for the setting).
// Quality on ECB+: ecb_eval.h; behaviour: story_clusterer_test.cc.
//
// Memory: 4 bytes per document plus, per story, up to centroid_terms x 8
// and max_story_entities x 8 bytes.
//
// Thread-safety: const methods may run concurrently; Add() needs exclusive
// access, and the RelatedIndex must not change during Add().
#ifndef WIREWATCH_LINK_STORY_CLUSTERER_H_
#define WIREWATCH_LINK_STORY_CLUSTERER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "link/related_index.h"
#include "wirewatch/status.h"

namespace wirewatch::link {

struct StoryOptions {
  double threshold = 0.22;
  int64_t window_days = 7;
  size_t candidate_docs = 20;
  int centroid_terms = 128;
  int max_story_entities = 16;
  double entity_weight = 0.3;
  // Candidate search through the related index: stories live in a short
  // window, so the recent part of each posting list suffices.
  RelatedOptions::Pruning pruning = {10, 1000, 60};
  // true: rank the candidate documents by their exact related score
  // (RelatedIndex::Related); false: by the inverted index's partial scores
  // (RelatedIndex::RoughRelated), which skips the exact rescoring. Either
  // way the stories of the candidates are then scored exactly.
  bool rescore_candidates = false;
};

struct StoryInfo {
  uint32_t id = 0;
  uint32_t size = 0;
  uint32_t first_doc = 0;
  int64_t first_day = kUnknownDay;
  int64_t last_day = kUnknownDay;
};

class StoryClusterer {
 public:
  // REQUIRES: index outlives the clusterer.
  StoryClusterer(const RelatedIndex* index, StoryOptions options = {});

  // Assigns document `doc` (already added to the index; REQUIRES: doc ==
  // size()) to a story and returns the story id (dense, 0-based, in order of
  // creation).
  Result<uint32_t> Add(uint32_t doc);

  uint32_t size() const { return static_cast<uint32_t>(story_of_.size()); }
  uint32_t story(uint32_t doc) const { return story_of_[doc]; }
  uint32_t story_count() const { return static_cast<uint32_t>(info_.size()); }
  const StoryInfo& info(uint32_t story) const { return info_[story]; }
  // Top `terms` centroid terms and top `entities` entities, e.g.
  // "rehab, reid, promise | PER:Tara Reid".
  std::string Label(uint32_t story, int terms = 5, int entities = 3) const;
  size_t MemoryBytes() const;

 private:
  struct Centroid {
    std::vector<std::pair<uint32_t, float>> terms;     // by term id
    std::vector<std::pair<uint32_t, float>> entities;  // by entity id
    double norm = 0;
  };
  double StoryScore(uint32_t doc, uint32_t story) const;
  void Merge(uint32_t doc, uint32_t story);

  const RelatedIndex* index_;
  StoryOptions options_;
  RelatedIndex::Scratch scratch_;
  std::vector<RelatedHit> hits_;
  std::vector<uint32_t> story_of_;
  std::vector<StoryInfo> info_;
  std::vector<Centroid> centroid_;
  std::vector<std::pair<uint32_t, float>> merge_buf_;
  std::vector<uint32_t> stories_buf_;
};

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_STORY_CLUSTERER_H_
