#include "html/dates.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "base/civil_date.h"

namespace wirewatch::html {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

struct Fields {
  int y = 0, mo = 0, d = 0;
  bool has_time = false;
  int h = 0, mi = 0, s = 0;
  bool has_offset = false;
  int offset_min = 0;  // east of UTC
};

std::optional<ParsedDate> Build(const Fields& f) {
  if (f.y < 1000 || f.y > 9999 || f.mo < 1 || f.mo > 12 || f.d < 1 ||
      f.d > DaysInMonth(f.y, f.mo)) {
    return std::nullopt;
  }
  if (f.has_time && (f.h > 23 || f.mi > 59 || f.s > 60)) return std::nullopt;
  if (f.has_offset && (f.offset_min < -14 * 60 || f.offset_min > 14 * 60)) return std::nullopt;
  ParsedDate out;
  char buf[40];
  if (!f.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", f.y, f.mo, f.d);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", f.y, f.mo, f.d, f.h, f.mi,
                  f.s);
  }
  out.value = buf;
  if (f.has_time && f.has_offset) {
    if (f.offset_min == 0) {
      out.value += 'Z';
    } else {
      int a = f.offset_min < 0 ? -f.offset_min : f.offset_min;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", f.offset_min < 0 ? '-' : '+', a / 60, a % 60);
      out.value += buf;
    }
  }
  out.no_timezone = !(f.has_time && f.has_offset);
  out.epoch = DaysFromCivil(f.y, f.mo, f.d) * 86400 + f.h * 3600 + f.mi * 60 + f.s -
              (f.has_offset ? f.offset_min * 60 : 0);
  return out;
}

// Reads exactly n digits at s[*i]; advances *i.
bool Digits(std::string_view s, size_t* i, int n, int* v) {
  if (*i + n > s.size()) return false;
  int r = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!IsDigit(c)) return false;
    r = r * 10 + (c - '0');
  }
  *i += n;
  *v = r;
  return true;
}

// Optional time "HH:MM[:SS[.fff]]" and zone "Z" / "+HH:MM" / "+HHMM" /
// " GMT" / " UTC" at s[*i].
void ParseTimeAndZone(std::string_view s, size_t* pi, Fields* f) {
  size_t i = *pi;
  int h, mi, sec = 0;
  if (!Digits(s, &i, 2, &h) || i >= s.size() || s[i] != ':' ) {
    size_t j = *pi;  // allow one-digit hour
    if (!Digits(s, &j, 1, &h) || j >= s.size() || s[j] != ':') return;
    i = j;
  }
  ++i;
  if (!Digits(s, &i, 2, &mi)) return;
  if (i < s.size() && s[i] == ':') {
    size_t j = i + 1;
    if (Digits(s, &j, 2, &sec)) i = j;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
  }
  f->has_time = true;
  f->h = h;
  f->mi = mi;
  f->s = sec;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    f->has_offset = true;
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int sign = s[i] == '-' ? -1 : 1;
    size_t j = i + 1;
    int oh, om = 0;
    if (Digits(s, &j, 2, &oh)) {
      if (j < s.size() && s[j] == ':') ++j;
      size_t k = j;
      if (Digits(s, &k, 2, &om)) j = k;
      f->has_offset = true;
      f->offset_min = sign * (oh * 60 + om);
      i = j;
    }
  } else if (s.substr(i, 3) == "GMT" || s.substr(i, 3) == "UTC") {
    f->has_offset = true;
    i += 3;
  }
  *pi = i;
}

// "2013-07-12", "2013/07/12", "2013-07-12T16:48:58.000+02:00", "20130712".
std::optional<ParsedDate> ParseIso(std::string_view s) {
  Fields f;
  size_t i = 0;
  if (!Digits(s, &i, 4, &f.y)) return std::nullopt;
  if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
    char sep = s[i++];
    size_t j = i;
    if (!Digits(s, &j, 2, &f.mo)) {
      j = i;
      if (!Digits(s, &j, 1, &f.mo)) return std::nullopt;
    }
    i = j;
    if (i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    j = i;
    if (!Digits(s, &j, 2, &f.d)) {
      j = i;
      if (!Digits(s, &j, 1, &f.d)) return std::nullopt;
    }
    i = j;
  } else {
    if (!Digits(s, &i, 2, &f.mo) || !Digits(s, &i, 2, &f.d)) return std::nullopt;
  }
  if (i < s.size() && IsDigit(s[i])) return std::nullopt;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ' || s[i] == 't')) {
    size_t j = i + 1;
    while (j < s.size() && s[j] == ' ') ++j;
    ParseTimeAndZone(s, &j, &f);
  }
  return Build(f);
}

struct MonthName {
  const char* name;
  int month;
};

// Lower-case month names and abbreviations (en, de, fr, es, pl genitive, it,
// nl, pt). Matched as whole words, case-insensitively for ASCII letters.
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"enero", 1},
    {"stycznia", 1}, {"gennaio", 1}, {"januari", 1}, {"janeiro", 1},
    {"february", 2}, {"feb", 2}, {"februar", 2}, {"février", 2}, {"fevrier", 2}, {"febrero", 2},
    {"lutego", 2}, {"febbraio", 2}, {"februari", 2}, {"fevereiro", 2}, {"feber", 2},
    {"march", 3}, {"mar", 3}, {"märz", 3}, {"maerz", 3}, {"mär", 3}, {"mars", 3}, {"marzo", 3},
    {"marca", 3}, {"maart", 3}, {"março", 3},
    {"april", 4}, {"apr", 4}, {"avril", 4}, {"abril", 4}, {"kwietnia", 4}, {"aprile", 4},
    {"may", 5}, {"mai", 5}, {"mayo", 5}, {"maja", 5}, {"maggio", 5}, {"mei", 5}, {"maio", 5},
    {"june", 6}, {"jun", 6}, {"juni", 6}, {"juin", 6}, {"junio", 6}, {"czerwca", 6},
    {"giugno", 6}, {"junho", 6},
    {"july", 7}, {"jul", 7}, {"juli", 7}, {"juillet", 7}, {"julio", 7}, {"lipca", 7},
    {"luglio", 7}, {"julho", 7},
    {"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8}, {"agosto", 8}, {"sierpnia", 8},
    {"augustus", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9}, {"septiembre", 9},
    {"września", 9}, {"settembre", 9}, {"setembro", 9},
    {"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10}, {"octobre", 10},
    {"octubre", 10}, {"października", 10}, {"ottobre", 10}, {"outubro", 10},
    {"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11}, {"listopada", 11},
    {"novembro", 11},
    {"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12}, {"décembre", 12},
    {"decembre", 12}, {"diciembre", 12}, {"grudnia", 12}, {"dicembre", 12}, {"dezembro", 12},
};

int MonthFromWord(std::string_view w) {
  if (w.size() < 3 || w.size() > 14) return 0;
  char buf[16];
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  }
  std::string_view lw(buf, w.size());
  // Non-ASCII capitals (Ä in MÄRZ) are rare enough to ignore.
  for (const auto& m : kMonths) {
    if (lw == m.name) return m.month;
  }
  return 0;
}

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string_view text;
  size_t begin;
  int value = 0;  // kNumber
};

// Splits into numbers, words (ASCII letters and any non-ASCII bytes) and
// single punctuation characters; whitespace separates.
void Tokenize(std::string_view s, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i;
    } else if (IsDigit(c)) {
      size_t b = i;
      int v = 0;
      while (i < s.size() && IsDigit(s[i])) {
        if (i - b < 6) v = v * 10 + (s[i] - '0');
        ++i;
      }
      out->push_back({Token::kNumber, s.substr(b, i - b), b, i - b <= 6 ? v : -1});
    } else if (IsAsciiAlpha(c) || c >= 0x80) {
      size_t b = i;
      while (i < s.size() && (IsAsciiAlpha(s[i]) || static_cast<unsigned char>(s[i]) >= 0x80)) {
        // Stop at NBSP (C2 A0) so "12.\u00a0Juli" splits.
        if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
            static_cast<unsigned char>(s[i + 1]) == 0xA0) {
          break;
        }
        ++i;
      }
      if (i == b) {
        i += 2;  // NBSP
        continue;
      }
      out->push_back({Token::kWord, s.substr(b, i - b), b, 0});
    } else {
      out->push_back({Token::kPunct, s.substr(i, 1), i, 0});
      ++i;
    }
  }
}

bool IsPunct(const std::vector<Token>& t, size_t k, char c) {
  return k < t.size() && t[k].kind == Token::kPunct && t[k].text[0] == c;
}
bool IsYear(const std::vector<Token>& t, size_t k) {
  return k < t.size() && t[k].kind == Token::kNumber && t[k].text.size() == 4;
}
bool IsSmall(const std::vector<Token>& t, size_t k, int max) {
  return k < t.size() && t[k].kind == Token::kNumber && t[k].text.size() <= 2 &&
         t[k].value >= 1 && t[k].value <= max;
}

// Tries the human patterns starting at token k; on success fills f and
// returns the index one past the year.
size_t MatchHuman(const std::vector<Token>& t, size_t k, Fields* f,
                  SlashOrder order = SlashOrder::kMonthFirst) {
  // 12.07.2013 / 12/07/2013 (day first for '.', month first for '/') / 12-07-2013
  if (IsSmall(t, k, 31) && (IsPunct(t, k + 1, '.') || IsPunct(t, k + 1, '/') ||
                            IsPunct(t, k + 1, '-'))) {
    char sep = t[k + 1].text[0];
    // Digits follow the separator directly, or after one space with dots
    // ("4. 2. 2022", German typography).
    auto next_to = [&](size_t a, size_t b) {
      return t[b].begin == t[a].begin + 1 ||
             (sep == '.' && t[b].begin == t[a].begin + 2);
    };
    if (IsSmall(t, k + 2, 31) && IsPunct(t, k + 3, sep) && IsYear(t, k + 4) &&
        next_to(k + 1, k + 2) && next_to(k + 3, k + 4) &&
        (t[k + 2].begin == t[k + 1].begin + 1) ==
            (t[k + 4].begin == t[k + 3].begin + 1)) {
      int a = t[k].value, b = t[k + 2].value;
      if (sep == '/' && a <= 12 && b > 12) {
        f->mo = a;
        f->d = b;
      } else if (sep == '/' && a <= 12 && b <= 12 &&
                 order == SlashOrder::kMonthFirst) {
        f->mo = a;  // US order, unless the caller knows the page's country
        f->d = b;
      } else {
        f->d = a;
        f->mo = b;
      }
      f->y = t[k + 4].value;
      return k + 5;
    }
  }
  // 12. Juli 2013 / 12 July 2013 / 12 de julio de 2013 / 12th July, 2013
  if (IsSmall(t, k, 31)) {
    size_t j = k + 1;
    if (IsPunct(t, j, '.')) ++j;
    if (j < t.size() && t[j].kind == Token::kWord &&
        (t[j].text == "th" || t[j].text == "st" || t[j].text == "nd" || t[j].text == "rd" ||
         t[j].text == "de" || t[j].text == "of")) {
      ++j;
    }
    if (j < t.size() && t[j].kind == Token::kWord) {
      int m = MonthFromWord(t[j].text);
      if (m > 0) {
        size_t y = j + 1;
        if (IsPunct(t, y, '.') || IsPunct(t, y, ',')) ++y;
        if (y < t.size() && t[y].kind == Token::kWord && t[y].text == "de") ++y;
        if (IsYear(t, y)) {
          f->d = t[k].value;
          f->mo = m;
          f->y = t[y].value;
          return y + 1;
        }
      }
    }
  }
  // July 12, 2013 / Jul 12 2013 / Jul. 12th, 2013
  if (k < t.size() && t[k].kind == Token::kWord) {
    int m = MonthFromWord(t[k].text);
    if (m > 0) {
      size_t j = k + 1;
      if (IsPunct(t, j, '.')) ++j;
      if (IsSmall(t, j, 31)) {
        size_t y = j + 1;
        if (y < t.size() && t[y].kind == Token::kWord &&
            (t[y].text == "th" || t[y].text == "st" || t[y].text == "nd" ||
             t[y].text == "rd")) {
          ++y;
        }
        if (IsPunct(t, y, ',')) ++y;
        if (IsYear(t, y)) {
          f->mo = m;
          f->d = t[j].value;
          f->y = t[y].value;
          return y + 1;
        }
      }
    }
  }
  return 0;
}

// Time right after a human date: "16:48", "16:48:58", optionally "Uhr".
void MatchTimeTokens(std::string_view s, const std::vector<Token>& t, size_t k, Fields* f) {
  if (IsPunct(t, k, ',') || IsPunct(t, k, '-') || IsPunct(t, k, '|')) ++k;
  if (k < t.size() && t[k].kind == Token::kWord &&
      (t[k].text == "um" || t[k].text == "at" || t[k].text == "à" || t[k].text == "a")) {
    ++k;
  }
  if (k < t.size() && t[k].kind == Token::kNumber && t[k].text.size() <= 2 &&
      IsPunct(t, k + 1, ':')) {
    size_t i = t[k].begin;
    Fields g = *f;
    ParseTimeAndZone(s, &i, &g);
    if (g.has_time && g.h <= 23) *f = g;
  }
}

}  // namespace

std::optional<ParsedDate> ParseDate(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  if (s.empty() || s.size() > 200) return std::nullopt;
  if (s.size() >= 8 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3])) {
    if (auto d = ParseIso(s)) return d;
  }
  // RFC 822 / human forms, with an optional time after the date.
  std::vector<Token> t;
  Tokenize(s, &t);
  for (size_t k = 0; k < t.size() && k < 6; ++k) {
    Fields f;
    size_t next = MatchHuman(t, k, &f);
    if (next == 0) continue;
    MatchTimeTokens(s, t, next, &f);
    return Build(f);
  }
  return std::nullopt;
}

std::optional<ParsedDate> FindDateInText(std::string_view text,
                                         SlashOrder order) {
  std::vector<Token> t;
  Tokenize(text.substr(0, 20000), &t);
  for (size_t k = 0; k < t.size(); ++k) {
    if (IsYear(t, k) && IsPunct(t, k + 1, '-')) {
      // 2013-07-12 in text
      Fields f;
      size_t i = t[k].begin;
      std::string_view rest = text.substr(i, 30);
      if (auto d = ParseIso(rest.substr(0, rest.find_first_of(" \n\t,;)"))); d) return d;
    }
    Fields f;
    size_t next = MatchHuman(t, k, &f, order);
    if (next == 0) continue;
    MatchTimeTokens(text, t, next, &f);
    if (auto d = Build(f)) return d;
  }
  return std::nullopt;
}

std::optional<ParsedDate> DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  p = p.substr(0, p.find_first_of("?#"));
  for (size_t i = 0; i + 5 < p.size(); ++i) {
    if (p[i] != '/' && p[i] != '-' && p[i] != '_') continue;
    size_t j = i + 1;
    Fields f;
    if (!Digits(p, &j, 4, &f.y) || f.y < 1990) continue;
    if (j < p.size() && (p[j] == '/' || p[j] == '-' || p[j] == '_')) {
      char sep = p[j++];
      if (!Digits(p, &j, 2, &f.mo) || j >= p.size() || p[j] != sep) continue;
      ++j;
      if (!Digits(p, &j, 2, &f.d)) continue;
    } else {
      if (!Digits(p, &j, 2, &f.mo) || !Digits(p, &j, 2, &f.d)) continue;
    }
    if (j < p.size() && IsDigit(p[j])) continue;
    if (auto d = Build(f)) return d;
  }
  return std::nullopt;
}

bool PlausibleDate(const ParsedDate& d, int64_t fetch_time, int min_year) {
  if (d.value.size() < 10) return false;
  int year = std::atoi(d.value.substr(0, 4).c_str());
  if (year < min_year || year > 2100) return false;
  if (fetch_time > 0 && d.epoch > fetch_time + 86400) return false;
  return true;
}

}  // namespace wirewatch::html
