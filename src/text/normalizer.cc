#include "text/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace wirewatch::text {
namespace {
constexpr size_t kMaxInput = size_t{64} << 20;
}

bool IsAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

Normalizer::~Normalizer() = default;

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || nfc == nullptr) {
    return Status::Internal(std::string("ICU NFC unavailable: ") +
                            u_errorName(err));
  }
  std::unique_ptr<Normalizer> n(new Normalizer());
  n->nfc_ = nfc;
  return n;
}

Result<bool> Normalizer::NormalizeNfc(std::string_view in,
                                      std::string* out) const {
  if (in.size() > kMaxInput) {
    return Status::ResourceExhausted("text larger than 64 MiB");
  }
  if (IsAscii(in) && in.find('\0') == std::string_view::npos) {
    out->assign(in);
    return false;
  }
  bool repaired = false;
  std::string fixed;
  std::string_view src = in;
  if (!IsValidUtf8(in) || in.find('\0') != std::string_view::npos) {
    fixed = SanitizeUtf8(in);
    src = fixed;
    repaired = true;
  }
  const auto* nfc = static_cast<const icu::Normalizer2*>(nfc_);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(src.data(), static_cast<int32_t>(src.size())));
  UErrorCode err = U_ZERO_ERROR;
  if (nfc->quickCheck(u, err) == UNORM_YES && U_SUCCESS(err)) {
    out->assign(src);
    return repaired;
  }
  err = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, err);
  if (U_FAILURE(err)) {
    return Status::Internal(std::string("ICU normalize: ") + u_errorName(err));
  }
  out->clear();
  n.toUTF8String(*out);
  return true;
}

}  // namespace wirewatch::text
