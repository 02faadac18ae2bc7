#include "html/depth_limiter.h"

#include <gtest/gtest.h>

namespace wirewatch::html {
namespace {

TEST(DepthLimiterTest, ShallowInputUntouched) {
  std::string out = "unchanged";
  EXPECT_FALSE(
      LimitNesting("<div><p>a<p>b<div>c</div></div>", 3, &out).rewritten());
  EXPECT_EQ(out, "unchanged");
}

TEST(DepthLimiterTest, DropsDeepTagsKeepsText) {
  std::string out;
  LimitStats st = LimitNesting("<div><div><div>x</div>y</div></div>", 2, &out);
  EXPECT_EQ(st.depth_dropped, 2u);
  EXPECT_EQ(st.stray_end_dropped, 0u);
  EXPECT_EQ(out, "<div><div>x y</div></div>");
}

TEST(DepthLimiterTest, UncountedAndRawText) {
  std::string out;
  // p/li/td/br are not counted; script content is not scanned for tags.
  EXPECT_FALSE(
      LimitNesting(
          "<div><p><p><li><br><script>'<div><div><div>'</script></div>", 1,
          &out)
          .rewritten());
  // Comments and quoted '>' are skipped.
  EXPECT_FALSE(
      LimitNesting("<div title='a>b'><!-- <div><div> --></div>", 1, &out)
          .rewritten());
  EXPECT_FALSE(LimitNesting("a < b and <3 </ 4", 1, &out).rewritten());
}

TEST(DepthLimiterTest, UnclosedElementsCount) {
  std::string out;
  EXPECT_EQ(LimitNesting("<span><span><span>x", 2, &out).depth_dropped, 1u);
  EXPECT_EQ(out, "<span><span>x");
}

TEST(DepthLimiterTest, StrayEndTagsDroppedWithoutBoundary) {
  std::string out;
  LimitStats st =
      LimitNesting("<div>a</x>b</DIV></div><p>c</b>d</p></p>", 256, &out);
  EXPECT_EQ(st.stray_end_dropped, 3u);  // </x>, the second </div>, </b>
  EXPECT_EQ(st.depth_dropped, 0u);
  // The tree builder ignores them: no space appears between the letters.
  // </p> is kept even when no <p> is open (it creates an empty one).
  EXPECT_EQ(out, "<div>ab</DIV><p>cd</p></p>");
  // Case-insensitive names; an end tag after its start tag is kept.
  EXPECT_FALSE(LimitNesting("<SPAN>x</span><td>y</td>", 256, &out).rewritten());
}

TEST(DepthLimiterTest, TextMergeCapSplitsLongRuns) {
  // <tr> outside a table is ignored by the tree builder, so all these text
  // runs would be appended to one text node.
  std::string html = "<p>";
  for (size_t i = 0; i < 2 * kMaxMergedTextRuns + 1; ++i) html += "w<tr>";
  std::string out;
  LimitStats st = LimitNesting(html, 256, &out);
  EXPECT_EQ(st.text_splits, 2u);
  EXPECT_EQ(st.stray_end_dropped, 0u);
  size_t first = out.find("<span></span>");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(first,
            3 + kMaxMergedTextRuns * 5);  // before run kMaxMergedTextRuns + 1
  // Ordinary markup, where start tags open fresh text nodes, is untouched.
  std::string table = "<table>";
  for (int i = 0; i < 1000; ++i) table += "<tr><td>cell</td><td>x</td></tr>\n";
  EXPECT_FALSE(LimitNesting(table + "</table>", 256, &out).rewritten());
}

}  // namespace
}  // namespace wirewatch::html
