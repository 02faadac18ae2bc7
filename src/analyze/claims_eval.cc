// Count-claim scoring (the matching rule is in claims_eval.h): each JSON
// Lines item becomes a one-paragraph Article published on its `date`, is
// analysed the way `wirewatch analyze` does, and its claims are paired with
// the gold claims by overlapping quantity spans.
#include "analyze/claims_eval.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "analyze/article_analyzer.h"
#include "base/ascii.h"

namespace wirewatch::analyze {

const char* const kClaimFields[11] = {
    "bounds", "qualifier", "subject", "event",        "origin", "location",
    "source", "time",      "negated", "hypothetical", "all"};

namespace {

constexpr size_t kMaxLine = size_t{1} << 20;

struct GoldClaim {
  uint32_t begin = 0, end = 0;
  std::string quantity;
  bool has_low = false, has_high = false;
  double low = 0, high = 0;
  std::string qualifier, subject, event, location, source, time;
  std::vector<std::string> origin;
  bool negated = false, hypothetical = false;
};

struct GoldItem {
  std::string id, date, text;
  std::vector<GoldClaim> claims;
};

std::string GetString(simdjson::dom::element obj, const char* key) {
  std::string_view v;
  if (obj[key].get_string().get(v)) return {};  // missing or null
  return std::string(v);
}

bool GetNumber(simdjson::dom::element obj, const char* key, double* out) {
  simdjson::dom::element e;
  if (obj[key].get(e) || e.is_null()) return false;
  if (e.is_int64()) {
    *out = static_cast<double>(int64_t(e));
    return true;
  }
  return !e.get_double().get(*out);
}

bool GetBool(simdjson::dom::element obj, const char* key) {
  bool b = false;
  if (obj[key].get_bool().get(b)) return false;
  return b;
}

Status ParseClaim(simdjson::dom::element c, const std::string& text,
                  const std::string& where, GoldClaim* g) {
  g->quantity = GetString(c, "quantity");
  if (g->quantity.empty())
    return Status::InvalidArgument(where + ": claim without \"quantity\"");
  double begin = -1;
  size_t at = std::string::npos;
  if (GetNumber(c, "begin", &begin) && begin >= 0) {
    at = static_cast<size_t>(begin);
    if (text.compare(at, g->quantity.size(), g->quantity) != 0)
      return Status::InvalidArgument(where + ": \"begin\" does not point at " +
                                     g->quantity);
  } else {
    at = text.find(g->quantity);
    if (at == std::string::npos ||
        text.find(g->quantity, at + 1) != std::string::npos)
      return Status::InvalidArgument(where + ": quantity \"" + g->quantity +
                                     "\" does not occur exactly once");
  }
  g->begin = static_cast<uint32_t>(at);
  g->end = static_cast<uint32_t>(at + g->quantity.size());
  g->has_low = GetNumber(c, "low", &g->low);
  g->has_high = GetNumber(c, "high", &g->high);
  g->qualifier = GetString(c, "qualifier");
  g->subject = GetString(c, "subject");
  g->event = GetString(c, "event");
  g->location = GetString(c, "location");
  g->source = GetString(c, "source");
  g->time = GetString(c, "time");
  g->negated = GetBool(c, "negated");
  g->hypothetical = GetBool(c, "hypothetical");
  simdjson::dom::array origins;
  if (!c["origin"].get_array().get(origins)) {
    for (simdjson::dom::element o : origins) {
      std::string_view s;
      if (!o.get_string().get(s)) g->origin.emplace_back(s);
    }
  }
  return Status::Ok();
}

Result<std::vector<GoldItem>> ReadGold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::vector<GoldItem> items;
  simdjson::dom::parser parser;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    if (line.size() > kMaxLine)
      return Status::ResourceExhausted(where + ": line longer than 1 MiB");
    simdjson::dom::element obj;
    if (parser.parse(line).get(obj) || !obj.is_object())
      return Status::InvalidArgument(where + ": not a JSON object");
    GoldItem item;
    item.id = GetString(obj, "id");
    item.date = GetString(obj, "date");
    item.text = GetString(obj, "text");
    if (item.id.empty()) item.id = "line " + std::to_string(line_no);
    if (item.text.empty())
      return Status::InvalidArgument(where + ": item without \"text\"");
    simdjson::dom::array claims;
    if (!obj["claims"].get_array().get(claims)) {
      for (simdjson::dom::element c : claims) {
        GoldClaim g;
        RETURN_IF_ERROR(ParseClaim(c, item.text, where, &g));
        item.claims.push_back(std::move(g));
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

bool Near(double a, double b) {
  return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a));
}

bool BoundsEqual(const GoldClaim& g, const CountClaim& s) {
  if (g.has_low != s.has_low || g.has_high != s.has_high) return false;
  if (g.has_low && !Near(g.low, s.low)) return false;
  if (g.has_high && !Near(g.high, s.high)) return false;
  return true;
}

bool Contains(const std::string& a, const std::string& b) {
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

std::vector<std::string> LongWords(const std::string& lower) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : lower + " ") {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      cur += ch;
    } else {
      if (cur.size() >= 4 && cur != "said" && cur != "from" && cur != "with")
        out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

// The initials of the capitalised words of `s` ("United Nations" -> "un"),
// empty unless there are two or more.
std::string Initials(const std::string& s) {
  std::string out;
  bool start = true;
  for (char ch : s) {
    if (start && std::isupper(static_cast<unsigned char>(ch)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    start = ch == ' ';
  }
  return out.size() >= 2 ? out : std::string();
}

bool HasWord(const std::string& lower, const std::string& word) {
  std::string padded = " " + lower + " ";
  for (char& ch : padded)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = ' ';
  return !word.empty() && padded.find(" " + word + " ") != std::string::npos;
}

bool SourceMatch(const std::string& gold, const std::string& sys) {
  if (gold.empty() || sys.empty()) return gold.empty() && sys.empty();
  std::string g = AsciiLower(gold), s = AsciiLower(sys);
  if (Contains(g, s)) return true;
  // An acronym and its expansion: "the UN" and "United Nations".
  if (HasWord(g, Initials(sys)) || HasWord(s, Initials(gold))) return true;
  std::vector<std::string> gw = LongWords(g);
  for (const std::string& w : LongWords(s))
    if (std::find(gw.begin(), gw.end(), w) != gw.end()) return true;
  return false;
}

bool LocationMatch(const std::string& gold, const std::string& sys) {
  if (gold.empty() || sys.empty()) return gold.empty() && sys.empty();
  return Contains(AsciiLower(gold), AsciiLower(sys));
}

bool OriginMatch(const std::vector<std::string>& gold,
                 const std::vector<std::string>& sys) {
  std::vector<std::string> g, s;
  for (const std::string& o : gold) g.push_back(AsciiLower(o));
  for (const std::string& o : sys) s.push_back(AsciiLower(o));
  std::sort(g.begin(), g.end());
  g.erase(std::unique(g.begin(), g.end()), g.end());
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return g == s;
}

std::string Bound(bool has, double v) {
  if (!has) return "*";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g", v);
  return buf;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

// Scores one matched pair into `correct` (indexed like kClaimFields) and
// describes the wrong fields.
void ScorePair(const GoldClaim& g, const CountClaim& s,
               std::vector<int64_t>* correct, std::vector<std::string>* errors) {
  const std::string gb = Bound(g.has_low, g.low) + ".." + Bound(g.has_high, g.high);
  const std::string sb = Bound(s.has_low, s.low) + ".." + Bound(s.has_high, s.high);
  const std::string sq(QualifierName(s.qualifier));
  struct F {
    bool ok;
    std::string gold, sys;
  };
  const F fields[10] = {
      {BoundsEqual(g, s), gb, sb},
      {g.qualifier == sq, g.qualifier, sq},
      {AsciiLower(g.subject) == AsciiLower(s.subject), g.subject, s.subject},
      {AsciiLower(g.event) == AsciiLower(s.event), g.event, s.event},
      {OriginMatch(g.origin, s.origin), Join(g.origin), Join(s.origin)},
      {LocationMatch(g.location, s.location), g.location, s.location},
      {SourceMatch(g.source, s.source), g.source, s.source},
      {g.time == s.time, g.time, s.time},
      {g.negated == s.negated, g.negated ? "true" : "false",
       s.negated ? "true" : "false"},
      {g.hypothetical == s.hypothetical, g.hypothetical ? "true" : "false",
       s.hypothetical ? "true" : "false"},
  };
  bool all = true;
  for (int f = 0; f < 10; ++f) {
    if (fields[f].ok) {
      ++(*correct)[f];
    } else {
      all = false;
      errors->push_back(std::string(kClaimFields[f]) + ": gold \"" +
                        fields[f].gold + "\" system \"" + fields[f].sys + "\"");
    }
  }
  if (all) ++(*correct)[10];
}

void ScoreItem(const GoldItem& item, const std::vector<CountClaim>& sys,
               bool diagnostics, ClaimEvalReport* r) {
  struct Pair {
    uint32_t overlap;
    size_t g, s;
  };
  std::vector<Pair> pairs;
  for (size_t gi = 0; gi < item.claims.size(); ++gi) {
    const GoldClaim& g = item.claims[gi];
    for (size_t si = 0; si < sys.size(); ++si) {
      uint32_t b = std::max(g.begin, sys[si].begin);
      uint32_t e = std::min(g.end, sys[si].end);
      if (b < e) pairs.push_back({e - b, gi, si});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.overlap > b.overlap;
  });
  std::vector<int> gold_to(item.claims.size(), -1), sys_to(sys.size(), -1);
  for (const Pair& p : pairs) {
    if (gold_to[p.g] >= 0 || sys_to[p.s] >= 0) continue;
    gold_to[p.g] = static_cast<int>(p.s);
    sys_to[p.s] = static_cast<int>(p.g);
  }
  r->gold += static_cast<int64_t>(item.claims.size());
  r->system += static_cast<int64_t>(sys.size());
  for (size_t gi = 0; gi < item.claims.size(); ++gi) {
    const GoldClaim& g = item.claims[gi];
    if (gold_to[gi] < 0) {
      if (diagnostics)
        r->diagnostics.push_back("MISS " + item.id + " \"" + g.quantity +
                                 "\" " + g.subject + " " + g.event);
      continue;
    }
    ++r->matched;
    std::vector<std::string> errors;
    ScorePair(g, sys[gold_to[gi]], &r->field_correct, &errors);
    if (diagnostics)
      for (const std::string& e : errors)
        r->diagnostics.push_back("FIELD " + item.id + " \"" + g.quantity +
                                 "\" " + e);
  }
  if (!diagnostics) return;
  for (size_t si = 0; si < sys.size(); ++si)
    if (sys_to[si] < 0)
      r->diagnostics.push_back("SPURIOUS " + item.id + " \"" +
                               sys[si].quantity_text + "\" " +
                               sys[si].subject + " " + sys[si].event);
}

}  // namespace

double ClaimEvalReport::FieldAccuracy(const std::string& name) const {
  if (matched == 0) return 0;
  for (size_t f = 0; f < field_correct.size(); ++f)
    if (name == kClaimFields[f])
      return static_cast<double>(field_correct[f]) / static_cast<double>(matched);
  return 0;
}

Result<ClaimEvalReport> EvaluateClaims(const std::string& gold_path,
                                       const NerModel* ner,
                                       const QuoteModel* quote_model,
                                       bool diagnostics) {
  if (ner == nullptr)
    return Status::InvalidArgument("claims evaluation needs the NER model");
  auto items = ReadGold(gold_path);
  if (!items.ok()) return items.status();
  ClaimEvalReport r;
  r.field_correct.assign(std::size(kClaimFields), 0);
  ArticleAnalyzer analyzer(ner, quote_model);
  ArticleAnalysis analysis;
  for (const GoldItem& item : *items) {
    Article article;
    article.paragraphs.push_back(item.text);
    article.published.value = item.date;
    RETURN_IF_ERROR(analyzer.Analyze(article, &analysis));
    ++r.items;
    ScoreItem(item, analysis.claims, diagnostics, &r);
  }
  r.precision = r.system ? static_cast<double>(r.matched) / r.system : 0;
  r.recall = r.gold ? static_cast<double>(r.matched) / r.gold : 0;
  r.f1 = r.precision + r.recall > 0
             ? 2 * r.precision * r.recall / (r.precision + r.recall)
             : 0;
  return r;
}

std::string FormatReport(const ClaimEvalReport& r) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "items %lld  gold claims %lld  system claims %lld  matched %lld\n"
                "claims  P %.3f  R %.3f  F1 %.3f\n"
                "field accuracy on matched pairs:\n",
                static_cast<long long>(r.items), static_cast<long long>(r.gold),
                static_cast<long long>(r.system),
                static_cast<long long>(r.matched), r.precision, r.recall, r.f1);
  out += buf;
  for (size_t f = 0; f < r.field_correct.size(); ++f) {
    std::snprintf(buf, sizeof(buf), "  %-13s %.3f  (%lld/%lld)\n",
                  kClaimFields[f], r.FieldAccuracy(kClaimFields[f]),
                  static_cast<long long>(r.field_correct[f]),
                  static_cast<long long>(r.matched));
    out += buf;
  }
  for (const std::string& d : r.diagnostics) out += d + "\n";
  return out;
}

}  // namespace wirewatch::analyze
