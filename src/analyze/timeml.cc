#include "analyze/timeml.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace wirewatch::analyze {
namespace {

constexpr size_t kMaxTimemlBytes = size_t{64} << 20;

// Value of attribute `name` inside the tag text `tag` ("TIMEX3 a=\"b\" ..").
std::string Attr(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool left_ok = pos > 0 && (tag[pos - 1] == ' ' ||
                                     tag[pos - 1] == '\t' ||
                                     tag[pos - 1] == '\n');
    size_t q = pos + name.size();
    if (left_ok && q + 1 < tag.size() && tag[q] == '=' &&
        (tag[q + 1] == '"' || tag[q + 1] == '\'')) {
      const char quote = tag[q + 1];
      const size_t close = tag.find(quote, q + 2);
      if (close == std::string_view::npos) return {};
      return std::string(tag.substr(q + 2, close - q - 2));
    }
    pos += name.size();
  }
  return {};
}

TimexType ParseType(const std::string& t) {
  if (t == "TIME") return TimexType::kTime;
  if (t == "DURATION") return TimexType::kDuration;
  if (t == "SET") return TimexType::kSet;
  return TimexType::kDate;
}

// Appends the decoding of the entity at xml[i] ('&') to *out; returns the
// index after it. Unknown entities are copied verbatim.
size_t DecodeEntity(std::string_view xml, size_t i, std::string* out) {
  static constexpr struct {
    std::string_view name;
    char c;
  } kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                   {"&quot;", '"'}, {"&apos;", '\''}};
  for (const auto& e : kEntities) {
    if (xml.substr(i, e.name.size()) == e.name) {
      out->push_back(e.c);
      return i + e.name.size();
    }
  }
  out->push_back('&');
  return i + 1;
}

}  // namespace

Result<TimemlDoc> ReadTimeml(std::string_view xml) {
  if (xml.size() > kMaxTimemlBytes) {
    return Status::ResourceExhausted("TimeML document larger than 64 MiB");
  }
  TimemlDoc doc;
  if (size_t p = xml.find("<DOCID>"); p != std::string_view::npos) {
    const size_t e = xml.find("</DOCID>", p);
    if (e != std::string_view::npos) doc.id = xml.substr(p + 7, e - p - 7);
  }
  // DCT: the CREATION_TIME timex, wherever it is.
  bool have_dct = false;
  for (size_t p = xml.find("<TIMEX3"); p != std::string_view::npos;
       p = xml.find("<TIMEX3", p + 1)) {
    const size_t e = xml.find('>', p);
    if (e == std::string_view::npos) break;
    std::string_view tag = xml.substr(p + 1, e - p - 1);
    if (Attr(tag, "functionInDocument") == "CREATION_TIME") {
      have_dct = ParseIsoCivil(Attr(tag, "value"), &doc.dct);
      break;
    }
  }
  if (!have_dct) return Status::InvalidArgument("no DCT timex");

  const size_t text_open = xml.find("<TEXT>");
  const size_t text_close = xml.rfind("</TEXT>");
  if (text_open == std::string_view::npos ||
      text_close == std::string_view::npos || text_close < text_open) {
    return Status::InvalidArgument("no <TEXT> element");
  }
  std::string_view body =
      xml.substr(text_open + 6, text_close - text_open - 6);
  doc.text.reserve(body.size());
  int open_timex = -1;  // index into doc.gold of the open TIMEX3
  size_t i = 0;
  while (i < body.size()) {
    const char c = body[i];
    if (c == '&') {
      i = DecodeEntity(body, i, &doc.text);
      continue;
    }
    if (c != '<') {
      doc.text.push_back(c);
      ++i;
      continue;
    }
    const size_t e = body.find('>', i);
    if (e == std::string_view::npos) {
      return Status::Corruption("unterminated tag in <TEXT>");
    }
    std::string_view tag = body.substr(i + 1, e - i - 1);
    if (tag.substr(0, 6) == "TIMEX3") {
      if (open_timex >= 0) return Status::Corruption("nested TIMEX3");
      Timex t;
      t.begin = t.end = static_cast<uint32_t>(doc.text.size());
      t.type = ParseType(Attr(tag, "type"));
      t.value = Attr(tag, "value");
      t.mod = Attr(tag, "mod");
      doc.gold.push_back(std::move(t));
      open_timex = static_cast<int>(doc.gold.size()) - 1;
    } else if (tag.substr(0, 7) == "/TIMEX3") {
      if (open_timex < 0) return Status::Corruption("stray </TIMEX3>");
      doc.gold[open_timex].end = static_cast<uint32_t>(doc.text.size());
      open_timex = -1;
    }
    i = e + 1;
  }
  if (open_timex >= 0) return Status::Corruption("unclosed TIMEX3");
  return doc;
}

void TimexCounts::Add(const TimexCounts& o) {
  gold += o.gold;
  system += o.system;
  strict_match += o.strict_match;
  relaxed_match += o.relaxed_match;
  type_correct += o.type_correct;
  value_correct += o.value_correct;
  mod_correct += o.mod_correct;
}

namespace {

std::string Quote(std::string_view text, const Timex& t) {
  std::string s = "\"";
  for (uint32_t i = t.begin; i < t.end && i < text.size(); ++i) {
    s.push_back(text[i] == '\n' ? ' ' : text[i]);
  }
  s += "\" ";
  s += TimexTypeName(t.type);
  s += ' ';
  s += t.value;
  if (!t.mod.empty()) {
    s += ' ';
    s += t.mod;
  }
  return s;
}

}  // namespace

void ScoreTimexes(std::string_view text, const std::vector<Timex>& gold,
                  const std::vector<Timex>& system, TimexCounts* counts,
                  std::vector<std::string>* diagnostics) {
  counts->gold += static_cast<int64_t>(gold.size());
  counts->system += static_cast<int64_t>(system.size());
  std::vector<char> sys_used(system.size(), 0);
  std::vector<int> gold_match(gold.size(), -1);
  // Strict: identical spans.
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t s = 0; s < system.size(); ++s) {
      if (system[s].begin == gold[g].begin && system[s].end == gold[g].end) {
        ++counts->strict_match;
        break;
      }
    }
  }
  // Relaxed: one-to-one overlap, greedy in text order, preferring the
  // system span with the largest overlap.
  for (size_t g = 0; g < gold.size(); ++g) {
    int best = -1;
    uint32_t best_overlap = 0;
    for (size_t s = 0; s < system.size(); ++s) {
      if (sys_used[s]) continue;
      const uint32_t lo = std::max(gold[g].begin, system[s].begin);
      const uint32_t hi = std::min(gold[g].end, system[s].end);
      if (hi > lo && hi - lo > best_overlap) {
        best_overlap = hi - lo;
        best = static_cast<int>(s);
      }
    }
    if (best < 0) continue;
    sys_used[best] = 1;
    gold_match[g] = best;
    ++counts->relaxed_match;
    const Timex& sys = system[best];
    const bool type_ok = sys.type == gold[g].type;
    const bool value_ok = sys.value == gold[g].value;
    counts->type_correct += type_ok;
    counts->value_correct += value_ok;
    counts->mod_correct += sys.mod == gold[g].mod;
    if (diagnostics && (!type_ok || !value_ok)) {
      diagnostics->push_back((value_ok ? "TYPE " : "VAL  ") +
                             Quote(text, gold[g]) + "  <-  " +
                             Quote(text, sys));
    }
  }
  if (!diagnostics) return;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold_match[g] < 0) diagnostics->push_back("MISS " + Quote(text, gold[g]));
  }
  for (size_t s = 0; s < system.size(); ++s) {
    if (!sys_used[s]) diagnostics->push_back("SPUR " + Quote(text, system[s]));
  }
}

void FinishReport(TimexEvalReport* r) {
  const TimexCounts& c = r->counts;
  auto ratio = [](int64_t a, int64_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  auto f1 = [](double p, double q) {
    return p + q == 0 ? 0.0 : 2 * p * q / (p + q);
  };
  r->strict_p = ratio(c.strict_match, c.system);
  r->strict_r = ratio(c.strict_match, c.gold);
  r->strict_f1 = f1(r->strict_p, r->strict_r);
  r->relaxed_p = ratio(c.relaxed_match, c.system);
  r->relaxed_r = ratio(c.relaxed_match, c.gold);
  r->relaxed_f1 = f1(r->relaxed_p, r->relaxed_r);
  r->type_accuracy = ratio(c.type_correct, c.relaxed_match);
  r->value_accuracy = ratio(c.value_correct, c.relaxed_match);
  r->value_p = ratio(c.value_correct, c.system);
  r->value_r = ratio(c.value_correct, c.gold);
  r->value_f1 = f1(r->value_p, r->value_r);
}

namespace {

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable("cannot read " + path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The timexes another tagger wrote for `gold` into the TimeML file `path`.
Status ReadSystemTimexes(const std::filesystem::path& path,
                         const TimemlDoc& gold, std::vector<Timex>* out) {
  Result<std::string> xml = ReadWholeFile(path);
  if (!xml.ok()) return xml.status();
  Result<TimemlDoc> doc = ReadTimeml(*xml);
  if (!doc.ok()) {
    return Status(doc.status().code(),
                  path.string() + ": " + doc.status().message());
  }
  if (doc->text != gold.text) {
    return Status::InvalidArgument(path.string() +
                                   ": text differs from the gold text");
  }
  *out = std::move(doc->gold);
  return Status::Ok();
}

}  // namespace

Result<TimexEvalReport> EvaluateTimemlDir(const std::string& dir,
                                          bool diagnostics,
                                          const std::string& system_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound("not a directory: " + dir);
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".tml") {
      files.push_back(it->path());
    }
  }
  if (ec) return Status::Unavailable("cannot list " + dir + ": " + ec.message());
  if (files.empty()) return Status::NotFound("no .tml files under " + dir);
  std::sort(files.begin(), files.end());

  TimexEvalReport report;
  TimexTagger tagger;
  std::vector<Timex> system;
  std::vector<std::string> lines;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Unavailable("cannot read " + path.string());
    std::ostringstream buf;
    buf << in.rdbuf();
    Result<TimemlDoc> doc = ReadTimeml(buf.str());
    if (!doc.ok()) {
      return Status(doc.status().code(),
                    path.string() + ": " + doc.status().message());
    }
    if (system_dir.empty()) {
      tagger.Tag(doc->text, doc->dct, &system);
    } else {
      const fs::path rel = path.lexically_relative(dir);
      Status st = ReadSystemTimexes(fs::path(system_dir) / rel, *doc, &system);
      if (!st.ok()) return st;
    }
    ++report.documents;
    report.text_bytes += static_cast<int64_t>(doc->text.size());
    lines.clear();
    ScoreTimexes(doc->text, doc->gold, system, &report.counts,
                 diagnostics ? &lines : nullptr);
    for (std::string& l : lines) {
      report.diagnostics.push_back(path.filename().string() + " [" +
                                   FormatCivil(doc->dct) + "] " + l);
    }
  }
  FinishReport(&report);
  return report;
}

std::string FormatReport(const TimexEvalReport& r) {
  char buf[1024];
  const TimexCounts& c = r.counts;
  std::snprintf(
      buf, sizeof buf,
      "documents %lld, text bytes %lld, gold %lld, system %lld\n"
      "strict   P %.4f  R %.4f  F1 %.4f  (%lld matches)\n"
      "relaxed  P %.4f  R %.4f  F1 %.4f  (%lld matches)\n"
      "type     accuracy %.4f  (%lld)\n"
      "value    accuracy %.4f  P %.4f  R %.4f  F1 %.4f  (%lld)\n",
      static_cast<long long>(r.documents), static_cast<long long>(r.text_bytes),
      static_cast<long long>(c.gold), static_cast<long long>(c.system),
      r.strict_p, r.strict_r, r.strict_f1,
      static_cast<long long>(c.strict_match), r.relaxed_p, r.relaxed_r,
      r.relaxed_f1, static_cast<long long>(c.relaxed_match), r.type_accuracy,
      static_cast<long long>(c.type_correct), r.value_accuracy, r.value_p,
      r.value_r, r.value_f1, static_cast<long long>(c.value_correct));
  std::string out = buf;
  for (const std::string& l : r.diagnostics) {
    out += l;
    out += '\n';
  }
  return out;
}

}  // namespace wirewatch::analyze
