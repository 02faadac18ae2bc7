// Days since 1970-01-01 of proleptic Gregorian dates and back, for every
// stage that dates something (HTTP and WARC headers, page metadata, time
// expressions, the search index). Howard Hinnant's days_from_civil and
// civil_from_days: exact for every date an int64 day count can hold.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_BASE_CIVIL_DATE_H_
#define WIREWATCH_BASE_CIVIL_DATE_H_

#include <cstdint>

namespace wirewatch {

// Days since 1970-01-01 of year-month-day; month 1..12, day 1..31.
constexpr int64_t DaysFromCivil(int64_t year, int month, int day) {
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The date of a day count since 1970-01-01.
constexpr void CivilFromDays(int64_t days, int* year, int* month, int* day) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  *year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  *month = static_cast<int>(m);
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
}

static_assert(DaysFromCivil(1970, 1, 1) == 0);
static_assert(DaysFromCivil(2000, 3, 1) == 11017);
static_assert(DaysFromCivil(1969, 12, 31) == -1);

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_CIVIL_DATE_H_
