#include "html/extractor.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

#include "base/utf8.h"
#include "html/comments.h"
#include "html/dates.h"
#include "html/dom.h"
#include "html/language.h"
#include "html/main_text.h"
#include "html/metadata.h"
#include "html/text_page.h"
#include "html/url.h"

namespace wirewatch::html {
namespace {

// Fills `published` from a JSON Lines hint when nothing better was found.
void DateFromHint(const RawDoc& doc, Article* a) {
  if (!a->published.value.empty() || doc.published_hint.empty()) return;
  auto d = ParseDate(doc.published_hint);
  if (d && PlausibleDate(*d, doc.fetch_time, kMinDeclaredYear)) {
    a->published.value = d->value;
    a->published.no_timezone = d->no_timezone;
    a->published.source = "json";
  } else {
    a->warnings.push_back("unusable published hint: " + doc.published_hint.substr(0, 60));
  }
}

// Very last resort for the date: the first plausible date anywhere in the
// page's visible text, in document order (a "Datum: 26. Januar 2022" line in
// a sidebar, a copyright line, the first comment's timestamp). A page with no
// date at all is already wrong, so a guess here can only help. Bounded: at
// most kMaxNodes short text nodes are tried.
// Before that, a publication date under a common key in the raw text of a
// JSON-LD or JSON script (the only scripts the Dom keeps): a value the JSON-LD
// reader rejected ("2022-01-10T22:06:08:684Z", its day is still right) or a key
// outside the objects it reads ("publishedDate", "publishedAt").
// "28.09.19": a day-first date with a two-digit year (20yy), standing alone
// (no digit or dot on either side, so not a version "1.12.19.4"). Only the
// last-resort scan uses it; in prose it is too easily something else.
std::optional<ParsedDate> ShortDottedDate(std::string_view s) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 8 <= s.size(); ++i) {
    if (i > 0 && (digit(s[i - 1]) || s[i - 1] == '.')) continue;
    if (!(digit(s[i]) && digit(s[i + 1]) && s[i + 2] == '.' && digit(s[i + 3]) &&
          digit(s[i + 4]) && s[i + 5] == '.' && digit(s[i + 6]) && digit(s[i + 7]))) {
      continue;
    }
    if (i + 8 < s.size() && (digit(s[i + 8]) || s[i + 8] == '.')) continue;
    std::string iso = "20";
    iso.append(s.substr(i + 6, 2)).append("-").append(s.substr(i + 3, 2)).append("-").append(
        s.substr(i, 2));
    if (auto d = ParseDate(iso)) return d;
  }
  return std::nullopt;
}

void DateFromPageText(const Dom& dom, int64_t fetch_time, Article* a) {
  static constexpr std::string_view kKeys[] = {
      "\"datePublished\"", "\"publishedDate\"", "\"published_at\"",
      "\"publishedAt\"",   "\"publishDate\"",   "\"publish_date\""};
  // The value after `key`: optional spaces, ':', optional spaces, '"'.
  auto value_after = [](std::string_view s, size_t p) -> std::string_view {
    while (p < s.size() && s[p] == ' ') ++p;
    if (p >= s.size() || s[p] != ':') return {};
    ++p;
    while (p < s.size() && s[p] == ' ') ++p;
    if (p >= s.size() || s[p] != '"') return {};
    std::string_view v = s.substr(p + 1, 40);
    return v.substr(0, v.find('"'));
  };
  for (uint32_t k = 1; k < dom.size(); ++k) {
    const Dom::Node& t = dom.node(k);
    if (t.tag != Tag::kText || dom.node(t.parent).tag != Tag::kScript) continue;
    std::string_view s = dom.Text(k);
    for (auto key : kKeys) {
      size_t p = s.find(key);
      if (p == std::string_view::npos) continue;
      std::string_view v = value_after(s, p + key.size());
      auto d = ParseDate(v);
      if (!d && v.size() > 10) d = ParseDate(v.substr(0, 10));  // "...:08:684Z"
      if (d && PlausibleDate(*d, fetch_time)) {
        a->published = DateField{d->value, "page", d->no_timezone};
        return;
      }
    }
  }
  constexpr uint32_t kMaxNodes = 4000;
  constexpr size_t kMaxLen = 300;  // longer nodes are prose, not datelines
  uint32_t tried = 0;
  for (uint32_t k = 1; k < dom.size() && tried < kMaxNodes; ++k) {
    const Dom::Node& t = dom.node(k);
    if (t.tag != Tag::kText) continue;
    Tag p = dom.node(t.parent).tag;
    if (p == Tag::kScript || p == Tag::kStyle || p == Tag::kTitle || p == Tag::kNoscript ||
        p == Tag::kTemplate) {
      continue;
    }
    std::string_view s = dom.Text(k);
    if (s.size() < 6 || s.size() > kMaxLen) continue;
    bool digit = false;
    for (char c : s) {
      if (c >= '0' && c <= '9') {
        digit = true;
        break;
      }
    }
    if (!digit) continue;
    ++tried;
    auto d = FindDateInText(s, a->lang.empty() || a->lang == "en"
                                   ? SlashOrder::kMonthFirst
                                   : SlashOrder::kDayFirst);
    if (!d) d = ShortDottedDate(s);
    if (d && PlausibleDate(*d, fetch_time)) {
      a->published = DateField{d->value, "page", d->no_timezone};
      return;
    }
  }
}

// A date-only stamp stored as UTC: "2021-11-04T23:00:00Z" on a page in a
// language of the Central European zone is local midnight of the 5th (the
// CMS saved a day, not an instant). Only a value that lands exactly on
// 00:00:00 local is rewritten, as the same instant in local time (+01:00,
// or +02:00 from April to October, an approximation of summer time); a
// real timestamp is left alone (the gold day of such pages is as often the
// UTC day as the local one). Other languages span too many zones to guess.
void UtcToCentralEuropean(std::string_view lang, DateField* f) {
  static constexpr std::string_view kCet[] = {"de", "fr", "it", "es", "pl", "nl", "cs", "sk",
                                              "hu", "da", "sv", "no", "nb", "sl", "hr", "sr"};
  if (std::find(std::begin(kCet), std::end(kCet), lang) == std::end(kCet)) return;
  const std::string& v = f->value;
  const bool utc = v.size() >= 17 && v[10] == 'T' &&
                   (v.back() == 'Z' || (v.size() >= 6 && v.compare(v.size() - 6, 6, "+00:00") == 0));
  if (!utc) return;
  auto d = ParseDate(v);
  if (!d) return;
  const int month = std::atoi(v.substr(5, 2).c_str());
  const int offset_h = (month >= 4 && month <= 10) ? 2 : 1;
  time_t local = static_cast<time_t>(d->epoch + offset_h * 3600);
  struct tm tm;
  if (gmtime_r(&local, &tm) == nullptr) return;
  if (tm.tm_hour != 0 || tm.tm_min != 0 || tm.tm_sec != 0) return;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, offset_h);
  f->value = buf;
  f->no_timezone = false;
}

// The language: the markup's declaration (already in a->lang) checked
// against the detected language of the title and main text.
void ChooseLang(Article* a) {
  std::string text = a->title;
  for (const auto& p : a->paragraphs) {
    if (text.size() >= kMaxDetectBytes) break;
    text += '\n';
    text += p;
  }
  ChosenLanguage c =
      ChooseLanguage(a->lang, DetectTextLanguage(text), text.size());
  a->lang = std::move(c.code);
  a->lang_source = std::move(c.source);
}

void CopyDocFields(const RawDoc& doc, Article* a) {
  a->source = doc.source;
  a->format = std::string(DocFormatName(doc.format));
  a->url = doc.url;
  a->charset = doc.charset;
  a->fetch_time = doc.fetch_time;
}

}  // namespace

struct Extractor::Impl {
  ExtractOptions options;
  Dom dom;
  MetadataExtractor metadata;
  MainTextExtractor main_text;
  PageMetadata page;
  MainText text;

  Result<Article> ExtractHtml(const RawDoc& doc);
};

Extractor::Extractor(const ExtractOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}
Extractor::~Extractor() = default;

Result<Article> Extractor::Impl::ExtractHtml(const RawDoc& doc) {
  Article a;
  CopyDocFields(doc, &a);
  Dom::Limits limits;
  limits.max_depth = options.max_depth;
  limits.max_nodes = options.max_nodes;
  Dom::ParseStats st = dom.Parse(doc.text, limits);
  if (st.tags_dropped_by_depth > 0 || st.elements_flattened > 0) {
    a.warnings.push_back("nesting deeper than " + std::to_string(options.max_depth) +
                         " flattened (" +
                         std::to_string(st.tags_dropped_by_depth + st.elements_flattened) +
                         " tags)");
  }
  if (st.node_limit_hit) {
    a.warnings.push_back("page cut off at " + std::to_string(options.max_nodes) + " DOM nodes");
  }

  metadata.Extract(dom, doc.url, doc.fetch_time, &page);
  a.title = std::move(page.title);
  a.description = std::move(page.description);
  a.site = std::move(page.site);
  a.lang = std::move(page.lang);
  a.image = std::move(page.image);
  a.canonical_url = std::move(page.canonical_url);
  a.published = std::move(page.published);
  a.modified = std::move(page.modified);
  a.authors = std::move(page.authors);
  a.section = std::move(page.section);
  a.tags = std::move(page.tags);

  const std::string& base = a.canonical_url.empty() ? doc.url : a.canonical_url;
  main_text.Extract(dom, base, page.article_body, &text);
  a.paragraphs = std::move(text.paragraphs);
  a.links = std::move(text.links);
  if (text.from_json_ld) a.warnings.push_back("main text taken from JSON-LD articleBody");
  // The headline is metadata, not body text; so is the headline with its
  // kicker run in ("Transport Harbour bridge reopens ...").
  constexpr size_t kMaxKicker = 40;  // bytes
  auto is_headline = [&](const std::string& p) {
    if (p == a.title) return true;
    return !a.title.empty() && p.size() > a.title.size() &&
           p.size() <= a.title.size() + kMaxKicker + 1 &&
           p.compare(p.size() - a.title.size(), a.title.size(), a.title) == 0 &&
           p[p.size() - a.title.size() - 1] == ' ';
  };
  for (size_t k = 0; k < a.paragraphs.size() && k < 3; ++k) {
    if (is_headline(a.paragraphs[k])) {
      a.paragraphs.erase(a.paragraphs.begin() + static_cast<std::ptrdiff_t>(k));
      break;
    }
  }

  ExtractComments(dom, &a.comments);
  ChooseLang(&a);
  // "05/03/2022" is May 3 on a US page and 5 March almost everywhere else;
  // an English page is taken as US (the language cannot tell en-GB apart).
  const SlashOrder order = a.lang.empty() || a.lang == "en"
                               ? SlashOrder::kMonthFirst
                               : SlashOrder::kDayFirst;

  // The article's own visible dateline beats a metadata date that names
  // another day: JSON-LD and meta dates are often the first upload, a
  // re-publication or a template's date, while readers see the dateline
  // right under (or just above) the headline. A <time>/itemprop date is
  // itself visible and is kept. Limits: 400 bytes of text after the <h1>,
  // 100 before it.
  if (!a.published.value.empty() && a.published.source != "time") {
    constexpr size_t kAfter = 400, kBefore = 100;
    std::string_view after(page.headline_after);
    auto d = FindDateInText(after.substr(0, kAfter), order);
    if (!d) {
      std::string_view before(page.headline_before);
      if (before.size() > kBefore) before = before.substr(before.size() - kBefore);
      d = FindDateInText(before, order);
    }
    // "05/03/2022" read day-first where the metadata says May 3: the
    // dateline is the same day in the other order, keep the metadata.
    auto swapped = [](std::string_view v) {
      if (v.size() < 10) return std::string(v);
      return std::string(v.substr(0, 5)) + std::string(v.substr(8, 2)) + "-" +
             std::string(v.substr(5, 2));
    };
    if (d && PlausibleDate(*d, doc.fetch_time) &&
        d->value.compare(0, 10, a.published.value, 0, 10) != 0 &&
        swapped(d->value) != a.published.value.substr(0, 10)) {
      a.published = DateField{d->value, "dateline", d->no_timezone};
    }
  }

  // Last resort for the date: a dateline in date-like elements, then at the
  // top of the main text.
  if (a.published.value.empty()) {
    for (const auto& t : page.date_texts) {
      auto d = FindDateInText(t, order);
      if (d && PlausibleDate(*d, doc.fetch_time)) {
        a.published = DateField{d->value, "text", d->no_timezone};
        break;
      }
    }
  }
  if (a.published.value.empty()) {
    for (const auto& t : text.date_lines) {
      auto d = FindDateInText(t, order);
      if (d && PlausibleDate(*d, doc.fetch_time)) {
        a.published = DateField{d->value, "text", d->no_timezone};
        break;
      }
    }
  }
  if (a.published.value.empty()) {
    for (const std::string* t : {&page.headline_after, &page.headline_before}) {
      auto d = FindDateInText(*t, order);
      if (d && PlausibleDate(*d, doc.fetch_time)) {
        a.published = DateField{d->value, "dateline", d->no_timezone};
        break;
      }
    }
  }
  if (a.published.value.empty()) {
    for (size_t k = 0; k < a.paragraphs.size() && k < 2; ++k) {
      if (a.paragraphs[k].size() > 200) continue;
      auto d = FindDateInText(a.paragraphs[k], order);
      if (d && PlausibleDate(*d, doc.fetch_time)) {
        a.published = DateField{d->value, "text", d->no_timezone};
        break;
      }
    }
  }
  DateFromHint(doc, &a);
  if (a.published.value.empty()) DateFromPageText(dom, doc.fetch_time, &a);
  UtcToCentralEuropean(a.lang, &a.published);
  if (a.title.empty() && !doc.title_hint.empty()) a.title = CollapseWhitespace(doc.title_hint);

  if (a.title.empty()) a.warnings.push_back("no title found");
  if (a.published.value.empty()) a.warnings.push_back("no publication date found");
  if (a.paragraphs.empty()) a.warnings.push_back("no main text found");
  if (a.title.empty() && a.paragraphs.empty()) {
    return Status::InvalidArgument("no article text found");
  }
  return a;
}

Result<Article> Extractor::Extract(const RawDoc& doc) {
  assert(!doc.failed());
  if (doc.format == DocFormat::kHtml) return impl_->ExtractHtml(doc);

  Article a;
  if (doc.format == DocFormat::kScrapedText) {
    a = ParseTextPage(doc.text);
  } else {
    TextPageOptions opts;
    opts.body_only = true;
    a = ParseTextPage(doc.text, opts);
    a.title = CollapseWhitespace(doc.title_hint);
  }
  CopyDocFields(doc, &a);
  if (a.title.empty() && !doc.title_hint.empty()) a.title = CollapseWhitespace(doc.title_hint);
  // Text formats have no markup naming the site: use the URL's host, as the
  // HTML path does when a page names none.
  if (a.site.empty()) {
    std::string host = UrlHost(a.url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    a.site = std::move(host);
  }
  DateFromHint(doc, &a);
  ChooseLang(&a);
  if (a.title.empty() && a.paragraphs.empty()) {
    return Status::InvalidArgument("no article text found");
  }
  return a;
}

}  // namespace wirewatch::html
