#include "html/dom.h"

#include <gtest/gtest.h>

#include <string>

namespace wirewatch::html {
namespace {

// Serialises the tree as "tag(children)" with text in quotes, iteratively
// from the flat arrays (checks first_child/next_sibling/end consistency).
std::string Shape(const Dom& dom) {
  std::string out;
  std::vector<uint32_t> ends;
  for (uint32_t i = 1; i < dom.size(); ++i) {
    while (!ends.empty() && i >= ends.back()) {
      out += ")";
      ends.pop_back();
    }
    const Dom::Node& n = dom.node(i);
    if (n.tag == Tag::kText) {
      out += "'" + std::string(dom.Text(i)) + "'";
    } else {
      out += std::string(dom.Name(i)) + "(";
      ends.push_back(n.end);
    }
  }
  while (!ends.empty()) {
    out += ")";
    ends.pop_back();
  }
  return out;
}

TEST(DomTest, BuildsFlatTree) {
  Dom dom;
  dom.Parse("<!doctype html><p class=x>a &amp; b<my-tag data-v='1'>c</my-tag><!-- no --></p>"
            "<script>var x;</script><script type='application/ld+json'>{}</script>",
            {});
  EXPECT_EQ(Shape(dom),
            "html(head()body(p('a & b'my-tag('c'))script()script('{}')))");
  uint32_t p = Dom::kNone;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    if (dom.node(i).tag == Tag::kP) p = i;
  }
  ASSERT_NE(p, Dom::kNone);
  EXPECT_EQ(dom.Attr(p, "class"), "x");
  EXPECT_TRUE(dom.HasAttr(p, "class"));
  EXPECT_EQ(dom.Attr(p, "id"), "");
  uint32_t my = dom.node(dom.node(p).first_child).next_sibling;
  EXPECT_EQ(dom.Name(my), "my-tag");
  EXPECT_EQ(dom.Attr(my, "data-v"), "1");
  EXPECT_EQ(dom.node(my).parent, p);
}

TEST(DomTest, DepthLimitFlattensIntoLimitElement) {
  Dom dom;
  Dom::Limits limits;
  limits.max_depth = 4;  // html=1 body=2 div=3 div=4
  auto st = dom.Parse("<div><div><div><div>deep</div></div></div></div>", limits);
  EXPECT_GT(st.tags_dropped_by_depth + st.elements_flattened, 0u);
  EXPECT_EQ(Shape(dom), "html(head()body(div(div('deep'))))");
}

TEST(DomTest, NodeLimit) {
  Dom dom;
  Dom::Limits limits;
  limits.max_nodes = 6;
  auto st = dom.Parse("<p>a</p><p>b</p><p>c</p>", limits);
  EXPECT_TRUE(st.node_limit_hit);
  EXPECT_EQ(dom.size(), 6u);
  EXPECT_EQ(Shape(dom), "html(head()body(p('a')))");
}

TEST(DomTest, ReuseClearsState) {
  Dom dom;
  dom.Parse("<p>one</p>", {});
  dom.Parse("<b>two</b>", {});
  EXPECT_EQ(Shape(dom), "html(head()body(b('two')))");
}

}  // namespace
}  // namespace wirewatch::html
