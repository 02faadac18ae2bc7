// StripDebugDumps: finds debug output that a site leaked into its article
// text, removes it, and keeps what it says.
//
// Scraped pages sometimes carry the output of a forgotten PHP `var_dump()` or
// `print_r()`, or a bare JSON blob, after (or glued to) the article text. The
// seed page (testdata/seed/000_ca9e77d4d40bc964.txt) ends with the site's
// related-articles widget as `string(695) "[{"id":"1488864",...}]"`.
//
// A dump is removed only when it matches one complete shape:
//
//   var_dump string   string(N) "<N bytes>"         N is the UTF-8 byte length
//   var_dump array    array(N) {\n  [k]=>\n  <value>\n ... }   (nested)
//   var_dump object   object(Class)#id (N) { ["p":protected]=> <value> ... }
//   print_r           Array\n(\n    [k] => v\n ... )  and  `Class Object\n(`
//   JSON              a JSON array of objects that stands alone on its line
//                     or as its own blank-line separated block
//
// Where a dump may start:
//   - standalone: at the first non-blank byte of a line. All shapes.
//   - glued: after a space or tab in the middle of a line (the site printed
//     the dump right after the last paragraph). Only var_dump strings whose
//     payload is valid JSON, var_dump arrays/objects, and JSON arrays whose
//     objects all have the widget shape; the paragraph text before it stays.
// In both cases the dump must end its line: only blanks may follow it. So a
// sentence that mentions `string(5) "hello"` or `[{"a":1}]` and goes on is
// never touched, nor are "[1]" footnotes, "[they]" insertions, or braces in
// prose (none of them is a complete shape).
//
// The declared var_dump length is trusted first: the closing quote must sit
// exactly N bytes after the opening one and end the line. When it does not
// (the page was re-encoded, or CRLF-converted, and byte counts changed), the
// closing quote is taken to be the last non-blank byte of the same line, and
// the warning says the length did not match. A `string(N) "` with neither
// (a truncated dump) is KEPT, with a "debug dump kept" warning: we cannot
// prove where it ends, and dropping text is worse than keeping noise. The
// same holds for a var_dump/print_r structure that starts well (its first
// line parses) but never closes.
//
// What is kept from a dump: every object/array inside it that has the widget
// shape (at least `id` and `title`) becomes a RelatedItem with the string
// fields id, sort, contenttypeid, pic, title. JSON numbers become their
// decimal text ("3051263"); var_dump `int(5)` becomes "5"; print_r values are
// taken verbatim. JSON is parsed with simdjson (error codes, no exceptions).
//
// Each removed dump adds one warning that starts with "debug dump removed: "
// and names the shape ("debug dump removed: string(695)"); each suspicious
// candidate that was kept adds one starting with "debug dump kept: ".
//
// Cost: one forward pass over the text. The declared length makes a
// var_dump string check O(1); a failed standalone structure resumes the scan
// at the line where it failed; glued candidates spend from a work budget of
// a few times the text size, after which no further glued structures are
// tried. Nesting is limited to kMaxDumpDepth levels: a deeper var_dump is
// kept with a warning and the scan for dumps stops there (adversarial input).
// Covered by debug_dump_test.cc (golden table) and text_page_test.cc.
//
// Thread-safety: thread-safe (each thread keeps its own JSON parser).
#ifndef WIREWATCH_HTML_DEBUG_DUMP_H_
#define WIREWATCH_HTML_DEBUG_DUMP_H_

#include <string>
#include <string_view>
#include <vector>

#include "wirewatch/article.h"

namespace wirewatch::html {

inline constexpr int kMaxDumpDepth = 64;

// Removes the leaked debug dumps from `text` (see above). Widget-shaped
// records found in removed dumps are appended to *related, warnings to
// *warnings.
//
// Returns the remaining text: `text` itself when nothing was removed,
// otherwise a view of *scratch, which is overwritten. The view is valid while
// both `text` and *scratch are alive and unmodified. A standalone dump is
// removed with its whole line(s), including the line break; a glued dump is
// removed with the blanks before it, keeping the line break.
//
// REQUIRES: text is valid UTF-8; scratch, related and warnings are non-null.
std::string_view StripDebugDumps(std::string_view text, std::string* scratch,
                                 std::vector<RelatedItem>* related,
                                 std::vector<std::string>* warnings);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_DEBUG_DUMP_H_
