#include "html/url.h"

#include <vector>

#include "base/ascii.h"

namespace wirewatch::html {
namespace {

// Length of "scheme:" at the start of s, or 0.
size_t SchemeLength(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i > 0 ? i + 1 : 0;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return 0;
  }
  return 0;
}

// Removes "." and ".." segments from an absolute path.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segs;
  size_t i = 0;
  bool trailing = false;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    trailing = false;
    if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
      trailing = true;
    } else if (seg == ".") {
      trailing = true;
    } else if (!seg.empty() || j == path.size()) {
      segs.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (auto s : segs) {
    out += '/';
    out += s;
  }
  if (trailing || out.empty()) out += '/';
  return out;
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t sl = SchemeLength(url);
  if (sl == 0 || url.substr(sl, 2) != "//") return "";
  std::string scheme = AsciiLower(url.substr(0, sl));
  if (scheme != "http:" && scheme != "https:") return "";
  std::string_view rest = url.substr(sl + 2);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  return AsciiLower(rest);
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  while (!ref.empty() && (ref.front() == ' ' || ref.front() == '\n' || ref.front() == '\t')) {
    ref.remove_prefix(1);
  }
  while (!ref.empty() && (ref.back() == ' ' || ref.back() == '\n' || ref.back() == '\t')) {
    ref.remove_suffix(1);
  }
  size_t rs = SchemeLength(ref);
  if (rs > 0) {
    std::string scheme = AsciiLower(ref.substr(0, rs));
    if (scheme == "javascript:" || scheme == "data:" || scheme == "vbscript:") return "";
    return std::string(ref);
  }
  size_t bs = SchemeLength(base);
  if (bs == 0 || base.substr(bs, 2) != "//") return std::string(ref);
  if (ref.empty()) return std::string(base.substr(0, base.find('#')));
  size_t auth_end = base.find_first_of("/?#", bs + 2);
  if (auth_end == std::string_view::npos) auth_end = base.size();
  std::string_view origin = base.substr(0, auth_end);
  if (ref.substr(0, 2) == "//") return std::string(base.substr(0, bs)) + std::string(ref);
  if (ref[0] == '#') return std::string(base.substr(0, base.find('#'))) + std::string(ref);
  std::string_view base_path = base.substr(auth_end);
  base_path = base_path.substr(0, base_path.find_first_of("?#"));
  if (ref[0] == '?') {
    return std::string(origin) + std::string(base_path.empty() ? "/" : base_path) +
           std::string(ref);
  }
  size_t q = ref.find_first_of("?#");
  std::string_view ref_path = ref.substr(0, q);
  std::string_view ref_tail = q == std::string_view::npos ? "" : ref.substr(q);
  std::string merged;
  if (ref_path[0] == '/') {
    merged = std::string(ref_path);
  } else {
    size_t slash = base_path.rfind('/');
    merged = (slash == std::string_view::npos) ? "/" : std::string(base_path.substr(0, slash + 1));
    merged += ref_path;
  }
  return std::string(origin) + RemoveDotSegments(merged) + std::string(ref_tail);
}

}  // namespace wirewatch::html
