#include "html/depth_limiter.h"

#include <gtest/gtest.h>

namespace wirewatch::html {
namespace {

TEST(DepthLimiterTest, ShallowInputUntouched) {
  std::string out = "unchanged";
  EXPECT_EQ(LimitNesting("<div><p>a<p>b<div>c</div></div>", 3, &out), 0u);
  EXPECT_EQ(out, "unchanged");
}

TEST(DepthLimiterTest, DropsDeepTagsKeepsText) {
  std::string out;
  EXPECT_EQ(LimitNesting("<div><div><div>x</div>y</div></div>", 2, &out), 2u);
  EXPECT_EQ(out, "<div><div>x y</div></div>");
}

TEST(DepthLimiterTest, UncountedAndRawText) {
  std::string out;
  // p/li/td/br are not counted; script content is not scanned for tags.
  EXPECT_EQ(LimitNesting("<div><p><p><li><br><script>'<div><div><div>'</script></div>", 1, &out),
            0u);
  // Comments and quoted '>' are skipped.
  EXPECT_EQ(LimitNesting("<div title='a>b'><!-- <div><div> --></div>", 1, &out), 0u);
  EXPECT_EQ(LimitNesting("a < b and <3 </ 4", 1, &out), 0u);
}

TEST(DepthLimiterTest, UnclosedElementsCount) {
  std::string out;
  EXPECT_EQ(LimitNesting("<span><span><span>x", 2, &out), 1u);
  EXPECT_EQ(out, "<span><span>x");
}

}  // namespace
}  // namespace wirewatch::html
