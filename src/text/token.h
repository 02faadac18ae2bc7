// Token and Sentence: value types shared by the text and analyze stages.
//
// Offsets are byte offsets into the text that was tokenised (UTF-8), as a
// half-open range [begin, end). They stay valid as long as that text does.
#ifndef WIREWATCH_TEXT_TOKEN_H_
#define WIREWATCH_TEXT_TOKEN_H_

#include <cstdint>
#include <string_view>

namespace wirewatch::text {

enum class TokenKind : uint8_t {
  kWord,        // letters, digits, internal hyphens/apostrophes: al-Qaida, O'Brien
  kNumber,      // starts with a digit: 600, 3.5, 1,000, 16:48:58, 1990s
  kAbbrev,      // ends with its own period: U.S., Gen., J., Jan., Inc.
  kClitic,      // 's n't 're 'll 've 'd 'm split from the word before
  kPunct,       // . , ; : ! ? and brackets
  kOpenQuote,   // “ ‘ « „ ‚ ‹ and " ' in opening position
  kCloseQuote,  // ” ’ » › and " ' in closing position
  kDash,        // - -- – — −
  kEllipsis,    // ... or …
  kSymbol,      // anything else, one code point: $ % & / € ...
};

// Flags describing the whitespace before a token.
enum TokenFlags : uint8_t {
  kSpaceBefore = 1,      // any whitespace between the previous token and this
  kNewlineBefore = 2,    // at least one line break
  kParagraphBefore = 4,  // a blank line (two or more line breaks)
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;

  uint32_t size() const { return end - begin; }
  std::string_view text(std::string_view doc) const {
    return doc.substr(begin, end - begin);
  }
};

// A sentence: tokens [token_begin, token_end) and bytes [begin, end).
struct Sentence {
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Short name for golden tests and debugging: "word", "num", "abbr", ...
std::string_view TokenKindName(TokenKind kind);

}  // namespace wirewatch::text

#endif  // WIREWATCH_TEXT_TOKEN_H_
