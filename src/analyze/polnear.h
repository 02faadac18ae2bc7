// Reader for the PolNeAR attribution corpus (brat standoff): a directory
// with text/*.txt and attributions/*.ann, where "name_ef2d.ann" annotates
// "name.txt" (several annotators may annotate one text: each .ann is one
// document here). T lines give typed spans in code points (fragments
// "10 20;25 30" are merged to their hull); an E line links Source, Cue and
// Content of one attribution relation. Offsets are converted to bytes.
//
// Used by the PolNeAR evaluation (quotes_eval.cc) and by the training of
// the attribution model (quote_train.cc).
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_ANALYZE_POLNEAR_H_
#define WIREWATCH_ANALYZE_POLNEAR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct ByteSpan {
  uint32_t b = 0, e = 0;  // [b, e); b == e when absent
  bool empty() const { return e <= b; }
};

struct PolnearRelation {
  ByteSpan content;  // hull of the content fragments, untrimmed
  ByteSpan source;
  ByteSpan cue;
};

struct PolnearDoc {
  std::string name;  // .ann stem
  std::string text;
  std::vector<PolnearRelation> relations;  // those with a content span
};

// Reads every .ann of dir/attributions (sorted by name) with its text.
// Unreadable pairs are skipped; NotFound when there is none.
Result<std::vector<PolnearDoc>> ReadPolnear(const std::string& dir);

// Bytes that a and b share.
inline uint32_t Overlap(ByteSpan a, ByteSpan b) {
  const uint32_t lo = a.b > b.b ? a.b : b.b, hi = a.e < b.e ? a.e : b.e;
  return hi > lo ? hi - lo : 0;
}

// `s` without surrounding whitespace, ASCII and curly quote marks and
// . , : ; — the normalisation both sides get before spans are compared.
ByteSpan TrimContent(std::string_view text, ByteSpan s);

// One-to-one matching of system attributions (trimmed content spans and
// cue spans, one each) to gold relations whose contents overlap theirs,
// as many pairs as possible: a greedy pass in text order would let a long
// span take the relation that only a later one could match. Each system
// attribution prefers the relations whose cue it shares, then those it
// overlaps most. Returns, per system attribution, its relation or -1.
std::vector<int> MatchRelations(const std::vector<ByteSpan>& contents,
                                const std::vector<ByteSpan>& cues,
                                const std::vector<PolnearRelation>& gold);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_POLNEAR_H_
