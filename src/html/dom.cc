#include "html/dom.h"

#include <myhtml/api.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "html/depth_limiter.h"

namespace wirewatch::html {
namespace {

struct TagEntry {
  myhtml_tag_id_t id;
  Tag tag;
  const char* name;
};

constexpr TagEntry kTags[] = {
    {MyHTML_TAG_HTML, Tag::kHtml, "html"}, {MyHTML_TAG_HEAD, Tag::kHead, "head"},
    {MyHTML_TAG_BODY, Tag::kBody, "body"}, {MyHTML_TAG_TITLE, Tag::kTitle, "title"},
    {MyHTML_TAG_META, Tag::kMeta, "meta"}, {MyHTML_TAG_LINK, Tag::kLink, "link"},
    {MyHTML_TAG_BASE, Tag::kBase, "base"}, {MyHTML_TAG_SCRIPT, Tag::kScript, "script"},
    {MyHTML_TAG_STYLE, Tag::kStyle, "style"}, {MyHTML_TAG_NOSCRIPT, Tag::kNoscript, "noscript"},
    {MyHTML_TAG_TEMPLATE, Tag::kTemplate, "template"}, {MyHTML_TAG_NAV, Tag::kNav, "nav"},
    {MyHTML_TAG_HEADER, Tag::kHeader, "header"}, {MyHTML_TAG_FOOTER, Tag::kFooter, "footer"},
    {MyHTML_TAG_ASIDE, Tag::kAside, "aside"}, {MyHTML_TAG_FORM, Tag::kForm, "form"},
    {MyHTML_TAG_BUTTON, Tag::kButton, "button"}, {MyHTML_TAG_IFRAME, Tag::kIframe, "iframe"},
    {MyHTML_TAG_SVG, Tag::kSvg, "svg"}, {MyHTML_TAG_MATH, Tag::kMath, "math"},
    {MyHTML_TAG_SELECT, Tag::kSelect, "select"}, {MyHTML_TAG_OPTION, Tag::kOption, "option"},
    {MyHTML_TAG_INPUT, Tag::kInput, "input"}, {MyHTML_TAG_TEXTAREA, Tag::kTextarea, "textarea"},
    {MyHTML_TAG_LABEL, Tag::kLabel, "label"}, {MyHTML_TAG_MENU, Tag::kMenu, "menu"},
    {MyHTML_TAG_DIALOG, Tag::kDialog, "dialog"}, {MyHTML_TAG_OBJECT, Tag::kObject, "object"},
    {MyHTML_TAG_EMBED, Tag::kEmbed, "embed"}, {MyHTML_TAG_CANVAS, Tag::kCanvas, "canvas"},
    {MyHTML_TAG_VIDEO, Tag::kVideo, "video"}, {MyHTML_TAG_AUDIO, Tag::kAudio, "audio"},
    {MyHTML_TAG_ARTICLE, Tag::kArticle, "article"}, {MyHTML_TAG_MAIN, Tag::kMain, "main"},
    {MyHTML_TAG_SECTION, Tag::kSection, "section"}, {MyHTML_TAG_DIV, Tag::kDiv, "div"},
    {MyHTML_TAG_P, Tag::kP, "p"}, {MyHTML_TAG_H1, Tag::kH1, "h1"}, {MyHTML_TAG_H2, Tag::kH2, "h2"},
    {MyHTML_TAG_H3, Tag::kH3, "h3"}, {MyHTML_TAG_H4, Tag::kH4, "h4"},
    {MyHTML_TAG_H5, Tag::kH5, "h5"}, {MyHTML_TAG_H6, Tag::kH6, "h6"},
    {MyHTML_TAG_HGROUP, Tag::kHgroup, "hgroup"}, {MyHTML_TAG_UL, Tag::kUl, "ul"},
    {MyHTML_TAG_OL, Tag::kOl, "ol"}, {MyHTML_TAG_LI, Tag::kLi, "li"},
    {MyHTML_TAG_DL, Tag::kDl, "dl"}, {MyHTML_TAG_DT, Tag::kDt, "dt"},
    {MyHTML_TAG_DD, Tag::kDd, "dd"}, {MyHTML_TAG_BLOCKQUOTE, Tag::kBlockquote, "blockquote"},
    {MyHTML_TAG_PRE, Tag::kPre, "pre"}, {MyHTML_TAG_CODE, Tag::kCode, "code"},
    {MyHTML_TAG_ADDRESS, Tag::kAddress, "address"}, {MyHTML_TAG_CENTER, Tag::kCenter, "center"},
    {MyHTML_TAG_DETAILS, Tag::kDetails, "details"}, {MyHTML_TAG_SUMMARY, Tag::kSummary, "summary"},
    {MyHTML_TAG_FIGURE, Tag::kFigure, "figure"},
    {MyHTML_TAG_FIGCAPTION, Tag::kFigcaption, "figcaption"},
    {MyHTML_TAG_TABLE, Tag::kTable, "table"}, {MyHTML_TAG_CAPTION, Tag::kCaption, "caption"},
    {MyHTML_TAG_THEAD, Tag::kThead, "thead"}, {MyHTML_TAG_TBODY, Tag::kTbody, "tbody"},
    {MyHTML_TAG_TFOOT, Tag::kTfoot, "tfoot"}, {MyHTML_TAG_TR, Tag::kTr, "tr"},
    {MyHTML_TAG_TD, Tag::kTd, "td"}, {MyHTML_TAG_TH, Tag::kTh, "th"},
    {MyHTML_TAG_A, Tag::kA, "a"}, {MyHTML_TAG_IMG, Tag::kImg, "img"},
    {MyHTML_TAG_TIME, Tag::kTime, "time"}, {MyHTML_TAG_BR, Tag::kBr, "br"},
    {MyHTML_TAG_HR, Tag::kHr, "hr"}, {MyHTML_TAG_SPAN, Tag::kSpan, "span"},
    {MyHTML_TAG_FONT, Tag::kFont, "font"}, {MyHTML_TAG_B, Tag::kB, "b"},
    {MyHTML_TAG_STRONG, Tag::kStrong, "strong"}, {MyHTML_TAG_I, Tag::kI, "i"},
    {MyHTML_TAG_EM, Tag::kEm, "em"}, {MyHTML_TAG_U, Tag::kU, "u"},
    {MyHTML_TAG_SMALL, Tag::kSmall, "small"}, {MyHTML_TAG_SUB, Tag::kSub, "sub"},
    {MyHTML_TAG_SUP, Tag::kSup, "sup"}, {MyHTML_TAG_MARK, Tag::kMark, "mark"},
    {MyHTML_TAG_Q, Tag::kQ, "q"}, {MyHTML_TAG_CITE, Tag::kCite, "cite"},
    {MyHTML_TAG_ABBR, Tag::kAbbr, "abbr"},
};

// myhtml tag id -> Tag (kOther for the rest). Ids are dense and < LAST_ENTRY.
const std::array<Tag, MyHTML_TAG_LAST_ENTRY + 1>& TagMap() {
  static const auto* map = [] {
    auto* m = new std::array<Tag, MyHTML_TAG_LAST_ENTRY + 1>();
    m->fill(Tag::kOther);
    for (const auto& e : kTags) (*m)[e.id] = e.tag;
    return m;
  }();
  return *map;
}

const std::array<const char*, 256>& NameMap() {
  static const auto* map = [] {
    auto* m = new std::array<const char*, 256>();
    m->fill("");
    for (const auto& e : kTags) (*m)[static_cast<size_t>(e.tag)] = e.name;
    (*m)[static_cast<size_t>(Tag::kText)] = "#text";
    (*m)[static_cast<size_t>(Tag::kDocument)] = "#document";
    return m;
  }();
  return *map;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x + 32);
    if (y >= 'A' && y <= 'Z') y = char(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::string_view TagName(Tag tag) { return NameMap()[static_cast<size_t>(tag)]; }

struct Dom::Parser {
  myhtml_t* myhtml = nullptr;
  myhtml_tree_t* tree = nullptr;
  bool ok = false;

  Parser() {
    myhtml = myhtml_create();
    if (myhtml == nullptr) return;
    // Single-threaded: the pipeline parallelises across documents.
    if (myhtml_init(myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) return;
    tree = myhtml_tree_create();
    if (tree == nullptr || myhtml_tree_init(tree, myhtml) != MyHTML_STATUS_OK) return;
    ok = true;
  }
  ~Parser() {
    if (tree != nullptr) myhtml_tree_destroy(tree);
    if (myhtml != nullptr) myhtml_destroy(myhtml);
  }
};

Dom::Dom() : parser_(std::make_unique<Parser>()) {}
Dom::~Dom() = default;

uint32_t Dom::AddStr(const char* s, size_t n) {
  auto b = static_cast<uint32_t>(arena_.size());
  if (n > 0) arena_.append(s, n);
  return b;
}

std::string_view Dom::Name(uint32_t i) const {
  const Node& n = nodes_[i];
  if (n.tag == Tag::kOther) return Str(n.str_begin, n.str_len);
  return TagName(n.tag);
}

std::string_view Dom::AttrName(uint32_t i, uint32_t k) const {
  const AttrRef& a = attrs_[nodes_[i].attr_begin + k];
  return Str(a.name_begin, a.name_len);
}

std::string_view Dom::AttrValue(uint32_t i, uint32_t k) const {
  const AttrRef& a = attrs_[nodes_[i].attr_begin + k];
  return Str(a.value_begin, a.value_len);
}

std::string_view Dom::Attr(uint32_t i, std::string_view name) const {
  const Node& n = nodes_[i];
  for (uint32_t k = 0; k < n.attr_count; ++k) {
    const AttrRef& a = attrs_[n.attr_begin + k];
    if (Str(a.name_begin, a.name_len) == name) return Str(a.value_begin, a.value_len);
  }
  return {};
}

bool Dom::HasAttr(uint32_t i, std::string_view name) const {
  const Node& n = nodes_[i];
  for (uint32_t k = 0; k < n.attr_count; ++k) {
    const AttrRef& a = attrs_[n.attr_begin + k];
    if (Str(a.name_begin, a.name_len) == name) return true;
  }
  return false;
}

void Dom::AppendSubtreeText(uint32_t i, std::string* out) const {
  for (uint32_t k = i; k < nodes_[i].end; ++k) {
    if (nodes_[k].tag == Tag::kText) out->append(Text(k));
  }
}

Dom::ParseStats Dom::Parse(std::string_view html, const Limits& limits) {
  ParseStats stats;
  nodes_.clear();
  attrs_.clear();
  arena_.clear();
  nodes_.push_back(Node{});
  nodes_[0].tag = Tag::kDocument;
  nodes_[0].end = 1;
  if (!parser_->ok) return stats;

  const int max_depth = std::max(limits.max_depth, 1);
  std::string_view input = html;
  LimitStats lim = LimitNesting(html, max_depth, &limited_);
  stats.tags_dropped_by_depth = lim.depth_dropped;
  stats.stray_end_tags_dropped = lim.stray_end_dropped;
  stats.text_splits = lim.text_splits;
  if (lim.rewritten()) input = limited_;

  myhtml_tree_t* tree = parser_->tree;
  myhtml_tree_clean(tree);
  myhtml_parse(tree, MyENCODING_UTF_8, input.data(), input.size());
  myhtml_tree_node_t* doc = myhtml_tree_get_document(tree);
  if (doc == nullptr) return stats;

  const auto& tag_map = TagMap();
  struct Item {
    myhtml_tree_node_t* node;
    uint32_t parent;  // our index of the element it attaches to
    uint32_t depth;   // depth of that element + 1
  };
  std::vector<Item> stack;
  std::vector<uint32_t> last_child(1, kNone);
  auto push_children = [&](myhtml_tree_node_t* n, uint32_t parent, uint32_t depth) {
    // Reverse order so that children pop in document order.
    for (myhtml_tree_node_t* c = myhtml_node_last_child(n); c; c = myhtml_node_prev(c)) {
      stack.push_back({c, parent, depth});
    }
  };
  auto link = [&](uint32_t parent, uint32_t child) {
    if (last_child[parent] == kNone) {
      nodes_[parent].first_child = child;
    } else {
      nodes_[last_child[parent]].next_sibling = child;
    }
    last_child[parent] = child;
  };
  push_children(doc, 0, 1);
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    myhtml_tag_id_t id = myhtml_node_tag_id(it.node);
    if (id == MyHTML_TAG__COMMENT || id == MyHTML_TAG__DOCTYPE) continue;
    if (nodes_.size() >= limits.max_nodes) {
      stats.node_limit_hit = true;
      break;
    }
    if (id == MyHTML_TAG__TEXT) {
      const Node& p = nodes_[it.parent];
      if (p.tag == Tag::kStyle) continue;
      // Scripts are code, except structured data: JSON-LD, and the first
      // kMaxJsonScriptBytes of other JSON (a CMS's page state, which may
      // name the publication date).
      constexpr size_t kMaxJsonScriptBytes = 64 * 1024;
      bool json_script = false;
      if (p.tag == Tag::kScript) {
        std::string_view type = Attr(it.parent, "type");
        if (!EqualsIgnoreCase(type, "application/ld+json")) {
          if (!EqualsIgnoreCase(type, "application/json")) continue;
          json_script = true;
        }
      }
      size_t len = 0;
      const char* text = myhtml_node_text(it.node, &len);
      if (text == nullptr || len == 0) continue;
      if (json_script && len > kMaxJsonScriptBytes) len = kMaxJsonScriptBytes;
      Node n;
      n.tag = Tag::kText;
      n.parent = it.parent;
      n.depth = it.depth;
      n.str_begin = AddStr(text, len);
      n.str_len = static_cast<uint32_t>(len);
      auto idx = static_cast<uint32_t>(nodes_.size());
      nodes_.push_back(n);
      last_child.push_back(kNone);
      link(it.parent, idx);
      continue;
    }
    if (it.depth > static_cast<uint32_t>(max_depth)) {
      // Flatten: the children join the element at the limit.
      ++stats.elements_flattened;
      push_children(it.node, it.parent, it.depth);
      continue;
    }
    Node n;
    bool html_ns = myhtml_node_namespace(it.node) == MyHTML_NAMESPACE_HTML;
    n.tag = (id <= MyHTML_TAG_LAST_ENTRY) ? tag_map[id] : Tag::kOther;
    if (!html_ns && n.tag != Tag::kSvg && n.tag != Tag::kMath) n.tag = Tag::kOther;
    if (n.tag == Tag::kOther) {
      size_t len = 0;
      const char* name = myhtml_tag_name_by_id(tree, id, &len);
      if (name != nullptr) {
        n.str_begin = AddStr(name, len);
        n.str_len = static_cast<uint32_t>(len);
      }
    }
    n.parent = it.parent;
    n.depth = it.depth;
    n.attr_begin = static_cast<uint32_t>(attrs_.size());
    for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(it.node); a;
         a = myhtml_attribute_next(a)) {
      size_t klen = 0, vlen = 0;
      const char* k = myhtml_attribute_key(a, &klen);
      const char* v = myhtml_attribute_value(a, &vlen);
      if (k == nullptr || klen == 0) continue;
      AttrRef r;
      r.name_begin = AddStr(k, klen);
      r.name_len = static_cast<uint32_t>(klen);
      r.value_begin = AddStr(v ? v : "", v ? vlen : 0);
      r.value_len = static_cast<uint32_t>(v ? vlen : 0);
      attrs_.push_back(r);
    }
    n.attr_count = static_cast<uint32_t>(attrs_.size()) - n.attr_begin;
    auto idx = static_cast<uint32_t>(nodes_.size());
    nodes_.push_back(n);
    last_child.push_back(kNone);
    link(it.parent, idx);
    push_children(it.node, idx, it.depth + 1);
  }
  // Pre-order storage: a subtree ends where its last descendant ends.
  for (uint32_t i = size(); i-- > 0;) {
    Node& n = nodes_[i];
    n.end = std::max(n.end, i + 1);
    if (n.parent != kNone) nodes_[n.parent].end = std::max(nodes_[n.parent].end, n.end);
  }
  return stats;
}

}  // namespace wirewatch::html
