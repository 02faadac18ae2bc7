// RateLimiter: a token bucket per client (the server keys it by remote
// address), refilled at `rate` requests per second up to `burst`.
//
// A client may send `burst` requests at once, then `rate` per second on
// average; a request beyond gets the number of seconds after which one
// token will be back (the 429 response's Retry-After).
//
// Memory: at most `max_clients` buckets. When the table is full, buckets
// that have refilled completely (clients idle for burst / rate seconds) are
// dropped, which changes nothing for them: a new bucket starts full. If
// every bucket is still active, the new client is let through untracked
// until space frees up (serving it beats refusing a stranger for what
// others did); docs/http-api.md says so.
//
// Thread-safety: Acquire() may be called from any thread (one mutex; a
// lookup and a few floating-point operations under it).
#ifndef WIREWATCH_API_RATE_LIMITER_H_
#define WIREWATCH_API_RATE_LIMITER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace wirewatch::api {

struct RateLimitOptions {
  double rate = 100;   // tokens per second; <= 0 disables the limiter
  double burst = 200;  // bucket size (>= 1)
  size_t max_clients = 65536;
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(const RateLimitOptions& options);

  // Takes a token from `client`'s bucket at `now`. Returns 0 when the
  // request may proceed, else the whole seconds (>= 1) until it could.
  int64_t Acquire(std::string_view client, Clock::time_point now);

  // Buckets held (for tests).
  size_t clients() const;

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;  // when `tokens` was computed
  };
  // Drops the buckets that are full again at `now`.
  void DropIdle(Clock::time_point now);  // REQUIRES: mu_ held

  const RateLimitOptions options_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;  // GUARDED_BY(mu_)
};

}  // namespace wirewatch::api

#endif  // WIREWATCH_API_RATE_LIMITER_H_
