// LinkState: the link stage's incremental state for one archive — related
// index (with near-duplicate groups) and story clusterer — kept by the
// ingest writer and by on-demand readers (api::ArchiveIndex).
//
// Load() rebuilds it from the store, adding every stored article in seq
// order exactly as ingest added it (same title, text, date, site, language
// and entity keys in the same order), so the rebuilt clustering equals the
// one computed at ingest and stored story ids stay valid across runs. Add()
// then links one newly stored article: its near-duplicate group and
// original (the earliest published member) and its story. WriteLinks() /
// WriteDirtyStories() put the results into the store (tables article_links
// and stories, schema 3); the caller owns the transaction.
//
// Layering: store <- link_state -> link; used by src/ingest (the pipeline)
// and src/api (ArchiveIndex), so neither depends on the other.
//
// Memory: about 1 KB per article (RelatedIndex + clusterer, see
// docs/benchmarks.md) plus 8 bytes per article for its seq. No texts
// are kept.
//
// Thread-safety: not thread-safe; one writer (the ingest writer thread).
#ifndef WIREWATCH_INGEST_LINK_STATE_H_
#define WIREWATCH_INGEST_LINK_STATE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "link/link_doc.h"
#include "link/related_index.h"
#include "link/story_clusterer.h"
#include "store/store.h"
#include "wirewatch/status.h"

namespace wirewatch::ingest {

// "YYYY-MM-DD" of a day number, "" for link::kUnknownDay.
std::string FormatIsoDay(int64_t day);

// The link view of one stored article. Views point into `src`.
link::LinkDoc MakeLinkDoc(uint32_t doc, const store::LinkSource& src);

// Entity keys of an analysis in the order the store returns them
// (ForEachLinkSource: most mentions first, ties by key; one per key).
std::vector<std::string> OrderedEntityKeys(
    const analyze::ArticleAnalysis& analysis);

class LinkState {
 public:
  LinkState();

  // Rebuilds the state from every article of `store`. When `backfill`, also
  // makes the stored links equal the rebuilt ones, in one transaction:
  // article_links rows that are missing (an archive from schema 2, a
  // --no-link run) or differ (the clustering changed since) are rewritten,
  // and then every story row; relinked() tells how many articles that was.
  static Result<std::unique_ptr<LinkState>> Load(store::Store* store,
                                                 bool backfill);

  // Links the article stored at `seq` (REQUIRES: seq greater than every seq
  // added so far). Entity keys in OrderedEntityKeys order.
  Result<store::ArticleLink> Add(int64_t seq, const link::LinkDoc& doc);

  // Writes the article_links row for the last Add() and, when the article
  // became the new original of an existing group, re-points the group.
  Status WriteLastLink(store::Store* store);
  // Writes the stories touched since the last call.
  Status WriteDirtyStories(store::Store* store);

  uint32_t size() const { return static_cast<uint32_t>(seq_.size()); }
  int64_t seq(uint32_t doc) const { return seq_[doc]; }
  const link::RelatedIndex& related() const { return *related_; }
  const link::StoryClusterer& stories() const { return *stories_; }
  store::StoryRow StoryRowOf(uint32_t story) const;
  store::ArticleLink LinkOf(uint32_t doc) const;
  size_t relinked() const { return relinked_; }
  size_t MemoryBytes() const;

 private:
  std::unique_ptr<link::RelatedIndex> related_;
  std::unique_ptr<link::StoryClusterer> stories_;
  std::vector<int64_t> seq_;  // by dense doc number, ascending
  std::vector<uint32_t> dirty_;  // stories touched since the last write
  store::ArticleLink last_;
  bool last_new_original_ = false;  // last_ re-points its group
  size_t relinked_ = 0;
};

}  // namespace wirewatch::ingest

#endif  // WIREWATCH_INGEST_LINK_STATE_H_
