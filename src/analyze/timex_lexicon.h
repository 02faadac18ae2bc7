// The closed-class vocabulary of English time expressions used by
// TimexTagger: months, weekdays, units, number words, ordinals, seasons,
// parts of day, and the function words the rules key on.
//
// Thread-safety: the table is built once (function-local static) and is
// immutable afterwards; lookups are safe from any thread.
#ifndef WIREWATCH_ANALYZE_TIMEX_LEXICON_H_
#define WIREWATCH_ANALYZE_TIMEX_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace wirewatch::analyze::timex_internal {

enum Unit : uint8_t {
  kNoUnit = 0,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
  kMillennium,
};

// Keywords the rules test for. Values are small integers; a word has at
// most one keyword.
enum Kw : uint8_t {
  kNoKw = 0,
  kThe, kA, kAn, kThis, kThat, kThese, kLast, kNext, kPast, kComing,
  kPrevious, kFollowing, kCurrent, kLatest, kSame, kAgo, kEarlier, kLater,
  kHence, kBack, kBefore, kAfter, kFrom, kNow, kToday, kYesterday,
  kTomorrow, kTonight, kCurrently, kRecently, kRecent, kFuture, kSoon,
  kPreviously, kPresent, kNowadays, kEarly, kLate, kMid, kMiddle, kEnd,
  kBeginning, kStart, kEvery, kEach, kDaily, kWeekly, kMonthly, kYearly,
  kQuarterly, kHourly, kNightly, kSeveral, kFew, kCouple, kSome, kMany,
  kAbout, kAround, kApproximately, kRoughly, kNearly, kAlmost, kMore, kOver,
  kLess, kFewer, kUnder, kLeast, kMost, kAt, kUp, kTo, kThan, kNo, kJust,
  kBetween, kAnd, kOr, kUntil, kThrough, kFiscal, kWeekend, kNoon,
  kMidnight, kHalf, kOf, kIn, kFor, kOn, kSo, kOnce, kTwice, kTimes, kPer,
  kOther, kNear, kTerm, kPeriod, kOclock, kWill, kShall, kWould, kGoing,
  kSaid, kWas, kHad, kDid, kIs, kSays, kExpected, kPlan, kYear2, kIts,
  kCentury2, kOld, kLong, kTimezone, kLocal, kTime, kHoliday, kEve, kDay2,
  kNew, kYears2, kThousand, kHundred, kOrdinalSuffix, kStill, kAs, kSince,
  kBy, kDuring,
};

struct Lex {
  uint8_t month = 0;      // 1..12
  uint8_t weekday = 0;    // 1..7 (Monday = 1)
  uint8_t unit = kNoUnit;
  bool plural = false;    // plural unit noun ("years")
  bool unit_adverb = false;
  int16_t number = -1;    // cardinal number word value
  int8_t ordinal = 0;     // "third" = 3
  uint8_t season = 0;     // 1 SP, 2 SU, 3 FA, 4 WI
  uint8_t pod = 0;        // 1 MO, 2 AF, 3 EV, 4 NI, 5 DT (daytime)
  uint8_t kw = kNoKw;
  uint8_t holiday = 0;    // index into the holiday table, 1-based
  bool abbrev = false;    // month/weekday abbreviation ("sept", "fri")
};

// The entry for a lowercase ASCII word, or null.
const Lex* LookupWord(std::string_view lower_word);

// Holidays: fixed (month, day) or the n-th weekday of a month (n = -1:
// last). REQUIRES: 1 <= index <= HolidayCount().
struct Holiday {
  uint8_t month;
  uint8_t day;      // fixed day, or 0 when by weekday
  uint8_t weekday;  // 1..7 for weekday-based holidays
  int8_t nth;       // 1..5 or -1
};
const Holiday& HolidayAt(int index);

}  // namespace wirewatch::analyze::timex_internal

#endif  // WIREWATCH_ANALYZE_TIMEX_LEXICON_H_
