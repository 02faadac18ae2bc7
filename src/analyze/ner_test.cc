#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "analyze/ner_clusters.h"
#include "analyze/ner_conll.h"
#include "analyze/ner_eval.h"
#include "analyze/ner_features.h"
#include "analyze/ner_model.h"
#include "analyze/ner_train.h"
#include "analyze/ner_types.h"
#include "analyze/shipped_models_testing.h"
#include "base/hash.h"
#include "text/tokenizer.h"

namespace wirewatch::analyze {
namespace {

const std::string kModelPath = ShippedModelPath(kShippedNerModel);
const std::string kDevPath =
    std::string(WIREWATCH_SHARED_DATA) + "/ner/conll2003/eng.testa";
// Recorded in models/README.md; the regression test checks it.
constexpr double kRecordedDevF1 = 92.49;

std::string RenderSpans(const std::vector<NerSpan>& spans) {
  std::string r;
  for (const NerSpan& s : spans) {
    if (!r.empty()) r += ' ';
    r += std::string(EntityTypeName(s.type)) + "[" + std::to_string(s.begin) +
         "," + std::to_string(s.end) + ")";
  }
  return r;
}

TEST(ConllTest, Iob1ChunksFollowConlleval) {
  struct {
    std::vector<std::string_view> tags;
    const char* expected;
  } kCases[] = {
      {{"I-PER", "I-PER", "O"}, "PER[0,2)"},
      {{"I-PER", "B-PER", "O"}, "PER[0,1) PER[1,2)"},
      {{"I-ORG", "I-LOC"}, "ORG[0,1) LOC[1,2)"},
      {{"O", "I-MISC", "I-MISC", "I-MISC"}, "MISC[1,4)"},
      {{"B-LOC", "I-LOC", "O", "B-LOC"}, "LOC[0,2) LOC[3,4)"},  // IOB2 too
  };
  for (const auto& c : kCases) {
    std::vector<NerSpan> spans;
    ASSERT_TRUE(ConllTagsToSpans(c.tags, 0, &spans));
    EXPECT_EQ(RenderSpans(spans), c.expected);
  }
  std::vector<NerSpan> spans;
  std::vector<std::string_view> bad = {"X-PER"};
  EXPECT_FALSE(ConllTagsToSpans(bad, 0, &spans));
}

TEST(ConllTest, ParsesDocumentsAndSentences) {
  auto c = ParseConll(
      "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
      "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n"
      "-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->docs.size(), 2u);
  EXPECT_EQ(c->docs[0].sentences.size(), 2u);
  EXPECT_EQ(RenderSpans(c->docs[0].gold), "ORG[0,1) PER[2,4)");
  EXPECT_EQ(RenderSpans(c->docs[1].gold), "LOC[0,1)");
  EXPECT_EQ(c->num_tokens, 5u);
  EXPECT_FALSE(ParseConll("word\n").ok());
}

TEST(NerTypesTest, BilouRoundTrip) {
  std::vector<NerSpan> spans = {{0, 1, EntityType::kPer},
                                {2, 5, EntityType::kOrg},
                                {5, 7, EntityType::kLoc}};
  std::vector<uint8_t> labels;
  SpansToLabels(spans, 8, &labels);
  std::vector<NerSpan> back;
  LabelsToSpans(labels, &back);
  EXPECT_EQ(RenderSpans(back), RenderSpans(spans));
}

TEST(NerEvalTest, ExactMatchScoring) {
  NerEvalReport r;
  std::vector<NerSpan> gold = {{0, 2, EntityType::kPer}, {3, 4, EntityType::kLoc}};
  std::vector<NerSpan> pred = {{0, 2, EntityType::kPer}, {3, 4, EntityType::kOrg},
                               {5, 6, EntityType::kMisc}};
  r.Add(gold, pred);
  EXPECT_EQ(r.overall.correct, 1);
  EXPECT_EQ(r.overall.gold, 2);
  EXPECT_EQ(r.overall.predicted, 3);
  EXPECT_NEAR(r.overall.f1(), 40.0, 1e-9);
  EXPECT_NEAR(r.per_type[0].f1(), 100.0, 1e-9);
}


// Fingerprint of every feature the featurizer extracts from a fixed document
// when the model has no clusters (the empty map a NerModel without clusters
// hands it, and no map at all). The constants were taken from feature
// version 1: models without clusters must see the same features.
uint64_t FeatureFingerprint(const WordClusters* clusters) {
  static const std::vector<std::string_view> kWords = {
      "CHANCELLOR", "Angela", "Merkel", "met", "French", "President",
      "Hollande", "in", "Berlin", "on", "Tuesday", ",", "a", "spokesman",
      "Said", ".", "Shares", "of", "Microsoft", "fell", "3.5", "%", "in",
      "New", "York", "Straße", "SAID", "said", "."};
  static const std::vector<WordRange> kSents = {{0, 16}, {16, 29}};
  NerFeaturizer f(clusters);
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;
  f.Extract(NerInput{kWords, kSents}, &feats, &offsets);
  std::string bytes(reinterpret_cast<const char*>(feats.data()),
                    feats.size() * sizeof(uint64_t));
  bytes.append(reinterpret_cast<const char*>(offsets.data()),
               offsets.size() * sizeof(uint32_t));
  return Hash64(bytes);
}

TEST(NerFeaturesTest, FeaturesWithoutClustersAreUnchanged) {
  WordClusters none;
  EXPECT_EQ(FeatureFingerprint(&none), 7980100914412721895u);
  EXPECT_EQ(FeatureFingerprint(nullptr), 15715346001349217806u);
}

// The open-addressing table against a std::map: random keys (many sharing a
// home slot, and key 0, which marks free slots inside the table), repeated
// inserts that must keep the first ids, lookups of absent keys.
TEST(NerClustersTest, TableMatchesStdMap) {
  WordClusters table;
  std::map<uint64_t, ClusterIds> reference;
  uint64_t x = 12345;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int i = 0; i < 5000; ++i) {
    uint64_t r = next();
    // A quarter of the keys differ only above bit 40: same home slot.
    uint64_t key = i % 4 == 0 ? (r << 40) | 7 : r;
    if (i == 100) key = 0;
    ClusterIds ids = {static_cast<uint16_t>(i % 64 + 1),
                      static_cast<uint16_t>(i % 256 + 1),
                      static_cast<uint16_t>(i % 1024 + 1)};
    bool fresh = reference.emplace(key, ids).second;
    EXPECT_EQ(table.Insert(key, ids), fresh);
    if (i % 10 == 0) {  // re-insert: refused, first ids kept
      EXPECT_FALSE(table.Insert(key, {9, 9, 9}));
    }
  }
  ASSERT_EQ(table.size(), reference.size());
  for (const auto& [key, ids] : reference) {
    const ClusterIds* got = table.Find(key);
    ASSERT_NE(got, nullptr) << key;
    EXPECT_EQ(*got, ids) << key;
  }
  for (int i = 0; i < 5000; ++i) {
    uint64_t key = next();
    if (reference.count(key) == 0) {
      EXPECT_EQ(table.Find(key), nullptr);
    }
  }
  auto sorted = table.Sorted();
  ASSERT_EQ(sorted.size(), reference.size());
  EXPECT_TRUE(std::equal(sorted.begin(), sorted.end(), reference.begin(),
                         [](const auto& a, const auto& b) {
                           return a.first == b.first && a.second == b.second;
                         }));
  WordClusters empty;
  EXPECT_EQ(empty.Find(0), nullptr);
  EXPECT_EQ(empty.Find(42), nullptr);
}

// Features of word 1 of "He <word> it ." and of its neighbours.
struct WordFeatures {
  std::vector<uint64_t> prev, cur;
};
WordFeatures FeaturesOf(std::string_view word, const WordClusters& clusters) {
  std::vector<std::string_view> words = {"He", word, "it", "."};
  std::vector<WordRange> sents = {{0, 4}};
  NerFeaturizer f(&clusters);
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;
  f.Extract(NerInput{words, sents}, &feats, &offsets);
  return {{feats.begin() + offsets[0], feats.begin() + offsets[1]},
          {feats.begin() + offsets[1], feats.begin() + offsets[2]}};
}

// The cluster file's words are lowercase; tokens are looked up by their
// ASCII-lowercased form, so "said", "Said" and "SAID" all get "said"'s ids.
TEST(NerFeaturesTest, ClustersAreLookedUpByLowercaseWord) {
  WordClusters with_said, without;
  with_said.Insert(WordClusterKey("said"), {3, 7, 9});
  without.Insert(WordClusterKey("told"), {3, 7, 9});
  for (std::string_view w : {"said", "Said", "SAID"}) {
    WordFeatures hit = FeaturesOf(w, with_said), miss = FeaturesOf(w, without);
    // Three cluster ids of the word itself; the previous word's last
    // feature is its next word's class.
    EXPECT_EQ(hit.cur.size(), miss.cur.size() + 3) << w;
    ASSERT_EQ(hit.prev.size(), miss.prev.size()) << w;
    EXPECT_NE(hit.prev.back(), miss.prev.back()) << w;
  }
  // All three forms produce the same cluster features: the word's three ids
  // (before its neighbours' two classes) and the class the neighbour sees.
  WordFeatures lower = FeaturesOf("said", with_said);
  for (std::string_view w : {"Said", "SAID"}) {
    WordFeatures other = FeaturesOf(w, with_said);
    ASSERT_EQ(other.cur.size(), lower.cur.size()) << w;
    EXPECT_TRUE(std::equal(lower.cur.end() - 5, lower.cur.end() - 2,
                           other.cur.end() - 5))
        << w;
    EXPECT_EQ(lower.prev.back(), other.prev.back()) << w;
  }
  // An uppercase key is never looked up.
  WordClusters upper_key;
  upper_key.Insert(WordClusterKey("SAID"), {3, 7, 9});
  EXPECT_EQ(FeaturesOf("SAID", upper_key).cur.size(),
            FeaturesOf("SAID", without).cur.size());
}

// A tiny training run on sentences written here: the trainer must fit them,
// serialise, reload byte-identically, and be deterministic.
TEST(NerTrainTest, FitsTinyCorpusAndRoundTrips) {
  std::string conll;
  const char* sents[] = {
      "Vladimir I-PER\nPutin I-PER\nvisited O\nDamascus I-LOC\n.",
      "The O\nKremlin I-ORG\nsaid O\nMoscow I-LOC\nagreed O\n.",
      "Angela I-PER\nMerkel I-PER\nmet O\nPutin I-PER\nin O\nBerlin I-LOC\n.",
      "Reuters I-ORG\nreported O\nfrom O\nParis I-LOC\n.",
  };
  for (int rep = 0; rep < 3; ++rep) {
    conll += "-DOCSTART- -X- O O\n\n";
    for (const char* s : sents) {
      std::string line(s);
      std::string out;
      size_t p = 0;
      while (p < line.size()) {
        size_t e = line.find('\n', p);
        if (e == std::string::npos) e = line.size();
        std::string tok = line.substr(p, e - p);
        size_t sp = tok.find(' ');
        if (sp == std::string::npos) tok += " O";
        out += tok.substr(0, tok.find(' ')) + " X X" + tok.substr(tok.find(' ')) + "\n";
        p = e + 1;
      }
      conll += out + "\n";
    }
  }
  auto corpus = ParseConll(conll);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  NerTrainOptions opt;
  opt.epochs = 5;
  auto m1 = TrainNer(*corpus, nullptr, opt);
  auto m2 = TrainNer(*corpus, nullptr, opt);
  ASSERT_TRUE(m1.ok() && m2.ok());
  std::string bytes = (*m1)->Serialize();
  EXPECT_EQ(bytes, (*m2)->Serialize());
  auto loaded = NerModel::FromBytes(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->Serialize(), bytes);
  NerTagger tagger(loaded->get());
  NerEvalReport r = EvaluateCorpus(*corpus, &tagger);
  EXPECT_EQ(r.overall.f1(), 100.0);
  // Corruption is detected.
  std::string bad = bytes;
  bad[bad.size() / 2] ^= 0x55;
  EXPECT_EQ(NerModel::FromBytes(bad).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(NerModel::FromBytes(bytes.substr(0, 100)).status().code(),
            StatusCode::kCorruption);
  EXPECT_FALSE(NerModel::FromBytes("garbage").ok());

  // Feature version 1 differs from 2 only in the cluster lookup: a version-1
  // file without clusters still loads and tags as before, one with clusters
  // is refused (its cluster keys were exact word forms).
  const uint32_t kVersion1 = 1;
  std::string v1 = bytes;
  std::memcpy(&v1[12], &kVersion1, 4);
  auto old = NerModel::FromBytes(v1);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  NerTagger old_tagger(old->get());
  EXPECT_EQ(EvaluateCorpus(*corpus, &old_tagger).overall.f1(), 100.0);
  opt.clusters.Insert(WordClusterKey("putin"), {1, 2, 3});
  auto clustered = TrainNer(*corpus, nullptr, opt);
  ASSERT_TRUE(clustered.ok());
  std::string cbytes = (*clustered)->Serialize();
  auto cloaded = NerModel::FromBytes(cbytes);
  ASSERT_TRUE(cloaded.ok()) << cloaded.status().ToString();
  EXPECT_EQ((*cloaded)->clusters().size(), 1u);
  EXPECT_EQ((*cloaded)->Serialize(), cbytes);
  std::memcpy(&cbytes[12], &kVersion1, 4);
  EXPECT_EQ(NerModel::FromBytes(cbytes).status().code(),
            StatusCode::kInvalidArgument);
}

// Tagger tests with the shipped model on sentences written for this test.
class ShippedModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = NerModel::Load(kModelPath);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = std::move(m).value().release();
  }
  static void TearDownTestSuite() { delete model_; }

  // Tags one sentence and renders "Type:words" per entity.
  std::string Tag(std::string_view sentence) {
    text::Tokenizer tok;
    std::vector<text::Token> tokens;
    EXPECT_TRUE(tok.Tokenize(sentence, &tokens).ok());
    std::vector<std::string_view> words;
    for (const auto& t : tokens) words.push_back(t.text(sentence));
    std::vector<WordRange> ranges = {{0, static_cast<uint32_t>(words.size())}};
    NerTagger tagger(model_);
    std::vector<NerSpan> spans;
    tagger.Tag(NerInput{words, ranges}, &spans);
    std::string r;
    for (const NerSpan& s : spans) {
      if (!r.empty()) r += " | ";
      r += std::string(EntityTypeName(s.type)) + ":";
      for (uint32_t i = s.begin; i < s.end; ++i) {
        if (i > s.begin) r += ' ';
        r += words[i];
      }
    }
    return r;
  }
  static NerModel* model_;
};
NerModel* ShippedModelTest::model_ = nullptr;

TEST_F(ShippedModelTest, TagsWrittenSentences) {
  struct {
    const char* sentence;
    const char* expected;
  } kCases[] = {
      {"Chancellor Angela Merkel met French President Francois Hollande in Berlin on Tuesday .",
       "PER:Angela Merkel | MISC:French | PER:Francois Hollande | LOC:Berlin"},
      {"Shares of Microsoft fell 3 percent in New York .",
       "ORG:Microsoft | LOC:New York"},
      {"The United Nations said on Monday that aid had reached Syria .",
       "ORG:United Nations | LOC:Syria"},
      {"the meeting ended without agreement .", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Tag(c.sentence), c.expected) << c.sentence;
  }
}

// NerTagger::Tag (prefetched lookups, integer sums) against plain float
// scoring of the same features, label for label.
TEST_F(ShippedModelTest, TagMatchesPlainScoring) {
  const std::string text =
      "Chancellor Angela Merkel met French President Francois Hollande in "
      "Berlin on Tuesday . SHARES OF MICROSOFT FELL IN NEW YORK . The United "
      "Nations said on Monday that aid had reached Syria , a spokesman said .";
  std::vector<std::string_view> words;
  for (size_t p = 0; p < text.size();) {
    size_t e = std::min(text.find(' ', p), text.size());
    words.push_back(std::string_view(text).substr(p, e - p));
    p = e + 1;
  }
  std::vector<WordRange> sents = {{0, 14}, {14, 22},
                                  {22, static_cast<uint32_t>(words.size())}};
  NerInput in{words, sents};
  NerTagger tagger(model_);
  std::vector<NerSpan> spans;
  tagger.Tag(in, &spans);
  ASSERT_FALSE(spans.empty());

  NerFeaturizer featurizer(&model_->clusters());
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets;
  featurizer.Extract(in, &feats, &offsets);
  std::vector<float> emissions(words.size() * kNumLabels, 0.0f);
  for (size_t i = 0; i < words.size(); ++i) {
    for (uint32_t f = offsets[i]; f < offsets[i + 1]; ++f) {
      const int16_t* row = model_->Row(feats[f]);
      if (row == nullptr) continue;
      for (int l = 0; l < kNumLabels; ++l) {
        emissions[i * kNumLabels + l] += row[l] * model_->scale();
      }
    }
  }
  std::vector<uint8_t> labels(words.size());
  std::vector<float> vs;
  std::vector<uint8_t> vb;
  for (const WordRange& r : sents) {
    ViterbiDecode(&emissions[size_t{r.begin} * kNumLabels], r.end - r.begin,
                  model_->transitions(), &vs, &vb, labels.data() + r.begin);
  }
  EXPECT_EQ(labels, tagger.labels());
}

TEST_F(ShippedModelTest, ReproducesRecordedDevF1) {
  std::FILE* f = std::fopen(kDevPath.c_str(), "rb");
  if (f == nullptr) {
    GTEST_SKIP() << "CoNLL-2003 dev set not found at " << kDevPath;
  }
  std::fclose(f);
  NerTagger tagger(model_);
  auto report = EvaluateConll(kDevPath, &tagger);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->overall.gold, 5942);
  EXPECT_NEAR(report->overall.f1(), kRecordedDevF1, 0.1) << report->ToString();
}

}  // namespace
}  // namespace wirewatch::analyze
