#include "html/comments.h"

#include <string_view>

#include "base/utf8.h"
#include "html/strings.h"

namespace wirewatch::html {
namespace {

bool AnyToken(const Dom& dom, uint32_t i, bool (*pred)(std::string_view)) {
  if (dom.node(i).attr_count == 0) return false;
  return ForEachWordToken(dom.Attr(i, "class"), pred) ||
         ForEachWordToken(dom.Attr(i, "id"), pred);
}

bool HasWord(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

// The raw class and id, lower-cased, joined: for multi-token names such as
// "comment-content" that word tokens split.
std::string ClassId(const Dom& dom, uint32_t i) {
  std::string s = AsciiLower(dom.Attr(i, "class"));
  s += ' ';
  s += AsciiLower(dom.Attr(i, "id"));
  return s;
}

bool IsSection(const Dom& dom, uint32_t i) {
  Tag t = dom.node(i).tag;
  if (t == Tag::kBody || t == Tag::kHtml || t == Tag::kForm || t == Tag::kA ||
      t == Tag::kButton || t == Tag::kScript || t == Tag::kSpan ||
      t == Tag::kText) {
    return false;
  }
  if (!AnyToken(dom, i, [](std::string_view tok) {
        return tok.starts_with("comment") || tok.starts_with("kommentar") ||
               tok.starts_with("disqus") || tok == "reactions";
      })) {
    return false;
  }
  std::string ci = ClassId(dom, i);
  for (std::string_view no :
       {"count", "link", "form", "respond", "reply-title", "closed", "recent",
        "number", "button", "toggle", "icon", "live", "widget", "template"}) {
    if (HasWord(ci, no)) return false;
  }
  return true;
}

bool IsCommentBody(const Dom& dom, uint32_t i) {
  if (dom.node(i).attr_count == 0) return false;
  std::string ci = ClassId(dom, i);
  for (std::string_view w :
       {"comment-content", "comment-body", "comment-text", "commenttext",
        "comment_text", "comment-entry", "comment_content"}) {
    if (HasWord(ci, w)) return true;
  }
  return false;
}

bool Skipped(const Dom& dom, uint32_t i) {
  Tag t = dom.node(i).tag;
  if (t == Tag::kScript || t == Tag::kStyle || t == Tag::kForm ||
      t == Tag::kButton || t == Tag::kNoscript || t == Tag::kTemplate ||
      t == Tag::kSvg || t == Tag::kTextarea || t == Tag::kSelect) {
    return true;
  }
  return dom.node(i).attr_count > 0 &&
         (dom.HasAttr(i, "hidden") || dom.Attr(i, "aria-hidden") == "true");
}

// Inside a comment section, what is not a comment: the comment form and its
// notes ("Your email address will not be published"), log-in prompts, rules
// and error messages. (Outside sections these words mean nothing: a <body>
// class "page-template-default".)
bool NotComment(const Dom& dom, uint32_t i) {
  if (Skipped(dom, i)) return true;
  if (dom.node(i).attr_count == 0) return false;
  return AnyToken(dom, i, [](std::string_view tok) {
    for (std::string_view w :
         {"form", "respond", "notes", "login", "logged", "policy", "guidelines",
          "error", "notice", "placeholder", "template"}) {
      if (tok == w) return true;
    }
    return false;
  });
}

bool IsBlock(Tag t) {
  switch (t) {
    case Tag::kP:
    case Tag::kDiv:
    case Tag::kLi:
    case Tag::kBlockquote:
    case Tag::kBr:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kPre:
    case Tag::kTr:
    case Tag::kSection:
    case Tag::kArticle:
      return true;
    default:
      return false;
  }
}

// Text of [begin, end) without skipped subtrees and without the subtrees
// `stop` says are separate items (nested replies).
template <typename Stop>
std::string ItemText(const Dom& dom, uint32_t begin, uint32_t end, Stop stop) {
  std::string raw;
  for (uint32_t k = begin; k < end;) {
    const Dom::Node& n = dom.node(k);
    if (n.tag == Tag::kText) {
      raw += dom.Text(k);
      ++k;
      continue;
    }
    if (NotComment(dom, k) || stop(k)) {
      raw += ' ';
      k = n.end;
      continue;
    }
    if (IsBlock(n.tag)) raw += ' ';
    ++k;
  }
  std::string t = CollapseWhitespace(raw);
  if (t.size() > kMaxCommentBytes) {
    size_t cut = kMaxCommentBytes;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
      --cut;
    t.resize(cut);
  }
  return t;
}

// "Bisher noch keine Kommentare", "No comments yet": the empty section's
// placeholder, not a comment.
bool NoCommentsYet(std::string_view t) {
  constexpr size_t kShort = 80;
  if (t.size() >= kShort) return false;
  std::string l = AsciiLower(t);
  for (std::string_view p :
       {"no comment", "keine kommentare", "noch keine", "aucun commentaire",
        "be the first", "sei der erste", "sei die erste"}) {
    if (l.find(p) != std::string::npos) return true;
  }
  return false;
}

void Add(std::string t, std::vector<std::string>* out) {
  // A lone number is a vote or reply count, not a comment.
  constexpr size_t kMinBytes = 3;
  if (t.size() < kMinBytes || NoCommentsYet(t) || out->size() >= kMaxComments)
    return;
  out->push_back(std::move(t));
}

void FromSection(const Dom& dom, uint32_t s, std::vector<std::string>* out) {
  const uint32_t end = dom.node(s).end;
  size_t before = out->size();
  // 1. Innermost comment bodies: themes name both the whole item
  // ("comment-body" around author, date and reply link) and its text
  // ("comment-content"); the innermost is the text.
  auto has_inner_body = [&](uint32_t k) {
    for (uint32_t x = k + 1; x < dom.node(k).end; ++x) {
      if (dom.node(x).tag != Tag::kText && IsCommentBody(dom, x)) return true;
    }
    return false;
  };
  for (uint32_t k = s + 1; k < end; ++k) {
    if (dom.node(k).tag != Tag::kText && NotComment(dom, k)) {
      k = dom.node(k).end - 1;
      continue;
    }
    if (dom.node(k).tag == Tag::kText || !IsCommentBody(dom, k) ||
        has_inner_body(k))
      continue;
    Add(ItemText(dom, k + 1, dom.node(k).end,
                 [&](uint32_t x) { return IsSection(dom, x); }),
        out);
    k = dom.node(k).end - 1;
  }
  if (out->size() > before) return;
  // 2. List items / articles: each one a comment, replies separately.
  for (uint32_t k = s + 1; k < end; ++k) {
    Tag t = dom.node(k).tag;
    if (t != Tag::kLi && t != Tag::kArticle) continue;
    if (NotComment(dom, k)) {
      k = dom.node(k).end - 1;
      continue;
    }
    Add(ItemText(dom, k + 1, dom.node(k).end,
                 [&](uint32_t x) {
                   return dom.node(x).tag == Tag::kLi ||
                          dom.node(x).tag == Tag::kArticle ||
                          dom.node(x).tag == Tag::kUl ||
                          dom.node(x).tag == Tag::kOl;
                 }),
        out);
  }
  if (out->size() > before) return;
  // 3. Paragraphs.
  constexpr size_t kMinParagraph = 20;
  for (uint32_t k = s + 1; k < end; ++k) {
    if (dom.node(k).tag != Tag::kText && NotComment(dom, k)) {
      k = dom.node(k).end - 1;
      continue;
    }
    if (dom.node(k).tag != Tag::kP) continue;
    std::string t =
        ItemText(dom, k + 1, dom.node(k).end, [](uint32_t) { return false; });
    if (t.size() >= kMinParagraph) Add(std::move(t), out);
    k = dom.node(k).end - 1;
  }
}

}  // namespace

void ExtractComments(const Dom& dom, std::vector<std::string>* out) {
  for (uint32_t i = 1; i < dom.size() && out->size() < kMaxComments;) {
    if (dom.node(i).tag != Tag::kText && !Skipped(dom, i) &&
        IsSection(dom, i)) {
      FromSection(dom, i, out);
      i = dom.node(i).end;  // the outermost section only
    } else if (dom.node(i).tag != Tag::kText && Skipped(dom, i)) {
      i = dom.node(i).end;
    } else {
      ++i;
    }
  }
}

}  // namespace wirewatch::html
