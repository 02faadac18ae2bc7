#include "analyze/ner_features.h"

#include <algorithm>

#include "base/hash.h"
#include "text/gazetteer.h"

namespace wirewatch::analyze {
namespace {

enum Template : uint64_t {
  kBias = 1, kWord, kLower, kShape, kShortShape, kPrefix, kSuffix = kPrefix + 4,
  kPrev1 = kSuffix + 4, kPrev2, kNext1, kNext2, kShapePrevCur, kShapeCurNext,
  kShapeTri, kBigramPrev, kBigramNext, kSentInit, kHeadline, kDoc, kGaz,
  kCluster, kClusterPrev = kCluster + kNumClusterLevels, kClusterNext,
  kPrevWordShape, kPrevCap, kNextCap,
};

inline uint64_t Fmix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint64_t F(uint64_t tmpl, uint64_t v) {
  return Fmix(v ^ (tmpl * 0x9E3779B97F4A7C15ULL)) | 1;
}
inline uint64_t Pair(uint64_t a, uint64_t b) {
  return a ^ ((b << 23 | b >> 41) * 0xC2B2AE3D27D4EB4FULL);
}

// Capitalisation classes.
enum Cap : uint8_t { kCapOther = 0, kCapLower, kCapInit, kCapAll, kCapMixed,
                     kCapDigit, kCapPunct };

uint8_t CapClass(std::string_view w) {
  int upper = 0, lower = 0, digit = 0, other = 0;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
    else if (c >= '0' && c <= '9') ++digit;
    else if (c >= 0x80) ++lower;  // non-ASCII letters: counted as lower
    else ++other;
  }
  if (upper + lower == 0) return digit ? kCapDigit : kCapPunct;
  unsigned char c0 = static_cast<unsigned char>(w[0]);
  if (upper == 0) return kCapLower;
  if (lower == 0) return kCapAll;
  if (c0 >= 'A' && c0 <= 'Z' && upper == 1) return kCapInit;
  return kCapMixed;
}

constexpr uint64_t kBoundary = 0xB0B0B0B0ULL;
constexpr uint64_t kBoundary2 = 0xE0E0E0E0ULL;

}  // namespace

void NerFeaturizer::Extract(const NerInput& in, std::vector<uint64_t>* feats,
                            std::vector<uint32_t>* offsets) {
  const size_t n = in.words.size();
  feats->clear();
  offsets->clear();
  info_.resize(n);
  gaz_hashes_.resize(n);
  doc_flags_.clear();
  const text::Gazetteer& gaz = text::Gazetteer::Default();

  // Pass 1: per-word information.
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = in.words[i];
    WordInfo& wi = info_[i];
    wi.len = static_cast<uint8_t>(std::min<size_t>(w.size(), 255));
    wi.word = Hash64(w, 1);
    buf_.assign(w);
    for (char& c : buf_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    wi.lower = Hash64(buf_, 2);
    // Clusters are keyed by the lowercase form: the clustering saw
    // lowercased text, and "Said" or "SAID" should share "said"'s classes.
    for (int k = 0; k < kNumClusterLevels; ++k) wi.cl[k] = 0;
    if (clusters_ != nullptr && !clusters_->empty()) {
      if (const ClusterIds* ids = clusters_->Find(WordClusterKey(buf_))) {
        for (int k = 0; k < kNumClusterLevels; ++k) wi.cl[k] = (*ids)[k];
      }
    }
    for (int k = 0; k < 4; ++k) {
      size_t len = static_cast<size_t>(k + 1);
      if (buf_.size() > len) {
        wi.pre[k] = Hash64(std::string_view(buf_).substr(0, len), 3);
        wi.suf[k] = Hash64(std::string_view(buf_).substr(buf_.size() - len), 4);
      } else {
        wi.pre[k] = wi.suf[k] = 0;
      }
    }
    // Shape: X x d, other bytes kept, non-ASCII letters as x (one per code
    // point); long shape capped at 16 characters, short shape collapses runs.
    buf_.clear();
    std::string sshape;
    for (unsigned char c : w) {
      char s;
      if (c >= 'A' && c <= 'Z') s = 'X';
      else if (c >= 'a' && c <= 'z') s = 'x';
      else if (c >= '0' && c <= '9') s = 'd';
      else if (c >= 0xC0) s = 'x';
      else if (c >= 0x80) continue;
      else s = static_cast<char>(c);
      if (buf_.size() < 16) buf_.push_back(s);
      if (sshape.empty() || sshape.back() != s) sshape.push_back(s);
    }
    wi.shape = Hash64(buf_, 5);
    wi.sshape = Hash64(sshape, 6);
    wi.cap = CapClass(w);
    wi.gaz = 0;
    gaz_hashes_[i] = text::GazWordHash(w);
  }

  // Pass 2: per sentence, gazetteer matches and document evidence.
  std::vector<uint8_t> headline(in.sentences.size(), 0);
  for (size_t s = 0; s < in.sentences.size(); ++s) {
    const WordRange r = in.sentences[s];
    int letters = 0, allcaps = 0;
    for (uint32_t i = r.begin; i < r.end; ++i) {
      uint8_t c = info_[i].cap;
      if (c == kCapLower || c == kCapInit || c == kCapAll || c == kCapMixed) {
        ++letters;
        if (c == kCapAll && info_[i].len > 1) ++allcaps;
      }
    }
    headline[s] = letters >= 2 && allcaps * 10 >= letters * 8;
    std::span<const uint64_t> hs(gaz_hashes_.data() + r.begin, r.end - r.begin);
    for (size_t i = 0; i < hs.size();) {
      std::span<const uint32_t> entries;
      size_t len = gaz.LongestMatch(hs, i, &entries);
      if (len == 0) {
        ++i;
        continue;
      }
      uint32_t types = 0;
      for (uint32_t e : entries) types |= 1u << static_cast<int>(gaz.entry(e).type);
      for (size_t k = 0; k < len; ++k) {
        int pos = len == 1 ? 3 : k == 0 ? 0 : k + 1 == len ? 2 : 1;
        info_[r.begin + i + k].gaz |= types << (5 * pos);
      }
      i += len;
    }
    if (!headline[s]) {
      for (uint32_t i = r.begin + 1; i < r.end; ++i) {
        uint8_t c = info_[i].cap;
        uint8_t flag = c == kCapInit ? 1 : c == kCapLower ? 2 : c == kCapAll ? 4 : 0;
        if (flag) doc_flags_[info_[i].lower] |= flag;
      }
    }
  }

  // Pass 3: emit features.
  offsets->push_back(0);
  for (size_t s = 0; s < in.sentences.size(); ++s) {
    const WordRange r = in.sentences[s];
    const int64_t rb = r.begin, re = r.end;
    auto lower_at = [&](int64_t k) -> uint64_t {
      if (k < rb) return k == rb - 1 ? kBoundary : kBoundary2;
      if (k >= re) return k == re ? kBoundary + 1 : kBoundary2 + 1;
      return info_[k].lower;
    };
    auto sshape_at = [&](int64_t k) -> uint64_t {
      if (k < rb || k >= re) return kBoundary;
      return info_[k].sshape;
    };
    auto cap_at = [&](int64_t k) -> uint64_t {
      if (k < rb || k >= re) return 9;
      return info_[k].cap;
    };
    for (int64_t i = rb; i < re; ++i) {
      const WordInfo& wi = info_[i];
      auto add = [&](uint64_t f) { feats->push_back(f); };
      add(F(kBias, 0));
      add(F(kWord, wi.word));
      add(F(kLower, wi.lower));
      add(F(kShape, wi.shape));
      add(F(kShortShape, wi.sshape));
      for (int k = 0; k < 4; ++k) {
        if (wi.pre[k] == 0) break;
        add(F(kPrefix + k, wi.pre[k]));
        add(F(kSuffix + k, wi.suf[k]));
      }
      uint64_t p1 = lower_at(i - 1), p2 = lower_at(i - 2);
      uint64_t n1 = lower_at(i + 1), n2 = lower_at(i + 2);
      add(F(kPrev1, p1));
      add(F(kPrev2, p2));
      add(F(kNext1, n1));
      add(F(kNext2, n2));
      uint64_t sp = sshape_at(i - 1), sn = sshape_at(i + 1);
      add(F(kShapePrevCur, Pair(sp, wi.sshape)));
      add(F(kShapeCurNext, Pair(wi.sshape, sn)));
      add(F(kShapeTri, Pair(Pair(sp, wi.sshape), sn)));
      add(F(kBigramPrev, Pair(p1, wi.lower)));
      add(F(kBigramNext, Pair(wi.lower, n1)));
      add(F(kPrevWordShape, Pair(p1, wi.sshape)));
      add(F(kPrevCap, Pair(cap_at(i - 1), wi.cap)));
      add(F(kNextCap, Pair(wi.cap, cap_at(i + 1))));
      bool init = i == rb;
      add(F(kSentInit, Pair(init, wi.cap)));
      if (headline[s]) add(F(kHeadline, Pair(wi.lower, 1)));
      if (headline[s] || init) {
        uint8_t flags = 0;
        auto it = doc_flags_.find(wi.lower);
        if (it != doc_flags_.end()) flags = it->second;
        add(F(kDoc, Pair(Pair(flags, wi.cap), headline[s])));
      } else {
        add(F(kDoc, Pair(wi.cap, 77)));
      }
      for (uint32_t g = wi.gaz; g != 0; g &= g - 1) {
        add(F(kGaz, static_cast<uint64_t>(__builtin_ctz(g))));
      }
      if (wi.gaz == 0) add(F(kGaz, 99));
      for (int k = 0; k < kNumClusterLevels; ++k) {
        if (wi.cl[k] == 0) break;
        add(F(kCluster + k, wi.cl[k]));
      }
      if (clusters_ != nullptr) {
        uint64_t cp = i > rb ? info_[i - 1].cl[1] : 0xFFFF;
        uint64_t cn = i + 1 < re ? info_[i + 1].cl[1] : 0xFFFF;
        add(F(kClusterPrev, cp));
        add(F(kClusterNext, cn));
      }
      offsets->push_back(static_cast<uint32_t>(feats->size()));
    }
  }
}

}  // namespace wirewatch::analyze
