#include "link/story_clusterer.h"

#include <algorithm>
#include <cmath>

namespace wirewatch::link {
namespace {

using Weighted = std::pair<uint32_t, float>;

// Keeps the `limit` heaviest entries of `v`, sorted by id again.
void Truncate(std::vector<Weighted>* v, size_t limit) {
  if (v->size() <= limit) return;
  std::nth_element(v->begin(), v->begin() + limit, v->end(),
                   [](const Weighted& a, const Weighted& b) {
                     if (a.second != b.second) return a.second > b.second;
                     return a.first < b.first;
                   });
  v->resize(limit);
  std::sort(v->begin(), v->end());
}

std::vector<Weighted> TopByWeight(const std::vector<Weighted>& v, size_t n) {
  std::vector<Weighted> top(v);
  std::sort(top.begin(), top.end(), [](const Weighted& a, const Weighted& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first < b.first;
  });
  if (top.size() > n) top.resize(n);
  return top;
}

}  // namespace

StoryClusterer::StoryClusterer(const RelatedIndex* index, StoryOptions options)
    : index_(index), options_(options) {}

double StoryClusterer::StoryScore(uint32_t doc, uint32_t story) const {
  const Centroid& c = centroid_[story];
  auto terms = index_->vector_terms(doc);
  auto weights = index_->vector_weights(doc);
  size_t i = 0, j = 0;
  double dot = 0;
  while (i < terms.size() && j < c.terms.size()) {
    if (terms[i] < c.terms[j].first) {
      ++i;
    } else if (c.terms[j].first < terms[i]) {
      ++j;
    } else {
      dot += weights[i] / RelatedIndex::kWeightScale * c.terms[j].second;
      ++i;
      ++j;
    }
  }
  double score = c.norm > 0 ? dot / c.norm : 0;
  auto ents = index_->entity_ids(doc);
  if (options_.entity_weight > 0 && !ents.empty() && !c.entities.empty()) {
    size_t common = 0;
    for (uint32_t e : ents) {
      auto it = std::lower_bound(c.entities.begin(), c.entities.end(),
                                 Weighted{e, 0.0f},
                                 [](const Weighted& a, const Weighted& b) {
                                   return a.first < b.first;
                                 });
      common += it != c.entities.end() && it->first == e;
    }
    score += options_.entity_weight * static_cast<double>(common) /
             std::sqrt(static_cast<double>(ents.size()) * c.entities.size());
  }
  return score;
}

void StoryClusterer::Merge(uint32_t doc, uint32_t story) {
  Centroid& c = centroid_[story];
  auto terms = index_->vector_terms(doc);
  auto weights = index_->vector_weights(doc);
  merge_buf_.clear();
  size_t i = 0, j = 0;
  while (i < terms.size() || j < c.terms.size()) {
    if (j == c.terms.size() ||
        (i < terms.size() && terms[i] < c.terms[j].first)) {
      merge_buf_.push_back({terms[i], weights[i] / RelatedIndex::kWeightScale});
      ++i;
    } else if (i == terms.size() || c.terms[j].first < terms[i]) {
      merge_buf_.push_back(c.terms[j]);
      ++j;
    } else {
      merge_buf_.push_back(
          {terms[i], c.terms[j].second + weights[i] / RelatedIndex::kWeightScale});
      ++i;
      ++j;
    }
  }
  Truncate(&merge_buf_, static_cast<size_t>(options_.centroid_terms));
  c.terms.assign(merge_buf_.begin(), merge_buf_.end());
  double norm = 0;
  for (const Weighted& t : c.terms) norm += static_cast<double>(t.second) * t.second;
  c.norm = std::sqrt(norm);
  for (uint32_t e : index_->entity_ids(doc)) {
    auto it = std::lower_bound(c.entities.begin(), c.entities.end(),
                               Weighted{e, 0.0f},
                               [](const Weighted& a, const Weighted& b) {
                                 return a.first < b.first;
                               });
    if (it != c.entities.end() && it->first == e) {
      it->second += 1.0f;
    } else {
      c.entities.insert(it, {e, 1.0f});
    }
  }
  Truncate(&c.entities, static_cast<size_t>(options_.max_story_entities));

  StoryInfo& info = info_[story];
  ++info.size;
  const int64_t day = index_->published_day(doc);
  if (day != kUnknownDay) {
    if (info.first_day == kUnknownDay || day < info.first_day) info.first_day = day;
    if (info.last_day == kUnknownDay || day > info.last_day) info.last_day = day;
  }
  story_of_.push_back(story);
}

Result<uint32_t> StoryClusterer::Add(uint32_t doc) {
  if (doc != size() || doc >= index_->size()) {
    return Status::InvalidArgument("stories: document " + std::to_string(doc) +
                                   " out of order or not indexed");
  }
  const uint32_t group = index_->near_dups().group(doc);
  if (group != doc) {
    const uint32_t story = story_of_[group];
    Merge(doc, story);
    return story;
  }
  RelatedOptions ro;
  ro.k = options_.candidate_docs;
  ro.time_filter = RelatedOptions::TimeFilter::kIngestedBefore;
  ro.exclude_near_dups = false;
  ro.entity_weight = options_.entity_weight;
  ro.half_life_days = 0;
  ro.pruning = options_.pruning;
  if (options_.rescore_candidates) {
    index_->Related(doc, ro, &scratch_, &hits_);
  } else {
    index_->RoughRelated(doc, ro, &scratch_, &hits_);
  }
  const int64_t day = index_->published_day(doc);
  // Each candidate story is scored once (several candidates often share one).
  stories_buf_.clear();
  for (const RelatedHit& h : hits_) stories_buf_.push_back(story_of_[h.doc]);
  std::sort(stories_buf_.begin(), stories_buf_.end());
  stories_buf_.erase(std::unique(stories_buf_.begin(), stories_buf_.end()),
                     stories_buf_.end());
  double best = -1;
  uint32_t best_story = 0;
  for (const uint32_t s : stories_buf_) {
    const StoryInfo& info = info_[s];
    if (day != kUnknownDay && info.last_day != kUnknownDay &&
        (day - info.last_day > options_.window_days ||
         info.first_day - day > options_.window_days)) {
      continue;
    }
    double score = StoryScore(doc, s);
    if (score > best || (score == best && s < best_story)) {
      best = score;
      best_story = s;
    }
  }
  if (best < options_.threshold) {
    best_story = static_cast<uint32_t>(info_.size());
    StoryInfo info;
    info.id = best_story;
    info.first_doc = doc;
    info_.push_back(info);
    centroid_.emplace_back();
  }
  Merge(doc, best_story);
  return best_story;
}

std::string StoryClusterer::Label(uint32_t story, int terms,
                                  int entities) const {
  const Centroid& c = centroid_[story];
  std::string out;
  for (const Weighted& t : TopByWeight(c.terms, static_cast<size_t>(terms))) {
    if (!out.empty()) out += ", ";
    out += index_->terms().Text(t.first);
  }
  bool first = true;
  for (const Weighted& e :
       TopByWeight(c.entities, static_cast<size_t>(entities))) {
    out += first ? " | " : ", ";
    first = false;
    out += index_->entities().Text(e.first);
  }
  return out;
}

size_t StoryClusterer::MemoryBytes() const {
  size_t bytes = story_of_.capacity() * 4 + info_.capacity() * sizeof(StoryInfo) +
                 centroid_.capacity() * sizeof(Centroid);
  for (const Centroid& c : centroid_) {
    bytes += (c.terms.capacity() + c.entities.capacity()) * sizeof(Weighted);
  }
  return bytes;
}

}  // namespace wirewatch::link
