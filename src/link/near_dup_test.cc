#include "link/near_dup.h"

#include <string>

#include <gtest/gtest.h>

#include "link/analyzer.h"

namespace wirewatch::link {
namespace {

uint64_t Sig(std::string_view text) {
  Analyzer a;
  return SimHash64(a.Analyze(text, "en").tokens);
}

const char kStory[] =
    "Russia and the United States have agreed to exchange information on "
    "foreign militants fighting in Syria, Deputy Foreign Minister Mikhail "
    "Bogdanov told RIA Novosti on Friday. He said hundreds of foreign "
    "militants, including Russians and Americans, were fighting alongside "
    "the rebels. President Vladimir Putin said last month that up to 600 "
    "militants from Russia and Europe were fighting in Syria. The head of the "
    "FSB security service, Alexander Bortnikov, put the number of Russian "
    "militants at about 200 in May. A study by the Washington Institute for "
    "Near East Policy and Flashpoint Global Partners counted 280 foreign "
    "militants killed in Syria between July 2012 and May 2013.";

TEST(SimHashTest, CopiesAreCloseUnrelatedAreFar) {
  std::string copy = std::string(kStory) + " (Reporting by staff)";
  std::string edited = kStory;
  edited.replace(edited.find("Friday"), 6, "Thursday");
  const uint64_t a = Sig(kStory);
  EXPECT_EQ(a, Sig(std::string("THE ") + kStory));  // case + stopword edits
  EXPECT_LE(HammingDistance(a, Sig(copy)), 6);
  EXPECT_LE(HammingDistance(a, Sig(edited)), 8);
  const uint64_t other = Sig(
      "The central bank raised interest rates by a quarter point on Tuesday, "
      "citing persistent inflation in services and a tight labour market, "
      "and signalled that further increases were possible this year.");
  EXPECT_GT(HammingDistance(a, other), 10);
  EXPECT_EQ(Sig(""), 0u);
}

MinHashSignature MinHash(std::string_view text) {
  Analyzer a;
  MinHashSignature sig{};
  EXPECT_TRUE(ComputeMinHash(a.Analyze(text, "en").tokens, &sig));
  return sig;
}

TEST(MinHashTest, CopiesResembleUnrelatedDoNot) {
  const MinHashSignature a = MinHash(kStory);
  std::string edited = kStory;
  edited.replace(edited.find("Friday"), 6, "Thursday");
  edited += " (Reporting by staff; editing by desk)";
  EXPECT_GE(EstimateResemblance(a, MinHash(edited)), 0.7);
  EXPECT_EQ(EstimateResemblance(a, MinHash(std::string("THE ") + kStory)), 1.0);
  EXPECT_LE(EstimateResemblance(
                a, MinHash("The central bank raised interest rates by a "
                           "quarter point on Tuesday, citing inflation.")),
            0.2);
  Analyzer an;
  MinHashSignature sig{};
  EXPECT_FALSE(ComputeMinHash(an.Analyze("", "en").tokens, &sig));
}

MinHashSignature Random(uint64_t* x) {
  MinHashSignature s;
  for (auto& v : s) {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    v = static_cast<uint16_t>(*x);
  }
  return s;
}

TEST(NearDupIndexTest, GroupsCopiesUnderEarliestOriginal) {
  NearDupIndex index(0.7);
  uint64_t x = 1;
  const MinHashSignature s = Random(&x);
  MinHashSignature close = s;
  for (int i = 0; i < 8; ++i) close[i * 4] ^= 1;  // every band broken
  MinHashSignature near = s;
  for (int i = 0; i < 6; ++i) near[i] ^= 1;       // resemblance 26/32
  MinHashSignature far = s;
  for (int i = 0; i < 16; ++i) far[i * 2] ^= 1;   // resemblance 0.5
  EXPECT_EQ(index.Add(0, &s, 100), 0u);
  const MinHashSignature other = Random(&x);
  EXPECT_EQ(index.Add(1, &other, 100), 1u);
  EXPECT_EQ(index.Add(2, &near, 101), 0u);
  EXPECT_EQ(index.Add(3, &far, 99), 3u);
  EXPECT_EQ(index.Add(4, &s, 98), 0u);  // published earlier: the original
  EXPECT_EQ(index.Add(5, &close, 100), 5u);  // LSH misses it: documented
  EXPECT_EQ(index.original(2), 4u);
  EXPECT_EQ(index.original(0), 4u);
  EXPECT_TRUE(index.IsDuplicate(0));
  EXPECT_FALSE(index.IsDuplicate(1));
  EXPECT_EQ(index.Add(6, nullptr, 100), 6u);  // no text: never a dup
  EXPECT_EQ(index.Add(7, nullptr, 100), 7u);
}

// Reference: the smallest group key among earlier documents whose estimated
// resemblance is >= 0.7. Copies change at most 6 bins, so at least two bands
// stay intact and LSH must find every one.
TEST(NearDupIndexTest, MatchesBruteForceOnRandomSignatures) {
  NearDupIndex index(0.7);
  std::vector<MinHashSignature> sigs;
  uint64_t x = 88172645463325252ULL;
  for (uint32_t i = 0; i < 3000; ++i) {
    MinHashSignature s = Random(&x);
    if (i % 3 != 0 && !sigs.empty()) {
      MinHashSignature c = sigs[x % sigs.size()];
      for (int k = 0; k < 6; ++k) c[(x >> (5 * k)) % kMinHashBins] ^= 1;  // <= 6 bins
      s = c;
    }
    uint32_t expect = i;
    for (uint32_t j = 0; j < i; ++j) {
      if (EstimateResemblance(s, sigs[j]) >= 0.7 && index.group(j) < expect) {
        expect = index.group(j);
      }
    }
    sigs.push_back(s);
    ASSERT_EQ(index.Add(i, &s, 0), expect) << i;
  }
}

}  // namespace
}  // namespace wirewatch::link
