// Fuzz target for the html stage: arbitrary bytes (made valid UTF-8, as the
// input stage guarantees) through Extractor::Extract as an HTML page, a
// scraped-text page and a JSON Lines text body. One Extractor is reused
// across inputs, as the ingest workers do, so state leaking between pages is
// exercised too. The first byte picks the format and the depth limit.
//
// libFuzzer (clang, -DWIREWATCH_FUZZ=ON):  ./html_fuzz testdata/fuzz/html
// Replay (any compiler, run by ctest):      ./html_fuzz_replay <files|dirs>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "html/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirewatch;
  if (size == 0) return 0;
  static html::Extractor* shallow = [] {
    html::ExtractOptions o;
    o.max_depth = 16;
    o.max_nodes = 4096;
    return new html::Extractor(o);
  }();
  static html::Extractor* normal = new html::Extractor();
  RawDoc doc;
  doc.source = "fuzz";
  doc.format = static_cast<DocFormat>(data[0] % 3);
  doc.title_hint = (data[0] & 4) ? "Hint" : "";
  doc.text = SanitizeUtf8(
      std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  html::Extractor* ex = (data[0] & 8) ? shallow : normal;
  Result<Article> r = ex->Extract(doc);
  if (r.ok()) {
    // Every string the extractor emits must be valid UTF-8.
    if (!IsValidUtf8(r->title)) __builtin_trap();
    for (const auto& p : r->paragraphs)
      if (!IsValidUtf8(p)) __builtin_trap();
  }
  return 0;
}
