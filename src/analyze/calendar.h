// Proleptic Gregorian calendar arithmetic for time-expression resolution:
// day numbers, weekdays, ISO 8601 weeks, month/year shifts, and a civil
// date-time value type.
//
// ISO weeks: week 1 is the week (Monday..Sunday) holding the year's first
// Thursday, so 2015-12-31 and 2016-01-01 both fall in 2015-W53 and
// 2014-12-29 falls in 2015-W01. Covered by calendar_test.cc.
//
// Thread-safety: pure functions and plain values.
#ifndef WIREWATCH_ANALYZE_CALENDAR_H_
#define WIREWATCH_ANALYZE_CALENDAR_H_

#include <cstdint>
#include <string>

#include "base/civil_date.h"

namespace wirewatch::analyze {

// A civil (wall-clock) date and optional time of day, zone unspecified.
// month 1..12, day 1..31; hour < 0 means "no time of day known".
struct CivilTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = -1;
  int minute = 0;
  int second = 0;

  bool valid_date() const;
  bool operator==(const CivilTime&) const = default;
};

bool IsLeapYear(int year);
// REQUIRES: 1 <= month <= 12.
int DaysInMonth(int year, int month);
// Days since 1970-01-01 (negative before) and back: base/civil_date.h.
using ::wirewatch::CivilFromDays;
using ::wirewatch::DaysFromCivil;
// ISO weekday: 1 = Monday ... 7 = Sunday.
int Weekday(int year, int month, int day);
// ISO 8601 week of a date: *iso_year may differ from `year` near Jan 1.
void IsoWeek(int year, int month, int day, int* iso_year, int* week);
// Number of ISO weeks (52 or 53) in `iso_year`.
int IsoWeeksInYear(int iso_year);
// Monday of ISO week `week` of `iso_year`, as a day number.
int64_t IsoWeekMonday(int iso_year, int week);

// Adds days to a date (the time of day is kept).
CivilTime AddDays(const CivilTime& t, int64_t days);
// Adds months; the day is clamped to the target month's length, so
// 2012-01-31 + 1 month = 2012-02-29 and 2012-02-29 + 12 months = 2013-02-28.
CivilTime AddMonths(const CivilTime& t, int months);

// "2013-07-12" / "2013-07-12T16:48:58" (seconds only when non-zero:
// "2013-07-12T16:48").
std::string FormatCivil(const CivilTime& t);

// Parses the leading ISO-8601 form of a TimeML value: "YYYY", "YYYY-MM",
// "YYYY-MM-DD", optionally "THH:MM[:SS]"; missing month/day become 1.
// Returns false when the text does not start with four digits.
bool ParseIsoCivil(const std::string& s, CivilTime* out);

// The calendar days a TimeML DATE value covers, as "YYYY-MM-DD":
// "2013" -> 2013-01-01..2013-12-31, "2013-06" -> ..06-30, "2013-W28" ->
// Monday..Sunday of that ISO week, "2013-Q2" -> 04-01..06-30, "2013-SU" ->
// 06-01..08-31 (meteorological seasons, WI spans into the next year),
// "2013-07-12[T..]" -> that day, "2012-07/2013-05" -> 2012-07-01..2013-05-31.
// False for values with no calendar extent (durations, PRESENT_REF, "XXXX").
bool TimexValueDays(const std::string& value, std::string* first,
                    std::string* last);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_CALENDAR_H_
