// LimitNesting: caps element nesting in raw HTML before it reaches the parser.
//
// Why: HTML5 tree builders scan the stack of open elements for most tags, so
// parse time grows with depth x tags: 100,000 nested <div>s take ~10 s in
// both gumbo and myhtml, and gumbo overflows its stack on 100,000 nested
// tables (docs/html-parser-choice.md). The parser must therefore never see
// unbounded nesting.
//
// How: one linear scan over the tags (comments, <!...>, and the raw text of
// script/style/textarea/title/xmp/iframe/noembed/noframes/noscript are
// skipped). It counts open elements the way the tree builder would for
// elements that need an explicit end tag; void elements, html/head/body and
// elements whose end tag is implied (p, li, dt, dd, tr, td, th, option, ...)
// are not counted, so sloppy markup does not inflate the count. Start tags
// beyond `max_depth` are dropped together with as many following end tags;
// text is always kept, so deep content is flattened into the element at the
// limit; inside such a dropped region uncounted tags (td, li, br, ...) are
// dropped too, so the region is plain text. The count is an approximation of the parser's stack of open
// elements: exact for well-formed nesting, conservative otherwise; its only
// job is to bound the parser's work. Covered by depth_limiter_test.cc and
// extractor_test.cc (DeepNesting*).
//
// Thread-safety: pure function.
#ifndef WIREWATCH_HTML_DEPTH_LIMITER_H_
#define WIREWATCH_HTML_DEPTH_LIMITER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace wirewatch::html {

// Returns the number of tags dropped. When it is 0, `out` is left untouched
// and the caller parses `html` itself; otherwise `out` is overwritten with
// the limited copy. REQUIRES: max_depth >= 1.
size_t LimitNesting(std::string_view html, int max_depth, std::string* out);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_DEPTH_LIMITER_H_
