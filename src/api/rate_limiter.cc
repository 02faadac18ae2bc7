#include "api/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace wirewatch::api {

RateLimiter::RateLimiter(const RateLimitOptions& options)
    : options_{options.rate, std::max(1.0, options.burst),
               std::max<size_t>(1, options.max_clients)} {}

int64_t RateLimiter::Acquire(std::string_view client, Clock::time_point now) {
  if (options_.rate <= 0) return 0;
  std::lock_guard<std::mutex> l(mu_);
  auto it = buckets_.find(std::string(client));
  if (it == buckets_.end()) {
    if (buckets_.size() >= options_.max_clients) DropIdle(now);
    if (buckets_.size() >= options_.max_clients) return 0;  // untracked
    it = buckets_.emplace(std::string(client), Bucket{options_.burst, now})
             .first;
  }
  Bucket& b = it->second;
  if (now > b.last) {
    const double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(options_.burst, b.tokens + elapsed * options_.rate);
    b.last = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  const double wait = (1 - b.tokens) / options_.rate;
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait)));
}

size_t RateLimiter::clients() const {
  std::lock_guard<std::mutex> l(mu_);
  return buckets_.size();
}

void RateLimiter::DropIdle(Clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double elapsed =
        std::chrono::duration<double>(now - it->second.last).count();
    if (it->second.tokens + elapsed * options_.rate >= options_.burst)
      it = buckets_.erase(it);
    else
      ++it;
  }
}

}  // namespace wirewatch::api
