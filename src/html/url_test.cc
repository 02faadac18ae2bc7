#include "html/url.h"

#include <gtest/gtest.h>

namespace wirewatch::html {
namespace {

TEST(UrlTest, Host) {
  EXPECT_EQ(UrlHost("https://WWW.Example.com:8080/a?b"), "www.example.com");
  EXPECT_EQ(UrlHost("http://user@host.org"), "host.org");
  EXPECT_EQ(UrlHost("ftp://host.org/"), "");
  EXPECT_EQ(UrlHost("/relative"), "");
}

TEST(UrlTest, Resolve) {
  const char* base = "https://ex.com/a/b/c.html?q=1#f";
  EXPECT_EQ(ResolveUrl(base, "d.html"), "https://ex.com/a/b/d.html");
  EXPECT_EQ(ResolveUrl(base, "../d"), "https://ex.com/a/d");
  EXPECT_EQ(ResolveUrl(base, "/x/./y/../z"), "https://ex.com/x/z");
  EXPECT_EQ(ResolveUrl(base, "//cdn.ex.com/i.png"), "https://cdn.ex.com/i.png");
  EXPECT_EQ(ResolveUrl(base, "?p=2"), "https://ex.com/a/b/c.html?p=2");
  EXPECT_EQ(ResolveUrl(base, "#top"), "https://ex.com/a/b/c.html?q=1#top");
  EXPECT_EQ(ResolveUrl(base, "http://other.org/"), "http://other.org/");
  EXPECT_EQ(ResolveUrl(base, "javascript:void(0)"), "");
  EXPECT_EQ(ResolveUrl("", "rel/x"), "rel/x");
  EXPECT_EQ(ResolveUrl("https://ex.com", "x"), "https://ex.com/x");
}

}  // namespace
}  // namespace wirewatch::html
