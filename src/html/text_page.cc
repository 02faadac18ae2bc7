#include "html/text_page.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "html/debug_dump.h"

namespace wirewatch::html {
namespace {

// ---------------------------------------------------------------------------
// Lines and trimming.

// Byte length of the blank character starting at s[i] (ASCII blank or one of
// the Unicode spaces named in text_page.h), or 0.
size_t BlankAt(std::string_view s, size_t i) {
  auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = u(i);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' ||
      c == '\n') {
    return 1;
  }
  size_t left = s.size() - i;
  if (c == 0xC2 && left >= 2 && u(i + 1) == 0xA0) return 2;  // U+00A0
  if (left < 3) return 0;
  if (c == 0xE2) {
    unsigned char b = u(i + 1), d = u(i + 2);
    if (b == 0x80 && ((d >= 0x80 && d <= 0x8A) || d == 0xAF)) return 3;
    if (b == 0x81 && d == 0x9F) return 3;  // U+205F
  }
  if (c == 0xE3 && u(i + 1) == 0x80 && u(i + 2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && u(i + 1) == 0xBB && u(i + 2) == 0xBF) return 3;  // BOM
  return 0;
}

// Byte length of the blank character ending just before s[end], or 0.
size_t BlankBefore(std::string_view s, size_t end) {
  for (size_t len = 1; len <= 3 && len <= end; ++len) {
    if (BlankAt(s, end - len) == len) return len;
  }
  return 0;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t n = BlankAt(s, b);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    size_t n = BlankBefore(s, e);
    if (n == 0) break;
    e -= n;
  }
  return s.substr(b, e - b);
}

// Appends the non-empty trimmed lines of `text` to *out.
void NonEmptyLines(std::string_view text, std::vector<std::string_view>* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = pos;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    std::string_view line = Trim(text.substr(pos, end - pos));
    if (!line.empty()) out->push_back(line);
    pos = end;
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
  }
}

// ---------------------------------------------------------------------------
// Dates.

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(word[i]) != lower[i]) return false;
  }
  return true;
}

// 1-12 for an English month name or abbreviation ("Sept" too), else 0.
int MonthNumber(std::string_view w) {
  static constexpr std::string_view kNames[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (EqualsLower(w, kNames[m]) ||
        (w.size() == 3 && EqualsLower(w, kNames[m].substr(0, 3)))) {
      return m + 1;
    }
  }
  return EqualsLower(w, "sept") ? 9 : 0;
}

bool IsWeekday(std::string_view w) {
  static constexpr std::string_view kNames[] = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  for (std::string_view n : kNames) {
    if (EqualsLower(w, n) ||
        (w.size() == 3 && EqualsLower(w, n.substr(0, 3)))) {
      return true;
    }
  }
  return EqualsLower(w, "tues") || EqualsLower(w, "thur") ||
         EqualsLower(w, "thurs");
}

class DateCursor {
 public:
  explicit DateCursor(std::string_view s) : s_(s) {}

  bool AtEnd() const { return i_ == s_.size(); }
  size_t pos() const { return i_; }
  void Reset(size_t pos) { i_ = pos; }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }

  // Skips ASCII and Unicode blanks; returns true if any.
  bool SkipBlanks() {
    size_t start = i_;
    while (i_ < s_.size()) {
      size_t n = BlankAt(s_, i_);
      if (n == 0) break;
      i_ += n;
    }
    return i_ > start;
  }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Eats `lit` case-insensitively (lit is lowercase).
  bool EatLower(std::string_view lit) {
    if (s_.size() - i_ < lit.size() ||
        !EqualsLower(s_.substr(i_, lit.size()), lit)) {
      return false;
    }
    i_ += lit.size();
    return true;
  }
  std::string_view Word() {
    size_t start = i_;
    while (i_ < s_.size() && IsAlpha(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }
  // Eats min..max digits; fails (consuming nothing) when the run is shorter
  // than min or longer than max.
  bool Number(size_t min, size_t max, int* value) {
    size_t j = i_;
    int v = 0;
    while (j < s_.size() && IsDigit(s_[j])) {
      if (j - i_ == max) return false;
      v = v * 10 + (s_[j] - '0');
      ++j;
    }
    if (j - i_ < min) return false;
    i_ = j;
    *value = v;
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

struct ParsedDate {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_zone = false;
  bool utc = false;
  int offset_minutes = 0;
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// "st", "nd", "rd", "th" after a day number.
void EatOrdinal(DateCursor* c) {
  size_t save = c->pos();
  std::string_view w = c->Word();
  if (!(EqualsLower(w, "st") || EqualsLower(w, "nd") || EqualsLower(w, "rd") ||
        EqualsLower(w, "th"))) {
    c->Reset(save);
  }
}

bool ParseCalendarDate(DateCursor* c, ParsedDate* d, bool* iso) {
  *iso = false;
  size_t start = c->pos();
  if (c->Number(4, 4, &d->year) && (c->Peek() == '-' || c->Peek() == '/')) {
    char sep = c->Peek();
    c->Eat(sep);
    if (!c->Number(1, 2, &d->month) || !c->Eat(sep) ||
        !c->Number(1, 2, &d->day)) {
      return false;
    }
    *iso = true;
    return true;
  }
  c->Reset(start);
  if (IsAlpha(c->Peek())) {  // Jul 12, 2013
    d->month = MonthNumber(c->Word());
    if (d->month == 0) return false;
    c->Eat('.');
    c->SkipBlanks();
    if (!c->Number(1, 2, &d->day)) return false;
    EatOrdinal(c);
    c->SkipBlanks();
    c->Eat(',');
    c->SkipBlanks();
    return c->Number(4, 4, &d->year);
  }
  if (c->Number(1, 2, &d->day)) {  // 12 July 2013
    EatOrdinal(c);
    if (!c->SkipBlanks()) return false;
    d->month = MonthNumber(c->Word());
    if (d->month == 0) return false;
    c->Eat('.');
    c->Eat(',');
    if (!c->SkipBlanks()) return false;
    return c->Number(4, 4, &d->year);
  }
  return false;
}

bool ParseClock(DateCursor* c, ParsedDate* d) {
  if (!c->Number(1, 2, &d->hour) || !c->Eat(':') ||
      !c->Number(2, 2, &d->minute)) {
    return false;
  }
  if (c->Eat(':')) {
    if (!c->Number(2, 2, &d->second)) return false;
    if (c->Eat('.') || c->Eat(',')) {
      int frac;
      if (!c->Number(1, 9, &frac)) return false;
    }
  }
  d->has_time = true;
  size_t save = c->pos();
  c->SkipBlanks();
  bool pm = false;
  if (c->EatLower("a.m.") || c->EatLower("am")) {
  } else if (c->EatLower("p.m.") || c->EatLower("pm")) {
    pm = true;
  } else {
    c->Reset(save);
    return true;
  }
  if (IsAlpha(c->Peek())) return false;  // "amok"
  if (d->hour < 1 || d->hour > 12) return false;
  d->hour = d->hour % 12 + (pm ? 12 : 0);
  return true;
}

// +HHMM, +HH:MM, +HH, +H.
bool ParseOffset(DateCursor* c, ParsedDate* d) {
  int sign = c->Eat('+') ? 1 : (c->Eat('-') ? -1 : 0);
  if (sign == 0) return false;
  int hh = 0, mm = 0;
  size_t start = c->pos();
  int v;
  if (c->Number(4, 4, &v)) {
    hh = v / 100;
    mm = v % 100;
  } else {
    c->Reset(start);
    if (!c->Number(1, 2, &hh)) return false;
    if (c->Eat(':') && !c->Number(2, 2, &mm)) return false;
  }
  if (hh > 14 || mm > 59) return false;
  d->has_zone = true;
  d->offset_minutes = sign * (hh * 60 + mm);
  return true;
}

bool ParseZone(DateCursor* c, ParsedDate* d) {
  if (c->Peek() == '+' || c->Peek() == '-') return ParseOffset(c, d);
  size_t start = c->pos();
  std::string_view w = c->Word();
  if (w == "Z" || EqualsLower(w, "utc") || EqualsLower(w, "gmt") ||
      EqualsLower(w, "ut")) {
    if (c->Peek() == '+' || c->Peek() == '-') return ParseOffset(c, d);
    d->has_zone = true;
    d->utc = true;
    return true;
  }
  static constexpr struct {
    std::string_view name;
    int hours;
  } kUs[] = {{"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
             {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
  for (const auto& z : kUs) {
    if (EqualsLower(w, z.name)) {
      d->has_zone = true;
      d->offset_minutes = z.hours * 60;
      return true;
    }
  }
  c->Reset(start);
  return false;
}

bool ParseDate(std::string_view line, ParsedDate* d) {
  DateCursor c(line);
  c.SkipBlanks();
  size_t save = c.pos();
  if (IsWeekday(c.Word())) {
    c.Eat('.');
    c.SkipBlanks();
    c.Eat(',');
    c.SkipBlanks();
  } else {
    c.Reset(save);
  }
  bool iso = false;
  if (!ParseCalendarDate(&c, d, &iso)) return false;
  // Time: ISO "T" glued, or after blanks / a comma / "at".
  save = c.pos();
  bool time_ok = false;
  if (iso && (c.Peek() == 'T' || c.Peek() == 't')) {
    c.Eat(c.Peek());
    if (!ParseClock(&c, d)) return false;
    time_ok = true;
  } else {
    c.SkipBlanks();
    c.Eat(',');
    c.SkipBlanks();
    size_t before_at = c.pos();
    if (!(c.EatLower("at") && c.SkipBlanks())) c.Reset(before_at);
    if (IsDigit(c.Peek())) {
      if (!ParseClock(&c, d)) return false;
      time_ok = true;
    } else {
      c.Reset(save);
    }
  }
  if (time_ok) {
    size_t after_time = c.pos();
    if (!(iso && ParseZone(&c, d))) {
      c.Reset(after_time);
      c.SkipBlanks();
      bool paren = c.Eat('(');
      if (ParseZone(&c, d)) {
        if (paren && !c.Eat(')')) return false;
      } else {
        c.Reset(after_time);
      }
    }
  }
  c.SkipBlanks();
  if (!c.AtEnd()) return false;
  if (d->year < 1900 || d->year > 2199 || d->month < 1 || d->month > 12 ||
      d->day < 1 || d->day > DaysInMonth(d->year, d->month)) {
    return false;
  }
  if (d->has_time && (d->hour > 23 || d->minute > 59 || d->second > 60)) {
    return false;
  }
  return true;
}

std::string FormatDate(const ParsedDate& d) {
  char buf[48];
  int n =
      std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d.year, d.month, d.day);
  if (d.has_time) {
    n += std::snprintf(buf + n, sizeof(buf) - n, "T%02d:%02d:%02d", d.hour,
                       d.minute, d.second);
    if (d.has_zone && d.utc) {
      n += std::snprintf(buf + n, sizeof(buf) - n, "Z");
    } else if (d.has_zone) {
      int off = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
      n += std::snprintf(buf + n, sizeof(buf) - n, "%c%02d:%02d",
                         d.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
    }
  }
  return std::string(buf, n);
}

}  // namespace

bool ParseDateLine(std::string_view line, DateField* out) {
  if (line.size() > 2 * kMaxDatelineBytes) return false;
  ParsedDate d;
  if (!ParseDate(line, &d)) return false;
  out->value = FormatDate(d);
  out->no_timezone = !(d.has_time && d.has_zone);
  return true;
}

Article ParseTextPage(std::string_view text, const TextPageOptions& options) {
  Article article;
  std::string scratch;
  std::string_view body = StripDebugDumps(
      text, &scratch, &article.publisher_related, &article.warnings);

  std::vector<std::string_view> lines;
  NonEmptyLines(body, &lines);
  if (lines.empty()) {
    article.warnings.push_back("no text");
    return article;
  }
  size_t k = 0;
  size_t dateline = lines.size();  // index of the dateline line, if any
  if (!options.body_only) {
    article.title.assign(lines[0]);
    k = 1;
    if (k < lines.size() && lines[k] == lines[0]) ++k;
    for (size_t j = k; j < lines.size() && j < k + kDatelineWindow; ++j) {
      if (lines[j].size() > kMaxDatelineBytes) break;
      DateField date;
      if (ParseDateLine(lines[j], &date)) {
        date.source = "dateline";
        article.published = std::move(date);
        dateline = j;
        break;
      }
    }
  }
  article.paragraphs.reserve(lines.size() - k);
  for (size_t j = k; j < lines.size(); ++j) {
    if (j != dateline) article.paragraphs.emplace_back(lines[j]);
  }
  return article;
}

}  // namespace wirewatch::html
