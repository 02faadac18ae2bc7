// Article: the cleaned record of one news page, the html stage's output.
//
// Every field is documented in docs/record-format.md; keep the two in step.
// Strings are UTF-8. Empty string / empty vector means "not known".
//
// Thread-safety: a plain value.
#ifndef WIREWATCH_ARTICLE_H_
#define WIREWATCH_ARTICLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirewatch {

// One item of a site's related-articles widget, in the seed page's shape.
// All fields are strings, exactly as the publisher (or Wirewatch) emits them.
struct RelatedItem {
  std::string id;
  std::string sort;
  std::string contenttypeid;
  std::string pic;
  std::string title;
  bool operator==(const RelatedItem&) const = default;
};

// A hyperlink found in the main content or page.
struct Link {
  std::string href;  // resolved against the page URL when possible
  std::string text;  // anchor text, whitespace-collapsed
};

// A date found on the page, kept with where it came from.
struct DateField {
  // ISO 8601: "2013-07-12", "2013-07-12T16:48:58" or with an offset
  // "2013-07-12T16:48:58+04:00" / "Z". Empty when unknown.
  std::string value;
  // "jsonld", "meta", "time", "url", "text", "dateline" (also when it overrides a
  // JSON-LD/meta date naming another day), "page" (first date
  // anywhere in the visible text, a last resort), "json".
  std::string source;
  // True when `value` carries no UTC offset (local time of unknown zone).
  bool no_timezone = false;
};

struct Article {
  // Stable id (16 lowercase hex digits): xxh64 of the normalised canonical
  // URL when the page has one, else of the normalised title and text. See
  // docs/record-format.md.
  std::string id;
  std::string source;         // RawDoc::source
  std::string format;         // DocFormatName of the input
  std::string url;            // the URL the page was fetched from, if known
  std::string canonical_url;  // <link rel=canonical>, og:url, JSON-LD url
  std::string site;           // site name (og:site_name) or URL host
  std::string title;
  std::string description;
  DateField published;
  DateField modified;
  std::vector<std::string> authors;
  std::string lang;           // BCP 47 primary tag ("en"), empty if unknown
  // Where `lang` came from: "markup" (<html lang>, content-language,
  // og:locale, JSON-LD inLanguage), "detected" (the text's language by
  // CLD2, markup absent or contradicted), "markup+detected" (both agree);
  // empty when `lang` is.
  std::string lang_source;
  std::string section;        // article:section / JSON-LD articleSection
  // Keywords and tags: article:tag, JSON-LD keywords, news_keywords,
  // rel=tag links; deduplicated case-insensitively, in page order.
  std::vector<std::string> tags;
  std::string image;          // lead image URL
  std::string charset;        // the charset the page was decoded from
  // Main text, one entry per block (paragraph, heading, list item, quote).
  std::vector<std::string> paragraphs;
  std::vector<Link> links;    // links inside the main text
  // Reader comments found on the page (never part of `paragraphs`), one
  // entry per comment, whitespace-collapsed, in page order.
  std::vector<std::string> comments;
  // The publisher's own related-articles widget, when the page leaks one.
  std::vector<RelatedItem> publisher_related;
  // Non-fatal problems ("no title found", "debug dump removed", ...).
  std::vector<std::string> warnings;
  int64_t fetch_time = 0;     // seconds since the epoch, 0 if unknown

  // The main text: paragraphs joined by "\n\n".
  std::string Text() const;
};

}  // namespace wirewatch

#endif  // WIREWATCH_ARTICLE_H_
