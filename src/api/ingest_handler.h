// IngestHandler: POST /api/ingest, the only write the HTTP API accepts.
//
// The body is one input exactly as `wirewatch ingest` reads a file: one
// HTML page, JSON Lines (one article per line: {"url","title","published",
// "html" or "text"}), or a WARC, optionally gzipped. The format comes from
// the Content-Type (text/html, application/x-ndjson or application/jsonl,
// application/warc) or from ?format=html|jsonl|warc, else it is sniffed. It
// runs through the ingest pipeline (ingest/pipeline.h) on the handler's own
// write connection, then the Api's index is rebuilt so the new articles are
// visible to related, search and stories before the response is sent.
//
// Authorization: `Authorization: Bearer <token>`, compared in constant time
// (the time depends on the configured token's length only); missing or
// wrong is 401 with `WWW-Authenticate: Bearer`. Nothing in a request names
// a file: the body is read from memory.
//
// ?name=crawl.warc.gz (letters, digits, '.', '_', '-'; at most 100 bytes)
// names the upload: its documents' source ("crawl.warc.gz@OFFSET") and,
// by extension, its format. Default "post".
//
// The response is the run summary: counts, then one item per input item
// (at most kMaxItems), each stored, duplicate or failed with its stage and
// reason (docs/http-api.md).
//
// Thread-safety: Ingest() may be called from any thread; ingests run one at
// a time (one SQLite writer), later callers wait.
#ifndef WIREWATCH_API_INGEST_HANDLER_H_
#define WIREWATCH_API_INGEST_HANDLER_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "api/handlers.h"
#include "ingest/pipeline.h"
#include "store/store.h"
#include "wirewatch/status.h"

namespace wirewatch::api {

struct IngestHandlerOptions {
  std::string token;  // REQUIRED: non-empty
  // The pipeline's options (reader limits, NER model, threads); on_item is
  // set by the handler.
  ingest::IngestOptions ingest;
};

class IngestHandler : public WriteHandler {
 public:
  // Items listed in a response; the counts always cover the whole body.
  static constexpr size_t kMaxItems = 1000;

  // Opens a write connection on `db_path`. InvalidArgument for an empty
  // token. REQUIRES: `api` (serving the same archive) outlives the handler.
  static Result<std::unique_ptr<IngestHandler>> Open(
      const std::string& db_path, Api* api, IngestHandlerOptions options);

  Response Ingest(const Request& req) override;

  // The 401 response when `authorization` (the header's value, "" when
  // absent) does not carry the token; null when it does. The server also
  // calls it before reading a body, so an unauthorized upload is refused
  // without being received.
  std::unique_ptr<Response> Unauthorized(std::string_view authorization) const;

 private:
  IngestHandler(std::unique_ptr<store::Store> store, Api* api,
                IngestHandlerOptions options);

  Api* api_;
  const IngestHandlerOptions options_;
  std::mutex mu_;                        // held for a whole ingest: one writer
  std::unique_ptr<store::Store> store_;  // GUARDED_BY(mu_)
};

// True when `a` and `b` are equal, in time that depends on b.size() only.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_INGEST_HANDLER_H_
