#include "api/ingest_handler.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "analyze/ner_model.h"
#include "ingest/pipeline.h"
#include "input/doc_reader.h"

namespace wirewatch::api {
namespace {

constexpr char kToken[] = "s3cret-token-0123456789";

// Two articles about one new subject, and a line that is not JSON.
constexpr char kQuokkaJsonl[] =
    R"({"url":"https://news.example.org/quokka-1","title":"Quokka sanctuary doubles on Rottnest island","published":"2013-07-13T09:00:00Z","text":"The quokka sanctuary on Rottnest island will double in size, rangers said on Saturday.\n\nQuokka numbers have grown every year since the sanctuary opened."})"
    "\n{not json at all\n"
    R"({"url":"https://news.example.org/quokka-2","title":"Rangers count quokka numbers on Rottnest island","published":"2013-07-14T09:00:00Z","text":"Rangers on Rottnest island counted quokka numbers in the sanctuary on Sunday.\n\nThe quokka count grew again, the rangers said, as the sanctuary doubles."})"
    "\n";

constexpr char kPage[] =
    "<html><head><title>Wombat burrows mapped near Canberra</title></head>"
    "<body><article><p>Ecologists mapped every wombat burrow near Canberra "
    "this week.</p><p>The wombat survey will repeat next year.</p>"
    "</article></body></html>";

// A fresh archive per test (ingests write to it): the examples' JSON Lines.
class IngestHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "/ww_ingest_handler_" +
            std::to_string(getpid()) + ".db";
    Remove();
    {
      auto store = store::Store::Open(path_);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      auto done =
          ingest::Ingest({std::string(WIREWATCH_EXAMPLES) + "/wire.jsonl"},
                         store->get(), Pipeline());
      ASSERT_TRUE(done.ok()) << done.status().ToString();
      ASSERT_GE(done->stored, 3u);
    }
    OpenApi(ApiOptions{});
  }
  void TearDown() override {
    writer_.reset();
    api_.reset();
    Remove();
  }
  void Remove() {
    for (const char* s : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + s);
  }
  static ingest::IngestOptions Pipeline() {
    ingest::IngestOptions opt;
    opt.threads = 1;
    return opt;
  }
  void OpenApi(const ApiOptions& options) {
    writer_.reset();
    api_.reset();
    auto api = Api::Open(path_, options);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(api).value();
    auto writer = IngestHandler::Open(path_, api_.get(), {kToken, Pipeline()});
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    writer_ = std::move(writer).value();
    api_->SetWriteHandler(writer_.get());
  }

  Response Post(const std::string& body, const std::string& auth,
                std::map<std::string, std::string> query = {},
                const std::string& content_type = "") {
    Request r;
    r.method = "POST";
    r.path = "/api/ingest";
    r.body = body;
    r.query = std::move(query);
    if (!auth.empty()) r.headers["authorization"] = auth;
    if (!content_type.empty()) r.headers["content-type"] = content_type;
    return api_->Handle(r);
  }
  Response Get(const std::string& path,
               std::map<std::string, std::string> query = {}) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(query);
    return api_->Handle(r);
  }
  static std::string Header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }
  static void ExpectError(const Response& r, int status,
                          const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(
        r.body.rfind("{\"error\":{\"code\":\"" + code + "\",\"message\":\"", 0),
        0u)
        << r.body;
  }
  // The id of the first item with `title` in a summary.
  static std::string IdOf(const Response& r, const std::string& title) {
    size_t t = r.body.find("\"title\":\"" + title);
    if (t == std::string::npos) return "";
    size_t at = r.body.rfind("\"id\":\"", t);
    return r.body.substr(at + 6, 16);
  }

  std::string path_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<IngestHandler> writer_;
};

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abd", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("ab", "abc"));    // a prefix
  EXPECT_FALSE(ConstantTimeEquals("abcd", "abc"));  // an extension
  EXPECT_FALSE(ConstantTimeEquals("", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST_F(IngestHandlerTest, WritesAreForbiddenWithoutAToken) {
  auto plain = Api::Open(path_, ApiOptions{});
  ASSERT_TRUE(plain.ok());
  Request r;
  r.method = "POST";
  r.path = "/api/ingest";
  r.body = kPage;
  r.headers["authorization"] = std::string("Bearer ") + kToken;
  ExpectError((*plain)->Handle(r), 403, "forbidden");
  EXPECT_FALSE(IngestHandler::Open(path_, plain->get(), {"", Pipeline()}).ok());
}

TEST_F(IngestHandlerTest, TokenMissingWrongOrRight) {
  const size_t before = api_->indexed_articles();
  Response missing = Post(kPage, "");
  ExpectError(missing, 401, "unauthorized");
  EXPECT_EQ(Header(missing, "WWW-Authenticate"), "Bearer");
  ExpectError(Post(kPage, "Bearer wrong"), 401, "unauthorized");
  ExpectError(Post(kPage, std::string("Bearer ") + kToken + "x"), 401,
              "unauthorized");
  ExpectError(Post(kPage, std::string("Basic ") + kToken), 401, "unauthorized");
  ExpectError(Post(kPage, "Bearer "), 401, "unauthorized");
  EXPECT_EQ(api_->indexed_articles(), before);  // nothing was written

  Response ok = Post(kPage, std::string("Bearer ") + kToken, {}, "text/html");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.body.rfind("{\"documents\":1,\"stored\":1,\"duplicates\":0,"
                          "\"failures\":0,\"index_current\":true,",
                          0),
            0u)
      << ok.body;
  EXPECT_NE(ok.body.find("\"source\":\"post\",\"status\":\"stored\""),
            std::string::npos)
      << ok.body;
  EXPECT_EQ(api_->indexed_articles(), before + 1);
  // The scheme is case-insensitive (RFC 7235).
  Response again =
      Post(kPage, std::string("bearer ") + kToken, {}, "text/html");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_NE(again.body.find("\"stored\":0,\"duplicates\":1"), std::string::npos)
      << again.body;
}

TEST_F(IngestHandlerTest, IngestedArticlesAreVisibleToReads) {
  Response r = Post(kQuokkaJsonl, std::string("Bearer ") + kToken,
                    {{"name", "quokkas.jsonl"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.rfind("{\"documents\":3,\"stored\":2,\"duplicates\":0,"
                         "\"failures\":1,",
                         0),
            0u)
      << r.body;
  // The bad line is reported with its stage and reason.
  EXPECT_NE(r.body.find("{\"source\":\"quokkas.jsonl:2\",\"status\":\"failed\","
                        "\"stage\":\"input\",\"reason\":\""),
            std::string::npos)
      << r.body;
  const std::string first =
      IdOf(r, "Quokka sanctuary doubles on Rottnest island");
  ASSERT_EQ(first.size(), 16u) << r.body;

  Response search = Get("/api/search", {{"q", "quokka"}});
  ASSERT_EQ(search.status, 200);
  EXPECT_EQ(search.body.rfind("{\"total\":2,", 0), 0u) << search.body;
  Response related = Get("/api/articles/" + first + "/related", {{"k", "1"}});
  ASSERT_EQ(related.status, 200) << related.body;
  EXPECT_NE(related.body.find("Rangers count quokka numbers"),
            std::string::npos)
      << related.body;
  Response article = Get("/api/articles/" + first);
  EXPECT_EQ(article.status, 200);
  Response list = Get("/api/articles", {{"limit", "1"}});
  EXPECT_NE(list.body.find("Rangers count quokka numbers"), std::string::npos)
      << list.body;  // newest first
}

TEST_F(IngestHandlerTest, FormatAndNameAreChecked) {
  const std::string auth = std::string("Bearer ") + kToken;
  Request put;
  put.method = "PUT";
  put.path = "/api/ingest";
  put.body = kPage;
  put.headers["authorization"] = auth;
  Response not_allowed = api_->Handle(put);
  ExpectError(not_allowed, 405, "method_not_allowed");
  EXPECT_EQ(Header(not_allowed, "Allow"), "GET, HEAD, POST");
  ExpectError(Post("", auth), 400, "invalid_argument");
  ExpectError(Post(kPage, auth, {{"format", "pdf"}}), 400, "invalid_argument");
  for (const char* bad :
       {"../etc/passwd", "/etc/passwd", "a b", ".hidden", "x%2F..", ""})
    ExpectError(Post(kPage, auth, {{"name", bad}}), 400, "invalid_argument");
  // A WARC body declared as such but malformed is a failure item, not an
  // error: the run summary reports it.
  Response warc = Post("WARC/1.0\r\nContent-Length: 99999\r\n\r\nshort", auth,
                       {}, "application/warc");
  ASSERT_EQ(warc.status, 200) << warc.body;
  EXPECT_NE(warc.body.find("\"stored\":0"), std::string::npos) << warc.body;
}

TEST_F(IngestHandlerTest, BodyLimitsDependOnTheEndpoint) {
  ApiOptions small;
  small.max_body_bytes = 100;
  small.max_ingest_bytes = 4096;
  OpenApi(small);
  const std::string auth = std::string("Bearer ") + kToken;
  // Under the ingest limit (but over the general one): accepted.
  Response ok = Post(kPage, auth);
  EXPECT_EQ(ok.status, 200) << ok.body;
  ExpectError(Post(std::string(4097, 'x'), auth), 413, "too_large");
  Request get;
  get.method = "GET";
  get.path = "/api/health";
  get.body.assign(101, 'x');
  ExpectError(api_->Handle(get), 413, "too_large");
}

TEST_F(IngestHandlerTest, RefreshSeesArticlesIngestedElsewhere) {
  auto changed = api_->RefreshIfChanged();
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(*changed);
  const size_t before = api_->indexed_articles();
  // Another process (the CLI) ingests into the same file.
  const std::string page = ::testing::TempDir() + "/ww_refresh_page.html";
  {
    FILE* f = std::fopen(page.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(kPage, f);
    std::fclose(f);
  }
  {
    auto store = store::Store::Open(path_);
    ASSERT_TRUE(store.ok());
    auto done = ingest::Ingest({page}, store->get(), Pipeline());
    ASSERT_TRUE(done.ok()) << done.status().ToString();
    ASSERT_EQ(done->stored, 1u);
  }
  std::filesystem::remove(page);
  EXPECT_EQ(
      Get("/api/search", {{"q", "wombat"}}).body.rfind("{\"total\":0,", 0), 0u);
  changed = api_->RefreshIfChanged();
  ASSERT_TRUE(changed.ok());
  EXPECT_TRUE(*changed);
  EXPECT_EQ(api_->indexed_articles(), before + 1);
  EXPECT_EQ(
      Get("/api/search", {{"q", "wombat"}}).body.rfind("{\"total\":1,", 0), 0u);
  changed = api_->RefreshIfChanged();
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(*changed);
}

TEST_F(IngestHandlerTest, StoreReadsPastTheTimeLimitAre503) {
  // Enough claims and articles that each read below runs far more than
  // Store::kDeadlineCheckOps SQLite steps.
  std::string jsonl;
  for (int i = 0; i < 200; ++i)
    jsonl += "{\"title\":\"Storm report " + std::to_string(i) +
             "\",\"published\":\"2013-07-15T09:00:00Z\",\"text\":\"At least " +
             std::to_string(i + 3) +
             " people were killed in the storm on Monday, officials said. "
             "Rescuers found " +
             std::to_string(i + 40) + " more people alive.\"}\n";
  // Ingested with the shipped NER model, so entities and claims are
  // stored too.
  auto model = analyze::NerModel::Load(WIREWATCH_MODELS "/ner-conll-v2.bin");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  {
    auto store = store::Store::Open(path_);
    ASSERT_TRUE(store.ok());
    ingest::IngestOptions opt = Pipeline();
    opt.ner_model = model->get();
    auto reader = input::DocReader::OpenMemory(jsonl, "storms", "", {});
    auto done = ingest::IngestFrom(reader.get(), store->get(), opt);
    ASSERT_TRUE(done.ok()) << done.status().ToString();
    ASSERT_EQ(done->stored, 200u);
  }
  ASSERT_TRUE(api_->RebuildIndex().ok());
  Response all = Get("/api/claims", {{"limit", "500"}});
  ASSERT_EQ(all.status, 200);
  ASSERT_GT(all.body.size(), 10000u) << all.body.substr(0, 300);

  ApiOptions tight;
  // Expired before the store's first progress check.
  tight.request_time_limit = std::chrono::microseconds(1);
  OpenApi(tight);
  Response claims = Get("/api/claims", {{"limit", "500"}});
  ExpectError(claims, 503, "unavailable");
  EXPECT_NE(claims.body.find("time limit exceeded"), std::string::npos)
      << claims.body;
  // Answers from the in-memory index have no store work to interrupt.
  EXPECT_EQ(Get("/api/health").status, 200);
  EXPECT_EQ(Get("/api/search", {{"q", "Syria"}}).status, 200);
}

}  // namespace
}  // namespace wirewatch::api
