#include "html/main_text.h"

#include <algorithm>
#include <cassert>

#include "base/hash.h"
#include "base/utf8.h"
#include "html/dates.h"
#include "html/strings.h"
#include "html/url.h"

namespace wirewatch::html {
namespace {

constexpr uint8_t kNever = 1;        // never content (script, svg, hidden, ...)
constexpr uint8_t kBoilerplate = 2;  // structural or class/id boilerplate
constexpr uint8_t kScored = 4;       // score_ initialised
constexpr uint8_t kMostProse = 8;    // holds half of the page's prose

// What an emitted paragraph was (MainTextExtractor::para_kind_ bits).
constexpr uint8_t kListItem = 1;     // a list item without links
constexpr uint8_t kHeading = 2;      // h1-h6 text
constexpr uint8_t kMostlyLinks = 4;  // at least 70 % link text

bool NeverContent(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase:
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kIframe: case Tag::kSvg: case Tag::kMath: case Tag::kSelect: case Tag::kOption:
    case Tag::kInput: case Tag::kTextarea: case Tag::kButton: case Tag::kObject:
    case Tag::kEmbed: case Tag::kCanvas: case Tag::kVideo: case Tag::kAudio: case Tag::kDialog:
      return true;
    default:
      return false;
  }
}

bool StructuralBoilerplate(Tag t) {
  return t == Tag::kNav || t == Tag::kAside || t == Tag::kHeader || t == Tag::kFooter ||
         t == Tag::kForm || t == Tag::kMenu;
}

bool IsBlock(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4:
    case Tag::kH5: case Tag::kH6: case Tag::kHgroup: case Tag::kLi: case Tag::kUl: case Tag::kOl:
    case Tag::kDl: case Tag::kDt: case Tag::kDd: case Tag::kBlockquote: case Tag::kPre:
    case Tag::kTable: case Tag::kTr: case Tag::kCaption: case Tag::kThead: case Tag::kTbody:
    case Tag::kTfoot: case Tag::kSection: case Tag::kArticle: case Tag::kMain:
    case Tag::kFigure: case Tag::kFigcaption: case Tag::kHeader: case Tag::kFooter:
    case Tag::kAddress: case Tag::kCenter: case Tag::kDetails: case Tag::kSummary:
    case Tag::kForm: case Tag::kNav: case Tag::kAside: case Tag::kBody: case Tag::kHr:
      return true;
    default:
      return false;
  }
}

bool NegativeToken(std::string_view t) {
  // An opinion piece, not a comment section.
  if (t == "commentary" || t == "commentaries") return false;
  static constexpr std::string_view kExact[] = {"ad", "ads", "nav", "tags", "tag", "meta",
                                                "foot", "print", "skip", "share",
                                                "byline", "author", "date", "rating", "login",
                                                "search", "top", "aside", "teaser", "teasers",
                                                "noprint", "dropdown", "overlay", "links",
                                                "categories", "tagcloud", "shoutbox", "legend"};
  static constexpr std::string_view kPrefix[] = {
      "comment", "footer", "sidebar", "sharing", "social", "related", "promo", "advert",
      "cookie", "banner", "newsletter", "breadcrumb", "pagination", "pager", "widget",
      "subscribe", "popup", "sponsor", "recommend", "outbrain", "taboola", "disqus",
      "navigation", "navbar", "menu", "masthead", "toolbar", "signup", "consent", "gdpr",
      "shariff", "socialshare", "kommentar", "werbung", "anzeige", "impressum", "copyright",
      "modal", "lightbox", "slider", "carousel", "header", "postmeta", "entrymeta", "metadata",
      "authorbio", "abonn", "cta", "caption", "credit", "bildunterschrift", "bildnachweis",
      "bildquelle"};
  for (auto e : kExact) {
    if (t == e) return true;
  }
  for (auto p : kPrefix) {
    if (t.size() >= p.size() && t.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

bool PositiveToken(std::string_view t) {
  static constexpr std::string_view kWords[] = {
      "article", "content", "entry", "post", "story", "body", "text", "main", "blog",
      "artikel", "inhalt", "beitrag", "hentry", "single", "page", "news", "richtext",
      "articlebody", "storybody", "postbody", "entrycontent", "postcontent"};
  for (auto w : kWords) {
    if (t == w) return true;
  }
  return false;
}

// A class name that labels what an article is about or its publishing
// state, as CMSs print on the article element: "tag-<slug>",
// "category-<slug>", "node-promoted", "node--promoted", "is-promoted".
bool TaxonomyClass(std::string_view name) {
  static constexpr std::string_view kPrefix[] = {"tag-", "tags-", "category-", "categories-"};
  for (auto p : kPrefix) {
    if (name.size() > p.size() && StartsWithIgnoreCaseAscii(name, p)) return true;
  }
  const size_t dash = name.rfind('-');
  return dash != std::string_view::npos && dash > 0 &&
         EqualsIgnoreCaseAscii(name.substr(dash + 1), "promoted");
}

// Words that keep their weight inside a BEM modifier: the element shows
// other articles or the comments.
bool ModifierNegativeToken(std::string_view t) {
  static constexpr std::string_view kPrefix[] = {"related", "recommend", "comment", "teaser"};
  for (auto p : kPrefix) {
    if (t.size() >= p.size() && t.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

// Class words that put an element in the page's header or call it a
// teaser: the article's own header and standfirst carry them too.
bool HeaderToken(std::string_view t) {
  return t == "header" || t == "teaser" || t == "teasers" || t == "top" ||
         (t.size() > 6 && t.compare(0, 6, "header") == 0);
}

// A responsive-visibility utility class ("hidden-xs", "visible-lg",
// "hidden-print", "d-md-none"): it hides the element on some screens or on
// paper, not on the page.
bool VisibilityUtilityClass(std::string_view name) {
  static constexpr std::string_view kPrefix[] = {"hidden-", "visible-", "d-"};
  for (auto p : kPrefix) {
    if (name.size() > p.size() && StartsWithIgnoreCaseAscii(name, p)) return true;
  }
  return false;
}

// A class that hides its element: "hidden", "is-hidden", "visually-hidden".
// Not "field-label-hidden" or "overflow-hidden", which hide a part of the
// element or its overflow.
bool HiddenClass(std::string_view name) {
  return EqualsIgnoreCaseAscii(name, "hidden") || EqualsIgnoreCaseAscii(name, "is-hidden") ||
         EqualsIgnoreCaseAscii(name, "visually-hidden") || EqualsIgnoreCaseAscii(name, "hide");
}

// +1 positive, -1 negative, 0 neutral (negative wins over positive).
// With `header_ok`, header and teaser words are not negative.
int ClassWeight(const Dom& dom, uint32_t i, bool header_ok = false) {
  bool neg = false, pos = false;
  auto visit = [&](std::string_view tok) {
    if (NegativeToken(tok) && !(header_ok && HeaderToken(tok))) neg = true;
    if (PositiveToken(tok)) pos = true;
    return false;
  };
  // In a BEM modifier only the words that name another article's place
  // count ("paragraph--type--related-articles", "node--view-mode-teaser").
  auto visit_modifier = [&](std::string_view tok) {
    if (ModifierNegativeToken(tok) && !(header_ok && HeaderToken(tok))) neg = true;
    return false;
  };
  // Class names are read one at a time: a taxonomy or state class that a
  // CMS puts on the article itself ("tag-sport", "category-news",
  // "node-promoted") describes the post, it does not mark boilerplate; nor
  // does a BEM modifier ("TestReport__Section--Ads", "paragraph--type--
  // teaser"): it names a variant of the block before "--".
  std::string_view cls = dom.Attr(i, "class");
  size_t at = 0;
  while (at < cls.size()) {
    size_t e = cls.find_first_of(" \t\n\r\f", at);
    if (e == std::string_view::npos) e = cls.size();
    std::string_view name = cls.substr(at, e - at);
    at = e + 1;
    if (HiddenClass(name)) neg = true;
    if (!name.empty() && !TaxonomyClass(name) && !VisibilityUtilityClass(name)) {
      const size_t mod = name.find("--");
      const bool modifier = mod != std::string_view::npos && mod > 0;
      ForEachWordToken(modifier ? name.substr(0, mod) : name, visit);
      if (modifier) ForEachWordToken(name.substr(mod), visit_modifier);
    }
  }
  ForEachWordToken(dom.Attr(i, "id"), visit);
  std::string_view role = dom.Attr(i, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary" || role == "search" || role == "dialog" || role == "menu") {
    neg = true;
  }
  if (neg) return -1;
  return pos ? 1 : 0;
}

bool Hidden(const Dom& dom, uint32_t i) {
  if (dom.HasAttr(i, "hidden")) return true;
  if (dom.Attr(i, "aria-hidden") == "true") return true;
  std::string_view style = dom.Attr(i, "style");
  if (style.empty()) return false;
  std::string s;
  for (char c : style) {
    if (c != ' ') s += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// Non-whitespace bytes and commas of a text node.
void CountText(std::string_view s, uint32_t* bytes, uint32_t* commas) {
  uint32_t b = 0, c = 0;
  for (char ch : s) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (u > ' ') ++b;
    if (ch == ',') ++c;
  }
  *bytes = b;
  *commas = c;
}

float TagPrior(Tag t) {
  switch (t) {
    case Tag::kDiv: case Tag::kArticle: case Tag::kMain: return 5;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd:
    case Tag::kDt: case Tag::kLi: case Tag::kForm: return -3;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kTh: return -5;
    default: return 0;
  }
}

// ASCII-case-insensitive prefix test.
bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = char(a + 32);
    if (b >= 'A' && b <= 'Z') b = char(b + 32);
    if (a != b) return false;
  }
  return true;
}

// A short block that introduces links to other articles ("Read also: ...",
// "Lesen Sie auch", "À lire aussi"), in the languages we see most.
bool RelatedCue(std::string_view p) {
  if (p.size() > 200) return false;
  static constexpr std::string_view kCues[] = {
      "read more", "read also", "also read", "read next", "related", "see also",
      "more from", "more on this", "you may also like", "you might also like",
      "recommended for you", "further reading", "lesen sie auch", "lesen sie mehr",
      "lesen sie hier", "lies auch", "auch interessant", "mehr zum thema", "mehr themen",
      "weitere artikel", "weitere themen", "weiterlesen", "das könnte sie auch",
      "das könnte dich auch", "das thema könnte", "passend dazu",
      "À lire aussi", "a lire aussi", "lire aussi", "voir aussi", "sur le même sujet",
      "lea también", "lea más", "ver también", "te puede interesar",
      "leia também", "leggi anche", "czytaj też", "czytaj także",
      "zobacz też", "zobacz także", "le puede interesar", "también te puede interesar",
      "te recomendamos", "más noticias", "mehr dazu", "more stories",
      "more news", "most read", "most popular", "meistgelesen", "trending", "vous aimerez aussi",
      "à lire également", "a lire également", "lire également", "potrebbe interessarti",
      "auch lesen", "vea también", "vea tambien", "lea:", "lee también", "mira también",
      "leia mais", "dowiedz się więcej", "czytaj więcej", "przeczytaj też", "przeczytaj także"};
  for (auto c : kCues) {
    if (!StartsWithCi(p, c)) continue;
    // The cue must end a word: "Related" but not "Relatedness ...".
    if (p.size() == c.size()) return true;
    char next = p[c.size()];
    if (next == ' ' || next == ':' || next == '.' || next == '!' || next == '\xe2' ||
        next == '-' || next == '|' || next == '>') {
      return true;
    }
  }
  return false;
}

// A short heading that opens the comments, the author box or the share
// bar at the end of an article: nothing after it is article text.
bool EndCue(std::string_view p) {
  if (p.size() > 60) return false;
  static constexpr std::string_view kCues[] = {
      "kommentare", "kommentar schreiben", "schreibe einen kommentar", "einen kommentar",
      "comments", "leave a comment", "leave a reply", "add a comment", "post a comment",
      "commentaires", "laisser un commentaire", "comentarios", "deja un comentario",
      "komentarze", "dodaj komentarz", "diesen artikel teilen", "artikel teilen",
      "share this", "share this article", "teilen mit", "teile diesen", "ähnliche beiträge",
      "ähnliche artikel", "related posts", "related articles", "similar posts",
      "das könnte sie auch interessieren", "you may also like", "über den autor",
      "über die autorin", "about the author", "tags:", "schlagworte", "schon gelesen?",
      "neueste artikel", "aktuellste beiträge", "notas relacionadas", "quellenangaben"};
  std::string lower = AsciiLower(p);
  // German capitals Ä Ö Ü (C3 84/96/9C) to ä ö ü (C3 A4/B6/BC).
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    if (lower[i] == '\xC3' && (lower[i + 1] == '\x84' || lower[i + 1] == '\x96' ||
                                lower[i + 1] == '\x9C')) {
      lower[i + 1] = static_cast<char>(lower[i + 1] + 0x20);
    }
  }
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
  // "12 Kommentare", "Comments (3)": drop a leading count / trailing count.
  size_t b = 0;
  while (b < lower.size() && ((lower[b] >= '0' && lower[b] <= '9') || lower[b] == ' ')) ++b;
  std::string_view v(lower);
  v.remove_prefix(b);
  size_t paren = v.find(" (");
  if (paren != std::string_view::npos) v = v.substr(0, paren);
  for (auto c : kCues) {
    if (v == c) return true;
  }
  return false;
}

// A short line that only credits an image.
bool CreditLine(std::string_view p) {
  if (p.size() > 90) return false;
  static constexpr std::string_view kCredit[] = {
      "shutterstock", "istock", "getty images", "gettyimages", "imago", "picture alliance",
      "picture-alliance", "foto:", "fotos:", "photo:", "photos:", "bild:", "credit:",
      "credits:", "bildquelle", "image:", "image source", "photo credit", "titelbild",
      "beitragsbild", "zum vergrößern"};
  std::string lower = AsciiLower(p);
  for (auto c : kCredit) {
    if (lower.find(c) != std::string::npos) return true;
  }
  return false;
}

// A short notice of rights: "© 2021 Example GmbH", "Lightbox2 © Lokesh
// Dhakar", "(c) 2016", "Copyright ...".
bool CopyrightLine(std::string_view p) {
  if (p.size() >= 150) return false;
  if (p.find("\xc2\xa9") != std::string_view::npos) return true;  // ©
  std::string lower = AsciiLower(p);
  if (lower.find("copyright") != std::string::npos) return true;
  const size_t c = lower.find("(c)");
  return c != std::string::npos && c + 4 < lower.size() && lower[c + 4] >= '0' &&
         lower[c + 4] <= '9';
}

// A short label that marks an advertisement or sponsored content:
// "Anzeige", "*Werbung. Dieser Beitrag enthält Werbung", "Advertisement".
bool AdLabel(std::string_view p) {
  if (p.size() >= 100) return false;
  size_t b = 0;
  while (b < p.size() && (p[b] == '*' || p[b] == ' ' || p[b] == '-' || p[b] == '[')) ++b;
  p.remove_prefix(b);
  static constexpr std::string_view kLabels[] = {
      "anzeige", "werbung", "advertisement", "advertising", "sponsored", "publicidad",
      "reklama", "publicit\xc3\xa9", "pubblicit\xc3\xa0", "affiliate"};
  for (auto l : kLabels) {
    if (!StartsWithCi(p, l)) continue;
    if (p.size() == l.size()) return true;
    const unsigned char next = static_cast<unsigned char>(p[l.size()]);
    if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next >= 0x80)) {
      return true;
    }
  }
  return false;
}

// A call to action that sites append to their articles: subscribe, sign
// up for the newsletter, follow us, support us, log in to comment
// (de, en, es, pl). With `strong_only`, only the words that are hardly ever
// article text (not "telegram", "whatsapp", "anmelden", which news is about).
bool CallToAction(std::string_view p, bool strong_only) {
  static constexpr std::string_view kStrong[] = {
      "newsletter", "abonn", "subscri", "suscr", "folgen sie uns", "folge uns", "follow us",
      "s\xc3\xadguenos", "siguenos", "e-paper", "epaper", "unterst\xc3\xbctze", "support our",
      "support us", "einloggen", "zapraszamy", "hier klicken", "click here"};
  static constexpr std::string_view kWeak[] = {"follow the", "telegram", "whatsapp", "kiosk",
                                               "anmelden", "registrieren", "log in",
                                               "jetzt bestellen"};
  std::string lower = AsciiLower(p);
  for (auto w : kStrong) {
    if (lower.find(w) != std::string::npos) return true;
  }
  if (strong_only) return false;
  for (auto w : kWeak) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// A short line that is only a date, perhaps with a label ("Aktualisiert am
// 23.10.2018", "3. März 2021, 14:05 Uhr").
bool DateLine(std::string_view p) {
  if (p.size() > 60) return false;
  size_t words = 1;
  for (char c : p) words += c == ' ';
  return words <= 8 && FindDateInText(p).has_value();
}

// Whether `paragraphs` share almost nothing with the JSON-LD articleBody,
// i.e. the DOM container is the wrong one: kSamples slices of the body's
// text, each starting after a space, are looked up in the DOM text, and at
// most one in eight is found.
bool DisjointFromJsonLd(const std::vector<std::string>& paragraphs,
                        std::string_view json_ld_body) {
  constexpr size_t kSamples = 16, kLen = 32;
  std::string dom;
  for (const auto& p : paragraphs) {
    dom += p;
    dom += ' ';
  }
  dom = CollapseWhitespace(dom);
  const std::string body = CollapseWhitespace(json_ld_body);
  if (body.size() < kSamples * kLen * 2) return false;
  size_t tried = 0, found = 0;
  for (size_t k = 0; k < kSamples; ++k) {
    const size_t at = body.find(' ', k * (body.size() - kLen) / kSamples);
    if (at == std::string::npos || at + 1 + kLen > body.size()) continue;
    ++tried;
    if (dom.find(std::string_view(body).substr(at + 1, kLen)) != std::string::npos) ++found;
  }
  return tried >= kSamples / 2 && found * 8 <= tried;
}

// Bytes of text in `t`'s paragraphs.
size_t TextBytes(const MainText& t) {
  size_t n = 0;
  for (const auto& p : t.paragraphs) n += p.size();
  return n;
}

}  // namespace

void MainTextExtractor::FindLead(const Dom& dom, uint32_t top, std::vector<uint32_t>* lead) {
  lead->clear();
  // The headline: the last <h1> before the text, or on pages without one
  // near it the closest <h2>/<h3>.
  uint32_t h1 = Dom::kNone, h23 = Dom::kNone;
  for (uint32_t i = top; i-- > 1;) {
    const Tag t = dom.node(i).tag;
    if (t == Tag::kH1) {
      h1 = i;
      break;
    }
    if ((t == Tag::kH2 || t == Tag::kH3) && h23 == Dom::kNone && top - i <= kMaxSubLeadNodes) {
      h23 = i;
    }
  }
  if (h1 == Dom::kNone || top - h1 > kMaxLeadNodes) h1 = h23;
  if (h1 == Dom::kNone || dom.node(h1).end > top) return;
  for (uint32_t j = dom.node(h1).end; j < top;) {
    const Dom::Node& nd = dom.node(j);
    if (nd.tag == Tag::kText || nd.end > top) {  // text, or an ancestor of top
      ++j;
      continue;
    }
    const Tag t = nd.tag;
    if ((flags_[j] & kNever) || t == Tag::kNav || t == Tag::kAside || t == Tag::kFooter ||
        t == Tag::kForm || t == Tag::kMenu || t == Tag::kFigure || t == Tag::kFigcaption ||
        t == Tag::kTable || t == Tag::kAddress || t == Tag::kTime ||
        (nd.attr_count > 0 && ClassWeight(dom, j, /*header_ok=*/true) < 0)) {
      j = nd.end;
      continue;
    }
    if (t == Tag::kUl || t == Tag::kOl) {
      // A summary in bullets: every item a sentence with few links.
      bool summary = text_[j] > 0;
      for (uint32_t c = nd.first_child; c != Dom::kNone && summary; c = dom.node(c).next_sibling) {
        const Dom::Node& cn = dom.node(c);
        if (cn.tag == Tag::kText) continue;
        summary = cn.tag == Tag::kLi && text_[c] >= kMinLeadItemBytes &&
                  link_text_[c] * 5 < text_[c];
      }
      if (summary) lead->push_back(j);
      j = nd.end;
      continue;
    }
    if (t != Tag::kP && t != Tag::kDiv && t != Tag::kH2) {
      ++j;
      continue;
    }
    // A leaf block: no child block with text of its own. Its text is summed
    // from the children: a flagged block's own sums are zero.
    bool leaf = true;
    uint32_t text = 0, links = 0;
    for (uint32_t c = nd.first_child; c != Dom::kNone && leaf; c = dom.node(c).next_sibling) {
      leaf = !(IsBlock(dom.node(c).tag) && text_[c] > 0);
      text += text_[c];
      links += link_text_[c];
    }
    if (!leaf) {
      ++j;
      continue;
    }
    uint32_t spaces = 0;
    for (uint32_t k = j; k < nd.end; ++k) {
      if (dom.node(k).tag != Tag::kText) continue;
      for (char ch : dom.Text(k)) spaces += ch == ' ';
    }
    if (text >= kMinLeadBytes && links * 5 < text && spaces >= 7) {
      lead->push_back(j);
    }
    j = nd.end;
  }
  // The standfirst is what sits right above the text.
  if (lead->size() > kMaxLeadBlocks) lead->erase(lead->begin(), lead->end() - kMaxLeadBlocks);
}

void MainTextExtractor::DropLinkSections(std::vector<std::string>* paragraphs) {
  const size_t n = paragraphs->size();
  assert(para_kind_.size() == n);
  std::vector<bool> drop(n, false);
  size_t dropped = 0;
  for (size_t i = 1; i < n; ++i) {
    if (!(para_kind_[i] & kHeading)) continue;
    size_t j = i + 1;
    bool links_only = true;
    for (; j < n && !(para_kind_[j] & kHeading); ++j) {
      links_only = links_only && (para_kind_[j] & kMostlyLinks);
    }
    if (j > i + 1 && links_only) {
      for (size_t k = i; k < j; ++k) drop[k] = true;
      dropped += j - i;
    }
    i = j - 1;
  }
  if (dropped == 0 || dropped == n) return;
  size_t w = 0;
  for (size_t k = 0; k < n; ++k) {
    if (drop[k]) continue;
    if (w != k) {
      (*paragraphs)[w] = std::move((*paragraphs)[k]);
      para_kind_[w] = para_kind_[k];
    }
    ++w;
  }
  paragraphs->resize(w);
  para_kind_.resize(w);
}

void MainTextExtractor::AddRepeatedContainers(const Dom& dom, uint32_t body, uint32_t top,
                                              std::vector<uint32_t>* roots) {
  const uint32_t parent = dom.node(top).parent;
  if (top == body || parent == Dom::kNone || parent == body) return;
  const uint32_t grand = dom.node(parent).parent;
  if (grand == Dom::kNone) return;
  auto same_kind = [&](uint32_t a, uint32_t b) {
    return dom.node(a).tag == dom.node(b).tag && dom.Attr(a, "class") == dom.Attr(b, "class");
  };
  const size_t before = roots->size();
  for (uint32_t s = dom.node(grand).first_child; s != Dom::kNone; s = dom.node(s).next_sibling) {
    if (s == parent || !same_kind(s, parent) || (flags_[s] & (kNever | kBoilerplate))) continue;
    for (uint32_t c = dom.node(s).first_child; c != Dom::kNone; c = dom.node(c).next_sibling) {
      if (!same_kind(c, top) || (flags_[c] & (kNever | kBoilerplate)) ||
          prose_[c] * 2 < text_[c] || prose_[c] == 0 || link_text_[c] * 3 > text_[c]) {
        continue;
      }
      // Each cousin is visited once; only the roots from before can repeat.
      if (std::find(roots->begin(), roots->begin() + static_cast<std::ptrdiff_t>(before), c) ==
          roots->begin() + static_cast<std::ptrdiff_t>(before)) {
        roots->push_back(c);
      }
    }
  }
  if (roots->size() != before) std::sort(roots->begin(), roots->end());
}

bool MainTextExtractor::ClimbToContent(const Dom& dom, uint32_t body, uint32_t* top) {
  const uint32_t n = dom.size();
  inline_.assign(n, 0);
  inline_links_.assign(n, 0);
  good_.assign(n, 0.f);
  bad_.assign(n, 0.f);
  for (uint32_t i = n; i-- > 1;) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kText) {
      inline_[i] = text_[i];
    } else if (flags_[i] & (kNever | kBoilerplate)) {
      inline_[i] = inline_links_[i] = 0;
      good_[i] = bad_[i] = 0;
    } else {
      if (nd.tag == Tag::kA) inline_links_[i] = inline_[i];
      if (IsBlock(nd.tag) || nd.tag == Tag::kTd || nd.tag == Tag::kTh) {
        float t = static_cast<float>(inline_[i]);
        float l = std::min(static_cast<float>(inline_links_[i]), t);
        if (t - l >= 25 && l < 0.35f * t) {
          good_[i] += t - l;
          bad_[i] += l;
        } else {
          bad_[i] += l + 0.3f * (t - l);
        }
        inline_[i] = inline_links_[i] = 0;  // a block is not its parent's inline text
      }
    }
    if (nd.parent != Dom::kNone) {
      inline_[nd.parent] += inline_[i];
      inline_links_[nd.parent] += inline_links_[i];
      good_[nd.parent] += good_[i];
      bad_[nd.parent] += bad_[i];
    }
  }
  constexpr float kNoiseWeight = 1.5f;
  constexpr float kGain = 1.1f;  // an ancestor must add 10 % (+50 bytes) to win
  auto mass = [&](uint32_t i) { return good_[i] - kNoiseWeight * bad_[i]; };
  uint32_t best = *top;
  for (uint32_t a = dom.node(*top).parent; a != Dom::kNone && a != body && a != Dom::root();
       a = dom.node(a).parent) {
    if (mass(a) > mass(best) * kGain + 50) best = a;
  }
  // A density winner far from the bulk of the content (an overlay, a teaser
  // box) loses to the element with the most content mass on the page.
  uint32_t global = best;
  for (uint32_t i = 1; i < n; ++i) {
    const Tag t = dom.node(i).tag;
    if (t == Tag::kText || t == Tag::kBody || t == Tag::kHtml || i == body) continue;
    if (mass(i) > mass(global)) global = i;
  }
  if (global != best && !(best <= global && global < dom.node(best).end) &&
      mass(global) > 3 * std::max(mass(best), 0.f) + 200) {
    best = global;
  }
  if (best == *top) return false;
  *top = best;
  return true;
}

void MainTextExtractor::Extract(const Dom& dom, std::string_view base_url,
                                std::string_view json_ld_body, MainText* out) {
  ExtractPass(dom, base_url, json_ld_body, /*class_boilerplate=*/true, out);
  // The standfirst does not count: it is found without class words.
  if (out->from_json_ld || TextBytes(*out) >= kRetryBelow + lead_bytes_) return;
  retry_.date_lines.clear();
  ExtractPass(dom, base_url, json_ld_body, /*class_boilerplate=*/false, &retry_);
  if (TextBytes(retry_) > 2 * TextBytes(*out)) std::swap(*out, retry_);
}

void MainTextExtractor::ExtractPass(const Dom& dom, std::string_view base_url,
                                    std::string_view json_ld_body, bool class_boilerplate,
                                    MainText* out) {
  *out = MainText{};
  const uint32_t n = dom.size();
  text_.assign(n, 0);
  link_text_.assign(n, 0);
  commas_.assign(n, 0);
  score_.assign(n, 0.f);
  flags_.assign(n, 0);

  // Pass 1 (forward): never-content flags; find <body>.
  uint32_t body = Dom::root();
  for (uint32_t i = 1; i < n; ++i) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kText) continue;
    if (nd.tag == Tag::kBody && body == Dom::root()) body = i;
    if (NeverContent(nd.tag) || (nd.attr_count > 0 && Hidden(dom, i))) flags_[i] |= kNever;
  }
  // Reverse pass: sums, skipping flagged subtrees. `skip` is a bit mask.
  auto sum = [&](uint8_t skip) {
    std::fill(text_.begin(), text_.end(), 0);
    std::fill(link_text_.begin(), link_text_.end(), 0);
    std::fill(commas_.begin(), commas_.end(), 0);
    for (uint32_t i = n; i-- > 1;) {
      const Dom::Node& nd = dom.node(i);
      if (nd.tag == Tag::kText) {
        CountText(dom.Text(i), &text_[i], &commas_[i]);
      } else if (flags_[i] & skip) {
        text_[i] = link_text_[i] = commas_[i] = 0;
      } else if (nd.tag == Tag::kA) {
        link_text_[i] = text_[i];
      }
      if (nd.parent != Dom::kNone) {
        text_[nd.parent] += text_[i];
        link_text_[nd.parent] += link_text_[i];
        commas_[nd.parent] += commas_[i];
      }
    }
  };
  sum(kNever);
  // Consent banners are recognised by their words: text nodes mentioning
  // cookies, summed per element.
  cookie_.assign(n, 0);
  for (uint32_t i = n; i-- > 1;) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kText && !(flags_[nd.parent] & kNever) &&
        (dom.Text(i).find("ookie") != std::string_view::npos ||
         dom.Text(i).find("OOKIE") != std::string_view::npos)) {
      cookie_[i] = 1;
    }
    if (nd.parent != Dom::kNone) cookie_[nd.parent] += cookie_[i];
  }
  // Prose per element: the text of the prose paragraphs (<p> of at least
  // kProseBytes, under 25 % links) inside it.
  constexpr uint32_t kProseBytes = 80;
  prose_.assign(n, 0);
  for (uint32_t i = n; i-- > 1;) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kP && text_[i] >= kProseBytes && link_text_[i] * 4 < text_[i]) {
      prose_[i] = text_[i];
    }
    if (nd.parent != Dom::kNone && nd.tag != Tag::kText) prose_[nd.parent] += prose_[i];
  }
  // Boilerplate, guarded against page-wide wrappers: an element that holds
  // 60 % of the page's text, or (for class words) half of its prose, stays.
  const uint32_t page_text = std::max<uint32_t>(text_[body], 1);
  const uint32_t page_prose = prose_[body];
  for (uint32_t i = 1; i < n; ++i) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kText || (flags_[i] & kNever) || nd.tag == Tag::kBody ||
        nd.tag == Tag::kHtml) {
      continue;
    }
    const bool most_prose = page_prose >= kMinGuardProse && prose_[i] * 2 >= page_prose;
    if (most_prose) flags_[i] |= kMostProse;
    const bool by_class =
        class_boilerplate && nd.attr_count > 0 && !most_prose && ClassWeight(dom, i) < 0;
    // A <form> around the whole content (ASP.NET pages, shop templates)
    // is not a comment or login form.
    const bool structural =
        StructuralBoilerplate(nd.tag) && !(nd.tag == Tag::kForm && most_prose);
    bool bp = structural || by_class ||
              (cookie_[i] >= 2 && text_[i] < 1500 * cookie_[i]);
    if (bp && text_[i] < page_text * 0.6) flags_[i] |= kBoilerplate;
  }
  sum(kNever | kBoilerplate);

  // Scoring. Elements inside dropped subtrees have zero text, so their
  // paragraphs never reach the 25-byte bar.
  auto init = [&](uint32_t a) {
    if (flags_[a] & kScored) return;
    flags_[a] |= kScored;
    float s = TagPrior(dom.node(a).tag);
    if (dom.node(a).attr_count > 0) {
      const int w = ClassWeight(dom, a);
      if (w > 0 || !(flags_[a] & kMostProse)) s += 25.f * w;
    }
    score_[a] = s;
  };
  for (uint32_t i = 1; i < n; ++i) {
    const Dom::Node& nd = dom.node(i);
    bool para = nd.tag == Tag::kP || nd.tag == Tag::kPre || nd.tag == Tag::kTd ||
                nd.tag == Tag::kBlockquote;
    uint32_t len = text_[i];
    if (!para && (nd.tag == Tag::kDiv || nd.tag == Tag::kSection || nd.tag == Tag::kLi ||
                  nd.tag == Tag::kDd)) {
      // A div with its own text: count only the direct text children.
      uint32_t direct = 0;
      for (uint32_t c = nd.first_child; c != Dom::kNone; c = dom.node(c).next_sibling) {
        Tag ct = dom.node(c).tag;
        if (ct == Tag::kText || (!IsBlock(ct) && ct != Tag::kBr)) direct += text_[c];
      }
      para = direct >= 25;
      len = direct;
    }
    if (!para || len < 25) continue;
    float s = 1.f + static_cast<float>(commas_[i]) + std::min<float>(len / 100, 3.f);
    uint32_t a = nd.parent;
    for (int level = 0; level < 5 && a != Dom::kNone && a != Dom::root(); ++level) {
      init(a);
      float div = level == 0 ? 1.f : level == 1 ? 2.f : 3.f * level;
      score_[a] += s / div;
      a = dom.node(a).parent;
    }
  }
  uint32_t top = Dom::kNone;
  float top_score = 0;
  for (uint32_t i = 1; i < n; ++i) {
    if (!(flags_[i] & kScored) || text_[i] == 0) continue;
    float ld = static_cast<float>(link_text_[i]) / static_cast<float>(text_[i]);
    score_[i] *= (1.f - ld);
    if (top == Dom::kNone || score_[i] > top_score) {
      top = i;
      top_score = score_[i];
    }
  }
  if (top == Dom::kNone) top = body;

  // Structured hints take precedence when plausible.
  uint32_t best_article = Dom::kNone;
  for (uint32_t i = 1; i < n; ++i) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kText || text_[i] < 200) continue;
    if (dom.Attr(i, "itemprop") == "articleBody") {
      top = i;
      best_article = Dom::kNone;
      break;
    }
    if (nd.tag == Tag::kArticle && (best_article == Dom::kNone || text_[i] > text_[best_article])) {
      best_article = i;
    }
  }
  if (best_article != Dom::kNone && top < best_article && dom.node(top).end >= dom.node(best_article).end &&
      text_[best_article] >= 0.6 * text_[top]) {
    top = best_article;  // the winner was a wrapper around the <article>
  }

  // Content mass: every block's own inline text (not counting nested
  // blocks) is content when it is prose-length and not mostly links, noise
  // when it is link text or a short fragment. The winner is replaced by the
  // ancestor with the most content net of noise (kNoiseWeight per noise
  // byte): a density winner that is one paragraph of a larger article
  // climbs to the article, and stops below wrappers that add menus.
  ClimbToContent(dom, body, &top);

  // Roots: the winner and its qualifying siblings, in document order.
  std::vector<uint32_t> roots;
  std::vector<uint32_t> lead;
  FindLead(dom, top, &lead);
  const Dom::Node& tn = dom.node(top);
  // Also after a climb and for an <article>: a lead paragraph or a list
  // beside the content container is still text when it qualifies.
  if (tn.parent != Dom::kNone && top != body) {
    float bar = std::max(10.f, top_score * 0.2f);
    for (uint32_t s = dom.node(tn.parent).first_child; s != Dom::kNone;
         s = dom.node(s).next_sibling) {
      if (s == top) {
        roots.push_back(s);
        continue;
      }
      const Dom::Node& sn = dom.node(s);
      if (sn.tag == Tag::kText || text_[s] == 0) continue;
      float ld = static_cast<float>(link_text_[s]) / static_cast<float>(text_[s]);
      bool take = (flags_[s] & kScored) && score_[s] >= bar;
      if (!take && sn.tag == Tag::kP) {
        take = (text_[s] > 80 && ld < 0.25f) || (ld == 0 && commas_[s] + text_[s] / 40 > 1);
      }
      if (take) roots.push_back(s);
    }
    // Fill gaps: a low-link-density sibling (list, table, figure) between
    // two taken roots belongs to the text.
    if (roots.size() >= 2) {
      std::vector<uint32_t> filled;
      for (uint32_t s = roots.front(); s != Dom::kNone; s = dom.node(s).next_sibling) {
        bool taken = std::find(roots.begin(), roots.end(), s) != roots.end();
        const Dom::Node& sn = dom.node(s);
        if (!taken && sn.tag != Tag::kText && text_[s] > 0 &&
            !(flags_[s] & (kNever | kBoilerplate)) && link_text_[s] * 10 < text_[s] * 3) {
          taken = true;
        }
        if (taken) filled.push_back(s);
        if (s == roots.back()) break;
      }
      roots.swap(filled);
    }
  } else {
    roots.push_back(top);
  }
  AddRepeatedContainers(dom, body, top, &roots);

  // Emission. Blocks that are not body text even inside the content are
  // dropped at flush time: "read also" cues and the link lists after them,
  // image credits, and bare date/byline lines (see BoilerplateBlock).
  seen_.clear();
  buf_.clear();
  para_kind_.clear();
  bool buf_in_li = false;       // some of buf_ is the text of a list item
  bool buf_in_heading = false;  // some of buf_ is the text of a heading
  size_t buf_links = 0;  // bytes of buf_ inside <a>
  uint32_t link_end = 0;  // one past the <a> subtree being emitted
  bool after_cue = false;
  bool ended = false;  // an end cue was seen: the rest is not article text
  auto flush = [&]() {
    if (buf_.empty()) return;
    std::string p = CollapseWhitespace(buf_);
    RemoveSoftHyphens(&p);
    const bool mostly_links = buf_links * 10 >= buf_.size() * 7;
    uint8_t kind = 0;
    if (buf_in_li && buf_links == 0) kind |= kListItem;
    if (buf_in_heading) kind |= kHeading;
    if (mostly_links) kind |= kMostlyLinks;
    buf_in_li = buf_in_heading = false;
    buf_.clear();
    buf_links = 0;
    if (p.empty()) return;
    if (ended) return;
    if (EndCue(p) && !out->paragraphs.empty()) {
      ended = true;
      return;
    }
    if (RelatedCue(p)) {
      after_cue = true;
      return;
    }
    if (after_cue && mostly_links) return;
    if (p.size() >= 150 && !mostly_links) after_cue = false;
    if (CreditLine(p) || CopyrightLine(p) || AdLabel(p)) return;
    if (DateLine(p)) {
      if (out->date_lines.size() < 4) out->date_lines.push_back(std::move(p));
      return;
    }
    if (!seen_.insert(Hash64(p)).second) return;  // duplicate block
    out->paragraphs.push_back(std::move(p));
    para_kind_.push_back(kind);
  };
  // The standfirst goes first, unless a sibling root already holds it.
  if (!lead.empty()) {
    std::vector<uint32_t> with_lead;
    for (uint32_t l : lead) {
      bool inside = false;
      for (uint32_t r : roots) inside = inside || (r <= l && l < dom.node(r).end);
      if (!inside) with_lead.push_back(l);
    }
    with_lead.insert(with_lead.end(), roots.begin(), roots.end());
    std::sort(with_lead.begin(), with_lead.end());
    roots.swap(with_lead);
  }
  lead_bytes_ = 0;
  for (uint32_t r : roots) {
    const size_t paragraphs_before = out->paragraphs.size();
    const bool lead_root = std::find(lead.begin(), lead.end(), r) != lead.end();
    open_.clear();
    open_tags_.clear();
    const uint32_t end = dom.node(r).end;
    for (uint32_t j = r; j < end;) {
      while (!open_.empty() && j >= open_.back()) {
        flush();
        open_.pop_back();
        open_tags_.pop_back();
      }
      const Dom::Node& nd = dom.node(j);
      if (nd.tag == Tag::kText) {
        buf_.append(dom.Text(j));
        if (!open_tags_.empty()) {
          const Tag bt = open_tags_.back();
          if (bt == Tag::kLi) buf_in_li = true;
          if (bt == Tag::kH1 || bt == Tag::kH2 || bt == Tag::kH3 || bt == Tag::kH4 ||
              bt == Tag::kH5 || bt == Tag::kH6) {
            buf_in_heading = true;
          }
        }
        if (j < link_end) buf_links += dom.Text(j).size();
        ++j;
        continue;
      }
      // A standfirst root may carry a "teaser" class: FindLead vetted it.
      if ((flags_[j] & kNever) || ((flags_[j] & kBoilerplate) && !(j == r && lead_root)) ||
          (j != r && nd.tag == Tag::kFigcaption)) {
        j = nd.end;
        continue;
      }
      // Link-heavy containers inside the content (link lists, tag clouds).
      if (j != r && text_[j] > 0 && nd.tag != Tag::kP && nd.tag != Tag::kA &&
          IsBlock(nd.tag) && link_text_[j] * 2 > text_[j] && text_[j] < 2000 &&
          commas_[j] < 3) {
        bool only_one_link = false;
        if (nd.tag == Tag::kLi || nd.tag == Tag::kTd) {
          // An item that is a single link is still text; a heading that is
          // one is the title of another article.
          only_one_link = true;
        }
        if (!only_one_link || dom.node(nd.parent).tag == Tag::kUl ||
            dom.node(nd.parent).tag == Tag::kOl) {
          j = nd.end;
          continue;
        }
      }
      if (nd.tag == Tag::kBr) {
        flush();
        ++j;
        continue;
      }
      if (nd.tag == Tag::kTd || nd.tag == Tag::kTh) {
        buf_.push_back(' ');
      } else if (IsBlock(nd.tag)) {
        flush();
        open_.push_back(nd.end);
        open_tags_.push_back(nd.tag);
      } else if (nd.tag == Tag::kA) {
        link_end = std::max(link_end, nd.end);
      }
      if (nd.tag == Tag::kA && out->links.size() < 1000) {
        std::string href = ResolveUrl(base_url, dom.Attr(j, "href"));
        if (!href.empty() && href[0] != '#') {
          std::string raw;
          dom.AppendSubtreeText(j, &raw);
          out->links.push_back(Link{std::move(href), CollapseWhitespace(raw)});
        }
      }
      ++j;
    }
    flush();
    if (lead_root) {
      for (size_t k = paragraphs_before; k < out->paragraphs.size(); ++k) {
        lead_bytes_ += out->paragraphs[k].size();
      }
    }
  }

  DropLinkSections(&out->paragraphs);

  // A run of short lines without sentence punctuation at the very end of
  // the content is the article's chrome, not its text: tag lists, share and
  // comment prompts, an author's name and role, a photo credit. At most
  // kMaxTrailing are dropped, never from a text of kMinKept paragraphs or
  // fewer, and never list items without links: a list that ends the text
  // is part of it.
  constexpr size_t kShort = 60, kMinKept = 3;
  constexpr int kMaxTrailing = 3;
  for (int dropped = 0; out->paragraphs.size() > kMinKept && dropped < kMaxTrailing; ++dropped) {
    const std::string& last = out->paragraphs.back();
    const char e = last.empty() ? ' ' : last.back();
    if (last.size() >= kShort || e == '.' || e == '!' || e == '?' || e == '"' ||
        (para_kind_.back() & kListItem)) {
      break;
    }
    out->paragraphs.pop_back();
    para_kind_.pop_back();
  }

  // Calls to action are the site's, not the article's: anywhere when short
  // (under kCtaShort bytes) and worded unmistakably, among the last
  // kCtaTail paragraphs when under kCtaTailMax. The text keeps at least one
  // paragraph.
  constexpr size_t kCtaTail = 3, kCtaTailMax = 300, kCtaShort = 160;
  // One pass that compacts in place: pages can have many such lines.
  const size_t n_paragraphs = out->paragraphs.size();
  size_t kept = 0;
  for (size_t k = 0; k < n_paragraphs; ++k) {
    const std::string& p = out->paragraphs[k];
    const bool tail = k + kCtaTail >= n_paragraphs;
    const bool cta =
        p.size() < (tail ? kCtaTailMax : kCtaShort) && CallToAction(p, /*strong_only=*/!tail);
    // The last paragraph left standing stays, so the text is never empty.
    if (cta && !(kept == 0 && k + 1 == n_paragraphs)) continue;
    if (kept != k) out->paragraphs[kept] = std::move(out->paragraphs[k]);
    ++kept;
  }
  out->paragraphs.resize(kept);

  // JSON-LD articleBody when the DOM text is much shorter.
  if (json_ld_body.size() >= 400) {
    size_t dom_bytes = 0;
    for (const auto& p : out->paragraphs) dom_bytes += p.size();
    if (dom_bytes * 3 < json_ld_body.size() || DisjointFromJsonLd(out->paragraphs, json_ld_body)) {
      out->paragraphs.clear();
      out->links.clear();
      size_t pos = 0;
      while (pos <= json_ld_body.size()) {
        size_t e = json_ld_body.find('\n', pos);
        if (e == std::string_view::npos) e = json_ld_body.size();
        std::string p = CollapseWhitespace(json_ld_body.substr(pos, e - pos));
        if (!p.empty()) out->paragraphs.push_back(std::move(p));
        pos = e + 1;
      }
      out->from_json_ld = true;
    }
  }
}

}  // namespace wirewatch::html
