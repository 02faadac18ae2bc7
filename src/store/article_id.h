// Stable article ids.
//
// id = Hex64(xxh64("url:" + NormalizeUrl(canonical)))  when the article has
//      a canonical URL (or, failing that, a fetch URL);
//      Hex64(xxh64("text:" + normalised title + "\n" + normalised text))
//      otherwise, where normalisation collapses whitespace and lowercases
//      ASCII. The same page ingested twice, from a file or a WARC, gets the
//      same id; that is what makes ingest idempotent.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_STORE_ARTICLE_ID_H_
#define WIREWATCH_STORE_ARTICLE_ID_H_

#include <string>
#include <string_view>

#include "wirewatch/article.h"

namespace wirewatch::store {

// Lowercases scheme and host, drops the fragment, a default port
// (:80/:443), "www.", tracking parameters (utm_*, fbclid, gclid), a
// trailing "?" and a trailing "/" on a non-root path; treats http and https
// alike. Returns "" when `url` has no scheme://host.
std::string NormalizeUrl(std::string_view url);

// Computes the id described above.
std::string ComputeArticleId(const Article& article);

}  // namespace wirewatch::store

#endif  // WIREWATCH_STORE_ARTICLE_ID_H_
