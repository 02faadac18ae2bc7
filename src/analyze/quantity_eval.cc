// NewsQuant scoring for QuantityRecognizer (the matching rule is written
// next to QuantityEvalReport in quantity.h). The file is one JSON array of
// {"text", "quantities": [{"value", "change", "unit", "normalized_unit",
// "referred_concepts"}]}.
#include <simdjson.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "analyze/quantity.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

struct GoldQ {
  double low = 0, high = 0;
  std::string change, unit, norm_unit, concepts;
};

bool ParseGoldValue(std::string_view v, double* lo, double* hi) {
  // "275.0", "750000.0-1000000.0", "-5.0" (a leading minus is a sign).
  size_t dash = v.find('-', 1);
  std::string a(v.substr(0, dash));
  char* endp = nullptr;
  *lo = std::strtod(a.c_str(), &endp);
  if (endp == a.c_str()) return false;
  *hi = *lo;
  if (dash != std::string_view::npos) {
    std::string b(v.substr(dash + 1));
    *hi = std::strtod(b.c_str(), &endp);
    if (endp == b.c_str()) return false;
  }
  return true;
}

bool Near(double a, double b) {
  return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a));
}

// The system value in NewsQuant's convention.
void SystemValue(const Quantity& q, double* lo, double* hi) {
  if (q.vague && q.vague_base > 0) {
    *lo = q.vague_base;
    *hi = q.vague_base * 10;
    return;
  }
  if (!q.has_low) {
    *lo = *hi = q.high;
    return;
  }
  if (!q.has_high) {
    *lo = *hi = q.low;
    return;
  }
  *lo = q.low;
  *hi = q.high;
}

std::string ChangeSymbol(const Quantity& q) {
  if (q.direction == Direction::kUp) return "up";
  if (q.direction == Direction::kDown) return "down";
  switch (q.qualifier) {
    case Qualifier::kAbout: return "~";
    case Qualifier::kUpTo:
    case Qualifier::kAtMost:
    case Qualifier::kFewerThan: return "<";
    case Qualifier::kAtLeast:
    case Qualifier::kMoreThan: return ">";
    default: return "=";
  }
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool UnitMatch(const GoldQ& g, const Quantity& q) {
  auto sym = [](std::string_view u) {
    return u.find('$') != std::string_view::npos ||
           u.find('%') != std::string_view::npos;
  };
  if (sym(g.unit) && sym(q.unit)) return true;
  std::vector<std::string> ours = Words(q.unit);
  if (q.kind == QuantityKind::kPercent) ours.push_back("percent");
  for (const std::string& gw : Words(g.unit + " " + g.norm_unit)) {
    for (const std::string& ow : ours) {
      size_t n = std::min({gw.size(), ow.size(), size_t{4}});
      if (n >= 3 && gw.compare(0, n, ow, 0, n) == 0) return true;
    }
  }
  return false;
}

bool ConceptMatch(const GoldQ& g, std::string_view text, const Quantity& q) {
  if (g.concepts == "-" || g.concepts.empty()) return true;
  // Window of text around the quantity: 60 bytes either side.
  size_t b = q.begin > 60 ? q.begin - 60 : 0;
  std::string window = " ";
  for (const std::string& w : Words(text.substr(b, q.end + 60 - b)))
    window += w + " ";
  for (const std::string& w : Words(g.concepts))
    if (w.size() >= 3 && window.find(" " + w + " ") != std::string::npos)
      return true;
  return false;
}

}  // namespace

Result<QuantityEvalReport> EvaluateNewsQuant(const std::string& path,
                                             bool diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string json = ss.str();
  if (json.size() > (size_t{64} << 20))
    return Status::ResourceExhausted(path + ": larger than 64 MiB");
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json).get(root))
    return Status::InvalidArgument(path + ": invalid JSON");
  simdjson::dom::array items;
  if (root.get_array().get(items))
    return Status::InvalidArgument(path + ": expected an array");

  QuantityEvalReport r;
  text::Tokenizer tokenizer;
  QuantityRecognizer recognizer;
  std::vector<text::Token> tokens;
  std::vector<Quantity> found;
  for (simdjson::dom::element item : items) {
    std::string_view text;
    if (item["text"].get_string().get(text)) continue;
    std::vector<GoldQ> gold;
    simdjson::dom::array qs;
    if (!item["quantities"].get_array().get(qs)) {
      for (simdjson::dom::element e : qs) {
        GoldQ g;
        std::string_view v, s;
        if (e["value"].get_string().get(v) ||
            !ParseGoldValue(v, &g.low, &g.high))
          continue;
        if (!e["change"].get_string().get(s)) g.change = std::string(s);
        if (!e["unit"].get_string().get(s)) g.unit = std::string(s);
        if (!e["normalized_unit"].get_string().get(s)) g.norm_unit = std::string(s);
        if (!e["referred_concepts"].get_string().get(s)) g.concepts = std::string(s);
        gold.push_back(std::move(g));
      }
    }
    ++r.sentences;
    (void)tokenizer.Tokenize(text, &tokens);  // a partial result is scored
    found.clear();
    recognizer.Find(text, tokens, &found);
    r.gold += static_cast<int64_t>(gold.size());
    r.system += static_cast<int64_t>(found.size());
    std::vector<bool> used(gold.size(), false);
    for (const Quantity& q : found) {
      double lo, hi;
      SystemValue(q, &lo, &hi);
      int match = -1;
      for (size_t k = 0; k < gold.size(); ++k) {
        if (!used[k] && Near(gold[k].low, lo) && Near(gold[k].high, hi)) {
          match = static_cast<int>(k);
          break;
        }
      }
      std::string quoted(text.substr(q.begin, q.end - q.begin));
      if (match < 0) {
        if (diagnostics)
          r.diagnostics.push_back("SPUR " + quoted + " [" + std::to_string(lo) +
                                  "] in: " + std::string(text));
        continue;
      }
      used[match] = true;
      const GoldQ& g = gold[match];
      ++r.value_match;
      bool ch = g.change == ChangeSymbol(q);
      if (ch) ++r.value_change;
      if (UnitMatch(g, q)) ++r.value_unit;
      if (ConceptMatch(g, text, q)) ++r.value_concept;
      if (diagnostics && !ch)
        r.diagnostics.push_back("CHANGE " + quoted + " gold " + g.change +
                                " ours " + ChangeSymbol(q));
    }
    if (diagnostics) {
      for (size_t k = 0; k < gold.size(); ++k) {
        if (used[k]) continue;
        char buf[96];
        std::snprintf(buf, sizeof(buf), "MISS %g-%g %s ", gold[k].low,
                      gold[k].high, gold[k].unit.c_str());
        r.diagnostics.push_back(buf + std::string("in: ") + std::string(text));
      }
    }
  }
  auto f1 = [&](int64_t m) {
    return r.gold + r.system == 0 ? 0.0 : 2.0 * m / (r.gold + r.system);
  };
  r.value_p = r.system ? static_cast<double>(r.value_match) / r.system : 0;
  r.value_r = r.gold ? static_cast<double>(r.value_match) / r.gold : 0;
  r.value_f1 = f1(r.value_match);
  r.unit_f1 = f1(r.value_unit);
  r.change_f1 = f1(r.value_change);
  r.concept_f1 = f1(r.value_concept);
  return r;
}

std::string FormatReport(const QuantityEvalReport& r) {
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "sentences %lld  gold %lld  system %lld\n"
                "value          P %.3f  R %.3f  F1 %.3f\n"
                "value+unit     F1 %.3f\n"
                "value+change   F1 %.3f\n"
                "value+concept  F1 %.3f\n",
                static_cast<long long>(r.sentences),
                static_cast<long long>(r.gold), static_cast<long long>(r.system),
                r.value_p, r.value_r, r.value_f1, r.unit_f1, r.change_f1,
                r.concept_f1);
  std::string out = buf;
  for (const std::string& d : r.diagnostics) out += d + "\n";
  return out;
}

}  // namespace wirewatch::analyze
