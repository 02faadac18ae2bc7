#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include "base/hash.h"

namespace wirewatch::api {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// True when If-None-Match names `etag` (a single tag or a list).
bool Revalidated(const Request& req, const std::string& etag) {
  auto it = req.headers.find("if-none-match");
  if (it == req.headers.end()) return false;
  return it->second == "*" || it->second.find(etag) != std::string::npos;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes)
    if (EndsWith(name, ext)) return type;
  return "application/octet-stream";
}

void StaticFiles::Add(const std::string& url_path, std::string body) {
  File f;
  f.content_type = std::string(ContentTypeFor(url_path));
  f.etag = "\"" + Hex64(Hash64(body)) + "\"";
  // Vite names everything it emits under assets/ by content hash.
  f.immutable = url_path.rfind("/assets/", 0) == 0;
  total_bytes_ += body.size();
  f.body = std::move(body);
  files_[url_path] = std::move(f);
}

Result<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(dir) / "index.html", ec))
    return Status::NotFound("no index.html in " + dir);
  std::unique_ptr<StaticFiles> out(new StaticFiles());
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec)
    return Status::Unavailable("cannot list " + dir + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec)
      return Status::Unavailable("cannot list " + dir + ": " + ec.message());
    if (!it->is_regular_file(ec)) continue;
    if (out->files_.size() >= kMaxFiles)
      return Status::ResourceExhausted(
          "more than " + std::to_string(kMaxFiles) + " files in " + dir);
    const fs::path rel = fs::relative(it->path(), dir, ec);
    if (ec) return Status::Unavailable("cannot read " + it->path().string());
    std::ifstream in(it->path(), std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
      return Status::Unavailable("cannot read " + it->path().string());
    if (out->total_bytes_ + body.size() > kMaxTotalBytes)
      return Status::ResourceExhausted("more than 64 MiB of files in " + dir);
    out->Add("/" + rel.generic_string(), std::move(body));
  }
  return out;
}

std::unique_ptr<StaticFiles> StaticFiles::FromMap(
    std::map<std::string, std::string> files) {
  std::unique_ptr<StaticFiles> out(new StaticFiles());
  for (auto& [path, body] : files) out->Add(path, std::move(body));
  return out;
}

Response StaticFiles::Serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") {
    Response r = Api::Error(405, "method_not_allowed", "only GET is allowed");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  std::string_view path = req.path;
  auto it = files_.find(path == "/" ? std::string_view("/index.html") : path);
  if (it == files_.end()) {
    // A client-side route is a path whose last segment names no file.
    const std::string_view last = path.substr(path.rfind('/') + 1);
    if (last.find('.') != std::string_view::npos ||
        path.find("..") != std::string_view::npos || path.size() > 256)
      return Api::Error(404, "not_found", "no such file");
    it = files_.find(std::string_view("/index.html"));
    if (it == files_.end()) return Api::Error(404, "not_found", "no such file");
  }
  const File& f = it->second;
  Response r;
  r.content_type = f.content_type;
  r.headers.emplace_back("ETag", f.etag);
  r.headers.emplace_back(
      "Cache-Control",
      f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (Revalidated(req, f.etag)) {
    r.status = 304;
    return r;
  }
  r.body = f.body;
  return r;
}

}  // namespace wirewatch::api
