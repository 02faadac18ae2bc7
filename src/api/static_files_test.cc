#include "api/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace wirewatch::api {
namespace {

std::string Header(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

std::unique_ptr<StaticFiles> Ui() {
  return StaticFiles::FromMap({{"/index.html", "<!doctype html><p>ui"},
                               {"/assets/app-1a2b3c.js", "console.log(1)"},
                               {"/assets/app-1a2b3c.css", "p{}"},
                               {"/favicon.svg", "<svg/>"}});
}

Request Get(std::string path) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  return r;
}

TEST(StaticFilesTest, RootAndUiRoutesAreIndexHtml) {
  auto ui = Ui();
  for (const char* p : {"/", "/index.html", "/claims", "/article/2"}) {
    Response r = ui->Serve(Get(p));
    EXPECT_EQ(r.status, 200) << p;
    EXPECT_EQ(r.body, "<!doctype html><p>ui") << p;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << p;
    EXPECT_EQ(Header(r, "Cache-Control"), "no-cache") << p;
  }
}

TEST(StaticFilesTest, HashedAssetsAreImmutableWithTheirType) {
  auto ui = Ui();
  Response js = ui->Serve(Get("/assets/app-1a2b3c.js"));
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  Response css = ui->Serve(Get("/assets/app-1a2b3c.css"));
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  Response svg = ui->Serve(Get("/favicon.svg"));
  EXPECT_EQ(svg.content_type, "image/svg+xml");
  EXPECT_EQ(Header(svg, "Cache-Control"), "no-cache");
}

TEST(StaticFilesTest, UnknownFilesAndTraversalAreJson404) {
  auto ui = Ui();
  for (const char* p : {"/missing.js", "/assets/other.css", "/../etc/passwd",
                        "/assets/../../etc/passwd", "/..%2f..%2fetc/hosts",
                        "/../../etc/hosts"}) {
    Response r = ui->Serve(Get(p));
    EXPECT_EQ(r.status, 404) << p;
    EXPECT_NE(r.body.find("\"not_found\""), std::string::npos) << p;
  }
}

TEST(StaticFilesTest, EtagRevalidatesAndOnlyGetIsAllowed) {
  auto ui = Ui();
  Response first = ui->Serve(Get("/"));
  const std::string etag = Header(first, "ETag");
  ASSERT_EQ(etag.size(), 18u);  // 16 hex digits, quoted
  Request again = Get("/");
  again.headers["if-none-match"] = etag;
  Response r = ui->Serve(again);
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  Request post = Get("/");
  post.method = "POST";
  Response p = ui->Serve(post);
  EXPECT_EQ(p.status, 405);
  EXPECT_EQ(Header(p, "Allow"), "GET, HEAD");
}

TEST(StaticFilesTest, LoadReadsTheTreeOnceAndNeedsIndexHtml) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("ww_static_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "assets");
  EXPECT_EQ(StaticFiles::Load(dir.string()).status().code(),
            StatusCode::kNotFound);
  std::ofstream(dir / "index.html") << "<p>home";
  std::ofstream(dir / "assets" / "a-00ff.js") << "let a";
  auto ui = StaticFiles::Load(dir.string());
  ASSERT_TRUE(ui.ok()) << ui.status().ToString();
  EXPECT_EQ((*ui)->file_count(), 2u);
  EXPECT_EQ((*ui)->total_bytes(), 12u);
  // Files are served from memory: removing them changes nothing.
  fs::remove_all(dir);
  EXPECT_EQ((*ui)->Serve(Get("/assets/a-00ff.js")).body, "let a");
  EXPECT_EQ((*ui)->Serve(Get("/")).body, "<p>home");
}

}  // namespace
}  // namespace wirewatch::api
