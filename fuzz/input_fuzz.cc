// Fuzz target for the input stage: arbitrary bytes through OpenInput(), as a
// WARC file, a JSON Lines file, or sniffed (gzip is detected by magic, so
// gzip framing is covered by all three). The first byte picks the name.
//
// libFuzzer (clang, -DWIREWATCH_FUZZ=ON):  ./input_fuzz testdata/fuzz/input
// Replay (any compiler, run by ctest):      ./input_fuzz_replay <files|dirs>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/byte_source.h"
#include "input/charset.h"
#include "input/input_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wirewatch::input;
  if (size == 0) return 0;
  static const char* const kNames[] = {"f.warc", "f.jsonl", "", "f.html"};
  InputSpec spec;
  spec.name = kNames[data[0] % 4];
  spec.source = "fuzz";
  ReaderOptions options;
  options.max_doc_bytes = 1 << 20;  // keeps bombs cheap
  CharsetDecoder charset;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto reader = OpenInput(NewMemorySource(bytes), spec, options, &charset);
  wirewatch::RawDoc doc;
  for (int i = 0; i < 100000 && reader->Next(&doc); ++i) {
    // Invariants every item keeps.
    // A document has text, except a headline-only JSON line (title only).
    if (!doc.failed() && doc.text.empty() && doc.title_hint.empty())
      __builtin_trap();
    if (doc.failed() && !doc.text.empty()) __builtin_trap();
    if (doc.source.empty()) __builtin_trap();
  }
  return 0;
}
