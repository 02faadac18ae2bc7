// String helpers shared by the html stage's extractors.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_HTML_STRINGS_H_
#define WIREWATCH_HTML_STRINGS_H_

#include <string>
#include <string_view>

#include "base/ascii.h"

namespace wirewatch::html {

using ::wirewatch::AsciiLower;
bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b);
bool StartsWithIgnoreCaseAscii(std::string_view s, std::string_view prefix);
std::string_view TrimAscii(std::string_view s);
// Removes soft hyphens (U+00AD), which are invisible and break substring
// matches ("Mes\u00ADsen\u00ADger" is "Messenger" on screen).
void RemoveSoftHyphens(std::string* s);

// Calls fn(token) for each maximal run of ASCII letters/digits in `s`,
// lower-cased ("post-content_main" -> "post", "content", "main";
// camelCase is not split). Stops early when fn returns true; returns whether
// it did.
template <typename Fn>
bool ForEachWordToken(std::string_view s, Fn fn) {
  char buf[64];
  size_t n = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : ' ';
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (alnum) {
      if (n < sizeof buf) buf[n++] = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    } else if (n > 0) {
      if (fn(std::string_view(buf, n))) return true;
      n = 0;
    }
  }
  return false;
}

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_STRINGS_H_
