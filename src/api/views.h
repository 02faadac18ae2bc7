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

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_VIEWS_H_
