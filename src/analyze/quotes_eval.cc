// PolNeAR scoring for QuoteExtractor; the rule is documented next to
// QuoteEvalReport in quotes.h.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyze/quotes.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

namespace fs = std::filesystem;

struct ByteSpan {
  uint32_t b = 0, e = 0;
};

struct GoldRel {
  ByteSpan content;  // hull of the fragments
  ByteSpan source;   // b == e when none
  ByteSpan cue;
};

bool ReadAll(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Byte offset of each code point index (plus one past the end).
std::vector<uint32_t> CharToByte(std::string_view s) {
  std::vector<uint32_t> map;
  map.reserve(s.size() + 1);
  for (uint32_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) map.push_back(i);
  map.push_back(static_cast<uint32_t>(s.size()));
  return map;
}

// "Content 115 290" or "Content 10 20;25 30" -> hull in bytes.
bool ParseSpan(std::string_view field, const std::vector<uint32_t>& c2b,
               std::string* type, ByteSpan* out) {
  size_t sp = field.find(' ');
  if (sp == std::string_view::npos) return false;
  *type = std::string(field.substr(0, sp));
  std::string rest(field.substr(sp + 1));
  for (char& c : rest)
    if (c == ';') c = ' ';
  std::istringstream is(rest);
  long lo = -1, hi = -1, x;
  bool first = true;
  while (is >> x) {
    if (first) lo = x;
    hi = std::max(hi, x);
    first = false;
  }
  if (lo < 0 || hi < lo || static_cast<size_t>(hi) >= c2b.size()) return false;
  out->b = c2b[lo];
  out->e = c2b[hi];
  return true;
}

ByteSpan Trim(std::string_view text, ByteSpan s) {
  auto junk = [&](uint32_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' ||
           c == '.' || c == ',' || c == ':' || c == ';';
  };
  auto quote3 = [&](uint32_t i) {  // “ ” ‘ ’ are E2 80 9C/9D/98/99
    return i + 3 <= text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[i + 2]) & 0xF8) == 0x98;
  };
  while (s.b < s.e) {
    if (junk(s.b)) ++s.b;
    else if (quote3(s.b) && s.b + 3 <= s.e) s.b += 3;
    else break;
  }
  while (s.e > s.b) {
    if (junk(s.e - 1)) --s.e;
    else if (s.e >= 3 && quote3(s.e - 3) && s.e - 3 >= s.b) s.e -= 3;
    else break;
  }
  return s;
}

uint32_t Overlap(ByteSpan a, ByteSpan b) {
  uint32_t lo = std::max(a.b, b.b), hi = std::min(a.e, b.e);
  return hi > lo ? hi - lo : 0;
}

}  // namespace

Result<QuoteEvalReport> EvaluatePolnear(const std::string& dir,
                                        bool diagnostics) {
  fs::path root(dir);
  fs::path ann_dir = root / "attributions", text_dir = root / "text";
  std::error_code ec;
  if (!fs::is_directory(ann_dir, ec) || !fs::is_directory(text_dir, ec))
    return Status::NotFound(dir + ": expected attributions/ and text/");
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(ann_dir, ec))
    if (e.path().extension() == ".ann") anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  if (anns.empty()) return Status::NotFound(dir + ": no .ann files");

  QuoteEvalReport r;
  text::Tokenizer tokenizer;
  text::SentenceSplitter splitter;
  QuoteExtractor extractor;
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  std::vector<Quote> quotes;
  for (const fs::path& ann : anns) {
    // "name_ef2d.ann" annotates "name.txt" (or "name_ef2d.txt").
    std::string stem = ann.stem().string();
    fs::path txt = text_dir / (stem + ".txt");
    if (!fs::exists(txt, ec)) {
      size_t us = stem.rfind('_');
      if (us != std::string::npos) txt = text_dir / (stem.substr(0, us) + ".txt");
    }
    std::string text, ann_text;
    if (!ReadAll(txt, &text) || !ReadAll(ann, &ann_text)) continue;
    ++r.documents;
    std::vector<uint32_t> c2b = CharToByte(text);
    std::map<std::string, std::pair<std::string, ByteSpan>> spans;
    std::vector<GoldRel> gold;
    std::istringstream lines(ann_text);
    std::string line;
    std::vector<std::string> rels;
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      size_t t1 = line.find('\t');
      if (t1 == std::string::npos) continue;
      std::string id = line.substr(0, t1);
      size_t t2 = line.find('\t', t1 + 1);
      std::string field = line.substr(t1 + 1, t2 == std::string::npos
                                                  ? std::string::npos
                                                  : t2 - t1 - 1);
      if (id[0] == 'T') {
        std::string type;
        ByteSpan s;
        if (ParseSpan(field, c2b, &type, &s)) spans[id] = {type, s};
      } else if (id[0] == 'E') {
        rels.push_back(field);
      }
    }
    for (const std::string& rel : rels) {
      GoldRel g;
      bool has_content = false;
      std::istringstream is(rel);
      std::string part;
      while (is >> part) {
        size_t colon = part.find(':');
        if (colon == std::string::npos) continue;
        std::string role = part.substr(0, colon), ref = part.substr(colon + 1);
        auto it = spans.find(ref);
        if (it == spans.end()) continue;
        if (role.rfind("Content", 0) == 0) {
          g.content = has_content
                          ? ByteSpan{std::min(g.content.b, it->second.second.b),
                                     std::max(g.content.e, it->second.second.e)}
                          : it->second.second;
          has_content = true;
        } else if (role.rfind("Source", 0) == 0) {
          g.source = it->second.second;
        } else if (role.rfind("Cue", 0) == 0) {
          g.cue = it->second.second;
        }
      }
      if (has_content) {
        g.content = Trim(text, g.content);
        gold.push_back(g);
      }
    }
    (void)tokenizer.Tokenize(text, &tokens);  // a partial result is scored
    splitter.Split(text, tokens, &sentences);
    extractor.Extract(text, tokens, sentences, nullptr, &quotes);
    r.gold += static_cast<int64_t>(gold.size());
    r.system += static_cast<int64_t>(quotes.size());
    std::vector<bool> used(gold.size(), false);
    for (const Quote& q : quotes) {
      ByteSpan sys = Trim(text, ByteSpan{q.begin, q.end});
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
        if (diagnostics)
          r.diagnostics.push_back("SPUR [" + q.speaker_text + " | " + q.cue + "] " +
                                  text.substr(sys.b, sys.e - sys.b));
        continue;
      }
      used[best] = true;
      const GoldRel& g = gold[best];
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
        const GoldRel& g = gold[k];
        std::string src = text.substr(g.source.b, g.source.e - g.source.b);
        std::string cue = text.substr(g.cue.b, g.cue.e - g.cue.b);
        r.diagnostics.push_back("MISS [" + src + " | " + cue + "] " +
                                text.substr(g.content.b, std::min<uint32_t>(160, g.content.e - g.content.b)));
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
