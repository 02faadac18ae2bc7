// Status and Result<T>: how every Wirewatch library reports errors.
//
// No exceptions cross a library boundary. A function that can fail returns a
// Status (no value) or a Result<T> (a value or a Status). Both are
// [[nodiscard]]. Propagate with RETURN_IF_ERROR / ASSIGN_OR_RETURN.
//
//   Result<Article> r = extractor.Extract(doc);
//   if (!r.ok()) return r.status();
//   Article a = std::move(r).value();
//
// Thread-safety: values; distinct objects may be used from distinct threads.
#ifndef WIREWATCH_STATUS_H_
#define WIREWATCH_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace wirewatch {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 1,   // the caller's input is unusable (bad flag, bad bytes)
  kNotFound = 2,          // a named thing does not exist
  kCorruption = 3,        // stored or streamed data is damaged / truncated
  kResourceExhausted = 4, // a documented limit was hit (size, depth, time)
  kUnavailable = 5,       // an external resource (file, database) cannot be used
  kInternal = 6,          // a bug or an unexpected library failure
};

// Returns a stable lower_snake name for `code` ("invalid_argument", ...).
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) {
    return Status(StatusCode::kNotFound, std::move(m));
  }
  static Status Corruption(std::string m) {
    return Status(StatusCode::kCorruption, std::move(m));
  }
  static Status ResourceExhausted(std::string m) {
    return Status(StatusCode::kResourceExhausted, std::move(m));
  }
  static Status Unavailable(std::string m) {
    return Status(StatusCode::kUnavailable, std::move(m));
  }
  static Status Internal(std::string m) {
    return Status(StatusCode::kInternal, std::move(m));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corruption: gzip stream truncated" or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of type T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result built from an OK status has no value");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace wirewatch

#define WW_CONCAT_INNER_(a, b) a##b
#define WW_CONCAT_(a, b) WW_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                              \
  do {                                                     \
    ::wirewatch::Status ww_status_ = (expr);               \
    if (!ww_status_.ok()) return ww_status_;               \
  } while (0)

#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(WW_CONCAT_(ww_result_, __LINE__), lhs, expr)

#endif  // WIREWATCH_STATUS_H_
