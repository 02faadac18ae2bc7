#include "link/near_dup.h"

#include <cassert>
#include <limits>

#include "link/link_doc.h"

namespace wirewatch::link {
namespace {

uint64_t Mix(uint64_t h) {  // splitmix64 finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

int32_t ClampDay(int64_t day) {
  if (day == kUnknownDay) return std::numeric_limits<int32_t>::max();
  if (day < -10000000) return -10000000;
  if (day > 10000000) return 10000000;
  return static_cast<int32_t>(day);
}

// Calls fn(hash) for each shingle of `t`.
template <typename Fn>
void ForEachShingle(std::span<const Token> t, Fn&& fn) {
  if (t.size() < 3) {
    for (const Token& tok : t) fn(Mix(tok.hash));
    return;
  }
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    fn(Mix(t[i].hash ^ Mix(t[i + 1].hash ^ Mix(t[i + 2].hash))));
  }
}

}  // namespace

uint64_t SimHash64(std::span<const Token> tokens) {
  if (tokens.empty()) return 0;
  int32_t counts[64] = {};
  ForEachShingle(tokens, [&](uint64_t h) {
    for (int b = 0; b < 64; ++b) counts[b] += ((h >> b) & 1) ? 1 : -1;
  });
  uint64_t sig = 0;
  for (int b = 0; b < 64; ++b) {
    if (counts[b] > 0) sig |= uint64_t{1} << b;
  }
  return sig == 0 ? 1 : sig;  // 0 is reserved for "no text"
}

bool ComputeMinHash(std::span<const Token> tokens, MinHashSignature* sig) {
  if (tokens.empty()) return false;
  // Minima are taken over 32-bit values and truncated to 16 bits after.
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  std::array<uint32_t, kMinHashBins> mins;
  mins.fill(kEmpty);
  ForEachShingle(tokens, [&](uint64_t h) {
    uint32_t bin = static_cast<uint32_t>(h >> 59);  // 32 bins
    uint32_t value = static_cast<uint32_t>(h);
    if (value < mins[bin]) mins[bin] = value;
  });
  // Rotation densification: an empty bin takes the value of the next
  // non-empty bin to its right, re-hashed with the distance.
  for (int i = 0; i < kMinHashBins; ++i) {
    uint32_t v = mins[i];
    if (v == kEmpty) {
      for (int d = 1; d < kMinHashBins; ++d) {
        uint32_t next = mins[(i + d) % kMinHashBins];
        if (next != kEmpty) {
          v = static_cast<uint32_t>(Mix((uint64_t{next} << 8) | d));
          break;
        }
      }
    }
    (*sig)[i] = static_cast<uint16_t>(v >> 16);
  }
  return true;
}

double EstimateResemblance(const MinHashSignature& a,
                           const MinHashSignature& b) {
  int equal = 0;
  for (int i = 0; i < kMinHashBins; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / kMinHashBins;
}

NearDupIndex::NearDupIndex(double min_resemblance)
    : min_resemblance_(min_resemblance) {
  for (auto& h : heads_) h.assign(kBuckets, kNil);
}

uint32_t NearDupIndex::Bucket(const MinHashSignature& s, int band) {
  uint64_t h = 0;
  for (int r = 0; r < kRows; ++r) h = Mix(h ^ s[band * kRows + r]);
  return static_cast<uint32_t>(h & (kBuckets - 1));
}

bool NearDupIndex::BandEqual(const MinHashSignature& a,
                             const MinHashSignature& b, int band) {
  for (int r = 0; r < kRows; ++r) {
    if (a[band * kRows + r] != b[band * kRows + r]) return false;
  }
  return true;
}

uint32_t NearDupIndex::Add(uint32_t doc, const MinHashSignature* signature,
                           int64_t published_day) {
  assert(doc == size());
  const int32_t day = ClampDay(published_day);
  uint32_t best_group = doc;
  signature_.push_back(signature ? *signature : MinHashSignature{});
  for (int b = 0; b < kBands; ++b) next_[b].push_back(kNil);
  if (signature != nullptr) {
    const double needed = min_resemblance_ * kMinHashBins - 1e-9;
    for (int b = 0; b < kBands; ++b) {
      const uint32_t bucket = Bucket(*signature, b);
      for (uint32_t other = heads_[b][bucket]; other != kNil;
           other = next_[b][other]) {
        if (group_[other] >= best_group ||
            !BandEqual(*signature, signature_[other], b)) {
          continue;
        }
        int equal = 0;
        for (int i = 0; i < kMinHashBins; ++i) {
          equal += (*signature)[i] == signature_[other][i];
        }
        if (equal >= needed) best_group = group_[other];
      }
      next_[b][doc] = heads_[b][bucket];
      heads_[b][bucket] = doc;
    }
  }
  group_.push_back(best_group);
  day_.push_back(day);
  original_.push_back(doc);
  if (best_group != doc) {
    uint32_t& orig = original_[best_group];
    if (day < day_[orig]) orig = doc;
  }
  return best_group;
}

size_t NearDupIndex::MemoryBytes() const {
  size_t bytes = signature_.capacity() * sizeof(MinHashSignature) +
                 group_.capacity() * 4 +
                 original_.capacity() * 4 + day_.capacity() * 4;
  for (int b = 0; b < kBands; ++b) {
    bytes += heads_[b].capacity() * 4 + next_[b].capacity() * 4;
  }
  return bytes;
}

}  // namespace wirewatch::link
