#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace wirewatch::text {
namespace {

TEST(NormalizerTest, AsciiFastPathUnchanged) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  std::string out;
  auto r = (*n)->NormalizeNfc("plain ascii", &out);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
  EXPECT_EQ(out, "plain ascii");
}

TEST(NormalizerTest, ComposesDecomposed) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  std::string out;
  auto r = (*n)->NormalizeNfc("Zu\xCC\x88rich", &out);  // u + combining diaeresis
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  EXPECT_EQ(out, "Z\xC3\xBCrich");
}

TEST(NormalizerTest, NfcInputUnchanged) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  std::string out;
  auto r = (*n)->NormalizeNfc("Z\xC3\xBCrich “q”", &out);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
}

TEST(NormalizerTest, RepairsInvalidUtf8) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  std::string out;
  auto r = (*n)->NormalizeNfc("bad \xFF\xC3\xBC", &out);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  EXPECT_EQ(out, "bad \xEF\xBF\xBD\xC3\xBC");
}

}  // namespace
}  // namespace wirewatch::text
