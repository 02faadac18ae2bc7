#include "analyze/quote_train.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "base/hash.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

constexpr int K = kQuoteLabels;



// A document prepared once: tokens, sentences, gold labels and gold cues.
struct Prepared {
  const PolnearDoc* doc = nullptr;
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  std::vector<uint8_t> labels;    // per token
  std::vector<CueGuess> cues;     // gold cues with their side
};

void Prepare(const PolnearDoc& d, text::Tokenizer* tok,
             text::SentenceSplitter* split, Prepared* p) {
  p->doc = &d;
  (void)tok->Tokenize(d.text, &p->tokens);  // a partial result still trains
  split->Split(d.text, p->tokens, &p->sentences);
  const size_t n = p->tokens.size();
  p->labels.assign(n, kCueO);
  QuoteFeaturizer f;
  f.Prepare(d.text, p->tokens, p->sentences, nullptr);
  std::map<uint32_t, CueGuess> cues;  // by first token, text order
  for (const PolnearRelation& r : d.relations) {
    if (r.cue.empty()) continue;
    uint32_t b = UINT32_MAX, e = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const text::Token& t = p->tokens[i];
      if (t.end <= r.cue.b || t.begin >= r.cue.e || !f.Taggable(i)) continue;
      if (b == UINT32_MAX) b = i;
      e = i + 1;
    }
    if (b == UINT32_MAX || cues.count(b)) continue;
    // A cue lies within one sentence for the tagger.
    uint32_t s = f.SentenceOf(b);
    e = std::min(e, p->sentences[s].token_end);
    ContentSide side = r.content.b >= r.cue.e   ? kSideRight
                       : r.content.e <= r.cue.b ? kSideLeft
                                                : kSideAround;
    cues[b] = CueGuess{b, e, side};
  }
  for (const auto& [b, c] : cues) {
    bool first = true;
    for (uint32_t i = c.begin; i < c.end; ++i) {
      if (!f.Taggable(i)) continue;
      if (p->labels[i] != kCueO && first) break;  // overlaps an earlier cue
      p->labels[i] = first ? kCueB : kCueI;
      first = false;
    }
    p->cues.push_back(c);
  }
}

// Averaged perceptron weights: w is current, acc sums step * update so
// that the average is w - acc / steps (Daumé's trick).
struct Row {
  float w[K] = {0, 0, 0};
  double acc[K] = {0, 0, 0};
};

class Perceptron {
 public:
  void Score(const std::vector<uint64_t>& f, float* sc) const {
    for (int k = 0; k < K; ++k) sc[k] = 0;
    for (uint64_t key : f) {
      auto it = rows_.find(key);
      if (it == rows_.end()) continue;
      for (int k = 0; k < K; ++k) sc[k] += it->second.w[k];
    }
  }
  void Update(const std::vector<uint64_t>& f, int gold, int guess) {
    for (uint64_t key : f) {
      Row& r = rows_[key];
      r.w[gold] += 1;
      r.w[guess] -= 1;
      r.acc[gold] += static_cast<double>(step_);
      r.acc[guess] -= static_cast<double>(step_);
    }
  }
  void Tick() { ++step_; }
  // Adds the averaged rows whose largest |weight| is above `prune` to *out.
  void AverageInto(float prune, std::map<uint64_t, std::array<float, K>>* out) const {
    const double steps = static_cast<double>(std::max<int64_t>(step_, 1));
    for (const auto& [key, r] : rows_) {
      std::array<float, K> avg;
      float maxabs = 0;
      for (int k = 0; k < K; ++k) {
        avg[k] = static_cast<float>(r.w[k] - r.acc[k] / steps);
        maxabs = std::max(maxabs, std::fabs(avg[k]));
      }
      if (maxabs <= prune || maxabs == 0) continue;
      (*out)[key] = avg;
    }
  }

 private:
  std::unordered_map<uint64_t, Row> rows_;
  int64_t step_ = 1;
};

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Words that begin a gold cue in at least min_rate of their occurrences in
// `docs`: the only ones the tagger may start a cue with, in training as at
// run time.
StarterTable CueStarters(const std::vector<Prepared>& docs, double min_rate) {
  QuoteFeaturizer feat;
  std::unordered_map<uint64_t, std::pair<int64_t, int64_t>> seen;  // B, all
  for (const Prepared& p : docs) {
    feat.Prepare(p.doc->text, p.tokens, p.sentences, nullptr);
    for (uint32_t i = 0; i < p.labels.size(); ++i) {
      if (!feat.Taggable(i)) continue;
      auto& c = seen[feat.LowerHash(i)];
      c.first += p.labels[i] == kCueB;
      ++c.second;
    }
  }
  std::vector<uint64_t> hashes;
  for (const auto& [h, c] : seen)
    if (h != 0 && c.first > 0 &&
        static_cast<double>(c.first) >= min_rate * static_cast<double>(c.second))
      hashes.push_back(h);
  std::sort(hashes.begin(), hashes.end());
  StarterTable t;
  t.Assign(std::move(hashes));
  return t;
}

// Trains the cue tagger and the direction classifier on `docs`.
void TrainTagger(const std::vector<Prepared>& docs,
                 const StarterTable& starters,
                 const QuoteTrainOptions& options, Perceptron* model) {
  QuoteFeaturizer feat;
  std::vector<uint64_t> f;
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = options.seed;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[SplitMix(&rng) % i]);
    int64_t cue_errors = 0, side_errors = 0;
    for (size_t d : order) {
      const Prepared& p = docs[d];
      feat.Prepare(p.doc->text, p.tokens, p.sentences, &starters);
      const uint32_t n = static_cast<uint32_t>(p.tokens.size());
      for (const text::Sentence& s : p.sentences) {
        uint8_t prev = kCueO;
        uint32_t cues = 0, last_end = 0;  // CueHistory, of its own guesses
        for (uint32_t i = s.token_begin; i < std::min(s.token_end, n); ++i) {
          if (!feat.Taggable(i) ||
              (prev == kCueO && !feat.MayBegin(i))) {
            prev = kCueO;
            continue;
          }
          feat.CueFeatures(i, prev, CueHistory(cues, last_end, i), &f);
          float sc[K];
          model->Score(f, sc);
          uint8_t guess = BestCueLabel(sc, prev);
          uint8_t gold = p.labels[i];
          if (gold == kCueI && prev == kCueO) gold = kCueB;  // reachable
          if (guess != gold) {
            model->Update(f, gold, guess);
            ++cue_errors;
          }
          model->Tick();
          if (guess == kCueB) ++cues;
          if (guess != kCueO) last_end = i + 1;
          prev = guess;
        }
      }
      for (const CueGuess& c : p.cues) {
        feat.SideFeatures(c.begin, c.end, &f);
        float sc[K];
        model->Score(f, sc);
        int guess = BestSide(sc);
        if (guess != c.side) {
          model->Update(f, c.side, guess);
          ++side_errors;
        }
        model->Tick();
      }
    }
    if (options.on_epoch) options.on_epoch(epoch, cue_errors, side_errors);
  }
}

std::unique_ptr<QuoteModel> ToModel(const std::map<uint64_t, std::array<float, K>>& rows,
                                    StarterTable starters, float cue_bias) {
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  keys.reserve(rows.size());
  weights.reserve(rows.size() * K);
  for (const auto& [key, w] : rows) {
    keys.push_back(key);
    weights.insert(weights.end(), w.begin(), w.end());
  }
  return QuoteModel::Build(std::move(keys), weights, std::move(starters), cue_bias);
}

}  // namespace

Result<std::unique_ptr<QuoteModel>> TrainQuoteModel(
    const std::vector<PolnearDoc>& docs, const QuoteTrainOptions& options) {
  if (docs.empty()) return Status::InvalidArgument("no training documents");
  text::Tokenizer tok;
  text::SentenceSplitter split;
  std::vector<Prepared> prepared(docs.size());
  for (size_t d = 0; d < docs.size(); ++d)
    Prepare(docs[d], &tok, &split, &prepared[d]);
  StarterTable starters = CueStarters(prepared, options.min_starter_rate);
  Perceptron tagger;
  TrainTagger(prepared, starters, options, &tagger);
  std::map<uint64_t, std::array<float, K>> rows;
  tagger.AverageInto(options.prune_threshold, &rows);
  return ToModel(rows, std::move(starters), options.cue_bias);
}

Result<QuoteEvalReport> CrossValidateQuotes(const std::vector<PolnearDoc>& docs,
                                            const QuoteTrainOptions& options,
                                            int folds) {
  if (folds < 2) return Status::InvalidArgument("cross-validation needs 2 or more folds");
  std::vector<std::vector<PolnearDoc>> parts(static_cast<size_t>(folds));
  for (const PolnearDoc& d : docs) {
    // "name_ef2d" is annotator ef2d's file of article "name".
    std::string_view article = d.name;
    if (size_t u = article.rfind('_'); u != std::string_view::npos)
      article = article.substr(0, u);
    parts[Hash64(article) % static_cast<uint64_t>(folds)].push_back(d);
  }
  QuoteEvalReport total;
  QuoteTrainOptions quiet = options;
  quiet.on_epoch = nullptr;
  for (int k = 0; k < folds; ++k) {
    std::vector<PolnearDoc> train;
    for (int j = 0; j < folds; ++j)
      if (j != k) train.insert(train.end(), parts[j].begin(), parts[j].end());
    if (train.empty() || parts[k].empty()) continue;
    auto model = TrainQuoteModel(train, quiet);
    if (!model.ok()) return model.status();
    ScorePolnear(parts[k], model->get(), false, &total);
  }
  FinishReport(&total);
  return total;
}

}  // namespace wirewatch::analyze
