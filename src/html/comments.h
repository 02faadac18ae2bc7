// Reader comments of a page, kept apart from the main text.
//
// A comment section is an element whose id or class names it: "comments",
// "commentlist", "comment-list", "disqus_thread", "kommentare",
// "reader-comments", ... (any token starting with "comment", "kommentar",
// "disqus" or "reactions"), except counters, links and forms ("comment-count",
// "comments-link", "comment-form", "respond"). The outermost such sections
// are searched, each once. Within a section, one comment is:
//  1. the body of a comment item (class with "comment-content",
//     "comment-body", "comment-text", "commenttext", "comment_text",
//     "comment-entry"), without its author/date header and without nested
//     replies (they are comments of their own);
//  2. else each <li> / <article> in the section;
//  3. else each paragraph of >= 20 bytes.
// Forms, scripts, buttons and hidden elements are never comment text, nor
// are elements whose class or id has a token form, respond, notes, login,
// logged, policy, guidelines, error, notice, placeholder or template (the
// comment form's notes, log-in prompts, rules). Live-blog commentary
// ("live-match-comment") and recent-comment widgets are no comment sections.
// MainTextExtractor drops comment-classed elements from the body by its own
// rules (main_text.h), so body and comments rarely share text (one page of
// the 990 dev pages: a comment list without comment classes that the body
// kept). Walks are loops with an explicit range, no recursion. Limits: kMaxComments comments of at most
// kMaxCommentBytes bytes each. Covered by comments_test.cc and the golden
// fixtures in testdata/extraction/.
//
// Thread-safety: pure function over a const Dom.
#ifndef WIREWATCH_HTML_COMMENTS_H_
#define WIREWATCH_HTML_COMMENTS_H_

#include <string>
#include <vector>

#include "html/dom.h"

namespace wirewatch::html {

inline constexpr size_t kMaxComments = 500;
inline constexpr size_t kMaxCommentBytes = 10000;

// Appends the page's comments to *out, in page order, whitespace-collapsed.
void ExtractComments(const Dom& dom, std::vector<std::string>* out);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_COMMENTS_H_
