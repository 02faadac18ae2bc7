// SentenceSplitter: groups tokens into sentences.
//
// A sentence ends
//  - before a token that follows a blank line (paragraphs, headlines);
//  - after ". ! ? …" plus any closing quotes/brackets, when the next token
//    starts like a sentence (capital letter, digit, opening quote/bracket);
//  - after an abbreviation token ("U.S.", "Inc.") only when the next word is
//    a typical sentence opener ("The", "He", "But" ...): "the U.S. Army"
//    stays one sentence, "in the U.S. He said" is two;
//  - never after a title abbreviation ("Gen.", "Dr."), an initial ("J."),
//    or a month abbreviation followed by a number ("Jan. 5").
// Golden table: sentence_splitter_test.cc.
//
// Thread-safety: stateless; Split() is const. Reuse the output vector.
#ifndef WIREWATCH_TEXT_SENTENCE_SPLITTER_H_
#define WIREWATCH_TEXT_SENTENCE_SPLITTER_H_

#include <span>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace wirewatch::text {

class SentenceSplitter {
 public:
  struct Options {
    // Sentences longer than this are cut (untrusted input: a page with no
    // punctuation must not become one huge sentence for the tagger).
    size_t max_tokens_per_sentence = 400;
  };
  SentenceSplitter() = default;
  explicit SentenceSplitter(Options options) : options_(options) {}

  // Replaces *out with the sentences of `tokens` (from Tokenizer over `text`).
  void Split(std::string_view text, std::span<const Token> tokens,
             std::vector<Sentence>* out) const;

 private:
  Options options_;
};

}  // namespace wirewatch::text

#endif  // WIREWATCH_TEXT_SENTENCE_SPLITTER_H_
