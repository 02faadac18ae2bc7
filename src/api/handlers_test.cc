#include "api/handlers.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "analyze/shipped_models_testing.h"
#include "ingest/pipeline.h"

namespace wirewatch::api {
namespace {

// The seed page's own widget, byte for byte (testdata/seed/000_*.txt).
constexpr char kSeedWidget[] =
    R"([{"id":"1488864","sort":"3051263","contenttypeid":"21","pic":"/2013/06/28/alalam_635080377970923401_25f_4x3.jpg","title":"Russia: arming Syria rebels contradicts peace talks"},)"
    R"({"id":"1493303","sort":"3051264","contenttypeid":"21","pic":"/2013/07/09/alalam_635090085085580092_25f_4x3.jpg","title":"Syria militants used sarin in Aleppo: Russia"},)"
    R"({"id":"1493423","sort":"3051265","contenttypeid":"21","pic":"/2013/07/10/alalam_635090453099793511_25f_4x3.jpg","title":"Israel to negotiate Russia over Syria S-300 missiles"},)"
    R"({"id":"1493979","sort":"3051266","contenttypeid":"21","pic":"/2013/07/12/alalam_635092115388352859_25f_4x3.jpg","title":"Russia raps West's chemical propaganda on Syria"}])";

// One archive for the whole suite: the examples plus the seed page.
class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(::testing::TempDir() + "/ww_handlers_" +
                            std::to_string(getpid()) + ".db");
    for (const char* s : {"", "-wal", "-shm"})
      std::filesystem::remove(*path_ + s);
    {
      auto store = store::Store::Open(*path_);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      // With the shipped NER model, so entities and attributed quotes exist.
      auto model = analyze::NerModel::Load(
          analyze::ShippedModelPath(analyze::kShippedNerModel));
      ASSERT_TRUE(model.ok()) << model.status().ToString();
      ingest::IngestOptions opt;
      opt.threads = 1;
      opt.ner_model = model->get();
      auto done = ingest::Ingest({WIREWATCH_EXAMPLES, WIREWATCH_TESTDATA
                                  "/seed/000_ca9e77d4d40bc964.txt"},
                                 store->get(), opt);
      ASSERT_TRUE(done.ok()) << done.status().ToString();
      ASSERT_GE(done->stored, 8u);
    }
    auto api = Api::Open(*path_, ApiOptions{});
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = api->release();
  }
  static void TearDownTestSuite() {
    delete api_;
    for (const char* s : {"", "-wal", "-shm"})
      std::filesystem::remove(*path_ + s);
    delete path_;
  }

  static Response Get(const std::string& path,
                      std::map<std::string, std::string> query = {}) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(query);
    return api_->Handle(r);
  }

  // The id of the seed article, found through the API itself.
  static std::string SeedId() {
    Response list = Get("/api/articles", {{"limit", "100"}});
    size_t t = list.body.find("\"title\":\"Russia, Syria exchange data");
    if (t == std::string::npos) return "";
    size_t id_at = list.body.rfind("\"id\":\"", t);
    return list.body.substr(id_at + 6, 16);
  }

  static void ExpectError(const Response& r, int status,
                          const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(
        r.body.rfind("{\"error\":{\"code\":\"" + code + "\",\"message\":\"", 0),
        0u)
        << r.body;
    EXPECT_EQ(r.body.substr(r.body.size() - 3), "\"}}") << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  }

  static std::string* path_;
  static Api* api_;
};
std::string* ApiTest::path_ = nullptr;
Api* ApiTest::api_ = nullptr;

TEST_F(ApiTest, HealthAndStats) {
  Response h = Get("/api/health");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.body.rfind("{\"status\":\"ok\",\"articles_indexed\":", 0), 0u)
      << h.body;
  Response s = Get("/api/stats");
  EXPECT_EQ(s.status, 200);
  EXPECT_NE(s.body.find("\"articles\":"), std::string::npos) << s.body;
  EXPECT_NE(s.body.find("\"schema_version\":" +
                        std::to_string(store::Store::kSchemaVersion)),
            std::string::npos);
  Response i = Get("/api/ingest");
  EXPECT_EQ(i.status, 200);
  EXPECT_NE(i.body.find("{\"runs\":[{\"id\":1,"), std::string::npos) << i.body;
}

TEST_F(ApiTest, ArticlesListPagesNewestFirst) {
  Response all = Get("/api/articles", {{"limit", "100"}});
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body.rfind("{\"offset\":0,\"limit\":100,\"articles\":[{", 0),
            0u)
      << all.body;
  Response two = Get("/api/articles", {{"offset", "1"}, {"limit", "2"}});
  ASSERT_EQ(two.status, 200);
  size_t n = 0;
  for (size_t p = two.body.find("\"seq\":"); p != std::string::npos;
       p = two.body.find("\"seq\":", p + 1))
    ++n;
  EXPECT_EQ(n, 2u);
  // Offset 1 starts with the second newest of the full list.
  size_t second = all.body.find("{\"seq\":", all.body.find("{\"seq\":") + 1);
  EXPECT_EQ(two.body.find(all.body.substr(second, 12)),
            two.body.find("{\"seq\":"));
}

TEST_F(ApiTest, ArticlesListFilters) {
  Response all = Get("/api/articles", {{"limit", "100"}});
  const size_t at = all.body.find("\"total\":");
  ASSERT_NE(at, std::string::npos) << all.body;
  const int total = std::atoi(all.body.c_str() + at + 8);
  EXPECT_GE(total, 8);

  Response wire = Get("/api/articles", {{"site", "wire.example.com"}});
  ASSERT_EQ(wire.status, 200);
  const int wire_total =
      std::atoi(wire.body.c_str() + wire.body.find("\"total\":") + 8);
  EXPECT_GT(wire_total, 0);
  EXPECT_LT(wire_total, total);
  EXPECT_EQ(wire.body.find("\"site\":\""),
            wire.body.find("\"site\":\"wire.example.com\""));

  Response july =
      Get("/api/articles", {{"from", "2013-07-11"}, {"to", "2013-07-12"}});
  ASSERT_EQ(july.status, 200);
  for (size_t p = july.body.find("\"published\":\""); p != std::string::npos;
       p = july.body.find("\"published\":\"", p + 1)) {
    const std::string day = july.body.substr(p + 13, 10);
    EXPECT_TRUE(day == "2013-07-11" || day == "2013-07-12") << day;
  }
  Response none = Get("/api/articles", {{"site", "' OR 1=1 --"}});
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("\"articles\":[],\"total\":0"), std::string::npos)
      << none.body;
  ExpectError(Get("/api/articles", {{"from", "last week"}}), 400,
              "invalid_argument");
}

TEST_F(ApiTest, OneArticleWithAnalysisAndEtag) {
  const std::string id = SeedId();
  ASSERT_EQ(id.size(), 16u);
  Response a = Get("/api/articles/" + id);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_NE(a.body.find("\"id\":\"" + id + "\""), std::string::npos);
  EXPECT_NE(a.body.find("\"analysis\":{"), std::string::npos);
  std::string etag;
  for (const auto& [k, v] : a.headers)
    if (k == "ETag") etag = v;
  EXPECT_EQ(etag, "\"" + id + ".v" +
                      std::to_string(store::Store::kSchemaVersion) + "\"");

  Request again;
  again.method = "GET";
  again.path = "/api/articles/" + id;
  again.headers["if-none-match"] = etag;
  Response not_modified = api_->Handle(again);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  again.headers["if-none-match"] = "\"other\"";
  EXPECT_EQ(api_->Handle(again).status, 200);

  // By seq too, with the same ETag.
  Response by_seq = Get("/api/articles/2");
  EXPECT_EQ(by_seq.status, 200);
}

TEST_F(ApiTest, PublisherWidgetIsTheSeedsExactly) {
  const std::string id = SeedId();
  ASSERT_EQ(id.size(), 16u);
  Response r = Get("/api/articles/" + id + "/related",
                   {{"source", "publisher"}, {"k", "4"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, kSeedWidget);
  Response two = Get("/api/articles/" + id + "/related",
                     {{"source", "publisher"}, {"k", "2"}});
  EXPECT_EQ(std::count(two.body.begin(), two.body.end(), '{'), 2);
}

TEST_F(ApiTest, ArchiveWidgetHasTheSeedShape) {
  const std::string id = SeedId();
  Response r = Get("/api/articles/" + id + "/related", {{"k", "3"}});
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.body.front(), '[');
  ASSERT_EQ(r.body.back(), ']');
  size_t items = 0;
  for (size_t p = r.body.find("{\"id\":\""); p != std::string::npos;
       p = r.body.find("{\"id\":\"", p + 1)) {
    ++items;
    std::string obj = r.body.substr(p, r.body.find('}', p) - p + 1);
    size_t at = 0;
    for (const char* f :
         {"{\"id\":\"", "\",\"sort\":\"", "\",\"contenttypeid\":\"",
          "\",\"pic\":\"", "\",\"title\":\""}) {
      size_t q = obj.find(f, at);
      EXPECT_NE(q, std::string::npos) << f << " in " << obj;
      at = q == std::string::npos ? at : q + 1;
    }
  }
  EXPECT_GE(items, 1u);
  EXPECT_LE(items, 3u);
  EXPECT_EQ(r.body.find("\"id\":\"" + id + "\""), std::string::npos);
  EXPECT_EQ(Get("/api/articles/" + id + "/related", {{"k", "0"}}).body, "[]");
  // Memoized per index: the same bytes again, by id or by seq, and a
  // different k is a different widget.
  EXPECT_EQ(Get("/api/articles/" + id + "/related", {{"k", "3"}}).body, r.body);
  Response seq = Get("/api/articles/" + id);
  size_t at = seq.body.find("\"seq\":");
  ASSERT_NE(at, std::string::npos);
  const std::string n =
      seq.body.substr(at + 6, seq.body.find_first_of(",}", at) - at - 6);
  EXPECT_EQ(Get("/api/articles/" + n + "/related", {{"k", "3"}}).body, r.body);
  Response one = Get("/api/articles/" + n + "/related", {{"k", "1"}});
  EXPECT_EQ(std::count(one.body.begin(), one.body.end(), '{'), 1);
}

TEST_F(ApiTest, SearchHasHitsSnippetsAndFacets) {
  Response r = Get("/api/search", {{"q", "\"chemical weapons\""}, {"k", "5"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.rfind("{\"total\":3,\"hits\":[{\"id\":\"", 0), 0u) << r.body;
  EXPECT_NE(r.body.find("<b>chemical</b> <b>weapons</b>"), std::string::npos);
  EXPECT_NE(r.body.find("\"facets\":{\"sites\":["), std::string::npos);
  EXPECT_NE(r.body.find("\"months\":["), std::string::npos);
  Response none = Get("/api/search", {{"q", "zzzyyyxxx"}});
  EXPECT_EQ(none.status, 200);
  EXPECT_EQ(none.body.rfind("{\"total\":0,\"hits\":[]", 0), 0u) << none.body;
}

TEST_F(ApiTest, EntitiesStoriesClaims) {
  Response e = Get("/api/entities", {{"type", "LOC"}, {"top", "5"}});
  EXPECT_EQ(e.status, 200);
  EXPECT_EQ(e.body.rfind("{\"entities\":[", 0), 0u) << e.body;
  Response s = Get("/api/stories", {{"limit", "3"}});
  EXPECT_EQ(s.status, 200);
  EXPECT_EQ(s.body.rfind("{\"stories\":[{\"id\":", 0), 0u) << s.body;
  Response c = Get("/api/claims", {{"limit", "5"}, {"from", "2013"}});
  EXPECT_EQ(c.status, 200);
  EXPECT_EQ(c.body.rfind("{\"claims\":[", 0), 0u) << c.body;
  Response none = Get("/api/claims", {{"subject", "' OR 1=1 --"}});
  EXPECT_EQ(none.status, 200);
  EXPECT_EQ(none.body, "{\"claims\":[]}");
}

TEST_F(ApiTest, UnknownThingsAre404) {
  ExpectError(Get("/api/articles/ffffffffffffffff"), 404, "not_found");
  ExpectError(Get("/api/articles/999999"), 404, "not_found");
  ExpectError(Get("/api/articles/ffffffffffffffff/related"), 404, "not_found");
  ExpectError(
      Get("/api/articles/ffffffffffffffff/related", {{"source", "publisher"}}),
      404, "not_found");
  ExpectError(Get("/api/nothing"), 404, "not_found");
  ExpectError(Get("/"), 404, "not_found");
  ExpectError(Get("/index.html"), 404, "not_found");
  // Traversal never reaches a file: as segments it is no route, encoded it
  // is no id.
  ExpectError(Get("/api/articles/../../etc/passwd"), 404, "not_found");
  ExpectError(Get("/../../etc/passwd"), 404, "not_found");
  ExpectError(Get("/api/articles/..%2F..%2Fetc%2Fpasswd"), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles/..\\..\\etc\\passwd"), 400,
              "invalid_argument");
}

TEST_F(ApiTest, BadParametersAre400) {
  ExpectError(Get("/api/articles/' OR 1=1 --"), 400, "invalid_argument");
  ExpectError(Get("/api/articles/1;DROP TABLE articles/related"), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles/" + std::string(100, 'a')), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles", {{"limit", "ten"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles", {{"limit", "10abc"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles", {{"limit", ""}}), 400, "invalid_argument");
  ExpectError(Get("/api/articles", {{"limit", "-1"}}), 400, "invalid_argument");
  ExpectError(Get("/api/articles", {{"limit", "1000000"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles", {{"offset", "99999999999999999999999"}}),
              400, "invalid_argument");
  ExpectError(Get("/api/articles/2/related", {{"k", "1000000000"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/articles/2/related", {{"source", "../etc"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/search"), 400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "syria"}, {"k", "0"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/search", {{"q", std::string(2000, 'x')}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/search", {{"q",
                                   "syr\xff\xfe"
                                   "ia"}}),
              400, "invalid_argument");
  ExpectError(Get("/api/search", {{"q", "\xc0\xaf"}}), 400,
              "invalid_argument");  // overlong '/'
  ExpectError(Get("/api/search\xff"), 400, "invalid_argument");
  ExpectError(Get("/api/entities", {{"type", "PERSON"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/claims", {{"from", "2013' OR '1'='1"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/claims", {{"include_negated", "yes"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/stories", {{"limit", "0x10"}}), 400,
              "invalid_argument");
  // SQL-ish strings where text is allowed are just text: no match, no error.
  Response sqlish = Get("/api/search", {{"q", "' OR 1=1 --"}});
  EXPECT_TRUE(sqlish.status == 200 || sqlish.status == 400) << sqlish.body;
  EXPECT_EQ(sqlish.body.front(), '{');
}

TEST_F(ApiTest, MethodsBodiesAndSizes) {
  Request post;
  post.method = "POST";
  post.path = "/api/articles";
  post.body = "{\"title\": broken json";
  Response r = api_->Handle(post);
  ExpectError(r, 405, "method_not_allowed");
  bool allow = false;
  for (const auto& [k, v] : r.headers) allow |= k == "Allow";
  EXPECT_TRUE(allow);
  post.method = "DELETE";
  post.path = "/api/articles/2";
  ExpectError(api_->Handle(post), 405, "method_not_allowed");
  post.path = "/api/unknown";
  ExpectError(api_->Handle(post), 404, "not_found");

  Request huge;
  huge.method = "POST";
  huge.path = "/api/articles";
  huge.body.assign(ApiOptions{}.max_body_bytes + 1, 'x');
  ExpectError(api_->Handle(huge), 413, "too_large");

  Request long_path;
  long_path.method = "GET";
  long_path.path = "/api/" + std::string(5000, 'a');
  ExpectError(api_->Handle(long_path), 414, "uri_too_long");

  Request head;
  head.method = "HEAD";
  head.path = "/api/health";
  EXPECT_EQ(api_->Handle(head).status, 200);
}

TEST_F(ApiTest, RebuildKeepsAnswering) {
  ASSERT_TRUE(api_->RebuildIndex().ok());
  EXPECT_EQ(Get("/api/articles/2/related", {{"k", "2"}}).status, 200);
}

TEST_F(ApiTest, RandomBytesNeverCrashAndAlwaysAnswerJson) {
  // Seeded random paths and parameters built from hostile pieces and raw
  // bytes: every answer is 200/304/4xx with a JSON body, never a 5xx.
  const char* pieces[] = {
      "/api",    "/articles", "/2", "/related",          "/search", "/claims",
      "/..",     "/%2e%2e",   "'",  " OR 1=1 --",        "\xff",    "\xc0\xaf",
      "\0",      "/entities", "//", "/ffffffffffffffff", "?",       "%",
      "/stories"};
  const char* names[] = {"q",    "k",    "limit", "offset", "source",
                         "from", "type", "site",  "subject"};
  uint32_t x = 12345;
  auto next = [&x] {
    x = x * 1103515245u + 12345u;
    return x >> 8;
  };
  for (int i = 0; i < 3000; ++i) {
    Request r;
    r.method = next() % 10 == 0 ? "POST" : "GET";
    const int parts = 1 + next() % 5;
    for (int p = 0; p < parts; ++p)
      r.path += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
    for (int q = next() % 3; q > 0; --q) {
      std::string v;
      for (int b = next() % 12; b > 0; --b)
        v += static_cast<char>(next() % 256);
      r.query[names[next() % (sizeof(names) / sizeof(names[0]))]] = v;
    }
    Response res = api_->Handle(r);
    ASSERT_TRUE(res.status == 200 || (res.status >= 400 && res.status < 500))
        << res.status << " " << res.body;
    ASSERT_FALSE(res.body.empty());
    ASSERT_TRUE(res.body.front() == '{' || res.body.front() == '[');
  }
}

TEST_F(ApiTest, ConcurrentRequestsAndARebuild) {
  // More threads than pooled store connections, every endpoint kind, and an
  // index swap in the middle: every answer is still a 200.
  std::atomic<int> bad{0};
  auto client = [&](int t) {
    const char* paths[] = {"/api/articles/2", "/api/articles/3/related",
                           "/api/articles",   "/api/stories",
                           "/api/claims",     "/api/entities"};
    for (int i = 0; i < 60; ++i) {
      Request r;
      r.method = "GET";
      r.path = paths[(i + t) % 6];
      r.query["k"] = std::to_string(1 + i % 5);
      if (api_->Handle(r).status != 200) ++bad;
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) threads.emplace_back(client, t);
  EXPECT_TRUE(api_->RebuildIndex().ok());
  for (auto& th : threads) th.join();
  EXPECT_EQ(bad.load(), 0);
}

TEST_F(ApiTest, OneEntityWithTimelineArticlesAndQuotes) {
  // Vitaly Churkin speaks twice in the sarin article (once as "He").
  Response r = Get("/api/entities/PER:vitaly churkin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.rfind("{\"key\":\"PER:vitaly churkin\",\"type\":\"PER\","
                         "\"name\":\"Vitaly Churkin\",\"mentions\":",
                         0),
            0u)
      << r.body;
  EXPECT_NE(r.body.find("\"days\":[{\"value\":\"2013-07-09\",\"mentions\":"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("\"months\":[{\"value\":\"2013-07\""),
            std::string::npos);
  EXPECT_NE(r.body.find("\"title\":\"Syria militants used sarin in Aleppo: "
                        "Russia\""),
            std::string::npos);
  // The quote text is cut from the article at the stored byte offsets.
  EXPECT_NE(r.body.find("\"speaker_text\":\"Vitaly Churkin\",\"text\":\"the "
                        "samples had been collected at the site"),
            std::string::npos)
      << r.body;
  EXPECT_NE(
      r.body.find("\"speaker_text\":\"He\",\"text\":\"the results "
                  "had been handed to UN Secretary-General Ban Ki-moon\""),
      std::string::npos)
      << r.body;

  // An entity in many articles: one timeline bucket per dated article day,
  // and the article count matches GET /api/entities.
  Response syria = Get("/api/entities/LOC:syria");
  ASSERT_EQ(syria.status, 200) << syria.body;
  Response list = Get("/api/entities", {{"type", "LOC"}, {"top", "500"}});
  const size_t at = list.body.find("\"key\":\"LOC:syria\"");
  ASSERT_NE(at, std::string::npos);
  const size_t articles_at = list.body.find("\"articles\":", at);
  const std::string count = list.body.substr(
      articles_at + 11, list.body.find('}', articles_at) - articles_at - 11);
  EXPECT_NE(syria.body.find(",\"articles\":" + count + ",\"days\":"),
            std::string::npos)
      << syria.body;
  Response one = Get("/api/entities/LOC:syria", {{"limit", "1"}});
  const size_t in = one.body.find("\"in_articles\":[");
  const size_t quotes = one.body.find("\"quotes\":");
  ASSERT_NE(in, std::string::npos);
  size_t seqs = 0;
  for (size_t p = one.body.find("\"seq\":", in); p < quotes;
       p = one.body.find("\"seq\":", p + 1))
    ++seqs;
  EXPECT_EQ(seqs, 1u);

  ExpectError(Get("/api/entities/PER:nobody at all"), 404, "not_found");
  ExpectError(Get("/api/entities/nokey"), 400, "invalid_argument");
  ExpectError(Get("/api/entities/XYZ:syria"), 400, "invalid_argument");
  ExpectError(Get("/api/entities/LOC:"), 400, "invalid_argument");
  ExpectError(Get("/api/entities/LOC:syria", {{"limit", "0"}}), 400,
              "invalid_argument");
  ExpectError(Get("/api/entities/LOC:' OR 1=1 --"), 404, "not_found");
  ExpectError(Get("/api/entities/LOC:" + std::string(300, 'a')), 400,
              "invalid_argument");
}

TEST_F(ApiTest, OneStoryListsItsArticles) {
  // The largest story of GET /api/stories, by its id and size.
  Response list = Get("/api/stories", {{"limit", "1"}});
  ASSERT_EQ(list.status, 200);
  const size_t id_at = list.body.find("\"id\":") + 5;
  const std::string id =
      list.body.substr(id_at, list.body.find(',', id_at) - id_at);
  const size_t size_at = list.body.find("\"size\":") + 7;
  const int size = std::atoi(list.body.c_str() + size_at);
  ASSERT_GE(size, 2) << list.body;
  Response r = Get("/api/stories/" + id);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.rfind("{\"id\":" + id + ",\"articles\":[{\"seq\":", 0), 0u)
      << r.body;
  int n = 0;
  for (size_t p = r.body.find("\"seq\":"); p != std::string::npos;
       p = r.body.find("\"seq\":", p + 1))
    ++n;
  EXPECT_EQ(n, size);
  // The story's first article is among them.
  const size_t title_at = list.body.find("\"first_title\":\"") + 15;
  EXPECT_NE(r.body.find(list.body.substr(
                title_at, list.body.find('"', title_at) - title_at)),
            std::string::npos);

  ExpectError(Get("/api/stories/999999"), 404, "not_found");
  ExpectError(Get("/api/stories/-1"), 400, "invalid_argument");
  ExpectError(Get("/api/stories/1x"), 400, "invalid_argument");
  ExpectError(Get("/api/stories/99999999999"), 400, "invalid_argument");
  ExpectError(Get("/api/stories/" + id, {{"limit", "501"}}), 400,
              "invalid_argument");
}

}  // namespace
}  // namespace wirewatch::api
