// Content hashing (xxHash64) for ids and signatures.
//
// Thread-safety: pure functions.
#ifndef WIREWATCH_BASE_HASH_H_
#define WIREWATCH_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace wirewatch {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);

// 16 lowercase hex digits of `h`, zero-padded.
std::string Hex64(uint64_t h);

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_HASH_H_
