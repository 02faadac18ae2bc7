// JsonWriter: appends compact or indented JSON to a std::string.
//
// A small streaming writer for the records Wirewatch emits (export lines,
// CLI output, API bodies). The caller drives structure; the writer handles
// commas, escaping and indentation. Strings must be UTF-8; invalid sequences
// are written as U+FFFD so the output is always valid JSON.
//
//   JsonWriter w(&out);
//   w.BeginObject(); w.Key("id"); w.String("abc"); w.EndObject();
//
// Thread-safety: none; one writer per thread.
#ifndef WIREWATCH_BASE_JSON_WRITER_H_
#define WIREWATCH_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirewatch {

class JsonWriter {
 public:
  // REQUIRES: out outlives the writer. indent 0 = compact single line.
  explicit JsonWriter(std::string* out, int indent = 0)
      : out_(out), indent_(indent) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
  // Appends `json`, which must be one complete JSON value, as is.
  void RawValue(std::string_view json);

  // Key + value shorthands.
  void Field(std::string_view key, std::string_view s) { Key(key); String(s); }
  void Field(std::string_view key, const char* s) { Key(key); String(s); }
  void Field(std::string_view key, int64_t v) { Key(key); Int(v); }
  void Field(std::string_view key, bool v) { Key(key); Bool(v); }
  void StringArray(std::string_view key, const std::vector<std::string>& v);

 private:
  void BeforeValue();
  void Newline();

  std::string* out_;
  int indent_;
  // One entry per open container: true once it holds an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

// Appends `s` as a quoted JSON string to `out`.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_JSON_WRITER_H_
