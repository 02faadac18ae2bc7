#include "html/debug_dump.h"

#include <simdjson.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wirewatch::html {
namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }
bool IsSpace(char c) {
  return IsBlank(c) || IsLineBreak(c) || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) ||
         c == '_' || c == '\\';
}

bool At(std::string_view t, size_t pos, std::string_view lit) {
  return pos <= t.size() && t.size() - pos >= lit.size() &&
         t.compare(pos, lit.size(), lit) == 0;
}

// Index of the line break ending the line that contains `pos` (or t.size()).
size_t LineEnd(std::string_view t, size_t pos) {
  while (pos < t.size() && !IsLineBreak(t[pos])) ++pos;
  return pos;
}

// Start of the line that contains `pos`.
size_t LineBegin(std::string_view t, size_t pos) {
  while (pos > 0 && !IsLineBreak(t[pos - 1])) --pos;
  return pos;
}

// Index just past the line break at `end` ("\r\n" counts as one).
size_t NextLineStart(std::string_view t, size_t end) {
  if (end >= t.size()) return t.size();
  if (t[end] == '\r' && end + 1 < t.size() && t[end + 1] == '\n') {
    return end + 2;
  }
  return end + 1;
}

bool RestOfLineBlank(std::string_view t, size_t pos) {
  while (pos < t.size() && IsBlank(t[pos])) ++pos;
  return pos == t.size() || IsLineBreak(t[pos]);
}

size_t SkipSpace(std::string_view t, size_t pos) {
  while (pos < t.size() && IsSpace(t[pos])) ++pos;
  return pos;
}

// One past the last non-blank byte in [begin, end), or begin if all blank.
size_t TrimRight(std::string_view t, size_t begin, size_t end) {
  while (end > begin && IsBlank(t[end - 1])) --end;
  return end;
}

// Parses 1-18 decimal digits at *pos.
bool ParseCount(std::string_view t, size_t* pos, uint64_t* value) {
  size_t p = *pos;
  uint64_t v = 0;
  while (p < t.size() && IsDigit(t[p]) && p - *pos < 18) {
    v = v * 10 + static_cast<uint64_t>(t[p] - '0');
    ++p;
  }
  if (p == *pos || (p < t.size() && IsDigit(t[p]))) return false;
  *pos = p;
  *value = v;
  return true;
}

// Index of the ')' closing a parenthesised run of 1..max_len bytes starting
// at `pos`, on one line, or kNpos.
size_t ClosingParen(std::string_view t, size_t pos, size_t max_len) {
  size_t limit = pos + max_len;
  for (size_t p = pos; p < t.size() && p <= limit; ++p) {
    if (t[p] == ')') return p > pos ? p : kNpos;
    if (IsLineBreak(t[p])) return kNpos;
  }
  return kNpos;
}

// ---------------------------------------------------------------------------
// Widget records.

// Collects the widget fields of one object/array; see RelatedItem.
struct WidgetBuilder {
  RelatedItem item;
  bool has_id = false;
  bool has_title = false;

  void Set(std::string_view key, std::string_view value) {
    if (key == "id") {
      item.id.assign(value);
      has_id = true;
    } else if (key == "title") {
      item.title.assign(value);
      has_title = true;
    } else if (key == "sort") {
      item.sort.assign(value);
    } else if (key == "contenttypeid") {
      item.contenttypeid.assign(value);
    } else if (key == "pic") {
      item.pic.assign(value);
    }
  }
  bool Complete() const { return has_id && has_title; }
};

struct JsonInfo {
  bool valid = false;
  bool is_array = false;
  size_t objects = 0;   // top-level objects (elements of the array, or 1)
  size_t elements = 0;  // array elements (1 for a top-level object)
  size_t widgets = 0;   // objects with the widget shape
};

// The decimal/verbatim text of a JSON scalar; false for containers and null.
bool JsonScalarText(simdjson::dom::element e, std::string* out) {
  char buf[64];
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (e.get_string().get(s)) return false;
      out->assign(s);
      return true;
    }
    case simdjson::dom::element_type::INT64: {
      int64_t v = 0;
      if (e.get_int64().get(v)) return false;
      auto r = std::to_chars(buf, buf + sizeof(buf), v);
      out->assign(buf, r.ptr);
      return true;
    }
    case simdjson::dom::element_type::UINT64: {
      uint64_t v = 0;
      if (e.get_uint64().get(v)) return false;
      auto r = std::to_chars(buf, buf + sizeof(buf), v);
      out->assign(buf, r.ptr);
      return true;
    }
    case simdjson::dom::element_type::DOUBLE: {
      double v = 0;
      if (e.get_double().get(v)) return false;
      auto r = std::to_chars(buf, buf + sizeof(buf), v);  // shortest round-trip
      out->assign(buf, r.ptr);
      return true;
    }
    case simdjson::dom::element_type::BOOL: {
      bool v = false;
      if (e.get_bool().get(v)) return false;
      out->assign(v ? "true" : "false");
      return true;
    }
    default:
      return false;
  }
}

void CollectJsonWidget(simdjson::dom::object obj, JsonInfo* info,
                       std::vector<RelatedItem>* items) {
  WidgetBuilder w;
  std::string value;
  for (simdjson::dom::key_value_pair field : obj) {
    if (JsonScalarText(field.value, &value)) w.Set(field.key, value);
  }
  if (w.Complete()) {
    ++info->widgets;
    items->push_back(std::move(w.item));
  }
}

// Validates `json` and appends its widget-shaped objects (top level, or
// elements of a top-level array) to *items.
JsonInfo ParseJsonWidgets(std::string_view json,
                          std::vector<RelatedItem>* items) {
  JsonInfo info;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size()).get(doc)) return info;
  info.valid = true;
  simdjson::dom::object obj;
  simdjson::dom::array arr;
  if (!doc.get_object().get(obj)) {
    info.objects = info.elements = 1;
    CollectJsonWidget(obj, &info, items);
  } else if (!doc.get_array().get(arr)) {
    info.is_array = true;
    for (simdjson::dom::element e : arr) {
      ++info.elements;
      if (!e.get_object().get(obj)) {
        ++info.objects;
        CollectJsonWidget(obj, &info, items);
      }
    }
  }
  return info;
}

bool LooksLikeJson(std::string_view s) {
  return !s.empty() && (s.front() == '[' || s.front() == '{');
}

// ---------------------------------------------------------------------------
// var_dump.

enum class StringMatch { kNoMatch, kExact, kFallback, kUnterminated };

struct StringDump {
  size_t end = 0;  // just past the closing quote
  size_t payload_begin = 0;
  size_t payload_end = 0;
  uint64_t declared = 0;
};

// Parses `string(N) "<payload>"` at pos. The closing quote must end its line
// (only blanks after it). kExact: it sits N bytes after the opening quote;
// kFallback: it is the last non-blank byte of the opening quote's line
// instead; kUnterminated: the header parsed but neither holds. `line_end` is
// the end of pos's line when the caller knows it, else kNpos.
StringMatch ParseVarDumpString(std::string_view t, size_t pos, size_t line_end,
                               StringDump* out) {
  if (!At(t, pos, "string(")) return StringMatch::kNoMatch;
  size_t p = pos + 7;
  uint64_t n = 0;
  if (!ParseCount(t, &p, &n) || !At(t, p, ") \"")) return StringMatch::kNoMatch;
  p += 3;
  out->payload_begin = p;
  out->declared = n;
  if (n < t.size() - p && t[p + n] == '"' && RestOfLineBlank(t, p + n + 1)) {
    out->payload_end = p + n;
    out->end = p + n + 1;
    return StringMatch::kExact;
  }
  if (line_end == kNpos) line_end = LineEnd(t, p);
  size_t q = TrimRight(t, p, line_end);
  if (q > p && t[q - 1] == '"') {
    out->payload_end = q - 1;
    out->end = q;
    return StringMatch::kFallback;
  }
  return StringMatch::kUnterminated;
}

// Parses a var_dump scalar other than a string; returns its end or kNpos.
// *text receives the value's text (int digits, float text, true/false).
size_t ParseVarDumpScalar(std::string_view t, size_t pos,
                          std::string_view* text) {
  *text = {};
  if (At(t, pos, "int(")) {
    size_t p = pos + 4;
    size_t digits = p;
    if (p < t.size() && t[p] == '-') ++p;
    uint64_t v = 0;
    if (!ParseCount(t, &p, &v) || !At(t, p, ")")) return kNpos;
    *text = t.substr(digits, p - digits);
    return p + 1;
  }
  if (At(t, pos, "float(")) {
    size_t close = ClosingParen(t, pos + 6, 64);
    if (close == kNpos) return kNpos;
    *text = t.substr(pos + 6, close - pos - 6);
    return close + 1;
  }
  if (At(t, pos, "bool(true)")) {
    *text = "true";
    return pos + 10;
  }
  if (At(t, pos, "bool(false)")) {
    *text = "false";
    return pos + 11;
  }
  if (At(t, pos, "NULL")) return pos + 4;
  if (At(t, pos, "*RECURSION*")) return pos + 11;
  if (At(t, pos, "resource(")) {
    size_t p = pos + 9;
    uint64_t v = 0;
    if (!ParseCount(t, &p, &v) || !At(t, p, ") of type (")) return kNpos;
    size_t close = ClosingParen(t, p + 11, 64);
    return close == kNpos ? kNpos : close + 1;
  }
  for (std::string_view head :
       {std::string_view("enum("), std::string_view("uninitialized(")}) {
    if (At(t, pos, head)) {
      size_t close = ClosingParen(t, pos + head.size(), 256);
      return close == kNpos ? kNpos : close + 1;
    }
  }
  return kNpos;
}

// Parses `array(N) {` or `object(Class)#id (N) {`; returns the index past
// '{' or kNpos.
size_t ParseVarDumpOpen(std::string_view t, size_t pos, bool* is_array,
                        uint64_t* count) {
  size_t p;
  if (At(t, pos, "array(")) {
    *is_array = true;
    p = pos + 6;
  } else if (At(t, pos, "object(")) {
    *is_array = false;
    size_t close = ClosingParen(t, pos + 7, 256);
    if (close == kNpos || !At(t, close, ")#")) return kNpos;
    p = close + 2;
    uint64_t id = 0;
    if (!ParseCount(t, &p, &id) || !At(t, p, " (")) return kNpos;
    p += 2;
  } else {
    return kNpos;
  }
  if (!ParseCount(t, &p, count) || !At(t, p, ") {")) return kNpos;
  return p + 3;
}

// Parses a key `[0]=>`, `["k"]=>`, `["p":protected]=>`, `["p":"C":private]=>`;
// returns the index past "=>" or kNpos. *name receives the bare key.
size_t ParseVarDumpKey(std::string_view t, size_t pos, std::string_view* name) {
  if (pos >= t.size() || t[pos] != '[') return kNpos;
  // Keys are short and on one line; the bound keeps a failed key O(1).
  constexpr size_t kMaxKeyBytes = 1024;
  size_t k = pos + 1;
  size_t limit = std::min(t.size(), pos + 1 + kMaxKeyBytes);
  while (k < limit && !IsLineBreak(t[k]) && !At(t, k, "]=>")) ++k;
  if (k >= limit || IsLineBreak(t[k])) return kNpos;
  std::string_view inner = t.substr(pos + 1, k - pos - 1);
  if (inner.empty()) return kNpos;
  if (inner.front() == '"') {
    if (inner.size() >= 2 && inner.back() == '"') {
      *name = inner.substr(1, inner.size() - 2);
    } else {
      if (!inner.ends_with(":protected") && !inner.ends_with(":private") &&
          !inner.ends_with(":public")) {
        return kNpos;
      }
      size_t j = inner.find("\":", 1);
      if (j == kNpos) return kNpos;
      *name = inner.substr(1, j - 1);
    }
  } else {
    size_t i = inner.front() == '-' ? 1 : 0;
    if (i == inner.size()) return kNpos;
    for (; i < inner.size(); ++i) {
      if (!IsDigit(inner[i])) return kNpos;
    }
    *name = inner;
  }
  return k + 3;
}

struct VarDumpResult {
  size_t end = 0;       // success: just past the dump
  size_t fail_pos = 0;  // failure: where the grammar broke
  bool length_mismatch = false;
  uint64_t top_count = 0;
  bool top_is_array = true;
};

// Parses one complete var_dump array/object at pos with an explicit stack.
// Widgets found inside are appended to *items (the caller discards them on
// failure).
bool ParseVarDumpTree(std::string_view t, size_t pos,
                      std::vector<RelatedItem>* items, VarDumpResult* r) {
  struct Frame {
    bool is_array = true;
    uint64_t expected = 0;
    uint64_t seen = 0;
    std::string_view key;
    WidgetBuilder widget;
  };
  std::vector<Frame> stack;
  size_t p = pos;
  bool expect_value = true;
  for (;;) {
    if (expect_value) {
      std::string_view scalar;
      StringDump sd;
      StringMatch m = ParseVarDumpString(t, p, kNpos, &sd);
      size_t e;
      bool is_array = false;
      uint64_t count = 0;
      if (m == StringMatch::kExact || m == StringMatch::kFallback) {
        if (m == StringMatch::kFallback) r->length_mismatch = true;
        scalar = t.substr(sd.payload_begin, sd.payload_end - sd.payload_begin);
        if (LooksLikeJson(scalar)) ParseJsonWidgets(scalar, items);
        p = sd.end;
      } else if (m == StringMatch::kNoMatch &&
                 (e = ParseVarDumpScalar(t, p, &scalar)) != kNpos) {
        p = e;
      } else if (m == StringMatch::kNoMatch &&
                 (e = ParseVarDumpOpen(t, p, &is_array, &count)) != kNpos) {
        if (stack.size() >= static_cast<size_t>(kMaxDumpDepth)) {
          // Too deep to be a leaked widget: keep it and scan no further, so
          // its inner levels are not stripped one by one.
          r->fail_pos = t.size();
          return false;
        }
        if (stack.empty()) {
          r->top_count = count;
          r->top_is_array = is_array;
        }
        Frame frame;
        frame.is_array = is_array;
        frame.expected = count;
        stack.push_back(std::move(frame));
        p = e;
        expect_value = false;
        continue;
      } else {
        r->fail_pos = p;
        return false;
      }
      if (stack.empty()) {  // callers start at a container; not reached
        r->end = p;
        return true;
      }
      Frame& f = stack.back();
      f.widget.Set(f.key, scalar);
      ++f.seen;
      expect_value = false;
      continue;
    }
    p = SkipSpace(t, p);
    if (p >= t.size()) {
      r->fail_pos = p;
      return false;
    }
    if (t[p] == '}') {
      Frame& f = stack.back();
      if (f.is_array && f.seen != f.expected) {
        r->fail_pos = p;
        return false;
      }
      if (f.widget.Complete()) items->push_back(std::move(f.widget.item));
      stack.pop_back();
      ++p;
      if (stack.empty()) {
        r->end = p;
        return true;
      }
      ++stack.back().seen;
      continue;
    }
    std::string_view key;
    size_t e = ParseVarDumpKey(t, p, &key);
    if (e == kNpos) {
      r->fail_pos = p;
      return false;
    }
    stack.back().key = key;
    p = SkipSpace(t, e);
    expect_value = true;
  }
}

// ---------------------------------------------------------------------------
// print_r.

struct Line {
  size_t begin;  // first non-blank byte
  size_t end;    // one past the last non-blank byte
  size_t next;   // start of the following line
  std::string_view Trimmed(std::string_view t) const {
    return t.substr(begin, end - begin);
  }
};

Line ReadLine(std::string_view t, size_t pos) {
  size_t le = LineEnd(t, pos);
  size_t b = pos;
  while (b < le && IsBlank(t[b])) ++b;
  return Line{b, TrimRight(t, b, le), NextLineStart(t, le)};
}

// "Array" or "ClassName Object".
bool IsPrintROpener(std::string_view s) {
  if (s == "Array") return true;
  if (!s.ends_with(" Object") || s.size() == 7) return false;
  for (char c : s.substr(0, s.size() - 7)) {
    if (!IsIdentChar(c)) return false;
  }
  return true;
}

struct PrintRResult {
  size_t end = 0;        // success: just past the closing ')'
  size_t fail_line = 0;  // failure: start of the line that broke the grammar
  bool opened = false;   // the "Array\n(" head parsed
};

// Parses print_r output whose opener line starts at pos (its first
// non-blank byte).
bool ParsePrintR(std::string_view t, size_t pos,
                 std::vector<RelatedItem>* items, PrintRResult* r) {
  Line line = ReadLine(t, pos);
  if (!IsPrintROpener(line.Trimmed(t))) return false;
  Line paren = ReadLine(t, line.next);
  r->fail_line = line.next;
  if (line.next >= t.size() || paren.Trimmed(t) != "(") return false;
  r->opened = true;
  std::vector<WidgetBuilder> stack(1);
  size_t p = paren.next;
  for (;;) {
    r->fail_line = p;
    if (p >= t.size()) return false;
    line = ReadLine(t, p);
    std::string_view s = line.Trimmed(t);
    p = line.next;
    if (s.empty()) continue;
    if (s == ")") {
      if (stack.back().Complete())
        items->push_back(std::move(stack.back().item));
      stack.pop_back();
      if (stack.empty()) {
        r->end = line.end;
        return true;
      }
      continue;
    }
    if (s.front() != '[') return false;
    size_t k = s.find("] =>");
    if (k == kNpos) return false;
    std::string_view key = s.substr(1, k - 1);
    std::string_view value = s.substr(k + 4);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (key.ends_with(":protected")) {
      key.remove_suffix(10);
    } else if (key.ends_with(":private")) {
      key.remove_suffix(8);
      size_t colon = key.rfind(':');
      if (colon != kNpos) key = key.substr(0, colon);
    }
    if (IsPrintROpener(value) && p < t.size()) {
      Line next = ReadLine(t, p);
      if (next.Trimmed(t) == "(") {
        if (stack.size() >= static_cast<size_t>(kMaxDumpDepth)) return false;
        stack.emplace_back();
        p = next.next;
        continue;
      }
    }
    stack.back().Set(key, value);
  }
}

// ---------------------------------------------------------------------------
// The scan.

class Stripper {
 public:
  Stripper(std::string_view text, std::string* scratch,
           std::vector<RelatedItem>* related,
           std::vector<std::string>* warnings)
      : t_(text),
        scratch_(scratch),
        related_(related),
        warnings_(warnings),
        glued_budget_(static_cast<int64_t>(4 * text.size()) + 65536) {}

  std::string_view Run();

 private:
  // Tries every shape at `first`, the first non-blank byte of the line
  // starting at line_begin. On removal returns true and sets *next to the
  // start of the line after the dump. May set *resume past lines that a
  // failed structure already examined.
  bool TryStandalone(size_t line_begin, size_t first, size_t line_end,
                     bool block_start, size_t* next);
  bool TryStandaloneJson(size_t line_begin, size_t first, size_t line_end,
                         bool block_start, size_t* next);
  // Tries glued shapes starting inside (first, line_end).
  bool TryGlued(size_t first, size_t line_end, size_t* next);

  std::string_view TrimmedLine(size_t first, size_t line_end) const {
    return t_.substr(first, TrimRight(t_, first, line_end) - first);
  }
  // Removes [begin, end) and commits the pending widgets.
  void Remove(size_t begin, size_t end, std::string warning);
  void Keep(std::string warning) {
    pending_.clear();
    warnings_->push_back(std::move(warning));
  }

  std::string_view t_;
  std::string* scratch_;
  std::vector<RelatedItem>* related_;
  std::vector<std::string>* warnings_;
  std::vector<RelatedItem> pending_;  // widgets of the candidate being tried
  size_t copied_ = 0;                 // t_[0, copied_) is dealt with
  bool removed_any_ = false;
  int64_t glued_budget_;  // bytes failed glued structures may still examine
};

void Stripper::Remove(size_t begin, size_t end, std::string warning) {
  assert(begin >= copied_ && end >= begin);
  if (!removed_any_) {
    scratch_->clear();
    scratch_->reserve(t_.size());
    removed_any_ = true;
  }
  scratch_->append(t_.substr(copied_, begin - copied_));
  copied_ = end;
  for (RelatedItem& item : pending_) related_->push_back(std::move(item));
  pending_.clear();
  warnings_->push_back(std::move(warning));
}

std::string StringShape(const StringDump& sd) {
  return "string(" + std::to_string(sd.declared) + ")";
}

std::string MismatchNote(const StringDump& sd) {
  return " (declared length does not match: " +
         std::to_string(sd.payload_end - sd.payload_begin) +
         " bytes up to the closing quote at the end of the line)";
}

std::string TreeShape(std::string_view t, size_t pos, const VarDumpResult& r) {
  if (r.top_is_array)
    return "var_dump array(" + std::to_string(r.top_count) + ")";
  size_t close = ClosingParen(t, pos + 7, 256);
  return "var_dump object(" + std::string(t.substr(pos + 7, close - pos - 7)) +
         ")";
}

bool Stripper::TryStandalone(size_t line_begin, size_t first, size_t line_end,
                             bool block_start, size_t* next) {
  char c = t_[first];
  if (At(t_, first, "string(")) {
    StringDump sd;
    StringMatch m = ParseVarDumpString(t_, first, line_end, &sd);
    if (m == StringMatch::kExact || m == StringMatch::kFallback) {
      std::string_view payload =
          t_.substr(sd.payload_begin, sd.payload_end - sd.payload_begin);
      if (LooksLikeJson(payload)) ParseJsonWidgets(payload, &pending_);
      *next = NextLineStart(t_, LineEnd(t_, sd.end));
      std::string w = "debug dump removed: " + StringShape(sd);
      if (m == StringMatch::kFallback) w += MismatchNote(sd);
      Remove(line_begin, *next, std::move(w));
      return true;
    }
    if (m == StringMatch::kUnterminated) {
      Keep("debug dump kept: " + StringShape(sd) +
           " has no closing quote (truncated?)");
    }
    return false;
  }
  bool is_array;
  uint64_t count;
  if ((c == 'a' || c == 'o') &&
      ParseVarDumpOpen(t_, first, &is_array, &count) != kNpos) {
    VarDumpResult r;
    if (ParseVarDumpTree(t_, first, &pending_, &r) &&
        RestOfLineBlank(t_, r.end)) {
      *next = NextLineStart(t_, LineEnd(t_, r.end));
      std::string w = "debug dump removed: " + TreeShape(t_, first, r);
      if (r.length_mismatch) w += " (a string length did not match)";
      Remove(line_begin, *next, std::move(w));
      return true;
    }
    pending_.clear();
    size_t fail_line = LineBegin(t_, std::min(r.fail_pos, t_.size()));
    if (fail_line > line_begin) {
      // It opened like a dump and spans lines: keep it whole, say so, and do
      // not look for dumps inside it again.
      Keep("debug dump kept: " + TreeShape(t_, first, r) +
           " does not close (truncated?)");
      *next = fail_line;
    }
    return false;
  }
  if (IsPrintROpener(TrimmedLine(first, line_end))) {
    PrintRResult r;
    if (ParsePrintR(t_, first, &pending_, &r) && RestOfLineBlank(t_, r.end)) {
      *next = NextLineStart(t_, LineEnd(t_, r.end));
      std::string_view head = ReadLine(t_, first).Trimmed(t_);
      Remove(line_begin, *next,
             "debug dump removed: print_r " + std::string(head));
      return true;
    }
    pending_.clear();
    if (r.opened && r.fail_line > line_begin) {
      Keep("debug dump kept: print_r " +
           std::string(ReadLine(t_, first).Trimmed(t_)) +
           " does not close (truncated?)");
      *next = r.fail_line;
    }
    return false;
  }
  if (c == '[') {
    return TryStandaloneJson(line_begin, first, line_end, block_start, next);
  }
  return false;
}

bool Stripper::TryStandaloneJson(size_t line_begin, size_t first,
                                 size_t line_end, bool block_start,
                                 size_t* next) {
  // The JSON is the whole line, or (from a block start) the whole block.
  size_t last = TrimRight(t_, first, line_end);
  size_t json_end = kNpos;
  if (t_[last - 1] == ']') {
    json_end = last;
    *next = NextLineStart(t_, line_end);
  } else if (block_start) {
    size_t p = NextLineStart(t_, line_end);
    size_t block_last = kNpos;
    while (p < t_.size()) {
      Line l = ReadLine(t_, p);
      if (l.begin == l.end) break;
      block_last = l.end;
      p = l.next;
    }
    if (block_last != kNpos && t_[block_last - 1] == ']') {
      json_end = block_last;
      *next = p;
    }
  }
  if (json_end == kNpos) return false;
  JsonInfo info =
      ParseJsonWidgets(t_.substr(first, json_end - first), &pending_);
  if (info.valid && info.is_array && info.elements > 0 &&
      info.objects == info.elements) {
    Remove(line_begin, *next,
           "debug dump removed: JSON array of " + std::to_string(info.objects) +
               " objects");
    return true;
  }
  pending_.clear();
  return false;
}

bool Stripper::TryGlued(size_t first, size_t line_end, size_t* next) {
  bool json_tried = false;
  for (size_t q = first + 1; q < line_end; ++q) {
    char c = t_[q];
    if (c != '(' && c != '[') continue;
    size_t start = kNpos;
    if (c == '(') {
      for (std::string_view kw :
           {std::string_view("string"), std::string_view("array"),
            std::string_view("object")}) {
        if (q >= first + 1 + kw.size() &&
            t_.compare(q - kw.size(), kw.size(), kw) == 0 &&
            IsBlank(t_[q - kw.size() - 1])) {
          start = q - kw.size();
          break;
        }
      }
      if (start == kNpos) continue;
    } else {
      if (json_tried || q + 1 >= line_end || t_[q + 1] != '{' ||
          !IsBlank(t_[q - 1])) {
        continue;
      }
      start = q;
    }
    size_t cut = TrimRight(t_, first, start);  // keep the paragraph text
    if (t_[start] == 's') {
      StringDump sd;
      StringMatch m = ParseVarDumpString(t_, start, line_end, &sd);
      std::string_view payload =
          t_.substr(sd.payload_begin, sd.payload_end - sd.payload_begin);
      if (m == StringMatch::kExact || m == StringMatch::kFallback) {
        if (!LooksLikeJson(payload)) continue;
        JsonInfo info = ParseJsonWidgets(payload, &pending_);
        if (!info.valid) {
          pending_.clear();
          continue;
        }
        std::string w = "debug dump removed: " + StringShape(sd);
        if (m == StringMatch::kFallback) w += MismatchNote(sd);
        Remove(cut, sd.end, std::move(w));
        *next = NextLineStart(t_, LineEnd(t_, sd.end));
        return true;
      }
      if (m == StringMatch::kUnterminated && sd.payload_begin < line_end &&
          LooksLikeJson(t_.substr(sd.payload_begin, 1))) {
        Keep("debug dump kept: " + StringShape(sd) +
             " has no closing quote (truncated?)");
      }
      continue;
    }
    if (glued_budget_ <= 0) continue;
    if (c == '[') {
      json_tried = true;
      size_t last = TrimRight(t_, q, line_end);
      if (t_[last - 1] != ']') continue;
      JsonInfo info = ParseJsonWidgets(t_.substr(q, last - q), &pending_);
      if (info.valid && info.is_array && info.elements > 0 &&
          info.widgets == info.elements) {
        Remove(cut, last,
               "debug dump removed: JSON array of " +
                   std::to_string(info.objects) + " objects");
        *next = NextLineStart(t_, line_end);
        return true;
      }
      pending_.clear();
      glued_budget_ -= static_cast<int64_t>(last - q);
      continue;
    }
    bool is_array;
    uint64_t count;
    if (ParseVarDumpOpen(t_, start, &is_array, &count) == kNpos) continue;
    VarDumpResult r;
    if (ParseVarDumpTree(t_, start, &pending_, &r) &&
        RestOfLineBlank(t_, r.end)) {
      std::string w = "debug dump removed: " + TreeShape(t_, start, r);
      if (r.length_mismatch) w += " (a string length did not match)";
      Remove(cut, r.end, std::move(w));
      *next = NextLineStart(t_, LineEnd(t_, r.end));
      return true;
    }
    pending_.clear();
    glued_budget_ -= static_cast<int64_t>(
        (r.fail_pos > start ? r.fail_pos : r.end) - start + 1);
  }
  return false;
}

std::string_view Stripper::Run() {
  size_t pos = 0;
  bool block_start = true;
  while (pos < t_.size()) {
    size_t line_end = LineEnd(t_, pos);
    size_t first = pos;
    while (first < line_end && IsBlank(t_[first])) ++first;
    if (first == line_end) {
      block_start = true;
      pos = NextLineStart(t_, line_end);
      continue;
    }
    size_t next = kNpos;
    if (TryStandalone(pos, first, line_end, block_start, &next)) {
      pos = next;
      block_start = true;
      continue;
    }
    block_start = false;
    if (next != kNpos) {  // a failed structure already examined these lines
      pos = next;
      continue;
    }
    if (TryGlued(first, line_end, &next)) {
      pos = next;
      continue;
    }
    pos = NextLineStart(t_, line_end);
  }
  if (!removed_any_) return t_;
  scratch_->append(t_.substr(copied_));
  return *scratch_;
}

}  // namespace

std::string_view StripDebugDumps(std::string_view text, std::string* scratch,
                                 std::vector<RelatedItem>* related,
                                 std::vector<std::string>* warnings) {
  Stripper stripper(text, scratch, related, warnings);
  return stripper.Run();
}

}  // namespace wirewatch::html
