// Dateline parsing: the publication date printed at the top of a news page.
//
// Accepted shapes (leading/trailing text is allowed around them):
//   "Fri Jul 12, 2013 16:48:58"          weekday month day, year time
//   "SALVADOR, Feb 26 -"                 place, month day (year inferred)
//   "12 July 2013", "July 12, 2013"      day-month / month-day with year
//   "2013-07-12", "2013-07-12T16:48:58Z" ISO 8601 (offset recognised)
//   "Fri, 12 Jul 2013 16:48:58 +0400"    RFC 2822
// When the year is missing, it is inferred from `reference` (for example
// the file's modification date or the crawl time): the year that puts the
// date closest to, and not more than a few days after, the reference.
//
// Thread-safety: pure function.
#ifndef WIREWATCH_ANALYZE_DATELINE_H_
#define WIREWATCH_ANALYZE_DATELINE_H_

#include <string_view>

#include "analyze/calendar.h"

namespace wirewatch::analyze {

struct DatelineResult {
  CivilTime time;        // hour < 0 when no time of day was given
  bool has_time = false;
  bool has_tz = false;
  int tz_offset_minutes = 0;  // when has_tz: east of UTC is positive
  bool year_inferred = false;
};

// Parses the first date found in `line` (only the first 256 bytes are
// examined). `reference` may be null; then a dateline without a year is
// rejected. Returns false when no date is found.
bool ParseDateline(std::string_view line, const CivilTime* reference,
                   DatelineResult* out);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_DATELINE_H_
