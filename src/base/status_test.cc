#include "wirewatch/status.h"

#include <gtest/gtest.h>

namespace wirewatch {
namespace {

Result<int> Half(int x) {
  if (x % 2) return Status::InvalidArgument("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(Status().ok());
  Status s = Status::Corruption("gzip truncated");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "corruption: gzip truncated");
}

TEST(StatusTest, ResultPropagates) {
  auto r = Quarter(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 2);
  auto bad = Quarter(6);  // 6 -> 3 -> odd
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wirewatch
