#include "store/article_id.h"

#include <gtest/gtest.h>

namespace wirewatch::store {
namespace {

TEST(NormalizeUrlTest, GoldenTable) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"https://www.Example.com/a/b/?utm_source=x&id=3#top",
       "http://example.com/a/b?id=3"},
      {"http://example.com:80/", "http://example.com"},
      {"HTTPS://EXAMPLE.COM:443/x", "http://example.com/x"},
      {"http://example.com/news?", "http://example.com/news"},
      {"http://example.com/p?fbclid=1", "http://example.com/p"},
      {"/relative/path", ""},
      {"", ""},
      {"mailto:someone", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeUrl(c.in), c.want) << c.in;
}

TEST(ComputeArticleIdTest, UrlBeatsContentAndIsStable) {
  Article a;
  a.canonical_url = "https://www.example.com/story/1";
  a.title = "Title";
  Article b = a;
  b.canonical_url = "http://example.com/story/1/";
  b.title = "Other title";
  EXPECT_EQ(ComputeArticleId(a), ComputeArticleId(b));
  EXPECT_EQ(ComputeArticleId(a).size(), 16u);
}

TEST(ComputeArticleIdTest, ContentIdIgnoresWhitespaceAndCase) {
  Article a;
  a.title = "Russia, Syria exchange data";
  a.paragraphs = {"One  paragraph.", "Two"};
  Article b;
  b.title = "RUSSIA, Syria   exchange data";
  b.paragraphs = {"One paragraph. ", "Two"};
  EXPECT_EQ(ComputeArticleId(a), ComputeArticleId(b));
  b.paragraphs[1] = "Three";
  EXPECT_NE(ComputeArticleId(a), ComputeArticleId(b));
}

}  // namespace
}  // namespace wirewatch::store
