// LimitNesting: bounds the parser's work on hostile raw HTML before parsing.
//
// Why: HTML5 tree builders scan the stack of open elements for most tags, so
// parse time grows with depth x tags: 100,000 nested <div>s take ~10 s in
// both gumbo and myhtml, and gumbo overflows its stack on 100,000 nested
// tables (docs/architecture.md, "HTML parser"). Separately, myhtml copies a
// text node every time it appends a text token to it, so text split into
// many tokens that land in one node is quadratic: "word </x>" repeated
// 100,000 times (900 kB) took 28 s, "word <tr>" outside a table ~1 s. The
// parser must never see either shape unbounded.
//
// How: one linear scan over the tags (comments, <!...>, and the raw text of
// script/style/textarea/title/xmp/iframe/noembed/noframes/noscript are
// skipped). Three rewrites, each applied only when needed (a page that needs
// none is parsed from its own bytes, no copy):
//  1. Depth. It counts open elements the way the tree builder would for
//     elements that need an explicit end tag; void elements, html/head/body
//     and elements whose end tag is implied (p, li, dt, dd, tr, td, th,
//     option, ...) are not counted, so sloppy markup does not inflate the
//     count. Start tags beyond `max_depth` are dropped together with as many
//     following end tags; text is always kept, so deep content is flattened
//     into the element at the limit; inside such a dropped region uncounted
//     tags (td, li, br, ...) are dropped too, so the region is plain text
//     (a word boundary is kept where a tag was).
//  2. Stray end tags. Per tag name (hashed, case-insensitive) the scan keeps
//     starts minus explicit ends, an upper bound on the open elements of that
//     name (collisions and implied closes only raise it). An end tag whose
//     count is zero closes nothing, and the tree builder ignores it, so it is
//     dropped (no space inserted: the parser would not see a boundary). Names
//     the tree builder can open without a start tag (html, head, body, p, br,
//     tbody, tr, colgroup) and template are never dropped.
//  3. Text-merge cap. A start tag of an element that will hold the following
//     text (anything but html/head/body/frame/frameset and the table-structure
//     tags table/tbody/thead/tfoot/tr/col/colgroup, which are ignored in body
//     or send text to the foster parent) starts a fresh text node. After
//     kMaxMergedTextRuns non-empty text runs without one, "<span></span>" is
//     inserted before the next run: an empty element (foster-parented in a
//     table) ends the text node the parser was appending to. So no text node
//     is built from more than kMaxMergedTextRuns tokens.
// The counts approximate the parser's state: exact for well-formed markup,
// conservative otherwise; their only job is to bound the parser's work.
// Covered by depth_limiter_test.cc and extractor_test.cc (DeepNesting*,
// TextSplit*).
//
// Thread-safety: pure function.
#ifndef WIREWATCH_HTML_DEPTH_LIMITER_H_
#define WIREWATCH_HTML_DEPTH_LIMITER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace wirewatch::html {

// At most this many text tokens are merged into one text node (rewrite 3).
inline constexpr size_t kMaxMergedTextRuns = 64;

struct LimitStats {
  size_t depth_dropped = 0;      // tags dropped by the depth limit (1)
  size_t stray_end_dropped = 0;  // end tags that closed nothing (2)
  size_t text_splits = 0;        // "<span></span>" insertions (3)
  bool rewritten() const {
    return depth_dropped + stray_end_dropped + text_splits > 0;
  }
};

// When the result says rewritten(), `out` is overwritten with the limited
// copy and the caller parses that; otherwise `out` is left untouched and the
// caller parses `html` itself. REQUIRES: max_depth >= 1.
LimitStats LimitNesting(std::string_view html, int max_depth, std::string* out);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_DEPTH_LIMITER_H_
