// Fuzz target for the HTTP API: arbitrary requests through Api::Handle on a
// small archive of the examples/, with writes enabled, so hostile ingest
// bodies reach the pipeline too.
//
// Input format (so seeds stay readable and mutations stay meaningful):
//   METHOD SP PATH [? NAME=VALUE & ...] LF     query pairs split, not decoded
//   NAME: VALUE LF ...                          headers, until an empty line
//   BODY                                        the rest
// A header "x-fuzz-repeat: N" repeats the body N times (up to 1 MiB), so a
// small seed stands for a huge body. The ingest token is "fuzz-token".
// Every byte reaches Handle as is: invalid UTF-8, NULs, "../", quotes.
//
// Invariants checked on every response: a status in 200..599; errors are
// the JSON error shape; every body is valid UTF-8.
//
// libFuzzer (clang, -DWIREWATCH_FUZZ=ON):  ./api_fuzz testdata/fuzz/api
// Replay (any compiler, run by ctest):      ./api_fuzz_replay <files|dirs>
#include <stdlib.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "api/handlers.h"
#include "api/ingest_handler.h"
#include "base/utf8.h"
#include "ingest/pipeline.h"

namespace {

using namespace wirewatch;

struct Fixture {
  std::string dir;
  std::unique_ptr<api::Api> api;
  std::unique_ptr<api::IngestHandler> writer;
  ~Fixture() {
    writer.reset();
    api.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

ingest::IngestOptions Pipeline() {
  ingest::IngestOptions o;
  o.threads = 1;
  o.reader.max_doc_bytes = 1 << 20;
  return o;
}

// The archive, built once per process in a fresh temp directory.
Fixture* Open() {
  auto* f = new Fixture;
  std::string tmpl =
      (std::filesystem::temp_directory_path() / "ww_api_fuzz_XXXXXX").string();
  if (!mkdtemp(tmpl.data())) __builtin_trap();
  f->dir = tmpl;
  const std::string db = f->dir + "/fuzz.db";
  {
    auto store = store::Store::Open(db);
    if (!store.ok()) __builtin_trap();
    auto done = ingest::Ingest({WIREWATCH_EXAMPLES}, store->get(), Pipeline());
    if (!done.ok() || done->stored == 0) __builtin_trap();
  }
  api::ApiOptions options;
  options.max_ingest_bytes = 256 * 1024;
  options.request_time_limit = std::chrono::seconds(2);
  auto api = api::Api::Open(db, options);
  if (!api.ok()) __builtin_trap();
  f->api = std::move(api).value();
  auto writer =
      api::IngestHandler::Open(db, f->api.get(), {"fuzz-token", Pipeline()});
  if (!writer.ok()) __builtin_trap();
  f->writer = std::move(writer).value();
  f->api->SetWriteHandler(f->writer.get());
  return f;
}

std::string_view Line(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

api::Request Parse(std::string_view in) {
  api::Request r;
  std::string_view first = Line(&in);
  size_t sp = first.find(' ');
  r.method = std::string(first.substr(0, sp));
  std::string_view target =
      sp == std::string_view::npos ? std::string_view() : first.substr(sp + 1);
  size_t q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) {
    std::string_view qs = target.substr(q + 1);
    while (!qs.empty()) {
      size_t amp = qs.find('&');
      std::string_view pair = qs.substr(0, amp);
      size_t eq = pair.find('=');
      r.query.emplace(std::string(pair.substr(0, eq)),
                      eq == std::string_view::npos
                          ? std::string()
                          : std::string(pair.substr(eq + 1)));
      qs.remove_prefix(amp == std::string_view::npos ? qs.size() : amp + 1);
    }
  }
  size_t repeat = 1;
  for (std::string_view h = Line(&in); !h.empty(); h = Line(&in)) {
    size_t colon = h.find(':');
    std::string name(h.substr(0, colon));
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = colon == std::string_view::npos
                                 ? std::string_view()
                                 : h.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (name == "x-fuzz-repeat") {
      std::from_chars(value.data(), value.data() + value.size(), repeat);
      continue;
    }
    r.headers.emplace(std::move(name), std::string(value));
  }
  if (!in.empty()) {
    repeat = std::min<size_t>(repeat, (size_t{1} << 20) / in.size() + 1);
    r.body.reserve(in.size() * repeat);
    for (size_t i = 0; i < repeat; ++i) r.body.append(in);
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture* fixture = Open();
  static const int cleanup = std::atexit([] { delete fixture; });
  (void)cleanup;
  const api::Request req =
      Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  const api::Response res = fixture->api->Handle(req);
  if (res.status < 200 || res.status > 599) __builtin_trap();
  if (res.status >= 400 && res.body.rfind("{\"error\":{\"code\":\"", 0) != 0)
    __builtin_trap();
  if (!IsValidUtf8(res.body)) __builtin_trap();
  return 0;
}
