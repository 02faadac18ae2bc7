// Store: the archive, one SQLite file (WAL mode) holding articles, the
// publishers' related items, ingest failures and ingest runs.
//
// The schema is versioned (table `meta`, key `schema_version`); Open applies
// any missing migrations in one transaction, so an old file is upgraded in
// place and a file from a newer Wirewatch is refused. Tables and columns:
// docs/record-format.md.
//
// Writes are batched: BeginBatch() ... Put*() ... CommitBatch(). Articles are
// keyed by their stable id (store/article_id.h): putting an id that is
// already stored changes nothing and returns false, which makes ingest
// idempotent. Failures are keyed by (source, stage, reason) the same way.
// `seq` is the archive's ingest order (1, 2, ...): the related widget's
// `sort` field.
//
// Thread-safety: a Store is used by one thread. Open several Stores on the
// same file for concurrent readers; SQLite's WAL lets them read while one
// writer writes.
#ifndef WIREWATCH_STORE_STORE_H_
#define WIREWATCH_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/article_analyzer.h"
#include "wirewatch/article.h"
#include "wirewatch/status.h"

namespace wirewatch::store {

// Why one piece of input did not become an article.
struct Failure {
  std::string source;  // RawDoc::source
  std::string stage;   // "input", "html", "store"
  std::string reason;  // one line, human readable
  int64_t time = 0;    // when it was first recorded, seconds since epoch
};

// One line of `wirewatch list`.
struct ArticleSummary {
  int64_t seq = 0;
  std::string id;
  std::string title;
  std::string published;
  std::string site;
  std::string source;
  int64_t paragraphs = 0;
  int64_t chars = 0;
};

// The counters of one `wirewatch ingest` run.
struct IngestRun {
  int64_t id = 0;
  int64_t started = 0;   // seconds since epoch
  int64_t finished = 0;
  int64_t documents = 0;  // documents and failure items seen
  int64_t stored = 0;     // new articles
  int64_t duplicates = 0; // articles already in the archive
  int64_t failures = 0;   // failure items (new or already recorded)
  int64_t bytes = 0;      // input bytes consumed
};

// One line of `wirewatch entities`: an entity across the archive, grouped
// by its key (type + lowercased canonical name).
struct EntityCount {
  std::string key;        // "PER:vladimir putin"
  std::string type;       // PER, ORG, LOC, MISC
  std::string canonical;  // the most frequent canonical form
  int64_t mentions = 0;   // mentions over all articles
  int64_t articles = 0;   // articles mentioning it
};

// One article mentioning an entity (Store::EntityArticles).
struct EntityArticle {
  int64_t seq = 0;
  std::string id, title, published, site;
  std::string canonical;  // the entity's name in this article
  int64_t mentions = 0;   // mentions of the entity in this article
};

// A quote whose speaker resolved to an entity (Store::EntityQuotes).
struct EntityQuote {
  int64_t article_seq = 0;
  std::string article_id, article_title, published;
  std::string kind, cue;
  std::string speaker_text;    // the speaker as written ("He", "Churkin")
  std::string text;            // the quoted span
  int64_t begin = 0, end = 0;  // bytes of the quote in the article text
};

// One count claim in the ledger, with its provenance.
struct ClaimRow {
  int64_t article_seq = 0;
  std::string article_id, article_title, published;
  std::string quantity_text;
  double low = 0, high = 0;
  bool has_low = true, has_high = true;
  std::string qualifier, subject, event, location, source, time;
  std::vector<std::string> origin;
  std::string time_first, time_last;  // days the time covers, or empty
  bool negated = false, hypothetical = false;
  int64_t begin = 0, end = 0;  // bytes of the quantity in the article text
  std::string sentence;        // the sentence's text
};

// Filters of `wirewatch claims`; empty fields do not filter. Strings match
// case-insensitively; origin matches any element of the claim's origins;
// source matches a substring; from/to ("YYYY-MM-DD" or a prefix) keep
// claims whose time overlaps the range.
struct ClaimFilter {
  std::string subject, event, origin, location, source, from, to;
  bool include_negated = false;  // negated/hypothetical claims are hidden
  int64_t limit = 1000;
};

struct StoreStats {
  int64_t articles = 0;
  int64_t failures = 0;
  int64_t publisher_related = 0;
  int64_t runs = 0;
  int64_t analysed = 0;
  int64_t entity_mentions = 0;
  int64_t timexes = 0;
  int64_t claims = 0;
  int64_t linked = 0;   // articles with an article_links row
  int64_t stories = 0;
  int schema_version = 0;
};

// What the link stage needs of one stored article (ForEachLinkSource).
// Views are valid only during the callback.
struct LinkSource {
  int64_t seq = 0;
  std::string_view id, title, text, published, site, lang, image, format;
  // Entity keys, most mentioned first (ties by key): the order ingest uses.
  std::span<const std::string> entity_keys;
};

// The links computed at ingest for one article (table article_links).
struct ArticleLink {
  int64_t seq = 0;
  int64_t dup_group_seq = 0;     // the near-duplicate group's first article
  int64_t dup_original_seq = 0;  // the group's earliest (== seq: original)
  int64_t story_id = 0;
};

// One story (table stories), maintained at ingest.
struct StoryRow {
  int64_t id = 0;
  std::string label;                  // "term, term | PER:Name"
  int64_t size = 0;
  std::string first_day, last_day;    // "YYYY-MM-DD", empty when unknown
  int64_t first_seq = 0;              // the story's first article
  int64_t updated = 0;                // seconds since epoch; 0: now
  std::string first_title;            // read only (joined from articles)
};

enum class StoryOrder { kLargest, kRecent };

class Store {
 public:
  // The schema version this build writes.
  static constexpr int kSchemaVersion = 5;

  // Opens (creating if needed) the archive at `path`. Fails with
  // Unavailable when the file cannot be opened, Corruption when it is not a
  // Wirewatch archive or is from a newer version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Status BeginBatch();
  Status CommitBatch();
  Status RollbackBatch();

  // Stores `a` (whose id must be set) and its publisher_related items.
  // Returns true when stored, false when an article with that id already
  // exists. *seq (if given) receives the stored or existing seq.
  Result<bool> PutArticle(const Article& a, int64_t* seq = nullptr);
  // Stores the analysis of the article at `seq`: the JSON object (returned
  // by GetAnalysisJson and spliced into exports) and the queryable rows
  // (article_entities, mentions, timexes). Replaces an earlier analysis.
  Status PutAnalysis(int64_t seq, const analyze::ArticleAnalysis& analysis);
  // The analysis JSON of the article at `seq`; empty when not analysed.
  Result<std::string> GetAnalysisJson(int64_t seq);
  // The claims ledger, ordered by time then article.
  Result<std::vector<ClaimRow>> QueryClaims(const ClaimFilter& filter);
  // Entities across the archive by mention count; `type` filters ("PER"),
  // empty for all.
  Result<std::vector<EntityCount>> TopEntities(std::string_view type,
                                               int64_t limit);

  // Returns true when recorded, false when already recorded.
  // The articles whose analysis found the entity `key` ("LOC:syria"),
  // oldest published first (undated last), at most `limit`.
  Result<std::vector<EntityArticle>> EntityArticles(std::string_view key,
                                                    int64_t limit);
  // The quotes attributed to the entity `key`, in the order of
  // EntityArticles, at most `limit`. Read from the stored analyses.
  Result<std::vector<EntityQuote>> EntityQuotes(std::string_view key,
                                                int64_t limit);
  // The articles of story `story_id` (article_links), oldest published
  // first (undated last), at most `limit`, as list rows.
  Result<std::vector<ArticleSummary>> StoryArticles(int64_t story_id,
                                                    int64_t limit);
  Result<bool> PutFailure(const Failure& f);
  // Records a finished run; returns its id.
  Result<int64_t> PutRun(const IngestRun& run);

  // NotFound when absent. Accepts an id or a decimal seq.
  Result<Article> GetArticle(std::string_view id_or_seq, int64_t* seq = nullptr);
  // Newest first by seq; offset/limit page through.
  Result<std::vector<ArticleSummary>> ListArticles(int64_t offset,
                                                   int64_t limit);
  Result<std::vector<Failure>> ListFailures(int64_t limit);
  Result<std::vector<IngestRun>> ListRuns(int64_t limit);
  // Calls fn for every article in seq order; stops at the first error.
  Status ForEachArticle(
      const std::function<Status(const Article&, int64_t seq)>& fn);
  // Calls fn(seq, key) for every (article, entity key) pair, in seq order.
  Status ForEachArticleEntity(
      const std::function<void(int64_t seq, std::string_view key)>& fn);
  // Calls fn for every article in seq order with what the link stage
  // needs (no JSON decoding); stops at the first error.
  Status ForEachLinkSource(const std::function<Status(const LinkSource&)>& fn);

  // Links computed at ingest. PutArticleLink replaces the article's row;
  // SetDupOriginal re-points every member of a near-duplicate group (an
  // earlier-published copy arrived later). GetArticleLink returns false when
  // the article has no row (not linked yet).
  Status PutArticleLink(const ArticleLink& link);
  Status SetDupOriginal(int64_t dup_group_seq, int64_t original_seq);
  Result<bool> GetArticleLink(int64_t seq, ArticleLink* link);
  // Calls fn for every article_links row in seq order.
  Status ForEachArticleLink(const std::function<void(const ArticleLink&)>& fn);
  // Removes every story row (before rewriting them all).
  Status DeleteStories();
  // Replaces the story's row.
  Status PutStory(const StoryRow& story);
  Result<std::vector<StoryRow>> ListStories(StoryOrder order, int64_t limit);

  Result<StoreStats> Stats();

  // The largest seq stored, 0 for an empty archive. One b-tree descent, so
  // a server can poll it to notice articles another process ingested.
  Result<int64_t> MaxSeq();

  // A time limit for the statements of this connection: once `deadline`
  // has passed, a running statement is interrupted (SQLite progress
  // handler, checked every kDeadlineCheckOps virtual-machine steps) and the
  // call fails with Unavailable("...: time limit exceeded"). It holds until
  // ClearDeadline(). Used by the server to bound one request's store work.
  static constexpr int kDeadlineCheckOps = 256;
  void SetDeadline(std::chrono::steady_clock::time_point deadline);
  void ClearDeadline();

 private:
  struct Impl;
  // Fills *a and *seq from the current row of a statement selecting
  // kArticleColumns (a sqlite3_stmt*, kept opaque here).
  Status ReadRow(void* stmt, Article* a, int64_t* seq);
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirewatch::store

#endif  // WIREWATCH_STORE_STORE_H_
