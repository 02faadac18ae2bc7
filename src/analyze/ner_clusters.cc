#include "analyze/ner_clusters.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace wirewatch::analyze {

Result<WordClusters> ReadWordClusters(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::NotFound("cannot open " + path);
  WordClusters out;
  char line[4096];
  std::string word;
  while (std::fgets(line, sizeof line, f.get()) != nullptr) {
    std::string_view l(line);
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
    size_t t = l.find('\t');
    if (t == std::string_view::npos) continue;
    std::array<uint16_t, kNumClusterLevels> c{};
    std::string rest(l.substr(t + 1));
    char* p = rest.data();
    for (int k = 0; k < kNumClusterLevels; ++k) {
      c[k] = static_cast<uint16_t>(std::strtoul(p, &p, 10));
    }
    word.assign(l.substr(0, t));
    for (char& ch : word) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    }
    out.emplace(WordClusterKey(word), c);
  }
  return out;
}

}  // namespace wirewatch::analyze
