#include "analyze/polnear.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace wirewatch::analyze {
namespace {

namespace fs = std::filesystem;

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

void ParseAnn(const std::string& ann_text, const std::vector<uint32_t>& c2b,
              std::vector<PolnearRelation>* out) {
  std::map<std::string, ByteSpan> spans;
  std::istringstream lines(ann_text);
  std::string line;
  std::vector<std::string> rels;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    std::string id = line.substr(0, t1);
    size_t t2 = line.find('\t', t1 + 1);
    std::string field = line.substr(
        t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
    if (id[0] == 'T') {
      std::string type;
      ByteSpan s;
      if (ParseSpan(field, c2b, &type, &s)) spans[id] = s;
    } else if (id[0] == 'E') {
      rels.push_back(field);
    }
  }
  for (const std::string& rel : rels) {
    PolnearRelation g;
    bool has_content = false;
    std::istringstream is(rel);
    std::string part;
    while (is >> part) {
      size_t colon = part.find(':');
      if (colon == std::string::npos) continue;
      std::string role = part.substr(0, colon), ref = part.substr(colon + 1);
      auto it = spans.find(ref);
      if (it == spans.end()) continue;
      const ByteSpan s = it->second;
      if (role.rfind("Content", 0) == 0) {
        g.content = has_content ? ByteSpan{std::min(g.content.b, s.b),
                                           std::max(g.content.e, s.e)}
                                : s;
        has_content = true;
      } else if (role.rfind("Source", 0) == 0) {
        g.source = s;
      } else if (role.rfind("Cue", 0) == 0) {
        g.cue = s;
      }
    }
    if (has_content) out->push_back(g);
  }
}

}  // namespace

Result<std::vector<PolnearDoc>> ReadPolnear(const std::string& dir) {
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
  std::vector<PolnearDoc> docs;
  for (const fs::path& ann : anns) {
    std::string stem = ann.stem().string();
    fs::path txt = text_dir / (stem + ".txt");
    if (!fs::exists(txt, ec)) {
      size_t us = stem.rfind('_');
      if (us != std::string::npos)
        txt = text_dir / (stem.substr(0, us) + ".txt");
    }
    PolnearDoc d;
    std::string ann_text;
    if (!ReadAll(txt, &d.text) || !ReadAll(ann, &ann_text)) continue;
    d.name = stem;
    ParseAnn(ann_text, CharToByte(d.text), &d.relations);
    docs.push_back(std::move(d));
  }
  if (docs.empty()) return Status::NotFound(dir + ": no readable documents");
  return docs;
}

ByteSpan TrimContent(std::string_view text, ByteSpan s) {
  auto junk = [&](uint32_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' ||
           c == '.' || c == ',' || c == ':' || c == ';';
  };
  auto quote3 = [&](uint32_t i) {  // “ ” ‘ ’ are E2 80 9C/9D/98/99
    return i + 3 <= text.size() &&
           static_cast<unsigned char>(text[i]) == 0xE2 &&
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

std::vector<int> MatchRelations(const std::vector<ByteSpan>& contents,
                                const std::vector<ByteSpan>& cues,
                                const std::vector<PolnearRelation>& gold) {
  const size_t ns = contents.size();
  std::vector<std::vector<int>> edges(ns);
  std::vector<std::pair<int64_t, int>> cand;
  for (size_t i = 0; i < ns; ++i) {
    cand.clear();
    for (size_t k = 0; k < gold.size(); ++k) {
      const uint32_t ov = Overlap(contents[i], gold[k].content);
      if (ov == 0) continue;
      const int64_t shared_cue =
          i < cues.size() && Overlap(cues[i], gold[k].cue) > 0 ? int64_t{1} << 40 : 0;
      cand.emplace_back(-(int64_t{ov} + shared_cue), static_cast<int>(k));
    }
    std::sort(cand.begin(), cand.end());
    for (const auto& c : cand) edges[i].push_back(c.second);
  }
  // Kuhn's augmenting paths: documents hold tens of relations.
  std::vector<int> of_gold(gold.size(), -1), of_sys(ns, -1);
  std::vector<uint8_t> seen(gold.size());
  auto augment = [&](auto&& self, size_t i) -> bool {
    for (int k : edges[i]) {
      if (seen[k]) continue;
      seen[k] = 1;
      if (of_gold[k] < 0 || self(self, static_cast<size_t>(of_gold[k]))) {
        of_gold[k] = static_cast<int>(i);
        of_sys[i] = k;
        return true;
      }
    }
    return false;
  };
  for (size_t i = 0; i < ns; ++i) {
    std::fill(seen.begin(), seen.end(), 0);
    augment(augment, i);
  }
  return of_sys;
}

}  // namespace wirewatch::analyze
