#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wirewatch::text {
namespace {

// Renders tokens as "text/kind" joined by spaces; kinds word and num are
// left implicit to keep the table readable.
std::string Render(std::string_view text) {
  Tokenizer tok;
  std::vector<Token> out;
  EXPECT_TRUE(tok.Tokenize(text, &out).ok());
  std::string r;
  for (const Token& t : out) {
    if (!r.empty()) r += ' ';
    r += t.text(text);
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
      r += '/';
      r += TokenKindName(t.kind);
    }
  }
  return r;
}

struct Golden {
  const char* input;
  const char* expected;
};

TEST(TokenizerTest, GoldenTable) {
  const Golden kCases[] = {
      {"", ""},
      {"Russia, Syria exchange data", "Russia ,/punct Syria exchange data"},
      {"the U.S. Army", "the U.S./abbr Army"},
      {"in the U.S.", "in the U.S./abbr"},
      {"Gen. Smith and Lt. Col. Jones", "Gen./abbr Smith and Lt./abbr Col./abbr Jones"},
      {"on Jan. 5, 2013", "on Jan./abbr 5 ,/punct 2013"},
      {"George W. Bush", "George W./abbr Bush"},
      {"e.g. this", "e.g./abbr this"},
      {"Apple Inc. said", "Apple Inc./abbr said"},
      {"the end. Next", "the end ./punct Next"},
      {"up 3.5 percent to 1,000.", "up 3.5 percent to 1,000 ./punct"},
      {"16:48:58 GMT", "16:48:58 GMT"},
      {"al-Qaida and two-year", "al-Qaida and two-year"},
      {"Putin's plan", "Putin 's/clitic plan"},
      {"Putin’s plan", "Putin ’s/clitic plan"},
      {"don't can't", "do n't/clitic ca n't/clitic"},
      {"O'Brien and d’Ivoire", "O'Brien and d’Ivoire"},
      {"“exchanging information” on", "“/oq exchanging information ”/cq on"},
      {"\"quoted\" text", "\"/oq quoted \"/cq text"},
      {"'single' one", "'/oq single '/cq one"},
      {"‘curly’ «guillemets» „low“", "‘/oq curly ’/cq «/oq guillemets »/cq „/oq low “/oq"},
      {"militants – including", "militants –/dash including"},
      {"a -- b — c", "a --/dash b —/dash c"},
      {"wait... what… ok", "wait .../ell what …/ell ok"},
      {"[they] are", "[/punct they ]/punct are"},
      {"$5 and 10%", "$/sym 5 and 10 %/sym"},
      {"Zürich Москва", "Zürich Москва"},
      {"the 1990s", "the 1990s"},
      {"No. 5 and no.", "No./abbr 5 and no ./punct"},
      {"bad \xff byte", "bad \xff/sym byte"},
  };
  for (const Golden& g : kCases) {
    EXPECT_EQ(Render(g.input), g.expected) << "input: " << g.input;
  }
}

TEST(TokenizerTest, OffsetsAndFlags) {
  std::string_view text = "Hi  there\n\nNew para";
  Tokenizer tok;
  std::vector<Token> out;
  ASSERT_TRUE(tok.Tokenize(text, &out).ok());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[1].begin, 4u);
  EXPECT_EQ(out[1].end, 9u);
  EXPECT_EQ(out[0].flags, 0);
  EXPECT_TRUE(out[1].flags & kSpaceBefore);
  EXPECT_TRUE(out[2].flags & kParagraphBefore);
  EXPECT_FALSE(out[3].flags & kNewlineBefore);
}

TEST(TokenizerTest, TokenLimit) {
  Tokenizer tok(Tokenizer::Options{.max_tokens = 3});
  std::vector<Token> out;
  Status s = tok.Tokenize("a b c d e", &out);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.size(), 3u);
}

// Reference check: every token is non-empty, ordered, and non-space bytes are
// all covered.
TEST(TokenizerTest, CoversAllNonSpaceBytes) {
  std::string_view text =
      "Deputy Foreign Minister Mikhail Bogdanov, a presidential envoy to the "
      "Middle East, told RIA Novosti … “There are hundreds,” he said (FSB).";
  Tokenizer tok;
  std::vector<Token> out;
  ASSERT_TRUE(tok.Tokenize(text, &out).ok());
  size_t pos = 0;
  for (const Token& t : out) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_GE(t.begin, pos);
    for (size_t k = pos; k < t.begin; ++k) EXPECT_EQ(text[k], ' ');
    pos = t.end;
  }
  EXPECT_EQ(pos, text.size() - 0);
}

}  // namespace
}  // namespace wirewatch::text
