#include "input/jsonl_reader.h"

#include <simdjson.h>

#include <algorithm>

namespace wirewatch::input {

struct JsonlReader::Parser {
  simdjson::dom::parser dom;  // reused across lines: keeps its buffers
};

JsonlReader::JsonlReader(std::unique_ptr<BufferedReader> reader, InputSpec spec,
                         const ReaderOptions& options, CharsetDecoder* charset)
    : reader_(std::move(reader)),
      spec_(std::move(spec)),
      options_(options),
      charset_(charset),
      parser_(std::make_unique<Parser>()) {}

JsonlReader::~JsonlReader() = default;

bool JsonlReader::Next(RawDoc* doc) {
  while (!done_) {
    uint64_t length = 0;
    BufferedReader::LineStatus st =
        reader_->ReadLine(options_.max_doc_bytes, &line_, &length);
    if (st == BufferedReader::LineStatus::kEnd) {
      done_ = true;
      if (reader_->status().ok()) return false;
      ResetDoc(doc);
      doc->source = spec_.source + ":" + std::to_string(line_no_ + 1);
      doc->failure = reader_->status().message();
      return true;
    }
    ++line_no_;
    if (st == BufferedReader::LineStatus::kTooLong) {
      ResetDoc(doc);
      doc->source = spec_.source + ":" + std::to_string(line_no_);
      doc->raw_bytes = length;
      doc->failure = TooLargeMessage(length, options_.max_doc_bytes);
      return true;
    }
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (std::all_of(line_.begin(), line_.end(), [](char c) {
          return c == ' ' || c == '\t' || c == '\r';
        })) {
      continue;
    }
    ParseLine(doc);
    return true;
  }
  return false;
}

void JsonlReader::ParseLine(RawDoc* doc) {
  ResetDoc(doc);
  doc->source = spec_.source + ":" + std::to_string(line_no_);
  doc->fetch_time = spec_.mtime;
  // simdjson reads up to SIMDJSON_PADDING bytes past the end.
  line_.reserve(line_.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  auto error = parser_->dom.parse(line_.data(), line_.size(), false).get(root);
  if (error) {
    doc->failure =
        std::string("invalid JSON: ") + simdjson::error_message(error);
    return;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj)) {
    doc->failure = "invalid JSON: not an object";
    return;
  }
  auto get = [&](const char* key, std::string* out) -> bool {
    simdjson::dom::element e;
    if (obj[key].get(e)) return false;  // absent
    std::string_view v;
    if (e.get_string().get(v)) {
      doc->warnings.push_back(std::string("field '") + key +
                              "' is not a string; ignored");
      return false;
    }
    if (out) out->assign(v);
    return true;
  };
  get("url", &doc->url);
  get("title", &doc->title_hint);
  get("published", &doc->published_hint);
  std::string_view body;
  simdjson::dom::element e;
  bool html = false;
  if (!obj["html"].get(e) && !e.get_string().get(body)) {
    html = true;
  } else if (!obj["text"].get(e) && !e.get_string().get(body)) {
    html = false;
  } else {
    doc->failure = "no html or text field";
    return;
  }
  doc->format = html ? DocFormat::kHtml : DocFormat::kText;
  doc->raw_bytes = body.size();
  charset_->AcceptUnicode(body, doc);
  // A headline-only item (common on wires: flashes, corrections) is still an
  // article when the line gives a title.
  if (doc->failed() && doc->failure == "empty document" &&
      !doc->title_hint.empty()) {
    doc->failure.clear();
    doc->text.clear();
    doc->format = DocFormat::kText;
    doc->charset = "UTF-8";
    doc->charset_source = "json";
  }
}

}  // namespace wirewatch::input
