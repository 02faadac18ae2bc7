#include "html/depth_limiter.h"

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace wirewatch::html {
namespace {

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
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
  return NameIn(name,
                {"area",  "base",  "br",     "col",      "embed",    "hr",
                 "img",   "input", "link",   "meta",     "param",    "source",
                 "track", "wbr",   "keygen", "image",    "basefont", "bgsound",
                 "frame", "html",  "head",   "body",     "p",        "li",
                 "dt",    "dd",    "option", "optgroup", "tr",       "td",
                 "th",    "thead", "tbody",  "tfoot",    "colgroup", "caption",
                 "rb",    "rt",    "rp",     "rtc"});
}

bool RawText(std::string_view name) {
  return NameIn(name, {"script", "style", "textarea", "title", "xmp", "iframe",
                       "noembed", "noframes", "noscript"});
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
        if (Lower(html[i + k]) != Lower(name[k])) {
          eq = false;
          break;
        }
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
      while (k > 0 &&
             (html[k - 1] == ' ' || html[k - 1] == '\t' || html[k - 1] == '\n'))
        --k;
      if (k > 0 && html[k - 1] == '=') quote = c;
    } else if (c == '>') {
      *self_closing = i > 0 && html[i - 1] == '/';
      return i + 1;
    }
  }
  return html.size();
}

// Names the tree builder may open without a start tag, or whose end tag does
// something even when nothing of that name is open: never dropped as strays.
bool NeverStray(std::string_view name) {
  return NameIn(name, {"html", "head", "body", "p", "br", "tbody", "tr",
                       "colgroup", "template"});
}

// Start tags after which the following text does not go into a fresh node:
// ignored in body, or table structure whose text is foster-parented.
bool NoFreshTextNode(std::string_view name) {
  return NameIn(name, {"html", "head", "body", "frame", "frameset", "table",
                       "tbody", "thead", "tfoot", "tr", "col", "colgroup"});
}

// Open-element counts per hashed lower-case name (collisions only raise a
// count, which keeps the stray test conservative).
class NameCounts {
 public:
  NameCounts() { std::memset(counts_, 0, sizeof counts_); }
  uint32_t& operator[](std::string_view name) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : name)
      h = (h ^ static_cast<unsigned char>(Lower(c))) * 16777619u;
    return counts_[h % kSlots];
  }

 private:
  static constexpr size_t kSlots = 1024;
  uint32_t counts_[kSlots];
};

struct Edit {
  size_t begin, end;   // byte span of the input replaced
  bool keep_boundary;  // insert a space between two non-space neighbours
  bool insert_split;   // insert "<span></span>" at `begin`
};

}  // namespace

LimitStats LimitNesting(std::string_view html, int max_depth,
                        std::string* out) {
  LimitStats stats;
  std::vector<Edit> edits;
  NameCounts open;
  int depth = 0;
  size_t pending_drops = 0;  // dropped start tags whose end tag is still due
  size_t text_runs = 0;      // non-empty text runs since a fresh text node
  size_t run_begin = 0;      // where the current text run started
  size_t i = 0;
  const size_t n = html.size();
  // Called at every tag or comment starting at `lt`: accounts for the text
  // run [run_begin, lt).
  auto text_run_ends = [&](size_t lt) {
    if (lt <= run_begin) return;
    if (text_runs >= kMaxMergedTextRuns) {
      edits.push_back({run_begin, run_begin, false, true});
      ++stats.text_splits;
      text_runs = 0;
    }
    ++text_runs;
  };
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    char c = html[lt + 1];
    if (c == '!' || c == '?') {
      // A comment (or bogus comment) node ends the text node before it.
      text_run_ends(lt);
      text_runs = 0;
      if (html.compare(lt, 4, "<!--") == 0) {
        size_t e = html.find("-->", lt + 4);
        i = e == std::string_view::npos ? n : e + 3;
      } else {
        size_t e = html.find('>', lt + 2);
        i = e == std::string_view::npos ? n : e + 1;
      }
      run_begin = i;
      continue;
    }
    bool end_tag = c == '/';
    size_t name_begin = lt + (end_tag ? 2 : 1);
    if (name_begin >= n || !IsAlpha(html[name_begin])) {
      i = lt + 1;  // text "<" (or "</3"): not a tag
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && !std::strchr(" \t\n\r\f/>", html[name_end]))
      ++name_end;
    std::string_view name = html.substr(name_begin, name_end - name_begin);
    bool self_closing = false;
    size_t tag_end = SkipTagRest(html, name_end, &self_closing);
    text_run_ends(lt);
    i = tag_end;
    run_begin = tag_end;
    uint32_t& count = open[name];
    if (end_tag) {
      if (count == 0 && !NeverStray(name)) {
        edits.push_back({lt, tag_end, false, false});
        ++stats.stray_end_dropped;
        continue;
      }
      if (count > 0) --count;
    } else {
      ++count;
      if (!NoFreshTextNode(name)) text_runs = 0;
    }
    if (!end_tag && RawText(name)) {
      size_t e = FindEndTag(html, tag_end, name);
      i = e == std::string_view::npos ? n : e;
      run_begin = i;
    }
    // Raw text elements cannot nest; dropping one would expose its content.
    if (RawText(name)) continue;
    if (Uncounted(name)) {
      // Inside a dropped region every tag goes: the region becomes plain
      // text (stray <tr>/<td> there would otherwise rebuild table structure).
      if (pending_drops > 0) {
        edits.push_back({lt, tag_end, true, false});
        ++stats.depth_dropped;
      }
      continue;
    }
    if (end_tag) {
      if (pending_drops > 0) {
        --pending_drops;
        edits.push_back({lt, tag_end, true, false});
        ++stats.depth_dropped;
      } else if (depth > 0) {
        --depth;
      }
    } else if (!self_closing) {
      if (depth >= max_depth) {
        ++pending_drops;
        edits.push_back({lt, tag_end, true, false});
        ++stats.depth_dropped;
      } else {
        ++depth;
      }
    }
  }
  if (edits.empty()) return stats;
  out->clear();
  out->reserve(n + stats.text_splits * 13);
  size_t pos = 0;
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '<' ||
           c == '>';
  };
  for (const Edit& e : edits) {
    out->append(html.substr(pos, e.begin - pos));
    if (e.insert_split) out->append("<span></span>");
    // Keep a word boundary where a flattened tag was, but only between two
    // non-space characters: runs of spaces between table tags would become
    // (slow, quadratic) pending table text in the parser.
    if (e.keep_boundary && !out->empty() && !space(out->back()) && e.end < n &&
        !space(html[e.end])) {
      out->push_back(' ');
    }
    pos = e.end;
  }
  out->append(html.substr(pos));
  return stats;
}

}  // namespace wirewatch::html
