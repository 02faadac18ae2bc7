#include "link/ecb_eval.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace wirewatch::link {
namespace {

const std::string kEcbDir =
    std::string(WIREWATCH_SHARED_DATA) + "/clustering/ecbplus-dev";

TEST(EcbEvalTest, MissingFolderIsNotFound) {
  auto r = EvaluateEcb(WIREWATCH_TESTDATA "/no-such-ecb-folder");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

// Quality floor on the ECB+ dev topics (targets: P@5 >= 0.90, B-cubed F1 >=
// 0.85; the floors leave room for order effects).
TEST(EcbEvalTest, DevTopicsMeetQualityFloor) {
  if (!std::filesystem::exists(kEcbDir)) {
    GTEST_SKIP() << "ECB+ not present at " << kEcbDir;
  }
  auto r = EvaluateEcb(kEcbDir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::printf("%s", FormatReport(*r).c_str());
  EXPECT_EQ(r->gold_stories, 2 * r->topics);
  EXPECT_GE(r->precision_at_5, 0.90);
  EXPECT_GE(r->map, 0.85);
  EXPECT_GE(r->clustering.bcubed_f1, 0.83);
}

}  // namespace
}  // namespace wirewatch::link
