// Date recognition and normalisation for the html stage.
//
// Dates on web pages come in machine forms (ISO 8601 in JSON-LD and meta,
// RFC 822 in some feeds' meta tags, /2013/07/12/ in URLs) and human forms in
// several languages ("12. Juli 2013", "July 12, 2013", "12.07.2013"). All of
// them are normalised to ISO 8601: "2013-07-12", "2013-07-12T16:48:58",
// "2013-07-12T16:48:58+04:00" or "...Z". A date without a UTC offset is
// flagged no_timezone. A year alone ("© 2024") is never a date.
//
// Covered by dates_test.cc.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_HTML_DATES_H_
#define WIREWATCH_HTML_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wirewatch::html {

struct ParsedDate {
  std::string value;  // ISO 8601 as above
  bool no_timezone = true;
  int64_t epoch = 0;  // seconds since the epoch (local time taken as UTC)
};

// Parses a whole field value (meta content, JSON-LD, datetime attribute,
// JSON Lines hint): ISO 8601 and variants, RFC 822, or one human date.
// Returns nullopt if unparseable or calendar-invalid.
std::optional<ParsedDate> ParseDate(std::string_view s);

// How to read an ambiguous "05/03/2022" (both numbers <= 12): month first
// as in the US, or day first as in most other countries. An unambiguous
// one ("25/03/2022") is read the only way it can be.
enum class SlashOrder { kMonthFirst, kDayFirst };

// Finds the first full date (day, month and year) in running text.
std::optional<ParsedDate> FindDateInText(
    std::string_view text, SlashOrder order = SlashOrder::kMonthFirst);

// Finds /YYYY/MM/DD/ (or -YYYY-MM-DD-, /YYYYMMDD/) in a URL path.
std::optional<ParsedDate> DateFromUrl(std::string_view url);

// False for dates before `min_year` or later than fetch_time + 1 day (when
// fetch_time, seconds since the epoch, is non-zero). Dates scraped from a
// page's markup use the 1990 floor (older years there are copyright lines,
// birth dates, archive references); a date the container declares for the
// document (JSON Lines `published`) is trusted back to 1800, so archives such
// as Reuters-21578 (1987) keep their dates.
inline constexpr int kMinPageYear = 1990;
inline constexpr int kMinDeclaredYear = 1800;
bool PlausibleDate(const ParsedDate& d, int64_t fetch_time,
                   int min_year = kMinPageYear);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_DATES_H_
