// ClaimExtractor: count claims ("up to 600 militants from Russia and Europe
// are fighting in Syria, Putin said last month") built from the outputs of
// the other analyses of one text — entities, quotes, time expressions and
// quantities — following the count-claim contract of DESIGN.md.
//
// For each count quantity (QuantityRecognizer, kind kCount, not a time
// unit, a whole number: "a third of" is a share):
//   subject   the head noun after the number ("hundreds of foreign
//             militants" -> militant, "16 more bodies" -> body, "31 of its
//             citizens" -> citizen), singular lemma; a state adjective as
//             head means persons ("left 12 dead", "dozens injured"); an
//             elliptic number ("including 10 from the North Caucasus",
//             "wounding 23 others") takes the subject of the claim before
//             it in the sentence; a bare number after "toll" counts persons
//             killed ("the death toll rose to 312"); a bare number after a
//             reaching verb takes the head of the total named before it
//             ("the number of people killed passed 11,000" -> person,
//             "the tally of cholera cases rose to 5,000" -> case, "Deaths
//             rose to 140" -> person, "put the number of displaced at
//             12,000" -> person); a bare number whose verb befalls people
//             counts persons ("said 40 were arrested"). Not a count: a
//             number in a place
//             phrase right after the previous subject ("34,000 workers at
//             three plants"), a year naming an event or document ("the
//             2004 census": four digits without a comma, 1800-2100, after
//             a determiner or before a singular noun);
//   event     first the verb or nominalisation right before the number
//             ("killing at least nine", "the deaths of 34"), then the state
//             adjective of the subject, then verb families in a window
//             around the number and subject (one table of inflections and
//             nominalisations per family: killed/dead/lives -> KILL,
//             wounded/burns -> WOUND, arrested/custody -> ARREST,
//             kidnapped/hostages/kidnappers -> KIDNAP, protesters/strike/
//             sit-in -> PROTEST, fled/evacuation/deported -> DISPLACE,
//             fighting/deployed -> DEPLOY, employs/jobs -> EMPLOY,
//             affected/infected/damaged/cases/need -> AFFECT), with words
//             decided by a neighbour or by who acts ("walked out", "took
//             to the streets", "downed tools" -> PROTEST; "forced from
//             their homes", "to leave", "crossed into", "without shelter"
//             -> DISPLACE; "cut power to", "cut off" -> AFFECT; "to
//             hospital" -> WOUND, AFFECT for heat or disease; "seized",
//             "holding" of people -> KIDNAP after an armed group, "seized"
//             -> ARREST otherwise), never a capitalised word inside the
//             sentence ("Midsomer Murders"), skipping an "of" complement
//             of the subject ("10 charges of ... false imprisonment"),
//             then "in protest" later in the sentence,
//             else combatant nouns -> DEPLOY unless another verb says what
//             happened to them ("had surrendered"), else OTHER;
//   origin    demonyms and places in the subject phrase: "Russian
//             militants", "militants of Russian origin", "from Russia and
//             Europe", "including Russians and Americans", "Russians are
//             among hundreds of militants";
//   location  a place after a locative preposition ("in", "near",
//             "across", "off", "through"; "to" for deployments, after
//             "fled" and "to the streets of"; "on" only for a known or
//             framed place or after an attack noun), after "fled" or
//             "deported from", through place frames and modifiers ("in the
//             eastern town of Bakhmut", "the Syrian city of Aleppo", "the
//             border town of Sderot", "in northern Bangladesh", "in Mali's
//             Mopti region", "Kaduna state"), not an origin and not where
//             the claim was made ("told reporters in Geneva"); the first
//             after the number, else the nearest before it; "there" takes
//             the last such place before it;
//   source    the speaker of the quote or reported speech whose content
//             holds the number (a study's named author when there is one:
//             "a report by the Institute for the Study of War"), else the
//             study/report the sentence is about ("A recent study ...
//             analyzed"), else reported speech the quote stage left
//             unattributed ("according to X", "..., X said.", "X said
//             ..."), else empty; a total, a figure or what is counted
//             ("the toll", "a figure Israel disputed", "Deaths") is never
//             a source, nor is a quote whose cue gives a total's value
//             ("passed 1,000");
//   time      the DATE time expression of the sentence nearest to the
//             number, never the start of an open interval ("since
//             January", "from Friday") nor a span up to now ("in the past
//             month"), nor one before the number across "and" or a comma
//             when another follows it ("killed on Tuesday and 14 more on
//             Wednesday"); a range gives "begin/end"; "that period" takes
//             the last range; else the time of the same source's previous
//             claim;
//   negated / hypothetical  "no", "not", "never", "denied", "none of",
//             a rejected report ("rejected claims that", "dismissed
//             reports that", "it was false that") / "could", "may",
//             "might", "if", "fear(ed)", "unless" in the clause of the
//             number (from the last comma or "but" before it to the next
//             comma after its subject; "if" and "unless" to the end of the
//             clause). A possessed headcount ("would not cut any of its
//             2,400 staff") and a deprivation ("without power") are not
//             negated; an announced plan ("would cut 1,200 jobs") is not
//             hypothetical.
// Claims repeating an earlier claim of the same source (same bounds and
// subject) are merged into it (origins united, time/location filled).
//
// Offsets are byte offsets into the analysed text. Golden tests (the seed
// page, one case per rule): claims_test.cc; accuracy on hand-checked
// conflict and disaster items: claims_eval.h, testdata/claims/.
// Thread-safety: stateless; Extract() is const.
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
