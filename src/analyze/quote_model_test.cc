#include "analyze/quote_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/polnear.h"
#include "analyze/quote_train.h"
#include "analyze/quotes.h"
#include "analyze/quotes_testing.h"
#include "analyze/shipped_models_testing.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

const std::string kShipped = ShippedModelPath(kShippedQuoteModel);

std::string Show(std::string_view text, const QuoteModel* model) {
  return ShowQuotes(text, model, nullptr, false);
}

// Attributions the speech-verb rules miss: beliefs, findings, nominal and
// adverbial cues, "according to" (PolNeAR's notion of attribution).
TEST(QuoteModelTest, ShippedModelGoldenSentences) {
  auto model = QuoteModel::Load(kShipped);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  struct Golden {
    const char* input;
    const char* expected;
  };
  const Golden kCases[] = {
      {"Officials believe the attack was planned for months.",
       "Officials|believe|the attack was planned for months"},
      {"The study shows that crime fell sharply in the city.",
       "The study|shows|crime fell sharply in the city"},
      // Nested: the poll's content holds the voters' wish.
      {"Most voters want a change of course, according to the poll.",
       "the poll|according to|Most voters want a change of course || "
       "Most voters|want|a change of course"},
      {"Republicans accused the governor of lying about the budget.",
       "Republicans|accused|the governor of lying about the budget"},
      // An attitude is an attribution too (PolNeAR annotates "opposes");
      // the source of a relative clause is its antecedent.
      {"The senator, who opposes the bill, is worried about its cost.",
       "The senator|opposes|the bill || The senator|is worried about|its cost"},
      // A clause with no subject of its own: the source of the sentence's
      // earlier cue, or its opening subject.
      {"The mayor said the water was safe, adding that tests would continue.",
       "The mayor|said|the water was safe || The mayor|adding|tests would continue"},
      {"Trump took to Twitter overnight to accuse the campaign of lying.",
       "Trump|accuse|the campaign of lying"},
      // "said, adding": the comma before "adding" opens no appositive.
      {"The storm killed 12 people, rescue officials said, adding that 22 "
       "others were missing.",
       "rescue officials|said|The storm killed 12 people || "
       "rescue officials|adding|22 others were missing"},
      // "claimed the lives of" is a death toll, not an attribution.
      {"The floods claimed the lives of 12 people on Monday.", ""},
      // A place after the speaker is part of the speaker's phrase.
      {"A UN spokesman in Geneva said the talks had failed.",
       "A UN spokesman in Geneva|said|the talks had failed"},
      // Forms of "be", modals and adverbs stand between source and cue.
      {"The city of Phoenix is demanding an apology from the campaign.",
       "The city of Phoenix|demanding|an apology from the campaign"},
      // Passive: the subject is the content, the agent the source.
      {"The nominee has been endorsed by dozens of newspapers.",
       "dozens of newspapers|has been endorsed|The nominee"},
      // Inverted after a comma: the content is before the cue.
      {"The plan would cut taxes for most families, said Katie Harbath, a "
       "director at the firm.",
       "Katie Harbath|said|The plan would cut taxes for most families"},
      // A time adjunct before "that" is not content.
      {"Officials said on Friday that the water was safe.",
       "Officials|said|the water was safe"},
      // Direct quotes stay with the rules.
      {"“We will not give up,” she said.", "she|said|We will not give up,"},
  };
  for (const Golden& g : kCases)
    EXPECT_EQ(Show(g.input, model->get()), g.expected) << g.input;
}

// The tagger's view of the cues before a token: none; one or more; and
// how far back the last one ended.
TEST(QuoteModelTest, CueHistory) {
  EXPECT_EQ(CueHistory(0, 0, 7), 0u);
  const uint32_t one_adjacent = CueHistory(1, 4, 4);
  const uint32_t one_far = CueHistory(1, 4, 30);
  const uint32_t two_adjacent = CueHistory(2, 4, 4);
  EXPECT_NE(one_adjacent, 0u);
  EXPECT_NE(one_adjacent, one_far);
  EXPECT_NE(one_adjacent, two_adjacent);
  EXPECT_EQ(CueHistory(5, 4, 4), two_adjacent);  // "more" is one class
  EXPECT_EQ(CueHistory(1, 4, 30), CueHistory(1, 4, 60));
}

TEST(QuoteModelTest, StrayParagraphQuoteMarkOpensNothing) {
  const std::string text =
      "\"PENCE: We will win.\n\n\"WALLACE: Thank you.\n\n"
      "He said \"yes\" twice.";
  text::Tokenizer tok;
  std::vector<text::Token> tokens;
  ASSERT_TRUE(tok.Tokenize(text, &tokens).ok());
  std::vector<uint32_t> stray;
  for (uint32_t i = 0; i < tokens.size(); ++i)
    if (IsStrayQuoteMark(text, tokens, i)) stray.push_back(i);
  ASSERT_EQ(stray.size(), 2u);
  EXPECT_EQ(tokens[stray[0]].begin, 0u);
  EXPECT_EQ(text.substr(tokens[stray[1]].begin, 8), "\"WALLACE");
  // Each transcript turn is a quote of its speaker.
  EXPECT_EQ(Show(text, nullptr),
            "PENCE|:|We will win || WALLACE|:|Thank you");
}

// A tiny training set written here: the trainer must learn its cue, and
// twice the same input must give the same bytes.
std::vector<PolnearDoc> TinyCorpus() {
  std::vector<PolnearDoc> docs;
  const char* texts[] = {
      "Smith said that taxes would rise. Jones believes the plan will fail.",
      "Brown said the deal was dead. Green believes prices will fall.",
      "Taxes will rise, White said. Black believes the war is over."};
  for (const char* t : texts) {
    PolnearDoc d;
    d.name = "tiny";
    d.text = t;
    std::string_view v(d.text);
    auto span = [&](std::string_view w, size_t from = 0) {
      uint32_t b = static_cast<uint32_t>(v.find(w, from));
      return ByteSpan{b, b + static_cast<uint32_t>(w.size())};
    };
    // Relation 1: "said" with its content on either side.
    PolnearRelation r1;
    r1.cue = span("said");
    size_t dot = v.find('.');
    if (v.find(", ") < dot) {  // "Taxes will rise, White said."
      r1.content = ByteSpan{0, static_cast<uint32_t>(v.find(','))};
      r1.source = ByteSpan{r1.cue.b - 6, r1.cue.b - 1};
    } else {
      r1.content = ByteSpan{r1.cue.e + 1, static_cast<uint32_t>(dot)};
      r1.source = ByteSpan{0, r1.cue.b - 1};
    }
    PolnearRelation r2;
    r2.cue = span("believes");
    r2.content = ByteSpan{r2.cue.e + 1, static_cast<uint32_t>(v.size() - 1)};
    d.relations = {r1, r2};
    docs.push_back(std::move(d));
  }
  return docs;
}

TEST(QuoteModelTest, TrainingIsDeterministicAndLearnsTheCues) {
  QuoteTrainOptions opt;
  opt.epochs = 5;
  // The defaults suit the size of the weights learned from PolNeAR.
  opt.cue_bias = 0;
  opt.prune_threshold = 0;
  auto a = TrainQuoteModel(TinyCorpus(), opt);
  auto b = TrainQuoteModel(TinyCorpus(), opt);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->Serialize(), (*b)->Serialize());
  EXPECT_EQ((*a)->num_starters(), 2u);  // "said", "believes"
  EXPECT_EQ(Show("Adams believes the tax will pass.", a->get()),
            "Adams|believes|the tax will pass");
  EXPECT_EQ(Show("Adams said the tax will pass.", a->get()),
            "Adams|said|the tax will pass");
}

// Every document is scored once, by a model that never saw it.
TEST(QuoteModelTest, CrossValidationScoresEveryDocumentOnce) {
  std::vector<PolnearDoc> docs = TinyCorpus();
  for (size_t i = 0; i < docs.size(); ++i)
    docs[i].name = "article" + std::to_string(i) + "_ab12";
  QuoteTrainOptions opt;
  opt.cue_bias = 0;
  opt.prune_threshold = 0;
  auto r = CrossValidateQuotes(docs, opt, 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->documents, 3);
  EXPECT_EQ(r->gold, 6);
  EXPECT_GT(r->overlap, 0);  // "said" and "believes" are learned from any two
  EXPECT_EQ(CrossValidateQuotes(docs, opt, 1).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(QuoteModelTest, FileRoundTripAndCorruption) {
  QuoteTrainOptions opt;
  opt.prune_threshold = 0;  // the tiny corpus's weights are all small
  opt.cue_bias = 1.5f;
  auto m = TrainQuoteModel(TinyCorpus(), opt);
  ASSERT_TRUE(m.ok());
  ASSERT_GT((*m)->num_rows(), 0u);
  std::string bytes = (*m)->Serialize();
  auto back = QuoteModel::FromBytes(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->Serialize(), bytes);
  EXPECT_EQ((*back)->num_rows(), (*m)->num_rows());
  EXPECT_EQ((*back)->cue_bias(), 1.5f);
  // A model with no rows at all (everything pruned) loads too.
  QuoteTrainOptions pruned = opt;
  pruned.prune_threshold = 1e9f;
  auto empty = TrainQuoteModel(TinyCorpus(), pruned);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ((*empty)->num_rows(), 0u);
  auto empty_back = QuoteModel::FromBytes((*empty)->Serialize());
  ASSERT_TRUE(empty_back.ok()) << empty_back.status().ToString();
  EXPECT_EQ((*empty_back)->num_rows(), 0u);

  std::string flipped = bytes;
  flipped[flipped.size() - 3] ^= 0x40;  // in the body: checksum mismatch
  EXPECT_EQ(QuoteModel::FromBytes(flipped).status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(QuoteModel::FromBytes(bytes.substr(0, bytes.size() - 1))
                .status()
                .code(),
            StatusCode::kCorruption);
  EXPECT_EQ(QuoteModel::FromBytes("WWNERMDL and more bytes than a header has "
                                  "in it")
                .status()
                .code(),
            StatusCode::kCorruption);
  EXPECT_EQ(QuoteModel::Load("/nonexistent/quotes.bin").status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace wirewatch::analyze
