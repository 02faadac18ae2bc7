#include "base/utf8.h"

#include <gtest/gtest.h>

namespace wirewatch {
namespace {

TEST(Utf8Test, Validity) {
  EXPECT_TRUE(IsValidUtf8("plain ascii text, long enough for the fast path"));
  EXPECT_TRUE(IsValidUtf8("\xe2\x80\x9c" "exchanging information" "\xe2\x80\x9d"));
  EXPECT_FALSE(IsValidUtf8("pound \xa3 sign"));        // Latin-1
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));               // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));           // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));       // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("truncated \xe2\x80"));
}

TEST(Utf8Test, Sanitize) {
  size_t n = 0;
  EXPECT_EQ(SanitizeUtf8(std::string("a\xa3" "b\0c", 5), &n),
            "a\xEF\xBF\xBD" "bc");
  EXPECT_EQ(n, 2u);
}

TEST(Utf8Test, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a\t\n b\xc2\xa0\xc2\xa0" "c \xe3\x80\x80 "),
            "a b c");
  EXPECT_EQ(CollapseWhitespace(""), "");
}

}  // namespace
}  // namespace wirewatch
