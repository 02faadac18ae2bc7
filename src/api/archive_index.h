// ArchiveIndex: the link-stage structures of an archive — related articles
// with near-duplicate folding, story clusters and the full-text search
// index — built from the Store, which stays the one source of truth (the
// index can always be rebuilt from it).
//
// Build() reads every article (text, dates, site, language, entity keys) in
// ingest order and adds it to an ingest::LinkState (related index and story
// clusterer: the same code and order as the ingest writer, so the stories
// equal the stored ones) and a link::SearchIndex. Memory: the article
// texts (for snippets) plus about 1 KB per article of link structures.
//
// Thread-safety: after Build(), const methods may be called from any number
// of threads, each with its own QueryScratch.
#ifndef WIREWATCH_API_ARCHIVE_INDEX_H_
#define WIREWATCH_API_ARCHIVE_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/link_state.h"
#include "link/related_index.h"
#include "link/search_index.h"
#include "link/story_clusterer.h"
#include "store/store.h"
#include "wirewatch/article.h"
#include "wirewatch/status.h"

namespace wirewatch::api {

// The widget's `contenttypeid` by input format: "1" an HTML page, "2" a
// scraped-text page, "3" a text body (JSON Lines). Documented in
// docs/record-format.md.
std::string_view ContentTypeId(std::string_view format);

struct ArchiveDoc {
  int64_t seq = 0;
  std::string id, title, text, site, lang, image, published, format;
  std::vector<std::string> entity_keys;
};

struct StorySummary {
  uint32_t id = 0;
  uint32_t size = 0;
  std::string first_date, last_date;  // "YYYY-MM-DD", empty if unknown
  std::string label;                  // key terms | entities
  int64_t first_seq = 0;              // the story's first article
  std::string first_title;
};

struct SearchHitView {
  const ArchiveDoc* doc = nullptr;  // valid while the index lives
  double score = 0;
  std::string snippet;  // HTML-escaped, terms in <b></b>
};

struct SearchResponse {
  size_t total = 0;
  std::vector<SearchHitView> hits;
  std::vector<link::Facet> sites, entities, months;
};

class ArchiveIndex {
 public:
  static Result<std::unique_ptr<ArchiveIndex>> Build(store::Store* store);

  size_t size() const { return docs_.size(); }
  const ArchiveDoc* FindDoc(std::string_view id_or_seq) const;
  // Every article, in ascending seq order; valid while the index lives.
  const std::vector<ArchiveDoc>& docs() const { return docs_; }

  // The related widget for an article: up to k items in the seed's shape
  // (id = article id, sort = seq, contenttypeid, pic = lead image, title),
  // ranked among articles published before (or within a day after) it,
  // without near-duplicates of it or of each other. NotFound for an unknown
  // id.
  Result<std::vector<RelatedItem>> Related(std::string_view id_or_seq,
                                           size_t k) const;

  // BM25 search; see link::ParseQuery for the syntax.
  Result<SearchResponse> Search(std::string_view query, size_t k) const;

  // Stories, largest first.
  std::vector<StorySummary> Stories(size_t limit) const;

 private:
  ArchiveIndex() = default;
  std::vector<ArchiveDoc> docs_;  // dense doc number = position
  std::unique_ptr<ingest::LinkState> links_;  // related index + stories
  // Article id -> position in docs_. Keys view docs_[i].id, which never
  // moves after Build.
  std::unordered_map<std::string_view, uint32_t> by_id_;
  std::unique_ptr<link::SearchIndex> search_;
};

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_ARCHIVE_INDEX_H_
