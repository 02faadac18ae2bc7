#include "wirewatch/article.h"
#include "wirewatch/raw_doc.h"

namespace wirewatch {

std::string_view DocFormatName(DocFormat f) {
  switch (f) {
    case DocFormat::kHtml: return "html";
    case DocFormat::kScrapedText: return "scraped_text";
    case DocFormat::kText: return "text";
  }
  return "unknown";
}

std::string Article::Text() const {
  std::string out;
  size_t n = 0;
  for (const auto& p : paragraphs) n += p.size() + 2;
  out.reserve(n);
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace wirewatch
