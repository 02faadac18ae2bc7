// Api: the HTTP JSON API of an archive, without sockets.
//
// A server (apps/) turns each HTTP request into a Request, calls Handle()
// and writes the Response back; it does nothing else. Every endpoint,
// parameter, limit and response shape is documented in docs/http-api.md;
// handlers_test.cc covers each of them and the hostile inputs.
//
//   auto api = Api::Open("wirewatch.db", {});
//   Response r = (*api)->Handle({.method = "GET", .path = "/api/health"});
//
// Errors are JSON, {"error":{"code":"not_found","message":"..."}}, and this
// file is the only place where a Status code becomes an HTTP status
// (InvalidArgument 400, NotFound 404, ResourceExhausted 413, Unavailable 503,
// anything else 500). Every request value is validated before it reaches
// the store: lengths are capped, integers range-checked, text must be valid
// UTF-8, and an article id is [0-9A-Za-z]{1,32}, so no request string ever
// names a file or reaches SQL other than as a bound parameter.
//
// Writes (POST /api/ingest) are not part of this library, so the read-only
// API never links the ingest pipeline: SetWriteHandler() plugs them in
// (api/ingest_handler.h); without one the endpoint answers 403.
//
// Every store read runs under ApiOptions::request_time_limit (a SQLite
// progress handler interrupts it; waiting for a pooled connection counts
// too): past it the request gets 503.
//
// Thread-safety: Handle(), RebuildIndex() and RefreshIfChanged() may be
// called from any number of threads. A Store is one SQLite connection, single-thread by its
// contract: the Api keeps a small pool of them (ApiOptions::
// store_connections) and lends one to a request at a time, so store reads
// run in parallel up to the pool size and wait beyond it. The ArchiveIndex
// is immutable once built and shared by pointer, so related/search/stories
// never wait for the store. Archive related widgets are memoized per index
// (the endpoint's load target is 20,000 requests/s on 2 cores; see
// docs/benchmarks.md). RebuildIndex() builds a new index and swaps it in;
// requests in flight keep the old one alive until they finish.
#ifndef WIREWATCH_API_HANDLERS_H_
#define WIREWATCH_API_HANDLERS_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "api/archive_index.h"
#include "store/store.h"
#include "wirewatch/status.h"

namespace wirewatch::api {

struct Request {
  std::string method;  // "GET", "POST", ... ("HEAD" is answered as GET)
  std::string path;    // percent-decoded, without the query string
  // Query parameters, percent-decoded; the first value of a repeated name.
  std::map<std::string, std::string> query;
  // Header names in lower case ("if-none-match").
  std::map<std::string, std::string> headers;
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // Extra headers: ETag, Cache-Control.
  std::vector<std::pair<std::string, std::string>> headers;
};

// Limits on what a request may ask for; see docs/http-api.md.
struct ApiOptions {
  size_t max_body_bytes = 64 * 1024;  // 413 above, except POST /api/ingest
  size_t max_ingest_bytes = 16 << 20;  // 413 above for POST /api/ingest
  size_t max_path_bytes = 2048;
  size_t max_param_bytes = 1024;  // any one query parameter value
  size_t max_query_bytes = 512;   // the search query q
  int64_t max_list_limit = 500;   // articles, stories, entities, claims
  int64_t max_k = 100;            // related and search results
  // Archive related widgets kept per index (bodies of ~0.5 KB); the cache
  // is emptied when it reaches this size.
  size_t max_cached_widgets = size_t{1} << 17;
  // SQLite read connections (>= 1) shared by the request threads.
  size_t store_connections = 4;
  // Store work of one request, waiting for a connection included; 503
  // beyond. Zero: no limit.
  std::chrono::microseconds request_time_limit{2000000};
};

// The handler of POST /api/ingest (authorization included); see
// api/ingest_handler.h. Called from any request thread.
class WriteHandler {
 public:
  virtual ~WriteHandler() = default;
  virtual Response Ingest(const Request& req) = 0;
};

class Api {
 public:
  // Opens its own Store on `db_path` (fails when the file cannot be opened
  // or is not an archive) and builds the ArchiveIndex.
  static Result<std::unique_ptr<Api>> Open(const std::string& db_path,
                                           const ApiOptions& options);

  // Never fails: every error is a Response with a 4xx/5xx status and the
  // JSON error body.
  Response Handle(const Request& req);

  // Rebuilds the ArchiveIndex from the store (after an ingest) and swaps it
  // in. On error the old index stays. Rebuilds run one at a time.
  Status RebuildIndex();

  // Rebuilds when the store holds articles the index has not seen (another
  // process ingested them); the check is one indexed read (Store::MaxSeq).
  // Returns whether it rebuilt.
  Result<bool> RefreshIfChanged();

  // Enables POST /api/ingest. REQUIRES: called before Handle() runs on any
  // thread; `writer` outlives the Api.
  void SetWriteHandler(WriteHandler* writer) { writer_ = writer; }

  // Articles in the current index.
  size_t indexed_articles() const { return index()->size(); }

  // The HTTP status and JSON body of an error; exposed for the server's
  // own errors (oversized payloads rejected before Handle).
  static Response Error(int http_status, std::string_view code,
                        std::string_view message);
  static Response FromStatus(const Status& s);

 private:
  // The index and the related widgets computed from it, replaced whole by
  // RebuildIndex, so a cached widget always belongs to the index it came
  // from. ArchiveIndex::Related is a pure function of the immutable index,
  // which makes memoizing it exact.
  struct Snapshot {
    std::unique_ptr<const ArchiveIndex> index;
    int64_t max_seq = 0;  // Store::MaxSeq() read before the build
    std::mutex mu;
    // Widget JSON by seq * 128 + k (k <= 100).
    std::unordered_map<int64_t, std::string> related;  // GUARDED_BY(mu)
  };

  Api(std::unique_ptr<store::Store> store, const ApiOptions& options);
  std::shared_ptr<Snapshot> snapshot() const;
  std::shared_ptr<const ArchiveIndex> index() const;

  Response Health();
  Response Stats();
  Response Ingest();
  Response ListArticles(const Request& req);
  Response GetArticle(const Request& req, std::string_view id);
  Response Related(const Request& req, std::string_view id);
  Response Search(const Request& req);
  Response Entities(const Request& req);
  Response Entity(const Request& req, std::string_view key);
  Response Stories(const Request& req);
  Response Story(const Request& req, std::string_view id);
  Response Claims(const Request& req);

  const ApiOptions options_;
  WriteHandler* writer_ = nullptr;  // set before serving
  std::mutex rebuild_mu_;           // one index build at a time
  class StoreLease;
  std::vector<std::unique_ptr<store::Store>> stores_;  // fixed after Open
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;  // signalled when free_ grows
  // The stores not lent out; a store is either here or held by exactly one
  // StoreLease.
  std::vector<store::Store*> free_;  // GUARDED_BY(pool_mu_)
  mutable std::mutex index_mu_;
  // Never null after Open; replaced whole by RebuildIndex.
  std::shared_ptr<Snapshot> snapshot_;  // GUARDED_BY(index_mu_)
};

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_HANDLERS_H_
