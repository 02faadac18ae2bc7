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
//
// Thread-safety: pure function.
#ifndef WIREWATCH_HTML_TEXT_PAGE_H_
#define WIREWATCH_HTML_TEXT_PAGE_H_

#include <string_view>

#include "wirewatch/article.h"

namespace wirewatch::html {

struct TextPageOptions {
  // The text is a body only (JSON Lines `text`): no title/dateline lines are
  // looked for; paragraphs and debug dumps are still handled.
  bool body_only = false;
};

// Fills title, published, paragraphs, publisher_related and warnings of an
// Article. REQUIRES: text is valid UTF-8.
Article ParseTextPage(std::string_view text, const TextPageOptions& options = {});

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_TEXT_PAGE_H_
