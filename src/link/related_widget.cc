#include "link/related_widget.h"

#include "base/json_writer.h"

namespace wirewatch::link {

std::string RelatedWidgetJson(std::span<const RelatedItem> items,
                              WidgetStyle style) {
  std::string out = "[";
  bool first = true;
  for (const RelatedItem& item : items) {
    if (!first) out += style == WidgetStyle::kSeed ? " ," : ",";
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
  out += style == WidgetStyle::kSeed && !items.empty() ? " ]" : "]";
  return out;
}

}  // namespace wirewatch::link
