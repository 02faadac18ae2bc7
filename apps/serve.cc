#include "apps/serve.h"

#include <fmt/core.h>
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "analyze/ner_model.h"
#include "analyze/quote_model.h"
#include "api/handlers.h"
#include "api/ingest_handler.h"
#include "api/rate_limiter.h"
#include "api/static_files.h"

namespace wirewatch::apps {
namespace {

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" ||
         host.rfind("127.", 0) == 0 ||
         host.rfind("::ffff:127.", 0) == 0;  // IPv4 loopback on a v6 socket
}

void Write(const api::Response& r, httplib::Response* res) {
  res->status = r.status;
  for (const auto& [k, v] : r.headers) res->set_header(k, v);
  if (r.status != 304) res->set_content(r.body, r.content_type);
}

api::Request Convert(const httplib::Request& req) {
  api::Request r;
  r.method = req.method;
  r.path = req.path;  // httplib has percent-decoded it
  for (const auto& [k, v] : req.params) r.query.emplace(k, v);  // first wins
  for (const auto& [k, v] : req.headers) {
    std::string name = k;
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace(std::move(name), v);
  }
  r.body = req.body;
  return r;
}

// The declared body length; 0 when absent or not a number (httplib then
// applies its own payload limit while reading), SIZE_MAX when it overflows.
size_t ContentLength(const httplib::Request& req) {
  const std::string v = req.get_header_value("Content-Length");
  size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  (void)end;
  if (ec == std::errc::result_out_of_range) return SIZE_MAX;
  return n;
}

// A refusal sent before the body is read. The unread body would otherwise
// be parsed as the next request on this connection, so it is closed.
httplib::Server::HandlerResponse Refuse(const api::Response& r,
                                        const httplib::Request& req,
                                        httplib::Response* res) {
  Write(r, res);
  if (ContentLength(req) > 0 || req.has_header("Transfer-Encoding"))
    res->set_header("Connection", "close");
  return httplib::Server::HandlerResponse::Handled;
}

// Checks every request before its body is read: the client's rate, the
// body size the endpoint allows, and the ingest token.
class Guard {
 public:
  Guard(const ServeOptions& options, api::IngestHandler* writer)
      : options_(options),
        writer_(writer),
        limiter_({options.rate_limit, options.rate_burst, 65536}) {}

  httplib::Server::HandlerResponse Check(const httplib::Request& req,
                                         httplib::Response* res) {
    if (options_.rate_limit > 0 &&
        (options_.rate_limit_loopback || !IsLoopback(req.remote_addr))) {
      const int64_t wait = limiter_.Acquire(
          req.remote_addr, api::RateLimiter::Clock::now());
      if (wait > 0) {
        api::Response r =
            api::Api::Error(429, "rate_limited", "too many requests");
        r.headers.emplace_back("Retry-After", std::to_string(wait));
        return Refuse(r, req, res);
      }
    }
    const bool ingest = req.method == "POST" && req.path == "/api/ingest";
    const size_t limit =
        ingest && writer_ ? options_.max_ingest_bytes : options_.max_body_bytes;
    if (ContentLength(req) > limit)
      return Refuse(api::Api::Error(413, "too_large", "request body too large"),
                    req, res);
    if (ingest && writer_) {
      if (auto denied =
              writer_->Unauthorized(req.get_header_value("Authorization")))
        return Refuse(*denied, req, res);
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

 private:
  const ServeOptions& options_;
  api::IngestHandler* writer_;  // null: writes disabled
  api::RateLimiter limiter_;
};

// Rebuilds the index when another process has ingested, every `seconds`,
// until destroyed.
class Refresher {
 public:
  Refresher(api::Api* api, int seconds) {
    if (seconds <= 0) return;
    thread_ = std::thread([this, api, seconds] {
      std::unique_lock<std::mutex> l(mu_);
      while (!cv_.wait_for(l, std::chrono::seconds(seconds),
                           [this] { return stop_; })) {
        l.unlock();
        auto changed = api->RefreshIfChanged();
        if (!changed.ok())
          fmt::print(stderr, "wirewatch: index refresh failed: {}\n",
                     changed.status().ToString());
        else if (*changed)
          fmt::print(stderr, "wirewatch: index rebuilt ({} articles)\n",
                     api->indexed_articles());
        l.lock();
      }
    });
  }
  ~Refresher() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

bool IsApiPath(const std::string& path) {
  return path == "/api" || path.rfind("/api/", 0) == 0;
}

}  // namespace

std::string FindWebDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> candidates;
  // Beside a build tree (build/wirewatch -> web/dist) or an install.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / ".." / "web" / "dist");
  candidates.push_back(fs::path("web") / "dist");
  for (const fs::path& dir : candidates)
    if (fs::is_regular_file(dir / "index.html", ec))
      return fs::weakly_canonical(dir, ec).string();
  return "";
}

int RunServe(const ServeOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.db, ec)) {
    fmt::print(stderr,
               "wirewatch: no archive at {}; run `wirewatch ingest` first or "
               "pass --db\n",
               options.db);
    return 1;
  }
  if (options.threads < 1 || options.threads > 256 || options.port < 0 ||
      options.port > 65535) {
    fmt::print(stderr,
               "wirewatch: --threads must be 1..256, --port 0..65535\n");
    return 1;
  }
  if (!IsLoopback(options.bind))
    fmt::print(stderr,
               "wirewatch: warning: binding to {} exposes the archive beyond "
               "this machine\n",
               options.bind);

  api::ApiOptions api_options;
  api_options.max_body_bytes = options.max_body_bytes;
  api_options.max_ingest_bytes = options.max_ingest_bytes;
  api_options.request_time_limit =
      std::chrono::milliseconds(std::max(0, options.time_limit_ms));
  auto opened = api::Api::Open(options.db, api_options);
  if (!opened.ok()) {
    fmt::print(stderr, "wirewatch: {}\n", opened.status().ToString());
    return 1;
  }
  api::Api* api = opened->get();

  // Writes: only with a token. Ingested pages get the same analysis as
  // `wirewatch ingest` (the NER model when present); one pipeline thread,
  // so an ingest does not take the request threads' cores.
  std::unique_ptr<analyze::NerModel> model;
  std::unique_ptr<analyze::QuoteModel> quote_model;
  std::unique_ptr<api::IngestHandler> writer;
  if (!options.token.empty()) {
    api::IngestHandlerOptions w;
    w.token = options.token;
    w.ingest.threads = 1;
    if (auto m = analyze::NerModel::Load(options.ner_model); m.ok()) {
      model = std::move(m).value();
      w.ingest.ner_model = model.get();
    } else {
      fmt::print(stderr,
                 "wirewatch: warning: {}; ingested articles get no entities\n",
                 m.status().ToString());
    }
    if (auto q = analyze::QuoteModel::Load(options.quote_model); q.ok()) {
      quote_model = std::move(q).value();
      w.ingest.quote_model = quote_model.get();
    } else {
      fmt::print(stderr,
                 "wirewatch: warning: {}; ingested articles get rule-based "
                 "quotes only\n",
                 q.status().ToString());
    }
    auto opened_writer = api::IngestHandler::Open(options.db, api, w);
    if (!opened_writer.ok()) {
      fmt::print(stderr, "wirewatch: {}\n",
                 opened_writer.status().ToString());
      return 1;
    }
    writer = std::move(opened_writer).value();
    api->SetWriteHandler(writer.get());
  }
  Guard guard(options, writer.get());
  // The UI is read into memory once, here; requests never reach the disk.
  std::unique_ptr<api::StaticFiles> ui;
  const std::string web_dir = FindWebDir(options.web_dir);
  if (!web_dir.empty()) {
    auto loaded = api::StaticFiles::Load(web_dir);
    if (!loaded.ok()) {
      fmt::print(stderr, "wirewatch: web UI: {}\n", loaded.status().ToString());
      return 1;
    }
    ui = std::move(*loaded);
  }

  // SIGINT/SIGTERM are blocked in every thread and taken by one waiter,
  // which stops the server outside signal context.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // Started after the mask, which threads inherit.
  Refresher refresher(api, options.refresh_seconds);

  httplib::Server server;
  const size_t threads = static_cast<size_t>(options.threads);
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  // The largest body any endpoint takes; Guard applies each endpoint's own
  // limit from Content-Length before the body is read.
  server.set_payload_max_length(writer ? std::max(options.max_body_bytes,
                                                  options.max_ingest_bytes)
                                       : options.max_body_bytes);
  server.set_pre_routing_handler(
      [&guard](const httplib::Request& req, httplib::Response& res) {
        return guard.Check(req, &res);
      });
  server.set_read_timeout(options.timeout_seconds, 0);
  server.set_write_timeout(options.timeout_seconds, 0);
  server.set_keep_alive_timeout(options.timeout_seconds);
  server.set_keep_alive_max_count(10000);
  // Small JSON answers: without NODELAY, Nagle and delayed ACKs add ~40 ms
  // to every keep-alive response.
  server.set_tcp_nodelay(true);

  const api::StaticFiles* files = ui.get();
  auto handler = [api, files](const httplib::Request& req,
                              httplib::Response& res) {
    if (files && !IsApiPath(req.path))
      Write(files->Serve(Convert(req)), &res);
    else
      Write(api->Handle(Convert(req)), &res);
  };
  // Every method reaches Api::Handle, which answers 404/405 itself. (HEAD
  // is routed to the GET handler; httplib drops the body.)
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);
  // Errors httplib raises before routing (bad request line, 413 payload,
  // 414 URI) get the same JSON shape.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const char* code = "invalid_argument";
    const char* message = "malformed request";
    if (res.status == 413) {
      code = "too_large";
      message = "request body too large";
    } else if (res.status == 414) {
      code = "uri_too_long";
      message = "request line too long";
    } else if (res.status == 429) {
      code = "rate_limited";
      message = "too many requests";
    } else if (res.status == 404) {
      code = "not_found";
      message = "no such endpoint";
    } else if (res.status >= 500) {
      code = "internal";
      message = "internal error";
    }
    Write(api::Api::Error(res.status, code, message), &res);
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Write(api::Api::Error(500, "internal", "internal error"), &res);
      });

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.bind);
    if (port < 0) port = 0;
  } else if (!server.bind_to_port(options.bind, port)) {
    port = 0;
  }
  if (port == 0) {
    fmt::print(stderr, "wirewatch: cannot listen on {}:{}\n", options.bind,
               options.port);
    return 1;
  }
  const bool v6 = options.bind.find(':') != std::string::npos;
  fmt::print(
      "wirewatch: serving {} ({} articles) at http://{}{}{}:{}/ with {} "
      "threads; ingest {}\n",
      options.db, api->indexed_articles(), v6 ? "[" : "", options.bind,
      v6 ? "]" : "", port, threads,
      writer ? "enabled (token required)" : "disabled");
  // After the line above, which scripts read for the URL.
  if (ui)
    fmt::print("wirewatch: web UI from {} ({} files, {} KB)\n", web_dir,
               ui->file_count(), ui->total_bytes() / 1024);
  else
    fmt::print(
        "wirewatch: no web UI found (build it: cd web && npm ci && npm run "
        "build, or pass --web DIR); serving the API only\n");
  std::fflush(stdout);

  // A signal can arrive before listen_after_bind() has started (the start
  // line above is already out): httplib's stop() does nothing until the
  // server runs, so the waiter retries until it runs or listening has ended.
  std::atomic<bool> listen_ended{false};
  std::thread waiter([&server, &stop_signals, &listen_ended] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    while (!listen_ended.load()) {
      if (server.is_running()) {
        server.stop();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  const bool ok = server.listen_after_bind();
  listen_ended.store(true);
  // Wake the waiter if the server stopped by itself (a signal that finds it
  // past sigwait stays pending, blocked, and is harmless).
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  fmt::print(stderr, "wirewatch: server stopped\n");
  return ok ? 0 : 1;
}

}  // namespace wirewatch::apps
