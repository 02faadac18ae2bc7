// Small URL helpers for the html stage: host extraction and resolution of
// relative references (RFC 3986 section 5.2, without percent-normalisation).
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_HTML_URL_H_
#define WIREWATCH_HTML_URL_H_

#include <string>
#include <string_view>

namespace wirewatch::html {

// "https://www.example.com:8080/a" -> "www.example.com" (lower case); "" if
// `url` is not absolute http(s).
std::string UrlHost(std::string_view url);

// Resolves `ref` against the absolute `base`. Returns `ref` unchanged when it
// is already absolute or base is not absolute; "" for javascript:/data:
// references.
std::string ResolveUrl(std::string_view base, std::string_view ref);

}  // namespace wirewatch::html

#endif  // WIREWATCH_HTML_URL_H_
