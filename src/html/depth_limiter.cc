#include "html/depth_limiter.h"

#include <cstring>
#include <utility>
#include <vector>

namespace wirewatch::html {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool NameIs(std::string_view name, const char* lit) {
  size_t n = std::strlen(lit);
  if (name.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (Lower(name[i]) != lit[i]) return false;
  }
  return true;
}

bool NameIn(std::string_view name, std::initializer_list<const char*> list) {
  for (const char* s : list) {
    if (NameIs(name, s)) return true;
  }
  return false;
}

// Elements the limiter does not count (see the header).
bool Uncounted(std::string_view name) {
  return NameIn(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr", "keygen", "image", "basefont",
                       "bgsound", "frame", "html", "head", "body", "p", "li", "dt", "dd",
                       "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
                       "colgroup", "caption", "rb", "rt", "rp", "rtc"});
}

bool RawText(std::string_view name) {
  return NameIn(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript"});
}

// Finds "</name" (case-insensitive) at or after `from`; returns npos if none.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  while (true) {
    size_t lt = html.find("</", from);
    if (lt == std::string_view::npos) return lt;
    size_t i = lt + 2;
    if (i + name.size() <= html.size()) {
      bool eq = true;
      for (size_t k = 0; k < name.size(); ++k) {
        if (Lower(html[i + k]) != Lower(name[k])) { eq = false; break; }
      }
      if (eq) return lt;
    }
    from = lt + 2;
  }
}

// Returns the index just past the '>' closing the tag whose attributes start
// at `i` (quotes respected), or html.size().
size_t SkipTagRest(std::string_view html, size_t i, bool* self_closing) {
  *self_closing = false;
  char quote = 0;
  for (; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open a value right after '=' (possibly after spaces).
      size_t k = i;
      while (k > 0 && (html[k - 1] == ' ' || html[k - 1] == '\t' || html[k - 1] == '\n')) --k;
      if (k > 0 && html[k - 1] == '=') quote = c;
    } else if (c == '>') {
      *self_closing = i > 0 && html[i - 1] == '/';
      return i + 1;
    }
  }
  return html.size();
}

}  // namespace

size_t LimitNesting(std::string_view html, int max_depth, std::string* out) {
  std::vector<std::pair<size_t, size_t>> drops;  // [begin, end) byte spans
  int depth = 0;
  size_t pending_drops = 0;  // dropped start tags whose end tag is still due
  size_t i = 0;
  const size_t n = html.size();
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    char c = html[lt + 1];
    if (c == '!') {
      if (html.compare(lt, 4, "<!--") == 0) {
        size_t e = html.find("-->", lt + 4);
        i = e == std::string_view::npos ? n : e + 3;
      } else {
        size_t e = html.find('>', lt + 2);
        i = e == std::string_view::npos ? n : e + 1;
      }
      continue;
    }
    if (c == '?') {
      size_t e = html.find('>', lt + 2);
      i = e == std::string_view::npos ? n : e + 1;
      continue;
    }
    bool end_tag = c == '/';
    size_t name_begin = lt + (end_tag ? 2 : 1);
    if (name_begin >= n || !IsAlpha(html[name_begin])) {
      i = lt + 1;  // text "<" (or "</3"): not a tag
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && !std::strchr(" \t\n\r\f/>", html[name_end])) ++name_end;
    std::string_view name = html.substr(name_begin, name_end - name_begin);
    bool self_closing = false;
    size_t tag_end = SkipTagRest(html, name_end, &self_closing);
    i = tag_end;
    if (!end_tag && RawText(name)) {
      size_t e = FindEndTag(html, tag_end, name);
      i = e == std::string_view::npos ? n : e;
    }
    // Raw text elements cannot nest; dropping one would expose its content.
    if (RawText(name)) continue;
    if (Uncounted(name)) {
      // Inside a dropped region every tag goes: the region becomes plain
      // text (stray <tr>/<td> there would otherwise rebuild table structure).
      if (pending_drops > 0) drops.emplace_back(lt, tag_end);
      continue;
    }
    if (end_tag) {
      if (pending_drops > 0) {
        --pending_drops;
        drops.emplace_back(lt, tag_end);
      } else if (depth > 0) {
        --depth;
      }
    } else if (!self_closing) {
      if (depth >= max_depth) {
        ++pending_drops;
        drops.emplace_back(lt, tag_end);
      } else {
        ++depth;
      }
    }
  }
  if (drops.empty()) return 0;
  out->clear();
  out->reserve(n);
  size_t pos = 0;
  for (const auto& [b, e] : drops) {
    out->append(html.substr(pos, b - pos));
    // Keep a word boundary where the tag was, but only between two
    // non-space characters: runs of spaces between table tags would become
    // (slow, quadratic) pending table text in the parser.
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '<' || c == '>'; };
    if (!out->empty() && !space(out->back()) && e < n && !space(html[e])) out->push_back(' ');
    pos = e;
  }
  out->append(html.substr(pos));
  return drops.size();
}

}  // namespace wirewatch::html
