// TimeML reading and TempEval-3 Task A scoring for time expressions.
//
// ReadTimeml() turns a TimeML document (TimeBank / AQUAINT .tml) into the
// plain text of its <TEXT> element (tags removed, XML entities decoded) and
// the gold TIMEX3 spans as byte offsets into that text, plus the DCT (the
// TIMEX3 with functionInDocument="CREATION_TIME", normally inside <DCT>).
// As in TempEval-3, the DCT timex itself is not part of the text to tag, so
// it is never a gold span.
//
// Scoring (TempEval-3 Task A, UzZaman et al. 2013):
//   strict extent: a system span matches a gold span with identical offsets;
//   relaxed extent: a system span matches a gold span it overlaps (one-to-one,
//     greedy in text order);
//   P = matched system / system, R = matched gold / gold, F1 = 2PR/(P+R);
//   type accuracy = relaxed matches with the gold type / relaxed matches;
//   attribute (value) F1: P = relaxed matches with the gold value / system
//     timexes, R = the same count / gold timexes, F1 from those (equivalently
//     relaxed F1 x value accuracy). Values compare as exact strings.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_ANALYZE_TIMEML_H_
#define WIREWATCH_ANALYZE_TIMEML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/calendar.h"
#include "analyze/timex.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct TimemlDoc {
  std::string id;        // <DOCID> or empty
  std::string text;      // plain text of <TEXT>
  CivilTime dct;         // document creation time
  std::vector<Timex> gold;  // TIMEX3 spans of the text, in order
};

// Parses one TimeML document. Fails (InvalidArgument) when there is no
// <TEXT> element or no parsable DCT. Input limit: 64 MiB.
Result<TimemlDoc> ReadTimeml(std::string_view xml);

// Counts accumulated over documents.
struct TimexCounts {
  int64_t gold = 0;
  int64_t system = 0;
  int64_t strict_match = 0;
  int64_t relaxed_match = 0;
  int64_t type_correct = 0;   // among relaxed matches
  int64_t value_correct = 0;  // among relaxed matches
  int64_t mod_correct = 0;    // among relaxed matches

  void Add(const TimexCounts& o);
};

// Scores `system` against `gold` for one text and adds to *counts. When
// `diagnostics` is non-null, appends one line per miss ("MISS"), spurious
// system timex ("SPUR"), and wrong type/value ("TYPE"/"VAL") match, quoting
// `text`.
void ScoreTimexes(std::string_view text, const std::vector<Timex>& gold,
                  const std::vector<Timex>& system, TimexCounts* counts,
                  std::vector<std::string>* diagnostics);

struct TimexEvalReport {
  int64_t documents = 0;
  int64_t text_bytes = 0;
  TimexCounts counts;
  double strict_p = 0, strict_r = 0, strict_f1 = 0;
  double relaxed_p = 0, relaxed_r = 0, relaxed_f1 = 0;
  double type_accuracy = 0;
  double value_accuracy = 0;  // over relaxed matches
  double value_p = 0, value_r = 0, value_f1 = 0;
  std::vector<std::string> diagnostics;  // "file: ..." lines when asked for
};

// Fills the ratios of *report from report->counts.
void FinishReport(TimexEvalReport* report);

// Reads every *.tml file under `dir` (recursively, sorted by path), tags its
// text with TimexTagger against its DCT and scores it. NotFound when `dir`
// holds no .tml file; a file that fails to parse is an error naming it.
//
// With a non-empty `system_dir`, the system timexes are not computed but
// read from the TIMEX3 elements of the file at the same relative path under
// `system_dir` (TempEval-3 style: another tagger's output as TimeML). Its
// text must equal the gold text (InvalidArgument otherwise), so offsets
// compare; a missing system file is an error naming it.
Result<TimexEvalReport> EvaluateTimemlDir(const std::string& dir,
                                          bool diagnostics,
                                          const std::string& system_dir = {});

// A human-readable multi-line summary (and the diagnostics, if any).
std::string FormatReport(const TimexEvalReport& report);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_TIMEML_H_
