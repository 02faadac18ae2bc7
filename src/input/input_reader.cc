#include "input/input_reader.h"

#include <algorithm>
#include <cstdint>

#include "input/buffered_reader.h"
#include "input/jsonl_reader.h"
#include "input/warc_reader.h"

namespace wirewatch::input {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// One failure item.
class FailureReader final : public InputReader {
 public:
  FailureReader(std::string source, std::string reason)
      : source_(std::move(source)), reason_(std::move(reason)) {}
  bool Next(RawDoc* doc) override {
    if (done_) return false;
    done_ = true;
    ResetDoc(doc);
    doc->source = source_;
    doc->failure = reason_;
    return true;
  }

 private:
  std::string source_;
  std::string reason_;
  bool done_ = false;
};

// A file that is one document (an HTML page or a scraped-text page).
class SingleDocReader final : public InputReader {
 public:
  SingleDocReader(std::unique_ptr<BufferedReader> reader, InputSpec spec,
                  bool gzipped, bool html, const ReaderOptions& options,
                  CharsetDecoder* charset)
      : reader_(std::move(reader)),
        spec_(std::move(spec)),
        gzipped_(gzipped),
        html_(html),
        options_(options),
        charset_(charset) {}

  bool Next(RawDoc* doc) override {
    if (done_) return false;
    done_ = true;
    ResetDoc(doc);
    doc->source = spec_.source;
    doc->fetch_time = spec_.mtime;
    doc->format = html_ ? DocFormat::kHtml : DocFormat::kScrapedText;
    const uint64_t max = options_.max_doc_bytes;
    if (!gzipped_ && spec_.size >= 0 &&
        static_cast<uint64_t>(spec_.size) > max) {
      // Known from stat(): fail without reading.
      doc->raw_bytes = static_cast<uint64_t>(spec_.size);
      doc->failure = TooLargeMessage(doc->raw_bytes, max);
      return true;
    }
    if (!gzipped_ && spec_.size > 0) {
      bytes_.reserve(static_cast<size_t>(spec_.size));
    }
    const uint64_t want = max == UINT64_MAX ? max : max + 1;
    size_t got = reader_->Read(
        static_cast<size_t>(std::min<uint64_t>(want, SIZE_MAX)), &bytes_);
    if (!reader_->status().ok()) {
      doc->failure = reader_->status().message();
      return true;
    }
    if (got > max) {
      // Bounded read: a gzip bomb stops here. A plain stream is counted to
      // its end (cheap, nothing buffered) so the message has the size.
      uint64_t size = gzipped_ ? 0 : got + reader_->Skip(UINT64_MAX);
      doc->raw_bytes = size;
      doc->failure = TooLargeMessage(size, max);
      bytes_.clear();
      return true;
    }
    doc->raw_bytes = got;
    charset_->Decode(bytes_, {}, html_, doc);
    return true;
  }

 private:
  std::unique_ptr<BufferedReader> reader_;
  InputSpec spec_;
  bool gzipped_;
  bool html_;
  ReaderOptions options_;
  CharsetDecoder* charset_;
  std::string bytes_;
  bool done_ = false;
};

}  // namespace

void ResetDoc(RawDoc* doc) {
  doc->source.clear();
  doc->url.clear();
  doc->format = DocFormat::kHtml;
  doc->text.clear();
  doc->charset.clear();
  doc->charset_source.clear();
  doc->title_hint.clear();
  doc->published_hint.clear();
  doc->fetch_time = 0;
  doc->raw_bytes = 0;
  doc->warnings.clear();
  doc->failure.clear();
}

std::string TooLargeMessage(uint64_t size, uint64_t limit) {
  if (size <= limit) {  // unknown: decompression stopped at the limit
    return "document exceeds max_doc_bytes (more than " +
           std::to_string(limit) + " bytes after decompression)";
  }
  return "document exceeds max_doc_bytes (" + std::to_string(size) + " > " +
         std::to_string(limit) + ")";
}

bool FormatFromName(std::string_view name, ContainerFormat* format) {
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; });
  std::string_view n = lower;
  if (n.size() > 3 && n.substr(n.size() - 3) == ".gz") n.remove_suffix(3);
  size_t dot = n.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view ext = n.substr(dot + 1);
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") {
    *format = ContainerFormat::kHtml;
  } else if (ext == "txt" || ext == "text") {
    *format = ContainerFormat::kScrapedText;
  } else if (ext == "jsonl" || ext == "ndjson") {
    *format = ContainerFormat::kJsonl;
  } else if (ext == "warc") {
    *format = ContainerFormat::kWarc;
  } else {
    return false;
  }
  return true;
}

ContainerFormat SniffFormat(std::string_view head) {
  std::string ascii;  // UTF-16 with BOM: keep the low bytes
  const auto* b = reinterpret_cast<const unsigned char*>(head.data());
  if (head.size() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    head.remove_prefix(3);
  } else if (head.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                                  (b[0] == 0xFE && b[1] == 0xFF))) {
    for (size_t i = (b[0] == 0xFF ? 2 : 3); i < head.size(); i += 2) {
      ascii.push_back(head[i]);
    }
    head = ascii;
  }
  size_t i = 0;
  while (i < head.size() && IsSpace(head[i])) ++i;
  head.remove_prefix(i);
  if (head.substr(0, 7) == "WARC/1.") return ContainerFormat::kWarc;
  if (!head.empty() && head[0] == '<') return ContainerFormat::kHtml;
  if (!head.empty() && head[0] == '{') return ContainerFormat::kJsonl;
  return ContainerFormat::kScrapedText;
}

std::unique_ptr<InputReader> OpenInput(std::unique_ptr<ByteSource> source,
                                       const InputSpec& spec,
                                       const ReaderOptions& options,
                                       CharsetDecoder* charset) {
  // The gzip magic decides decompression, whatever the name says.
  char magic[2];
  size_t got = 0;
  while (got < 2) {
    Result<size_t> r = source->Read(magic + got, 2 - got);
    if (!r.ok()) {
      return std::make_unique<FailureReader>(spec.source, r.status().message());
    }
    if (*r == 0) break;
    got += *r;
  }
  std::string_view head(magic, got);
  const bool gzipped = HasGzipMagic(head);
  auto reader = gzipped
                    ? std::make_unique<BufferedReader>(
                          NewGzipSource(std::move(source), std::string(head)))
                    : std::make_unique<BufferedReader>(std::move(source), head);

  std::string_view first = reader->Peek(1024);
  if (!reader->status().ok() && first.empty()) {
    return std::make_unique<FailureReader>(spec.source,
                                           reader->status().message());
  }
  if (first.empty()) {
    return std::make_unique<FailureReader>(spec.source, "empty document");
  }
  ContainerFormat format;
  if (!FormatFromName(spec.name, &format)) format = SniffFormat(first);
  switch (format) {
    case ContainerFormat::kJsonl:
      return std::make_unique<JsonlReader>(std::move(reader), spec, options,
                                           charset);
    case ContainerFormat::kWarc:
      return std::make_unique<WarcReader>(std::move(reader), spec, options,
                                          charset);
    case ContainerFormat::kHtml:
    case ContainerFormat::kScrapedText:
      break;
  }
  return std::make_unique<SingleDocReader>(std::move(reader), spec, gzipped,
                                           format == ContainerFormat::kHtml,
                                           options, charset);
}

}  // namespace wirewatch::input
