#include "link/related_widget.h"

#include "base/article_json.h"
#include "base/json_writer.h"

namespace wirewatch::link {

std::string RelatedWidgetJson(std::span<const RelatedItem> items,
                              WidgetStyle style) {
  if (style == WidgetStyle::kCompact) {
    // The shape every other output uses (CLI, API, exports).
    std::string out;
    JsonWriter w(&out);
    WriteRelatedJson(items, &w);
    return out;
  }
  // The seed page's own byte layout: " ," between items and " ]" at the end.
  std::string out = "[";
  bool first = true;
  for (const RelatedItem& item : items) {
    if (!first) out += " ,";
    first = false;
    out += "{\"id\":";
    AppendJsonString(item.id, &out);
    out += ",\"sort\":";
    AppendJsonString(item.sort, &out);
    out += ",\"contenttypeid\":";
    AppendJsonString(item.contenttypeid, &out);
    out += ",\"pic\":";
    AppendJsonString(item.pic, &out);
    out += ",\"title\":";
    AppendJsonString(item.title, &out);
    out += "}";
  }
  out += items.empty() ? "]" : " ]";
  return out;
}

}  // namespace wirewatch::link
