// `wirewatch serve` end to end: the real binary as a child process on a free
// loopback port, asked over real HTTP by cpp-httplib's client.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "test_util.h"

namespace wirewatch {
namespace {

using testing::TempDir;

// A running `wirewatch serve --port 0`; its port is read from the line it
// prints on start. Killed (SIGTERM) and reaped on destruction.
class Server {
 public:
  explicit Server(const std::string& db, const std::string& web = "") {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      if (web.empty())
        execl(WIREWATCH_BIN, WIREWATCH_BIN, "serve", "--port", "0", "--bind",
              "127.0.0.1", "--threads", "2", "--db", db.c_str(),
              static_cast<char*>(nullptr));
      else
        execl(WIREWATCH_BIN, WIREWATCH_BIN, "serve", "--port", "0", "--bind",
              "127.0.0.1", "--threads", "2", "--db", db.c_str(), "--web",
              web.c_str(), static_cast<char*>(nullptr));
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
  // Returns the exit code (-1 when it did not exit normally).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
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

  Server server(db, web);
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
