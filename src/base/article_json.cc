#include "base/article_json.h"

namespace wirewatch {
namespace {

void WriteDate(std::string_view key, const DateField& d, JsonWriter* w) {
  w->Key(key);
  if (d.value.empty()) {
    w->Null();
    return;
  }
  w->BeginObject();
  w->Field("value", d.value);
  w->Field("source", d.source);
  w->Field("timezone", !d.no_timezone);
  w->EndObject();
}

}  // namespace

void WriteRelatedJson(std::span<const RelatedItem> items, JsonWriter* w) {
  w->BeginArray();
  for (const auto& r : items) {
    w->BeginObject();
    w->Field("id", r.id);
    w->Field("sort", r.sort);
    w->Field("contenttypeid", r.contenttypeid);
    w->Field("pic", r.pic);
    w->Field("title", r.title);
    w->EndObject();
  }
  w->EndArray();
}

void WriteArticleJson(const Article& a, int64_t seq, JsonWriter* w,
                      std::string_view analysis_json,
                      const ArticleLinkFields* links) {
  w->BeginObject();
  w->Field("id", a.id);
  if (seq >= 0) w->Field("seq", seq);
  if (links && links->story_id >= 0) {
    w->Field("story_id", links->story_id);
    w->Field("dup_original_seq", links->dup_original_seq);
    w->Key("duplicate");
    w->Bool(links->dup_original_seq != seq);
  }
  w->Field("source", a.source);
  w->Field("format", a.format);
  w->Field("url", a.url);
  w->Field("canonical_url", a.canonical_url);
  w->Field("site", a.site);
  w->Field("title", a.title);
  w->Field("description", a.description);
  WriteDate("published", a.published, w);
  WriteDate("modified", a.modified, w);
  w->StringArray("authors", a.authors);
  w->Field("lang", a.lang);
  w->Field("lang_source", a.lang_source);
  w->Field("section", a.section);
  w->StringArray("tags", a.tags);
  w->Field("image", a.image);
  w->Field("charset", a.charset);
  w->Field("fetch_time", a.fetch_time);
  w->StringArray("paragraphs", a.paragraphs);
  w->Key("links");
  w->BeginArray();
  for (const auto& l : a.links) {
    w->BeginObject();
    w->Field("href", l.href);
    w->Field("text", l.text);
    w->EndObject();
  }
  w->EndArray();
  w->StringArray("comments", a.comments);
  w->Key("publisher_related");
  WriteRelatedJson(a.publisher_related, w);
  w->StringArray("warnings", a.warnings);
  if (!analysis_json.empty()) {
    w->Key("analysis");
    w->RawValue(analysis_json);
  }
  w->EndObject();
}

}  // namespace wirewatch
