// PolNeAR scoring for QuoteExtractor; the rule is documented next to
// QuoteEvalReport in quotes.h.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyze/polnear.h"
#include "analyze/quotes.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

uint32_t Overlap(ByteSpan a, ByteSpan b) {
  uint32_t lo = std::max(a.b, b.b), hi = std::min(a.e, b.e);
  return hi > lo ? hi - lo : 0;
}

}  // namespace

Result<QuoteEvalReport> EvaluatePolnear(const std::string& dir,
                                        const QuoteModel* model,
                                        bool diagnostics) {
  auto docs = ReadPolnear(dir);
  if (!docs.ok()) return docs.status();
  QuoteEvalReport r;
  text::Tokenizer tokenizer;
  text::SentenceSplitter splitter;
  QuoteExtractor extractor(model);
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  std::vector<Quote> quotes;
  for (const PolnearDoc& doc : *docs) {
    const std::string& text = doc.text;
    ++r.documents;
    std::vector<PolnearRelation> gold = doc.relations;
    for (PolnearRelation& g : gold) g.content = TrimContent(text, g.content);
    (void)tokenizer.Tokenize(text, &tokens);  // a partial result is scored
    splitter.Split(text, tokens, &sentences);
    extractor.Extract(text, tokens, sentences, nullptr, &quotes);
    r.gold += static_cast<int64_t>(gold.size());
    r.system += static_cast<int64_t>(quotes.size());
    std::vector<bool> used(gold.size(), false);
    for (const Quote& q : quotes) {
      ByteSpan sys = TrimContent(text, ByteSpan{q.begin, q.end});
      int best = -1;
      uint32_t best_ov = 0;
      for (size_t k = 0; k < gold.size(); ++k) {
        if (used[k]) continue;
        uint32_t ov = Overlap(sys, gold[k].content);
        if (ov > best_ov) {
          best_ov = ov;
          best = static_cast<int>(k);
        }
      }
      if (best < 0) {
        if (diagnostics) {
          // A gold cue under ours means the span, not the cue, was wrong.
          bool cue_gold = false;
          for (const PolnearRelation& g : gold)
            cue_gold |= Overlap(g.cue, ByteSpan{q.cue_begin, q.cue_end}) > 0;
          r.diagnostics.push_back(std::string(cue_gold ? "SPUR-SPAN [" : "SPUR [") +
                                  q.speaker_text + " | " + q.cue + "] " +
                                  text.substr(sys.b, sys.e - sys.b));
        }
        continue;
      }
      used[best] = true;
      const PolnearRelation& g = gold[best];
      ++r.overlap;
      if (g.content.b == sys.b && g.content.e == sys.e) ++r.exact;
      if (g.source.e > g.source.b) {
        ++r.source_gold;
        bool agree = Overlap(g.source, ByteSpan{q.speaker_begin, q.speaker_end}) > 0;
        if (agree) ++r.source_agree;
        else if (diagnostics)
          r.diagnostics.push_back(
              "SRC gold [" + text.substr(g.source.b, g.source.e - g.source.b) +
              "] ours [" + q.speaker_text + "]");
      }
      if (g.cue.e > g.cue.b) {
        ++r.cue_gold;
        if (Overlap(g.cue, ByteSpan{q.cue_begin, q.cue_end}) > 0) ++r.cue_agree;
      }
    }
    if (diagnostics) {
      for (size_t k = 0; k < gold.size(); ++k) {
        if (used[k]) continue;
        const PolnearRelation& g = gold[k];
        std::string src = text.substr(g.source.b, g.source.e - g.source.b);
        std::string cue = text.substr(g.cue.b, g.cue.e - g.cue.b);
        // When our quote has the gold cue, show the content it took.
        std::string ours;
        for (const Quote& q : quotes)
          if (Overlap(g.cue, ByteSpan{q.cue_begin, q.cue_end}) > 0)
            ours = " <<ours: " + text.substr(q.begin, std::min<uint32_t>(160, q.end - q.begin)) + ">>";
        r.diagnostics.push_back(std::string(ours.empty() ? "MISS [" : "MISS-SPAN [") +
                                src + " | " + cue + "] " +
                                text.substr(g.content.b, std::min<uint32_t>(160, g.content.e - g.content.b)) +
                                ours);
      }
    }
  }
  auto ratio = [](int64_t a, int64_t b) { return b ? static_cast<double>(a) / b : 0.0; };
  auto f1 = [](double p, double rr) { return p + rr > 0 ? 2 * p * rr / (p + rr) : 0.0; };
  r.exact_p = ratio(r.exact, r.system);
  r.exact_r = ratio(r.exact, r.gold);
  r.exact_f1 = f1(r.exact_p, r.exact_r);
  r.overlap_p = ratio(r.overlap, r.system);
  r.overlap_r = ratio(r.overlap, r.gold);
  r.overlap_f1 = f1(r.overlap_p, r.overlap_r);
  r.source_accuracy = ratio(r.source_agree, r.source_gold);
  r.cue_accuracy = ratio(r.cue_agree, r.cue_gold);
  return r;
}

std::string FormatReport(const QuoteEvalReport& r) {
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "documents %lld  gold %lld  system %lld\n"
                "content exact    P %.3f  R %.3f  F1 %.3f\n"
                "content overlap  P %.3f  R %.3f  F1 %.3f\n"
                "source agreement %.3f (%lld/%lld matched)\n"
                "cue agreement    %.3f (%lld/%lld matched)\n",
                static_cast<long long>(r.documents), static_cast<long long>(r.gold),
                static_cast<long long>(r.system), r.exact_p, r.exact_r, r.exact_f1,
                r.overlap_p, r.overlap_r, r.overlap_f1, r.source_accuracy,
                static_cast<long long>(r.source_agree),
                static_cast<long long>(r.source_gold), r.cue_accuracy,
                static_cast<long long>(r.cue_agree), static_cast<long long>(r.cue_gold));
  std::string out = buf;
  for (const std::string& d : r.diagnostics) out += d + "\n";
  return out;
}

}  // namespace wirewatch::analyze
