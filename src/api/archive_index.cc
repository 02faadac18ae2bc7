#include "api/archive_index.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace wirewatch::api {

std::string_view ContentTypeId(std::string_view format) {
  if (format == "html") return "1";
  if (format == "scraped_text") return "2";
  return "3";
}

Result<std::unique_ptr<ArchiveIndex>> ArchiveIndex::Build(store::Store* store) {
  std::unique_ptr<ArchiveIndex> index(new ArchiveIndex());
  index->links_ = std::make_unique<ingest::LinkState>();
  index->search_ = std::make_unique<link::SearchIndex>();
  RETURN_IF_ERROR(store->ForEachLinkSource([&](const store::LinkSource& src) {
    ArchiveDoc d;
    d.seq = src.seq;
    d.id = src.id;
    d.title = src.title;
    d.text = src.text;
    d.site = src.site;
    d.lang = src.lang;
    d.image = src.image;
    d.published = src.published;
    d.format = src.format;
    d.entity_keys.assign(src.entity_keys.begin(), src.entity_keys.end());
    link::LinkDoc ld =
        ingest::MakeLinkDoc(static_cast<uint32_t>(index->docs_.size()), src);
    RETURN_IF_ERROR(index->links_->Add(src.seq, ld).status());
    RETURN_IF_ERROR(index->search_->Add(ld));
    index->docs_.push_back(std::move(d));
    return Status::Ok();
  }));
  index->by_id_.reserve(index->docs_.size());
  for (size_t i = 0; i < index->docs_.size(); ++i)
    index->by_id_.emplace(index->docs_[i].id, static_cast<uint32_t>(i));
  return index;
}

const ArchiveDoc* ArchiveIndex::FindDoc(std::string_view id_or_seq) const {
  // An id first (a hash lookup: this runs on every API request), then a seq.
  auto by_id = by_id_.find(id_or_seq);
  if (by_id != by_id_.end()) return &docs_[by_id->second];
  int64_t seq = 0;
  auto [p, ec] = std::from_chars(id_or_seq.data(),
                                 id_or_seq.data() + id_or_seq.size(), seq);
  if (ec != std::errc() || p != id_or_seq.data() + id_or_seq.size())
    return nullptr;
  // seq is ascending in docs_.
  auto it = std::lower_bound(
      docs_.begin(), docs_.end(), seq,
      [](const ArchiveDoc& d, int64_t s) { return d.seq < s; });
  return it != docs_.end() && it->seq == seq ? &*it : nullptr;
}

Result<std::vector<RelatedItem>> ArchiveIndex::Related(
    std::string_view id_or_seq, size_t k) const {
  const ArchiveDoc* d = FindDoc(id_or_seq);
  if (!d)
    return Status::NotFound("no article with id or seq '" +
                            std::string(id_or_seq) + "'");
  link::RelatedOptions opt;
  opt.k = k;
  link::RelatedIndex::Scratch scratch;
  std::vector<link::RelatedHit> hits;
  links_->related().Related(static_cast<uint32_t>(d - docs_.data()), opt,
                            &scratch, &hits);
  std::vector<RelatedItem> out;
  for (const auto& h : hits) {
    const ArchiveDoc& r = docs_[h.doc];
    out.push_back({r.id, std::to_string(r.seq),
                   std::string(ContentTypeId(r.format)), r.image, r.title});
  }
  return out;
}

Result<SearchResponse> ArchiveIndex::Search(std::string_view query,
                                            size_t k) const {
  link::SearchOptions opt;
  opt.k = k;
  ASSIGN_OR_RETURN(link::SearchResult r, search_->Search(query, opt));
  SearchResponse out;
  out.total = r.total;
  out.sites = std::move(r.sites);
  out.entities = std::move(r.entities);
  out.months = std::move(r.months);
  for (const auto& h : r.hits) {
    const ArchiveDoc& d = docs_[h.doc];
    out.hits.push_back(
        {&d, h.score, link::MakeSnippet(d.text, d.lang, r.highlight_terms)});
  }
  return out;
}

std::vector<StorySummary> ArchiveIndex::Stories(size_t limit) const {
  std::vector<StorySummary> out;
  const link::StoryClusterer& stories = links_->stories();
  for (uint32_t s = 0; s < stories.story_count(); ++s) {
    const link::StoryInfo& info = stories.info(s);
    StorySummary sum;
    sum.id = s;
    sum.size = info.size;
    sum.first_date = ingest::FormatIsoDay(info.first_day);
    sum.last_date = ingest::FormatIsoDay(info.last_day);
    sum.label = stories.Label(s);
    sum.first_seq = docs_[info.first_doc].seq;
    sum.first_title = docs_[info.first_doc].title;
    out.push_back(std::move(sum));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const StorySummary& a, const StorySummary& b) {
                     return a.size > b.size;
                   });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace wirewatch::api
