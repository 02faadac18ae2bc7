// EntityAnalyzer: text -> sentences, tokens, entity mentions, entities with
// canonical names, roles of people and nationality links.
//
// Steps (entities.cc explains each):
//  1. tokenise and split sentences (text stage), tag PER/ORG/LOC/MISC with
//     the statistical tagger on the tokens;
//  2. gazetteer back-off: a capitalised country/region/capital or known
//     organisation the tagger missed becomes a LOC/ORG mention;
//  3. nationality adjectives and demonyms (Russian, Americans) are linked to
//     their country through the gazetteer;
//  4. titles and roles are attached to people: "Deputy Foreign Minister
//     Mikhail Bogdanov", "FSB head Alexander Bortnikov", "Federal Security
//     Service (FSB) head ...", "Russian President Vladimir Putin", and
//     appositives "Bogdanov, a presidential envoy to the Middle East,";
//  5. mentions are grouped into entities within the document: a person's
//     partial name joins the full name that contains it (Putin -> Vladimir
//     Putin); "Federal Security Service (FSB)" makes FSB an alias; gazetteer
//     aliases share a canonical name (U.S. -> United States). The canonical
//     name is the gazetteer's or else the longest variant. `key` (type +
//     lowercase canonical) is the handle for merging entities across the
//     archive.
//
// Offsets are byte offsets into the analysed text. Limits: the tokenizer's
// token limit and 400 tokens per sentence apply; beyond them the analysis is
// best-effort and a warning is recorded.
//
// Thread-safety: one EntityAnalyzer per thread (scratch buffers); the
// NerModel it reads is shared.
#ifndef WIREWATCH_ANALYZE_ENTITIES_H_
#define WIREWATCH_ANALYZE_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_model.h"
#include "analyze/ner_types.h"
#include "base/json_writer.h"
#include "text/sentence_splitter.h"
#include "text/token.h"
#include "text/tokenizer.h"
#include "wirewatch/status.h"

namespace wirewatch::analyze {

struct Mention {
  uint32_t begin = 0;  // bytes
  uint32_t end = 0;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t sentence = 0;
  EntityType type = EntityType::kPer;
  std::string text;
  int entity = -1;       // index into Analysis::entities
  bool from_gazetteer = false;
};

struct Role {
  std::string title;    // "Deputy Foreign Minister", "head", "President"
  std::string org;      // "Federal Security Service" when given
  std::string country;  // "Russia" for "Russian President"
  uint32_t begin = 0;   // bytes of the role phrase
  uint32_t end = 0;
};

struct Entity {
  EntityType type = EntityType::kPer;
  std::string canonical;
  std::string key;                    // "PER:vladimir putin"
  std::vector<std::string> variants;  // distinct surface forms, canonical first
  std::vector<int> mentions;
  std::vector<Role> roles;
  std::string country_code;           // for places and organisations in the gazetteer
};

struct NationalityLink {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;          // "Russians"
  std::string country;       // "Russia"
  std::string country_code;  // "RU" (empty for regions such as Europe)
};

struct Analysis {
  std::vector<text::Sentence> sentences;
  size_t num_tokens = 0;
  std::vector<Mention> mentions;  // in text order (token_begin, so begin)
  std::vector<Entity> entities;
  std::vector<NationalityLink> nationalities;
  std::vector<std::string> warnings;
};

class EntityAnalyzer {
 public:
  // REQUIRES: model outlives the analyzer.
  explicit EntityAnalyzer(const NerModel* model) : tagger_(model) {}

  // Analyses `text` (UTF-8, ideally NFC: see text/normalizer.h) into *out.
  // Returns non-OK only for unusable input; limits produce warnings.
  Status Analyze(std::string_view text, Analysis* out);

  // Tokens of the last Analyze() call (views into nothing; offsets only).
  const std::vector<text::Token>& tokens() const { return tokens_; }

 private:
  void DropCalendarMentions(Analysis* out);
  void PropagatePersonNames(std::string_view text, Analysis* out);
  void AddGazetteerMentions(std::string_view text, Analysis* out);
  void LinkNationalities(std::string_view text, Analysis* out);
  void GroupEntities(std::string_view text, Analysis* out);
  void AttachRoles(std::string_view text, Analysis* out);

  text::Tokenizer tokenizer_;
  text::SentenceSplitter splitter_;
  NerTagger tagger_;
  std::vector<text::Token> tokens_;
  std::vector<std::string_view> words_;
  std::vector<WordRange> ranges_;
  std::vector<NerSpan> spans_;
  std::vector<uint64_t> gaz_hashes_;
};

// Writes the analysis as one JSON object (see WriteAnalysisJson in
// entities.cc for the field list; docs/record-format.md once integrated).
void WriteAnalysisJson(const Analysis& a, JsonWriter* w);
std::string AnalysisToJson(const Analysis& a, int indent = 0);

}  // namespace wirewatch::analyze

#endif  // WIREWATCH_ANALYZE_ENTITIES_H_
