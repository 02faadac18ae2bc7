// SearchIndex: BM25-ranked full-text search over the archive, in memory.
//
// Rebuildable from the store (the store stays the one source of truth): add
// every document in ingest order. Per term it keeps a posting list (doc ids
// ascending, term frequency, word positions as delta varints); per document
// its length, day, site, language and entity ids for filters and facets.
// Text is not kept: snippets are made from the stored text by MakeSnippet().
//
// Query language (ParseQuery):
//   word            required term (all plain clauses must match: AND)
//   a OR b          either (OR binds tighter than the implicit AND; "AND" is
//                   accepted and ignored)
//   "w1 w2 w3"      phrase (consecutive positions, stopword gaps respected)
//   pre*            prefix: expands to up to kMaxPrefixTerms indexed terms
//   -word, NOT word must not match (terms, phrases or prefixes)
//   site:S lang:L entity:K entity:"K with spaces" from:YYYY-MM-DD
//   to:YYYY-MM-DD   filters (site, entity: case-insensitive exact keys)
// Limits: at most kMaxClauses clauses and kMaxQueryBytes bytes per query
// (InvalidArgument beyond), kMaxPrefixTerms terms per prefix.
//
// Ranking (Robertson & Zaragoza, "The probabilistic relevance framework:
// BM25 and beyond", 2009): sum over the query's positive terms (phrase words
// and prefix expansions included) of idf * tf (k1 + 1) / (tf + k1 (1 - b + b
// len / avglen)), idf = ln(1 + (N - df + 0.5) / (df + 0.5)). Matching (which
// documents) and ranking (their order) are separate steps, as in Xapian's
// matcher/weight split. Covered by search_index_test.cc, including a
// brute-force reference matcher.
//
// Thread-safety: const methods may run concurrently; Add() needs exclusive
// access.
#ifndef WIREWATCH_LINK_SEARCH_INDEX_H_
#define WIREWATCH_LINK_SEARCH_INDEX_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/civil_date.h"
#include "link/analyzer.h"
#include "link/link_doc.h"
#include "link/vocabulary.h"
#include "wirewatch/status.h"

namespace wirewatch::link {

inline constexpr size_t kMaxClauses = 32;
inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxPrefixTerms = 64;

struct QueryClause {
  enum class Kind { kTerm, kPhrase, kPrefix };
  Kind kind = Kind::kTerm;
  // Analysed terms (one for kTerm/kPrefix, the phrase's words for kPhrase)
  // and, for phrases, each word's offset from the first.
  std::vector<std::string> terms;
  std::vector<uint32_t> offsets;
};

struct Query {
  // Conjunction of disjunctions: every group must have a matching clause.
  std::vector<std::vector<QueryClause>> groups;
  std::vector<QueryClause> excluded;
  std::vector<std::string> sites;     // any of (lower-cased)
  std::vector<std::string> langs;     // any of
  std::vector<std::string> entities;  // all of (lower-cased keys)
  int64_t from_day = kUnknownDay;     // inclusive
  int64_t to_day = kUnknownDay;       // inclusive
};

// Parses `text` with the analyzer's rules for language `lang`.
Result<Query> ParseQuery(std::string_view text, std::string_view lang = "");

struct SearchOptions {
  size_t k = 10;
  size_t facet_size = 10;
  bool facets = true;
  double k1 = 1.2;
  double b = 0.75;
};

struct SearchHit {
  uint32_t doc = 0;
  double score = 0;
};

struct Facet {
  std::string value;
  uint32_t count = 0;
};

struct SearchResult {
  size_t total = 0;  // matching documents
  std::vector<SearchHit> hits;
  std::vector<Facet> sites, entities, months;  // months as "YYYY-MM"
  // Analysed positive terms (for snippets).
  std::vector<std::string> highlight_terms;
};

class SearchIndex {
 public:
  SearchIndex();

  // REQUIRES: doc.doc == size(). Title and text share one position space.
  Status Add(const LinkDoc& doc);

  Result<SearchResult> Search(const Query& query,
                              const SearchOptions& options = {}) const;
  Result<SearchResult> Search(std::string_view query,
                              const SearchOptions& options = {}) const;

  uint32_t size() const { return static_cast<uint32_t>(length_.size()); }
  size_t MemoryBytes() const;

 private:
  struct PostingList {
    std::vector<uint32_t> docs;
    std::vector<uint16_t> tfs;
    std::vector<uint32_t> pos_begin;  // into pos
    std::vector<uint8_t> pos;         // per posting: tf delta varints
  };
  // Decodes the positions of posting `i` of `term` into *out.
  void Positions(uint32_t term, size_t i, std::vector<uint32_t>* out) const;
  // Term ids a clause stands for (prefix expansion; phrase words in order,
  // kNone for unknown words).
  void Expand(const QueryClause& c, std::vector<uint32_t>* ids) const;
  void MatchClause(const QueryClause& c, std::vector<uint32_t>* docs) const;
  bool PhraseAt(const QueryClause& c, const std::vector<uint32_t>& ids,
                uint32_t doc) const;
  bool PassesFilters(const Query& q, const std::vector<uint32_t>& site_ids,
                     const std::vector<uint32_t>& lang_ids,
                     const std::vector<uint32_t>& entity_ids,
                     uint32_t doc) const;

  Analyzer analyzer_;
  Vocabulary terms_;
  std::vector<PostingList> postings_;
  std::map<std::string, uint32_t, std::less<>> ordered_terms_;  // prefixes
  std::vector<uint32_t> length_;
  std::vector<int32_t> day_;
  std::vector<uint32_t> site_;
  std::vector<uint8_t> lang_;
  std::vector<uint32_t> ent_begin_{0};
  std::vector<uint32_t> ent_;
  std::vector<std::string> site_names_, lang_names_, entity_names_;
  std::unordered_map<std::string, uint32_t> site_ids_, lang_ids_, entity_ids_;
  uint64_t total_length_ = 0;
  // Add() scratch.
  std::string joined_, folded_;
  std::vector<std::pair<uint32_t, uint32_t>> term_pos_;
};

// A snippet of `text` (at most `max_bytes`, cut at word boundaries) around
// the densest run of `terms`, each occurrence wrapped in <b></b>; the text
// is HTML-escaped. Falls back to the start of the text.
std::string MakeSnippet(std::string_view text, std::string_view lang,
                        const std::vector<std::string>& terms,
                        size_t max_bytes = 200);

// Days since the epoch of "YYYY-MM-DD", "YYYY-MM" (the first day) or
// "YYYY" (January 1st); the month of a day count as "YYYY-MM".
bool ParseIsoDay(std::string_view s, int64_t* day);
std::string MonthOfDay(int64_t day);

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_SEARCH_INDEX_H_
