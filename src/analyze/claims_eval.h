// Count-claim evaluation: runs the whole analysis (ArticleAnalyzer: NER,
// time expressions, quotes, quantities, claims) over gold items and scores
// the claims against hand-checked ones (testdata/claims/README.md has the
// file format).
//
// Matching: a system claim and a gold claim are candidates when their
// quantity spans overlap (byte ranges in the item's text); pairs are taken
// one-to-one, largest overlap first. Claim P = matched / system, R =
// matched / gold. On matched pairs each field is scored:
//   bounds        both sides equal (an open side must be open in both);
//   qualifier, subject, event, time   equal strings (subject and event
//                 case-insensitive);
//   origin        equal as sets, case-insensitive;
//   location      both empty, or one contains the other (case-insensitive);
//   source        both empty, or one contains the other, or they share a
//                 word of four letters or more ("the health ministry" vs
//                 "Gaza health ministry"), or one is the acronym of the
//                 other's capitalised words ("the UN", "United Nations"),
//                 case-insensitive;
//   negated, hypothetical   equal flags;
//   all           every field above correct.
// Golden coverage: claims_eval_test.cc runs it on both gold files.
//
// Thread-safety: EvaluateClaims builds its own analyzer; the models are
// only read.
#ifndef WIREWATCH_ANALYZE_CLAIMS_EVAL_H_
#define WIREWATCH_ANALYZE_CLAIMS_EVAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/ner_model.h"
#include "analyze/quote_model.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct ClaimEvalReport {
  int64_t items = 0;
  int64_t gold = 0;
  int64_t system = 0;
  int64_t matched = 0;
  double precision = 0, recall = 0, f1 = 0;
  // Correct matched pairs per field, in the order of kClaimFields.
  std::vector<int64_t> field_correct;
  // "MISS", "SPURIOUS" and "FIELD" lines when asked for.
  std::vector<std::string> diagnostics;
  // Accuracy of field `name` over matched pairs; 0 when nothing matched
  // or the name is unknown.
  double FieldAccuracy(const std::string& name) const;
};

// The scored fields, in report order.
extern const char* const kClaimFields[11];

// REQUIRES: `ner` non-null (claims need entities and sentences);
// `quote_model` may be null (quotes from the rules only).
Result<ClaimEvalReport> EvaluateClaims(const std::string& gold_path,
                                       const NerModel* ner,
                                       const QuoteModel* quote_model,
                                       bool diagnostics);
std::string FormatReport(const ClaimEvalReport& report);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_CLAIMS_EVAL_H_
