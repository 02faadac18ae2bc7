// `wirewatch serve`: the HTTP server around api::Api.
//
// This file only moves bytes: an httplib request becomes an api::Request,
// api::Api::Handle answers it, the api::Response goes back. Everything a
// test can check (routing, validation, JSON, status codes) lives in
// src/api/handlers.h.
#ifndef WIREWATCH_APPS_SERVE_H_
#define WIREWATCH_APPS_SERVE_H_

#include <string>

namespace wirewatch::apps {

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0: any free port (printed on start)
  // Request threads. cpp-httplib keeps a thread per open connection (for
  // its keep-alive life), so this is also the number of clients served at
  // once; more wait in the queue.
  int threads = 16;
  int timeout_seconds = 5;  // read and write timeout per request

  // Writes (POST /api/ingest): enabled only when a token is set, read from
  // --token-file or $WIREWATCH_TOKEN by the CLI.
  std::string token;
  std::string ner_model;  // for ingested articles; missing: no entities
  // Attribution model for ingested articles; missing: the quote rules only.
  std::string quote_model;
  size_t max_body_bytes = 64 * 1024;   // any other request
  size_t max_ingest_bytes = 16 << 20;  // POST /api/ingest
  int time_limit_ms = 2000;            // store work per request; 0: none
  // Requests per second per client address (token bucket), 0: unlimited.
  // Loopback clients are exempt unless rate_limit_loopback.
  double rate_limit = 100;
  double rate_burst = 200;
  bool rate_limit_loopback = false;
  // How often to look for articles ingested by another process; 0: never.
  int refresh_seconds = 2;
  // The built web UI served at "/" (docs/http-api.md, "Web UI"). Empty:
  // the first of <binary dir>/../web/dist and ./web/dist that holds an
  // index.html; when there is none the server serves the API only.
  std::string web_dir;
};

// The web UI directory to serve: `explicit_dir` if given, else the first
// default that has an index.html, else "" (no UI).
std::string FindWebDir(const std::string& explicit_dir);

// Serves until SIGINT or SIGTERM. Returns the process exit code.
int RunServe(const ServeOptions& options);

}  // namespace wirewatch::apps

#endif  // WIREWATCH_APPS_SERVE_H_
