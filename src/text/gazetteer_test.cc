#include "text/gazetteer.h"

#include <gtest/gtest.h>

namespace wirewatch::text {
namespace {

std::string First(std::string_view phrase) {
  const Gazetteer& g = Gazetteer::Default();
  auto e = g.Lookup(phrase);
  if (e.empty()) return "-";
  const GazEntry& x = g.entry(e[0]);
  return std::string(GazTypeName(x.type)) + ":" + x.canonical;
}

TEST(GazetteerTest, GoldenTable) {
  struct {
    const char* phrase;
    const char* expected;
  } kCases[] = {
      {"Russia", "COUNTRY:Russia"},
      {"RUSSIA", "COUNTRY:Russia"},
      {"Russians", "DEMONYM:Russia"},
      {"Syrian", "DEMONYM:Syria"},
      {"Americans", "DEMONYM:United States"},
      {"United States", "COUNTRY:United States"},
      {"U.S.", "COUNTRY:United States"},
      {"North Caucasus", "REGION:North Caucasus"},
      {"FSB", "ORG:Federal Security Service"},
      {"Damascus", "CAPITAL:Damascus"},
      {"russia", "-"},
      {"Nowhereland", "-"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(First(c.phrase), c.expected) << c.phrase;
  }
}

TEST(GazetteerTest, LongestMatchPrefersLongerPhrase) {
  const Gazetteer& g = Gazetteer::Default();
  std::vector<std::string_view> words = {"the", "United", "States", "said"};
  std::vector<uint64_t> h;
  for (auto w : words) h.push_back(GazWordHash(w));
  std::span<const uint32_t> e;
  EXPECT_EQ(g.LongestMatch(h, 0, &e), 0u);
  EXPECT_EQ(g.LongestMatch(h, 1, &e), 2u);
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(g.entry(e[0]).canonical, "United States");
}

}  // namespace
}  // namespace wirewatch::text
