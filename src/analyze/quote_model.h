// The learned part of attribution (who said / believes / reported what):
// a cue tagger and a content-direction classifier, both averaged-perceptron
// linear models over hashed features, trained on PolNeAR (quote_train.h).
//
//  - Cue tagging: each word of a sentence, left to right, gets O, B (first
//    word of an attribution cue) or I (later word of the same cue), from
//    features of the word and its neighbours, the quote state, the
//    previous label and the cues already found in the sentence (greedy
//    decoding; I only after B or I). Only words
//    that began a cue in training (the model stores them) and the
//    attribution predicates of a built-in lexicon may begin one, so most
//    tokens are never scored. The lexicon groups predicates by meaning
//    (speech, belief, judgement, will, evidence, feeling, nouns such as
//    "claim" or "report"); the class is a feature, so rare words share
//    what common ones teach. Cues are not only speech verbs: "believes",
//    "according to", "reportedly", "the claim", "don't like" are cues in
//    PolNeAR. A constant bias (cue_bias, set at training) is added to
//    every B score: recall for precision.
//  - Direction: for each cue, whether its content lies to the right ("said
//    that …"), to the left ("…, he said") or around it (a cue inside its
//    own content). QuoteExtractor turns the direction into a content span
//    and finds the source with its noun-phrase rules.
// The two models share one weight table of kQuoteLabels columns: their
// feature templates hash to disjoint keys.
//
// Model file format (version 2, little-endian), written by Serialize():
//   offset 0   char[8]  magic "WWQUOMDL"
//          8   u32      format version (2)
//         12   u32      feature version (kQuoteFeatureVersion)
//         16   u32      columns K (kQuoteLabels)
//         20   u32      rows R
//         24   f32      weight scale s (weight = int16 * s)
//         28   u32      cue starters S
//         32   u64      xxHash64 of the body
//         40   f32      cue bias (added to the B score of every token)
//         44   u32      reserved (0)
//   body: u64[R] feature keys, strictly increasing; i16[R*K] weights;
//         u64[S] cue starters, strictly increasing.
//
// Thread-safety: a loaded QuoteModel is immutable and shared between
// threads; a QuoteTagger keeps scratch buffers and serves one thread.
#ifndef WIREWATCH_ANALYZE_QUOTE_MODEL_H_
#define WIREWATCH_ANALYZE_QUOTE_MODEL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

inline constexpr uint32_t kQuoteModelFormatVersion = 2;
// The model the project ships, in models/ (models/README.md).
inline constexpr const char* kShippedQuoteModel = "quotes-polnear-v3.bin";
inline constexpr uint32_t kQuoteFeatureVersion = 3;
inline constexpr int kQuoteLabels = 3;

enum CueLabel : uint8_t { kCueO = 0, kCueB = 1, kCueI = 2 };
enum ContentSide : uint8_t { kSideRight = 0, kSideLeft = 1, kSideAround = 2 };

// A cue found by the tagger: tokens [begin, end) and where its content is.
struct CueGuess {
  uint32_t begin = 0;
  uint32_t end = 0;
  ContentSide side = kSideRight;
};

// True when token i is a straight double quote opening a paragraph whose
// paragraph has no straight closing mark: some corpora prefix every
// paragraph with a stray '"' (while quoting with curly marks); such a mark
// opens nothing.
bool IsStrayQuoteMark(std::string_view text, std::span<const text::Token> tokens,
                      uint32_t i);

// Lowercase word hashes (never 0) mapped to small non-zero values, in open
// addressing: probed for every word of every article.
class WordHashTable {
 public:
  // The first value given for a hash wins.
  void Assign(const std::vector<std::pair<uint64_t, uint8_t>>& entries);
  // The value of a hash, 0 when absent.
  uint8_t Get(uint64_t h) const {
    if (keys_.empty()) return 0;
    for (uint64_t slot = (h ^ (h >> 29)) & mask_; keys_[slot] != 0;
         slot = (slot + 1) & mask_)
      if (keys_[slot] == h) return values_[slot];
    return 0;
  }

 private:
  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<uint8_t> values_;
  uint64_t mask_ = 0;
};

// The words that began a cue in training (LowerHash).
class StarterTable {
 public:
  // `hashes` sorted, unique and non-zero.
  void Assign(std::vector<uint64_t> hashes);
  bool Contains(uint64_t lower) const { return table_.Get(lower) != 0; }
  const std::vector<uint64_t>& hashes() const { return hashes_; }
  size_t size() const { return hashes_.size(); }

 private:
  std::vector<uint64_t> hashes_;  // sorted, as stored
  WordHashTable table_;
};

// Per-document token information and feature extraction. Prepare() once
// per document, then features for any token or cue of it.
class QuoteFeaturizer {
 public:
  void Prepare(std::string_view text, std::span<const text::Token> tokens,
               std::span<const text::Sentence> sentences,
               const StarterTable* starters);
  // True for tokens the cue tagger labels (words; punctuation is always O).
  bool Taggable(uint32_t i) const { return info_[i].taggable; }
  uint32_t SentenceOf(uint32_t i) const { return info_[i].sentence; }
  const text::Sentence& Sentence(uint32_t s) const { return sents_[s]; }
  size_t size() const { return info_.size(); }
  size_t num_sentences() const { return sents_.size(); }

  // Hash of the lowercase form of token i (the key of cue starters).
  uint64_t LowerHash(uint32_t i) const { return info_[i].lower; }
  // Whether token i may begin a cue: it began one in training (the
  // starter table given to Prepare) or is a listed attribution predicate.
  bool MayBegin(uint32_t i) const {
    return info_[i].pred != 0 ||
           (starters_ != nullptr && starters_->Contains(info_[i].lower));
  }

  // Replaces *f with the cue-tagging features of token i given the label of
  // the previous token of its sentence (kCueO at the start): those of the
  // word, its quote state and the previous label (StaticCueFeatures, the
  // same for every occurrence with the same StaticKey, so the tagger
  // caches their sum) followed by those of its neighbours.
  void CueFeatures(uint32_t i, uint8_t prev, uint32_t history,
                   std::vector<uint64_t>* f);
  uint64_t StaticKey(uint32_t i, uint8_t prev) const;

  // Per-token information; Detail() adds what only scored tokens need.
  struct Info {
    uint64_t lower, pre, suf;
    uint32_t sentence;
    uint8_t shape;
    uint8_t lex;   // 1 when a known speech or attribution verb
    uint8_t pred;  // semantic class of an attribution predicate, 0 none
    bool in_quote, taggable, open_q, close_q, detailed;
  };
  const Info& Detail(uint32_t i);
  // Token i is the same word (same StaticKey) as a token whose Detail
  // gave these: takes them instead of computing them.
  void Adopt(uint32_t i, uint64_t pre, uint64_t suf, uint8_t shape, uint8_t lex);
  void StaticCueFeatures(uint32_t i, uint8_t prev, std::vector<uint64_t>* f);
  // `history`: CueHistory() of the cues tagged before i in its sentence.
  // Replaces *f with the features of i's context: ContextCueFeatures, then
  // SmallCueFeatures.
  void DynamicCueFeatures(uint32_t i, uint32_t history, std::vector<uint64_t>* f);
  // Replaces *f with the features of i's neighbour words.
  void ContextCueFeatures(uint32_t i, std::vector<uint64_t>* f);
  // Appends the features of few values (position in the sentence, the
  // history, the predicate class): they depend only on SmallCueKey, under
  // kSmallCueKeys, so the tagger caches their sum by key.
  void SmallCueFeatures(uint32_t i, uint32_t history, std::vector<uint64_t>* f);
  static constexpr uint32_t kSmallCueKeys = 6 * 2 * 24 * 8;
  uint32_t SmallCueKey(uint32_t i, uint32_t history);
  // Replaces *f with the direction features of the cue [b, e).
  void SideFeatures(uint32_t b, uint32_t e, std::vector<uint64_t>* f);

 private:
  // Token i+d when it lies in i's sentence.
  bool Neighbour(uint32_t i, int d, uint32_t* j) const;
  uint64_t Ctx(uint32_t i, int d) const;  // lowercase hash of i+d in sentence
  uint8_t ShapeAt(uint32_t i, int d) const;  // shape of i+d in sentence, else 0
  uint8_t PredAt(uint32_t i, int d) const;  // predicate class of i+d, else 0
  // Separator (comma, colon, dash, quote mark) nearest to i on one side
  // within its sentence: kind * 8 + distance bucket, 0 when none.
  uint64_t SepLeft(uint32_t i) const;
  uint64_t SepRight(uint32_t i) const;
  std::string_view text_;
  std::span<const text::Token> toks_;
  std::span<const text::Sentence> sents_;
  std::vector<Info> info_;
  std::vector<uint8_t> sent_quoted_;  // per sentence: has a quote mark
  const StarterTable* starters_ = nullptr;
  std::vector<uint64_t> scratch_;
};

class QuoteModel {
 public:
  // rows: keys.size() * kQuoteLabels floats, keys strictly increasing;
  // starters: the words that began a cue in training.
  static std::unique_ptr<QuoteModel> Build(std::vector<uint64_t> keys,
                                           const std::vector<float>& rows,
                                           StarterTable starters,
                                           float cue_bias);
  static Result<std::unique_ptr<QuoteModel>> FromBytes(std::string_view bytes);
  static Result<std::unique_ptr<QuoteModel>> Load(const std::string& path);
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  // Adds the rows of `feats` to scores[0..kQuoteLabels).
  void Score(std::span<const uint64_t> feats, float* scores) const;
  // The same in the stored integer units (weight = unit * scale()): sums
  // of parts add up exactly to the sum of the whole.
  void AddRaw(std::span<const uint64_t> feats, int32_t* sums) const;
  float scale() const { return scale_; }
  size_t num_rows() const { return keys_.size(); }
  size_t num_starters() const { return starters_.size(); }
  float cue_bias() const { return cue_bias_; }
  // The words that began a cue in training (QuoteFeaturizer::MayBegin).
  const StarterTable& starters() const { return starters_; }

 private:
  struct Entry {
    uint64_t key = 0;
    int16_t w[kQuoteLabels] = {0, 0, 0};
  };
  QuoteModel() = default;
  void BuildIndex();
  std::vector<uint64_t> keys_;     // as stored
  std::vector<int16_t> qweights_;  // as stored
  float scale_ = 1.0f;
  float cue_bias_ = 0.0f;
  std::vector<Entry> table_;       // open addressing over keys_
  uint64_t mask_ = 0;
  StarterTable starters_;
};

// What the tagger found earlier in the sentence of token i: how many cues
// (0, 1, more) and how far back the last one ended. A sentence seldom has
// two attributions, and the second is seldom next to the first.
uint32_t CueHistory(uint32_t cues, uint32_t last_end, uint32_t i);

// Label of token i given the scores of its three labels and the previous
// label: the best allowed one (I only continues B or I).
uint8_t BestCueLabel(const float* scores, uint8_t prev);
// The side with the best score.
ContentSide BestSide(const float* scores);

class QuoteTagger {
 public:
  // REQUIRES: model outlives the tagger.
  explicit QuoteTagger(const QuoteModel* model) : model_(model) {}
  // Cues of the document, in text order.
  void Tag(std::string_view text, std::span<const text::Token> tokens,
           std::span<const text::Sentence> sentences,
           std::vector<CueGuess>* out);

 private:
  static constexpr size_t kStaticCacheSize = 4096;  // a power of two
  struct SmallScore {  // QuoteFeaturizer::SmallCueFeatures by SmallCueKey
    int32_t sum[kQuoteLabels] = {0, 0, 0};
    bool ready = false;
  };
  struct StaticScore {  // 48 bytes: the cache stays small beside the model
    uint64_t key = 0;
    uint64_t pre = 0, suf = 0;  // the word's details (QuoteFeaturizer::Info)
    int32_t sum[kQuoteLabels] = {0, 0, 0};
    uint8_t shape = 0, lex = 0;
  };
  const QuoteModel* model_;
  QuoteFeaturizer feat_;
  std::vector<uint64_t> f_;
  // Direct-mapped by StaticKey: most scored words are frequent ones.
  std::vector<StaticScore> static_cache_ =
      std::vector<StaticScore>(kStaticCacheSize);
  std::vector<SmallScore> small_cache_ =
      std::vector<SmallScore>(QuoteFeaturizer::kSmallCueKeys);
};

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_QUOTE_MODEL_H_
