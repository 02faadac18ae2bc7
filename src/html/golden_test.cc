// Golden extraction fixtures: every testdata/extraction/NAME.html is
// extracted and rendered as one "field: value" line per field (Render
// below); the result must equal testdata/extraction/NAME.expected exactly.
// The fixtures cover a news page with several JSON-LD blocks and @graph, a
// page with reader comments, a page with several dates (published,
// modified, copyright, future and script dates), a German page whose
// markup claims English, and broken markup.
//
// To rewrite the .expected files after an intended change, run the test
// with WIREWATCH_UPDATE_GOLDEN=1 and read every diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "html/extractor.h"

namespace wirewatch::html {
namespace {

namespace fs = std::filesystem;

// 2024-03-01T00:00:00Z: dates after it are in the future for the fixtures.
constexpr int64_t kFetchTime = 1709251200;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Render(const Article& a) {
  std::string out;
  auto line = [&](std::string_view k, std::string_view v) {
    if (v.empty()) return;
    out.append(k).append(": ").append(v).append("\n");
  };
  auto list = [&](std::string_view k, const std::vector<std::string>& v) {
    std::string j;
    for (const auto& s : v) j.append(j.empty() ? "" : " | ").append(s);
    line(k, j);
  };
  auto date = [&](std::string_view k, const DateField& d) {
    if (!d.value.empty()) line(k, d.value + " (" + d.source + ")");
  };
  line("title", a.title);
  line("site", a.site);
  line("canonical", a.canonical_url);
  line("description", a.description);
  date("published", a.published);
  date("modified", a.modified);
  list("authors", a.authors);
  if (!a.lang.empty()) line("lang", a.lang + " (" + a.lang_source + ")");
  line("section", a.section);
  list("tags", a.tags);
  for (const auto& p : a.paragraphs) line("paragraph", p);
  for (const auto& l : a.links) line("link", l.href + " " + l.text);
  for (const auto& c : a.comments) line("comment", c);
  for (const auto& w : a.warnings) line("warning", w);
  return out;
}

class GoldenTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenTest, MatchesExpected) {
  const fs::path dir = fs::path(WIREWATCH_TESTDATA) / "extraction";
  const std::string name = GetParam();
  RawDoc doc;
  doc.format = DocFormat::kHtml;
  doc.source = name + ".html";
  doc.text = ReadFile(dir / (name + ".html"));
  doc.charset = "UTF-8";
  doc.fetch_time = kFetchTime;
  ASSERT_FALSE(doc.text.empty()) << "missing fixture " << name;
  Extractor extractor;
  auto a = extractor.Extract(doc);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  const std::string got = Render(*a);
  const fs::path expected_path = dir / (name + ".expected");
  if (std::getenv("WIREWATCH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << got;
  }
  EXPECT_EQ(got, ReadFile(expected_path));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenTest,
                         ::testing::Values("news_jsonld", "comments", "dates",
                                           "german", "broken"));

}  // namespace
}  // namespace wirewatch::html
