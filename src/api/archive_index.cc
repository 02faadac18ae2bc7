#include "api/archive_index.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "analyze/calendar.h"

namespace wirewatch::api {

std::string_view ContentTypeId(std::string_view format) {
  if (format == "html") return "1";
  if (format == "scraped_text") return "2";
  return "3";
}

namespace {

std::string DayString(int64_t day) {
  if (day == link::kUnknownDay) return "";
  int y, m, d;
  analyze::CivilFromDays(day, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

Result<std::unique_ptr<ArchiveIndex>> ArchiveIndex::Build(store::Store* store) {
  std::unique_ptr<ArchiveIndex> index(new ArchiveIndex());
  std::unordered_map<int64_t, size_t> by_seq;
  RETURN_IF_ERROR(store->ForEachArticle([&](const Article& a, int64_t seq) {
    ArchiveDoc d;
    d.seq = seq;
    d.id = a.id;
    d.title = a.title;
    d.text = a.Text();
    d.site = a.site;
    d.lang = a.lang;
    d.image = a.image;
    d.published = a.published.value;
    d.format = a.format;
    by_seq[seq] = index->docs_.size();
    index->docs_.push_back(std::move(d));
    return Status::Ok();
  }));
  RETURN_IF_ERROR(
      store->ForEachArticleEntity([&](int64_t seq, std::string_view key) {
        auto it = by_seq.find(seq);
        if (it != by_seq.end())
          index->docs_[it->second].entity_keys.emplace_back(key);
      }));

  index->related_ = std::make_unique<link::RelatedIndex>();
  index->stories_ = std::make_unique<link::StoryClusterer>(index->related_.get());
  index->search_ = std::make_unique<link::SearchIndex>();
  index->by_id_.reserve(index->docs_.size());
  for (size_t i = 0; i < index->docs_.size(); ++i) {
    const ArchiveDoc& d = index->docs_[i];
    index->by_id_.emplace(d.id, static_cast<uint32_t>(i));
    link::LinkDoc ld;
    ld.doc = static_cast<uint32_t>(i);
    ld.title = d.title;
    ld.text = d.text;
    int64_t day;
    if (d.published.size() >= 10 && link::ParseIsoDay(d.published.substr(0, 10), &day))
      ld.published_day = day;
    ld.site = d.site;
    ld.lang = d.lang;
    ld.entities = d.entity_keys;
    RETURN_IF_ERROR(index->related_->Add(ld).status());
    RETURN_IF_ERROR(index->stories_->Add(ld.doc).status());
    RETURN_IF_ERROR(index->search_->Add(ld));
  }
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
  related_->Related(static_cast<uint32_t>(d - docs_.data()), opt, &scratch,
                    &hits);
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
  for (uint32_t s = 0; s < stories_->story_count(); ++s) {
    const link::StoryInfo& info = stories_->info(s);
    StorySummary sum;
    sum.id = s;
    sum.size = info.size;
    sum.first_date = DayString(info.first_day);
    sum.last_date = DayString(info.last_day);
    sum.label = stories_->Label(s);
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
