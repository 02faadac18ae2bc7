#include "analyze/ner_eval.h"

#include <cstdio>

#include "base/json_writer.h"

namespace wirewatch::analyze {

void NerEvalReport::Add(std::span<const NerSpan> gold,
                        std::span<const NerSpan> predicted) {
  for (const NerSpan& g : gold) {
    ++per_type[static_cast<int>(g.type)].gold;
    ++overall.gold;
  }
  size_t j = 0;
  for (const NerSpan& p : predicted) {
    ++per_type[static_cast<int>(p.type)].predicted;
    ++overall.predicted;
    while (j < gold.size() && gold[j].begin < p.begin) ++j;
    if (j < gold.size() && gold[j] == p) {
      ++per_type[static_cast<int>(p.type)].correct;
      ++overall.correct;
    }
  }
}

std::string NerEvalReport::ToString() const {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line,
                "processed %lld tokens with %lld phrases; found: %lld phrases; "
                "correct: %lld.\n",
                static_cast<long long>(tokens),
                static_cast<long long>(overall.gold),
                static_cast<long long>(overall.predicted),
                static_cast<long long>(overall.correct));
  out += line;
  auto row = [&](std::string_view name, const NerScore& s) {
    std::snprintf(line, sizeof line,
                  "%-8.*s precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  "
                  "(gold %lld, found %lld)\n",
                  static_cast<int>(name.size()), name.data(), s.precision(),
                  s.recall(), s.f1(), static_cast<long long>(s.gold),
                  static_cast<long long>(s.predicted));
    out += line;
  };
  row("overall", overall);
  for (int t = 0; t < kNumEntityTypes; ++t) {
    row(EntityTypeName(static_cast<EntityType>(t)), per_type[t]);
  }
  return out;
}

std::string NerEvalReport::ToJson() const {
  std::string out;
  JsonWriter w(&out);
  auto score = [&](std::string_view name, const NerScore& s) {
    w.Key(name);
    w.BeginObject();
    w.Key("precision"); w.Double(s.precision());
    w.Key("recall"); w.Double(s.recall());
    w.Key("f1"); w.Double(s.f1());
    w.Field("gold", s.gold);
    w.Field("found", s.predicted);
    w.Field("correct", s.correct);
    w.EndObject();
  };
  w.BeginObject();
  w.Field("tokens", tokens);
  score("overall", overall);
  for (int t = 0; t < kNumEntityTypes; ++t) {
    score(EntityTypeName(static_cast<EntityType>(t)), per_type[t]);
  }
  w.EndObject();
  return out;
}

NerEvalReport EvaluateCorpus(const ConllCorpus& corpus, NerTagger* tagger) {
  NerEvalReport report;
  std::vector<NerSpan> predicted;
  for (const ConllDoc& doc : corpus.docs) {
    tagger->Tag(doc.input(), &predicted);
    report.Add(doc.gold, predicted);
    report.tokens += static_cast<int64_t>(doc.words.size());
    report.sentences += static_cast<int64_t>(doc.sentences.size());
  }
  return report;
}

Result<NerEvalReport> EvaluateConll(const std::string& path,
                                    NerTagger* tagger) {
  ASSIGN_OR_RETURN(ConllCorpus corpus, ReadConllFile(path));
  return EvaluateCorpus(corpus, tagger);
}

}  // namespace wirewatch::analyze
