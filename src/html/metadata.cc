#include "html/metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "base/utf8.h"
#include "html/dates.h"
#include "html/strings.h"
#include "html/url.h"

namespace wirewatch::html {
namespace {

// Fields taken from the best JSON-LD object on the page.
struct JsonLd {
  int priority = 0;  // 3 article types, 1 WebPage-like, 0 none
  std::string headline, date_published, date_modified, publisher, image, body, lang, url;
  std::string section;
  std::vector<std::string> authors, keywords;
};

int TypePriority(std::string_view type) {
  static constexpr std::string_view kArticle[] = {
      "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
      "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report",
      "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Review", "Recipe",
      "PressRelease", "Event"};
  for (auto t : kArticle) {
    if (type == t) return 3;
  }
  if (type == "WebPage" || type == "ItemPage" || type == "CollectionPage" ||
      type == "AboutPage" || type == "ProfilePage" || type == "Blog") {
    return 1;
  }
  return 0;
}

using simdjson::dom::element;
using simdjson::dom::element_type;

// REQUIRES: e.type() is ARRAY / OBJECT (a default array or object must not
// be iterated).
simdjson::dom::array AsArray(element e) {
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return {};
  return a;
}
simdjson::dom::object AsObject(element e) {
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return {};
  return o;
}

std::string_view GetString(element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return s;
  return {};
}

std::string_view Field(element obj, std::string_view key) {
  element v;
  if (obj.at_key(key).get(v) != simdjson::SUCCESS) return {};
  return GetString(v);
}

// A name from a string, {"name": ...}, or the first of an array of those.
void Names(element e, std::vector<std::string>* out) {
  std::vector<element> items;
  if (e.type() == element_type::ARRAY) {
    for (element x : AsArray(e)) items.push_back(x);
  } else {
    items.push_back(e);
  }
  for (element x : items) {
    std::string_view s = x.type() == element_type::STRING ? GetString(x) : Field(x, "name");
    if (!s.empty() && out->size() < 10) out->emplace_back(s);
  }
}

std::string_view ImageUrl(element e) {
  if (e.type() == element_type::ARRAY) {
    // First usable item; items are not searched further (no recursion).
    for (element x : AsArray(e)) {
      if (x.type() == element_type::STRING) return GetString(x);
      if (x.type() == element_type::OBJECT) {
        std::string_view s = Field(x, "url");
        if (s.empty()) s = Field(x, "contentUrl");
        if (!s.empty()) return s;
      }
    }
    return {};
  }
  if (e.type() == element_type::STRING) return GetString(e);
  if (e.type() == element_type::OBJECT) {
    std::string_view s = Field(e, "url");
    if (s.empty()) s = Field(e, "contentUrl");
    return s;
  }
  return {};
}

int ObjectPriority(element obj) {
  element t;
  if (obj.at_key("@type").get(t) != simdjson::SUCCESS) return 0;
  if (t.type() == element_type::STRING) return TypePriority(GetString(t));
  int best = 0;
  if (t.type() == element_type::ARRAY) {
    for (element x : AsArray(t)) best = std::max(best, TypePriority(GetString(x)));
  }
  return best;
}

void TakeObject(element obj, int priority, JsonLd* out) {
  JsonLd j;
  j.priority = priority;
  j.headline = std::string(Field(obj, "headline"));
  if (j.headline.empty() && priority >= 3) j.headline = std::string(Field(obj, "name"));
  j.date_published = std::string(Field(obj, "datePublished"));
  if (j.date_published.empty()) j.date_published = std::string(Field(obj, "dateCreated"));
  j.date_modified = std::string(Field(obj, "dateModified"));
  j.body = std::string(Field(obj, "articleBody"));
  j.lang = std::string(Field(obj, "inLanguage"));
  j.url = std::string(Field(obj, "url"));
  element v;
  if (obj.at_key("author").get(v) == simdjson::SUCCESS) Names(v, &j.authors);
  if (obj.at_key("creator").get(v) == simdjson::SUCCESS && j.authors.empty()) {
    Names(v, &j.authors);
  }
  if (obj.at_key("publisher").get(v) == simdjson::SUCCESS) {
    std::vector<std::string> p;
    Names(v, &p);
    if (!p.empty()) j.publisher = p[0];
  }
  if (obj.at_key("image").get(v) == simdjson::SUCCESS) j.image = std::string(ImageUrl(v));
  // keywords: "a, b, c" or ["a", "b"]; articleSection: a string or an array
  // (the first is the section).
  if (obj.at_key("keywords").get(v) == simdjson::SUCCESS) {
    if (v.type() == element_type::STRING) {
      j.keywords.emplace_back(GetString(v));
    } else if (v.type() == element_type::ARRAY) {
      for (element x : AsArray(v)) {
        if (x.type() == element_type::STRING && j.keywords.size() < kMaxTags) {
          j.keywords.emplace_back(GetString(x));
        }
      }
    }
  }
  if (obj.at_key("articleSection").get(v) == simdjson::SUCCESS) {
    if (v.type() == element_type::STRING) {
      j.section = std::string(GetString(v));
    } else if (v.type() == element_type::ARRAY) {
      for (element x : AsArray(v)) {
        if (x.type() == element_type::STRING) {
          j.section = std::string(GetString(x));
          break;
        }
      }
    }
  }
  // Merge: a higher-priority object wins; equal priority fills gaps only.
  if (j.priority > out->priority) {
    *out = std::move(j);
    return;
  }
  if (j.priority < out->priority) return;
  auto fill = [](std::string* dst, std::string& src) {
    if (dst->empty()) *dst = std::move(src);
  };
  fill(&out->headline, j.headline);
  fill(&out->date_published, j.date_published);
  fill(&out->date_modified, j.date_modified);
  fill(&out->publisher, j.publisher);
  fill(&out->image, j.image);
  fill(&out->body, j.body);
  fill(&out->lang, j.lang);
  fill(&out->section, j.section);
  if (out->keywords.empty()) out->keywords = std::move(j.keywords);
  if (out->authors.empty()) out->authors = std::move(j.authors);
}

// Walks one parsed JSON-LD document with an explicit stack, visiting every
// object (top-level arrays, @graph, nested mainEntity, ...).
void ScanJsonLd(element root, JsonLd* out) {
  std::vector<std::pair<element, int>> stack{{root, 0}};
  size_t visited = 0;
  while (!stack.empty() && visited < 10000) {
    auto [e, depth] = stack.back();
    stack.pop_back();
    ++visited;
    if (depth > 32) continue;
    if (e.type() == element_type::ARRAY) {
      for (element x : AsArray(e)) stack.push_back({x, depth + 1});
    } else if (e.type() == element_type::OBJECT) {
      int p = ObjectPriority(e);
      if (p > 0) TakeObject(e, p, out);
      for (auto kv : AsObject(e)) {
        // Do not mistake an article's author/publisher/comment objects for
        // the page's article.
        if (kv.key == "author" || kv.key == "publisher" || kv.key == "comment" ||
            kv.key == "review" || kv.key == "itemListElement") {
          continue;
        }
        if (kv.value.type() == element_type::ARRAY || kv.value.type() == element_type::OBJECT) {
          stack.push_back({kv.value, depth + 1});
        }
      }
    }
  }
}

bool LooksLikeUrl(std::string_view s) {
  return StartsWithIgnoreCaseAscii(s, "http://") || StartsWithIgnoreCaseAscii(s, "https://") ||
         StartsWithIgnoreCaseAscii(s, "www.") || s.find('/') != std::string_view::npos;
}

std::string Normalized(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += char(c + 32);
    }
  }
  return out;
}

// "www.spiegel.de" -> "spiegel", "www.cybercook.com.br" -> "cybercook".
std::string HostLabel(std::string_view host) {
  if (StartsWithIgnoreCaseAscii(host, "www.")) host.remove_prefix(4);
  size_t dot = host.rfind('.');
  if (dot != std::string_view::npos) host = host.substr(0, dot);
  dot = host.rfind('.');
  if (dot != std::string_view::npos) {
    std::string_view label = host.substr(dot + 1);
    // A second-level public suffix (co.uk, com.br, org.au, gv.at): the
    // site's own label is the one before it.
    static constexpr std::string_view kSecondLevel[] = {
        "co", "com", "org", "net", "gov", "ac", "edu", "gv", "or", "ne"};
    bool second_level = false;
    for (auto l : kSecondLevel) second_level = second_level || label == l;
    if (second_level) {
      host = host.substr(0, dot);
      dot = host.rfind('.');
      label = dot == std::string_view::npos ? host : host.substr(dot + 1);
    }
    host = label;
  }
  return Normalized(host);
}

bool MatchesSite(std::string_view part, std::string_view site, std::string_view host) {
  std::string p = Normalized(part);
  if (p.empty()) return false;
  std::string s = Normalized(site);
  if (!s.empty() && (p == s || (p.size() >= 4 && s.find(p) != std::string::npos) ||
                     (s.size() >= 4 && p.find(s) != std::string::npos))) {
    return true;
  }
  std::string h = HostLabel(host);
  return h.size() >= 3 && p.find(h) != std::string::npos;
}

// A heading that is only the site's name ("Disfunctions.de", "ICON
// Magazine"), not one that mentions it ("Unsere MinusL Joghurts").
bool IsSiteName(std::string_view heading, std::string_view site,
                std::string_view host) {
  std::string p = Normalized(heading);
  if (p.empty()) return false;
  std::string s = Normalized(site);
  std::string h = HostLabel(host);
  if (!s.empty() &&
      (p == s || (p.size() >= 4 && s.find(p) != std::string::npos)))
    return true;
  return h.size() >= 3 && p.compare(0, h.size(), h) == 0 &&
         p.size() <= h.size() + 4;
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

std::optional<ParsedDate> CheckedDate(std::string_view s, int64_t fetch_time) {
  auto d = ParseDate(s);
  if (d && PlausibleDate(*d, fetch_time)) return d;
  return std::nullopt;
}

void SetDate(DateField* f, const ParsedDate& d, const char* source) {
  f->value = d.value;
  f->no_timezone = d.no_timezone;
  f->source = source;
}

bool ClassIdHas(const Dom& dom, uint32_t i, std::initializer_list<std::string_view> words) {
  auto check = [&](std::string_view tok) {
    for (auto w : words) {
      if (tok.size() >= w.size() && tok.compare(0, w.size(), w) == 0) return true;
    }
    return false;
  };
  return ForEachWordToken(dom.Attr(i, "class"), check) ||
         ForEachWordToken(dom.Attr(i, "id"), check);
}

// Fraction of the words of `a` (ASCII-lower-cased, split at spaces and
// ASCII punctuation) that occur in `b`.
double WordOverlap(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> w;
    std::string cur;
    for (char c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
        cur += c;
      } else if (c >= 'A' && c <= 'Z') {
        cur += char(c + 32);
      } else if (!cur.empty()) {
        w.push_back(std::move(cur));
        cur.clear();
      }
    }
    if (!cur.empty()) w.push_back(std::move(cur));
    return w;
  };
  std::vector<std::string> wa = words(a), wb = words(b);
  if (wa.empty()) return 0;
  size_t hit = 0;
  for (const auto& x : wa) hit += std::find(wb.begin(), wb.end(), x) != wb.end();
  return static_cast<double>(hit) / static_cast<double>(wa.size());
}

// Inside header/nav/footer/aside or a logo/brand/masthead element.
bool InPageChrome(const Dom& dom, uint32_t i) {
  for (uint32_t a = dom.node(i).parent; a != Dom::kNone && a != Dom::root();
       a = dom.node(a).parent) {
    Tag t = dom.node(a).tag;
    // <body> classes describe the whole page ("wp-custom-logo"), not chrome.
    if (t == Tag::kBody || t == Tag::kHtml) return false;
    if (t == Tag::kNav || t == Tag::kFooter || t == Tag::kAside) return true;
    if (t == Tag::kArticle || t == Tag::kMain) return false;
    if (t == Tag::kHeader && dom.node(a).parent != Dom::kNone &&
        dom.node(dom.node(a).parent).tag == Tag::kBody) {
      return true;  // the page header, not an article header
    }
    if (dom.node(a).attr_count > 0 && ClassIdHas(dom, a, {"logo", "brand", "masthead", "site-title", "sitetitle"})) {
      return true;
    }
  }
  return false;
}

// Inside content that is not the article's: reader comments, sidebars,
// lists of related articles, or nav/aside/footer. A <time> there
// dates a comment or another story.
bool InOtherContent(const Dom& dom, uint32_t i) {
  for (uint32_t a = dom.node(i).parent; a != Dom::kNone && a != Dom::root();
       a = dom.node(a).parent) {
    Tag t = dom.node(a).tag;
    if (t == Tag::kBody || t == Tag::kHtml) return false;
    if (t == Tag::kNav || t == Tag::kFooter || t == Tag::kAside) return true;
    if (dom.node(a).attr_count > 0 &&
        ClassIdHas(dom, a,
                   {"comment", "kommentar", "disqus", "sidebar", "related",
                    "recommend"})) {
      return true;
    }
  }
  return false;
}

std::string SubtreeText(const Dom& dom, uint32_t i) {
  std::string raw;
  dom.AppendSubtreeText(i, &raw);
  return CollapseWhitespace(raw);
}

// Parts of a heading that are not the headline: a kicker / roofline above it
// ("Nach Corona-Lockerungen"), a subtitle in <small>, a category label, and
// text hidden from sight (screen-reader separators, "| Site" suffixes).
bool NotHeadlinePart(const Dom& dom, uint32_t i) {
  const Dom::Node& n = dom.node(i);
  if (n.tag == Tag::kSmall || n.tag == Tag::kTime || n.tag == Tag::kScript ||
      n.tag == Tag::kStyle) {
    return true;
  }
  if (n.attr_count == 0) return false;
  if (dom.Attr(i, "aria-hidden") == "true" || dom.HasAttr(i, "hidden"))
    return true;
  std::string cls = AsciiLower(dom.Attr(i, "class"));
  static constexpr std::string_view kParts[] = {
      "kicker",      "dachzeile",     "overline",        "roofline",
      "topline",     "eyebrow",       "spitzmarke",      "subtitle",
      "subheadline", "invisible",     "visually-hidden", "visuallyhidden",
      "sr-only",     "screen-reader", "hiddendash",      "sub-heading",
      "subheading",  "small"};
  for (auto w : kParts) {
    if (cls.find(w) != std::string::npos) return true;
  }
  return ForEachWordToken(
      cls, [](std::string_view t) { return t == "label" || t == "badge"; });
}

// The visible headline text of a heading element, without NotHeadlinePart
// subtrees; whitespace-collapsed.
std::string HeadlineText(const Dom& dom, uint32_t h) {
  std::string raw;
  const uint32_t end = dom.node(h).end;
  for (uint32_t k = h + 1; k < end;) {
    const Dom::Node& n = dom.node(k);
    if (n.tag == Tag::kText) {
      raw += dom.Text(k);
      ++k;
    } else if (n.tag == Tag::kOther &&
               (dom.Name(k) == "rt" || dom.Name(k) == "rp")) {
      k = n.end;  // a ruby reading, inside a word: no space
    } else if (NotHeadlinePart(dom, k)) {
      // A hidden separator (": ", " – ") between a kicker and the headline
      // marks everything before it as the kicker.
      std::string sep;
      dom.AppendSubtreeText(k, &sep);
      std::string_view v = TrimAscii(sep);
      if (!v.empty() && v.size() <= 3 && !TrimAscii(raw).empty() &&
          (v == ":" || v == "-" || v == "|" || v == "\u2013" ||
           v == "\u2014")) {
        raw.clear();
      }
      raw += ' ';
      k = n.end;
    } else {
      if (n.tag == Tag::kBr) raw += ' ';
      ++k;
    }
  }
  return CollapseWhitespace(raw);
}

// A heading that is the site's logo: most of its text is a link to the
// site's home page ("/", or a URL whose path is empty or "/").
bool IsHomeLinkHeading(const Dom& dom, uint32_t h, size_t text_size) {
  for (uint32_t k = h + 1; k < dom.node(h).end; ++k) {
    if (dom.node(k).tag != Tag::kA) continue;
    std::string_view href = TrimAscii(dom.Attr(k, "href"));
    size_t scheme = href.find("://");
    if (scheme != std::string_view::npos) {
      size_t slash = href.find('/', scheme + 3);
      href = slash == std::string_view::npos ? std::string_view("/")
                                             : href.substr(slash);
    }
    if (href != "/" && href != "./" && href != "../" && href != "index.html")
      continue;
    std::string t;
    dom.AppendSubtreeText(k, &t);
    return CollapseWhitespace(t).size() * 5 >= text_size * 4;
  }
  return false;
}

// Adds the tags of one field to *tags: split on commas when `split` (a
// keyword list in one string), trimmed, whitespace-collapsed; empty, overlong
// and repeated (case-insensitively) ones are dropped.
void AddTags(std::string_view field, bool split,
             std::vector<std::string>* tags) {
  constexpr size_t kMaxTagBytes = 80;
  while (!field.empty() && tags->size() < kMaxTags) {
    size_t comma = split ? field.find(',') : std::string_view::npos;
    std::string t = CollapseWhitespace(field.substr(0, comma));
    field = comma == std::string_view::npos ? std::string_view()
                                            : field.substr(comma + 1);
    if (t.empty() || t.size() > kMaxTagBytes) continue;
    bool dup = false;
    for (const auto& x : *tags) dup = dup || EqualsIgnoreCaseAscii(x, t);
    if (!dup) tags->push_back(std::move(t));
  }
}

}  // namespace

std::string PrimaryLanguage(std::string_view tag) {
  tag = TrimAscii(tag);
  size_t n = 0;
  while (n < tag.size() && ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z'))) {
    ++n;
  }
  if (n < 2 || n > 3) return "";
  if (n < tag.size() && tag[n] != '-' && tag[n] != '_' && tag[n] != ',' && tag[n] != ' ' &&
      tag[n] != ';') {
    return "";
  }
  return AsciiLower(tag.substr(0, n));
}

std::string StripSiteFromTitle(std::string_view title, std::string_view site,
                               std::string_view host) {
  std::string t = CollapseWhitespace(title);
  static constexpr std::string_view kSeps[] = {" | ", " :: ", " — ", " – ",
                                               " - ", " · ",  " » ", " // ",
                                               " ~ ", " • ",  " : "};
  // The rightmost separator of any kind splits off a suffix ("A | B - Site"
  // ends in " - Site"), the leftmost a prefix.
  auto strong = [](std::string_view sep) {
    return sep == " | " || sep == " :: " || sep == " — " || sep == " · " ||
           sep == " » " || sep == " // " || sep == " • ";
  };
  // Parts that are the site's furniture, not the headline ("Site » Blog
  // Archive » Headline").
  auto furniture = [](std::string_view part) {
    std::string p = Normalized(part);
    return p == "blogarchiv" || p == "blogarchive" || p == "archiv" ||
           p == "archive" || p == "startseite" || p == "home" ||
           p == "homepage" || p == "blog";
  };
  auto site_suffix = [&](std::string_view part) {
    return furniture(part) || MatchesSite(part, site, host);
  };
  // A prefix must be the site's name itself: a headline often mentions the
  // site's subject ("Skibergsteigen: ..." on bergsteigen.com).
  auto site_prefix = [&](std::string_view part) {
    return furniture(part) || IsSiteName(part, site, host) ||
           (CountWords(part) <= 4 && part.find(':') == std::string_view::npos &&
            MatchesSite(part, site, host));
  };
  bool first_suffix = true;
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    size_t last = std::string::npos, first = std::string::npos;
    std::string_view last_sep, first_sep;
    for (auto sep : kSeps) {
      size_t l = t.rfind(sep);
      if (l != std::string::npos && l > 0 &&
          (last == std::string::npos || l > last)) {
        last = l;
        last_sep = sep;
      }
      size_t f = t.find(sep);
      if (f != std::string::npos && f > 0 &&
          (first == std::string::npos || f < first)) {
        first = f;
        first_sep = sep;
      }
    }
    // A site prefix goes first: after "Site » ", the headline is at the end.
    if (first != std::string::npos) {
      std::string_view head(t.data(), first);
      std::string_view tail(t.data() + first + first_sep.size(),
                            t.size() - first - first_sep.size());
      if (site_prefix(head) && CountWords(tail) >= 2) {
        t = std::string(TrimAscii(tail));
        continue;
      }
    }
    if (last != std::string::npos) {
      std::string_view head(t.data(), last);
      std::string_view tail(t.data() + last + last_sep.size(),
                            t.size() - last - last_sep.size());
      // Without a site name to recognise, only the first suffix looked at
      // may be guessed from its shape (short, after a strong separator).
      const bool guess = first_suffix;
      first_suffix = false;
      if (site_suffix(tail) ||
          (guess && strong(last_sep) && CountWords(tail) <= 4 &&
           tail.size() < head.size()) ||
          (guess && CountWords(tail) <= 2 && CountWords(head) >= 4 &&
           tail.size() * 3 < head.size())) {
        t = std::string(TrimAscii(head));
        changed = true;
      }
    }
    if (!changed) break;
  }
  return t;
}

void CleanAuthors(std::string_view raw, std::string_view site, std::vector<std::string>* names) {
  std::string s = CollapseWhitespace(raw);
  // Cut trailing noise: dates, separators, e-mail prompts.
  static constexpr std::string_view kCut[] = {" | ",
                                              "Email the author",
                                              "E-Mail",
                                              " - ",
                                              " — ",
                                              " – ",
                                              "\n",
                                              "(",
                                              " am ",
                                              " on ",
                                              " Updated",
                                              " Published",
                                              " Aktualisiert",
                                              " said",
                                              " says",
                                              " sagt",
                                              " schreibt",
                                              " wrote"};
  for (auto c : kCut) {
    size_t p = s.find(c);
    if (p != std::string::npos) s.resize(p);
  }
  static constexpr std::string_view kPrefix[] = {"By ",
                                                 "by ",
                                                 "BY ",
                                                 "Von ",
                                                 "von ",
                                                 "VON ",
                                                 "Par ",
                                                 "par ",
                                                 "Por ",
                                                 "por ",
                                                 "Written by ",
                                                 "Autor: ",
                                                 "Autorin: ",
                                                 "Author: ",
                                                 "Text: ",
                                                 "Autor ",
                                                 "Autorin ",
                                                 "Author ",
                                                 "Von: ",
                                                 "By: ",
                                                 "vom ",
                                                 "Post author ",
                                                 "Posted by ",
                                                 "Veröffentlicht von ",
                                                 "Geschrieben von "};
  // Labels run into the name without a space ("AuthorAndreas Kalt",
  // "Veröffentlicht vonChris Jung").
  static constexpr std::string_view kGlued[] = {
      "Author", "Autor", "Veröffentlicht von", "By", "Von"};
  // Not names: form labels and placeholders.
  static constexpr std::string_view kNotNames[] = {
      "name",  "name *",        "no author",    "posted",
      "admin", "administrator", "publiziert am"};
  // Split on separators.
  std::vector<std::string> parts;
  std::string cur;
  size_t i = 0;
  while (i <= s.size()) {
    static constexpr std::string_view kSplit[] = {" and ", " und ", " & ", ", ", ",", " et ",
                                                  " y ", "; ", " i "};
    bool split = i == s.size();
    size_t skip = 0;
    for (auto sp : kSplit) {
      if (!split && s.compare(i, sp.size(), sp) == 0) {
        split = true;
        skip = sp.size();
        break;
      }
    }
    if (split) {
      parts.push_back(cur);
      cur.clear();
      i += skip == 0 ? 1 : skip;
    } else {
      cur += s[i++];
    }
  }
  for (std::string& p : parts) {
    std::string_view v = TrimAscii(p);
    bool again = true;
    while (again) {
      again = false;
      for (auto pre : kPrefix) {
        if (v.size() > pre.size() && v.substr(0, pre.size()) == pre) {
          v = TrimAscii(v.substr(pre.size()));
          again = true;
        }
      }
    }
    for (auto g : kGlued) {
      if (v.size() > g.size() + 1 && v.substr(0, g.size()) == g &&
          v[g.size()] >= 'A' && v[g.size()] <= 'Z') {
        v = v.substr(g.size());
        break;
      }
    }
    while (!v.empty() && (v.back() == '.' || v.back() == ':' || v.back() == '|')) {
      v.remove_suffix(1);
    }
    v = TrimAscii(v);
    bool placeholder = false;
    for (auto no : kNotNames)
      placeholder = placeholder || EqualsIgnoreCaseAscii(v, no);
    if (placeholder) continue;
    if (v.size() < 3 || v.size() > 60 || LooksLikeUrl(v) || v.find('@') != std::string_view::npos ||
        v.find_first_of("0123456789") != std::string_view::npos) {
      continue;
    }
    if (!site.empty() && Normalized(v) == Normalized(site)) continue;
    if (CountWords(v) > 5) continue;
    bool dup = false;
    for (const auto& n : *names) dup = dup || EqualsIgnoreCaseAscii(n, v);
    if (!dup) names->emplace_back(v);
  }
}

struct MetadataExtractor::Impl {
  simdjson::dom::parser json;
  std::vector<std::pair<std::string, std::string>> meta;  // lower key -> content
};

MetadataExtractor::MetadataExtractor() : impl_(std::make_unique<Impl>()) {}
MetadataExtractor::~MetadataExtractor() = default;

void MetadataExtractor::Extract(const Dom& dom, std::string_view url, int64_t fetch_time,
                                PageMetadata* out) {
  *out = PageMetadata{};
  auto& meta = impl_->meta;
  meta.clear();
  JsonLd ld;
  std::string logo_text;  // a heading linking to the home page: the site's name
  std::vector<std::string> rel_tags;  // texts of <a rel=tag>
  std::string title_tag, html_lang, canonical_link, rel_author_text;
  std::vector<std::string> h1s, h2s;
  uint32_t first_h1 = Dom::kNone;
  std::vector<std::string> item_authors, byline_texts;
  std::optional<ParsedDate> item_published, item_modified, time_published;
  bool in_head_title_done = false;

  for (uint32_t i = 1; i < dom.size(); ++i) {
    const Dom::Node& n = dom.node(i);
    switch (n.tag) {
      case Tag::kHtml:
        if (html_lang.empty()) html_lang = std::string(dom.Attr(i, "lang"));
        if (html_lang.empty()) html_lang = std::string(dom.Attr(i, "xml:lang"));
        break;
      case Tag::kMeta: {
        std::string_view key = dom.Attr(i, "property");
        if (key.empty()) key = dom.Attr(i, "name");
        if (key.empty()) key = dom.Attr(i, "itemprop");
        if (key.empty()) key = dom.Attr(i, "http-equiv");
        std::string_view content = dom.Attr(i, "content");
        if (!key.empty() && !TrimAscii(content).empty() && meta.size() < 512) {
          meta.emplace_back(AsciiLower(TrimAscii(key)), std::string(TrimAscii(content)));
        }
        break;
      }
      case Tag::kLink: {
        std::string rel = AsciiLower(dom.Attr(i, "rel"));
        if (rel == "canonical" && canonical_link.empty()) {
          canonical_link = std::string(TrimAscii(dom.Attr(i, "href")));
        }
        break;
      }
      case Tag::kTitle:
        if (!in_head_title_done) {
          title_tag = SubtreeText(dom, i);
          in_head_title_done = !title_tag.empty();
        }
        break;
      case Tag::kH2:
        if (h2s.size() < 4 && !InPageChrome(dom, i)) {
          std::string h = HeadlineText(dom, i);
          if (!h.empty() && !IsHomeLinkHeading(dom, i, h.size()))
            h2s.push_back(std::move(h));
        }
        break;
      case Tag::kH1:
        // A heading that is itself the logo or hidden is no headline.
        if (h1s.size() < 4 && !InPageChrome(dom, i) &&
            !(n.attr_count > 0 && (ClassIdHas(dom, i, {"logo", "brand"}) ||
                                   NotHeadlinePart(dom, i)))) {
          std::string h = HeadlineText(dom, i);
          if (!h.empty() && IsHomeLinkHeading(dom, i, h.size())) {
            if (logo_text.empty()) logo_text = h;
          } else if (!h.empty()) {
            if (h1s.empty()) first_h1 = i;
            h1s.push_back(std::move(h));
          }
        }
        break;
      case Tag::kScript: {
        if (!EqualsIgnoreCaseAscii(dom.Attr(i, "type"), "application/ld+json")) break;
        std::string text;
        dom.AppendSubtreeText(i, &text);
        element root;
        if (impl_->json.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS) {
          ScanJsonLd(root, &ld);
        }
        break;
      }
      default:
        break;
    }
    if (n.tag == Tag::kText || n.attr_count == 0) continue;
    // Microdata and byline/date elements.
    std::string_view itemprop = dom.Attr(i, "itemprop");
    if (!itemprop.empty()) {
      auto value = [&]() -> std::string {
        std::string_view v = dom.Attr(i, "content");
        if (v.empty()) v = dom.Attr(i, "datetime");
        if (!v.empty()) return std::string(v);
        return SubtreeText(dom, i);
      };
      if (itemprop == "datePublished" && !item_published) {
        item_published = CheckedDate(value(), fetch_time);
      } else if (itemprop == "dateModified" && !item_modified) {
        item_modified = CheckedDate(value(), fetch_time);
      } else if (itemprop == "author" && item_authors.size() < 5 &&
                 n.tag != Tag::kMeta && n.tag != Tag::kLink &&
                 !InOtherContent(dom, i)) {
        item_authors.push_back(SubtreeText(dom, i));
      }
    }
    if (n.tag == Tag::kTime && !time_published) {
      std::string_view dt = dom.Attr(i, "datetime");
      if (!dt.empty() && !ClassIdHas(dom, i, {"updat", "modif"}) &&
          !InOtherContent(dom, i)) {
        time_published = CheckedDate(dt, fetch_time);
      }
    }
    if (n.tag == Tag::kA && rel_tags.size() < kMaxTags &&
        ForEachWordToken(dom.Attr(i, "rel"),
                         [](std::string_view t) { return t == "tag"; })) {
      rel_tags.push_back(SubtreeText(dom, i));
    }
    if (n.tag == Tag::kA && rel_author_text.empty() &&
        AsciiLower(dom.Attr(i, "rel")).find("author") != std::string::npos) {
      rel_author_text = SubtreeText(dom, i);
    }
    if (n.tag != Tag::kBody && n.tag != Tag::kHtml && n.tag != Tag::kArticle &&
        n.end - i < 40) {
      if (byline_texts.size() < 3 && ClassIdHas(dom, i, {"byline", "author", "autor", "verfasser"}) &&
          !ClassIdHas(dom, i, {"authorbio", "bio", "avatar", "description"})) {
        std::string t = SubtreeText(dom, i);
        if (!t.empty() && t.size() < 120) byline_texts.push_back(std::move(t));
      }
      if (out->date_texts.size() < 8 &&
          ClassIdHas(dom, i,
                     {"date", "time", "datum", "publish", "posted", "meta",
                      "byline", "dateline", "zeit", "fecha"}) &&
          !InOtherContent(dom, i)) {
        std::string t = SubtreeText(dom, i);
        if (!t.empty() && t.size() < 200) out->date_texts.push_back(std::move(t));
      }
    }
  }

  auto first_meta = [&](std::initializer_list<std::string_view> keys) -> std::string_view {
    for (auto k : keys) {
      for (const auto& [mk, mv] : meta) {
        if (mk == k) return mv;
      }
    }
    return {};
  };

  std::string host = UrlHost(url);
  // Canonical URL.
  std::string canonical = canonical_link;
  if (canonical.empty()) canonical = std::string(first_meta({"og:url"}));
  if (!canonical.empty()) canonical = ResolveUrl(url, canonical);
  if (UrlHost(canonical).empty()) canonical.clear();
  out->canonical_url = canonical;
  if (host.empty()) host = UrlHost(canonical);

  // Site.
  out->site = CollapseWhitespace(first_meta({"og:site_name", "application-name"}));
  // A "site name" of many words is a page title put in og:site_name
  // ("Cup-Vorschau: ... - Handball Schweiz"): its last part is the site.
  if (CountWords(out->site) > 6) {
    std::string_view v(out->site);
    size_t cut = std::string_view::npos;
    for (std::string_view sep : {" - ", " | ", " \u2013 ", " \u2014 "}) {
      size_t p = v.rfind(sep);
      if (p != std::string_view::npos &&
          (cut == std::string_view::npos || p > cut)) {
        cut = p + sep.size();
      }
    }
    std::string tail = cut == std::string_view::npos
                           ? ""
                           : std::string(TrimAscii(v.substr(cut)));
    out->site = CountWords(tail) <= 4 ? tail : "";
  }
  if (out->site.empty()) out->site = CollapseWhitespace(ld.publisher);
  if (out->site.empty() && !host.empty()) {
    out->site = StartsWithIgnoreCaseAscii(host, "www.") ? host.substr(4) : host;
  }

  // Title.
  std::string og_title = CollapseWhitespace(first_meta({"og:title", "twitter:title"}));
  std::string clean_tag = StripSiteFromTitle(
      logo_text.empty() ? title_tag
                        : StripSiteFromTitle(title_tag, logo_text, host),
      out->site, host);
  std::string h1_match;
  for (const auto& h : h1s) {
    if (!h.empty() && title_tag.find(h) != std::string::npos) {
      h1_match = h;
      break;
    }
  }
  // The page's own headline: the first <h1> outside the page chrome, when
  // it is not the site's name. It is what readers see; og:title and <title>
  // are often rewritten for search and social sites.
  // A heading that shares no words with <title> / og:title is taken only
  // when there is nothing to compare with; else an <h2> that does agree
  // (blogs put the site name in <h1>) is preferred.
  std::string h1_headline;
  const std::string& ref = og_title.empty() ? title_tag : og_title;
  // When neither og:title nor <title> is longer than two words (a section or
  // site name: "About Us - Shabka", "Gefahrstoff-Service"), they cannot be
  // the headline and need not agree with it.
  const std::string og_clean_ref =
      StripSiteFromTitle(og_title, out->site, host);
  // (A <title> that is only the site's name marks a home page: there the
  // headings are sections and the site is the title.)
  const bool declared_short = CountWords(og_clean_ref) <= 2 &&
                              CountWords(clean_tag) <= 2 &&
                              !IsSiteName(clean_tag, out->site, host);
  auto usable = [&](const std::string& h) {
    if (h.size() > 300 || IsSiteName(h, out->site, host)) return false;
    // Scripts without spaces (Chinese, Japanese): a long run is a sentence.
    constexpr size_t kLongUnspaced = 18;  // bytes: six CJK characters
    const bool unspaced =
        h.size() >= kLongUnspaced && static_cast<unsigned char>(h[0]) >= 0xE0;
    if (CountWords(h) >= 2 || unspaced) return true;
    // One word is a headline only when the declared titles are short too,
    // or begin with it and it is a long compound ("Mandarinen-Schmand-Kuchen
    // von jesusfreak | Chefkoch").
    constexpr size_t kLongWord = 12;
    // ... as the first word of a phrase, not as a segment of its own
    // ("Fachmeldungen - Verkündung des ...").
    auto begins = [&](const std::string& t) {
      return h.size() >= kLongWord && t.size() > h.size() + 1 &&
             t.compare(0, h.size(), h) == 0 && t[h.size()] == ' ' &&
             std::isalnum(static_cast<unsigned char>(t[h.size() + 1]));
    };
    // A declared title that contains the word says more ("Enchufla Figuren").
    constexpr size_t kMinWord = 8;
    const bool contained = og_clean_ref.find(h) != std::string::npos ||
                           clean_tag.find(h) != std::string::npos;
    return (declared_short && h.size() >= kMinWord && !contained) ||
           begins(og_clean_ref) || begins(clean_tag);
  };
  // Agreement with the declared titles: the share of the heading's words in
  // og:title or <title>, or of theirs in the heading (a long headline under
  // a short social title).
  // <title> is consulted when og:title is missing or only a section name
  // ("Pressemitteilungen").
  const bool og_is_section =
      CountWords(StripSiteFromTitle(og_title, out->site, host)) <= 2;
  auto agrees = [&](const std::string& h) {
    if (ref.empty() || declared_short) return true;
    for (const std::string* t : {&og_title, &title_tag}) {
      if (t->empty() || (t == &title_tag && !og_is_section)) continue;
      // Words shared only with a "| Site" suffix are no agreement.
      std::string clean = StripSiteFromTitle(*t, out->site, host);
      if (WordOverlap(h, clean) >= 0.2) return true;
      if (CountWords(clean) >= 3 && CountWords(h) > CountWords(clean) &&
          WordOverlap(clean, h) >= 0.4) {
        return true;
      }
    }
    return false;
  };
  for (const auto& h : h1s) {
    if (usable(h) && agrees(h)) {
      h1_headline = h;
      break;
    }
  }
  if (h1_headline.empty() && !ref.empty()) {
    for (const auto& h : h2s) {
      if (usable(h) && WordOverlap(h, ref) >= 0.8) {
        h1_headline = h;
        break;
      }
    }
  }
  if (!h1_headline.empty()) {
    out->title = h1_headline;
    // A headline with a kicker run into it ("Interne Unterlagen im Netz Daten
    // von X gehackt", "Klimaschutz: Bohren, bis ..."): when the declared title
    // is exactly the heading's tail, the head is the kicker.
    std::string og_clean = StripSiteFromTitle(og_title, out->site, host);
    std::string ld_headline = CollapseWhitespace(ld.headline);
    for (const std::string* c : {&og_clean, &ld_headline, &clean_tag}) {
      const std::string& t = *c;
      if (CountWords(t) < 3 || t.size() + 3 > h1_headline.size()) continue;
      if (h1_headline.compare(h1_headline.size() - t.size(), t.size(), t) != 0) continue;
      // Not a kicker: a head the heading itself joins to the rest with a
      // dash ("Title – Subtitle"), or the site's name.
      std::string_view head =
          TrimAscii(std::string_view(h1_headline)
                        .substr(0, h1_headline.size() - t.size()));
      if (head.ends_with("-") || head.ends_with("\u2013") ||
          head.ends_with("\u2014") || MatchesSite(head, out->site, host)) {
        continue;
      }
      out->title = t;  // also "Einheit der WocheLagen-...": a kicker <span> run in
      break;
    }
  } else if (!og_title.empty()) {
    out->title = StripSiteFromTitle(og_title, out->site, host);
  } else if (!ld.headline.empty()) {
    out->title = CollapseWhitespace(ld.headline);
  } else if (!h1_match.empty()) {
    out->title = h1_match;
  } else if (!clean_tag.empty()) {
    out->title = clean_tag;
  } else if (!h1s.empty()) {
    out->title = h1s[0];
  }

  RemoveSoftHyphens(&out->title);

  // Description, image, language.
  out->description =
      CollapseWhitespace(first_meta({"description", "og:description", "twitter:description"}));
  std::string_view image =
      first_meta({"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                  "twitter:image:src"});
  if (image.empty()) image = ld.image;
  if (!TrimAscii(image).empty()) {
    out->image = ResolveUrl(canonical.empty() ? url : std::string_view(canonical), image);
  }
  std::string lang = PrimaryLanguage(html_lang);
  if (lang.empty()) lang = PrimaryLanguage(first_meta({"content-language", "language", "dc.language"}));
  if (lang.empty()) lang = PrimaryLanguage(ld.lang);
  if (lang.empty()) lang = PrimaryLanguage(first_meta({"og:locale"}));
  out->lang = lang;

  // Dates.
  if (auto d = CheckedDate(ld.date_published, fetch_time)) {
    SetDate(&out->published, *d, "jsonld");
  } else if (auto m = CheckedDate(
                 first_meta({"article:published_time", "og:article:published_time",
                             "article.published", "pubdate", "publishdate", "publish-date",
                             "publish_date", "date", "dc.date.issued", "dcterms.issued",
                             "dc.date", "dcterms.date", "dc.date.created", "sailthru.date",
                             "parsely-pub-date", "datepublished", "publication_date",
                             "article:published", "og:published_time", "cxenseparse:recs:publishtime"}),
                 fetch_time)) {
    SetDate(&out->published, *m, "meta");
  } else if (item_published) {
    SetDate(&out->published, *item_published, "time");
  } else if (time_published) {
    SetDate(&out->published, *time_published, "time");
  } else if (auto u = DateFromUrl(url); u && PlausibleDate(*u, fetch_time)) {
    SetDate(&out->published, *u, "url");
  } else if (auto cu = DateFromUrl(canonical); cu && PlausibleDate(*cu, fetch_time)) {
    SetDate(&out->published, *cu, "url");
  }
  if (auto d = CheckedDate(ld.date_modified, fetch_time)) {
    SetDate(&out->modified, *d, "jsonld");
  } else if (auto m = CheckedDate(first_meta({"article:modified_time", "og:updated_time",
                                              "article:updated_time", "datemodified",
                                              "dc.date.modified", "dcterms.modified",
                                              "last-modified", "lastmod"}),
                                  fetch_time)) {
    SetDate(&out->modified, *m, "meta");
  } else if (item_modified) {
    SetDate(&out->modified, *item_modified, "time");
  }

  // Authors.
  for (const auto& a : ld.authors) CleanAuthors(a, out->site, &out->authors);
  if (out->authors.empty()) {
    for (auto k : {"author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
                   "byl"}) {
      std::string_view v = first_meta({k});
      if (!v.empty() && !LooksLikeUrl(v)) CleanAuthors(v, out->site, &out->authors);
      if (!out->authors.empty()) break;
    }
  }
  if (out->authors.empty()) {
    for (const auto& a : item_authors) CleanAuthors(a, out->site, &out->authors);
  }
  if (out->authors.empty() && !rel_author_text.empty()) {
    CleanAuthors(rel_author_text, out->site, &out->authors);
  }
  if (out->authors.empty()) {
    for (const auto& b : byline_texts) {
      CleanAuthors(b, out->site, &out->authors);
      if (!out->authors.empty()) break;
    }
  }
  if (out->authors.size() > 8) out->authors.resize(8);

  // Section and tags.
  out->section =
      CollapseWhitespace(first_meta({"article:section", "og:article:section"}));
  if (out->section.empty()) out->section = CollapseWhitespace(ld.section);
  for (const auto& [mk, mv] : meta) {
    if (mk == "article:tag" || mk == "og:article:tag")
      AddTags(mv, false, &out->tags);
  }
  for (const auto& k : ld.keywords) AddTags(k, true, &out->tags);
  AddTags(first_meta({"news_keywords"}), true, &out->tags);
  for (const auto& t : rel_tags) AddTags(t, false, &out->tags);

  out->article_body = std::move(ld.body);

  // Visible text around the headline, where datelines sit ("Mise en ligne
  // 23 mai 2019", "dpa am 25.01.2022").
  if (first_h1 != Dom::kNone) {
    auto visible = [&](uint32_t k) {
      const Dom::Node& t = dom.node(k);
      if (t.tag != Tag::kText) return false;
      Tag p = dom.node(t.parent).tag;
      return p != Tag::kScript && p != Tag::kStyle && p != Tag::kTitle && p != Tag::kNoscript;
    };
    constexpr size_t kAround = 1500;  // bytes of text kept on each side
    std::string& after = out->headline_after;
    // Of a long text node (prose) only its start is kept: a dateline opens
    // a paragraph ("BERLIN, 12. März (dpa) -"), while a date in the middle
    // of a sentence is an event ("wurde am 18. Oktober eröffnet").
    constexpr size_t kProse = 150, kProseStart = 50;
    for (uint32_t k = dom.node(first_h1).end; k < dom.size() && after.size() < kAround; ++k) {
      if (!visible(k)) continue;
      std::string_view text = TrimAscii(dom.Text(k));
      if (text.size() > kProse) {
        size_t cut = kProseStart;
        while (cut > 0 &&
               (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
          --cut;
        text = text.substr(0, cut);
      }
      after += text;
      after += " \n ";
    }
    std::vector<uint32_t> before;
    size_t bytes = 0;
    for (uint32_t k = first_h1; k-- > 1 && bytes < kAround;) {
      if (!visible(k)) continue;
      before.push_back(k);
      bytes += dom.Text(k).size();
    }
    for (size_t b = before.size(); b-- > 0;) {
      out->headline_before += dom.Text(before[b]);
      out->headline_before += ' ';
    }
  }
}

}  // namespace wirewatch::html
