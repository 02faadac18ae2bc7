// Synthetic news corpora for tests and benchmarks.
//
// CorpusStats holds a background word distribution (Zipfian by rank), an
// entity distribution and a sample of document lengths, either learnt from
// the real corpora (Reuters-21578 .sgm files and the BBC folder) or made up
// (Builtin: pseudo-words with a Zipf(1.0) law, for unit tests that must not
// need data files). SyntheticCorpus then emits documents in publication
// order: each belongs to a story (a set of key words and key entities that
// recurs over a few days), mixes story words into background text, and a
// fraction are near-copies (syndication) of a recent document. The story
// and copy-of labels are ground truth for recall and clustering checks.
//
// Thread-safety: SyntheticCorpus is a stateful generator (one per thread);
// CorpusStats is a plain value.
#ifndef WIREWATCH_LINK_SYNTHETIC_CORPUS_H_
#define WIREWATCH_LINK_SYNTHETIC_CORPUS_H_

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "wirewatch/status.h"

namespace wirewatch::link {

struct CorpusStats {
  std::vector<std::string> words;      // by descending frequency
  std::vector<double> word_cdf;        // cumulative probabilities
  std::vector<std::string> entities;   // by descending frequency
  std::vector<double> entity_cdf;
  std::vector<uint32_t> doc_lengths;   // body lengths in words (sample)

  // Pseudo-words ("baki", "toromu", ...), Zipf(1.0) over `vocabulary` words.
  static CorpusStats Builtin(uint32_t vocabulary, uint64_t seed);
  // Learns from up to `max_docs` documents under reuters_dir (*.sgm) and
  // bbc_dir (<topic>/*.txt). Either directory may be empty.
  static Result<CorpusStats> FromCorpora(const std::string& reuters_dir,
                                         const std::string& bbc_dir,
                                         size_t max_docs);
};

struct SyntheticOptions {
  uint64_t seed = 1;
  double new_story_rate = 0.15;   // chance a document starts a new story
  uint32_t active_stories = 300;  // stories that can still grow
  double story_word_share = 0.3;  // fraction of body words from the story
  double copy_rate = 0.03;        // near-copies of a recent document
  uint32_t docs_per_day = 300;
  int64_t first_day = 15000;      // days since the epoch (2011-01-26)
  uint32_t max_length = 600;      // words per body, cap
};

struct SyntheticDoc {
  std::string title;
  std::string text;
  std::string site;
  std::string lang = "en";
  int64_t day = 0;
  std::vector<std::string> entities;
  uint32_t story = 0;
  int64_t copy_of = -1;  // index of the copied document, or -1
};

class SyntheticCorpus {
 public:
  // REQUIRES: stats has at least 100 words and 10 entities; outlives this.
  SyntheticCorpus(const CorpusStats* stats, SyntheticOptions options);

  // Fills `doc` with the next document (buffers reused).
  void Next(SyntheticDoc* doc);
  uint64_t produced() const { return produced_; }

 private:
  struct Story {
    std::vector<uint32_t> words;
    std::vector<uint32_t> entities;
  };
  uint32_t SampleWord();
  uint32_t SampleEntity();
  void NewStory();

  const CorpusStats* stats_;
  SyntheticOptions options_;
  std::mt19937_64 rng_;
  std::vector<Story> stories_;       // ring of active stories
  std::vector<uint32_t> story_ids_;  // global id per ring slot
  uint32_t next_story_ = 0;
  uint64_t produced_ = 0;
  // A window of recent documents for near-copies.
  std::vector<SyntheticDoc> recent_;
};

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_SYNTHETIC_CORPUS_H_
