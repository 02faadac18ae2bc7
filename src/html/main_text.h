// MainTextExtractor: finds the main text of a page in a Dom and emits it as
// paragraphs, with the links it contains.
//
// The algorithm (a text-density heuristic in the spirit of Readability,
// https://github.com/mozilla/readability, re-derived, not ported):
//  1. Nodes that are never content are dropped: script, style, noscript,
//     template, iframe, svg, math, form controls, hidden elements. Structural
//     boilerplate (nav, aside, header, footer, form, menu) and elements whose
//     class/id say comment, footer, nav, menu, sidebar, share, social,
//     related, promo, ad, cookie, banner, newsletter, ... are dropped too,
//     unless they hold most of the page's text (a page-wide wrapper with a
//     class like "has-sidebar") or, against class words only, half of the
//     page's prose paragraphs (such an element is not penalised in step 3
//     either; a <form> holding half of the prose is not dropped). Class
//     names are read one by one, and the taxonomy/state classes a CMS
//     prints on the article itself ("tag-<slug>", "category-<slug>",
//     "node-promoted"), responsive visibility utilities ("hidden-xs",
//     "hidden-print") and BEM modifiers ("section--ads"; except words for
//     other articles and comments: "paragraph--type--related-articles") do
//     not count.
//  2. One reverse pass over the flat node array (children come after their
//     parent) sums, per element, text bytes, link text bytes and commas.
//  3. Every paragraph-like block (p, pre, td, blockquote, and div/section
//     with direct text) of >= 25 bytes scores 1 + commas + min(len/100, 3);
//     the score goes to its parent (full), grandparent (1/2) and up to three
//     more ancestors (1/(3 level)). An ancestor starts from a tag prior
//     (div +5, td/pre/blockquote +3, lists -3, headings -5) plus +-25 for
//     positive / negative class-id words; the total is scaled by
//     (1 - link density). The best element wins.
//  4. Structured hints: a plausible itemprop=articleBody element, or an
//     <article> the winner is an ancestor of, takes precedence.
//  5. Content mass (ClimbToContent): every block's own inline text is
//     content when prose-length (>= 25 bytes) and under 35 % links, noise
//     otherwise (its link text, plus 0.3 x a short fragment). The winner
//     moves up to the ancestor whose content minus 1.5 x noise is highest
//     (an ancestor must add 10 % + 50 bytes), so one paragraph of a larger
//     article climbs to the article and stops below wrappers that add
//     menus; a winner far from the page's largest content mass (an overlay,
//     a teaser box) gives way to it. Then siblings of the winner (climbed or
//     not, <article> or not) with a comparable score, or prose paragraphs,
//     join it, and so do containers of the same kind (tag and class) as the
//     winner under siblings of the same kind as its parent, when they are
//     mostly prose: an article split into rows around an ad or a link box.
//  6. The standfirst (FindLead): up to two prose blocks (>= 60 bytes, 8+
//     words, under 20 % links, no nested text blocks) between the last <h1>
//     before the content and the content join the text first, also inside
//     a <header> or a "teaser"-classed element, and so does a bullet list
//     whose every item is a sentence (>= 40 bytes, few links); other lists,
//     tables, figures, nav/aside/footer and negative classes are skipped.
//  7. The chosen subtrees are walked in document order; block elements
//     (p, h1-h6, li, blockquote, pre, tr, div, ...) delimit paragraphs, td/th
//     are joined with spaces so a table row becomes one line; link-heavy
//     containers and figure captions inside the content are skipped;
//     paragraphs are whitespace-collapsed, empty and duplicate ones dropped,
//     and so are blocks that are not body text: "read also" cues in several
//     languages and the link lists after them, short image-credit lines,
//     copyright notices and advertisement labels ("Anzeige", "Sponsored"),
//     and short date-only lines (kept in MainText::date_lines for the date
//     fallback). A heading whose section (up to the next heading) is only
//     link paragraphs goes with it. A short heading that opens the
//     comments, an author box or "related posts" (EndCue) ends the text, up
//     to three short lines without sentence punctuation at its very end are
//     dropped (not list items without links), and so are calls to action
//     (subscribe, newsletter, follow us, log in): under 160 bytes anywhere
//     (only words that are hardly ever article text), under 300 among the
//     last three paragraphs.
// When the text comes out under kRetryBelow bytes (class words dropped the
// article: a live ticker whose entries are "comments", a page wrapped in a
// "header" div), the page is extracted again without class/id boilerplate
// and the longer text (by 2x) wins, as Readability retries with fewer flags.
// Covered by main_text_test.cc.
// Consent banners (elements whose text mentions cookies at least twice,
// densely) count as boilerplate in step 1.
// If the JSON-LD articleBody is three times longer than the DOM text, or
// (from 1 KiB) shares almost none of its text with it (the container is the
// wrong one), its lines are used instead.
// Every walk is a loop over node indices with an explicit stack: nothing
// recurses over the DOM. Covered by extractor_test.cc and the real-data
// smoke test (corpus_test.cc).
//
// Thread-safety: one MainTextExtractor per thread (it keeps scratch buffers).
#ifndef WIREWATCH_HTML_MAIN_TEXT_H_
#define WIREWATCH_HTML_MAIN_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "html/dom.h"
#include "wirewatch/article.h"

namespace wirewatch::html {

struct MainText {
  std::vector<std::string> paragraphs;
  std::vector<Link> links;
  bool from_json_ld = false;
  // Date-only lines dropped from the text ("Updated 3 May 2021"), in
  // document order: a fallback source for the publication date.
  std::vector<std::string> date_lines;
};

class MainTextExtractor {
 public:
  // `base_url` resolves relative hrefs; `json_ld_body` may be empty.
  void Extract(const Dom& dom, std::string_view base_url, std::string_view json_ld_body,
               MainText* out);

 private:
  // Below this many bytes of text the page is extracted again without
  // class/id boilerplate (as Readability retries with fewer flags).
  static constexpr size_t kRetryBelow = 500;
  // A class-negative element holding half of the page's prose is kept, once
  // the page has this many bytes of prose.
  static constexpr uint32_t kMinGuardProse = 500;

  // One extraction; `class_boilerplate` says whether class/id words can
  // drop a subtree (structural tags and hidden elements always do).
  void ExtractPass(const Dom& dom, std::string_view base_url, std::string_view json_ld_body,
                   bool class_boilerplate, MainText* out);

  // Collects the standfirst: up to kMaxLeadBlocks prose blocks between
  // the last <h1> before `top` and `top`, the region of the article header,
  // even where that header counts as boilerplate. Uses text_, link_text_,
  // flags_.
  void FindLead(const Dom& dom, uint32_t top, std::vector<uint32_t>* lead);
  static constexpr uint32_t kMaxLeadNodes = 400;  // headline to text, in nodes
  static constexpr uint32_t kMaxSubLeadNodes = 150;  // from an <h2>/<h3> headline
  static constexpr uint32_t kMinLeadBytes = 60;   // non-blank bytes
  static constexpr uint32_t kMinLeadItemBytes = 40;  // per item of a bullet summary
  static constexpr size_t kMaxLeadBlocks = 2;

  // Drops each heading (not the first paragraph) whose section, up to the
  // next heading, is only link paragraphs: a "more on this" teaser list.
  // Keeps para_kind_ in step with *paragraphs.
  void DropLinkSections(std::vector<std::string>* paragraphs);

  // Content split across repeated containers: adds to *roots the children
  // of top's parent's siblings that are of the same kind (tag and class) as
  // top, when their parents are of the same kind as top's parent and they
  // are mostly prose paragraphs, with few links. Keeps *roots in document
  // order.
  void AddRepeatedContainers(const Dom& dom, uint32_t body, uint32_t top,
                             std::vector<uint32_t>* roots);

  // Moves *top up to the ancestor (below `body`) with the most content mass;
  // returns whether it moved. Uses text_, link_text_ and flags_.
  bool ClimbToContent(const Dom& dom, uint32_t body, uint32_t* top);

  // Per-node scratch, indexed like the Dom; kept between pages.
  std::vector<uint32_t> text_;
  std::vector<uint32_t> link_text_;
  std::vector<uint32_t> commas_;
  std::vector<uint32_t> cookie_;  // text nodes mentioning cookies, per subtree
  std::vector<uint32_t> prose_;   // text of prose paragraphs, per subtree
  std::vector<float> score_;
  std::vector<uint8_t> flags_;
  std::vector<uint32_t> inline_, inline_links_;  // own inline text of blocks
  std::vector<float> good_, bad_;                // content / noise mass
  std::vector<uint32_t> open_;
  std::vector<Tag> open_tags_;     // tags of the blocks in open_
  std::vector<uint8_t> para_kind_;  // per emitted paragraph: what it was (main_text.cc)
  std::unordered_set<uint64_t> seen_;  // hashes of emitted paragraphs
  std::string buf_;
  MainText retry_;
  size_t lead_bytes_ = 0;  // bytes of the last pass's text from FindLead
};

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_MAIN_TEXT_H_
