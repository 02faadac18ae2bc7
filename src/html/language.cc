#include "html/language.h"

#include <cld2/public/compact_lang_det.h>

#include "html/metadata.h"

namespace wirewatch::html {

DetectedLanguage DetectTextLanguage(std::string_view text) {
  DetectedLanguage out;
  if (text.size() > kMaxDetectBytes) {
    // Cut on a character boundary: back up over UTF-8 continuation bytes.
    size_t n = kMaxDetectBytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    text = text.substr(0, n);
  }
  if (text.empty()) return out;
  CLD2::Language lang3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguageSummary(
      text.data(), static_cast<int>(text.size()),
      /*is_plain_text=*/true, lang3, percent3, &text_bytes, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
    return out;
  // CLD2 codes are "en", "zh-Hant", "fil", ...: keep the primary subtag.
  out.code = PrimaryLanguage(CLD2::LanguageCode(lang));
  out.reliable = reliable;
  out.percent = percent3[0];
  return out;
}

// Rules, in order:
//  - markup and a detected language agree: both ("markup+detected");
//  - detection is reliable, covers most of the text (>= 60 %) and has at
//    least kEnoughText bytes to go on: it wins over markup that says
//    otherwise or nothing ("detected");
//  - markup, when present ("markup");
//  - an unreliable detection from some text is still better than nothing
//    ("detected").
ChosenLanguage ChooseLanguage(std::string_view markup,
                              const DetectedLanguage& detected,
                              size_t text_bytes) {
  constexpr size_t kEnoughText = 200;
  constexpr size_t kSomeText = 60;
  ChosenLanguage c;
  if (!markup.empty() && markup == detected.code) {
    c.code = std::string(markup);
    c.source = "markup+detected";
  } else if (!detected.code.empty() && detected.reliable &&
             detected.percent >= 60 && text_bytes >= kEnoughText) {
    c.code = detected.code;
    c.source = "detected";
  } else if (!markup.empty()) {
    c.code = std::string(markup);
    c.source = "markup";
  } else if (!detected.code.empty() && text_bytes >= kSomeText) {
    c.code = detected.code;
    c.source = "detected";
  }
  return c;
}

}  // namespace wirewatch::html
