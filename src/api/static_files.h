// StaticFiles: the built web UI (web/dist), held in memory and served by
// `wirewatch serve` at "/" beside the JSON API under "/api/".
//
// Load() enumerates the directory once, at start-up, and reads every file
// into memory; Serve() answers from that map only. So no request path ever
// reaches the filesystem: "/../etc/passwd" or "/assets/%2e%2e/x" is just a
// key that is not in the map.
//
//   auto ui = StaticFiles::Load("web/dist");
//   Response r = (*ui)->Serve({.method = "GET", .path = "/"});
//
// Paths: "/" is index.html; a path naming a file is that file; any other
// path without a '.' in its last segment and without ".." (a UI route typed
// into the address bar, "/claims") is index.html too; the rest is a JSON
// 404.
// Files under "/assets/" carry Vite's content hash in their names and are
// cached for a year (`immutable`); everything else is `no-cache` and
// revalidated by ETag.
//
// Thread-safety: immutable after Load; Serve() may be called from any
// number of threads.
#ifndef WIREWATCH_API_STATIC_FILES_H_
#define WIREWATCH_API_STATIC_FILES_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "api/handlers.h"
#include "wirewatch/status.h"

namespace wirewatch::api {

class StaticFiles {
 public:
  // A built UI is a few hundred KB; these only stop a wrong --web (a home
  // directory) from being read into memory.
  static constexpr size_t kMaxFiles = 1000;
  static constexpr size_t kMaxTotalBytes = size_t{64} << 20;

  // Reads every regular file under `dir` (symlinks to files included,
  // directories not followed). NotFound when `dir` has no index.html;
  // ResourceExhausted beyond the limits above.
  static Result<std::unique_ptr<StaticFiles>> Load(const std::string& dir);

  // From URL paths ("/index.html", "/assets/app-1a2b.js") to contents; for
  // tests. Requires "/index.html".
  static std::unique_ptr<StaticFiles> FromMap(
      std::map<std::string, std::string> files);

  // Answers a request for a path outside "/api/". GET and HEAD only
  // (anything else is 405).
  Response Serve(const Request& req) const;

  size_t file_count() const { return files_.size(); }
  size_t total_bytes() const { return total_bytes_; }

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;  // quoted, from a hash of the body
    bool immutable = false;
  };
  StaticFiles() = default;
  void Add(const std::string& url_path, std::string body);

  std::map<std::string, File, std::less<>> files_;
  size_t total_bytes_ = 0;
};

// The content type for a file name, by its extension.
std::string_view ContentTypeFor(std::string_view name);

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_STATIC_FILES_H_
