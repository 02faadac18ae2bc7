// STUB — TO BE REPLACED. A trivial ParseTextPage so the html stage builds
// while the real text_page.cc is written in parallel; the integrator drops
// this file (and its line in CMakeLists.txt) when merging text_page.cc.
// Title = first non-empty line; paragraphs = blank-line-separated blocks.
#include "html/text_page.h"

#include "base/utf8.h"

namespace wirewatch::html {

Article ParseTextPage(std::string_view text, const TextPageOptions& options) {
  Article a;
  std::string block;
  bool title_taken = options.body_only;
  auto flush = [&]() {
    std::string p = CollapseWhitespace(block);
    block.clear();
    if (!p.empty()) a.paragraphs.push_back(std::move(p));
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, e - pos);
    pos = e + 1;
    std::string collapsed = CollapseWhitespace(line);
    if (!title_taken) {
      if (!collapsed.empty()) {
        a.title = collapsed;
        title_taken = true;
      }
      continue;
    }
    if (collapsed.empty()) {
      flush();
    } else {
      block += collapsed;
      block += ' ';
    }
  }
  flush();
  return a;
}

}  // namespace wirewatch::html
