#include "analyze/ner_conll.h"

#include <cstdio>
#include <memory>

namespace wirewatch::analyze {
namespace {
constexpr size_t kMaxBytes = size_t{256} << 20;
constexpr size_t kMaxSentenceWords = 1000;
}  // namespace

bool ConllTagsToSpans(std::span<const std::string_view> tags, uint32_t base,
                      std::vector<NerSpan>* out) {
  bool open = false;
  NerSpan cur;
  char prev_kind = 'O';
  EntityType prev_type = EntityType::kPer;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    std::string_view tag = tags[i];
    char kind = 'O';
    EntityType type = EntityType::kPer;
    if (tag != "O") {
      if (tag.size() < 3 || tag[1] != '-' ||
          (tag[0] != 'B' && tag[0] != 'I') ||
          !ParseEntityType(tag.substr(2), &type)) {
        return false;
      }
      kind = tag[0];
    }
    bool ends = open && (kind == 'O' || kind == 'B' || type != prev_type);
    if (ends) {
      cur.end = base + i;
      out->push_back(cur);
      open = false;
    }
    bool starts = kind == 'B' ||
                  (kind == 'I' && (prev_kind == 'O' || type != prev_type));
    if (starts) {
      cur.begin = base + i;
      cur.type = type;
      open = true;
    }
    prev_kind = kind;
    prev_type = type;
  }
  if (open) {
    cur.end = base + static_cast<uint32_t>(tags.size());
    out->push_back(cur);
  }
  return true;
}

Result<ConllCorpus> ParseConll(std::string text) {
  if (text.size() > kMaxBytes) {
    return Status::ResourceExhausted("CoNLL file larger than 256 MiB");
  }
  ConllCorpus corpus;
  corpus.text = std::make_unique<std::string>(std::move(text));
  std::string_view all = *corpus.text;
  ConllDoc doc;
  std::vector<std::string_view> tags;
  size_t line_no = 0;
  auto end_sentence = [&]() -> Status {
    uint32_t begin = doc.sentences.empty() ? 0 : doc.sentences.back().end;
    uint32_t end = static_cast<uint32_t>(doc.words.size());
    if (end == begin) return Status::Ok();
    if (!ConllTagsToSpans(std::span(tags).subspan(begin), begin, &doc.gold)) {
      return Status::InvalidArgument("malformed tag near line " +
                                     std::to_string(line_no));
    }
    doc.sentences.push_back(WordRange{begin, end});
    ++corpus.num_sentences;
    return Status::Ok();
  };
  auto end_doc = [&]() {
    if (!doc.words.empty()) {
      corpus.num_tokens += doc.words.size();
      corpus.docs.push_back(std::move(doc));
    }
    doc = ConllDoc();
    tags.clear();
  };
  size_t p = 0;
  while (p <= all.size()) {
    size_t e = all.find('\n', p);
    if (e == std::string_view::npos) e = all.size();
    std::string_view line = all.substr(p, e - p);
    p = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      RETURN_IF_ERROR(end_sentence());
      if (e == all.size()) break;
      continue;
    }
    size_t sp = line.find(' ');
    std::string_view word = line.substr(0, sp);
    if (word == "-DOCSTART-") {
      RETURN_IF_ERROR(end_sentence());
      end_doc();
      continue;
    }
    size_t last = line.rfind(' ');
    if (sp == std::string_view::npos || last == std::string_view::npos) {
      return Status::InvalidArgument("line " + std::to_string(line_no) +
                                     ": expected WORD ... TAG");
    }
    uint32_t sent_begin = doc.sentences.empty() ? 0 : doc.sentences.back().end;
    if (doc.words.size() - sent_begin >= kMaxSentenceWords) {
      return Status::ResourceExhausted("sentence longer than 1000 words");
    }
    doc.words.push_back(word);
    tags.push_back(line.substr(last + 1));
    if (e == all.size()) break;
  }
  RETURN_IF_ERROR(end_sentence());
  end_doc();
  return corpus;
}

Result<ConllCorpus> ReadConllFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"),
                                          &std::fclose);
  if (!f) return Status::NotFound("cannot open " + path);
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    text.append(buf, n);
    if (text.size() > kMaxBytes) {
      return Status::ResourceExhausted(path + ": larger than 256 MiB");
    }
  }
  if (std::ferror(f.get())) return Status::Unavailable("read error: " + path);
  return ParseConll(std::move(text));
}

}  // namespace wirewatch::analyze
