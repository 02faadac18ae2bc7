// MetadataExtractor: page metadata from a parsed Dom.
//
// Sources, best first for each field:
//   title        the page's own headline: the first <h1> outside the page
//                chrome (header/nav/footer/aside, logo/brand classes) that
//                is not the site name and shares >= 30 % of its words with
//                og:title or <title>; else an <h2> sharing >= 60 %; else
//                og:title, JSON-LD headline, an <h1> that <title> contains,
//                <title> without its site suffix (" | Site", " - Site", ...)
//   published    JSON-LD datePublished, meta (article:published_time, pubdate,
//                DC.date.issued, sailthru.date, parsely-pub-date, ...),
//                itemprop=datePublished / <time datetime>, URL /2013/07/12/,
//                date-like elements (class "date", "time", "byline", ...)
//   modified     JSON-LD dateModified, article:modified_time, og:updated_time,
//                itemprop=dateModified
//   authors      JSON-LD author names, meta author / article:author (not
//                URLs), rel=author, itemprop=author, byline elements
//   site         og:site_name, JSON-LD publisher.name, URL host minus www.
//   section      article:section, JSON-LD articleSection
//   tags         article:tag, JSON-LD keywords, news_keywords, rel=tag links
//   lang, image, canonical_url, description as documented in article.h.
// JSON-LD blocks (<script type="application/ld+json">, several per page,
// arrays and @graph) are parsed with simdjson; the article-typed object
// (NewsArticle, Article, BlogPosting, ...) wins over WebPage.
// Dates are checked with PlausibleDate against the fetch time.
//
// Thread-safety: one MetadataExtractor per thread (it keeps a JSON parser).
#ifndef WIREWATCH_HTML_METADATA_H_
#define WIREWATCH_HTML_METADATA_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "wirewatch/article.h"

namespace wirewatch::html {

struct PageMetadata {
  std::string title;
  std::string description;
  std::string site;
  std::string lang;  // declared by the markup only (see language.h)
  std::string image;
  std::string canonical_url;
  DateField published;
  DateField modified;
  std::vector<std::string> authors;
  // article:section, else JSON-LD articleSection.
  std::string section;
  // article:tag metas, JSON-LD keywords, news_keywords, rel=tag link texts:
  // at most kMaxTags of at most 80 bytes, deduplicated case-insensitively.
  std::vector<std::string> tags;
  // JSON-LD articleBody, when present (plain text).
  std::string article_body;
  // Texts of elements whose class/id says "date"/"time"/"byline"...: the
  // caller may search them for a dateline when no structured date exists.
  std::vector<std::string> date_texts;
  // Up to ~1500 bytes of visible text after and before the headline <h1>
  // (raw, whitespace not collapsed): a fallback place for a dateline.
  std::string headline_after, headline_before;
};

class MetadataExtractor {
 public:
  MetadataExtractor();
  ~MetadataExtractor();
  MetadataExtractor(const MetadataExtractor&) = delete;
  MetadataExtractor& operator=(const MetadataExtractor&) = delete;

  // Fills *out from `dom`. `url` is the fetch URL ("" if unknown).
  void Extract(const Dom& dom, std::string_view url, int64_t fetch_time, PageMetadata* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

inline constexpr size_t kMaxTags = 30;

// Removes a site suffix or prefix (" | Site", "Site - ") from a page title.
// `site` and `host` help recognise the site part; either may be empty.
std::string StripSiteFromTitle(std::string_view title, std::string_view site,
                               std::string_view host);

// Cleans a raw byline or author field into names: strips "By "/"Von ",
// dates, e-mail prompts, URLs and the site name, splits on "and"/","/"und"/
// "&", dedupes (case-insensitively) into *names (appending).
void CleanAuthors(std::string_view raw, std::string_view site, std::vector<std::string>* names);

// Lower-cased primary language subtag of a BCP 47 tag or locale ("de_DE" ->
// "de"); "" if it does not look like one.
std::string PrimaryLanguage(std::string_view tag);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_METADATA_H_
