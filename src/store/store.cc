#include "store/store.h"

#include <simdjson.h>
#include <sqlite3.h>

#include <charconv>
#include <ctime>

#include "analyze/calendar.h"
#include "base/json_writer.h"

namespace wirewatch::store {
namespace {

// Migration i brings the schema from version i to i + 1.
const char* const kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  site TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  published TEXT NOT NULL,
  published_source TEXT NOT NULL,
  published_tz INTEGER NOT NULL,
  modified TEXT NOT NULL,
  modified_source TEXT NOT NULL,
  modified_tz INTEGER NOT NULL,
  authors TEXT NOT NULL,
  lang TEXT NOT NULL,
  image TEXT NOT NULL,
  charset TEXT NOT NULL,
  fetch_time INTEGER NOT NULL,
  ingested_at INTEGER NOT NULL,
  paragraphs TEXT NOT NULL,
  text TEXT NOT NULL,
  links TEXT NOT NULL,
  warnings TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site ON articles(site);
CREATE TABLE publisher_related(
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  id TEXT NOT NULL,
  sort TEXT NOT NULL,
  contenttypeid TEXT NOT NULL,
  pic TEXT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY(article_seq, pos)
);
CREATE TABLE failures(
  rowid INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  time INTEGER NOT NULL,
  UNIQUE(source, stage, reason)
);
CREATE TABLE ingest_runs(
  id INTEGER PRIMARY KEY,
  started INTEGER NOT NULL,
  finished INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  stored INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  bytes INTEGER NOT NULL
);
)sql",
    // 1 -> 2: the analysis of each article.
    R"sql(
CREATE TABLE analyses(
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  json TEXT NOT NULL
);
CREATE TABLE article_entities(
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  canonical TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  roles TEXT NOT NULL,
  PRIMARY KEY(article_seq, key)
);
CREATE INDEX article_entities_key ON article_entities(key);
CREATE TABLE mentions(
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  entity_key TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_seq);
CREATE INDEX mentions_entity ON mentions(entity_key);
CREATE TABLE timexes(
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  mod TEXT NOT NULL
);
CREATE INDEX timexes_article ON timexes(article_seq);
CREATE INDEX timexes_value ON timexes(value);
)sql",
    // 2 -> 3: the count-claims ledger.
    R"sql(
CREATE TABLE claims(
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  quantity_text TEXT NOT NULL,
  low REAL,
  high REAL,
  qualifier TEXT NOT NULL,
  subject TEXT NOT NULL,
  event TEXT NOT NULL,
  origin TEXT NOT NULL,
  location TEXT NOT NULL,
  source TEXT NOT NULL,
  time TEXT NOT NULL,
  time_first TEXT NOT NULL,
  time_last TEXT NOT NULL,
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  PRIMARY KEY(article_seq, pos)
);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_time ON claims(time_first);
)sql",
    // 3 -> 4: links computed at ingest (near-duplicate group and original,
    // story) and the stories themselves.
    R"sql(
CREATE TABLE article_links(
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  dup_group_seq INTEGER NOT NULL,
  dup_original_seq INTEGER NOT NULL,
  story_id INTEGER NOT NULL
);
CREATE INDEX article_links_group ON article_links(dup_group_seq);
CREATE INDEX article_links_story ON article_links(story_id);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  size INTEGER NOT NULL,
  first_day TEXT NOT NULL,
  last_day TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX stories_size ON stories(size);
CREATE INDEX stories_last_day ON stories(last_day);
)sql",
    // 4 -> 5: extraction metadata: where the language came from, section,
    // tags and reader comments (kept out of the main text). Rows stored
    // before have them empty, as their extraction did not look for them.
    R"sql(
ALTER TABLE articles ADD COLUMN lang_source TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN comments TEXT NOT NULL DEFAULT '[]';
)sql",
};
constexpr int kNumMigrations = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kNumMigrations == Store::kSchemaVersion);

std::string JsonStrings(const std::vector<std::string>& v) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
  return out;
}

std::string JsonLinks(const std::vector<Link>& links) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const auto& l : links) {
    w.BeginObject();
    w.Field("href", l.href);
    w.Field("text", l.text);
    w.EndObject();
  }
  w.EndArray();
  return out;
}

// A prepared statement, finalized on destruction.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  sqlite3_stmt** addr() { return &stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string_view ColumnText(sqlite3_stmt* s, int i) {
  const unsigned char* p = sqlite3_column_text(s, i);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p),
          static_cast<size_t>(sqlite3_column_bytes(s, i))};
}

// Steps `stmt`, whose columns are seq, id, title, published, site, source,
// paragraph count and text length, appending one summary per row. Returns
// the last sqlite3_step code (SQLITE_DONE when every row was read).
int StepArticleSummaries(sqlite3_stmt* stmt, std::vector<ArticleSummary>* out) {
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    ArticleSummary a;
    a.seq = sqlite3_column_int64(stmt, 0);
    a.id = ColumnText(stmt, 1);
    a.title = ColumnText(stmt, 2);
    a.published = ColumnText(stmt, 3);
    a.site = ColumnText(stmt, 4);
    a.source = ColumnText(stmt, 5);
    a.paragraphs = sqlite3_column_int64(stmt, 6);
    a.chars = sqlite3_column_int64(stmt, 7);
    out->push_back(std::move(a));
  }
  return rc;
}


constexpr const char* kArticleColumns =
    "seq, id, source, format, url, canonical_url, site, title, description, "
    "published, published_source, published_tz, modified, modified_source, "
    "modified_tz, authors, lang, image, charset, fetch_time, paragraphs, "
    "links, warnings, lang_source, section, tags, comments";

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  Stmt insert_article, find_article, insert_related, insert_failure,
      select_by_id, select_by_seq, select_related, insert_analysis,
      insert_entity, insert_mention, insert_timex, select_analysis,
      insert_claim, insert_link, update_original, select_link, insert_story,
      select_entity_keys, delete_entities, delete_mentions, delete_timexes,
      delete_claims;
  simdjson::dom::parser json;
  // SetDeadline's limit, read by the progress handler on this thread.
  std::chrono::steady_clock::time_point deadline;

  ~Impl() {
    // Statements must be finalized before the connection closes; their
    // destructors run after this body, so finalize them here first.
    for (Stmt* st :
         {&insert_article, &find_article, &insert_related, &insert_failure,
          &select_by_id, &select_by_seq, &select_related, &insert_analysis,
          &insert_entity, &insert_mention, &insert_timex, &select_analysis,
          &insert_claim, &insert_link, &update_original, &select_link,
          &insert_story, &select_entity_keys, &delete_entities,
          &delete_mentions, &delete_timexes, &delete_claims}) {
      sqlite3_finalize(*st->addr());
      *st->addr() = nullptr;
    }
    if (db) sqlite3_close(db);
  }

  Status Error(std::string_view what) const {
    if (sqlite3_errcode(db) == SQLITE_INTERRUPT)
      return Status::Unavailable(std::string(what) +
                                 ": time limit exceeded");
    return Status::Unavailable(std::string(what) + ": " + sqlite3_errmsg(db));
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Status::Unavailable(std::string("sqlite: ") + msg);
    }
    return Status::Ok();
  }

  // Prepares a one-off statement.
  Status Query(const char* sql, Stmt* stmt) {
    if (sqlite3_prepare_v2(db, sql, -1, stmt->addr(), nullptr) != SQLITE_OK)
      return Error("prepare");
    return Status::Ok();
  }

  Status Prepare(const char* sql, Stmt* stmt) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt->addr(),
                           nullptr) != SQLITE_OK)
      return Error("prepare");
    return Status::Ok();
  }

  Result<int> SchemaVersion() {
    Stmt s;
    if (sqlite3_prepare_v2(db,
                           "SELECT value FROM meta WHERE key='schema_version'",
                           -1, s.addr(), nullptr) != SQLITE_OK) {
      // No meta table: is the file empty?
      Stmt t;
      if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1,
                             t.addr(), nullptr) != SQLITE_OK)
        return Status::Corruption(std::string("not a SQLite database: ") +
                                  sqlite3_errmsg(db));
      if (sqlite3_step(t.get()) == SQLITE_ROW &&
          sqlite3_column_int64(t.get(), 0) == 0)
        return 0;
      return Status::Corruption("not a Wirewatch archive (no meta table)");
    }
    if (sqlite3_step(s.get()) != SQLITE_ROW) return 0;
    return static_cast<int>(sqlite3_column_int64(s.get(), 0));
  }

  void JsonStringArray(std::string_view json_text,
                       std::vector<std::string>* out) {
    out->clear();
    simdjson::dom::element doc;
    if (json.parse(json_text.data(), json_text.size()).get(doc)) return;
    simdjson::dom::array arr;
    if (doc.get_array().get(arr)) return;
    for (auto el : arr) {
      std::string_view s;
      if (!el.get_string().get(s)) out->emplace_back(s);
    }
  }

  void JsonLinkArray(std::string_view json_text, std::vector<Link>* out) {
    out->clear();
    simdjson::dom::element doc;
    if (json.parse(json_text.data(), json_text.size()).get(doc)) return;
    simdjson::dom::array arr;
    if (doc.get_array().get(arr)) return;
    for (auto el : arr) {
      Link l;
      std::string_view s;
      if (!el["href"].get_string().get(s)) l.href = s;
      if (!el["text"].get_string().get(s)) l.text = s;
      out->push_back(std::move(l));
    }
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open_v2(
          path.c_str(), &impl->db,
          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
          nullptr) != SQLITE_OK) {
    std::string msg = impl->db ? sqlite3_errmsg(impl->db) : "out of memory";
    return Status::Unavailable("cannot open archive " + path + ": " + msg);
  }
  sqlite3_busy_timeout(impl->db, 10000);
  // WAL: readers (the server) never block the ingest writer. synchronous =
  // NORMAL is durable across application crashes; a power loss may lose the
  // last committed batch but never corrupts the file.
  RETURN_IF_ERROR(impl->Exec("PRAGMA journal_mode=WAL"));
  RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous=NORMAL"));
  RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys=ON"));
  ASSIGN_OR_RETURN(int version, impl->SchemaVersion());
  if (version > kSchemaVersion)
    return Status::Corruption(
        "archive " + path + " has schema version " + std::to_string(version) +
        ", newer than this build's " + std::to_string(kSchemaVersion));
  if (version < kSchemaVersion) {
    RETURN_IF_ERROR(impl->Exec("BEGIN IMMEDIATE"));
    for (int v = version; v < kSchemaVersion; ++v) {
      Status s = impl->Exec(kMigrations[v]);
      if (!s.ok()) {
        (void)impl->Exec("ROLLBACK");
        return Status::Corruption("migration to schema " +
                                  std::to_string(v + 1) +
                                  " failed: " + s.message());
      }
    }
    std::string set = "INSERT OR REPLACE INTO meta VALUES('schema_version','" +
                      std::to_string(kSchemaVersion) + "')";
    RETURN_IF_ERROR(impl->Exec(set.c_str()));
    RETURN_IF_ERROR(impl->Exec("COMMIT"));
  }
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT INTO articles(id, source, format, url, canonical_url, site, "
      "title, description, published, published_source, published_tz, "
      "modified, modified_source, modified_tz, authors, lang, image, charset, "
      "fetch_time, ingested_at, paragraphs, text, links, warnings, "
      "lang_source, section, tags, comments) VALUES "
      "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,"
      "?20,?21,?22,?23,?24,?25,?26,?27,?28) ON CONFLICT(id) DO NOTHING",
      &impl->insert_article));
  RETURN_IF_ERROR(impl->Prepare("SELECT seq FROM articles WHERE id=?1",
                                &impl->find_article));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT INTO publisher_related VALUES(?1,?2,?3,?4,?5,?6,?7)",
      &impl->insert_related));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT INTO failures(source, stage, reason, time) VALUES(?1,?2,?3,?4) "
      "ON CONFLICT DO NOTHING",
      &impl->insert_failure));
  std::string by_id =
      std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id=?1";
  std::string by_seq =
      std::string("SELECT ") + kArticleColumns + " FROM articles WHERE seq=?1";
  RETURN_IF_ERROR(impl->Prepare(by_id.c_str(), &impl->select_by_id));
  RETURN_IF_ERROR(impl->Prepare(by_seq.c_str(), &impl->select_by_seq));
  RETURN_IF_ERROR(impl->Prepare(
      "SELECT id, sort, contenttypeid, pic, title FROM publisher_related "
      "WHERE article_seq=?1 ORDER BY pos",
      &impl->select_related));
  RETURN_IF_ERROR(
      impl->Prepare("INSERT OR REPLACE INTO analyses VALUES(?1, ?2)",
                    &impl->insert_analysis));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT OR REPLACE INTO article_entities VALUES(?1,?2,?3,?4,?5,?6)",
      &impl->insert_entity));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT INTO mentions VALUES(?1,?2,?3,?4,?5,?6)", &impl->insert_mention));
  RETURN_IF_ERROR(impl->Prepare("INSERT INTO timexes VALUES(?1,?2,?3,?4,?5,?6)",
                                &impl->insert_timex));
  RETURN_IF_ERROR(
      impl->Prepare("SELECT json FROM analyses WHERE article_seq=?1",
                    &impl->select_analysis));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT INTO claims VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,"
      "?14,?15,?16,?17,?18,?19,?20)",
      &impl->insert_claim));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT OR REPLACE INTO article_links VALUES(?1,?2,?3,?4)",
      &impl->insert_link));
  RETURN_IF_ERROR(impl->Prepare(
      "UPDATE article_links SET dup_original_seq=?2 WHERE dup_group_seq=?1",
      &impl->update_original));
  RETURN_IF_ERROR(impl->Prepare(
      "SELECT dup_group_seq, dup_original_seq, story_id FROM article_links "
      "WHERE article_seq=?1",
      &impl->select_link));
  RETURN_IF_ERROR(impl->Prepare(
      "INSERT OR REPLACE INTO stories VALUES(?1,?2,?3,?4,?5,?6,?7)",
      &impl->insert_story));
  RETURN_IF_ERROR(impl->Prepare(
      "SELECT key FROM article_entities WHERE article_seq=?1 "
      "ORDER BY mentions DESC, key",
      &impl->select_entity_keys));
  RETURN_IF_ERROR(impl->Prepare(
      "DELETE FROM article_entities WHERE article_seq=?1",
      &impl->delete_entities));
  RETURN_IF_ERROR(impl->Prepare("DELETE FROM mentions WHERE article_seq=?1",
                                &impl->delete_mentions));
  RETURN_IF_ERROR(impl->Prepare("DELETE FROM timexes WHERE article_seq=?1",
                                &impl->delete_timexes));
  RETURN_IF_ERROR(impl->Prepare("DELETE FROM claims WHERE article_seq=?1",
                                &impl->delete_claims));
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::BeginBatch() { return impl_->Exec("BEGIN IMMEDIATE"); }
Status Store::CommitBatch() { return impl_->Exec("COMMIT"); }
Status Store::RollbackBatch() { return impl_->Exec("ROLLBACK"); }

Result<bool> Store::PutArticle(const Article& a, int64_t* seq) {
  if (a.id.empty()) return Status::InvalidArgument("article has no id");
  sqlite3_stmt* s = impl_->insert_article.get();
  sqlite3_reset(s);
  std::string authors = JsonStrings(a.authors);
  std::string paragraphs = JsonStrings(a.paragraphs);
  std::string text = a.Text();
  std::string links = JsonLinks(a.links);
  std::string warnings = JsonStrings(a.warnings);
  std::string tags = JsonStrings(a.tags);
  std::string comments = JsonStrings(a.comments);
  auto bind = [s](int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_STATIC);
  };
  bind(1, a.id);
  bind(2, a.source);
  bind(3, a.format);
  bind(4, a.url);
  bind(5, a.canonical_url);
  bind(6, a.site);
  bind(7, a.title);
  bind(8, a.description);
  bind(9, a.published.value);
  bind(10, a.published.source);
  sqlite3_bind_int(s, 11, a.published.no_timezone ? 0 : 1);
  bind(12, a.modified.value);
  bind(13, a.modified.source);
  sqlite3_bind_int(s, 14, a.modified.no_timezone ? 0 : 1);
  bind(15, authors);
  bind(16, a.lang);
  bind(17, a.image);
  bind(18, a.charset);
  sqlite3_bind_int64(s, 19, a.fetch_time);
  sqlite3_bind_int64(s, 20, static_cast<int64_t>(std::time(nullptr)));
  bind(21, paragraphs);
  bind(22, text);
  bind(23, links);
  bind(24, warnings);
  bind(25, a.lang_source);
  bind(26, a.section);
  bind(27, tags);
  bind(28, comments);
  if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error("insert article");
  bool inserted = sqlite3_changes(impl_->db) > 0;
  int64_t row = 0;
  if (inserted) {
    row = sqlite3_last_insert_rowid(impl_->db);
    sqlite3_stmt* r = impl_->insert_related.get();
    for (size_t i = 0; i < a.publisher_related.size(); ++i) {
      const RelatedItem& it = a.publisher_related[i];
      sqlite3_reset(r);
      sqlite3_bind_int64(r, 1, row);
      sqlite3_bind_int64(r, 2, static_cast<int64_t>(i));
      auto bindr = [r](int k, std::string_view v) {
        sqlite3_bind_text(r, k, v.data(), static_cast<int>(v.size()),
                          SQLITE_STATIC);
      };
      bindr(3, it.id);
      bindr(4, it.sort);
      bindr(5, it.contenttypeid);
      bindr(6, it.pic);
      bindr(7, it.title);
      if (sqlite3_step(r) != SQLITE_DONE)
        return impl_->Error("insert publisher_related");
    }
  } else if (seq) {
    sqlite3_stmt* f = impl_->find_article.get();
    sqlite3_reset(f);
    sqlite3_bind_text(f, 1, a.id.data(), static_cast<int>(a.id.size()),
                      SQLITE_STATIC);
    if (sqlite3_step(f) == SQLITE_ROW) row = sqlite3_column_int64(f, 0);
  }
  if (seq) *seq = row;
  return inserted;
}

Status Store::PutAnalysis(int64_t seq,
                          const analyze::ArticleAnalysis& analysis) {
  auto text = [](sqlite3_stmt* s, int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  };
  auto step = [&](sqlite3_stmt* s, const char* what) -> Status {
    if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error(what);
    return Status::Ok();
  };
  // An earlier analysis of this article, if any, goes first.
  for (Stmt* del : {&impl_->delete_entities, &impl_->delete_mentions,
                    &impl_->delete_timexes, &impl_->delete_claims}) {
    sqlite3_reset(del->get());
    sqlite3_bind_int64(del->get(), 1, seq);
    RETURN_IF_ERROR(step(del->get(), "delete analysis"));
  }
  sqlite3_stmt* s = impl_->insert_analysis.get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, seq);
  text(s, 2, analyze::ArticleAnalysisToJson(analysis));
  RETURN_IF_ERROR(step(s, "insert analysis"));

  const analyze::Analysis& ner = analysis.entities;
  s = impl_->insert_entity.get();
  for (const analyze::Entity& e : ner.entities) {
    std::string roles;
    JsonWriter w(&roles);
    w.BeginArray();
    for (const analyze::Role& r : e.roles) {
      w.BeginObject();
      w.Field("title", r.title);
      if (!r.org.empty()) w.Field("org", r.org);
      if (!r.country.empty()) w.Field("country", r.country);
      w.EndObject();
    }
    w.EndArray();
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, seq);
    text(s, 2, e.key);
    text(s, 3, analyze::EntityTypeName(e.type));
    text(s, 4, e.canonical);
    sqlite3_bind_int64(s, 5, static_cast<int64_t>(e.mentions.size()));
    text(s, 6, roles);
    RETURN_IF_ERROR(step(s, "insert entity"));
  }
  s = impl_->insert_mention.get();
  for (const analyze::Mention& m : ner.mentions) {
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_int64(s, 2, m.begin);
    sqlite3_bind_int64(s, 3, m.end);
    text(s, 4, analyze::EntityTypeName(m.type));
    text(s, 5, m.text);
    text(s, 6,
         m.entity >= 0 && static_cast<size_t>(m.entity) < ner.entities.size()
             ? std::string_view(ner.entities[m.entity].key)
             : std::string_view());
    RETURN_IF_ERROR(step(s, "insert mention"));
  }
  s = impl_->insert_timex.get();
  for (const analyze::Timex& t : analysis.timexes) {
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_int64(s, 2, t.begin);
    sqlite3_bind_int64(s, 3, t.end);
    text(s, 4, analyze::TimexTypeName(t.type));
    text(s, 5, t.value);
    text(s, 6, t.mod);
    RETURN_IF_ERROR(step(s, "insert timex"));
  }
  s = impl_->insert_claim.get();
  for (size_t i = 0; i < analysis.claims.size(); ++i) {
    const analyze::CountClaim& c = analysis.claims[i];
    std::string origin = JsonStrings(c.origin), first, last;
    if (!analyze::TimexValueDays(c.time, &first, &last)) first = last = "";
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_int64(s, 2, static_cast<int64_t>(i));
    text(s, 3, c.quantity_text);
    if (c.has_low) sqlite3_bind_double(s, 4, c.low); else sqlite3_bind_null(s, 4);
    if (c.has_high) sqlite3_bind_double(s, 5, c.high); else sqlite3_bind_null(s, 5);
    text(s, 6, analyze::QualifierName(c.qualifier));
    text(s, 7, c.subject);
    text(s, 8, c.event);
    text(s, 9, origin);
    text(s, 10, c.location);
    text(s, 11, c.source);
    text(s, 12, c.time);
    text(s, 13, first);
    text(s, 14, last);
    sqlite3_bind_int(s, 15, c.negated);
    sqlite3_bind_int(s, 16, c.hypothetical);
    sqlite3_bind_int64(s, 17, c.begin);
    sqlite3_bind_int64(s, 18, c.end);
    sqlite3_bind_int64(s, 19, c.sentence_begin);
    sqlite3_bind_int64(s, 20, c.sentence_end);
    RETURN_IF_ERROR(step(s, "insert claim"));
  }
  return Status::Ok();
}

Result<std::vector<ClaimRow>> Store::QueryClaims(const ClaimFilter& f) {
  Stmt s;
  RETURN_IF_ERROR(impl_->Query(
      "SELECT c.article_seq, a.id, a.title, a.published, c.quantity_text, "
      "c.low, c.high, c.qualifier, c.subject, c.event, c.origin, c.location, "
      "c.source, c.time, c.time_first, c.time_last, c.negated, "
      "c.hypothetical, c.begin, c.end, "
      "CAST(substr(CAST(a.text AS BLOB), c.sentence_begin + 1, "
      "c.sentence_end - c.sentence_begin) AS TEXT) "
      "FROM claims c JOIN articles a ON a.seq = c.article_seq WHERE "
      "(?1 = '' OR lower(c.subject) = lower(?1)) AND "
      "(?2 = '' OR upper(c.event) = upper(?2)) AND "
      "(?3 = '' OR EXISTS (SELECT 1 FROM json_each(c.origin) o WHERE "
      "lower(o.value) = lower(?3))) AND "
      "(?4 = '' OR lower(c.location) = lower(?4)) AND "
      "(?5 = '' OR instr(lower(c.source), lower(?5)) > 0) AND "
      "(?6 = '' OR (c.time_last <> '' AND c.time_last >= ?6)) AND "
      "(?7 = '' OR (c.time_first <> '' AND substr(c.time_first, 1, "
      "length(?7)) <= ?7)) AND "
      "(?8 OR (c.negated = 0 AND c.hypothetical = 0)) "
      "ORDER BY c.time_first = '', c.time_first, c.article_seq, c.pos "
      "LIMIT ?9",
      &s));
  // Claim offsets are bytes: the sentence is cut from the text as a BLOB.
  const std::string* params[] = {&f.subject, &f.event,  &f.origin, &f.location,
                                 &f.source,  &f.from, &f.to};
  for (int i = 0; i < 7; ++i)
    sqlite3_bind_text(s.get(), i + 1, params[i]->data(),
                      static_cast<int>(params[i]->size()), SQLITE_STATIC);
  sqlite3_bind_int(s.get(), 8, f.include_negated ? 1 : 0);
  sqlite3_bind_int64(s.get(), 9, f.limit);
  std::vector<ClaimRow> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    sqlite3_stmt* st = s.get();
    ClaimRow r;
    r.article_seq = sqlite3_column_int64(st, 0);
    r.article_id = ColumnText(st, 1);
    r.article_title = ColumnText(st, 2);
    r.published = ColumnText(st, 3);
    r.quantity_text = ColumnText(st, 4);
    r.has_low = sqlite3_column_type(st, 5) != SQLITE_NULL;
    r.low = sqlite3_column_double(st, 5);
    r.has_high = sqlite3_column_type(st, 6) != SQLITE_NULL;
    r.high = sqlite3_column_double(st, 6);
    r.qualifier = ColumnText(st, 7);
    r.subject = ColumnText(st, 8);
    r.event = ColumnText(st, 9);
    impl_->JsonStringArray(ColumnText(st, 10), &r.origin);
    r.location = ColumnText(st, 11);
    r.source = ColumnText(st, 12);
    r.time = ColumnText(st, 13);
    r.time_first = ColumnText(st, 14);
    r.time_last = ColumnText(st, 15);
    r.negated = sqlite3_column_int(st, 16) != 0;
    r.hypothetical = sqlite3_column_int(st, 17) != 0;
    r.begin = sqlite3_column_int64(st, 18);
    r.end = sqlite3_column_int64(st, 19);
    r.sentence = ColumnText(st, 20);
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read claims");
  return out;
}

Result<std::string> Store::GetAnalysisJson(int64_t seq) {
  sqlite3_stmt* s = impl_->select_analysis.get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, seq);
  int rc = sqlite3_step(s);
  std::string out;
  if (rc == SQLITE_ROW)
    out = ColumnText(s, 0);
  else if (rc != SQLITE_DONE)
    return impl_->Error("read analysis");
  sqlite3_reset(s);
  return out;
}

Result<std::vector<EntityCount>> Store::TopEntities(std::string_view type,
                                                    int64_t limit) {
  Stmt s;
  // The canonical form shown is the one most articles use for the key.
  RETURN_IF_ERROR(impl_->Query(
      "WITH forms AS (SELECT key, canonical, count(*) AS n FROM "
      "article_entities GROUP BY key, canonical), best AS (SELECT key, "
      "canonical FROM forms f WHERE n = (SELECT max(n) FROM forms g WHERE "
      "g.key = f.key) GROUP BY key) "
      "SELECT e.key, e.type, b.canonical, sum(e.mentions), count(*) FROM "
      "article_entities e JOIN best b ON b.key = e.key "
      "WHERE ?1 = '' OR e.type = ?1 GROUP BY e.key "
      "ORDER BY sum(e.mentions) DESC, count(*) DESC, e.key LIMIT ?2",
      &s));
  sqlite3_bind_text(s.get(), 1, type.data(), static_cast<int>(type.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 2, limit);
  std::vector<EntityCount> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    EntityCount e;
    e.key = ColumnText(s.get(), 0);
    e.type = ColumnText(s.get(), 1);
    e.canonical = ColumnText(s.get(), 2);
    e.mentions = sqlite3_column_int64(s.get(), 3);
    e.articles = sqlite3_column_int64(s.get(), 4);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read entities");
  return out;
}

Result<std::vector<EntityArticle>> Store::EntityArticles(std::string_view key,
                                                         int64_t limit) {
  Stmt s;
  RETURN_IF_ERROR(impl_->Query(
      "SELECT a.seq, a.id, a.title, a.published, a.site, e.canonical, "
      "e.mentions FROM article_entities e JOIN articles a ON a.seq = "
      "e.article_seq WHERE e.key = ?1 "
      "ORDER BY a.published = '', a.published, a.seq LIMIT ?2",
      &s));
  sqlite3_bind_text(s.get(), 1, key.data(), static_cast<int>(key.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 2, limit);
  std::vector<EntityArticle> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    EntityArticle r;
    r.seq = sqlite3_column_int64(s.get(), 0);
    r.id = ColumnText(s.get(), 1);
    r.title = ColumnText(s.get(), 2);
    r.published = ColumnText(s.get(), 3);
    r.site = ColumnText(s.get(), 4);
    r.canonical = ColumnText(s.get(), 5);
    r.mentions = sqlite3_column_int64(s.get(), 6);
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read entity articles");
  return out;
}

Result<std::vector<EntityQuote>> Store::EntityQuotes(std::string_view key,
                                                     int64_t limit) {
  Stmt s;
  // Quotes live only in the analysis JSON; a quote's `entity` indexes the
  // article's `ner.entities`, whose `key` is the archive-wide key. Offsets
  // are bytes, so the quote is cut from the text as a BLOB.
  RETURN_IF_ERROR(impl_->Query(
      "SELECT a.seq, a.id, a.title, a.published, "
      "json_extract(q.value, '$.kind'), json_extract(q.value, '$.cue'), "
      "json_extract(q.value, '$.speaker_text'), "
      "CAST(substr(CAST(a.text AS BLOB), json_extract(q.value, '$.begin') + "
      "1, json_extract(q.value, '$.end') - json_extract(q.value, '$.begin')) "
      "AS TEXT), json_extract(q.value, '$.begin'), "
      "json_extract(q.value, '$.end') "
      "FROM article_entities e JOIN articles a ON a.seq = e.article_seq "
      "JOIN analyses n ON n.article_seq = e.article_seq, "
      "json_each(n.json, '$.quotes') q "
      "WHERE e.key = ?1 AND json_extract(q.value, '$.entity') >= 0 AND "
      "json_extract(n.json, '$.ner.entities[' || json_extract(q.value, "
      "'$.entity') || '].key') = ?1 "
      "ORDER BY a.published = '', a.published, a.seq, q.key LIMIT ?2",
      &s));
  sqlite3_bind_text(s.get(), 1, key.data(), static_cast<int>(key.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 2, limit);
  std::vector<EntityQuote> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    sqlite3_stmt* st = s.get();
    EntityQuote r;
    r.article_seq = sqlite3_column_int64(st, 0);
    r.article_id = ColumnText(st, 1);
    r.article_title = ColumnText(st, 2);
    r.published = ColumnText(st, 3);
    r.kind = ColumnText(st, 4);
    r.cue = ColumnText(st, 5);
    r.speaker_text = ColumnText(st, 6);
    r.text = ColumnText(st, 7);
    r.begin = sqlite3_column_int64(st, 8);
    r.end = sqlite3_column_int64(st, 9);
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read entity quotes");
  return out;
}

Result<bool> Store::PutFailure(const Failure& f) {
  sqlite3_stmt* s = impl_->insert_failure.get();
  sqlite3_reset(s);
  sqlite3_bind_text(s, 1, f.source.data(), static_cast<int>(f.source.size()),
                    SQLITE_STATIC);
  sqlite3_bind_text(s, 2, f.stage.data(), static_cast<int>(f.stage.size()),
                    SQLITE_STATIC);
  sqlite3_bind_text(s, 3, f.reason.data(), static_cast<int>(f.reason.size()),
                    SQLITE_STATIC);
  sqlite3_bind_int64(
      s, 4, f.time ? f.time : static_cast<int64_t>(std::time(nullptr)));
  if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error("insert failure");
  return sqlite3_changes(impl_->db) > 0;
}

Result<int64_t> Store::PutRun(const IngestRun& run) {
  Stmt s;
  RETURN_IF_ERROR(
      impl_->Query("INSERT INTO ingest_runs(started, finished, documents, "
                   "stored, duplicates, failures, bytes) "
                   "VALUES(?1,?2,?3,?4,?5,?6,?7)",
                   &s));
  int64_t v[] = {run.started,    run.finished, run.documents, run.stored,
                 run.duplicates, run.failures, run.bytes};
  for (int i = 0; i < 7; ++i) sqlite3_bind_int64(s.get(), i + 1, v[i]);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return impl_->Error("insert run");
  return sqlite3_last_insert_rowid(impl_->db);
}

Status Store::ReadRow(void* stmt, Article* a, int64_t* seq) {
  sqlite3_stmt* st = static_cast<sqlite3_stmt*>(stmt);
  *seq = sqlite3_column_int64(st, 0);
  a->id = ColumnText(st, 1);
  a->source = ColumnText(st, 2);
  a->format = ColumnText(st, 3);
  a->url = ColumnText(st, 4);
  a->canonical_url = ColumnText(st, 5);
  a->site = ColumnText(st, 6);
  a->title = ColumnText(st, 7);
  a->description = ColumnText(st, 8);
  a->published.value = ColumnText(st, 9);
  a->published.source = ColumnText(st, 10);
  a->published.no_timezone = sqlite3_column_int(st, 11) == 0;
  a->modified.value = ColumnText(st, 12);
  a->modified.source = ColumnText(st, 13);
  a->modified.no_timezone = sqlite3_column_int(st, 14) == 0;
  impl_->JsonStringArray(ColumnText(st, 15), &a->authors);
  a->lang = ColumnText(st, 16);
  a->image = ColumnText(st, 17);
  a->charset = ColumnText(st, 18);
  a->fetch_time = sqlite3_column_int64(st, 19);
  impl_->JsonStringArray(ColumnText(st, 20), &a->paragraphs);
  impl_->JsonLinkArray(ColumnText(st, 21), &a->links);
  impl_->JsonStringArray(ColumnText(st, 22), &a->warnings);
  a->lang_source = ColumnText(st, 23);
  a->section = ColumnText(st, 24);
  impl_->JsonStringArray(ColumnText(st, 25), &a->tags);
  impl_->JsonStringArray(ColumnText(st, 26), &a->comments);
  // Related items through the one prepared statement.
  sqlite3_stmt* r = impl_->select_related.get();
  sqlite3_reset(r);
  sqlite3_bind_int64(r, 1, *seq);
  a->publisher_related.clear();
  int rc;
  while ((rc = sqlite3_step(r)) == SQLITE_ROW) {
    RelatedItem item;
    item.id = ColumnText(r, 0);
    item.sort = ColumnText(r, 1);
    item.contenttypeid = ColumnText(r, 2);
    item.pic = ColumnText(r, 3);
    item.title = ColumnText(r, 4);
    a->publisher_related.push_back(std::move(item));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read publisher_related");
  return Status::Ok();
}

Result<Article> Store::GetArticle(std::string_view id_or_seq, int64_t* seq) {
  int64_t as_seq = 0;
  auto [p, ec] = std::from_chars(id_or_seq.data(),
                                 id_or_seq.data() + id_or_seq.size(), as_seq);
  if (ec != std::errc() || p != id_or_seq.data() + id_or_seq.size()) as_seq = 0;
  // An id match wins over a seq match (ids are hex and may be all digits).
  sqlite3_stmt* st = impl_->select_by_id.get();
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 0) {
      st = impl_->select_by_id.get();
      sqlite3_reset(st);
      sqlite3_bind_text(st, 1, id_or_seq.data(),
                        static_cast<int>(id_or_seq.size()), SQLITE_TRANSIENT);
    } else {
      if (as_seq <= 0) break;
      st = impl_->select_by_seq.get();
      sqlite3_reset(st);
      sqlite3_bind_int64(st, 1, as_seq);
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      Article a;
      int64_t found = 0;
      RETURN_IF_ERROR(ReadRow(st, &a, &found));
      sqlite3_reset(st);
      if (seq) *seq = found;
      return a;
    }
    if (rc != SQLITE_DONE) return impl_->Error("read article");
  }
  return Status::NotFound("no article with id or seq '" +
                          std::string(id_or_seq) + "'");
}

Result<std::vector<ArticleSummary>> Store::ListArticles(int64_t offset,
                                                        int64_t limit) {
  Stmt s;
  RETURN_IF_ERROR(
      impl_->Query("SELECT seq, id, title, published, site, source, "
                   "json_array_length(paragraphs), length(text) FROM articles "
                   "ORDER BY seq DESC LIMIT ?1 OFFSET ?2",
                   &s));
  sqlite3_bind_int64(s.get(), 1, limit);
  sqlite3_bind_int64(s.get(), 2, offset);
  std::vector<ArticleSummary> out;
  const int rc = StepArticleSummaries(s.get(), &out);
  if (rc != SQLITE_DONE) return impl_->Error("read articles");
  return out;
}

Result<std::vector<ArticleSummary>> Store::StoryArticles(int64_t story_id,
                                                         int64_t limit) {
  Stmt s;
  RETURN_IF_ERROR(impl_->Query(
      "SELECT a.seq, a.id, a.title, a.published, a.site, a.source, "
      "json_array_length(a.paragraphs), length(a.text) FROM article_links l "
      "JOIN articles a ON a.seq = l.article_seq WHERE l.story_id = ?1 "
      "ORDER BY a.published = '', a.published, a.seq LIMIT ?2",
      &s));
  sqlite3_bind_int64(s.get(), 1, story_id);
  sqlite3_bind_int64(s.get(), 2, limit);
  std::vector<ArticleSummary> out;
  const int rc = StepArticleSummaries(s.get(), &out);
  if (rc != SQLITE_DONE) return impl_->Error("read story articles");
  return out;
}

Result<std::vector<Failure>> Store::ListFailures(int64_t limit) {
  Stmt s;
  RETURN_IF_ERROR(
      impl_->Query("SELECT source, stage, reason, time FROM failures "
                   "ORDER BY rowid LIMIT ?1",
                   &s));
  sqlite3_bind_int64(s.get(), 1, limit);
  std::vector<Failure> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    Failure f;
    f.source = ColumnText(s.get(), 0);
    f.stage = ColumnText(s.get(), 1);
    f.reason = ColumnText(s.get(), 2);
    f.time = sqlite3_column_int64(s.get(), 3);
    out.push_back(std::move(f));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read failures");
  return out;
}

Result<std::vector<IngestRun>> Store::ListRuns(int64_t limit) {
  Stmt s;
  RETURN_IF_ERROR(
      impl_->Query("SELECT id, started, finished, documents, stored, "
                   "duplicates, failures, bytes FROM ingest_runs "
                   "ORDER BY id DESC LIMIT ?1",
                   &s));
  sqlite3_bind_int64(s.get(), 1, limit);
  std::vector<IngestRun> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    IngestRun r;
    int64_t* f[] = {&r.id,     &r.started,    &r.finished, &r.documents,
                    &r.stored, &r.duplicates, &r.failures, &r.bytes};
    for (int i = 0; i < 8; ++i) *f[i] = sqlite3_column_int64(s.get(), i);
    out.push_back(r);
  }
  if (rc != SQLITE_DONE) return impl_->Error("read runs");
  return out;
}

Status Store::ForEachArticle(
    const std::function<Status(const Article&, int64_t)>& fn) {
  Stmt s;
  std::string sql =
      std::string("SELECT ") + kArticleColumns + " FROM articles ORDER BY seq";
  RETURN_IF_ERROR(impl_->Query(sql.c_str(), &s));
  Article a;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    int64_t seq = 0;
    RETURN_IF_ERROR(ReadRow(s.get(), &a, &seq));
    RETURN_IF_ERROR(fn(a, seq));
  }
  if (rc != SQLITE_DONE) return impl_->Error("scan articles");
  return Status::Ok();
}

Status Store::ForEachArticleEntity(
    const std::function<void(int64_t, std::string_view)>& fn) {
  Stmt s;
  RETURN_IF_ERROR(impl_->Query(
      "SELECT article_seq, key FROM article_entities ORDER BY article_seq, "
      "mentions DESC, key",
      &s));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW)
    fn(sqlite3_column_int64(s.get(), 0), ColumnText(s.get(), 1));
  if (rc != SQLITE_DONE) return impl_->Error("scan entities");
  return Status::Ok();
}

Status Store::ForEachLinkSource(
    const std::function<Status(const LinkSource&)>& fn) {
  Stmt s;
  RETURN_IF_ERROR(impl_->Query(
      "SELECT seq, id, title, text, published, site, lang, image, format "
      "FROM articles ORDER BY seq",
      &s));
  LinkSource src;
  std::vector<std::string> keys;
  sqlite3_stmt* k = impl_->select_entity_keys.get();
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    src.seq = sqlite3_column_int64(s.get(), 0);
    src.id = ColumnText(s.get(), 1);
    src.title = ColumnText(s.get(), 2);
    src.text = ColumnText(s.get(), 3);
    src.published = ColumnText(s.get(), 4);
    src.site = ColumnText(s.get(), 5);
    src.lang = ColumnText(s.get(), 6);
    src.image = ColumnText(s.get(), 7);
    src.format = ColumnText(s.get(), 8);
    keys.clear();
    sqlite3_reset(k);
    sqlite3_bind_int64(k, 1, src.seq);
    int krc;
    while ((krc = sqlite3_step(k)) == SQLITE_ROW)
      keys.emplace_back(ColumnText(k, 0));
    if (krc != SQLITE_DONE) return impl_->Error("scan entity keys");
    src.entity_keys = keys;
    RETURN_IF_ERROR(fn(src));
  }
  if (rc != SQLITE_DONE) return impl_->Error("scan articles");
  return Status::Ok();
}

Status Store::PutArticleLink(const ArticleLink& link) {
  sqlite3_stmt* s = impl_->insert_link.get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, link.seq);
  sqlite3_bind_int64(s, 2, link.dup_group_seq);
  sqlite3_bind_int64(s, 3, link.dup_original_seq);
  sqlite3_bind_int64(s, 4, link.story_id);
  if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error("insert link");
  return Status::Ok();
}

Status Store::SetDupOriginal(int64_t dup_group_seq, int64_t original_seq) {
  sqlite3_stmt* s = impl_->update_original.get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, dup_group_seq);
  sqlite3_bind_int64(s, 2, original_seq);
  if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error("update original");
  return Status::Ok();
}

Result<bool> Store::GetArticleLink(int64_t seq, ArticleLink* link) {
  sqlite3_stmt* s = impl_->select_link.get();
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, seq);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) return impl_->Error("read link");
  link->seq = seq;
  link->dup_group_seq = sqlite3_column_int64(s, 0);
  link->dup_original_seq = sqlite3_column_int64(s, 1);
  link->story_id = sqlite3_column_int64(s, 2);
  sqlite3_reset(s);
  return true;
}

Status Store::ForEachArticleLink(
    const std::function<void(const ArticleLink&)>& fn) {
  Stmt s;
  RETURN_IF_ERROR(impl_->Query(
      "SELECT article_seq, dup_group_seq, dup_original_seq, story_id FROM "
      "article_links ORDER BY article_seq",
      &s));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    fn({sqlite3_column_int64(s.get(), 0), sqlite3_column_int64(s.get(), 1),
        sqlite3_column_int64(s.get(), 2), sqlite3_column_int64(s.get(), 3)});
  }
  if (rc != SQLITE_DONE) return impl_->Error("scan links");
  return Status::Ok();
}

Status Store::DeleteStories() { return impl_->Exec("DELETE FROM stories"); }

Status Store::PutStory(const StoryRow& story) {
  sqlite3_stmt* s = impl_->insert_story.get();
  sqlite3_reset(s);
  auto bind = [s](int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_STATIC);
  };
  sqlite3_bind_int64(s, 1, story.id);
  bind(2, story.label);
  sqlite3_bind_int64(s, 3, story.size);
  bind(4, story.first_day);
  bind(5, story.last_day);
  sqlite3_bind_int64(s, 6, story.first_seq);
  sqlite3_bind_int64(
      s, 7,
      story.updated ? story.updated : static_cast<int64_t>(std::time(nullptr)));
  if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error("insert story");
  return Status::Ok();
}

Result<std::vector<StoryRow>> Store::ListStories(StoryOrder order,
                                                 int64_t limit) {
  Stmt s;
  std::string sql =
      "SELECT s.id, s.label, s.size, s.first_day, s.last_day, s.first_seq, "
      "s.updated, coalesce(a.title, '') FROM stories s "
      "LEFT JOIN articles a ON a.seq = s.first_seq ORDER BY ";
  sql += order == StoryOrder::kLargest
             ? "s.size DESC, s.last_day DESC, s.id"
             : "s.last_day DESC, s.size DESC, s.id DESC";
  sql += " LIMIT ?1";
  RETURN_IF_ERROR(impl_->Query(sql.c_str(), &s));
  sqlite3_bind_int64(s.get(), 1, limit);
  std::vector<StoryRow> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    StoryRow r;
    r.id = sqlite3_column_int64(s.get(), 0);
    r.label = ColumnText(s.get(), 1);
    r.size = sqlite3_column_int64(s.get(), 2);
    r.first_day = ColumnText(s.get(), 3);
    r.last_day = ColumnText(s.get(), 4);
    r.first_seq = sqlite3_column_int64(s.get(), 5);
    r.updated = sqlite3_column_int64(s.get(), 6);
    r.first_title = ColumnText(s.get(), 7);
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return impl_->Error("read stories");
  return out;
}

Result<StoreStats> Store::Stats() {
  StoreStats st;
  st.schema_version = kSchemaVersion;
  const char* queries[] = {"SELECT count(*) FROM articles",
                           "SELECT count(*) FROM failures",
                           "SELECT count(*) FROM publisher_related",
                           "SELECT count(*) FROM ingest_runs",
                           "SELECT count(*) FROM analyses",
                           "SELECT count(*) FROM mentions",
                           "SELECT count(*) FROM timexes",
                           "SELECT count(*) FROM claims",
                           "SELECT count(*) FROM article_links",
                           "SELECT count(*) FROM stories"};
  int64_t* fields[] = {&st.articles, &st.failures, &st.publisher_related,
                       &st.runs,     &st.analysed, &st.entity_mentions,
                       &st.timexes,  &st.claims,   &st.linked,
                       &st.stories};
  for (int i = 0; i < 10; ++i) {
    Stmt s;
    RETURN_IF_ERROR(impl_->Query(queries[i], &s));
    if (sqlite3_step(s.get()) != SQLITE_ROW) return impl_->Error("count");
    *fields[i] = sqlite3_column_int64(s.get(), 0);
  }
  return st;
}

Result<int64_t> Store::MaxSeq() {
  Stmt s;
  RETURN_IF_ERROR(
      impl_->Query("SELECT coalesce(max(seq), 0) FROM articles", &s));
  if (sqlite3_step(s.get()) != SQLITE_ROW) return impl_->Error("max seq");
  return sqlite3_column_int64(s.get(), 0);
}

namespace {

// Non-zero interrupts the running statement (SQLITE_INTERRUPT).
int PastDeadline(void* arg) {
  const auto* deadline =
      static_cast<const std::chrono::steady_clock::time_point*>(arg);
  return std::chrono::steady_clock::now() >= *deadline ? 1 : 0;
}

}  // namespace

void Store::SetDeadline(std::chrono::steady_clock::time_point deadline) {
  impl_->deadline = deadline;
  sqlite3_progress_handler(impl_->db, kDeadlineCheckOps, PastDeadline,
                           &impl_->deadline);
}

void Store::ClearDeadline() {
  sqlite3_progress_handler(impl_->db, 0, nullptr, nullptr);
}

}  // namespace wirewatch::store
