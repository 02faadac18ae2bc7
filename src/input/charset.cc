#include "input/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>

#include "base/utf8.h"

namespace wirewatch::input {
namespace {

constexpr size_t kSampleBytes = 64 << 10;
constexpr size_t kMaxCachedConverters = 64;
constexpr size_t kMaxLabelLength = 40;
// Fewer junk characters than this never make a document binary.
constexpr size_t kMinJunk = 16;
constexpr size_t kMetaPrescanBytes = 1024;  // HTML5
constexpr size_t kMetaLateScanBytes = 8192;
constexpr int kMinDetectConfidence = 30;
constexpr int kLatinMargin = 15;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// A label for a warning: printable ASCII only, bounded.
std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, kMaxLabelLength)) {
    out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  }
  if (s.size() > kMaxLabelLength) out += "...";
  return out;
}

// C0 controls other than TAB LF FF CR ESC (ESC is used by ISO-2022), and DEL.
bool IsBinaryByte(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' &&
          c != 0x1b) ||
         c == 0x7f;
}

// Percentage of binary bytes in the first kSampleBytes of `s`.
int RawBinaryPercent(std::string_view s) {
  size_t n = std::min(s.size(), kSampleBytes);
  if (n == 0) return 0;
  size_t bad = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < n; ++i) bad += IsBinaryByte(p[i]);
  if (bad < kMinJunk) return 0;  // a few stray bytes are not binary
  return static_cast<int>(bad * 100 / n);
}

// Percentage of control (C0 except whitespace, DEL, C1) and U+FFFD
// characters in the first kSampleBytes of valid UTF-8 `s`.
int DecodedJunkPercent(std::string_view s) {
  size_t n = std::min(s.size(), kSampleBytes);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t chars = 0, bad = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    ++chars;
    if (c < 0x80) {
      bad += IsBinaryByte(c) || c == 0x1b;
      ++i;
    } else if (c < 0xE0) {
      if (c == 0xC2 && i + 1 < n && p[i + 1] < 0xA0) ++bad;  // C1
      i += 2;
    } else if (c < 0xF0) {
      if (c == 0xEF && i + 2 < n && p[i + 1] == 0xBF && p[i + 2] == 0xBD) ++bad;
      i += 3;
    } else {
      i += 4;
    }
  }
  if (bad < kMinJunk) return 0;
  return static_cast<int>(bad * 100 / chars);
}

size_t CountReplacementChars(std::string_view s) {
  size_t count = 0;
  for (size_t pos = s.find("\xEF\xBF\xBD"); pos != std::string_view::npos;
       pos = s.find("\xEF\xBF\xBD", pos + 3)) {
    ++count;
  }
  return count;
}

bool HasNonAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// The display name of an open converter: MIME name, else IANA, else ICU's.
std::string DisplayName(const char* icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  const char* n = ucnv_getStandardName(icu_name, "MIME", &err);
  if (U_SUCCESS(err) && n != nullptr) return n;
  err = U_ZERO_ERROR;
  n = ucnv_getStandardName(icu_name, "IANA", &err);
  if (U_SUCCESS(err) && n != nullptr) return n;
  return icu_name;
}

// HTML5 overrides of IANA meanings, applied to display names.
std::string_view Html5Override(std::string_view name) {
  if (name == "ISO-8859-1" || name == "US-ASCII") return "windows-1252";
  if (name == "ISO-8859-9") return "windows-1254";
  if (name == "GB2312") return "GBK";
  return {};
}

}  // namespace

struct CharsetDecoder::Impl {
  // A resolved charset: name for RawDoc::charset; converter null for UTF-8.
  struct Charset {
    std::string name;
    UConverter* cnv = nullptr;
    bool utf8 = false;
    bool utf16 = false;
  };

  ~Impl() {
    for (auto& [label, cs] : cache) {
      if (cs.cnv) ucnv_close(cs.cnv);
    }
    if (detector) ucsdet_close(detector);
  }

  // Resolves a label to a charset, or nullptr when ICU does not know it.
  // The returned pointer is valid until the next call.
  const Charset* Resolve(std::string_view label) {
    if (label.empty() || label.size() > kMaxLabelLength) return nullptr;
    std::string key;
    for (char c : label) {
      if (!IsLabelChar(c)) return nullptr;
      key.push_back(Lower(c));
    }
    auto it = cache.find(key);
    if (it != cache.end())
      return it->second.name.empty() ? nullptr : &it->second;
    Charset cs = Open(key);
    if (cache.size() >= kMaxCachedConverters) {
      // Untrusted input controls the labels: keep the cache bounded.
      for (auto& [l, c] : cache) {
        if (c.cnv) ucnv_close(c.cnv);
      }
      cache.clear();
    }
    auto [pos, inserted] = cache.emplace(std::move(key), std::move(cs));
    return pos->second.name.empty() ? nullptr : &pos->second;
  }

  Charset Open(const std::string& label) {
    Charset cs;
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(label.c_str(), &err);
    if (U_FAILURE(err) || cnv == nullptr) return cs;  // name empty: unknown
    std::string name = DisplayName(ucnv_getName(cnv, &err));
    std::string_view over = Html5Override(name);
    if (!over.empty()) {
      ucnv_close(cnv);
      err = U_ZERO_ERROR;
      cnv = ucnv_open(std::string(over).c_str(), &err);
      if (U_FAILURE(err) || cnv == nullptr) return cs;
      name = std::string(over);
    }
    cs.name = name;
    if (name == "UTF-8") {
      ucnv_close(cnv);
      cs.utf8 = true;
      return cs;
    }
    cs.utf16 = name.rfind("UTF-16", 0) == 0 || name.rfind("UTF-32", 0) == 0;
    cs.cnv = cnv;
    return cs;
  }

  // ICU detection on a sample; nullptr when unsure.
  const Charset* Detect(std::string_view bytes, bool html) {
    UErrorCode err = U_ZERO_ERROR;
    if (detector == nullptr) {
      detector = ucsdet_open(&err);
      if (U_FAILURE(err)) {
        detector = nullptr;
        return nullptr;
      }
    }
    std::string_view sample = bytes.substr(0, kSampleBytes);
    ucsdet_enableInputFilter(detector, html);
    ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()),
                   &err);
    int32_t count = 0;
    const UCharsetMatch** all = ucsdet_detectAll(detector, &count, &err);
    if (U_FAILURE(err) || all == nullptr || count == 0) return nullptr;
    const int32_t top = ucsdet_getConfidence(all[0], &err);
    if (top < kMinDetectConfidence) return nullptr;
    const char* name = ucsdet_getName(all[0], &err);
    if (U_FAILURE(err) || name == nullptr) return nullptr;
    // ICU tells the Latin single-byte charsets apart by letter statistics,
    // which short texts do not have: prefer ISO-8859-1 (read as
    // windows-1252) when it is nearly as likely as the winner.
    if (std::string_view(name).rfind("ISO-8859-", 0) == 0 ||
        std::string_view(name).rfind("windows-125", 0) == 0) {
      for (int32_t i = 1; i < count; ++i) {
        UErrorCode e2 = U_ZERO_ERROR;
        const char* other = ucsdet_getName(all[i], &e2);
        if (U_SUCCESS(e2) && other != nullptr &&
            std::string_view(other) == "ISO-8859-1" &&
            ucsdet_getConfidence(all[i], &e2) >= top - kLatinMargin) {
          name = other;
          break;
        }
      }
    }
    const Charset* cs = Resolve(name);
    // Without a BOM, a UTF-16/32 or UTF-8 guess on bytes that are not valid
    // UTF-8 is noise.
    if (cs == nullptr || cs->utf16 || cs->utf8) return nullptr;
    return cs;
  }

  // Converts `bytes` from `cs` into doc->text; adds warnings for repairs.
  void Convert(std::string_view bytes, const Charset& cs, RawDoc* doc) {
    std::string& out = doc->text;
    size_t nuls =
        static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
    if (cs.utf8) {
      if (nuls == 0 && IsValidUtf8(bytes)) {
        out.assign(bytes);
        return;
      }
      size_t bad = 0;
      out = SanitizeUtf8(bytes, &bad);  // also drops NULs
      bad -= nuls;
      if (bad > 0) {
        doc->warnings.push_back(
            std::to_string(bad) +
            " invalid UTF-8 sequences replaced with U+FFFD");
      }
    } else {
      // Worst case: 3 UTF-8 bytes per input byte (single-byte charsets and
      // U+FFFD substitutions).
      uint64_t cap = 3 * static_cast<uint64_t>(bytes.size()) + 16;
      if (cap > INT32_MAX) {
        doc->failure = "document too large to convert from " + cs.name;
        return;
      }
      out.resize(cap);
      UErrorCode err = U_ZERO_ERROR;
      ucnv_reset(cs.cnv);
      int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cs.cnv, out.data(),
                                     static_cast<int32_t>(cap), bytes.data(),
                                     static_cast<int32_t>(bytes.size()), &err);
      if (U_FAILURE(err)) {
        out.clear();
        doc->failure = std::string("cannot convert from ") + cs.name + ": " +
                       u_errorName(err);
        return;
      }
      out.resize(static_cast<size_t>(n));
      size_t bad = CountReplacementChars(out);
      if (bad > 0) {
        doc->warnings.push_back(std::to_string(bad) + " invalid " + cs.name +
                                " sequences replaced with U+FFFD");
      }
      if (nuls > 0 || out.find('\0') != std::string::npos) {
        size_t before = out.size();
        out.erase(std::remove(out.begin(), out.end(), '\0'), out.end());
        nuls = before - out.size();
      }
    }
    if (nuls > 0) {
      doc->warnings.push_back(std::to_string(nuls) + " NUL bytes removed");
    }
  }

  std::unordered_map<std::string, Charset> cache;
  UCharsetDetector* detector = nullptr;
  Charset utf8{"UTF-8", nullptr, true, false};
};

CharsetDecoder::CharsetDecoder() : impl_(std::make_unique<Impl>()) {}
CharsetDecoder::~CharsetDecoder() = default;

namespace {

// Empty and binary checks on decoded text; sets doc->failure.
void CheckDecoded(RawDoc* doc) {
  if (doc->failed()) return;
  const std::string& t = doc->text;
  if (std::all_of(t.begin(), t.end(), IsAsciiSpace)) {
    doc->failure = "empty document";
    doc->text.clear();
    return;
  }
  int junk = DecodedJunkPercent(t);
  if (junk > 10) {
    doc->failure =
        "binary content (" + std::to_string(junk) + "% non-text bytes)";
    doc->text.clear();
  }
}

}  // namespace

void CharsetDecoder::Decode(std::string_view bytes, std::string_view declared,
                            bool html, RawDoc* doc) {
  doc->text.clear();
  doc->charset.clear();
  doc->charset_source.clear();
  if (std::all_of(bytes.begin(), bytes.end(), IsAsciiSpace)) {
    doc->failure = "empty document";
    return;
  }

  const Impl::Charset* cs = nullptr;
  const char* source = nullptr;
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    cs = &impl_->utf8;
    bytes.remove_prefix(3);
    source = "bom";
  } else if (bytes.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                                   (b[0] == 0xFE && b[1] == 0xFF))) {
    cs = impl_->Resolve(b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
    bytes.remove_prefix(2);
    source = "bom";
  }

  std::string unknown;  // first unknown label met, for the warning
  if (cs == nullptr && !declared.empty()) {
    cs = impl_->Resolve(declared);
    if (cs != nullptr) {
      source = "http";
    } else {
      unknown = Printable(declared);
    }
  }
  // <meta> in the first `limit` bytes.
  auto try_meta = [&](size_t limit) {
    std::string label = PrescanMetaCharset(bytes, limit);
    if (label.empty()) return;
    cs = impl_->Resolve(label);
    if (cs != nullptr && cs->utf16) cs = &impl_->utf8;  // HTML5 rule
    if (cs != nullptr) {
      source = "meta";
    } else if (unknown.empty()) {
      unknown = Printable(label);
    }
  };
  if (cs == nullptr && html) try_meta(kMetaPrescanBytes);

  if (cs == nullptr || !cs->utf16) {
    int raw = RawBinaryPercent(bytes);
    if (raw > 5) {
      doc->failure =
          "binary content (" + std::to_string(raw) + "% non-text bytes)";
      return;
    }
  }

  if (cs == nullptr) {
    const bool utf8 = IsValidUtf8(bytes);
    // Real pages put <meta> after long <head> preambles: before guessing
    // from statistics, look further than the HTML5 1024 bytes.
    if (!utf8 && html) try_meta(kMetaLateScanBytes);
    if (cs != nullptr) {
      // found late
    } else if (utf8) {
      cs = &impl_->utf8;
      source = HasNonAscii(bytes) ? "detected" : "default";
    } else if ((cs = impl_->Detect(bytes, html)) != nullptr) {
      source = "detected";
    } else {
      cs = impl_->Resolve("windows-1252");
      source = "default";
    }
    if (!unknown.empty() && std::string_view(source) != "meta") {
      doc->warnings.push_back("unknown charset '" + unknown + "', " +
                              (std::string_view(source) == "default"
                                   ? "defaulted to "
                                   : "detected ") +
                              cs->name);
    }
  }
  if (cs == nullptr) {  // ICU without windows-1252: should not happen
    doc->failure = "no converter available";
    return;
  }
  doc->charset = cs->name;
  doc->charset_source = source;
  impl_->Convert(bytes, *cs, doc);
  CheckDecoded(doc);
}

void CharsetDecoder::AcceptUnicode(std::string_view utf8, RawDoc* doc) {
  doc->text.clear();
  doc->charset = "UTF-8";
  doc->charset_source = "json";
  impl_->Convert(utf8, impl_->utf8, doc);
  CheckDecoded(doc);
}

std::string PrescanMetaCharset(std::string_view html, size_t limit) {
  std::string_view head = html.substr(0, limit);
  std::string lower(head.size(), '\0');
  std::transform(head.begin(), head.end(), lower.begin(), Lower);
  size_t i = 0;
  while ((i = lower.find('<', i)) != std::string::npos) {
    if (lower.compare(i, 4, "<!--") == 0) {
      size_t end = lower.find("-->", i + 4);
      if (end == std::string::npos) return {};
      i = end + 3;
      continue;
    }
    if (lower.compare(i, 5, "<meta") != 0 || i + 5 >= lower.size() ||
        !(IsAsciiSpace(lower[i + 5]) || lower[i + 5] == '/')) {
      ++i;
      continue;
    }
    size_t end = lower.find('>', i);
    if (end == std::string::npos) end = lower.size();
    // Both <meta charset=x> and content="text/html; charset=x" contain
    // "charset" followed by '='.
    for (size_t p = lower.find("charset", i); p != std::string::npos && p < end;
         p = lower.find("charset", p + 7)) {
      size_t q = p + 7;
      while (q < end && IsAsciiSpace(lower[q])) ++q;
      if (q >= end || lower[q] != '=') continue;
      ++q;
      while (q < end &&
             (IsAsciiSpace(lower[q]) || lower[q] == '"' || lower[q] == '\'')) {
        ++q;
      }
      size_t start = q;
      while (q < end && IsLabelChar(lower[q])) ++q;
      if (q > start) return std::string(head.substr(start, q - start));
    }
    i = end;
  }
  return {};
}

}  // namespace wirewatch::input
