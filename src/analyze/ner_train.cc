#include "analyze/ner_train.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace wirewatch::analyze {
namespace {

constexpr int K = kNumLabels;

struct SplitMix64 {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

// Featurised sentence: dense feature ids per word.
struct TrainSentence {
  std::vector<uint32_t> feats;    // dense ids, -1 removed
  std::vector<uint32_t> offsets;  // size n+1
  std::vector<uint8_t> gold;
};

}  // namespace

Result<std::unique_ptr<NerModel>> TrainNer(const ConllCorpus& train,
                                           const ConllCorpus* dev,
                                           NerTrainOptions options) {
  if (train.docs.empty()) return Status::InvalidArgument("no training data");
  NerFeaturizer featurizer(&options.clusters);
  std::vector<uint64_t> raw;
  std::vector<uint32_t> offs;

  // Pass 1: count features.
  std::unordered_map<uint64_t, uint32_t> count;
  count.reserve(4 << 20);
  for (const ConllDoc& doc : train.docs) {
    featurizer.Extract(doc.input(), &raw, &offs);
    for (uint64_t f : raw) ++count[f];
  }
  std::vector<uint64_t> keys;
  std::unordered_map<uint64_t, uint32_t> id;
  id.reserve(count.size());
  {
    std::vector<uint64_t> kept;
    for (const auto& [f, c] : count) {
      if (c >= static_cast<uint32_t>(options.min_feature_count)) kept.push_back(f);
    }
    std::sort(kept.begin(), kept.end());  // deterministic ids
    for (uint64_t f : kept) {
      id.emplace(f, static_cast<uint32_t>(keys.size()));
      keys.push_back(f);
    }
  }
  count.clear();
  count.rehash(0);

  // Pass 2: featurise sentences with dense ids.
  auto featurise = [&](const ConllCorpus& corpus,
                       std::vector<TrainSentence>* out) {
    std::vector<uint8_t> labels;
    for (const ConllDoc& doc : corpus.docs) {
      featurizer.Extract(doc.input(), &raw, &offs);
      SpansToLabels(doc.gold, doc.words.size(), &labels);
      for (const WordRange& r : doc.sentences) {
        TrainSentence s;
        s.offsets.push_back(0);
        for (uint32_t i = r.begin; i < r.end; ++i) {
          for (uint32_t k = offs[i]; k < offs[i + 1]; ++k) {
            auto it = id.find(raw[k]);
            if (it != id.end()) s.feats.push_back(it->second);
          }
          s.offsets.push_back(static_cast<uint32_t>(s.feats.size()));
          s.gold.push_back(labels[i]);
        }
        out->push_back(std::move(s));
      }
    }
  };
  std::vector<TrainSentence> sents, dev_sents;
  featurise(train, &sents);
  if (dev != nullptr) featurise(*dev, &dev_sents);

  const size_t nf = keys.size();
  std::vector<float> w(nf * K, 0.0f), u(nf * K, 0.0f);
  std::vector<float> tw((K + 2) * K, 0.0f), tu((K + 2) * K, 0.0f);
  std::vector<float> emissions, vs;
  std::vector<uint8_t> vb, pred;
  double c = 1;

  auto emit = [&](const TrainSentence& s, const std::vector<float>& weights) {
    size_t n = s.gold.size();
    emissions.assign(n * K, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      float* e = &emissions[i * K];
      for (uint32_t k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
        const float* row = &weights[size_t{s.feats[k]} * K];
        for (int l = 0; l < K; ++l) e[l] += row[l];
      }
    }
  };
  auto trans_index = [](int prev, int cur) {  // prev K = start, K+1 = end row
    return static_cast<size_t>(prev) * K + cur;
  };

  std::vector<uint32_t> order(sents.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix64 rng{options.seed};
  std::vector<float> avg, tavg;
  auto average = [&]() {
    avg.resize(w.size());
    for (size_t i = 0; i < w.size(); ++i) avg[i] = w[i] - u[i] / static_cast<float>(c);
    tavg.resize(tw.size());
    for (size_t i = 0; i < tw.size(); ++i) tavg[i] = tw[i] - tu[i] / static_cast<float>(c);
  };

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[rng.Next() % i]);
    }
    for (uint32_t si : order) {
      const TrainSentence& s = sents[si];
      const size_t n = s.gold.size();
      emit(s, w);
      pred.resize(n);
      ViterbiDecode(emissions.data(), n, tw, &vs, &vb, pred.data());
      if (pred != s.gold) {
        const float cc = static_cast<float>(c);
        for (size_t i = 0; i < n; ++i) {
          if (pred[i] == s.gold[i]) continue;
          for (uint32_t k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
            size_t base = size_t{s.feats[k]} * K;
            w[base + s.gold[i]] += 1;
            u[base + s.gold[i]] += cc;
            w[base + pred[i]] -= 1;
            u[base + pred[i]] -= cc;
          }
        }
        for (size_t i = 0; i <= n; ++i) {
          int gp = i == 0 ? K : s.gold[i - 1], pp = i == 0 ? K : pred[i - 1];
          size_t gi, pi;
          if (i == n) {
            gi = trans_index(K + 1, s.gold[n - 1]);
            pi = trans_index(K + 1, pred[n - 1]);
          } else {
            gi = trans_index(gp, s.gold[i]);
            pi = trans_index(pp, pred[i]);
          }
          if (gi == pi) continue;
          tw[gi] += 1; tu[gi] += cc;
          tw[pi] -= 1; tu[pi] -= cc;
        }
      }
      c += 1;
    }
    if (options.on_epoch && dev != nullptr) {
      average();
      NerEvalReport report;
      std::vector<NerSpan> gs, ps;
      for (const TrainSentence& s : dev_sents) {
        emit(s, avg);
        pred.resize(s.gold.size());
        ViterbiDecode(emissions.data(), s.gold.size(), tavg, &vs, &vb, pred.data());
        LabelsToSpans(s.gold, &gs);
        LabelsToSpans(pred, &ps);
        report.Add(gs, ps);
        report.tokens += static_cast<int64_t>(s.gold.size());
      }
      options.on_epoch(epoch, report);
    }
  }
  average();
  w.clear(); w.shrink_to_fit();
  u.clear(); u.shrink_to_fit();

  // Prune rows whose weights are all (near) zero.
  std::vector<uint64_t> kept_keys;
  std::vector<float> kept_rows;
  for (size_t f = 0; f < nf; ++f) {
    float m = 0;
    for (int l = 0; l < K; ++l) m = std::max(m, std::fabs(avg[f * K + l]));
    if (m <= options.prune_threshold || m == 0) continue;
    kept_keys.push_back(keys[f]);
    kept_rows.insert(kept_rows.end(), avg.begin() + f * K, avg.begin() + (f + 1) * K);
  }
  return NerModel::Build(std::move(kept_keys), kept_rows, std::move(tavg),
                         std::move(options.clusters));
}

}  // namespace wirewatch::analyze
