#include "api/views.h"

namespace wirewatch::api {
namespace {

void WriteFacets(const char* name, const std::vector<link::Facet>& f,
                 JsonWriter* w) {
  w->Key(name);
  w->BeginArray();
  for (const auto& v : f) {
    w->BeginObject();
    w->Field("value", v.value);
    w->Field("count", static_cast<int64_t>(v.count));
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

void WriteSearchJson(const SearchResponse& r, JsonWriter* w) {
  w->BeginObject();
  w->Field("total", static_cast<int64_t>(r.total));
  w->Key("hits");
  w->BeginArray();
  for (const auto& h : r.hits) {
    w->BeginObject();
    w->Field("id", h.doc->id);
    w->Field("seq", h.doc->seq);
    w->Field("title", h.doc->title);
    w->Field("published", h.doc->published);
    w->Field("site", h.doc->site);
    w->Key("score");
    w->Double(h.score);
    w->Field("snippet", h.snippet);
    w->EndObject();
  }
  w->EndArray();
  w->Key("facets");
  w->BeginObject();
  WriteFacets("sites", r.sites, w);
  WriteFacets("entities", r.entities, w);
  WriteFacets("months", r.months, w);
  w->EndObject();
  w->EndObject();
}

void WriteEntityCountJson(const store::EntityCount& e, JsonWriter* w) {
  w->BeginObject();
  w->Field("key", e.key);
  w->Field("type", e.type);
  w->Field("name", e.canonical);
  w->Field("mentions", e.mentions);
  w->Field("articles", e.articles);
  w->EndObject();
}

}  // namespace wirewatch::api
