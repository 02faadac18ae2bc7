#include "store/article_id.h"

#include <algorithm>
#include <cctype>

#include "base/hash.h"
#include "base/utf8.h"

namespace wirewatch::store {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsTrackingParam(std::string_view p) {
  std::string_view name = p.substr(0, p.find('='));
  return name.starts_with("utm_") || name == "fbclid" || name == "gclid" ||
         name == "mc_cid" || name == "mc_eid";
}

}  // namespace

std::string NormalizeUrl(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front())))
    url.remove_prefix(1);
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back())))
    url.remove_suffix(1);
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return "";
  std::string scheme;
  for (char c : url.substr(0, scheme_end)) scheme += Lower(c);
  if (scheme == "https") scheme = "http";
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));
  size_t host_end = rest.find_first_of("/?");
  std::string_view host = rest.substr(0, host_end);
  std::string_view path_query =
      host_end == std::string_view::npos ? "" : rest.substr(host_end);
  if (host.empty()) return "";
  std::string h;
  for (char c : host) h += Lower(c);
  if (h.size() > 3 && h.ends_with(":80")) h.resize(h.size() - 3);
  if (h.size() > 4 && h.ends_with(":443")) h.resize(h.size() - 4);
  if (h.starts_with("www.")) h.erase(0, 4);

  std::string_view path = path_query.substr(0, path_query.find('?'));
  std::string_view query;
  if (size_t q = path_query.find('?'); q != std::string_view::npos)
    query = path_query.substr(q + 1);
  std::string out = scheme + "://" + h;
  std::string p(path);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (p == "/") p.clear();
  out += p;
  std::string kept;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    if (!param.empty() && !IsTrackingParam(param)) {
      kept += kept.empty() ? "?" : "&";
      kept += param;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  out += kept;
  return out;
}

std::string ComputeArticleId(const Article& a) {
  std::string url = NormalizeUrl(a.canonical_url);
  if (url.empty()) url = NormalizeUrl(a.url);
  if (!url.empty()) return Hex64(Hash64("url:" + url));
  std::string key = "text:" + CollapseWhitespace(a.title) + "\n";
  for (const auto& p : a.paragraphs) {
    key += CollapseWhitespace(p);
    key += '\n';
  }
  std::transform(key.begin(), key.end(), key.begin(), Lower);
  return Hex64(Hash64(key));
}

}  // namespace wirewatch::store
