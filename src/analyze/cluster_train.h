// Word clusters from unlabelled text: the exchange algorithm (Kneser and
// Ney 1993; Martin, Liermann and Ney 1998) for a class bigram model. Each
// word is moved, in turn, to the class that most raises the likelihood of
// the corpus under p(w_i | w_{i-1}) = p(c_i | c_{i-1}) p(w_i | c_i), until a
// pass moves few words. Words used alike ("said", "told", "added";
// "believes", "thinks") end in one class, so a tagger that sees the class
// generalises from frequent words to rare ones.
//
// Words are lowercased (ASCII) as the taggers see them; every quote mark
// is one word. Words rarer than min_count share one class with all unseen
// words. Each requested size gives an independent clustering (a level).
//
// Cost: memory about 24 bytes per corpus token while training (the token
// stream and its bigrams in both directions); time per pass grows with
// the classes times the distinct neighbours of each word: 4.8 M tokens
// into 64, 256 and 1,024 classes take about 30 s on one core.
//
// Determinism: words are visited in a fixed order (frequency, then bytes)
// from a fixed initial assignment, single-threaded; the same text and
// options give the same clusters.
//
// Thread-safety: a ClusterCorpus is not thread-safe; TrainWordClusters is
// a pure function of its inputs.
#ifndef WIREWATCH_ANALYZE_CLUSTER_TRAIN_H_
#define WIREWATCH_ANALYZE_CLUSTER_TRAIN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

// The word stream of the training text: ids, with 0 between sentences.
class ClusterCorpus {
 public:
  ClusterCorpus();
  // Tokenises `text` and appends its sentences.
  void AddText(std::string_view text);
  size_t num_tokens() const { return stream_.size(); }
  size_t num_types() const { return words_.size(); }

  const std::vector<uint32_t>& stream() const { return stream_; }
  const std::vector<std::string>& words() const { return words_; }

 private:
  uint32_t Intern(std::string_view lower);
  text::Tokenizer tokenizer_;
  text::SentenceSplitter splitter_;
  std::vector<text::Token> tokens_;
  std::vector<text::Sentence> sentences_;
  std::string lower_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;  // by id; id 0 is the sentence boundary
  std::vector<uint32_t> stream_;
};

struct ClusterTrainOptions {
  // One clustering per size (a level), in the order given.
  std::vector<int> sizes = {64, 256};
  // Words seen fewer times are not clustered.
  int min_count = 5;
  // A level stops after this many passes, or earlier when a pass moves
  // fewer than min_moved_share of the words.
  int max_passes = 12;
  double min_moved_share = 0.002;
  // Called after each pass.
  std::function<void(int level, int pass, int64_t moved, double objective)>
      on_pass;
};

// One clustered word: its lowercase form and 1-based class per level.
struct ClusteredWord {
  std::string word;
  std::vector<uint16_t> classes;
};

// The words with at least min_count occurrences, most frequent first.
Result<std::vector<ClusteredWord>> TrainWordClusters(
    const ClusterCorpus& corpus, const ClusterTrainOptions& options);

// Writes "word\tC1\tC2…\n" lines (the form ReadWordClusters reads).
Status WriteWordClusters(const std::vector<ClusteredWord>& words,
                         const std::string& path);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_CLUSTER_TRAIN_H_
