// CharsetDecoder: turns the bytes of one document into valid UTF-8 and says
// which charset they were decoded from and why.
//
// Order of evidence (first that applies wins):
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE)            -> "bom"
//   2. the charset declared by the container (HTTP header)      -> "http"
//   3. for HTML, <meta charset> / <meta http-equiv content=...>
//      in the first 1024 bytes (a simplified HTML5 prescan)      -> "meta"
//   4. bytes that are valid UTF-8 with some non-ASCII           -> "detected"
//      (pure ASCII decodes as UTF-8                             -> "default")
//   5. for HTML that is not valid UTF-8, the same <meta> scan
//      over the first 8 KiB (real pages often declare late)     -> "meta"
//   6. ICU detection (ucsdet) on the first 64 KiB               -> "detected"
//   7. windows-1252 when detection is unsure                    -> "default"
// Labels follow the HTML5 encoding rules where they differ from IANA:
// ISO-8859-1 and US-ASCII decode as windows-1252, ISO-8859-9 as windows-1254,
// GB2312 as GBK, and a <meta> claiming UTF-16 means UTF-8. An unknown label
// adds a warning ("unknown charset 'x-foo', detected windows-1252") and falls
// through to the next step.
//
// Repairs (each adds a warning with a count): ill-formed sequences become
// U+FFFD, NUL characters are removed. Failures (RawDoc::failure): "empty
// document" (nothing but whitespace), "binary content (N% non-text bytes)"
// when more than 5% of the raw sample are C0 control bytes or more than 10%
// of the decoded sample are control or replacement characters (and at
// least 16 of them: short texts with a stray byte are not binary).
// ICU's detection is trusted from confidence 30; among the Latin
// single-byte charsets it is told apart only by letter statistics, so
// ISO-8859-1 (read as windows-1252) wins when within 15 points of the top.
//
// Tests: charset_test.cc.
//
// Thread-safety: one thread at a time (it caches ICU converters, at most 64).
#ifndef WIREWATCH_INPUT_CHARSET_H_
#define WIREWATCH_INPUT_CHARSET_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "wirewatch/raw_doc.h"

namespace wirewatch::input {

class CharsetDecoder {
 public:
  CharsetDecoder();
  ~CharsetDecoder();
  CharsetDecoder(const CharsetDecoder&) = delete;
  CharsetDecoder& operator=(const CharsetDecoder&) = delete;

  // Decodes `bytes` into doc->text and sets doc->charset,
  // doc->charset_source and warnings, or sets doc->failure. `declared` is
  // the container's charset label ("" if none); `html` enables the <meta>
  // prescan and ICU's markup filter.
  void Decode(std::string_view bytes, std::string_view declared, bool html,
              RawDoc* doc);

  // For text that is already Unicode (JSON strings, valid UTF-8 by
  // construction): copies it, removes NULs, applies the empty/binary checks.
  // charset "UTF-8", charset_source "json".
  void AcceptUnicode(std::string_view utf8, RawDoc* doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The charset label named by the first <meta> that declares one in the first
// `limit` bytes of `html`, or "" (exposed for tests).
std::string PrescanMetaCharset(std::string_view html, size_t limit = 1024);

}  // namespace wirewatch::input

#endif  // WIREWATCH_INPUT_CHARSET_H_
