// Normalizer: Unicode NFC normalisation with a fast path.
//
// Most news text is ASCII or already NFC; for those the normaliser only
// scans the bytes (8 at a time for ASCII) and returns without copying. Other
// text goes through ICU's NFC normaliser. Invalid UTF-8 is repaired (U+FFFD)
// first so downstream stages always see well-formed text.
//
// Offsets: every later stage (tokens, sentences, mentions) reports byte
// offsets into the string the normaliser returns. When NormalizeNfc() reports
// `changed == false` that string equals the input byte for byte.
//
// Thread-safety: a Normalizer is immutable after Create(); share it freely.
#ifndef WIREWATCH_TEXT_NORMALIZER_H_
#define WIREWATCH_TEXT_NORMALIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "wirewatch/status.h"

namespace wirewatch::text {

class Normalizer {
 public:
  static Result<std::unique_ptr<Normalizer>> Create();
  ~Normalizer();

  // Writes the NFC form of `in` to *out. Returns true when *out differs from
  // `in` (normalised or repaired), false when `in` was already NFC and valid.
  // Limit: inputs above 64 MiB are rejected with ResourceExhausted.
  Result<bool> NormalizeNfc(std::string_view in, std::string* out) const;

 private:
  Normalizer() = default;
  const void* nfc_ = nullptr;  // icu::Normalizer2*, owned by ICU (singleton)
};

// True when every byte of `s` is < 0x80.
bool IsAscii(std::string_view s);

}  // namespace wirewatch::text

#endif  // WIREWATCH_TEXT_NORMALIZER_H_
