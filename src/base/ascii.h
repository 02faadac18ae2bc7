// ASCII helpers shared by every stage: case folding as std::tolower does
// in the "C" locale, without a libc call per byte (it runs over every
// token of every article), and membership in a short list of literals.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_BASE_ASCII_H_
#define WIREWATCH_BASE_ASCII_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace wirewatch {

// `c` folded to a-z when in A-Z.
constexpr char AsciiLowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Folds A-Z in *s to a-z in place; every other byte unchanged.
inline void AsciiLowerInPlace(std::string* s) {
  for (char& c : *s) c = AsciiLowerChar(c);
}

// `s` with A-Z folded to a-z; every other byte unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(&out);
  return out;
}

// True when `w` equals one of `list`. string_view entries: their lengths
// are known at compile time, so most comparisons stop at the size check.
inline bool EqualsAny(std::string_view w,
                      std::initializer_list<std::string_view> list) {
  for (std::string_view k : list)
    if (w == k) return true;
  return false;
}

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_ASCII_H_
