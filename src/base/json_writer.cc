#include "base/json_writer.h"

#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace wirewatch {

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(s, i);
      if (len == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD for an invalid byte
        ++i;
      } else {
        out->append(s.data() + i, len);
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

void JsonWriter::Newline() {
  if (indent_ <= 0) return;
  out_->push_back('\n');
  out_->append(has_element_.size() * indent_, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_->push_back(',');
    has_element_.back() = true;
    Newline();
  }
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  has_element_.push_back(false);
}

void JsonWriter::EndObject() {
  bool had = has_element_.back();
  has_element_.pop_back();
  if (had) Newline();
  out_->push_back('}');
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  has_element_.push_back(false);
}

void JsonWriter::EndArray() {
  bool had = has_element_.back();
  has_element_.pop_back();
  if (had) Newline();
  out_->push_back(']');
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->push_back(':');
  if (indent_ > 0) out_->push_back(' ');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(s, out_);
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  out_->append(std::to_string(v));
}

void JsonWriter::Double(double v) {
  BeforeValue();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), "%.6g", v);
  out_->append(buf, n);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::RawValue(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

void JsonWriter::StringArray(std::string_view key,
                             const std::vector<std::string>& v) {
  Key(key);
  BeginArray();
  for (const auto& s : v) String(s);
  EndArray();
}

}  // namespace wirewatch
