// Test helper shared by the quote tests: the quotes of a text as one line.
#ifndef WIREWATCH_ANALYZE_QUOTES_TESTING_H_
#define WIREWATCH_ANALYZE_QUOTES_TESTING_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyze/quotes.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {

// "speaker|cue|content" per quote ("kind|speaker|cue|content" with
// `with_kind`), joined by " || ". `model` and `analysis` may be null.
inline std::string ShowQuotes(std::string_view text, const QuoteModel* model,
                              const Analysis* analysis, bool with_kind) {
  text::Tokenizer tok;
  text::SentenceSplitter split;
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  EXPECT_TRUE(tok.Tokenize(text, &tokens).ok());
  split.Split(text, tokens, &sentences);
  std::vector<Quote> qs;
  QuoteExtractor(model).Extract(text, tokens, sentences, analysis, &qs);
  std::string out;
  for (const Quote& q : qs) {
    if (!out.empty()) out += " || ";
    if (with_kind) out += std::string(QuoteKindName(q.kind)) + "|";
    out += q.speaker + "|" + q.cue + "|" +
           std::string(text.substr(q.begin, q.end - q.begin));
  }
  return out;
}

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_QUOTES_TESTING_H_
