// Reader for CoNLL-2003 files: "WORD POS CHUNK TAG" per line, blank line
// between sentences, "-DOCSTART-" between documents, IOB1 (or IOB2) tags.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_ANALYZE_NER_CONLL_H_
#define WIREWATCH_ANALYZE_NER_CONLL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_types.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

// One document; word views point into ConllCorpus::text.
struct ConllDoc {
  std::vector<std::string_view> words;
  std::vector<WordRange> sentences;
  std::vector<NerSpan> gold;  // conlleval chunks, sorted
  NerInput input() const { return NerInput{words, sentences}; }
};

struct ConllCorpus {
  // Owns the bytes the docs' views point into (heap: stable across moves).
  std::unique_ptr<std::string> text;
  std::vector<ConllDoc> docs;
  size_t num_tokens = 0;
  size_t num_sentences = 0;
};

// Chunks of one sentence's tags with conlleval semantics (IOB1 and IOB2):
// a chunk starts at B-X, or at I-X after O or after another type; it ends
// before O, B-*, or a change of type. Offsets are added to `base`.
// Returns false on a malformed tag.
bool ConllTagsToSpans(std::span<const std::string_view> tags, uint32_t base,
                      std::vector<NerSpan>* out);

// Parses a CoNLL file's contents. Limits: 256 MiB, 1000 words per sentence.
Result<ConllCorpus> ParseConll(std::string text);
Result<ConllCorpus> ReadConllFile(const std::string& path);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_NER_CONLL_H_
