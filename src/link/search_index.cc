#include "link/search_index.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/ascii.h"
#include "base/hash.h"

namespace wirewatch::link {
namespace {

constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();
constexpr uint32_t kNone = Vocabulary::kNone;

void PutVarint(uint32_t v, std::vector<uint8_t>* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<uint8_t>(v));
}

// Sorted-set helpers (inputs ascending and unique).
void IntersectInto(const std::vector<uint32_t>& a, std::vector<uint32_t>* b) {
  std::vector<uint32_t> out;
  out.reserve(std::min(a.size(), b->size()));
  std::set_intersection(a.begin(), a.end(), b->begin(), b->end(),
                        std::back_inserter(out));
  b->swap(out);
}

void SubtractFrom(const std::vector<uint32_t>& a, std::vector<uint32_t>* b) {
  std::vector<uint32_t> out;
  out.reserve(b->size());
  std::set_difference(b->begin(), b->end(), a.begin(), a.end(),
                      std::back_inserter(out));
  b->swap(out);
}

void UnionInto(const std::vector<uint32_t>& a, std::vector<uint32_t>* b) {
  std::vector<uint32_t> out;
  out.reserve(a.size() + b->size());
  std::set_union(a.begin(), a.end(), b->begin(), b->end(),
                 std::back_inserter(out));
  b->swap(out);
}

template <typename Map>
uint32_t Intern(std::string_view key, Map* ids, std::vector<std::string>* names) {
  auto it = ids->find(std::string(key));
  if (it != ids->end()) return it->second;
  uint32_t id = static_cast<uint32_t>(names->size());
  ids->emplace(std::string(key), id);
  names->emplace_back(key);
  return id;
}

void TopFacets(const std::vector<uint32_t>& counts,
               const std::vector<std::string>& names, size_t n,
               std::vector<Facet>* out) {
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0) ids.push_back(i);
  }
  auto better = [&](uint32_t a, uint32_t b) {
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return names[a] < names[b];
  };
  size_t keep = std::min(n, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + keep, ids.end(), better);
  for (size_t i = 0; i < keep; ++i) out->push_back({names[ids[i]], counts[ids[i]]});
}

}  // namespace

bool ParseIsoDay(std::string_view s, int64_t* day) {
  // YYYY-MM-DD, YYYY-MM (first day) or YYYY (January 1st).
  auto num = [&](size_t b, size_t n, int* v) {
    if (s.size() < b + n) return false;
    *v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      *v = *v * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0, m = 1, d = 1;
  if (!num(0, 4, &y)) return false;
  if (s.size() > 4 && (s[4] != '-' || !num(5, 2, &m))) return false;
  if (s.size() > 7 && (s[7] != '-' || !num(8, 2, &d) || s.size() != 10)) return false;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *day = DaysFromCivil(y, m, d);
  return true;
}

std::string MonthOfDay(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u", static_cast<long long>(y), m);
  return buf;
}

Result<Query> ParseQuery(std::string_view text, std::string_view lang) {
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("query longer than " +
                                   std::to_string(kMaxQueryBytes) + " bytes");
  }
  Analyzer analyzer;
  Query q;
  size_t clauses = 0;
  bool pending_or = false;
  size_t i = 0;
  auto space = [&](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    if (i >= text.size()) break;
    bool negate = false;
    if (text[i] == '-') {
      negate = true;
      ++i;
    }
    // Field name?
    std::string_view field;
    size_t colon = i;
    while (colon < text.size() && std::isalpha(static_cast<unsigned char>(text[colon]))) ++colon;
    if (colon < text.size() && text[colon] == ':' && colon > i) {
      field = text.substr(i, colon - i);
      i = colon + 1;
    }
    // Value: quoted or up to whitespace.
    std::string_view value;
    bool quoted = false;
    if (i < text.size() && text[i] == '"') {
      size_t e = text.find('"', i + 1);
      if (e == std::string_view::npos) e = text.size();
      value = text.substr(i + 1, e - i - 1);
      i = std::min(text.size(), e + 1);
      quoted = true;
    } else {
      size_t e = i;
      while (e < text.size() && !space(text[e])) ++e;
      value = text.substr(i, e - i);
      i = e;
    }
    if (!field.empty()) {
      std::string f = AsciiLower(field);
      if (f == "site") {
        q.sites.push_back(AsciiLower(value));
        continue;
      } else if (f == "lang") {
        q.langs.push_back(AsciiLower(value));
        continue;
      } else if (f == "entity") {
        q.entities.push_back(AsciiLower(value));
        continue;
      } else if (f == "from" || f == "to") {
        int64_t day;
        if (!ParseIsoDay(value, &day)) {
          return Status::InvalidArgument("bad date in query: " + std::string(value));
        }
        if (f == "from") {
          q.from_day = day;
        } else {
          // to:YYYY-MM covers the whole month, to:YYYY the whole year.
          if (value.size() == 7) {
            int64_t next;
            int y = std::stoi(std::string(value.substr(0, 4)));
            int m = std::stoi(std::string(value.substr(5, 2)));
            next = m == 12 ? DaysFromCivil(y + 1, 1, 1)
                           : DaysFromCivil(y, m + 1, 1);
            day = next - 1;
          } else if (value.size() == 4) {
            day = DaysFromCivil(std::stoi(std::string(value)) + 1, 1, 1) - 1;
          }
          q.to_day = day;
        }
        continue;
      }
      // Unknown field: treat "field:value" as words.
      value = text.substr(field.data() - text.data(),
                          value.data() + value.size() - field.data());
    }
    if (!quoted && !negate && value == "OR") {
      pending_or = !q.groups.empty();
      continue;
    }
    if (!quoted && !negate && value == "AND") continue;
    if (!quoted && !negate && value == "NOT") {
      // Applies to the next clause: re-enter with a '-' marker.
      while (i < text.size() && space(text[i])) ++i;
      if (i < text.size() && text[i] != '-') {
        // Parse the next word as a negated clause.
        size_t e = i;
        std::string_view next;
        if (text[i] == '"') {
          e = text.find('"', i + 1);
          if (e == std::string_view::npos) e = text.size();
          next = text.substr(i + 1, e - i - 1);
          i = std::min(text.size(), e + 1);
          quoted = true;
        } else {
          while (e < text.size() && !space(text[e])) ++e;
          next = text.substr(i, e - i);
          i = e;
        }
        value = next;
        negate = true;
      } else {
        continue;
      }
    }
    QueryClause c;
    if (quoted) {
      const AnalyzedText& at = analyzer.Analyze(value, lang);
      if (at.tokens.empty()) continue;
      c.kind = at.tokens.size() == 1 ? QueryClause::Kind::kTerm
                                     : QueryClause::Kind::kPhrase;
      for (const Token& t : at.tokens) {
        c.terms.emplace_back(at.Term(t));
        c.offsets.push_back(t.position - at.tokens[0].position);
      }
    } else {
      bool prefix = !value.empty() && value.back() == '*';
      if (prefix) value.remove_suffix(1);
      const AnalyzedText& at = analyzer.Analyze(value, lang);
      if (at.tokens.empty()) continue;
      if (prefix && at.tokens.size() == 1) {
        // Prefixes are folded but not stemmed.
        std::string folded;
        Analyzer::Options o;
        o.stem = false;
        Analyzer raw(o);
        const AnalyzedText& rt = raw.Analyze(value, lang);
        if (rt.tokens.empty()) continue;
        c.kind = QueryClause::Kind::kPrefix;
        c.terms.emplace_back(rt.Term(rt.tokens[0]));
      } else if (at.tokens.size() == 1) {
        c.terms.emplace_back(at.Term(at.tokens[0]));
      } else {  // "e-mail", "U.S." -> a phrase of the parts
        c.kind = QueryClause::Kind::kPhrase;
        for (const Token& t : at.tokens) {
          c.terms.emplace_back(at.Term(t));
          c.offsets.push_back(t.position - at.tokens[0].position);
        }
      }
    }
    if (++clauses > kMaxClauses) {
      return Status::InvalidArgument("query has more than " +
                                     std::to_string(kMaxClauses) + " clauses");
    }
    if (negate) {
      q.excluded.push_back(std::move(c));
    } else if (pending_or) {
      q.groups.back().push_back(std::move(c));
      pending_or = false;
    } else {
      q.groups.push_back({std::move(c)});
    }
  }
  return q;
}

SearchIndex::SearchIndex() = default;

Status SearchIndex::Add(const LinkDoc& doc) {
  if (doc.doc != size()) {
    return Status::InvalidArgument("search: document " + std::to_string(doc.doc) +
                                   " added out of order");
  }
  joined_.assign(doc.title);
  joined_.push_back('\n');
  joined_.append(doc.text);
  const AnalyzedText& at = analyzer_.Analyze(joined_, doc.lang);
  term_pos_.clear();
  for (const Token& t : at.tokens) {
    std::string_view term = at.Term(t);
    const uint32_t before = terms_.size();
    uint32_t id = terms_.GetOrAdd(t.hash, term);
    if (id == before) ordered_terms_.emplace(std::string(term), id);
    term_pos_.push_back({id, t.position});
  }
  if (postings_.size() < terms_.size()) postings_.resize(terms_.size());
  std::sort(term_pos_.begin(), term_pos_.end());
  for (size_t i = 0; i < term_pos_.size();) {
    size_t j = i;
    PostingList& p = postings_[term_pos_[i].first];
    p.docs.push_back(doc.doc);
    p.pos_begin.push_back(static_cast<uint32_t>(p.pos.size()));
    uint32_t last = 0;
    while (j < term_pos_.size() && term_pos_[j].first == term_pos_[i].first) {
      PutVarint(term_pos_[j].second - last, &p.pos);
      last = term_pos_[j].second;
      ++j;
    }
    p.tfs.push_back(static_cast<uint16_t>(std::min<size_t>(j - i, 65535)));
    terms_.AddDf(term_pos_[i].first);
    i = j;
  }
  length_.push_back(static_cast<uint32_t>(at.tokens.size()));
  total_length_ += at.tokens.size();
  day_.push_back(doc.published_day == kUnknownDay
                     ? kNoDay
                     : static_cast<int32_t>(std::clamp<int64_t>(
                           doc.published_day, -10000000, 10000000)));
  site_.push_back(Intern(AsciiLower(doc.site), &site_ids_, &site_names_));
  lang_.push_back(lang_names_.size() < 255 ||
                          lang_ids_.count(AsciiLower(doc.lang))
                      ? static_cast<uint8_t>(Intern(AsciiLower(doc.lang),
                                                    &lang_ids_, &lang_names_))
                      : 255);
  const size_t start = ent_.size();
  for (const std::string& e : doc.entities) {
    uint32_t id = Intern(AsciiLower(e), &entity_ids_, &entity_names_);
    if (std::find(ent_.begin() + start, ent_.end(), id) == ent_.end()) {
      ent_.push_back(id);
    }
  }
  std::sort(ent_.begin() + start, ent_.end());
  ent_begin_.push_back(static_cast<uint32_t>(ent_.size()));
  return Status::Ok();
}

void SearchIndex::Positions(uint32_t term, size_t i,
                            std::vector<uint32_t>* out) const {
  const PostingList& p = postings_[term];
  out->clear();
  size_t at = p.pos_begin[i];
  uint32_t last = 0;
  for (uint16_t k = 0; k < p.tfs[i]; ++k) {
    uint32_t v = 0;
    int shift = 0;
    while (true) {
      uint8_t b = p.pos[at++];
      v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
      shift += 7;
    }
    last += v;
    out->push_back(last);
  }
}

void SearchIndex::Expand(const QueryClause& c, std::vector<uint32_t>* ids) const {
  ids->clear();
  if (c.kind == QueryClause::Kind::kPrefix) {
    const std::string& pre = c.terms[0];
    for (auto it = ordered_terms_.lower_bound(pre);
         it != ordered_terms_.end() && ids->size() < kMaxPrefixTerms &&
         std::string_view(it->first).substr(0, pre.size()) == pre;
         ++it) {
      ids->push_back(it->second);
    }
    return;
  }
  for (const std::string& t : c.terms) ids->push_back(terms_.Find(TermHash(t)));
}

bool SearchIndex::PhraseAt(const QueryClause& c, const std::vector<uint32_t>& ids,
                           uint32_t doc) const {
  std::vector<uint32_t> first, other;
  auto posting = [&](uint32_t term) -> size_t {
    const auto& docs = postings_[term].docs;
    return static_cast<size_t>(std::lower_bound(docs.begin(), docs.end(), doc) -
                               docs.begin());
  };
  Positions(ids[0], posting(ids[0]), &first);
  for (size_t k = 1; k < ids.size() && !first.empty(); ++k) {
    Positions(ids[k], posting(ids[k]), &other);
    std::vector<uint32_t> kept;
    for (uint32_t p : first) {
      if (std::binary_search(other.begin(), other.end(), p + c.offsets[k])) {
        kept.push_back(p);
      }
    }
    first.swap(kept);
  }
  return !first.empty();
}

void SearchIndex::MatchClause(const QueryClause& c,
                              std::vector<uint32_t>* docs) const {
  docs->clear();
  std::vector<uint32_t> ids;
  Expand(c, &ids);
  if (c.kind == QueryClause::Kind::kPrefix) {
    for (uint32_t id : ids) UnionInto(postings_[id].docs, docs);
    return;
  }
  for (uint32_t id : ids) {
    if (id == kNone) return;  // an unknown word matches nothing
  }
  if (ids.empty()) return;
  // Intersect, rarest first.
  std::vector<uint32_t> order(ids);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return postings_[a].docs.size() < postings_[b].docs.size();
  });
  *docs = postings_[order[0]].docs;
  for (size_t k = 1; k < order.size() && !docs->empty(); ++k) {
    IntersectInto(postings_[order[k]].docs, docs);
  }
  if (c.kind == QueryClause::Kind::kPhrase) {
    std::vector<uint32_t> kept;
    for (uint32_t d : *docs) {
      if (PhraseAt(c, ids, d)) kept.push_back(d);
    }
    docs->swap(kept);
  }
}

bool SearchIndex::PassesFilters(const Query& q,
                                const std::vector<uint32_t>& site_ids,
                                const std::vector<uint32_t>& lang_ids,
                                const std::vector<uint32_t>& entity_ids,
                                uint32_t doc) const {
  if (!q.sites.empty() &&
      std::find(site_ids.begin(), site_ids.end(), site_[doc]) == site_ids.end()) {
    return false;
  }
  if (!q.langs.empty() &&
      std::find(lang_ids.begin(), lang_ids.end(), lang_[doc]) == lang_ids.end()) {
    return false;
  }
  if (q.from_day != kUnknownDay || q.to_day != kUnknownDay) {
    if (day_[doc] == kNoDay) return false;
    if (q.from_day != kUnknownDay && day_[doc] < q.from_day) return false;
    if (q.to_day != kUnknownDay && day_[doc] > q.to_day) return false;
  }
  for (uint32_t e : entity_ids) {
    if (!std::binary_search(ent_.begin() + ent_begin_[doc],
                            ent_.begin() + ent_begin_[doc + 1], e)) {
      return false;
    }
  }
  return true;
}

Result<SearchResult> SearchIndex::Search(std::string_view query,
                                         const SearchOptions& options) const {
  ASSIGN_OR_RETURN(Query q, ParseQuery(query));
  return Search(q, options);
}

Result<SearchResult> SearchIndex::Search(const Query& q,
                                         const SearchOptions& options) const {
  SearchResult result;
  // Filters to ids; an unknown site/lang/entity matches nothing.
  std::vector<uint32_t> site_ids, lang_ids, entity_ids;
  bool impossible = false;
  for (const auto& s : q.sites) {
    auto it = site_ids_.find(s);
    if (it != site_ids_.end()) site_ids.push_back(it->second);
  }
  for (const auto& s : q.langs) {
    auto it = lang_ids_.find(s);
    if (it != lang_ids_.end()) lang_ids.push_back(it->second);
  }
  for (const auto& s : q.entities) {
    auto it = entity_ids_.find(s);
    if (it == entity_ids_.end()) {
      impossible = true;
    } else {
      entity_ids.push_back(it->second);
    }
  }
  if ((!q.sites.empty() && site_ids.empty()) ||
      (!q.langs.empty() && lang_ids.empty())) {
    impossible = true;
  }
  const bool has_filter = !q.sites.empty() || !q.langs.empty() ||
                          !q.entities.empty() || q.from_day != kUnknownDay ||
                          q.to_day != kUnknownDay;
  if (impossible || (q.groups.empty() && !has_filter)) return result;

  // 1. Matching.
  std::vector<uint32_t> matched, clause_docs;
  std::vector<std::vector<uint32_t>> group_docs(q.groups.size());
  for (size_t g = 0; g < q.groups.size(); ++g) {
    for (const QueryClause& c : q.groups[g]) {
      MatchClause(c, &clause_docs);
      UnionInto(clause_docs, &group_docs[g]);
    }
  }
  std::sort(group_docs.begin(), group_docs.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
  if (!group_docs.empty()) {
    matched = std::move(group_docs[0]);
    for (size_t g = 1; g < group_docs.size() && !matched.empty(); ++g) {
      IntersectInto(group_docs[g], &matched);
    }
  } else if (!entity_ids.empty()) {
    // Filter-only query: start from the first entity's documents.
    for (uint32_t d = 0; d < size(); ++d) {
      if (std::binary_search(ent_.begin() + ent_begin_[d],
                             ent_.begin() + ent_begin_[d + 1], entity_ids[0])) {
        matched.push_back(d);
      }
    }
  } else {
    matched.resize(size());
    for (uint32_t d = 0; d < size(); ++d) matched[d] = d;
  }
  for (const QueryClause& c : q.excluded) {
    MatchClause(c, &clause_docs);
    SubtractFrom(clause_docs, &matched);
  }
  if (has_filter) {
    std::vector<uint32_t> kept;
    kept.reserve(matched.size());
    for (uint32_t d : matched) {
      if (PassesFilters(q, site_ids, lang_ids, entity_ids, d)) kept.push_back(d);
    }
    matched.swap(kept);
  }
  result.total = matched.size();

  // 2. Ranking: BM25 over the positive terms.
  std::vector<uint32_t> term_ids, ids;
  for (const auto& group : q.groups) {
    for (const QueryClause& c : group) {
      Expand(c, &ids);
      for (uint32_t id : ids) {
        if (id != kNone) term_ids.push_back(id);
      }
      for (const std::string& t : c.terms) result.highlight_terms.push_back(t);
    }
  }
  std::sort(term_ids.begin(), term_ids.end());
  term_ids.erase(std::unique(term_ids.begin(), term_ids.end()), term_ids.end());
  std::vector<double> score(matched.size(), 0.0);
  const double n = size();
  const double avg = n > 0 ? static_cast<double>(total_length_) / n : 1.0;
  for (uint32_t t : term_ids) {
    const PostingList& p = postings_[t];
    const double df = static_cast<double>(p.docs.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    // Merge the posting list with the matched documents; gallop in the
    // longer one.
    size_t i = 0;
    for (size_t m = 0; m < matched.size() && i < p.docs.size(); ++m) {
      const uint32_t d = matched[m];
      if (p.docs[i] < d) {
        i = static_cast<size_t>(
            std::lower_bound(p.docs.begin() + i, p.docs.end(), d) - p.docs.begin());
        if (i == p.docs.size()) break;
      }
      if (p.docs[i] != d) continue;
      const double tf = p.tfs[i];
      score[m] += idf * tf * (options.k1 + 1) /
                  (tf + options.k1 * (1 - options.b + options.b * length_[d] / avg));
      ++i;
    }
  }
  std::vector<uint32_t> order(matched.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const size_t keep = std::min(options.k, order.size());
  std::partial_sort(order.begin(), order.begin() + keep, order.end(),
                    [&](uint32_t a, uint32_t b) {
                      if (score[a] != score[b]) return score[a] > score[b];
                      return matched[a] > matched[b];  // newer first
                    });
  for (size_t i = 0; i < keep; ++i) {
    result.hits.push_back({matched[order[i]], score[order[i]]});
  }

  // 3. Facets over all matches.
  if (options.facets) {
    std::vector<uint32_t> sites(site_names_.size(), 0);
    std::vector<uint32_t> ents(entity_names_.size(), 0);
    std::unordered_map<int32_t, uint32_t> months;  // first day of month -> n
    std::vector<std::string> month_names;
    std::vector<uint32_t> month_counts;
    std::unordered_map<std::string, uint32_t> month_ids;
    // Month per day is computed once per distinct day.
    std::unordered_map<int32_t, uint32_t> day_month;
    for (uint32_t d : matched) {
      ++sites[site_[d]];
      for (uint32_t k = ent_begin_[d]; k < ent_begin_[d + 1]; ++k) ++ents[ent_[k]];
      if (day_[d] != kNoDay) {
        auto it = day_month.find(day_[d]);
        if (it == day_month.end()) {
          uint32_t id = Intern(MonthOfDay(day_[d]), &month_ids, &month_names);
          if (id >= month_counts.size()) month_counts.resize(id + 1, 0);
          it = day_month.emplace(day_[d], id).first;
        }
        ++month_counts[it->second];
      }
    }
    TopFacets(sites, site_names_, options.facet_size, &result.sites);
    TopFacets(ents, entity_names_, options.facet_size, &result.entities);
    TopFacets(month_counts, month_names, options.facet_size, &result.months);
  }
  return result;
}

size_t SearchIndex::MemoryBytes() const {
  size_t bytes = terms_.MemoryBytes() + postings_.capacity() * sizeof(PostingList);
  for (const PostingList& p : postings_) {
    bytes += p.docs.capacity() * 4 + p.tfs.capacity() * 2 +
             p.pos_begin.capacity() * 4 + p.pos.capacity();
  }
  for (const auto& [t, id] : ordered_terms_) bytes += 48 + t.capacity();
  bytes += length_.capacity() * 4 + day_.capacity() * 4 + site_.capacity() * 4 +
           lang_.capacity() + ent_begin_.capacity() * 4 + ent_.capacity() * 4;
  return bytes;
}

std::string MakeSnippet(std::string_view text, std::string_view lang,
                        const std::vector<std::string>& terms,
                        size_t max_bytes) {
  Analyzer analyzer;
  const AnalyzedText& at = analyzer.Analyze(text, lang);
  std::vector<const Token*> hits;
  for (const Token& t : at.tokens) {
    if (std::find(terms.begin(), terms.end(), at.Term(t)) != terms.end()) {
      hits.push_back(&t);
    }
  }
  // Densest window of hits that fits in max_bytes.
  size_t best_begin = 0, best_count = 0;
  for (size_t a = 0, b = 0; a < hits.size(); ++a) {
    if (b < a) b = a;
    while (b + 1 < hits.size() &&
           hits[b + 1]->src_end - hits[a]->src_begin <= max_bytes) {
      ++b;
    }
    if (b - a + 1 > best_count) {
      best_count = b - a + 1;
      best_begin = a;
    }
  }
  size_t start = 0;
  if (best_count > 0) {
    start = hits[best_begin]->src_begin;
    // Back up to include some context, at a space.
    size_t back = start > max_bytes / 4 ? start - max_bytes / 4 : 0;
    size_t sp = text.find(' ', back);
    start = (back == 0 || sp == std::string_view::npos || sp >= start) ? back : sp + 1;
    if (back == 0) start = 0;
  }
  size_t end = std::min(text.size(), start + max_bytes);
  if (end < text.size()) {
    size_t sp = text.rfind(' ', end);
    if (sp != std::string_view::npos && sp > start) end = sp;
  }
  // Do not cut a UTF-8 sequence.
  while (end < text.size() && end > start &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  std::string out;
  if (start > 0) out += "\xE2\x80\xA6";  // …
  size_t h = 0;
  while (h < hits.size() && hits[h]->src_begin < start) ++h;
  auto escape = [&](std::string_view s) {
    for (char c : s) {
      switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += ' '; break;
        default: out.push_back(c);
      }
    }
  };
  size_t pos = start;
  for (; h < hits.size() && hits[h]->src_end <= end; ++h) {
    escape(text.substr(pos, hits[h]->src_begin - pos));
    out += "<b>";
    escape(text.substr(hits[h]->src_begin, hits[h]->src_end - hits[h]->src_begin));
    out += "</b>";
    pos = hits[h]->src_end;
  }
  escape(text.substr(pos, end - pos));
  if (end < text.size()) out += "\xE2\x80\xA6";
  return out;
}

}  // namespace wirewatch::link
