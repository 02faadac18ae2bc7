#include "analyze/ner_model.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <numeric>

#include "base/hash.h"

namespace wirewatch::analyze {
namespace {

constexpr char kMagic[8] = {'W', 'W', 'N', 'E', 'R', 'M', 'D', 'L'};
constexpr size_t kHeaderSize = 64;
constexpr size_t kMaxModelBytes = size_t{256} << 20;
constexpr int K = kNumLabels;

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
void PutArray(std::string* out, const T* p, size_t n) {
  if (n == 0) return;
  out->append(reinterpret_cast<const char*>(p), n * sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  bool Get(T* v) { return GetArray(v, 1); }
  template <typename T>
  bool GetArray(T* p, size_t n) {
    if (n > (b_.size() - pos_) / sizeof(T)) return false;
    if (n == 0) return true;  // p may be null for an empty vector
    std::memcpy(p, b_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  size_t remaining() const { return b_.size() - pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace

bool NerTransitionAllowed(int prev, int cur) {
  // prev == K: sentence start. Open spans (after B or I) must continue with
  // I or L of the same type; otherwise O, B or U may follow.
  bool prev_open = prev != K && prev != 0 &&
                   (LabelBilou(prev) == kB || LabelBilou(prev) == kI);
  if (prev_open) {
    return cur != 0 && LabelType(cur) == LabelType(prev) &&
           (LabelBilou(cur) == kI || LabelBilou(cur) == kL);
  }
  return cur == 0 || LabelBilou(cur) == kB || LabelBilou(cur) == kU;
}

void ViterbiDecode(const float* emissions, size_t n,
                   const std::vector<float>& transitions,
                   std::vector<float>* scratch_scores,
                   std::vector<uint8_t>* scratch_back, uint8_t* labels) {
  if (n == 0) return;
  static const auto kAllowed = [] {
    std::array<std::array<bool, K>, K + 1> a{};
    for (int p = 0; p <= K; ++p)
      for (int c = 0; c < K; ++c) a[p][c] = NerTransitionAllowed(p, c);
    return a;
  }();
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  scratch_scores->resize(n * K);
  scratch_back->resize(n * K);
  float* sc = scratch_scores->data();
  uint8_t* bp = scratch_back->data();
  const float* start = &transitions[size_t{K} * K];
  const float* end = &transitions[size_t{K + 1} * K];
  for (int c = 0; c < K; ++c) {
    sc[c] = kAllowed[K][c] ? start[c] + emissions[c] : kNeg;
  }
  for (size_t t = 1; t < n; ++t) {
    const float* prev = sc + (t - 1) * K;
    float* cur = sc + t * K;
    for (int c = 0; c < K; ++c) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < K; ++p) {
        if (!kAllowed[p][c]) continue;
        float v = prev[p] + transitions[size_t(p) * K + c];
        if (v > best) { best = v; arg = p; }
      }
      cur[c] = best + emissions[t * K + c];
      bp[t * K + c] = static_cast<uint8_t>(arg);
    }
  }
  // Final: only labels that close a span (O, L, U).
  float best = kNeg;
  int arg = 0;
  for (int c = 0; c < K; ++c) {
    bool closes = c == 0 || LabelBilou(c) == kL || LabelBilou(c) == kU;
    if (!closes) continue;
    float v = sc[(n - 1) * K + c] + end[c];
    if (v > best) { best = v; arg = c; }
  }
  for (size_t t = n; t-- > 0;) {
    labels[t] = static_cast<uint8_t>(arg);
    if (t > 0) arg = bp[t * K + arg];
  }
}

std::unique_ptr<NerModel> NerModel::Build(std::vector<uint64_t> keys,
                                          const std::vector<float>& rows,
                                          std::vector<float> transitions,
                                          WordClusters clusters) {
  std::unique_ptr<NerModel> m(new NerModel());
  // Sort rows by key for a canonical file.
  std::vector<uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  float max_abs = 0;
  for (float w : rows) max_abs = std::max(max_abs, std::fabs(w));
  m->scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  m->keys_.resize(keys.size());
  m->qweights_.resize(keys.size() * K);
  for (size_t i = 0; i < order.size(); ++i) {
    m->keys_[i] = keys[order[i]];
    for (int l = 0; l < K; ++l) {
      float w = rows[size_t{order[i]} * K + l] / m->scale_;
      m->qweights_[i * K + l] = static_cast<int16_t>(std::lround(w));
    }
  }
  m->transitions_ = std::move(transitions);
  m->clusters_ = std::move(clusters);
  m->BuildIndex();
  return m;
}

void NerModel::BuildIndex() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{0, kEmpty});
  for (uint32_t r = 0; r < keys_.size(); ++r) {
    uint64_t s = SlotOf(keys_[r]);
    while (slots_[s].row != kEmpty) s = (s + 1) & mask_;
    slots_[s] = Slot{keys_[r], r};
  }
}

size_t NerModel::MemoryBytes() const {
  return keys_.size() * 8 + qweights_.size() * 2 +
         slots_.size() * sizeof(Slot) + transitions_.size() * 4 +
         clusters_.MemoryBytes();
}

std::string NerModel::Serialize() const {
  std::string body;
  PutArray(&body, transitions_.data(), transitions_.size());
  PutArray(&body, keys_.data(), keys_.size());
  PutArray(&body, qweights_.data(), qweights_.size());
  const auto clusters = clusters_.Sorted();
  for (const auto& [k, ids] : clusters) Put(&body, k);
  for (const auto& [k, ids] : clusters) PutArray(&body, ids.data(), ids.size());
  std::string out;
  out.append(kMagic, 8);
  Put(&out, kNerModelFormatVersion);
  Put(&out, kNerFeatureVersion);
  Put(&out, static_cast<uint32_t>(K));
  Put(&out, static_cast<uint32_t>(keys_.size()));
  Put(&out, static_cast<uint32_t>(clusters.size()));
  Put(&out, uint32_t{0});
  Put(&out, scale_);
  Put(&out, uint32_t{0});
  Put(&out, Hash64(body));
  out.resize(kHeaderSize, '\0');
  out += body;
  return out;
}

Status NerModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::Unavailable("cannot write " + tmp);
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::Unavailable("cannot write " + path);
  }
  return Status::Ok();
}

Result<std::unique_ptr<NerModel>> NerModel::FromBytes(std::string_view bytes) {
  static_assert(std::endian::native == std::endian::little,
                "model format is little-endian");
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    return Status::Corruption("not a wirewatch NER model (bad magic)");
  }
  Reader h(bytes.substr(8, kHeaderSize - 8));
  uint32_t format = 0, fver = 0, k = 0, rows = 0, ncl = 0, r0 = 0, r1 = 0;
  float scale = 0;
  uint64_t body_hash = 0;
  (void)(h.Get(&format) && h.Get(&fver) && h.Get(&k) && h.Get(&rows) &&
         h.Get(&ncl) && h.Get(&r0) && h.Get(&scale) && h.Get(&r1) &&
         h.Get(&body_hash));
  if (format != kNerModelFormatVersion) {
    return Status::InvalidArgument("unsupported NER model format version " +
                                   std::to_string(format));
  }
  // Feature version 1 differs from 2 only in the cluster lookup, so a
  // version-1 model without clusters scores the same under version 2.
  const bool features_match =
      fver == kNerFeatureVersion || (fver == 1 && ncl == 0);
  if (!features_match || k != K) {
    return Status::InvalidArgument(
        "NER model built for feature version " + std::to_string(fver) +
        ", this build uses " + std::to_string(kNerFeatureVersion));
  }
  std::string_view body = bytes.substr(kHeaderSize);
  size_t expect = sizeof(float) * (K + 2) * K + size_t{rows} * 8 +
                  size_t{rows} * K * 2 + size_t{ncl} * 8 +
                  size_t{ncl} * kNumClusterLevels * 2;
  if (body.size() != expect) {
    return Status::Corruption("NER model size mismatch (truncated?)");
  }
  if (Hash64(body) != body_hash) {
    return Status::Corruption("NER model checksum mismatch");
  }
  if (!(scale > 0) || !std::isfinite(scale)) {
    return Status::Corruption("NER model has an invalid weight scale");
  }
  std::unique_ptr<NerModel> m(new NerModel());
  m->scale_ = scale;
  Reader r(body);
  m->transitions_.resize((K + 2) * K);
  m->keys_.resize(rows);
  m->qweights_.resize(size_t{rows} * K);
  std::vector<uint64_t> ckeys(ncl);
  std::vector<uint16_t> cids(size_t{ncl} * kNumClusterLevels);
  (void)(r.GetArray(m->transitions_.data(), m->transitions_.size()) &&
         r.GetArray(m->keys_.data(), rows) &&
         r.GetArray(m->qweights_.data(), m->qweights_.size()) &&
         r.GetArray(ckeys.data(), ncl) && r.GetArray(cids.data(), cids.size()));
  for (float t : m->transitions_) {
    if (!std::isfinite(t)) return Status::Corruption("NER model: bad transition");
  }
  for (size_t i = 1; i < rows; ++i) {
    if (m->keys_[i] <= m->keys_[i - 1]) {
      return Status::Corruption("NER model: feature keys not sorted");
    }
  }
  for (size_t i = 0; i < ncl; ++i) {
    if (i > 0 && ckeys[i] <= ckeys[i - 1]) {
      return Status::Corruption("NER model: cluster keys not sorted");
    }
    ClusterIds c;
    for (int l = 0; l < kNumClusterLevels; ++l) c[l] = cids[i * kNumClusterLevels + l];
    m->clusters_.Insert(ckeys[i], c);
  }
  m->BuildIndex();
  return m;
}

Result<std::unique_ptr<NerModel>> NerModel::Load(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound("cannot open NER model " + path);
  std::string bytes;
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  if (size < 0 || static_cast<size_t>(size) > kMaxModelBytes) {
    std::fclose(f);
    return Status::ResourceExhausted("NER model file too large: " + path);
  }
  bytes.resize(static_cast<size_t>(size));
  size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  if (got != bytes.size()) return Status::Unavailable("short read: " + path);
  return FromBytes(bytes);
}

void NerTagger::Tag(const NerInput& in, std::vector<NerSpan>* spans) {
  spans->clear();
  const size_t n = in.words.size();
  featurizer_.Extract(in, &feats_, &offsets_);
  // The lookups are independent cache misses (about 2 MB of index and 2 MB
  // of rows for the shipped model):
  // each index slot is requested kAhead features before it is read, and
  // each row as soon as it is found, so the misses overlap.
  constexpr size_t kAhead = 16;
  const size_t nf = feats_.size();
  rows_.resize(nf);
  for (size_t f = 0; f < nf + kAhead; ++f) {
    if (f < nf) model_->PrefetchRow(feats_[f]);
    if (f < kAhead) continue;
    const int16_t* row = model_->Row(feats_[f - kAhead]);
    if (row != nullptr) __builtin_prefetch(row);
    rows_[f - kAhead] = row;
  }
  // Integer sums of the stored int16 weights, scaled once per word: half
  // the bytes of float rows to pull through the cache, and no float copy
  // of the weights to hold. |sum| <= 32767 * features per word, far inside
  // int32.
  emissions_.resize(n * K);
  const float scale = model_->scale();
  for (size_t i = 0; i < n; ++i) {
    int32_t acc[K] = {};
    for (uint32_t f = offsets_[i]; f < offsets_[i + 1]; ++f) {
      const int16_t* row = rows_[f];
      if (row == nullptr) continue;
      for (int l = 0; l < K; ++l) acc[l] += row[l];
    }
    float* e = &emissions_[i * K];
    for (int l = 0; l < K; ++l) e[l] = static_cast<float>(acc[l]) * scale;
  }
  labels_.assign(n, 0);
  for (const WordRange& r : in.sentences) {
    ViterbiDecode(&emissions_[size_t{r.begin} * K], r.end - r.begin,
                  model_->transitions(), &vscores_, &vback_,
                  labels_.data() + r.begin);
  }
  LabelsToSpans(labels_, spans);
}

}  // namespace wirewatch::analyze
