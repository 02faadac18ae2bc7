// UTF-8 validation and repair.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_BASE_UTF8_H_
#define WIREWATCH_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace wirewatch {

// Length of the well-formed UTF-8 sequence starting at s[i] (1-4), or 0 when
// the bytes there are not well-formed (overlong, surrogate, > U+10FFFF,
// truncated). REQUIRES: i < s.size().
size_t Utf8SequenceLength(std::string_view s, size_t i);

// True when all of `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Returns `s` with every ill-formed byte replaced by U+FFFD and NUL bytes
// removed; *replaced (if given) receives the number of replacements.
std::string SanitizeUtf8(std::string_view s, size_t* replaced = nullptr);

// Collapses runs of Unicode whitespace (ASCII space/tab/CR/LF/FF, NBSP,
// U+2000-U+200A, U+202F, U+205F, U+3000) to one ASCII space and trims.
std::string CollapseWhitespace(std::string_view s);

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_UTF8_H_
