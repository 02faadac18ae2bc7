#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace wirewatch::text {
namespace {

// Renders sentences joined by " | ".
std::string Render(std::string_view text) {
  Tokenizer tok;
  SentenceSplitter split;
  std::vector<Token> tokens;
  std::vector<Sentence> sents;
  EXPECT_TRUE(tok.Tokenize(text, &tokens).ok());
  split.Split(text, tokens, &sents);
  std::string r;
  for (const Sentence& s : sents) {
    if (!r.empty()) r += " | ";
    r += text.substr(s.begin, s.end - s.begin);
  }
  return r;
}

struct Golden {
  const char* input;
  const char* expected;
};

TEST(SentenceSplitterTest, GoldenTable) {
  const Golden kCases[] = {
      {"", ""},
      {"One. Two.", "One. | Two."},
      {"No end", "No end"},
      {"He left the U.S. Army in May.", "He left the U.S. Army in May."},
      {"He lives in the U.S. He said so.", "He lives in the U.S. | He said so."},
      {"Gen. Smith spoke. Then he left.", "Gen. Smith spoke. | Then he left."},
      {"It happened on Jan. 5 in Moscow.", "It happened on Jan. 5 in Moscow."},
      {"George W. Bush said it.", "George W. Bush said it."},
      {"“We are ready.” The minister left.",
       "“We are ready.” | The minister left."},
      {"He said: \"Go.\" Then he went.", "He said: \"Go.\" | Then he went."},
      {"“Why?” he asked.", "“Why?” he asked."},
      {"Really?! Yes.", "Really?! | Yes."},
      {"It was... fine. And then… Nothing.",
       "It was... fine. | And then… | Nothing."},
      {"(See below.) Next one.", "(See below.) | Next one."},
      {"Headline without stop\n\nFirst paragraph.",
       "Headline without stop | First paragraph."},
      {"a line\nwrapped here.", "a line\nwrapped here."},
      {"Up 3.5 percent. 200 died.", "Up 3.5 percent. | 200 died."},
      {"Apple Inc. The firm grew.", "Apple Inc. | The firm grew."},
      {"Apple Inc. shares rose.", "Apple Inc. shares rose."},
      {"Dr. J. R. Smith arrived.", "Dr. J. R. Smith arrived."},
  };
  for (const Golden& g : kCases) {
    EXPECT_EQ(Render(g.input), g.expected) << "input: " << g.input;
  }
}

TEST(SentenceSplitterTest, LongSentenceIsCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  Tokenizer tok;
  SentenceSplitter split(SentenceSplitter::Options{.max_tokens_per_sentence = 100});
  std::vector<Token> tokens;
  std::vector<Sentence> sents;
  ASSERT_TRUE(tok.Tokenize(text, &tokens).ok());
  split.Split(text, tokens, &sents);
  EXPECT_EQ(sents.size(), 10u);
}

}  // namespace
}  // namespace wirewatch::text
