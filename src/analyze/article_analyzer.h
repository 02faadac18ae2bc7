// ArticleAnalyzer: runs every analysis of the analyze stage over one
// Article's text — entities (NER, roles, nationalities, grouping), time
// expressions resolved against the article's date, quotes with speakers and
// count claims — and writes the result
// as the `analysis` object of the article record (docs/record-format.md).
//
// Offsets in the result are byte offsets into Article::Text() (the
// paragraphs joined by "\n\n"), the `text` the store keeps; the title is not
// analysed. The document creation time for time expressions is the
// published date, else the fetch time; with neither, time expressions are
// not resolved and a warning says so.
//
// Thread-safety: one ArticleAnalyzer per thread (it keeps scratch buffers);
// the NerModel it reads is immutable and shared.
#ifndef WIREWATCH_ANALYZE_ARTICLE_ANALYZER_H_
#define WIREWATCH_ANALYZE_ARTICLE_ANALYZER_H_

#include <string>
#include <vector>

#include "analyze/claims.h"
#include "analyze/entities.h"
#include "analyze/quantity.h"
#include "analyze/quotes.h"
#include "analyze/timex.h"
#include "base/json_writer.h"
#include "wirewatch/article.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct ArticleAnalysis {
  Analysis entities;
  std::vector<Timex> timexes;
  // Quotes and count claims (claims.h); empty when entities were skipped.
  std::vector<Quote> quotes;
  std::vector<CountClaim> claims;
  // The reference date used for time expressions ("2013-07-12"), empty when
  // there was none.
  std::string dct;
  std::vector<std::string> warnings;
};

class ArticleAnalyzer {
 public:
  // `model` may be null: entities are then skipped (time expressions still
  // run). `quote_model` may be null: quotes then come from the rules only.
  // REQUIRES: the models, if given, outlive the analyzer.
  explicit ArticleAnalyzer(const NerModel* model,
                           const QuoteModel* quote_model = nullptr);

  // Analyses a.Text() into *out (cleared first).
  Status Analyze(const Article& a, ArticleAnalysis* out);

 private:
  std::unique_ptr<EntityAnalyzer> entities_;
  TimexTagger timex_;
  QuantityRecognizer quantities_;
  QuoteExtractor quotes_;
  ClaimExtractor claims_;
  std::vector<Quantity> quantity_scratch_;
  std::string text_;
};

// Writes `a` as one JSON object: {"dct", "ner", "timexes", "quotes",
// "claims", "warnings"}.
void WriteArticleAnalysisJson(const ArticleAnalysis& a, JsonWriter* w);
std::string ArticleAnalysisToJson(const ArticleAnalysis& a);

// The civil date of an ISO 8601 date or date-time string ("2013-07-12",
// "2013-07-12T16:48:58+04:00"); false when it does not start with a date.
bool ParseArticleDate(const std::string& iso, CivilTime* out);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_ARTICLE_ANALYZER_H_
