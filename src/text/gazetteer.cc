#include "text/gazetteer.h"

#include <algorithm>
#include <vector>

#include "base/hash.h"
#include "text/tokenizer.h"

namespace wirewatch::text {
namespace {

constexpr std::string_view kData =
#include "text/gazetteer_data.inc"
    ;

constexpr size_t kMaxPhraseWords = 8;

inline uint64_t Step(uint64_t h, uint64_t w) {
  return (h ^ w) * 0x9E3779B97F4A7C15ULL + (h >> 29);
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t p = 0;
  while (true) {
    size_t t = line.find('\t', p);
    f.push_back(line.substr(p, t == std::string_view::npos ? t : t - p));
    if (t == std::string_view::npos) break;
    p = t + 1;
  }
  return f;
}

}  // namespace

std::string_view GazTypeName(GazType t) {
  switch (t) {
    case GazType::kCountry: return "COUNTRY";
    case GazType::kCapital: return "CAPITAL";
    case GazType::kDemonym: return "DEMONYM";
    case GazType::kRegion: return "REGION";
    case GazType::kOrg: return "ORG";
  }
  return "?";
}

uint64_t GazWordHash(std::string_view word) { return Hash64(word, 0x6a7); }

void Gazetteer::Add(uint32_t id, std::string_view phrase) {
  Tokenizer tok;
  std::vector<Token> tokens;
  if (!tok.Tokenize(phrase, &tokens).ok() || tokens.empty() ||
      tokens.size() > kMaxPhraseWords) {
    return;
  }
  uint64_t h = 0;
  for (const Token& t : tokens) h = Step(h, GazWordHash(t.text(phrase)));
  auto& ids = phrases_[h];
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  uint64_t first = GazWordHash(tokens[0].text(phrase));
  uint8_t& m = max_len_[first];
  m = std::max<uint8_t>(m, static_cast<uint8_t>(tokens.size()));
}

Gazetteer Gazetteer::FromTsv(std::string_view tsv) {
  Gazetteer g;
  size_t p = 0;
  while (p < tsv.size()) {
    size_t e = tsv.find('\n', p);
    if (e == std::string_view::npos) e = tsv.size();
    std::string_view line = tsv.substr(p, e - p);
    p = e + 1;
    auto f = SplitTabs(line);
    if (f.size() != 4 || f[0].empty()) continue;
    GazEntry entry;
    entry.name = std::string(f[0]);
    if (f[1] == "COUNTRY") entry.type = GazType::kCountry;
    else if (f[1] == "CAPITAL") entry.type = GazType::kCapital;
    else if (f[1] == "DEMONYM") entry.type = GazType::kDemonym;
    else if (f[1] == "REGION") entry.type = GazType::kRegion;
    else if (f[1] == "ORG") entry.type = GazType::kOrg;
    else continue;
    entry.country_code = std::string(f[2]);
    entry.canonical = std::string(f[3]);
    g.entries_.push_back(std::move(entry));
  }
  for (uint32_t id = 0; id < g.entries_.size(); ++id) {
    const std::string& name = g.entries_[id].name;
    g.Add(id, name);
    std::string upper = name;
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    if (upper != name) g.Add(id, upper);
  }
  return g;
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer* g = new Gazetteer(FromTsv(kData));
  return *g;
}

size_t Gazetteer::LongestMatch(std::span<const uint64_t> hashes, size_t i,
                               std::span<const uint32_t>* entries) const {
  *entries = {};
  if (i >= hashes.size()) return 0;
  auto m = max_len_.find(hashes[i]);
  if (m == max_len_.end()) return 0;
  size_t max_len = std::min<size_t>(m->second, hashes.size() - i);
  uint64_t h = 0;
  uint64_t prefix[kMaxPhraseWords];
  for (size_t k = 0; k < max_len; ++k) {
    h = Step(h, hashes[i + k]);
    prefix[k] = h;
  }
  for (size_t len = max_len; len > 0; --len) {
    auto it = phrases_.find(prefix[len - 1]);
    if (it != phrases_.end()) {
      *entries = it->second;
      return len;
    }
  }
  return 0;
}

std::span<const uint32_t> Gazetteer::Lookup(std::string_view phrase) const {
  Tokenizer tok;
  std::vector<Token> tokens;
  if (!tok.Tokenize(phrase, &tokens).ok() || tokens.empty()) return {};
  std::vector<uint64_t> hashes;
  for (const Token& t : tokens) hashes.push_back(GazWordHash(t.text(phrase)));
  std::span<const uint32_t> e;
  size_t len = LongestMatch(hashes, 0, &e);
  return len == tokens.size() ? e : std::span<const uint32_t>();
}

}  // namespace wirewatch::text
