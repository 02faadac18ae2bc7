#include "ingest/link_state.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analyze/calendar.h"
#include "link/search_index.h"

namespace wirewatch::ingest {

std::string FormatIsoDay(int64_t day) {
  if (day == link::kUnknownDay) return "";
  int y, m, d;
  analyze::CivilFromDays(day, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

link::LinkDoc MakeLinkDoc(uint32_t doc, const store::LinkSource& src) {
  link::LinkDoc ld;
  ld.doc = doc;
  ld.title = src.title;
  ld.text = src.text;
  int64_t day;
  if (src.published.size() >= 10 &&
      link::ParseIsoDay(src.published.substr(0, 10), &day))
    ld.published_day = day;
  ld.site = src.site;
  ld.lang = src.lang;
  ld.entities = src.entity_keys;
  return ld;
}

std::vector<std::string> OrderedEntityKeys(
    const analyze::ArticleAnalysis& analysis) {
  // The store keeps one row per key (INSERT OR REPLACE: the last entity with
  // that key wins) and returns them by mentions, then key.
  std::map<std::string, size_t> mentions;
  for (const analyze::Entity& e : analysis.entities.entities)
    mentions[e.key] = e.mentions.size();
  std::vector<std::pair<size_t, std::string>> v;
  v.reserve(mentions.size());
  for (auto& [k, n] : mentions) v.emplace_back(n, k);
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return a.second < b.second;
  });
  std::vector<std::string> out;
  out.reserve(v.size());
  for (auto& p : v) out.push_back(std::move(p.second));
  return out;
}

LinkState::LinkState()
    : related_(std::make_unique<link::RelatedIndex>()),
      stories_(std::make_unique<link::StoryClusterer>(related_.get())) {}

Result<std::unique_ptr<LinkState>> LinkState::Load(store::Store* store,
                                                   bool backfill) {
  auto state = std::make_unique<LinkState>();
  RETURN_IF_ERROR(store->ForEachLinkSource([&](const store::LinkSource& src) {
    return state->Add(src.seq, MakeLinkDoc(state->size(), src)).status();
  }));
  state->dirty_.clear();
  if (!backfill) return state;
  // Stored links must equal the rebuilt ones: rows are missing for an
  // archive from schema 2 or ingested with --no-link, and differ when the
  // clustering code or options changed since they were written.
  std::vector<uint32_t> stale;
  uint32_t doc = 0;
  RETURN_IF_ERROR(store->ForEachArticleLink([&](const store::ArticleLink& l) {
    while (doc < state->size() && state->seq_[doc] < l.seq)
      stale.push_back(doc++);  // no row
    if (doc < state->size() && state->seq_[doc] == l.seq) {
      const store::ArticleLink want = state->LinkOf(doc);
      if (want.dup_group_seq != l.dup_group_seq ||
          want.dup_original_seq != l.dup_original_seq ||
          want.story_id != l.story_id)
        stale.push_back(doc);
      ++doc;
    }
  }));
  while (doc < state->size()) stale.push_back(doc++);
  state->relinked_ = stale.size();
  if (stale.empty()) return state;
  RETURN_IF_ERROR(store->BeginBatch());
  Status st;
  for (size_t i = 0; i < stale.size() && st.ok(); ++i)
    st = store->PutArticleLink(state->LinkOf(stale[i]));
  if (st.ok()) st = store->DeleteStories();
  for (uint32_t s = 0; s < state->stories_->story_count() && st.ok(); ++s)
    st = store->PutStory(state->StoryRowOf(s));
  if (!st.ok()) {
    (void)store->RollbackBatch();
    return st;
  }
  RETURN_IF_ERROR(store->CommitBatch());
  return state;
}

store::ArticleLink LinkState::LinkOf(uint32_t doc) const {
  const link::NearDupIndex& nd = related_->near_dups();
  return {seq_[doc], seq_[nd.group(doc)], seq_[nd.original(doc)],
          stories_->story(doc)};
}

Result<store::ArticleLink> LinkState::Add(int64_t seq,
                                          const link::LinkDoc& doc) {
  if (!seq_.empty() && seq <= seq_.back())
    return Status::InvalidArgument("link state: seq " + std::to_string(seq) +
                                   " is not after " +
                                   std::to_string(seq_.back()));
  link::LinkDoc d = doc;
  d.doc = size();
  ASSIGN_OR_RETURN(link::AddInfo info, related_->Add(d));
  seq_.push_back(seq);
  ASSIGN_OR_RETURN(uint32_t story, stories_->Add(d.doc));
  if (dirty_.empty() || dirty_.back() != story) dirty_.push_back(story);
  last_ = {seq, seq_[info.dup_group], seq_[info.original], story};
  // The original changes only to a newly added, earlier-published copy.
  last_new_original_ = info.original == d.doc && info.dup_group != d.doc;
  return last_;
}

Status LinkState::WriteLastLink(store::Store* store) {
  RETURN_IF_ERROR(store->PutArticleLink(last_));
  if (last_new_original_)
    RETURN_IF_ERROR(store->SetDupOriginal(last_.dup_group_seq, last_.seq));
  return Status::Ok();
}

Status LinkState::WriteDirtyStories(store::Store* store) {
  std::sort(dirty_.begin(), dirty_.end());
  dirty_.erase(std::unique(dirty_.begin(), dirty_.end()), dirty_.end());
  for (uint32_t s : dirty_) RETURN_IF_ERROR(store->PutStory(StoryRowOf(s)));
  dirty_.clear();
  return Status::Ok();
}

store::StoryRow LinkState::StoryRowOf(uint32_t story) const {
  const link::StoryInfo& info = stories_->info(story);
  store::StoryRow r;
  r.id = story;
  r.label = stories_->Label(story);
  r.size = info.size;
  r.first_day = FormatIsoDay(info.first_day);
  r.last_day = FormatIsoDay(info.last_day);
  r.first_seq = seq_[info.first_doc];
  return r;
}

size_t LinkState::MemoryBytes() const {
  return related_->MemoryBytes() + stories_->MemoryBytes() +
         seq_.capacity() * sizeof(int64_t);
}

}  // namespace wirewatch::ingest
