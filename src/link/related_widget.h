// The related-articles widget: the JSON shape the seed page leaked, which
// `wirewatch related ID` and GET /api/articles/{id}/related emit.
//
//   [{"id":"1488864","sort":"3051263","contenttypeid":"21",
//     "pic":"/2013/06/28/alalam_...jpg","title":"Russia: ..."} ,{...} ]
//
// Every field is a string: id (the article's public id), sort (its position
// in the archive's ingest order), contenttypeid (content type code), pic
// (lead image URL or path), title. The seed separates items with " ," and
// closes with " ]"; kSeed reproduces those bytes (the seed's 695-byte dump
// is pinned by related_widget_test.cc), kCompact is plain JSON.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_LINK_RELATED_WIDGET_H_
#define WIREWATCH_LINK_RELATED_WIDGET_H_

#include <span>
#include <string>

#include "wirewatch/article.h"

namespace wirewatch::link {

enum class WidgetStyle { kSeed, kCompact };

std::string RelatedWidgetJson(std::span<const RelatedItem> items,
                              WidgetStyle style = WidgetStyle::kSeed);

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_RELATED_WIDGET_H_
