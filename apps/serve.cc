#include "apps/serve.h"

#include <fmt/core.h>
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <cctype>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "api/handlers.h"
#include "api/static_files.h"

namespace wirewatch::apps {
namespace {

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" ||
         host.rfind("127.", 0) == 0;
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

  const api::ApiOptions api_options;
  auto opened = api::Api::Open(options.db, api_options);
  if (!opened.ok()) {
    fmt::print(stderr, "wirewatch: {}\n", opened.status().ToString());
    return 1;
  }
  api::Api* api = opened->get();

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

  httplib::Server server;
  const size_t threads = static_cast<size_t>(options.threads);
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  server.set_payload_max_length(api_options.max_body_bytes);
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
      "threads\n",
      options.db, api->indexed_articles(), v6 ? "[" : "", options.bind,
      v6 ? "]" : "", port, threads);
  // After the line above, which scripts read for the URL.
  if (ui)
    fmt::print("wirewatch: web UI from {} ({} files, {} KB)\n", web_dir,
               ui->file_count(), ui->total_bytes() / 1024);
  else
    fmt::print(
        "wirewatch: no web UI found (build it: cd web && npm ci && npm run "
        "build, or pass --web DIR); serving the API only\n");
  std::fflush(stdout);

  std::thread waiter([&server, &stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  const bool ok = server.listen_after_bind();
  // Wake the waiter if the server stopped by itself.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  fmt::print(stderr, "wirewatch: server stopped\n");
  return ok ? 0 : 1;
}

}  // namespace wirewatch::apps
