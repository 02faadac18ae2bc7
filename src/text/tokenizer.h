// Tokenizer: splits UTF-8 news text into tokens with byte offsets.
//
// Rules, in the order they are tried at each position (tokenizer_test.cc has
// a golden table for each):
//  - whitespace (ASCII, NBSP, U+2000-U+200A, U+202F, U+205F, U+3000) is
//    skipped and recorded in the next token's flags;
//  - a word is a run of letters/digits joined by internal hyphens
//    (al-Qaida, 2012-13), apostrophes not starting a clitic (O'Brien,
//    d’Ivoire), decimal/thousands separators between digits (3.5, 1,000,
//    16:48), and single-letter initialisms with periods (U.S., e.g.);
//  - a word followed by a period keeps it when it is an initialism, a single
//    capital (initial "J."), or on the abbreviation list (Gen., Jan., Inc.);
//  - English clitics are split PTB/CoNLL style: Putin 's, do n't;
//  - quotes of every typographic kind become open/close quote tokens; ASCII
//    " and ' are classified by the whitespace around them;
//  - "..." and "…" are one ellipsis token; "--", en and em dash are dashes;
//  - anything else is a one-code-point token.
// Invalid UTF-8 bytes become one-byte symbol tokens (never a crash).
//
// Thread-safety: a Tokenizer is immutable; Tokenize() is const and keeps no
// state, so one instance may serve all threads. Callers reuse their output
// vector between documents to avoid allocation.
#ifndef WIREWATCH_TEXT_TOKENIZER_H_
#define WIREWATCH_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "text/token.h"
#include "wirewatch/status.h"

namespace wirewatch::text {

class Tokenizer {
 public:
  struct Options {
    // Untrusted-input limit: tokens beyond this are dropped and Tokenize()
    // returns ResourceExhausted with the prefix in *out.
    size_t max_tokens = 4'000'000;
  };

  Tokenizer() = default;
  explicit Tokenizer(Options options) : options_(options) {}

  // Replaces *out with the tokens of `text`. REQUIRES: text.size() < 4 GiB.
  Status Tokenize(std::string_view text, std::vector<Token>* out) const;

 private:
  Options options_;
};

// True when `lower` (ASCII lowercase, no period) is a known abbreviation that
// takes a period: "gen", "jan", "inc", "mr" ...
bool IsKnownAbbreviation(std::string_view lower);
// Titles that precede a name and never end a sentence: "gen", "mr", "dr"...
bool IsTitleAbbreviation(std::string_view lower);
// Month abbreviations: "jan", "feb", ..., "sept".
bool IsMonthAbbreviation(std::string_view lower);

}  // namespace wirewatch::text

#endif  // WIREWATCH_TEXT_TOKENIZER_H_
