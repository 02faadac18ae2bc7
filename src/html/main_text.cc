#include "html/main_text.h"

#include <algorithm>

#include "base/hash.h"
#include "base/utf8.h"
#include "html/strings.h"
#include "html/url.h"

namespace wirewatch::html {
namespace {

constexpr uint8_t kNever = 1;        // never content (script, svg, hidden, ...)
constexpr uint8_t kBoilerplate = 2;  // structural or class/id boilerplate
constexpr uint8_t kScored = 4;       // score_ initialised

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
  static constexpr std::string_view kExact[] = {"ad", "ads", "nav", "tags", "tag", "meta",
                                                "foot", "print", "skip", "hidden", "share",
                                                "byline", "author", "date", "rating", "login",
                                                "search", "top", "aside", "teaser", "teasers",
                                                "noprint", "dropdown", "overlay", "links",
                                                "categories", "tagcloud", "shoutbox"};
  static constexpr std::string_view kPrefix[] = {
      "comment", "footer", "sidebar", "sharing", "social", "related", "promo", "advert",
      "cookie", "banner", "newsletter", "breadcrumb", "pagination", "pager", "widget",
      "subscribe", "popup", "sponsor", "recommend", "outbrain", "taboola", "disqus",
      "navigation", "navbar", "menu", "masthead", "toolbar", "signup", "consent", "gdpr",
      "shariff", "socialshare", "kommentar", "werbung", "anzeige", "impressum", "copyright",
      "modal", "lightbox", "slider", "carousel", "header", "postmeta", "entrymeta", "metadata",
      "authorbio", "abonn", "cta"};
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

// +1 positive, -1 negative, 0 neutral (negative wins over positive).
int ClassWeight(const Dom& dom, uint32_t i) {
  bool neg = false, pos = false;
  auto visit = [&](std::string_view tok) {
    if (NegativeToken(tok)) neg = true;
    if (PositiveToken(tok)) pos = true;
    return false;
  };
  ForEachWordToken(dom.Attr(i, "class"), visit);
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

}  // namespace

void MainTextExtractor::Extract(const Dom& dom, std::string_view base_url,
                                std::string_view json_ld_body, MainText* out) {
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
  // Boilerplate, guarded against page-wide wrappers.
  const uint32_t page_text = std::max<uint32_t>(text_[body], 1);
  for (uint32_t i = 1; i < n; ++i) {
    const Dom::Node& nd = dom.node(i);
    if (nd.tag == Tag::kText || (flags_[i] & kNever) || nd.tag == Tag::kBody ||
        nd.tag == Tag::kHtml) {
      continue;
    }
    bool bp = StructuralBoilerplate(nd.tag) || (nd.attr_count > 0 && ClassWeight(dom, i) < 0);
    if (bp && text_[i] < page_text * 0.6) flags_[i] |= kBoilerplate;
  }
  sum(kNever | kBoilerplate);

  // Scoring. Elements inside dropped subtrees have zero text, so their
  // paragraphs never reach the 25-byte bar.
  auto init = [&](uint32_t a) {
    if (flags_[a] & kScored) return;
    flags_[a] |= kScored;
    float s = TagPrior(dom.node(a).tag);
    if (dom.node(a).attr_count > 0) s += 25.f * ClassWeight(dom, a);
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

  // Roots: the winner and its qualifying siblings, in document order.
  std::vector<uint32_t> roots;
  const Dom::Node& tn = dom.node(top);
  if (tn.parent != Dom::kNone && top != body && tn.tag != Tag::kArticle) {
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

  // Emission.
  seen_.clear();
  buf_.clear();
  auto flush = [&]() {
    if (buf_.empty()) return;
    std::string p = CollapseWhitespace(buf_);
    buf_.clear();
    if (p.empty()) return;
    if (!seen_.insert(Hash64(p)).second) return;  // duplicate block
    out->paragraphs.push_back(std::move(p));
  };
  for (uint32_t r : roots) {
    open_.clear();
    const uint32_t end = dom.node(r).end;
    for (uint32_t j = r; j < end;) {
      while (!open_.empty() && j >= open_.back()) {
        flush();
        open_.pop_back();
      }
      const Dom::Node& nd = dom.node(j);
      if (nd.tag == Tag::kText) {
        buf_.append(dom.Text(j));
        ++j;
        continue;
      }
      if (flags_[j] & (kNever | kBoilerplate)) {
        j = nd.end;
        continue;
      }
      // Link-heavy containers inside the content (link lists, tag clouds).
      if (j != r && text_[j] > 0 && nd.tag != Tag::kP && nd.tag != Tag::kA &&
          IsBlock(nd.tag) && link_text_[j] * 2 > text_[j] && text_[j] < 2000 &&
          commas_[j] < 3) {
        bool only_one_link = false;
        if (nd.tag == Tag::kLi || nd.tag == Tag::kH1 || nd.tag == Tag::kH2 ||
            nd.tag == Tag::kH3 || nd.tag == Tag::kTd) {
          only_one_link = true;  // a heading or item that is a single link is still text
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
      } else if (nd.tag == Tag::kA && out->links.size() < 1000) {
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
  }

  // JSON-LD articleBody when the DOM text is much shorter.
  if (json_ld_body.size() >= 400) {
    size_t dom_bytes = 0;
    for (const auto& p : out->paragraphs) dom_bytes += p.size();
    if (dom_bytes * 3 < json_ld_body.size()) {
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
