#include "app/authorization.hpp"

namespace cma::app {

namespace {
Error denied() {
  return Error::denied("Your role may not do this.");
}
}  // namespace

std::optional<Error> authorize(const Principal& principal, domain::Permission permission) {
  if (domain::is_allowed(principal.role(), permission)) return std::nullopt;
  return denied();
}

std::optional<Error> authorize_managing(const Principal& principal, domain::Role target) {
  if (domain::may_manage_role(principal.role(), target)) return std::nullopt;
  return denied();
}

}  // namespace cma::app
