// `wirewatch serve` end to end: the real binary as a child process on a free
// loopback port, asked over real HTTP by cpp-httplib's client.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace wirewatch {
namespace {

using testing::TempDir;

// A running `wirewatch serve --port 0`; its port is read from the line it
// prints on start. Killed (SIGTERM) and reaped on destruction.
class Server {
 public:
  explicit Server(const std::string& db,
                  std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {WIREWATCH_BIN, "serve",     "--port",
                                      "0",           "--bind",    "127.0.0.1",
                                      "--threads",   "2",         "--db",
                                      db};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      execv(WIREWATCH_BIN, argv.data());
      _exit(127);
    }
    close(fds[1]);
    FILE* out = fdopen(fds[0], "r");
    char line[1024];
    if (out && std::fgets(line, sizeof(line), out)) {
      first_line_ = line;
      // "... at http://127.0.0.1:PORT/ with ..."
      size_t at = first_line_.find("http://127.0.0.1:");
      if (at != std::string::npos)
        port_ = std::atoi(first_line_.c_str() + at + 17);
    }
    if (out) std::fclose(out);
  }
  ~Server() { Stop(); }
  // Returns the exit code (-1 when it did not exit normally, -2 when it
  // ignored SIGTERM for 10 s and was killed).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    int waited_ms = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (waited_ms >= 10000) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return -2;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      waited_ms += 5;
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  int port() const { return port_; }
  const std::string& first_line() const { return first_line_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string first_line_;
};

// SIGTERM as soon as the start line is out, before the server may have
// begun listening: it must still stop, every time.
TEST(ServeTest, StopsOnSigtermRightAfterStart) {
  TempDir dir("serve_quick_stop");
  const std::string db = dir / "w.db";
  const std::string ingest = std::string(WIREWATCH_BIN) + " ingest -q " +
                             WIREWATCH_EXAMPLES + " --db " + db +
                             " >/dev/null 2>&1";
  ASSERT_EQ(std::system(ingest.c_str()), 0);
  for (int i = 0; i < 20; ++i) {
    Server server(db);
    ASSERT_GT(server.port(), 0) << server.first_line();
    EXPECT_EQ(server.Stop(), 0) << "attempt " << i;
  }
}

TEST(ServeTest, AnswersHealthAndArticlesOverHttp) {
  TempDir dir("serve");
  const std::string db = dir / "w.db";
  const std::string ingest = std::string(WIREWATCH_BIN) + " ingest -q " +
                             WIREWATCH_EXAMPLES + " --db " + db +
                             " >/dev/null 2>&1";
  ASSERT_EQ(std::system(ingest.c_str()), 0);

  Server server(db);
  ASSERT_GT(server.port(), 0) << server.first_line();
  httplib::Client client("127.0.0.1", server.port());
  client.set_connection_timeout(5);
  client.set_read_timeout(5);

  auto health = client.Get("/api/health");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"),
            "application/json; charset=utf-8");
  EXPECT_EQ(health->body.rfind("{\"status\":\"ok\",\"articles_indexed\":8", 0),
            0u)
      << health->body;

  auto article = client.Get("/api/articles/2");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 200);
  EXPECT_NE(article->body.find("\"seq\":2"), std::string::npos);
  const std::string etag = article->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client.Get("/api/articles/2", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);

  auto related = client.Get("/api/articles/2/related?k=2&source=publisher");
  ASSERT_TRUE(related);
  EXPECT_EQ(related->status, 200);
  EXPECT_EQ(related->body.rfind("[{\"id\":\"1488864\",\"sort\":\"3051263\"", 0),
            0u)
      << related->body;

  // Hostile requests: JSON errors, and the server keeps serving.
  auto missing = client.Get("/api/articles/ffffffffffffffff");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body.rfind("{\"error\":{\"code\":\"not_found\"", 0), 0u);
  auto traversal = client.Get("/api/articles/..%2F..%2Fetc%2Fpasswd");
  ASSERT_TRUE(traversal);
  EXPECT_GE(traversal->status, 400);
  EXPECT_LT(traversal->status, 500);
  auto bad_utf8 = client.Get("/api/search?q=%ff%fe");
  ASSERT_TRUE(bad_utf8);
  EXPECT_EQ(bad_utf8->status, 400);
  auto post = client.Post("/api/articles", "{broken", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto huge =
      client.Post("/api/articles", std::string(100 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  EXPECT_EQ(huge->body.rfind("{\"error\":{\"code\":\"too_large\"", 0), 0u)
      << huge->body;
  auto still = client.Get("/api/health");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);

  EXPECT_EQ(server.Stop(), 0);
}

// An archive of the examples in `dir`.
std::string IngestExamples(const TempDir& dir) {
  const std::string db = dir / "w.db";
  const std::string cmd = std::string(WIREWATCH_BIN) + " ingest -q " +
                          WIREWATCH_EXAMPLES + " --db " + db +
                          " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0 ? db : "";
}

constexpr char kToken[] = "serve-test-token-0123456789";
constexpr char kPage[] =
    "<html><head><title>Wombat burrows mapped near Canberra</title></head>"
    "<body><article><p>Ecologists mapped every wombat burrow near Canberra "
    "this week.</p><p>The wombat survey will repeat next year.</p>"
    "</article></body></html>";

TEST(ServeTest, IngestNeedsTheTokenAndIsVisibleAtOnce) {
  TempDir dir("serve_ingest");
  const std::string db = IngestExamples(dir);
  ASSERT_FALSE(db.empty());
  const std::string token_file = dir / "token";
  std::ofstream(token_file) << kToken << "\n";
  Server server(db, {"--token-file", token_file, "--max-ingest-bytes",
                     "100000"});
  ASSERT_GT(server.port(), 0) << server.first_line();
  EXPECT_NE(server.first_line().find("ingest enabled"), std::string::npos);
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(10);

  auto anonymous = client.Post("/api/ingest", kPage, "text/html");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_EQ(anonymous->body.rfind("{\"error\":{\"code\":\"unauthorized\"", 0),
            0u)
      << anonymous->body;
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  auto refused = client.Post("/api/ingest", wrong, kPage, "text/html");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  // Refused before the body was read, and the client can carry on.
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  auto big = client.Post("/api/ingest", auth, std::string(200000, 'x'),
                         "text/html");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(big->body.rfind("{\"error\":{\"code\":\"too_large\"", 0), 0u);

  auto ok = client.Post("/api/ingest", auth, kPage, "text/html");
  ASSERT_TRUE(ok) << httplib::to_string(ok.error());
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(ok->body.rfind("{\"documents\":1,\"stored\":1,", 0), 0u)
      << ok->body;
  auto search = client.Get("/api/search?q=wombat");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->body.rfind("{\"total\":1,", 0), 0u) << search->body;
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->body.rfind("{\"status\":\"ok\",\"articles_indexed\":9", 0),
            0u)
      << health->body;
  EXPECT_EQ(server.Stop(), 0);
}

TEST(ServeTest, WritesAreOffWithoutAToken) {
  TempDir dir("serve_readonly");
  const std::string db = IngestExamples(dir);
  ASSERT_FALSE(db.empty());
  Server server(db);
  ASSERT_GT(server.port(), 0) << server.first_line();
  httplib::Client client("127.0.0.1", server.port());
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  auto post = client.Post("/api/ingest", auth, kPage, "text/html");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  EXPECT_EQ(post->body.rfind("{\"error\":{\"code\":\"forbidden\"", 0), 0u);
  // Loopback is exempt from the default rate limit: a burst far over it.
  int ok = 0;
  for (int i = 0; i < 400; ++i) {
    auto r = client.Get("/api/health");
    ok += r && r->status == 200;
  }
  EXPECT_EQ(ok, 400);
}

TEST(ServeTest, TokenFromTheEnvironmentAndTooShortTokens) {
  TempDir dir("serve_env_token");
  const std::string db = IngestExamples(dir);
  ASSERT_FALSE(db.empty());
  // The child inherits the environment.
  ASSERT_EQ(setenv("WIREWATCH_TOKEN", kToken, 1), 0);
  {
    Server server(db);
    EXPECT_GT(server.port(), 0) << server.first_line();
    EXPECT_NE(server.first_line().find("ingest enabled"), std::string::npos)
        << server.first_line();
  }
  // A guessable token refuses to start rather than serve writes.
  ASSERT_EQ(setenv("WIREWATCH_TOKEN", "short", 1), 0);
  {
    Server server(db);
    EXPECT_EQ(server.port(), 0) << server.first_line();
  }
  ASSERT_EQ(unsetenv("WIREWATCH_TOKEN"), 0);
  const std::string empty_file = dir / "empty";
  std::ofstream(empty_file) << "\n";
  Server from_empty_file(db, {"--token-file", empty_file});
  EXPECT_EQ(from_empty_file.port(), 0) << from_empty_file.first_line();
  Server missing_file(db, {"--token-file", dir / "absent"});
  EXPECT_EQ(missing_file.port(), 0) << missing_file.first_line();
}

TEST(ServeTest, RateLimitAnswers429WithRetryAfter) {
  TempDir dir("serve_rate");
  const std::string db = IngestExamples(dir);
  ASSERT_FALSE(db.empty());
  Server server(db, {"--rate-limit", "0.5", "--rate-burst", "3",
                     "--rate-limit-loopback"});
  ASSERT_GT(server.port(), 0) << server.first_line();
  httplib::Client client("127.0.0.1", server.port());
  for (int i = 0; i < 3; ++i) {
    auto r = client.Get("/api/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << i;
  }
  auto limited = client.Get("/api/health");
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(limited->get_header_value("Retry-After"), "2");
  EXPECT_EQ(limited->body.rfind("{\"error\":{\"code\":\"rate_limited\"", 0),
            0u)
      << limited->body;
  // A refused request with a body leaves the connection usable.
  auto post = client.Post("/api/articles", std::string(1000, 'x'), "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 429);
  auto again = client.Get("/api/health");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 429);
}

TEST(ServeTest, SeesArticlesIngestedByTheCli) {
  TempDir dir("serve_refresh");
  const std::string db = IngestExamples(dir);
  ASSERT_FALSE(db.empty());
  Server server(db, {"--refresh-seconds", "1"});
  ASSERT_GT(server.port(), 0) << server.first_line();
  httplib::Client client("127.0.0.1", server.port());
  const std::string page = dir / "wombat.html";
  std::ofstream(page) << kPage;
  const std::string cmd = std::string(WIREWATCH_BIN) + " ingest -q " + page +
                          " --db " + db + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string body;
  for (int i = 0; i < 50; ++i) {  // up to 5 s
    auto r = client.Get("/api/search?q=wombat");
    ASSERT_TRUE(r);
    body = r->body;
    if (body.rfind("{\"total\":1,", 0) == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(body.rfind("{\"total\":1,", 0), 0u) << body;
}

// --web DIR: the UI is served at "/" from memory, the API stays under
// /api/, and a request path never reaches the files.
TEST(ServeTest, ServesTheWebUiBesideTheApi) {
  TempDir dir("serve_web");
  const std::string db = dir / "w.db";
  const std::string ingest = std::string(WIREWATCH_BIN) + " ingest -q " +
                             WIREWATCH_EXAMPLES + " --db " + db +
                             " >/dev/null 2>&1";
  ASSERT_EQ(std::system(ingest.c_str()), 0);
  const std::string web = dir / "dist";
  ASSERT_EQ(std::system(("mkdir -p " + web + "/assets").c_str()), 0);
  {
    FILE* f = std::fopen((web + "/index.html").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("<!doctype html><title>ui</title>", f);
    std::fclose(f);
    f = std::fopen((web + "/assets/app-abc123.js").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("export {}", f);
    std::fclose(f);
  }

  Server server(db, {"--web", web});
  ASSERT_GT(server.port(), 0) << server.first_line();
  httplib::Client client("127.0.0.1", server.port());
  client.set_connection_timeout(5);
  client.set_read_timeout(5);

  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>ui</title>");
  EXPECT_EQ(index->get_header_value("Content-Type"),
            "text/html; charset=utf-8");
  auto js = client.Get("/assets/app-abc123.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, "export {}");
  EXPECT_EQ(js->get_header_value("Cache-Control"),
            "public, max-age=31536000, immutable");
  auto route = client.Get("/claims");
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body, index->body);
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body.rfind("{\"status\":\"ok\"", 0), 0u);
  auto unknown_api = client.Get("/api/nothing");
  ASSERT_TRUE(unknown_api);
  EXPECT_EQ(unknown_api->status, 404);
  EXPECT_EQ(unknown_api->get_header_value("Content-Type"),
            "application/json; charset=utf-8");
  // Files written after start-up are not served: the UI is in memory.
  {
    FILE* f = std::fopen((web + "/late.txt").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("late", f);
    std::fclose(f);
  }
  for (const char* path :
       {"/late.txt", "/../w.db", "/assets/../../w.db", "/%2e%2e/w.db"}) {
    auto r = client.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->body.find("SQLite"), std::string::npos) << path;
  }
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace wirewatch
