#include "base/hash.h"

#include <xxhash.h>

namespace wirewatch {

uint64_t Hash64(std::string_view data, uint64_t seed) {
  return XXH64(data.data(), data.size(), seed);
}

std::string Hex64(uint64_t h) {
  static const char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[i] = kHex[h & 15];
    h >>= 4;
  }
  return s;
}

}  // namespace wirewatch
