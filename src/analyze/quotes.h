// QuoteExtractor: who said what. Finds direct quotations and reported
// speech in English news text, each with its cue ("said", "told",
// "according to"), its content span and its speaker, resolved to an entity
// of the EntityAnalyzer's Analysis when possible.
//
// Patterns (quotes_test.cc has a golden sentence for each):
//   direct    “…,” Bogdanov said.   “…,” said Bogdanov.   Bogdanov said: “…”
//             split quotes “A,” he said, “B.” (two quotes, one speaker);
//             a quote running over paragraphs (a paragraph that opens with
//             a quote mark while the quote is still open continues it);
//             every quote-mark style the tokenizer knows (“” „“ «» "" '').
//   reported  X said (that) …   X told RIA Novosti (earlier this week) that …
//             …, X said (in an interview).   according to X, …   …,
//             according to X.   The study found that …
// The speaker is the noun phrase before the cue (skipping an appositive
// ", a presidential envoy to the Middle East,"), or after an inverted cue
// ("said Bogdanov"). Resolution: a phrase overlapping a PER/ORG mention
// takes that entity; "he"/"she" take the most recent PER entity mentioned
// before the cue; "they" the most recent ORG or PER; a description ("the
// official", "the minister") the most recent PER entity that has a role.
//
// Offsets are byte offsets into the text given to Extract(). Limits: a
// direct quote is at most kMaxQuoteTokens tokens (an unbalanced quote mark
// does not swallow the document).
//
// Thread-safety: stateless apart from scratch; one per thread.
#ifndef WIREWATCH_ANALYZE_QUOTES_H_
#define WIREWATCH_ANALYZE_QUOTES_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities.h"
#include "analyze/quote_model.h"
#include "text/token.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct QuoteScratch;

enum class QuoteKind : uint8_t { kDirect, kReported, kAccordingTo };
std::string_view QuoteKindName(QuoteKind k);

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  uint32_t begin = 0;  // content bytes (inside the quote marks for direct)
  uint32_t end = 0;
  uint32_t token_begin = 0;  // content tokens
  uint32_t token_end = 0;
  uint32_t cue_begin = 0;  // cue bytes; cue_begin == cue_end when none
  uint32_t cue_end = 0;
  std::string cue;             // "said", "told", "according to"
  uint32_t speaker_begin = 0;  // surface speaker bytes (0,0 when none)
  uint32_t speaker_end = 0;
  std::string speaker_text;  // "He", "the study", "Bogdanov"
  std::string speaker;       // resolved canonical name, else speaker_text
  int entity = -1;           // index into Analysis::entities, -1 if none
  uint32_t sentence = 0;     // sentence of the cue (or of the content)
};

class QuoteExtractor {
 public:
  static constexpr uint32_t kMaxQuoteTokens = 1500;

  // Rules only.
  QuoteExtractor();
  // Rules for direct quotes and transcripts, the learned cue tagger
  // (quote_model.h) for everything else. `model` may be null (rules only).
  // REQUIRES: model, if given, outlives the extractor.
  explicit QuoteExtractor(const QuoteModel* model);
  ~QuoteExtractor();
  QuoteExtractor(QuoteExtractor&&) noexcept;
  QuoteExtractor& operator=(QuoteExtractor&&) noexcept;

  // Finds the quotes of `text`. `tokens` and `sentences` are those of the
  // tokenizer and sentence splitter over `text`; `analysis` (may be null)
  // supplies entity mentions for speaker resolution. Replaces *out.
  void Extract(std::string_view text, std::span<const text::Token> tokens,
               std::span<const text::Sentence> sentences,
               const Analysis* analysis, std::vector<Quote>* out);

 private:
  std::unique_ptr<QuoteTagger> tagger_;  // null without a model
  std::vector<CueGuess> cues_;
  std::unique_ptr<QuoteScratch> scratch_;
};

// Drops the learned attributions among (*out)[from..] (kind kReported)
// whose cue is no speech or belief verb (IsCueVerb) and whose content holds
// the cue of another quote of *out: "The ad uses footage of Clinton asking,
// “…”", "Trump has been targeting Machado since Clinton cited …". The
// tagger reads left to right and cannot see the inner cue when it takes
// the outer one, which is then mostly a misread verb; with a speech verb
// ("X said Y believes Z") both are attributions. In 5-fold
// cross-validation on PolNeAR train this is worth +0.003 overlap F1 at cue
// bias 3 and +0.005 at cue bias 5, where the tagger proposes more cues.
// QuoteExtractor calls it; `cue_spans` is scratch.
void DropWeakOuterCues(size_t from, std::vector<Quote>* out,
                       std::vector<std::pair<uint32_t, uint32_t>>* cue_spans);

// True when `lower` (lowercase) is a speech or attribution cue verb.
bool IsCueVerb(std::string_view lower);
// Every word IsCueVerb accepts.
const std::vector<std::string_view>& CueVerbs();

// ---------------------------------------------------------------------------
// PolNeAR evaluation. Gold: brat standoff attributions/*.ann (character
// offsets, converted to bytes) over text/*.txt; an E line links Source, Cue
// and Content spans. Content spans are compared after trimming whitespace,
// quote marks and final punctuation from both ends. Exact: equal trimmed
// spans. Overlap: the largest one-to-one matching of overlapping contents
// (MatchRelations in polnear.h). Quotes sharing one cue are the fragments
// of one attribution ("A," he said, "B") and are scored as their hull, as
// the gold's fragments are. Source (cue) agreement: among overlap
// matches whose gold relation has a source (cue), the share where our
// speaker (cue) span overlaps the gold one.
struct QuoteEvalReport {
  int64_t documents = 0;
  int64_t gold = 0;
  int64_t system = 0;
  int64_t exact = 0;
  int64_t overlap = 0;
  int64_t source_gold = 0, source_agree = 0;
  int64_t cue_gold = 0, cue_agree = 0;
  double exact_p = 0, exact_r = 0, exact_f1 = 0;
  double overlap_p = 0, overlap_r = 0, overlap_f1 = 0;
  double source_accuracy = 0, cue_accuracy = 0;
  std::vector<std::string> diagnostics;
};

// `model` may be null (rules only).
Result<QuoteEvalReport> EvaluatePolnear(const std::string& dir,
                                        const QuoteModel* model,
                                        bool diagnostics);
// The same in parts: adds the counts of `docs` to *report (several calls
// accumulate), then FinishReport computes its ratios.
struct PolnearDoc;
void ScorePolnear(const std::vector<PolnearDoc>& docs, const QuoteModel* model,
                  bool diagnostics, QuoteEvalReport* report);
void FinishReport(QuoteEvalReport* report);
std::string FormatReport(const QuoteEvalReport& report);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_QUOTES_H_
