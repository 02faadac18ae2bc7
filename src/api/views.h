// The JSON shapes of archive query results, shared by the HTTP API
// (handlers.cc) and the CLI's --json output so the two never drift apart.
// Field by field in docs/http-api.md.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_API_VIEWS_H_
#define WIREWATCH_API_VIEWS_H_

#include <vector>

#include "api/archive_index.h"
#include "base/json_writer.h"
#include "store/store.h"

namespace wirewatch::api {

// {"total", "hits": [{"id","seq","title","published","site","score",
// "snippet"}], "facets": {"sites","entities","months": [{"value","count"}]}}
void WriteSearchJson(const SearchResponse& r, JsonWriter* w);

// {"key","type","name","mentions","articles"}
void WriteEntityCountJson(const store::EntityCount& e, JsonWriter* w);

// The fields that name an article in every list of articles: "seq", "id",
// "title", "published", "site", written into the open object. T is any
// row with those members (store::ArticleSummary, an index document, ...).
template <typename T>
void WriteArticleRefFields(const T& a, JsonWriter* w) {
  w->Field("seq", a.seq);
  w->Field("id", a.id);
  w->Field("title", a.title);
  w->Field("published", a.published);
  w->Field("site", a.site);
}

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_VIEWS_H_
