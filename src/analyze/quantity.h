// QuantityRecognizer: finds numeric quantities in English news text —
// digits ("600", "1,200", "3.5"), multipliers ("1.2 million", "$3.1bn"),
// number words ("seventeen", "twenty-five", "two hundred"), "a dozen", and
// vague plurals mapped to ranges ("hundreds" 200-999, "dozens" 24-99,
// "thousands" 2000-9999, "scores" 40-99, "tens of thousands" 20000-99999),
// fractions ("1/16", "two-thirds", "a third of", "half of", "one out of
// three") and negative values ("minus 5", "minus-5", "-5", "$-50.8bn")
// — with their qualifier ("up to", "about", "at least", "more than",
// "nearly", "some", "between X and Y"), a direction of change ("rose 8%",
// "+0.3%"), a kind (count, money, percent, measure) and the unit word that
// follows.
//
//   analyze::QuantityRecognizer qr;
//   std::vector<analyze::Quantity> found;
//   qr.Find(text, tokens, &found);   // tokens from text::Tokenizer
//   // "up to 600 militants" -> {has_low false, high 600, kUpTo, kCount,
//   //                           unit "militants"}
//
// Not quantities (never reported): years and dates ("in 2004", "July 4",
// "12 July"), clock times ("4 p.m.", "16:48"), ordinals ("third", "10th"),
// decades ("1990s"), numbers that are part of a name ("S&P 500", "Big 12",
// "Boeing 737", "category 4", "COVID -19"), house numbers ("49 Zorro Ranch
// Road"), ZIP codes, ages ("Senard, 65,", "aged 65", "a 65-year-old"). Money and
// percentages are reported with their kind so that callers (count claims)
// can skip them.
//
// Bounds: exact and about N -> [N, N]; at_least/more_than N -> [N, +inf);
// up_to/at_most/fewer_than N -> (-inf, N]; ranges and vague words -> [a, b].
// Unbounded sides are reported through has_low/has_high = false.
//
// Golden table: quantity_test.cc. Thread-safety: immutable after
// construction; Find() is const and may be called from several threads.
#ifndef WIREWATCH_ANALYZE_QUANTITY_H_
#define WIREWATCH_ANALYZE_QUANTITY_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

enum class Qualifier : uint8_t {
  kExact,
  kAbout,
  kAtLeast,
  kMoreThan,
  kUpTo,
  kAtMost,
  kFewerThan,
  kRange,
  kVague,
};
// "exact", "about", "at_least", ... as in the count-claim contract.
std::string_view QualifierName(Qualifier q);

enum class QuantityKind : uint8_t { kCount, kMoney, kPercent, kMeasure };
std::string_view QuantityKindName(QuantityKind k);

enum class Direction : uint8_t { kNone, kUp, kDown };

struct Quantity {
  uint32_t begin = 0;  // bytes of the whole phrase, qualifier included
  uint32_t end = 0;
  uint32_t num_begin = 0;  // bytes of the number part ("600", "hundreds")
  uint32_t num_end = 0;
  uint32_t token_begin = 0;  // tokens of the whole phrase
  uint32_t token_end = 0;    // one past the number part and unit symbol
  double low = 0;
  double high = 0;
  bool has_low = true;
  bool has_high = true;
  Qualifier qualifier = Qualifier::kExact;
  QuantityKind kind = QuantityKind::kCount;
  Direction direction = Direction::kNone;
  bool vague = false;  // "hundreds", "dozens", "several hundred"
  // For vague quantities, the order of magnitude (100 for "hundreds", 12
  // for "dozens"): NewsQuant writes them as [base, 10 * base].
  double vague_base = 0;
  // The unit: "$", "%", or the word(s) after the number ("militants",
  // "miles per hour"), empty when none.
  std::string unit;
  uint32_t unit_token = 0;  // first token of the unit word (0 when none)
};

class QuantityRecognizer {
 public:
  // Appends the quantities of `text` (tokenised as `tokens`) to *out, in
  // text order. Quantities never span a sentence break that `tokens` marks
  // with a paragraph flag.
  void Find(std::string_view text, std::span<const text::Token> tokens,
            std::vector<Quantity>* out) const;
};

// Parses a number written in digits ("1,200", "3.5", "600") into *value;
// false for anything else ("16:48", "10th", "1990s").
bool ParseDigits(std::string_view s, double* value);

// ---------------------------------------------------------------------------
// NewsQuant evaluation (shared/data/quantities/newsquant-dev.json).
//
// Matching rule (per sentence, greedy): system quantities are matched to
// gold quantities in text order; a pair matches on value when both bounds
// are equal within 1e-6 relative (a gold range "a-b" needs a system range
// [a, b]; a system point N matches gold "N"); each gold quantity matches at
// most one system quantity, the first unmatched gold with an equal value.
// Among value matches we then count: +change (the gold change symbol equals
// ours: "=" exact, "~" about, "<" up_to/at_most/fewer_than, ">"
// at_least/more_than, "up"/"down" a direction), +unit (case-insensitive:
// the gold unit or normalized unit shares a word stem of 3+ letters with
// ours, or both are $/%), +concept (a word of the gold referred concepts
// occurs in the sentence within 8 tokens of the quantity; "-" counts as
// correct when nothing is claimed). F1 = 2 * matches / (gold + system).
struct QuantityEvalReport {
  int64_t sentences = 0;
  int64_t gold = 0;
  int64_t system = 0;
  int64_t value_match = 0;
  int64_t value_unit = 0;
  int64_t value_change = 0;
  int64_t value_concept = 0;
  double value_f1 = 0, value_p = 0, value_r = 0;
  double unit_f1 = 0, change_f1 = 0, concept_f1 = 0;
  std::vector<std::string> diagnostics;
};

Result<QuantityEvalReport> EvaluateNewsQuant(const std::string& path,
                                             bool diagnostics);
std::string FormatReport(const QuantityEvalReport& report);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_QUANTITY_H_
