#pragma once
// Errors are values: a small closed set of codes, each with a meaning for the caller.
// Only the http layer turns them into HTTP statuses.
#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cma {

enum class ErrorCode {
  not_found,            // absent, or outside the caller's centre (existence never leaks)
  invalid_argument,     // input failed validation; field_errors says where
  failed_precondition,  // state forbids this until something else changes
  conflict,             // clashes with existing data (e.g. a taken e-mail address)
  permission_denied,    // authenticated, but the role may not do this
  unauthenticated,      // no valid credentials
  rate_limited,         // too many attempts; retry_after_seconds says when to try again
  unavailable,          // a dependency is down or saturated; retry later
  internal,             // a bug or an unexpected failure
};

struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorCode code{ErrorCode::internal};
  std::string detail;
  std::vector<FieldError> field_errors;
  int retry_after_seconds{0};

  static Error not_found(std::string what) { return {ErrorCode::not_found, std::move(what), {}, 0}; }
  static Error invalid(std::vector<FieldError> fields) {
    return {ErrorCode::invalid_argument, "The request has invalid fields.", std::move(fields), 0};
  }
  static Error invalid_field(std::string field, std::string message) {
    return invalid({FieldError{std::move(field), std::move(message)}});
  }
  static Error precondition(std::string why) { return {ErrorCode::failed_precondition, std::move(why), {}, 0}; }
  static Error conflict(std::string why) { return {ErrorCode::conflict, std::move(why), {}, 0}; }
  static Error denied(std::string why) { return {ErrorCode::permission_denied, std::move(why), {}, 0}; }
  static Error unauthenticated(std::string why) { return {ErrorCode::unauthenticated, std::move(why), {}, 0}; }
  static Error rate_limited(std::string why, int retry_after) {
    return {ErrorCode::rate_limited, std::move(why), {}, retry_after};
  }
  static Error unavailable(std::string why) { return {ErrorCode::unavailable, std::move(why), {}, 0}; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() {
  return Unit{};
}

}  // namespace cma
