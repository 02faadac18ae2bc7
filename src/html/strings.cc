#include "html/strings.h"

namespace wirewatch::html {

bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return StartsWithIgnoreCaseAscii(a, b);
}

bool StartsWithIgnoreCaseAscii(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char x = s[i], y = prefix[i];
    if (x >= 'A' && x <= 'Z') x = char(x + 32);
    if (y >= 'A' && y <= 'Z') y = char(y + 32);
    if (x != y) return false;
  }
  return true;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

void RemoveSoftHyphens(std::string* s) {
  if (s->find("\xC2\xAD") == std::string::npos) return;
  size_t w = 0;
  for (size_t r = 0; r < s->size(); ++r) {
    if ((*s)[r] == '\xC2' && r + 1 < s->size() && (*s)[r + 1] == '\xAD') {
      ++r;
      continue;
    }
    (*s)[w++] = (*s)[r];
  }
  s->resize(w);
}

}  // namespace wirewatch::html
