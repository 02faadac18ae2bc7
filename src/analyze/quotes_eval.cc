// PolNeAR scoring for QuoteExtractor; the rule is documented next to
// QuoteEvalReport in quotes.h.
#include <algorithm>
#include <cstdio>

#include "analyze/polnear.h"
#include "analyze/quotes.h"
#include "base/utf8.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {

Result<QuoteEvalReport> EvaluatePolnear(const std::string& dir,
                                        const QuoteModel* model,
                                        bool diagnostics) {
  auto docs = ReadPolnear(dir);
  if (!docs.ok()) return docs.status();
  QuoteEvalReport r;
  ScorePolnear(*docs, model, diagnostics, &r);
  FinishReport(&r);
  return r;
}

namespace {
// text[b, e) on one line, cut to about 200 bytes in its middle.
std::string Excerpt(std::string_view text, uint32_t b, uint32_t e) {
  std::string out(text.substr(b, e - b));
  if (out.size() > 200) out = out.substr(0, 95) + " … " + out.substr(out.size() - 95);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return "<<" + SanitizeUtf8(out) + ">>";  // a cut may split a character
}
}  // namespace

void ScorePolnear(const std::vector<PolnearDoc>& docs, const QuoteModel* model,
                  bool diagnostics, QuoteEvalReport* report) {
  QuoteEvalReport& r = *report;
  text::Tokenizer tokenizer;
  text::SentenceSplitter splitter;
  QuoteExtractor extractor(model);
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  std::vector<Quote> quotes;
  for (const PolnearDoc& doc : docs) {
    const std::string& text = doc.text;
    ++r.documents;
    std::vector<PolnearRelation> gold = doc.relations;
    for (PolnearRelation& g : gold) g.content = TrimContent(text, g.content);
    (void)tokenizer.Tokenize(text, &tokens);  // a partial result is scored
    splitter.Split(text, tokens, &sentences);
    extractor.Extract(text, tokens, sentences, nullptr, &quotes);
    // A quote split by its attribution ("A," he said, "B") is one relation
    // with two fragments, as in the gold: fragments sharing a cue are
    // scored as their hull.
    std::vector<Quote> merged;
    for (const Quote& q : quotes) {
      if (q.cue_end > q.cue_begin) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const Quote& m) {
          return m.cue_begin == q.cue_begin && m.cue_end == q.cue_end;
        });
        if (same != merged.end()) {
          same->begin = std::min(same->begin, q.begin);
          same->end = std::max(same->end, q.end);
          continue;
        }
      }
      merged.push_back(q);
    }
    quotes.swap(merged);
    r.gold += static_cast<int64_t>(gold.size());
    r.system += static_cast<int64_t>(quotes.size());
    const size_t ns = quotes.size();
    std::vector<ByteSpan> sys_spans(ns), sys_cues(ns);
    for (size_t i = 0; i < ns; ++i) {
      sys_spans[i] = TrimContent(text, ByteSpan{quotes[i].begin, quotes[i].end});
      sys_cues[i] = ByteSpan{quotes[i].cue_begin, quotes[i].cue_end};
    }
    std::vector<int> match = MatchRelations(sys_spans, sys_cues, gold);
    std::vector<bool> used(gold.size(), false);
    for (int m : match)
      if (m >= 0) used[m] = true;
    for (size_t qi = 0; qi < ns; ++qi) {
      const Quote& q = quotes[qi];
      const ByteSpan sys = sys_spans[qi];
      const int best = match[qi];
      if (best < 0) {
        if (diagnostics) {
          // A gold cue under ours means the span, not the cue, was wrong;
          // "taken" when another of our quotes matched that relation.
          std::string theirs;
          for (size_t k = 0; k < gold.size() && theirs.empty(); ++k) {
            if (Overlap(gold[k].cue, sys_cues[qi]) == 0) continue;
            const ByteSpan c = gold[k].content;
            theirs = std::string(used[k] ? " <<gold, taken: " : " <<gold: ") +
                     text.substr(c.b, std::min<uint32_t>(160, c.e - c.b)) + ">>";
          }
          r.diagnostics.push_back(
              std::string(theirs.empty() ? "SPUR-" : "SPUR-SPAN-") +
              std::string(QuoteKindName(q.kind)) + " [" + q.speaker_text + " | " +
              q.cue + "] " + text.substr(sys.b, sys.e - sys.b) + theirs);
        }
        continue;
      }
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
              "] ours [" + q.speaker_text + "] cue [" + q.cue + "] " +
              Excerpt(text, std::min(g.source.b, q.cue_begin),
                      std::max(g.source.e, q.cue_end)));
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
        // "-Q": the gold content is a direct quote (it follows a mark).
        const bool quoted =
            (g.content.b >= 1 && text[g.content.b - 1] == '"') ||
            (g.content.b >= 3 && text.compare(g.content.b - 3, 3, "\u201c") == 0);
        const ByteSpan c = g.content;
        r.diagnostics.push_back(
            std::string(ours.empty() ? "MISS" : "MISS-SPAN") +
            (quoted ? "-Q [" : " [") + src + " | " + cue + "] " +
            text.substr(c.b, std::min<uint32_t>(160, c.e - c.b)) + ours);
      }
    }
  }
}

void FinishReport(QuoteEvalReport* report) {
  QuoteEvalReport& r = *report;
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
}

std::string FormatReport(const QuoteEvalReport& r) {
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "documents %lld  gold %lld  system %lld\n"
                "content exact    P %.3f  R %.3f  F1 %.3f  (%lld matched)\n"
                "content overlap  P %.3f  R %.3f  F1 %.3f  (%lld matched)\n"
                "source agreement %.3f (%lld/%lld matched)\n"
                "cue agreement    %.3f (%lld/%lld matched)\n",
                static_cast<long long>(r.documents), static_cast<long long>(r.gold),
                static_cast<long long>(r.system), r.exact_p, r.exact_r, r.exact_f1,
                static_cast<long long>(r.exact), r.overlap_p, r.overlap_r,
                r.overlap_f1, static_cast<long long>(r.overlap), r.source_accuracy,
                static_cast<long long>(r.source_agree),
                static_cast<long long>(r.source_gold), r.cue_accuracy,
                static_cast<long long>(r.cue_agree), static_cast<long long>(r.cue_gold));
  std::string out = buf;
  for (const std::string& d : r.diagnostics) out += d + "\n";
  return out;
}

}  // namespace wirewatch::analyze
