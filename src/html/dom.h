// Dom: a compact, flat, read-only copy of a parsed HTML page.
//
// The HTML5 parser (myhtml, see docs/architecture.md, "HTML parser choice") builds its own
// tree; Dom::Parse copies what the extractor needs into flat arrays so that
// no parser type leaks out and every later walk is a loop over indices:
//   - nodes are stored in document (pre-)order, so the subtree of node i is
//     exactly the index range [i, node(i).end);
//   - parent / first_child / next_sibling are indices (kNone when absent);
//   - tags that matter are a small enum; other elements are Tag::kOther with
//     their name kept;
//   - text and attribute strings live in one character arena and are handed
//     out as string_views.
// Comments and doctype are dropped; the text of <script> is kept only for
// type="application/ld+json" and, up to 64 KB, type="application/json" (page
// state that may name the publication date); <style> text is dropped.
//
// Limits: elements deeper than `max_depth` are not materialised (their
// children, text included, attach to the element at the limit); the raw
// input is pre-limited too (depth_limiter.h) so the parser never sees
// unbounded nesting. At most `max_nodes` nodes are kept; the rest of the page
// is cut off. Both are reported by Parse's return value.
//
// Views returned by Text(), Name(), AttrValue() etc. stay valid until the
// next Parse() or the Dom's destruction. A Dom keeps its parser and buffers
// between pages: make one per thread and reuse it.
//
// Thread-safety: none; one Dom per thread.
#ifndef WIREWATCH_HTML_DOM_H_
#define WIREWATCH_HTML_DOM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wirewatch::html {

enum class Tag : uint8_t {
  kOther = 0,
  kText,  // a text node, not an element
  kDocument,
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase, kScript, kStyle, kNoscript, kTemplate,
  kNav, kHeader, kFooter, kAside, kForm, kButton, kIframe, kSvg, kMath, kSelect, kOption,
  kInput, kTextarea, kLabel, kMenu, kDialog, kObject, kEmbed, kCanvas, kVideo, kAudio,
  kArticle, kMain, kSection, kDiv, kP, kH1, kH2, kH3, kH4, kH5, kH6, kHgroup,
  kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kPre, kCode, kAddress, kCenter, kDetails,
  kSummary, kFigure, kFigcaption, kTable, kCaption, kThead, kTbody, kTfoot, kTr, kTd, kTh,
  kA, kImg, kPicture, kTime, kBr, kHr, kSpan, kFont, kB, kStrong, kI, kEm, kU, kSmall,
  kSub, kSup, kMark, kQ, kCite, kAbbr,
};

// Name of a known tag ("div"), "#text", or "" for kOther.
std::string_view TagName(Tag tag);

class Dom {
 public:
  static constexpr uint32_t kNone = 0xffffffffu;

  struct Node {
    Tag tag = Tag::kOther;
    uint32_t parent = kNone;
    uint32_t first_child = kNone;
    uint32_t next_sibling = kNone;
    uint32_t end = 0;  // one past the last node of this subtree
    uint32_t depth = 0;
    // Text nodes: the text. kOther elements: the tag name. Else empty.
    uint32_t str_begin = 0, str_len = 0;
    uint32_t attr_begin = 0, attr_count = 0;  // range in the attribute table
  };

  struct Limits {
    int max_depth = 256;
    uint32_t max_nodes = 1u << 20;
  };

  struct ParseStats {
    size_t tags_dropped_by_depth = 0;   // by the raw-input limiter
    size_t stray_end_tags_dropped = 0;  // end tags that closed nothing
    size_t text_splits = 0;             // text-merge cap (depth_limiter.h)
    size_t elements_flattened = 0;     // deeper than max_depth in the tree
    bool node_limit_hit = false;
  };

  Dom();
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  // Parses `html` (UTF-8) and replaces the contents of this Dom. Never
  // fails: any byte string gives some tree (at least the document node).
  ParseStats Parse(std::string_view html, const Limits& limits);

  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  const Node& node(uint32_t i) const { return nodes_[i]; }
  // The document node is always 0.
  static constexpr uint32_t root() { return 0; }

  // The text of a text node (raw, not whitespace-collapsed).
  std::string_view Text(uint32_t i) const { return Str(nodes_[i].str_begin, nodes_[i].str_len); }
  // Element name, lower case ("div", "my-widget").
  std::string_view Name(uint32_t i) const;
  // Attribute value by lower-case name; empty view if absent.
  std::string_view Attr(uint32_t i, std::string_view name) const;
  bool HasAttr(uint32_t i, std::string_view name) const;
  uint32_t AttrCount(uint32_t i) const { return nodes_[i].attr_count; }
  std::string_view AttrName(uint32_t i, uint32_t k) const;
  std::string_view AttrValue(uint32_t i, uint32_t k) const;

  // Appends the text of all text nodes under `i` (raw) to `out`.
  void AppendSubtreeText(uint32_t i, std::string* out) const;

 private:
  struct AttrRef {
    uint32_t name_begin, name_len, value_begin, value_len;
  };
  struct Parser;  // owns the myhtml objects

  std::string_view Str(uint32_t b, uint32_t n) const {
    return std::string_view(arena_.data() + b, n);
  }
  uint32_t AddStr(const char* s, size_t n);

  std::unique_ptr<Parser> parser_;
  std::vector<Node> nodes_;
  std::vector<AttrRef> attrs_;
  std::string arena_;
  std::string limited_;  // the depth-limited copy of the input, when needed
};

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_DOM_H_
