// Analyzer: text -> index terms for linking and search.
//
// Splits UTF-8 text into words, case-folds ASCII and the Latin-1 supplement
// (U+00C0-U+00DE -> U+00E0-U+00FE), drops stopwords of the document's
// language (en, de, fr, es; the union of all four when the language is
// unknown), drops one-character words, and applies a light English plural
// stemmer (Harman's S-stemmer) to ASCII words when the language is English or
// unknown. Every other code point >= U+00C0 counts as a letter, so other
// scripts are kept as (unfolded) words.
//
//   Analyzer a;
//   const AnalyzedText& t = a.Analyze("The Rebels' guns", "en");
//   for (const Token& tok : t.tokens) use(t.Term(tok));   // "rebel", "gun"
//
// Limits: at most Options::max_tokens terms per call (the rest of the text is
// ignored and AnalyzedText::truncated is set); words longer than
// Options::max_term_bytes are skipped.
//
// Thread-safety: an Analyzer holds reusable scratch; use one per thread. The
// AnalyzedText returned by Analyze() is owned by the Analyzer and stays valid
// until the next call to Analyze() on it.
#ifndef WIREWATCH_LINK_ANALYZER_H_
#define WIREWATCH_LINK_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirewatch::link {

struct Token {
  uint32_t term_begin = 0;  // into AnalyzedText::terms
  uint32_t term_size = 0;
  uint32_t position = 0;    // word position, counting dropped stopwords
  uint32_t src_begin = 0;   // byte range of the word in the input text
  uint32_t src_end = 0;
  uint64_t hash = 0;        // Hash64 of the term (TermHash)
};

struct AnalyzedText {
  std::string terms;          // all folded terms, back to back
  std::vector<Token> tokens;  // kept terms in text order
  uint32_t words = 0;         // words seen, including stopwords
  bool truncated = false;     // max_tokens was reached

  std::string_view Term(const Token& t) const {
    return std::string_view(terms).substr(t.term_begin, t.term_size);
  }
};

// The hash the analyzer stores in Token::hash (xxh64 seeded for terms).
uint64_t TermHash(std::string_view term);

class Analyzer {
 public:
  struct Options {
    bool stopwords = true;
    bool stem = true;
    size_t max_tokens = 200000;
    size_t max_term_bytes = 64;
  };

  Analyzer() : Analyzer(Options()) {}
  explicit Analyzer(Options options) : options_(options) {}

  // `lang` is a BCP 47 primary tag ("en") or empty. Appends `position_offset`
  // to every position (to analyse title and body as one position space).
  const AnalyzedText& Analyze(std::string_view text, std::string_view lang,
                              uint32_t position_offset = 0);

  // Analyses a single query word (folding + stemming, no stopword removal).
  // Returns the term in `*out`; false when the word yields no term.
  bool AnalyzeWord(std::string_view word, std::string_view lang,
                   std::string* out) const;

  // True when `term` (already folded) is a stopword for `lang`.
  static bool IsStopword(std::string_view term, std::string_view lang);

 private:
  Options options_;
  AnalyzedText result_;
  std::string word_;  // scratch: the current folded word
};

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_ANALYZER_H_
