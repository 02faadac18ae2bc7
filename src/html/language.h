// Language of a page: the markup's declaration (<html lang>, content-language,
// og:locale, JSON-LD inLanguage) checked against the language of the text
// itself, detected with CLD2 (Compact Language Detector 2, Debian
// libcld2-dev; https://github.com/CLD2Owners/cld2).
//
// Markup alone is often wrong: templates declare "en-US" on German blogs,
// CMSs keep the default of their installation. Detection alone is unsure on
// short or mixed text. ChooseLanguage combines the two (rules in
// language.cc); covered by language_test.cc.
//
// Thread-safety: pure functions (CLD2's tables are static and read-only).
#ifndef WIREWATCH_HTML_LANGUAGE_H_
#define WIREWATCH_HTML_LANGUAGE_H_

#include <string>
#include <string_view>

namespace wirewatch::html {

struct DetectedLanguage {
  std::string code;       // primary subtag ("de", "zh"), "" when unknown
  bool reliable = false;  // CLD2's own verdict (enough text, clear margin)
  int percent = 0;        // share of the text in that language, 0-100
};

// Detects the language of plain UTF-8 text. Only the first
// kMaxDetectBytes are looked at (enough for a stable verdict, bounded cost).
// REQUIRES: `text` is valid UTF-8.
inline constexpr size_t kMaxDetectBytes = 2048;
DetectedLanguage DetectTextLanguage(std::string_view text);

struct ChosenLanguage {
  std::string code;    // primary subtag, "" when unknown
  std::string source;  // "markup", "detected", "markup+detected" or ""
};

// `markup`: the primary subtag the page declares ("" if none).
// `text_bytes`: how much text `detected` was computed from.
ChosenLanguage ChooseLanguage(std::string_view markup,
                              const DetectedLanguage& detected,
                              size_t text_bytes);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_LANGUAGE_H_
