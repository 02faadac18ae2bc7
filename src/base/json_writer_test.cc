#include "base/json_writer.h"

#include <gtest/gtest.h>

namespace wirewatch {
namespace {

TEST(JsonWriterTest, CompactObject) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("id", "1488864");
  w.Field("n", int64_t{3});
  w.StringArray("a", {"x", "y"});
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, R"({"id":"1488864","n":3,"a":["x","y"],"empty":[]})");
}

TEST(JsonWriterTest, Indented) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Field("a", "b");
  w.EndObject();
  EXPECT_EQ(out, "{\n  \"a\": \"b\"\n}");
}

TEST(JsonWriterTest, EscapesControlAndInvalidUtf8) {
  std::string out;
  AppendJsonString(std::string("q\"\\\n\x01\xff\xe2\x80\x93", 9), &out);
  EXPECT_EQ(out, "\"q\\\"\\\\\\n\\u0001\xEF\xBF\xBD\xe2\x80\x93\"");
}

}  // namespace
}  // namespace wirewatch
