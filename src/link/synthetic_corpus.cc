#include "link/synthetic_corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace wirewatch::link {
namespace {

void BuildCdf(const std::vector<double>& weights, std::vector<double>* cdf) {
  cdf->clear();
  double total = 0;
  for (double w : weights) total += w;
  double run = 0;
  for (double w : weights) {
    run += w / total;
    cdf->push_back(run);
  }
  if (!cdf->empty()) cdf->back() = 1.0;
}

uint32_t Sample(const std::vector<double>& cdf, double u) {
  auto it = std::lower_bound(cdf.begin(), cdf.end(), u);
  if (it == cdf.end()) return static_cast<uint32_t>(cdf.size() - 1);
  return static_cast<uint32_t>(it - cdf.begin());
}

bool ReadFile(const std::filesystem::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Counts lower-cased words and capitalised runs (not sentence-initial) of one
// text; returns the number of words.
uint32_t CountText(std::string_view text,
                   std::unordered_map<std::string, uint64_t>* words,
                   std::unordered_map<std::string, uint64_t>* entities) {
  uint32_t n = 0;
  size_t i = 0;
  bool sentence_start = true;
  std::string run;
  int run_len = 0;
  auto flush = [&] {
    if (run_len > 0 && run.size() > 2) ++(*entities)[run];
    run.clear();
    run_len = 0;
  };
  while (i < text.size()) {
    unsigned char c = text[i];
    if (!std::isalpha(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        sentence_start = true;
        flush();
      } else if (c != ' ') {
        flush();
      }
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    std::string_view w = text.substr(b, i - b);
    ++n;
    std::string lower(w);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ++(*words)[lower];
    bool cap = std::isupper(static_cast<unsigned char>(w[0])) && w.size() > 1 &&
               !std::isupper(static_cast<unsigned char>(w[1]));
    if (cap && !sentence_start) {
      if (run_len > 0) run.push_back(' ');
      run.append(w);
      ++run_len;
    } else {
      flush();
    }
    sentence_start = false;
  }
  flush();
  return n;
}

template <typename Map>
void TopByCount(const Map& m, uint64_t min_count, std::vector<std::string>* keys,
                std::vector<double>* cdf) {
  std::vector<std::pair<uint64_t, std::string>> v;
  for (const auto& [k, c] : m) {
    if (c >= min_count) v.push_back({c, k});
  }
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<double> w;
  keys->clear();
  for (auto& [c, k] : v) {
    keys->push_back(k);
    w.push_back(static_cast<double>(c));
  }
  BuildCdf(w, cdf);
}

}  // namespace

CorpusStats CorpusStats::Builtin(uint32_t vocabulary, uint64_t seed) {
  static const char* kSyllables[] = {"ba", "ki", "to", "ro", "mu", "ne", "sa",
                                     "li", "po", "da", "ve", "zu", "ga", "fi",
                                     "ho", "ta", "me", "ru", "so", "ni"};
  CorpusStats s;
  std::mt19937_64 rng(seed);
  std::vector<double> w;
  std::unordered_map<std::string, bool> seen;
  while (s.words.size() < vocabulary) {
    std::string word;
    int syl = 2 + static_cast<int>(rng() % 3);
    for (int k = 0; k < syl; ++k) word += kSyllables[rng() % 20];
    if (!seen.emplace(word, true).second) continue;
    s.words.push_back(word);
    w.push_back(1.0 / static_cast<double>(s.words.size()));
  }
  BuildCdf(w, &s.word_cdf);
  w.clear();
  for (uint32_t i = 0; i < std::max(10u, vocabulary / 20); ++i) {
    std::string name = s.words[(rng() % (vocabulary / 2)) + vocabulary / 4];
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    s.entities.push_back(name + " " + std::to_string(i));
    w.push_back(1.0 / (i + 1));
  }
  BuildCdf(w, &s.entity_cdf);
  for (uint32_t i = 0; i < 200; ++i) s.doc_lengths.push_back(80 + (rng() % 300));
  return s;
}

Result<CorpusStats> CorpusStats::FromCorpora(const std::string& reuters_dir,
                                             const std::string& bbc_dir,
                                             size_t max_docs) {
  namespace fs = std::filesystem;
  std::unordered_map<std::string, uint64_t> words, entities;
  CorpusStats s;
  size_t docs = 0;
  std::string data;
  std::error_code ec;
  if (!reuters_dir.empty()) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(reuters_dir, ec)) {
      if (e.path().extension() == ".sgm") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (docs >= max_docs || !ReadFile(f, &data)) continue;
      size_t pos = 0;
      while (docs < max_docs) {
        size_t b = data.find("<BODY>", pos);
        if (b == std::string::npos) break;
        size_t e = data.find("</BODY>", b);
        if (e == std::string::npos) break;
        uint32_t n = CountText(std::string_view(data).substr(b + 6, e - b - 6),
                               &words, &entities);
        if (n > 0) s.doc_lengths.push_back(n);
        ++docs;
        pos = e;
      }
    }
  }
  if (!bbc_dir.empty()) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(bbc_dir, ec)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (docs >= max_docs || !ReadFile(f, &data)) continue;
      uint32_t n = CountText(data, &words, &entities);
      if (n > 0) s.doc_lengths.push_back(n);
      ++docs;
    }
  }
  if (words.size() < 100 || entities.size() < 10) {
    return Status::NotFound("synthetic corpus: too little text under '" +
                            reuters_dir + "' and '" + bbc_dir + "'");
  }
  TopByCount(words, 2, &s.words, &s.word_cdf);
  TopByCount(entities, 3, &s.entities, &s.entity_cdf);
  if (s.entities.size() < 10) TopByCount(entities, 1, &s.entities, &s.entity_cdf);
  return s;
}

SyntheticCorpus::SyntheticCorpus(const CorpusStats* stats,
                                 SyntheticOptions options)
    : stats_(stats), options_(options), rng_(options.seed) {}

uint32_t SyntheticCorpus::SampleWord() {
  return Sample(stats_->word_cdf,
                std::uniform_real_distribution<double>(0, 1)(rng_));
}

uint32_t SyntheticCorpus::SampleEntity() {
  return Sample(stats_->entity_cdf,
                std::uniform_real_distribution<double>(0, 1)(rng_));
}

void SyntheticCorpus::NewStory() {
  Story st;
  const uint32_t v = static_cast<uint32_t>(stats_->words.size());
  const uint32_t lo = std::min(50u, v / 4);
  const uint32_t hi = std::min(v, 40000u);
  for (int i = 0; i < 12; ++i) {
    // Log-uniform rank in [lo, hi): mostly mid-frequency words.
    double r = std::exp(std::uniform_real_distribution<double>(
        std::log(static_cast<double>(lo + 1)), std::log(static_cast<double>(hi)))(rng_));
    st.words.push_back(std::min(static_cast<uint32_t>(r), v - 1));
  }
  for (int i = 0; i < 3; ++i) st.entities.push_back(SampleEntity());
  if (stories_.size() < options_.active_stories) {
    stories_.push_back(std::move(st));
    story_ids_.push_back(next_story_);
  } else {
    uint32_t slot = next_story_ % options_.active_stories;
    stories_[slot] = std::move(st);
    story_ids_[slot] = next_story_;
  }
  ++next_story_;
}

void SyntheticCorpus::Next(SyntheticDoc* doc) {
  const int64_t day =
      options_.first_day + static_cast<int64_t>(produced_ / options_.docs_per_day);
  std::uniform_real_distribution<double> u(0, 1);
  if (!recent_.empty() && u(rng_) < options_.copy_rate) {
    size_t pick = rng_() % recent_.size();
    const SyntheticDoc& src = recent_[pick];
    *doc = src;
    // recent_ is a ring indexed by document number modulo its capacity.
    doc->copy_of = static_cast<int64_t>(
        recent_.size() < 512 ? pick
                             : produced_ - 1 - ((produced_ - 1 - pick) % 512));
    // Replace two words of the body.
    for (int k = 0; k < 2; ++k) {
      size_t p = doc->text.find(' ', rng_() % std::max<size_t>(1, doc->text.size()));
      if (p == std::string::npos) break;
      doc->text.insert(p + 1, stats_->words[SampleWord()] + " ");
    }
    doc->site = "copy" + std::to_string(rng_() % 50) + ".example";
    doc->day = std::max(src.day, day);
  } else {
    uint32_t slot;
    if (stories_.empty() || u(rng_) < options_.new_story_rate) {
      NewStory();
      slot = static_cast<uint32_t>((next_story_ - 1) %
                                   std::max<uint32_t>(1, options_.active_stories));
      if (slot >= stories_.size()) slot = static_cast<uint32_t>(stories_.size() - 1);
    } else {
      slot = static_cast<uint32_t>(rng_() % stories_.size());
    }
    const Story& st = stories_[slot];
    doc->story = story_ids_[slot];
    doc->copy_of = -1;
    doc->day = day;
    doc->lang = "en";
    doc->site = "site" + std::to_string(rng_() % 50) + ".example";
    doc->title.clear();
    for (int i = 0; i < 7; ++i) {
      if (i) doc->title.push_back(' ');
      doc->title += i < 4 ? stats_->words[st.words[rng_() % st.words.size()]]
                          : stats_->words[SampleWord()];
    }
    doc->entities.clear();
    for (uint32_t e : st.entities) doc->entities.push_back(stats_->entities[e]);
    int extra = static_cast<int>(rng_() % 3);
    for (int i = 0; i < extra; ++i) {
      doc->entities.push_back(stats_->entities[SampleEntity()]);
    }
    uint32_t len = stats_->doc_lengths[rng_() % stats_->doc_lengths.size()];
    len = std::clamp<uint32_t>(len, 20, options_.max_length);
    doc->text.clear();
    size_t next_entity = 0;
    for (uint32_t i = 0; i < len; ++i) {
      if (i) doc->text += (i % 17 == 0) ? ". " : " ";
      if (i % 29 == 5 && next_entity < doc->entities.size()) {
        doc->text += doc->entities[next_entity++];
      } else if (u(rng_) < options_.story_word_share) {
        doc->text += stats_->words[st.words[rng_() % st.words.size()]];
      } else {
        doc->text += stats_->words[SampleWord()];
      }
    }
    doc->text.push_back('.');
  }
  constexpr size_t kRecent = 512;
  if (recent_.size() < kRecent) {
    recent_.push_back(*doc);
  } else {
    recent_[produced_ % kRecent] = *doc;
  }
  ++produced_;
}

}  // namespace wirewatch::link
