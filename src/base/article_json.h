// The JSON form of an Article: one line of `wirewatch export --format jsonl`
// and the body of `wirewatch extract` / `show`. Field by field in
// docs/record-format.md.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_BASE_ARTICLE_JSON_H_
#define WIREWATCH_BASE_ARTICLE_JSON_H_

#include <span>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "wirewatch/article.h"

namespace wirewatch {

// The links computed at ingest, as written into the article's JSON.
struct ArticleLinkFields {
  int64_t story_id = -1;          // < 0: not linked (nothing written)
  int64_t dup_original_seq = -1;  // the near-duplicate group's original
};

// Writes `a` as one JSON object. `seq` (the archive's ingest order) is
// written when >= 0; `analysis_json`, when not empty, is the article's
// analysis object (already JSON) and is written as "analysis"; `links`, when
// given and linked, adds "story_id", "dup_original_seq" and "duplicate".
void WriteArticleJson(const Article& a, int64_t seq, JsonWriter* w,
                      std::string_view analysis_json = {},
                      const ArticleLinkFields* links = nullptr);

// Writes the related widget: a JSON array of {"id","sort","contenttypeid",
// "pic","title"} objects, all strings, in the seed page's shape.
void WriteRelatedJson(std::span<const RelatedItem> items, JsonWriter* w);

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_ARTICLE_JSON_H_
