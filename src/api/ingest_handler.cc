#include "api/ingest_handler.h"

#include <cctype>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "base/json_writer.h"
#include "input/doc_reader.h"

namespace wirewatch::api {
namespace {

constexpr char kDefaultName[] = "post";

// One listed item of the summary (owned copies of ItemResult's views).
struct Item {
  ingest::ItemResult::Kind kind;
  std::string source, id, title, stage, reason;
  int64_t seq = 0;
};

// The name whose extension tells DocReader the format: from ?format=, else
// the Content-Type, else `name` itself (its own extension, or sniffing).
Result<std::string> FormatName(const Request& req, const std::string& name) {
  auto f = req.query.find("format");
  if (f != req.query.end()) {
    if (f->second == "html" || f->second == "jsonl" || f->second == "warc")
      return name + "." + f->second;
    return Status::InvalidArgument(
        "parameter 'format' must be html, jsonl or warc");
  }
  auto ct = req.headers.find("content-type");
  if (ct != req.headers.end()) {
    std::string type = AsciiLower(ct->second.substr(0, ct->second.find(';')));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    if (type == "text/html" || type == "application/xhtml+xml")
      return name + ".html";
    if (type == "application/x-ndjson" || type == "application/jsonl" ||
        type == "application/jsonlines" || type == "application/x-jsonlines")
      return name + ".jsonl";
    if (type == "application/warc") return name + ".warc";
  }
  return name;
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 100 || name[0] == '.') return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
          c == '-'))
      return false;
  return true;
}

const char* KindName(ingest::ItemResult::Kind k) {
  switch (k) {
    case ingest::ItemResult::kStored:
      return "stored";
    case ingest::ItemResult::kDuplicate:
      return "duplicate";
    case ingest::ItemResult::kFailed:
      break;
  }
  return "failed";
}

}  // namespace

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Every byte of b is visited whatever a holds; a length mismatch is
  // folded into the result rather than returned early.
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < b.size(); ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ static_cast<unsigned char>(b[i]));
  }
  return diff == 0;
}

Result<std::unique_ptr<IngestHandler>> IngestHandler::Open(
    const std::string& db_path, Api* api, IngestHandlerOptions options) {
  if (options.token.empty())
    return Status::InvalidArgument("the ingest token is empty");
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store,
                   store::Store::Open(db_path));
  return std::unique_ptr<IngestHandler>(
      new IngestHandler(std::move(store), api, std::move(options)));
}

IngestHandler::IngestHandler(std::unique_ptr<store::Store> store, Api* api,
                             IngestHandlerOptions options)
    : api_(api), options_(std::move(options)), store_(std::move(store)) {}

std::unique_ptr<Response> IngestHandler::Unauthorized(
    std::string_view authorization) const {
  constexpr std::string_view kBearer = "Bearer ";
  std::string_view given;
  if (authorization.size() > kBearer.size() &&
      AsciiLower(authorization.substr(0, kBearer.size())) == "bearer ")
    given = authorization.substr(kBearer.size());
  if (!given.empty() && ConstantTimeEquals(given, options_.token))
    return nullptr;
  auto r = std::make_unique<Response>(
      Api::Error(401, "unauthorized",
                 given.empty() ? "an ingest needs Authorization: Bearer <token>"
                               : "wrong token"));
  r->headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

Response IngestHandler::Ingest(const Request& req) {
  auto auth = req.headers.find("authorization");
  if (auto denied = Unauthorized(auth == req.headers.end() ? "" : auth->second))
    return std::move(*denied);
  if (req.body.empty())
    return Api::Error(400, "invalid_argument", "the body is empty");
  std::string name = kDefaultName;
  if (auto n = req.query.find("name"); n != req.query.end()) {
    if (!ValidName(n->second))
      return Api::Error(400, "invalid_argument",
                        "parameter 'name' is 1-100 letters, digits, '.', '_' "
                        "or '-'");
    name = n->second;
  }
  Result<std::string> format_name = FormatName(req, name);
  if (!format_name.ok()) return Api::FromStatus(format_name.status());

  std::vector<Item> items;
  bool truncated = false;
  ingest::IngestOptions options = options_.ingest;
  options.on_item = [&](const ingest::ItemResult& r) {
    if (items.size() >= kMaxItems) {
      truncated = true;
      return;
    }
    items.push_back({r.kind, std::string(r.source), std::string(r.id),
                     std::string(r.title), std::string(r.stage),
                     std::string(r.reason), r.seq});
  };
  std::unique_ptr<input::DocReader> reader = input::DocReader::OpenMemory(
      req.body, name, *format_name, options.reader);
  Result<ingest::Progress> run = [&] {
    std::lock_guard<std::mutex> one_writer(mu_);
    return ingest::IngestFrom(reader.get(), store_.get(), options);
  }();
  if (!run.ok()) return Api::FromStatus(run.status());
  // The new articles must be visible to the reads that follow this response.
  const bool rebuilt = run->stored == 0 || api_->RebuildIndex().ok();

  Response resp;
  JsonWriter w(&resp.body);
  w.BeginObject();
  w.Field("documents", static_cast<int64_t>(run->documents));
  w.Field("stored", static_cast<int64_t>(run->stored));
  w.Field("duplicates", static_cast<int64_t>(run->duplicates));
  w.Field("failures", static_cast<int64_t>(run->failures));
  w.Field("index_current", rebuilt);
  w.Field("articles_indexed", static_cast<int64_t>(api_->indexed_articles()));
  w.Key("items");
  w.BeginArray();
  for (const Item& it : items) {
    w.BeginObject();
    w.Field("source", it.source);
    w.Field("status", KindName(it.kind));
    if (it.kind == ingest::ItemResult::kFailed) {
      w.Field("stage", it.stage);
      w.Field("reason", it.reason);
    } else {
      w.Field("id", it.id);
      w.Field("seq", it.seq);
      w.Field("title", it.title);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Field("items_truncated", truncated);
  w.EndObject();
  resp.headers.emplace_back("Cache-Control", "no-store");
  return resp;
}

}  // namespace wirewatch::api
