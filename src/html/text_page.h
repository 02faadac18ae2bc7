// ParseTextPage: a scraped plain-text news page -> Article fields.
//
// The shape (see testdata/seed/000_ca9e77d4d40bc964.txt):
//   Title line
//   <blank>
//   Title line again            (dropped: the title is kept once)
//   Fri Jul 12, 2013 16:48:58   (dateline -> published, no timezone)
//   <blank>
//   paragraph ... (blank-line separated)
//   string(695) "[{...},...]"   (a leaked PHP var_dump of the site's related
//                                widget: removed from the text, parsed into
//                                publisher_related using the byte length)
// Other leaked debug shapes (PHP array(n) {...} var_dump, print_r
// "Array ( [k] => v )" output, stray JSON arrays of objects) are removed too,
// without touching ordinary text that merely mentions "string(" or brackets.
// The dump rules live in debug_dump.h; dumps are removed first, on the raw
// text, so that var_dump byte lengths are checked before any normalisation.
//
// Decisions:
//   - Lines: "\r\n", "\r" and "\n" all end a line. Each line is trimmed of
//     ASCII and Unicode blanks (NBSP, U+2000-U+200A, U+202F, U+205F, U+3000,
//     BOM); what is between is kept byte for byte (typographic quotes and
//     dashes stay).
//   - Paragraphs: every non-empty line is one paragraph. Blank lines only
//     separate; lines inside a block are NOT joined, because scraped pages
//     put one paragraph per line and the multi-line blocks that do occur
//     (BBC corpus) are list items, which Article keeps as separate entries.
//     Hard-wrapped text (72-column e-mail style) is therefore not re-flowed.
//   - Title: the first non-empty line. When the next non-empty line is
//     byte-identical (after trimming), it is dropped. A page of one line is a
//     title with no paragraphs.
//   - Dateline: among the first kDatelineWindow non-empty lines after the
//     title (and its repeat), before the first line longer than
//     kMaxDatelineBytes, the first that ParseDateLine accepts completely.
//     It leaves the body; lines before it (e.g. a byline) stay paragraphs.
//     A sentence that starts with a date does not parse completely, so it is
//     never taken.
//   - body_only: no title or dateline; every line is body.
//
// Cost: linear in the text; one copy of the text only when a dump is
// removed, plus the Article's own strings. Covered by text_page_test.cc
// (seed page golden, dateline table, layout cases, BBC corpus smoke test).
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_HTML_TEXT_PAGE_H_
#define WIREWATCH_HTML_TEXT_PAGE_H_

#include <cstddef>
#include <string_view>

#include "wirewatch/article.h"

namespace wirewatch::html {

struct TextPageOptions {
  // The text is a body only (JSON Lines `text`): no title/dateline lines are
  // looked for; paragraphs and debug dumps are still handled.
  bool body_only = false;
};

inline constexpr size_t kDatelineWindow = 3;
inline constexpr size_t kMaxDatelineBytes = 100;

// Fills title, published, paragraphs, publisher_related and warnings of an
// Article. REQUIRES: text is valid UTF-8.
Article ParseTextPage(std::string_view text,
                      const TextPageOptions& options = {});

// Parses a line that is entirely a date (surrounding blanks allowed) into
// *out (value and no_timezone; source is left alone). Accepted, with an
// optional leading weekday ("Fri", "Friday", "Fri.", followed by an optional
// comma):
//   2013-07-12, 2013/07/12              ISO date (T or space before a time)
//   Jul 12, 2013 / July 12 2013 / Jul. 12th, 2013
//   12 July 2013 / 12 Jul, 2013 / 12th July 2013
// then optionally (after blanks, a comma or "at") a time H:MM[:SS[.frac]]
// with optional AM/PM (am, pm, a.m., p.m.), then optionally a zone: Z, UTC,
// GMT, UT, +HHMM, +HH:MM, +HH, GMT+HH[:MM], or the RFC 2822 US zones
// (EST, EDT, CST, CDT, MST, MDT, PST, PDT).
// Output: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" (seconds always written,
// fractions dropped), plus "Z" for Z/UTC/GMT/UT and "+HH:MM" otherwise.
// no_timezone is true when no zone was given (also for a bare date).
// Dates are range-checked (month, days in month with leap years, year
// 1900-2199, hour, minute, second up to 60, offset up to 14:00); the weekday
// is not checked against the date. Returns false (and leaves *out alone)
// otherwise.
bool ParseDateLine(std::string_view line, DateField* out);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_TEXT_PAGE_H_
