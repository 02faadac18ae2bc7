#include "api/rate_limiter.h"

#include <gtest/gtest.h>

namespace wirewatch::api {
namespace {

using Clock = RateLimiter::Clock;
using std::chrono::milliseconds;

TEST(RateLimiterTest, BurstThenRateThenRetryAfter) {
  RateLimiter limiter({.rate = 2, .burst = 3, .max_clients = 16});
  const Clock::time_point t0 = Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Acquire("a", t0), 0) << i;
  // The bucket is empty: one token comes back after 0.5 s, announced as 1 s.
  EXPECT_EQ(limiter.Acquire("a", t0), 1);
  // Another client has its own bucket.
  EXPECT_EQ(limiter.Acquire("b", t0), 0);
  // Half a second later exactly one more request is allowed.
  EXPECT_EQ(limiter.Acquire("a", t0 + milliseconds(500)), 0);
  EXPECT_EQ(limiter.Acquire("a", t0 + milliseconds(500)), 1);
  // Refill is capped at the burst.
  const Clock::time_point later = t0 + std::chrono::seconds(60);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Acquire("a", later), 0) << i;
  EXPECT_NE(limiter.Acquire("a", later), 0);
}

TEST(RateLimiterTest, RetryAfterCoversTheWait) {
  RateLimiter limiter({.rate = 0.25, .burst = 1, .max_clients = 16});
  const Clock::time_point t0 = Clock::now();
  EXPECT_EQ(limiter.Acquire("a", t0), 0);
  EXPECT_EQ(limiter.Acquire("a", t0), 4);  // one token per 4 s
  EXPECT_EQ(limiter.Acquire("a", t0 + std::chrono::seconds(3)), 1);
  EXPECT_EQ(limiter.Acquire("a", t0 + std::chrono::seconds(4)), 0);
}

TEST(RateLimiterTest, ZeroRateDisables) {
  RateLimiter limiter({.rate = 0, .burst = 1, .max_clients = 1});
  const Clock::time_point t0 = Clock::now();
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.Acquire("a", t0), 0);
  EXPECT_EQ(limiter.clients(), 0u);
}

TEST(RateLimiterTest, TableIsBoundedAndIdleClientsAreDropped) {
  RateLimiter limiter({.rate = 1, .burst = 2, .max_clients = 2});
  const Clock::time_point t0 = Clock::now();
  EXPECT_EQ(limiter.Acquire("a", t0), 0);
  EXPECT_EQ(limiter.Acquire("b", t0), 0);
  // Full of active clients: a third is served untracked.
  EXPECT_EQ(limiter.Acquire("c", t0), 0);
  EXPECT_EQ(limiter.clients(), 2u);
  // "a" spends its last token, so it stays active; "b" refills by t0+1s.
  EXPECT_EQ(limiter.Acquire("a", t0), 0);
  const Clock::time_point t1 = t0 + std::chrono::seconds(1);
  EXPECT_EQ(limiter.Acquire("c", t1), 0);  // "b" dropped, "c" tracked
  EXPECT_EQ(limiter.clients(), 2u);
  EXPECT_EQ(limiter.Acquire("c", t1), 0);
  EXPECT_NE(limiter.Acquire("c", t1), 0);  // "c" is limited now
}

}  // namespace
}  // namespace wirewatch::api
