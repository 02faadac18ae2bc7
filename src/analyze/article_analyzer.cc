#include "analyze/article_analyzer.h"

#include <cstdio>
#include <ctime>
#include <memory>

namespace wirewatch::analyze {

bool ParseArticleDate(const std::string& iso, CivilTime* out) {
  if (iso.size() < 10) return false;
  CivilTime t;
  if (!ParseIsoCivil(iso.substr(0, 10), &t) || !t.valid_date()) return false;
  *out = t;
  return true;
}

ArticleAnalyzer::ArticleAnalyzer(const NerModel* model,
                                 const QuoteModel* quote_model)
    : quotes_(quote_model) {
  if (model) entities_ = std::make_unique<EntityAnalyzer>(model);
}

Status ArticleAnalyzer::Analyze(const Article& a, ArticleAnalysis* out) {
  out->entities = Analysis();
  out->timexes.clear();
  out->quotes.clear();
  out->claims.clear();
  out->dct.clear();
  out->warnings.clear();
  text_.clear();
  for (const auto& p : a.paragraphs) {
    if (!text_.empty()) text_ += "\n\n";
    text_ += p;
  }
  if (entities_) RETURN_IF_ERROR(entities_->Analyze(text_, &out->entities));

  CivilTime dct;
  bool have_dct = ParseArticleDate(a.published.value, &dct);
  if (!have_dct && a.fetch_time > 0) {
    std::time_t t = static_cast<std::time_t>(a.fetch_time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    dct.year = tm.tm_year + 1900;
    dct.month = tm.tm_mon + 1;
    dct.day = tm.tm_mday;
    have_dct = dct.valid_date();
  }
  if (!have_dct) {
    out->warnings.push_back(
        "no publication or fetch date: time expressions not resolved");
  } else {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", dct.year, dct.month,
                  dct.day);
    out->dct = buf;
    timex_.Tag(text_, dct, &out->timexes);
  }
  if (entities_) {
    const auto& tokens = entities_->tokens();
    quantity_scratch_.clear();
    quantities_.Find(text_, tokens, &quantity_scratch_);
    quotes_.Extract(text_, tokens, out->entities.sentences, &out->entities,
                    &out->quotes);
    claims_.Extract(text_, tokens, out->entities, out->quotes, out->timexes,
                    quantity_scratch_, &out->claims);
  }
  return Status::Ok();
}

void WriteArticleAnalysisJson(const ArticleAnalysis& a, JsonWriter* w) {
  w->BeginObject();
  w->Field("dct", a.dct);
  w->Key("ner");
  WriteAnalysisJson(a.entities, w);
  w->Key("timexes");
  w->BeginArray();
  for (const Timex& t : a.timexes) {
    w->BeginObject();
    w->Field("begin", static_cast<int64_t>(t.begin));
    w->Field("end", static_cast<int64_t>(t.end));
    w->Field("type", TimexTypeName(t.type));
    w->Field("value", t.value);
    if (!t.mod.empty()) w->Field("mod", t.mod);
    if (t.range_id >= 0) {
      w->Field("range_id", static_cast<int64_t>(t.range_id));
      w->Field("range_begin", t.range_begin);
      w->Field("range_end", t.range_end);
    }
    w->EndObject();
  }
  w->EndArray();
  w->Key("quotes");
  w->BeginArray();
  for (const Quote& q : a.quotes) {
    w->BeginObject();
    w->Field("kind", QuoteKindName(q.kind));
    w->Field("begin", static_cast<int64_t>(q.begin));
    w->Field("end", static_cast<int64_t>(q.end));
    w->Field("cue", q.cue);
    w->Field("speaker", q.speaker);
    w->Field("speaker_text", q.speaker_text);
    w->Field("speaker_begin", static_cast<int64_t>(q.speaker_begin));
    w->Field("speaker_end", static_cast<int64_t>(q.speaker_end));
    w->Field("entity", static_cast<int64_t>(q.entity));
    w->Field("sentence", static_cast<int64_t>(q.sentence));
    w->EndObject();
  }
  w->EndArray();
  w->Key("claims");
  w->BeginArray();
  for (const CountClaim& c : a.claims) WriteClaimJson(c, w);
  w->EndArray();
  w->StringArray("warnings", a.warnings);
  w->EndObject();
}

std::string ArticleAnalysisToJson(const ArticleAnalysis& a) {
  std::string out;
  JsonWriter w(&out);
  WriteArticleAnalysisJson(a, &w);
  return out;
}

}  // namespace wirewatch::analyze
