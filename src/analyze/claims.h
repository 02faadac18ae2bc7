// ClaimExtractor: count claims ("up to 600 militants from Russia and Europe
// are fighting in Syria, Putin said last month") built from the outputs of
// the other analyses of one text — entities, quotes, time expressions and
// quantities — following the count-claim contract of DESIGN.md.
//
// For each count quantity (QuantityRecognizer, kind kCount, not a time
// unit):
//   subject   the head noun after the number ("hundreds of foreign
//             militants" -> militant), singular lemma; an elliptic number
//             ("including 10 from the North Caucasus") takes the subject of
//             the claim before it in the sentence;
//   event     verb families in a window around the number and subject
//             (killed/dead -> KILL, wounded -> WOUND, arrested -> ARREST,
//             kidnapped -> KIDNAP, protesters -> PROTEST, fled/displaced ->
//             DISPLACE, fighting/deployed -> DEPLOY, employs/jobs -> EMPLOY,
//             affected/infected -> AFFECT), else combatant nouns -> DEPLOY,
//             else OTHER;
//   origin    demonyms and places in the subject phrase: "Russian
//             militants", "militants of Russian origin", "from Russia and
//             Europe", "including Russians and Americans", "Russians are
//             among hundreds of militants";
//   location  "in <place>" in the sentence (not an origin); "there" takes
//             the last such place before it;
//   source    the speaker of the quote or reported speech whose content
//             holds the number, else the study/report the sentence is about
//             ("A recent study ... analyzed"), else empty;
//   time      the DATE time expression of the sentence (a range gives
//             "begin/end"); "that period" takes the last range; else the
//             time of the same source's previous claim;
//   negated / hypothetical  "no", "not", "never", "denied" / "could",
//             "would", "may", "might", "if", "feared" in the clause.
// Claims repeating an earlier claim of the same source (same bounds and
// subject) are merged into it (origins united, time/location filled).
//
// Offsets are byte offsets into the analysed text. Golden test on the seed
// page: claims_test.cc. Thread-safety: stateless; Extract() is const.
#ifndef WIREWATCH_ANALYZE_CLAIMS_H_
#define WIREWATCH_ANALYZE_CLAIMS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities.h"
#include "analyze/quantity.h"
#include "analyze/quotes.h"
#include "analyze/timex.h"
#include "base/json_writer.h"

namespace wirewatch::analyze {

struct CountClaim {
  std::string quantity_text;  // "up to 600"
  double low = 0;             // valid when has_low
  double high = 0;            // valid when has_high
  bool has_low = true;
  bool has_high = true;
  Qualifier qualifier = Qualifier::kExact;
  std::string subject;  // singular lemma: "militant"
  std::string event;    // KILL WOUND ARREST KIDNAP PROTEST DISPLACE DEPLOY
                        // EMPLOY AFFECT OTHER
  std::vector<std::string> origin;  // "Russia", "Europe", "North Caucasus"
  std::string location;             // "Syria" or empty
  std::string source;               // "Vladimir Putin", "the study" or empty
  int source_entity = -1;           // index into Analysis::entities
  std::string time;                 // TIMEX value, "2012-07/2013-05", or empty
  bool negated = false;
  bool hypothetical = false;
  uint32_t sentence = 0;  // index into Analysis::sentences
  uint32_t begin = 0;     // bytes of the quantity phrase
  uint32_t end = 0;
  uint32_t sentence_begin = 0;  // bytes of the sentence
  uint32_t sentence_end = 0;
};

class ClaimExtractor {
 public:
  // REQUIRES: all inputs describe the same `text`: `tokens` from the
  // tokenizer, `a` from EntityAnalyzer, `quotes` from QuoteExtractor,
  // `timexes` from TimexTagger, `quantities` from QuantityRecognizer over
  // `tokens`. Replaces *out.
  void Extract(std::string_view text, std::span<const text::Token> tokens,
               const Analysis& a, std::span<const Quote> quotes,
               std::span<const Timex> timexes,
               std::span<const Quantity> quantities,
               std::vector<CountClaim>* out) const;
};

// Singular lemma of an English plural noun: militants -> militant,
// casualties -> casualty, people -> person, children -> child.
std::string SingularLemma(std::string_view lower);

void WriteClaimJson(const CountClaim& c, JsonWriter* w);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_CLAIMS_H_
