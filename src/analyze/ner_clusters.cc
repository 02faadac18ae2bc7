#include "analyze/ner_clusters.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "base/ascii.h"
#include "base/hash.h"

namespace wirewatch::analyze {

uint64_t WordClusterKey(std::string_view lowercase_word) {
  return Hash64(lowercase_word, 0xC1u);
}

bool WordClusters::Insert(uint64_t key, const ClusterIds& ids) {
  if (key == 0) {
    if (has_zero_) return false;
    has_zero_ = true;
    zero_ids_ = ids;
    ++size_;
    return true;
  }
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  uint64_t s = Slot(key);
  while (slots_[s].key != 0) {
    if (slots_[s].key == key) return false;
    s = (s + 1) & mask_;
  }
  slots_[s] = Entry{key, ids};
  ++size_;
  return true;
}

void WordClusters::Grow() {
  std::vector<Entry> old = std::move(slots_);
  size_t cap = std::max<size_t>(16, old.size() * 2);
  slots_.assign(cap, Entry{});
  mask_ = cap - 1;
  for (const Entry& e : old) {
    if (e.key == 0) continue;
    uint64_t s = Slot(e.key);
    while (slots_[s].key != 0) s = (s + 1) & mask_;
    slots_[s] = e;
  }
}

std::vector<std::pair<uint64_t, ClusterIds>> WordClusters::Sorted() const {
  std::vector<std::pair<uint64_t, ClusterIds>> out;
  out.reserve(size_);
  if (has_zero_) out.emplace_back(0, zero_ids_);
  for (const Entry& e : slots_) {
    if (e.key != 0) out.emplace_back(e.key, e.ids);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

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
    ClusterIds c{};
    std::string rest(l.substr(t + 1));
    char* p = rest.data();
    for (int k = 0; k < kNumClusterLevels; ++k) {
      c[k] = static_cast<uint16_t>(std::strtoul(p, &p, 10));
    }
    word.assign(l.substr(0, t));
    AsciiLowerInPlace(&word);
    out.Insert(WordClusterKey(word), c);
  }
  return out;
}

}  // namespace wirewatch::analyze
