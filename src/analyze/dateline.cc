#include "analyze/dateline.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "analyze/timex_lexicon.h"

namespace wirewatch::analyze {
namespace {

constexpr size_t kMaxDatelineBytes = 256;

struct Tok {
  enum Kind { kWord, kNum, kPunct } kind;
  std::string text;  // lowercase for words
  int value = 0;     // numbers
  int ndigits = 0;
  size_t pos = 0;
};

std::vector<Tok> Lex(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    Tok t;
    t.pos = i;
    if (std::isalpha(c)) {
      t.kind = Tok::kWord;
      while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) {
        t.text.push_back(static_cast<char>(
            std::tolower(static_cast<unsigned char>(s[i]))));
        ++i;
      }
    } else if (std::isdigit(c)) {
      t.kind = Tok::kNum;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (t.ndigits < 9) t.value = t.value * 10 + (s[i] - '0');
        ++t.ndigits;
        ++i;
      }
    } else {
      t.kind = Tok::kPunct;
      t.text.assign(1, static_cast<char>(c));
      ++i;
    }
    out.push_back(std::move(t));
  }
  return out;
}

int MonthOf(const Tok& t) {
  if (t.kind != Tok::kWord) return 0;
  const timex_internal::Lex* l = timex_internal::LookupWord(t.text);
  return l ? l->month : 0;
}

bool IsPunct(const std::vector<Tok>& v, size_t i, char c) {
  return i < v.size() && v[i].kind == Tok::kPunct && v[i].text[0] == c;
}

// hh:mm[:ss] [am|pm] [zone|+hhmm|Z] starting at v[i].
size_t ParseTimeOfDay(const std::vector<Tok>& v, size_t i, DatelineResult* r) {
  if (i + 2 >= v.size() || v[i].kind != Tok::kNum || v[i].ndigits > 2 ||
      !IsPunct(v, i + 1, ':') || v[i + 2].kind != Tok::kNum ||
      v[i + 2].ndigits != 2) {
    return i;
  }
  int hh = v[i].value, mm = v[i + 2].value, ss = 0;
  size_t k = i + 3;
  if (IsPunct(v, k, ':') && k + 1 < v.size() && v[k + 1].kind == Tok::kNum) {
    ss = v[k + 1].value;
    k += 2;
  }
  if (k < v.size() && v[k].kind == Tok::kWord &&
      (v[k].text == "am" || v[k].text == "pm")) {
    if (v[k].text == "pm" && hh < 12) hh += 12;
    if (v[k].text == "am" && hh == 12) hh = 0;
    ++k;
  }
  if (hh > 23 || mm > 59 || ss > 60) return i;
  r->time.hour = hh;
  r->time.minute = mm;
  r->time.second = ss > 59 ? 59 : ss;
  r->has_time = true;
  // Zone: Z, UTC, GMT, +hhmm, -hh:mm.
  if (k < v.size() && v[k].kind == Tok::kWord &&
      (v[k].text == "z" || v[k].text == "utc" || v[k].text == "gmt")) {
    r->has_tz = true;
    r->tz_offset_minutes = 0;
    ++k;
  }
  if (k + 1 < v.size() && (IsPunct(v, k, '+') || IsPunct(v, k, '-')) &&
      v[k + 1].kind == Tok::kNum) {
    const int sign = IsPunct(v, k, '+') ? 1 : -1;
    int hhmm = v[k + 1].value;
    int minutes = 0;
    if (v[k + 1].ndigits == 4) {
      minutes = hhmm / 100 * 60 + hhmm % 100;
      k += 2;
    } else if (v[k + 1].ndigits == 2 && IsPunct(v, k + 2, ':') &&
               k + 3 < v.size() && v[k + 3].kind == Tok::kNum) {
      minutes = hhmm * 60 + v[k + 3].value;
      k += 4;
    } else {
      return k;
    }
    r->has_tz = true;
    r->tz_offset_minutes = sign * minutes;
  }
  return k;
}

// Picks the year for (month, day) closest to the reference, allowing the
// date to be at most 7 days after it.
int InferYear(int month, int day, const CivilTime& ref) {
  const int64_t r = DaysFromCivil(ref.year, ref.month, ref.day);
  int best = ref.year;
  int64_t best_gap = -1;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    if (day > DaysInMonth(y, month)) continue;
    const int64_t d = DaysFromCivil(y, month, day);
    if (d - r > 7) continue;
    const int64_t gap = d > r ? d - r : r - d;
    if (best_gap < 0 || gap < best_gap) {
      best_gap = gap;
      best = y;
    }
  }
  return best;
}

bool Finish(int year, int month, int day, bool inferred, DatelineResult* r) {
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) ||
      year < 1000 || year > 2999) {
    return false;
  }
  r->time.year = year;
  r->time.month = month;
  r->time.day = day;
  r->year_inferred = inferred;
  return true;
}

}  // namespace

bool ParseDateline(std::string_view line, const CivilTime* reference,
                   DatelineResult* out) {
  if (line.size() > kMaxDatelineBytes) line = line.substr(0, kMaxDatelineBytes);
  const std::vector<Tok> v = Lex(line);
  for (size_t i = 0; i < v.size(); ++i) {
    DatelineResult r;
    r.time.hour = -1;
    // ISO 8601: 2013-07-12[T| ]hh:mm[:ss][zone]
    if (v[i].kind == Tok::kNum && v[i].ndigits == 4 && IsPunct(v, i + 1, '-') &&
        i + 4 < v.size() && v[i + 2].kind == Tok::kNum &&
        v[i + 2].ndigits == 2 && IsPunct(v, i + 3, '-') &&
        v[i + 4].kind == Tok::kNum && v[i + 4].ndigits == 2) {
      if (!Finish(v[i].value, v[i + 2].value, v[i + 4].value, false, &r)) continue;
      size_t k = i + 5;
      // "T16" lexes as the word "t" followed by a number.
      if (k < v.size() && v[k].kind == Tok::kWord && v[k].text == "t") ++k;
      ParseTimeOfDay(v, k, &r);
      *out = r;
      return true;
    }
    // Month-first: "Jul 12, 2013 16:48:58", "Feb 26 -", "July 2013"?
    if (int m = MonthOf(v[i])) {
      size_t k = i + 1;
      if (IsPunct(v, k, '.')) ++k;
      if (k < v.size() && v[k].kind == Tok::kNum && v[k].ndigits <= 2) {
        const int day = v[k].value;
        ++k;
        size_t kk = k;
        if (IsPunct(v, kk, ',')) ++kk;
        bool inferred = false;
        int year = 0;
        if (kk < v.size() && v[kk].kind == Tok::kNum && v[kk].ndigits == 4) {
          year = v[kk].value;
          k = kk + 1;
        } else if (reference) {
          year = InferYear(m, day, *reference);
          inferred = true;
        } else {
          continue;
        }
        if (!Finish(year, m, day, inferred, &r)) continue;
        ParseTimeOfDay(v, k, &r);
        *out = r;
        return true;
      }
      continue;
    }
    // Day-first: "12 July 2013", RFC 2822 "Fri, 12 Jul 2013 16:48:58 +0400".
    if (v[i].kind == Tok::kNum && v[i].ndigits <= 2 && i + 1 < v.size()) {
      size_t k = i + 1;
      int m = MonthOf(v[k]);
      if (!m) continue;
      ++k;
      if (IsPunct(v, k, '.')) ++k;
      if (IsPunct(v, k, ',')) ++k;
      int year = 0;
      bool inferred = false;
      if (k < v.size() && v[k].kind == Tok::kNum && v[k].ndigits == 4) {
        year = v[k].value;
        ++k;
      } else if (reference) {
        year = InferYear(m, v[i].value, *reference);
        inferred = true;
      } else {
        continue;
      }
      if (!Finish(year, m, v[i].value, inferred, &r)) continue;
      ParseTimeOfDay(v, k, &r);
      *out = r;
      return true;
    }
  }
  return false;
}

}  // namespace wirewatch::analyze
