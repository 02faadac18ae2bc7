#include "api/handlers.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "api/views.h"
#include "base/article_json.h"
#include "base/json_writer.h"
#include "base/utf8.h"

namespace wirewatch::api {
namespace {

constexpr char kNoCache[] = "no-cache";

// Splits "/api/articles/abc/related" into its non-empty segments.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// An article id (16 hex digits) or a decimal seq; anything else is refused
// before it reaches the store.
bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
          (c >= 'A' && c <= 'Z')))
      return false;
  return true;
}

// Reads the optional integer parameter `name` into *out (left unchanged
// when absent). InvalidArgument unless it is a decimal integer in
// [lo, hi].
Status IntParam(const Request& req, const char* name, int64_t lo, int64_t hi,
                int64_t* out) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return Status::Ok();
  const std::string& v = it->second;
  int64_t x = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || x < lo ||
      x > hi)
    return Status::InvalidArgument(
        std::string("parameter '") + name + "' must be an integer in [" +
        std::to_string(lo) + ", " + std::to_string(hi) + "]");
  *out = x;
  return Status::Ok();
}

// "", "2013", "2013-07", "2013-07-12": digits and '-', at most 10 bytes.
bool DatePrefix(std::string_view d) {
  if (d.size() > 10) return false;
  for (char c : d)
    if (!((c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// Reads the optional string parameter `name` (empty when absent).
std::string StrParam(const Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? std::string() : it->second;
}

Response Json(std::string body, std::string_view cache = kNoCache) {
  Response r;
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", std::string(cache));
  return r;
}

// True when the If-None-Match header lists `etag` (or is "*").
bool EtagMatches(const Request& req, std::string_view etag) {
  auto it = req.headers.find("if-none-match");
  if (it == req.headers.end()) return false;
  std::string_view h = it->second;
  if (h == "*") return true;
  size_t at = 0;
  while ((at = h.find(etag, at)) != std::string_view::npos) {
    // A whole entity tag, optionally weak (W/"...").
    const size_t end = at + etag.size();
    if (end == h.size() || h[end] == ',' || h[end] == ' ') return true;
    at = end;
  }
  return false;
}

}  // namespace

Response Api::Error(int http_status, std::string_view code,
                    std::string_view message) {
  Response r;
  r.status = http_status;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Field("code", code);
  w.Field("message", message);
  w.EndObject();
  w.EndObject();
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response Api::FromStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return Error(500, "internal", "no error to report");
    case StatusCode::kInvalidArgument:
      return Error(400, "invalid_argument", s.message());
    case StatusCode::kNotFound:
      return Error(404, "not_found", s.message());
    case StatusCode::kResourceExhausted:
      return Error(413, "too_large", s.message());
    case StatusCode::kUnavailable:
      return Error(503, "unavailable", s.message());
    default:
      // Corruption, Internal: the message may name files; keep it generic.
      return Error(500, "internal", "internal error");
  }
}

Result<std::unique_ptr<Api>> Api::Open(const std::string& db_path,
                                       const ApiOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store,
                   store::Store::Open(db_path));
  std::unique_ptr<Api> api(new Api(std::move(store), options));
  for (size_t i = 1; i < options.store_connections; ++i) {
    ASSIGN_OR_RETURN(std::unique_ptr<store::Store> more,
                     store::Store::Open(db_path));
    api->free_.push_back(more.get());
    api->stores_.push_back(std::move(more));
  }
  RETURN_IF_ERROR(api->RebuildIndex());
  return api;
}

Api::Api(std::unique_ptr<store::Store> store, const ApiOptions& options)
    : options_(options) {
  free_.push_back(store.get());
  stores_.push_back(std::move(store));
}

// Borrows a free Store from the pool for one request; waits while all are
// in use. A timed lease gives up at the request's deadline (status() is
// then Unavailable) and bounds the store's statements by it.
class Api::StoreLease {
 public:
  StoreLease(Api* api, bool timed) : api_(api) {
    const auto limit = api_->options_.request_time_limit;
    timed = timed && limit.count() > 0;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::unique_lock<std::mutex> l(api_->pool_mu_);
    auto available = [this] { return !api_->free_.empty(); };
    if (timed) {
      if (!api_->pool_cv_.wait_until(l, deadline, available)) return;
    } else {
      api_->pool_cv_.wait(l, available);
    }
    store_ = api_->free_.back();
    api_->free_.pop_back();
    if (timed) {
      store_->SetDeadline(deadline);
      timed_ = true;
    }
  }
  ~StoreLease() {
    if (!store_) return;
    if (timed_) store_->ClearDeadline();
    {
      std::lock_guard<std::mutex> l(api_->pool_mu_);
      api_->free_.push_back(store_);
    }
    api_->pool_cv_.notify_one();
  }
  StoreLease(const StoreLease&) = delete;
  StoreLease& operator=(const StoreLease&) = delete;
  Status status() const {
    return store_ ? Status::Ok()
                  : Status::Unavailable(
                        "all store connections busy: time limit exceeded");
  }
  // REQUIRES: status().ok().
  store::Store* operator->() const { return store_; }
  store::Store* get() const { return store_; }

 private:
  Api* api_;
  store::Store* store_ = nullptr;
  bool timed_ = false;
};

std::shared_ptr<Api::Snapshot> Api::snapshot() const {
  std::lock_guard<std::mutex> l(index_mu_);
  return snapshot_;
}

std::shared_ptr<const ArchiveIndex> Api::index() const {
  std::shared_ptr<Snapshot> s = snapshot();
  return std::shared_ptr<const ArchiveIndex>(s, s->index.get());
}

Status Api::RebuildIndex() {
  std::lock_guard<std::mutex> one_build(rebuild_mu_);
  std::unique_ptr<ArchiveIndex> built;
  int64_t max_seq = 0;
  {
    StoreLease store(this, /*timed=*/false);
    // Read before the build: an article stored meanwhile makes the next
    // RefreshIfChanged rebuild again rather than go unseen.
    ASSIGN_OR_RETURN(max_seq, store->MaxSeq());
    ASSIGN_OR_RETURN(built, ArchiveIndex::Build(store.get()));
  }
  auto fresh = std::make_shared<Snapshot>();
  fresh->index = std::move(built);
  fresh->max_seq = max_seq;
  std::lock_guard<std::mutex> l(index_mu_);
  snapshot_.swap(fresh);
  return Status::Ok();
}

Result<bool> Api::RefreshIfChanged() {
  int64_t stored = 0;
  {
    StoreLease store(this, /*timed=*/false);
    ASSIGN_OR_RETURN(stored, store->MaxSeq());
  }
  if (stored == snapshot()->max_seq) return false;
  RETURN_IF_ERROR(RebuildIndex());
  return true;
}

Response Api::Handle(const Request& req) {
  if (req.body.size() >
      std::max(options_.max_body_bytes, options_.max_ingest_bytes))
    return Error(413, "too_large", "request body too large");
  if (req.path.size() > options_.max_path_bytes)
    return Error(414, "uri_too_long", "path too long");
  if (!IsValidUtf8(req.path))
    return Error(400, "invalid_argument", "path is not valid UTF-8");
  for (const auto& [k, v] : req.query) {
    if (k.size() > 64 || v.size() > options_.max_param_bytes)
      return Error(400, "invalid_argument", "query parameter too long");
    if (!IsValidUtf8(k) || !IsValidUtf8(v))
      return Error(400, "invalid_argument",
                   "query parameter is not valid UTF-8");
  }

  const std::vector<std::string_view> seg = Segments(req.path);
  if (seg.size() < 2 || seg[0] != "api")
    return Error(404, "not_found", "no such endpoint");
  // Routing first, then the method, so an unknown path is 404 whatever the
  // method and a known one answers 405 to anything but GET/HEAD.
  enum class Route {
    kHealth,
    kStats,
    kIngest,
    kArticles,
    kArticle,
    kRelated,
    kSearch,
    kEntities,
    kEntity,
    kStories,
    kStory,
    kClaims,
    kNone
  };
  Route route = Route::kNone;
  const std::string_view e = seg[1];
  if (seg.size() == 2) {
    if (e == "health")
      route = Route::kHealth;
    else if (e == "stats")
      route = Route::kStats;
    else if (e == "ingest")
      route = Route::kIngest;
    else if (e == "articles")
      route = Route::kArticles;
    else if (e == "search")
      route = Route::kSearch;
    else if (e == "entities")
      route = Route::kEntities;
    else if (e == "stories")
      route = Route::kStories;
    else if (e == "claims")
      route = Route::kClaims;
  } else if (e == "stories" && seg.size() == 3) {
    route = Route::kStory;
  } else if (e == "entities" && seg.size() >= 3) {
    route = Route::kEntity;  // the key may hold '/': it is the rest
  } else if (e == "articles" && seg.size() == 3) {
    route = Route::kArticle;
  } else if (e == "articles" && seg.size() == 4 && seg[3] == "related") {
    route = Route::kRelated;
  }
  if (route == Route::kNone) return Error(404, "not_found", "no such endpoint");
  if (route == Route::kIngest && req.method == "POST") {
    if (!writer_)
      return Error(403, "forbidden",
                   "writes are disabled: the server has no ingest token");
    return writer_->Ingest(req);
  }
  if (req.body.size() > options_.max_body_bytes)
    return Error(413, "too_large", "request body too large");
  if (req.method != "GET" && req.method != "HEAD") {
    const bool ingest = route == Route::kIngest;
    Response r = Error(405, "method_not_allowed",
                       ingest ? "only GET and POST are allowed"
                              : "only GET is allowed");
    r.headers.emplace_back("Allow", ingest ? "GET, HEAD, POST" : "GET, HEAD");
    return r;
  }
  if ((route == Route::kArticle || route == Route::kRelated) &&
      !ValidId(seg[2]))
    return Error(400, "invalid_argument",
                 "an article id is 16 hex digits or a decimal seq");

  switch (route) {
    case Route::kHealth:
      return Health();
    case Route::kStats:
      return Stats();
    case Route::kIngest:
      return Ingest();
    case Route::kArticles:
      return ListArticles(req);
    case Route::kArticle:
      return GetArticle(req, seg[2]);
    case Route::kRelated:
      return Related(req, seg[2]);
    case Route::kSearch:
      return Search(req);
    case Route::kEntities:
      return Entities(req);
    case Route::kEntity:
      return Entity(req, std::string_view(req.path).substr(
                             req.path.find("/entities/") + 10));
    case Route::kStories:
      return Stories(req);
    case Route::kStory:
      return Story(req, seg[2]);
    case Route::kClaims:
      return Claims(req);
    case Route::kNone:
      break;
  }
  return Error(404, "not_found", "no such endpoint");
}

Response Api::Health() {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("status", "ok");
  w.Field("articles_indexed", static_cast<int64_t>(index()->size()));
  w.Field("schema_version", static_cast<int64_t>(store::Store::kSchemaVersion));
  w.EndObject();
  return Json(std::move(out), "no-store");
}

Response Api::Stats() {
  Result<store::StoreStats> st = [&]() -> Result<store::StoreStats> {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    return store->Stats();
  }();
  if (!st.ok()) return FromStatus(st.status());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("schema_version", static_cast<int64_t>(st->schema_version));
  w.Field("articles", st->articles);
  w.Field("indexed", static_cast<int64_t>(index()->size()));
  w.Field("failures", st->failures);
  w.Field("publisher_related", st->publisher_related);
  w.Field("runs", st->runs);
  w.Field("analysed", st->analysed);
  w.Field("entity_mentions", st->entity_mentions);
  w.Field("timexes", st->timexes);
  w.Field("claims", st->claims);
  w.EndObject();
  return Json(std::move(out));
}

Response Api::Ingest() {
  Result<std::vector<store::IngestRun>> runs =
      [&]() -> Result<std::vector<store::IngestRun>> {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    return store->ListRuns(20);
  }();
  if (!runs.ok()) return FromStatus(runs.status());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("runs");
  w.BeginArray();
  for (const auto& r : *runs) {
    w.BeginObject();
    w.Field("id", r.id);
    w.Field("started", r.started);
    w.Field("finished", r.finished);
    w.Field("documents", r.documents);
    w.Field("stored", r.stored);
    w.Field("duplicates", r.duplicates);
    w.Field("failures", r.failures);
    w.Field("bytes", r.bytes);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(std::move(out));
}

Response Api::ListArticles(const Request& req) {
  int64_t offset = 0, limit = 20;
  Status s = IntParam(req, "offset", 0, int64_t{1} << 40, &offset);
  if (s.ok()) s = IntParam(req, "limit", 1, options_.max_list_limit, &limit);
  if (!s.ok()) return FromStatus(s);
  const std::string site = StrParam(req, "site");
  const std::string lang = StrParam(req, "lang");
  const std::string from = StrParam(req, "from");
  const std::string to = StrParam(req, "to");
  if (!DatePrefix(from) || !DatePrefix(to))
    return Error(400, "invalid_argument",
                 "parameters 'from' and 'to' are YYYY-MM-DD or a prefix");
  if (site.size() > 200 || lang.size() > 16)
    return Error(400, "invalid_argument", "filter value too long");
  // The list comes from the index (newest first), like related and search:
  // articles stored after the index was built appear after a rebuild.
  auto idx = index();
  const std::vector<ArchiveDoc>& docs = idx->docs();
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("offset", offset);
  w.Field("limit", limit);
  w.Key("articles");
  w.BeginArray();
  int64_t total = 0;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
    const ArchiveDoc& d = *it;
    if (!site.empty() && d.site != site) continue;
    if (!lang.empty() && d.lang != lang) continue;
    if (!from.empty() &&
        (d.published.empty() || d.published.compare(0, from.size(), from) < 0))
      continue;
    if (!to.empty() &&
        (d.published.empty() || d.published.compare(0, to.size(), to) > 0))
      continue;
    if (total++ < offset || total > offset + limit) continue;
    w.BeginObject();
    WriteArticleRefFields(d, &w);
    w.Field("lang", d.lang);
    w.EndObject();
  }
  w.EndArray();
  w.Field("total", total);
  w.EndObject();
  return Json(std::move(out));
}

Response Api::GetArticle(const Request& req, std::string_view id) {
  int64_t seq = 0;
  std::string analysis;
  Result<Article> a = [&]() -> Result<Article> {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    ASSIGN_OR_RETURN(Article art, store->GetArticle(id, &seq));
    ASSIGN_OR_RETURN(analysis, store->GetAnalysisJson(seq));
    return art;
  }();
  if (!a.ok()) return FromStatus(a.status());
  // An article never changes under its id; the analysis only with the
  // schema that wrote it.
  const std::string etag =
      "\"" + a->id + ".v" + std::to_string(store::Store::kSchemaVersion) + "\"";
  Response r;
  r.headers.emplace_back("ETag", etag);
  r.headers.emplace_back("Cache-Control", "public, max-age=300");
  if (EtagMatches(req, etag)) {
    r.status = 304;
    return r;
  }
  JsonWriter w(&r.body);
  WriteArticleJson(*a, seq, &w, analysis);
  return r;
}

Response Api::Related(const Request& req, std::string_view id) {
  int64_t k = 4;
  Status s = IntParam(req, "k", 0, options_.max_k, &k);
  if (!s.ok()) return FromStatus(s);
  const std::string source = StrParam(req, "source");
  std::vector<RelatedItem> items;
  if (source == "publisher") {
    Result<Article> a = [&]() -> Result<Article> {
      StoreLease store(this, /*timed=*/true);
      RETURN_IF_ERROR(store.status());
      return store->GetArticle(id);
    }();
    if (!a.ok()) return FromStatus(a.status());
    items = std::move(a->publisher_related);
    if (items.size() > static_cast<size_t>(k)) items.resize(k);
  } else if (source.empty() || source == "archive") {
    std::shared_ptr<Snapshot> snap = snapshot();
    const ArchiveDoc* doc = snap->index->FindDoc(id);
    const int64_t key = doc ? doc->seq * 128 + k : -1;
    if (doc) {
      std::lock_guard<std::mutex> l(snap->mu);
      auto hit = snap->related.find(key);
      if (hit != snap->related.end())
        return Json(hit->second, "public, max-age=60");
    }
    auto r = snap->index->Related(id, static_cast<size_t>(k));
    if (!r.ok()) return FromStatus(r.status());
    std::string out;
    JsonWriter w(&out);
    WriteRelatedJson(*r, &w);
    if (doc) {
      std::lock_guard<std::mutex> l(snap->mu);
      if (snap->related.size() >= options_.max_cached_widgets)
        snap->related.clear();
      snap->related.emplace(key, out);
    }
    return Json(std::move(out), "public, max-age=60");
  } else {
    return Error(400, "invalid_argument",
                 "parameter 'source' must be 'archive' or 'publisher'");
  }
  std::string out;
  JsonWriter w(&out);
  WriteRelatedJson(items, &w);
  return Json(std::move(out), "public, max-age=60");
}

Response Api::Search(const Request& req) {
  const std::string q = StrParam(req, "q");
  if (q.empty())
    return Error(400, "invalid_argument", "parameter 'q' is required");
  if (q.size() > options_.max_query_bytes)
    return Error(400, "invalid_argument", "parameter 'q' is too long");
  int64_t k = 10;
  Status s = IntParam(req, "k", 1, options_.max_k, &k);
  if (!s.ok()) return FromStatus(s);
  auto idx = index();
  auto r = idx->Search(q, static_cast<size_t>(k));
  if (!r.ok()) {
    // A query the parser refuses is the caller's problem, not ours.
    if (r.status().code() == StatusCode::kResourceExhausted)
      return Error(400, "invalid_argument", r.status().message());
    return FromStatus(r.status());
  }
  std::string out;
  JsonWriter w(&out);
  WriteSearchJson(*r, &w);
  return Json(std::move(out));
}

Response Api::Entities(const Request& req) {
  const std::string type = StrParam(req, "type");
  if (!type.empty() && type != "PER" && type != "ORG" && type != "LOC" &&
      type != "MISC")
    return Error(400, "invalid_argument",
                 "parameter 'type' must be PER, ORG, LOC or MISC");
  int64_t top = 50;
  Status s = IntParam(req, "top", 1, options_.max_list_limit, &top);
  if (!s.ok()) return FromStatus(s);
  Result<std::vector<store::EntityCount>> list =
      [&]() -> Result<std::vector<store::EntityCount>> {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    return store->TopEntities(type, top);
  }();
  if (!list.ok()) return FromStatus(list.status());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("entities");
  w.BeginArray();
  for (const auto& e : *list) WriteEntityCountJson(e, &w);
  w.EndArray();
  w.EndObject();
  return Json(std::move(out));
}

Response Api::Stories(const Request& req) {
  int64_t limit = 20;
  Status s = IntParam(req, "limit", 1, options_.max_list_limit, &limit);
  if (!s.ok()) return FromStatus(s);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("stories");
  w.BeginArray();
  for (const auto& st : index()->Stories(static_cast<size_t>(limit))) {
    w.BeginObject();
    w.Field("id", static_cast<int64_t>(st.id));
    w.Field("size", static_cast<int64_t>(st.size));
    w.Field("first_date", st.first_date);
    w.Field("last_date", st.last_date);
    w.Field("label", st.label);
    w.Field("first_seq", st.first_seq);
    w.Field("first_title", st.first_title);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(std::move(out));
}

Response Api::Claims(const Request& req) {
  store::ClaimFilter f;
  f.subject = StrParam(req, "subject");
  f.event = StrParam(req, "event");
  f.origin = StrParam(req, "origin");
  f.location = StrParam(req, "location");
  f.source = StrParam(req, "source");
  f.from = StrParam(req, "from");
  f.to = StrParam(req, "to");
  if (!DatePrefix(f.from) || !DatePrefix(f.to))
    return Error(400, "invalid_argument",
                 "parameters 'from' and 'to' are YYYY-MM-DD or a prefix");
  for (const std::string* v :
       {&f.subject, &f.event, &f.origin, &f.location, &f.source})
    if (v->size() > 200)
      return Error(400, "invalid_argument", "filter value too long");
  const std::string neg = StrParam(req, "include_negated");
  if (!neg.empty() && neg != "true" && neg != "false")
    return Error(400, "invalid_argument",
                 "parameter 'include_negated' must be true or false");
  f.include_negated = neg == "true";
  f.limit = 100;
  Status s = IntParam(req, "limit", 1, options_.max_list_limit, &f.limit);
  if (!s.ok()) return FromStatus(s);
  Result<std::vector<store::ClaimRow>> rows =
      [&]() -> Result<std::vector<store::ClaimRow>> {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    return store->QueryClaims(f);
  }();
  if (!rows.ok()) return FromStatus(rows.status());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("claims");
  w.BeginArray();
  for (const auto& c : *rows) {
    w.BeginObject();
    w.Field("article_id", c.article_id);
    w.Field("article_seq", c.article_seq);
    w.Field("article_title", c.article_title);
    w.Field("published", c.published);
    w.Field("quantity", c.quantity_text);
    w.Key("low");
    if (c.has_low)
      w.Double(c.low);
    else
      w.Null();
    w.Key("high");
    if (c.has_high)
      w.Double(c.high);
    else
      w.Null();
    w.Field("qualifier", c.qualifier);
    w.Field("subject", c.subject);
    w.Field("event", c.event);
    w.Field("location", c.location);
    w.Field("source", c.source);
    w.StringArray("origin", c.origin);
    w.Field("time", c.time);
    w.Field("time_first", c.time_first);
    w.Field("time_last", c.time_last);
    w.Field("negated", c.negated);
    w.Field("hypothetical", c.hypothetical);
    w.Field("begin", c.begin);
    w.Field("end", c.end);
    w.Field("sentence", c.sentence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(std::move(out));
}

namespace {

// Adds one article's mentions to the day and month buckets (by the start of
// its `published`; undated articles are left out of the timeline).
void AddToTimeline(const store::EntityArticle& a,
                   std::map<std::string, std::pair<int64_t, int64_t>>* days,
                   std::map<std::string, std::pair<int64_t, int64_t>>* months) {
  if (a.published.size() < 10) return;
  auto& d = (*days)[a.published.substr(0, 10)];
  d.first += a.mentions;
  d.second += 1;
  auto& m = (*months)[a.published.substr(0, 7)];
  m.first += a.mentions;
  m.second += 1;
}

void WriteTimeline(
    const char* name,
    const std::map<std::string, std::pair<int64_t, int64_t>>& buckets,
    JsonWriter* w) {
  w->Key(name);
  w->BeginArray();
  for (const auto& [value, counts] : buckets) {
    w->BeginObject();
    w->Field("value", value);
    w->Field("mentions", counts.first);
    w->Field("articles", counts.second);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

Response Api::Entity(const Request& req, std::string_view key) {
  // "TYPE:name" as in GET /api/entities.
  const size_t colon = key.find(':');
  if (key.size() > 200 || colon == std::string_view::npos ||
      colon + 1 == key.size())
    return Error(400, "invalid_argument",
                 "an entity key is TYPE:name, e.g. LOC:syria");
  const std::string_view type = key.substr(0, colon);
  if (type != "PER" && type != "ORG" && type != "LOC" && type != "MISC")
    return Error(400, "invalid_argument",
                 "an entity key starts with PER:, ORG:, LOC: or MISC:");
  int64_t limit = 100;
  Status s = IntParam(req, "limit", 1, options_.max_list_limit, &limit);
  if (!s.ok()) return FromStatus(s);
  std::vector<store::EntityArticle> articles;
  std::vector<store::EntityQuote> quotes;
  Status read = [&]() -> Status {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    // The timeline counts every article, the list shows `limit` of them.
    ASSIGN_OR_RETURN(articles, store->EntityArticles(key, int64_t{1} << 40));
    ASSIGN_OR_RETURN(quotes, store->EntityQuotes(key, limit));
    return Status::Ok();
  }();
  if (!read.ok()) return FromStatus(read);
  if (articles.empty())
    return Error(404, "not_found", "entity " + std::string(key) + " not found");

  std::map<std::string, std::pair<int64_t, int64_t>> days, months;
  std::map<std::string, int64_t> names;  // canonical form -> articles
  int64_t mentions = 0;
  for (const auto& a : articles) {
    mentions += a.mentions;
    ++names[a.canonical];
    AddToTimeline(a, &days, &months);
  }
  // The name most articles use, as in GET /api/entities.
  std::string name;
  int64_t best = 0;
  for (const auto& [n, c] : names)
    if (c > best) best = c, name = n;

  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("key", key);
  w.Field("type", type);
  w.Field("name", name);
  w.Field("mentions", mentions);
  w.Field("articles", static_cast<int64_t>(articles.size()));
  WriteTimeline("days", days, &w);
  WriteTimeline("months", months, &w);
  w.Key("in_articles");
  w.BeginArray();
  for (size_t i = 0; i < articles.size() && i < static_cast<size_t>(limit);
       ++i) {
    const auto& a = articles[i];
    w.BeginObject();
    WriteArticleRefFields(a, &w);
    w.Field("mentions", a.mentions);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const auto& q : quotes) {
    w.BeginObject();
    w.Field("article_seq", q.article_seq);
    w.Field("article_id", q.article_id);
    w.Field("article_title", q.article_title);
    w.Field("published", q.published);
    w.Field("kind", q.kind);
    w.Field("cue", q.cue);
    w.Field("speaker_text", q.speaker_text);
    w.Field("text", q.text);
    w.Field("begin", q.begin);
    w.Field("end", q.end);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(std::move(out));
}

Response Api::Story(const Request& req, std::string_view id) {
  int64_t story = 0;
  auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), story);
  if (id.empty() || id.size() > 10 || ec != std::errc() ||
      end != id.data() + id.size() || story < 0)
    return Error(400, "invalid_argument", "a story id is a decimal integer");
  int64_t limit = 100;
  Status s = IntParam(req, "limit", 1, options_.max_list_limit, &limit);
  if (!s.ok()) return FromStatus(s);
  Result<std::vector<store::ArticleSummary>> rows = [&]() -> Result<std::vector<store::ArticleSummary>> {
    StoreLease store(this, /*timed=*/true);
    RETURN_IF_ERROR(store.status());
    return store->StoryArticles(story, limit);
  }();
  if (!rows.ok()) return FromStatus(rows.status());
  if (rows->empty())
    return Error(404, "not_found",
                 "story " + std::to_string(story) + " not found");
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("id", story);
  w.Key("articles");
  w.BeginArray();
  for (const auto& a : *rows) {
    w.BeginObject();
    WriteArticleRefFields(a, &w);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Json(std::move(out));
}

}  // namespace wirewatch::api
