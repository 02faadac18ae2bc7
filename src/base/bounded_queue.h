// BoundedQueue<T>: a blocking multi-producer multi-consumer FIFO with a
// fixed capacity, the hand-off between pipeline threads. Push blocks while
// the queue is full, which is what bounds the pipeline's memory: at most
// `capacity` items are in flight between two stages.
//
// Close() wakes everyone: Push then returns false, Pop drains what is left
// and then returns false.
//
// Thread-safety: all methods may be called from any thread.
#ifndef WIREWATCH_BASE_BOUNDED_QUEUE_H_
#define WIREWATCH_BASE_BOUNDED_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>

namespace wirewatch {

template <typename T>
class BoundedQueue {
 public:
  // REQUIRES: capacity > 0
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Returns false (and drops `item`) when the queue is closed.
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // Blocks until an item is available; false when closed and drained.
  bool Pop(T* item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  // Invariant: items_.size() <= capacity_; nothing is pushed once closed_.
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace wirewatch

#endif  // WIREWATCH_BASE_BOUNDED_QUEUE_H_
