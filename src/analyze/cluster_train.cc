// The exchange algorithm of cluster_train.h. The objective, the class
// bigram log-likelihood without its constant word terms, is
//   F = sum_{a,b} f(N(a,b)) - sum_a f(N(a,.)) - sum_b f(N(.,b)),
// f(x) = x log x, with N(a,b) the count of class a followed by class b.
// Moving word w only changes the cells of its contexts' classes, so the
// gain of each candidate class costs O(distinct context classes of w).
#include "analyze/cluster_train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>

#include "base/ascii.h"

namespace wirewatch::analyze {
namespace {

using text::TokenKind;

// x log x for counts; small ones from a table (most class bigram cells).
class XLogX {
 public:
  XLogX() : table_(kSize) {
    for (size_t i = 1; i < kSize; ++i) {
      const double x = static_cast<double>(i);
      table_[i] = x * std::log(x);
    }
  }
  double operator()(int64_t x) const {
    if (x < static_cast<int64_t>(kSize)) return table_[static_cast<size_t>(x)];
    const double d = static_cast<double>(x);
    return d * std::log(d);
  }

 private:
  static constexpr size_t kSize = size_t{1} << 20;
  std::vector<double> table_;
};

// A word's neighbours: (word, count) lists, compressed rows.
struct Adjacency {
  std::vector<uint32_t> begin;  // words + 1
  std::vector<uint32_t> word;
  std::vector<int64_t> count;
};

Adjacency BuildAdjacency(std::vector<uint64_t>* pairs, size_t words) {
  std::sort(pairs->begin(), pairs->end());
  Adjacency a;
  a.begin.assign(words + 1, 0);
  for (size_t i = 0; i < pairs->size();) {
    size_t j = i;
    while (j < pairs->size() && (*pairs)[j] == (*pairs)[i]) ++j;
    const uint32_t from = static_cast<uint32_t>((*pairs)[i] >> 32);
    a.word.push_back(static_cast<uint32_t>((*pairs)[i]));
    a.count.push_back(static_cast<int64_t>(j - i));
    ++a.begin[from + 1];
    i = j;
  }
  std::partial_sum(a.begin.begin(), a.begin.end(), a.begin.begin());
  return a;
}

// One clustering of the vocabulary (ids 0..V) into C classes.
class Exchange {
 public:
  Exchange(const Adjacency& succ, const Adjacency& pred,
           const std::vector<int64_t>& count, int classes, const XLogX& f)
      : succ_(succ), pred_(pred), count_(count), C_(classes), f_(f) {}

  // `order`: the words in visiting order, whose rank also sets the
  // initial class (rank mod C).
  void Init(const std::vector<uint32_t>& order, uint32_t words) {
    cls_.assign(words, 0);
    for (size_t r = 0; r < order.size(); ++r)
      cls_[order[r]] = static_cast<uint32_t>(r % static_cast<size_t>(C_));
    m_.assign(static_cast<size_t>(C_) * C_, 0);
    left_.assign(C_, 0);
    right_.assign(C_, 0);
    for (uint32_t w = 0; w < words; ++w)
      for (uint32_t k = succ_.begin[w]; k < succ_.begin[w + 1]; ++k)
        Add(cls_[w], cls_[succ_.word[k]], succ_.count[k]);
    ctx_left_.assign(C_, 0);
    ctx_right_.assign(C_, 0);
  }

  double Objective() const {
    double obj = 0;
    for (int64_t v : m_) obj += f_(v);
    for (int c = 0; c < C_; ++c) obj -= f_(left_[c]) + f_(right_[c]);
    return obj;
  }

  // Moves w to its best class; true when it changed class.
  bool Visit(uint32_t w) {
    const uint32_t from = cls_[w];
    const int64_t self = Move(w, from, -1);
    // Context counts by class, without w itself (it has no class now).
    touched_left_.clear();
    touched_right_.clear();
    for (uint32_t k = pred_.begin[w]; k < pred_.begin[w + 1]; ++k) {
      if (pred_.word[k] == w) continue;
      const uint32_t c = cls_[pred_.word[k]];
      if (ctx_left_[c] == 0) touched_left_.push_back(c);
      ctx_left_[c] += pred_.count[k];
    }
    for (uint32_t k = succ_.begin[w]; k < succ_.begin[w + 1]; ++k) {
      if (succ_.word[k] == w) continue;
      const uint32_t c = cls_[succ_.word[k]];
      if (ctx_right_[c] == 0) touched_right_.push_back(c);
      ctx_right_[c] += succ_.count[k];
    }
    const int64_t as_left = OutCount(w), as_right = InCount(w);
    uint32_t best = from;
    double best_gain = Gain(from, self, as_left, as_right);
    for (uint32_t b = 0; b < static_cast<uint32_t>(C_); ++b) {
      if (b == from) continue;
      const double g = Gain(b, self, as_left, as_right);
      if (g > best_gain + 1e-9) {
        best_gain = g;
        best = b;
      }
    }
    for (uint32_t c : touched_left_) ctx_left_[c] = 0;
    for (uint32_t c : touched_right_) ctx_right_[c] = 0;
    Move(w, best, +1);
    return best != from;
  }

  const std::vector<uint32_t>& classes() const { return cls_; }

 private:
  int64_t& M(uint32_t a, uint32_t b) { return m_[static_cast<size_t>(a) * C_ + b]; }
  int64_t M(uint32_t a, uint32_t b) const {
    return m_[static_cast<size_t>(a) * C_ + b];
  }
  void Add(uint32_t a, uint32_t b, int64_t n) {
    M(a, b) += n;
    left_[a] += n;
    right_[b] += n;
  }
  int64_t OutCount(uint32_t w) const {
    int64_t n = 0;
    for (uint32_t k = succ_.begin[w]; k < succ_.begin[w + 1]; ++k) n += succ_.count[k];
    return n;
  }
  int64_t InCount(uint32_t w) const {
    int64_t n = 0;
    for (uint32_t k = pred_.begin[w]; k < pred_.begin[w + 1]; ++k) n += pred_.count[k];
    return n;
  }

  // Adds (sign +1) or removes (-1) the bigrams of w as a member of class
  // c; returns the count of w followed by itself.
  int64_t Move(uint32_t w, uint32_t c, int sign) {
    int64_t self = 0;
    for (uint32_t k = succ_.begin[w]; k < succ_.begin[w + 1]; ++k) {
      const uint32_t v = succ_.word[k];
      if (v == w) {
        self = succ_.count[k];
        continue;
      }
      Add(c, cls_[v], sign * succ_.count[k]);
    }
    for (uint32_t k = pred_.begin[w]; k < pred_.begin[w + 1]; ++k) {
      const uint32_t u = pred_.word[k];
      if (u != w) Add(cls_[u], c, sign * pred_.count[k]);
    }
    Add(c, c, sign * self);
    if (sign > 0) cls_[w] = c;
    return self;
  }

  // Change of the objective when w (removed) joins class b.
  double Gain(uint32_t b, int64_t self, int64_t as_left, int64_t as_right) const {
    double g = 0;
    for (uint32_t c : touched_left_) {
      if (c == b) continue;
      const int64_t m = M(c, b);
      g += f_(m + ctx_left_[c]) - f_(m);
    }
    for (uint32_t c : touched_right_) {
      if (c == b) continue;
      const int64_t m = M(b, c);
      g += f_(m + ctx_right_[c]) - f_(m);
    }
    const int64_t mbb = M(b, b);
    g += f_(mbb + ctx_left_[b] + ctx_right_[b] + self) - f_(mbb);
    g -= f_(left_[b] + as_left) - f_(left_[b]);
    g -= f_(right_[b] + as_right) - f_(right_[b]);
    return g;
  }

  const Adjacency& succ_;
  const Adjacency& pred_;
  const std::vector<int64_t>& count_;
  const int C_;
  const XLogX& f_;
  std::vector<uint32_t> cls_;
  std::vector<int64_t> m_, left_, right_;
  std::vector<int64_t> ctx_left_, ctx_right_;
  std::vector<uint32_t> touched_left_, touched_right_;
};

}  // namespace

ClusterCorpus::ClusterCorpus() {
  words_.emplace_back("<s>");
  ids_.emplace(words_.back(), 0);
  stream_.push_back(0);
}

uint32_t ClusterCorpus::Intern(std::string_view lower) {
  auto [it, fresh] =
      ids_.try_emplace(std::string(lower), static_cast<uint32_t>(words_.size()));
  if (fresh) words_.emplace_back(lower);
  return it->second;
}

void ClusterCorpus::AddText(std::string_view text) {
  // Tokenize's only error is the token limit; the prefix it keeps is used.
  (void)tokenizer_.Tokenize(text, &tokens_);
  splitter_.Split(text, tokens_, &sentences_);
  for (const text::Sentence& s : sentences_) {
    for (uint32_t i = s.token_begin; i < s.token_end && i < tokens_.size(); ++i) {
      const text::Token& t = tokens_[i];
      if (t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote) {
        lower_.assign("\"");
      } else {
        lower_.assign(t.text(text));
        AsciiLowerInPlace(&lower_);
      }
      stream_.push_back(Intern(lower_));
    }
    stream_.push_back(0);
  }
}

Result<std::vector<ClusteredWord>> TrainWordClusters(
    const ClusterCorpus& corpus, const ClusterTrainOptions& options) {
  const std::vector<uint32_t>& stream = corpus.stream();
  const std::vector<std::string>& words = corpus.words();
  for (int size : options.sizes)
    if (size < 2 || size > 4096)
      return Status::InvalidArgument("cluster sizes must be in 2..4096");
  std::vector<int64_t> freq(words.size(), 0);
  for (uint32_t w : stream) ++freq[w];
  // Kept words get ids 1..V in visiting order; the rest share id V + 1.
  std::vector<uint32_t> order;
  for (uint32_t w = 1; w < words.size(); ++w)
    if (freq[w] >= options.min_count) order.push_back(w);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return freq[a] != freq[b] ? freq[a] > freq[b] : words[a] < words[b];
  });
  if (order.empty()) return Status::InvalidArgument("no word occurs min_count times");
  const uint32_t V = static_cast<uint32_t>(order.size());
  const uint32_t rare = V + 1;
  std::vector<uint32_t> id(words.size(), rare);
  id[0] = 0;
  for (uint32_t r = 0; r < V; ++r) id[order[r]] = r + 1;
  const uint32_t n = V + 2;
  std::vector<uint64_t> fwd, bwd;
  fwd.reserve(stream.size());
  bwd.reserve(stream.size());
  for (size_t i = 1; i < stream.size(); ++i) {
    const uint64_t a = id[stream[i - 1]], b = id[stream[i]];
    fwd.push_back(a << 32 | b);
    bwd.push_back(b << 32 | a);
  }
  const Adjacency succ = BuildAdjacency(&fwd, n);
  const Adjacency pred = BuildAdjacency(&bwd, n);
  std::vector<uint64_t>().swap(fwd);
  std::vector<uint64_t>().swap(bwd);
  std::vector<int64_t> count(n, 0);
  for (uint32_t w : stream) ++count[id[w]];

  // The boundary and the rare words are clustered too (they are contexts)
  // but are visited last.
  std::vector<uint32_t> visit(V);
  std::iota(visit.begin(), visit.end(), 1u);
  visit.push_back(0);
  visit.push_back(rare);

  const XLogX f;
  std::vector<ClusteredWord> out(V);
  for (uint32_t r = 0; r < V; ++r) out[r].word = words[order[r]];
  for (size_t level = 0; level < options.sizes.size(); ++level) {
    Exchange ex(succ, pred, count, options.sizes[level], f);
    ex.Init(visit, n);
    for (int pass = 1; pass <= options.max_passes; ++pass) {
      int64_t moved = 0;
      for (uint32_t w : visit) moved += ex.Visit(w) ? 1 : 0;
      if (options.on_pass)
        options.on_pass(static_cast<int>(level), pass, moved, ex.Objective());
      if (static_cast<double>(moved) < options.min_moved_share * V) break;
    }
    for (uint32_t r = 0; r < V; ++r)
      out[r].classes.push_back(static_cast<uint16_t>(ex.classes()[r + 1] + 1));
  }
  return out;
}

Status WriteWordClusters(const std::vector<ClusteredWord>& words,
                         const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"),
                                          &std::fclose);
  if (!f) return Status::Unavailable("cannot write " + path);
  std::string line;
  for (const ClusteredWord& w : words) {
    line.assign(w.word);
    for (uint16_t c : w.classes) {
      line.push_back('\t');
      line.append(std::to_string(c));
    }
    line.push_back('\n');
    if (std::fwrite(line.data(), 1, line.size(), f.get()) != line.size())
      return Status::Unavailable("cannot write " + path);
  }
  if (std::fflush(f.get()) != 0) return Status::Unavailable("cannot write " + path);
  return Status::Ok();
}

}  // namespace wirewatch::analyze
