#include "analyze/calendar.h"

#include <algorithm>
#include <cstdio>

namespace wirewatch::analyze {

bool CivilTime::valid_date() const {
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[(month - 1) % 12];
}

int Weekday(int year, int month, int day) {
  const int64_t d = DaysFromCivil(year, month, day);  // 1970-01-01 = Thursday
  int64_t w = (d + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

int64_t IsoWeekMonday(int iso_year, int week) {
  // Jan 4 is always in week 1.
  const int64_t jan4 = DaysFromCivil(iso_year, 1, 4);
  const int wd = Weekday(iso_year, 1, 4);
  return jan4 - (wd - 1) + 7 * static_cast<int64_t>(week - 1);
}

int IsoWeeksInYear(int iso_year) {
  // A year has 53 weeks when Jan 1 is a Thursday, or a Wednesday in a leap
  // year.
  const int wd = Weekday(iso_year, 1, 1);
  return (wd == 4 || (wd == 3 && IsLeapYear(iso_year))) ? 53 : 52;
}

void IsoWeek(int year, int month, int day, int* iso_year, int* week) {
  const int64_t d = DaysFromCivil(year, month, day);
  int y = year + 1;
  while (d < IsoWeekMonday(y, 1)) --y;
  *iso_year = y;
  *week = static_cast<int>((d - IsoWeekMonday(y, 1)) / 7) + 1;
}

CivilTime AddDays(const CivilTime& t, int64_t days) {
  CivilTime r = t;
  CivilFromDays(DaysFromCivil(t.year, t.month, t.day) + days, &r.year,
                &r.month, &r.day);
  return r;
}

CivilTime AddMonths(const CivilTime& t, int months) {
  CivilTime r = t;
  int64_t m = static_cast<int64_t>(t.year) * 12 + (t.month - 1) + months;
  r.year = static_cast<int>(m >= 0 ? m / 12 : (m - 11) / 12);
  r.month = static_cast<int>(m - static_cast<int64_t>(r.year) * 12) + 1;
  const int dim = DaysInMonth(r.year, r.month);
  if (r.day > dim) r.day = dim;
  return r;
}

std::string FormatCivil(const CivilTime& t) {
  char buf[48];
  if (t.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  } else if (t.second == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year,
                  t.month, t.day, t.hour, t.minute);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year,
                  t.month, t.day, t.hour, t.minute, t.second);
  }
  return buf;
}

namespace {
bool Digits(const std::string& s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

bool ParseIsoCivil(const std::string& s, CivilTime* out) {
  CivilTime t;
  if (!Digits(s, 0, 4, &t.year)) return false;
  t.month = 1;
  t.day = 1;
  if (s.size() >= 7 && s[4] == '-' && Digits(s, 5, 2, &t.month)) {
    if (s.size() >= 10 && s[7] == '-') Digits(s, 8, 2, &t.day);
  }
  const size_t tpos = s.find('T');
  if (tpos != std::string::npos && Digits(s, tpos + 1, 2, &t.hour)) {
    if (tpos + 5 < s.size() + 1 && s.size() > tpos + 3 && s[tpos + 3] == ':')
      Digits(s, tpos + 4, 2, &t.minute);
    if (s.size() > tpos + 6 && s[tpos + 6] == ':')
      Digits(s, tpos + 7, 2, &t.second);
  }
  if (t.month < 1 || t.month > 12) t.month = 1;
  if (t.day < 1 || t.day > DaysInMonth(t.year, t.month)) t.day = 1;
  *out = t;
  return true;
}

namespace {

std::string DayString(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

// The day span of one value without '/'.
bool OneValueDays(const std::string& v, int64_t* first, int64_t* last) {
  int y = 0, m = 0, d = 0;
  if (!Digits(v, 0, 4, &y)) return false;
  if (v.size() == 4) {
    *first = DaysFromCivil(y, 1, 1);
    *last = DaysFromCivil(y, 12, 31);
    return true;
  }
  if (v.size() < 7 || v[4] != '-') return false;
  if (v[5] == 'W' && Digits(v, 6, 2, &m) && m >= 1 && m <= IsoWeeksInYear(y)) {
    *first = IsoWeekMonday(y, m);
    *last = *first + 6;
    return true;
  }
  if (v[5] == 'Q' && Digits(v, 6, 1, &m) && m >= 1 && m <= 4) {
    *first = DaysFromCivil(y, 3 * m - 2, 1);
    *last = DaysFromCivil(y, 3 * m, DaysInMonth(y, 3 * m));
    return true;
  }
  std::string season = v.substr(5, 2);
  int start_month = season == "SP" ? 3 : season == "SU" ? 6
                  : season == "FA" ? 9 : season == "WI" ? 12 : 0;
  if (start_month) {
    *first = DaysFromCivil(y, start_month, 1);
    int end_year = start_month == 12 ? y + 1 : y;
    int end_month = start_month == 12 ? 2 : start_month + 2;
    *last = DaysFromCivil(end_year, end_month, DaysInMonth(end_year, end_month));
    return true;
  }
  if (!Digits(v, 5, 2, &m) || m < 1 || m > 12) return false;
  if (v.size() == 7) {
    *first = DaysFromCivil(y, m, 1);
    *last = DaysFromCivil(y, m, DaysInMonth(y, m));
    return true;
  }
  if (v.size() < 10 || v[7] != '-' || !Digits(v, 8, 2, &d) || d < 1 ||
      d > DaysInMonth(y, m))
    return false;
  *first = *last = DaysFromCivil(y, m, d);
  return true;
}

}  // namespace

bool TimexValueDays(const std::string& value, std::string* first,
                    std::string* last) {
  int64_t f1, l1, f2, l2;
  size_t slash = value.find('/');
  if (slash == std::string::npos) {
    if (!OneValueDays(value, &f1, &l1)) return false;
  } else {
    if (!OneValueDays(value.substr(0, slash), &f1, &l1) ||
        !OneValueDays(value.substr(slash + 1), &f2, &l2))
      return false;
    l1 = std::max(l1, l2);
  }
  *first = DayString(f1);
  *last = DayString(l1);
  return true;
}

}  // namespace wirewatch::analyze
