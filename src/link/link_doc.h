// LinkDoc: the minimal view of an article that the link stage needs.
//
// The link stage does not depend on the store: the caller (ingest, the
// store's rebuild, the ECB+ evaluation, benchmarks) fills LinkDocs from
// whatever it has. Views must stay valid for the duration of the call that
// takes the LinkDoc; the indexes copy what they keep.
#ifndef WIREWATCH_LINK_LINK_DOC_H_
#define WIREWATCH_LINK_LINK_DOC_H_

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace wirewatch::link {

inline constexpr int64_t kUnknownDay = std::numeric_limits<int64_t>::min();

struct LinkDoc {
  // Dense index = ingest order, 0-based. Indexes require doc == their size.
  uint32_t doc = 0;
  std::string_view title;
  std::string_view text;
  // Days since 1970-01-01 (UTC) of publication, or kUnknownDay.
  int64_t published_day = kUnknownDay;
  std::string_view site;
  std::string_view lang;  // BCP 47 primary tag or empty
  // Canonical entity keys ("PER:Vladimir Putin"); may be empty.
  std::span<const std::string> entities;
};

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_LINK_DOC_H_
