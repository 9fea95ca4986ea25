#pragma once
// Finding one row by id within what the caller may see. A malformed id, an id that names nothing and
// an id that names another centre's row all answer the same 404, so existence never leaks.
#include <string>
#include <utility>

#include "app/tenancy.hpp"
#include "domain/result.hpp"
#include "platform/ids.hpp"

namespace cma::app {

// `repo.find(scope, id)` returning std::optional<Row>, or not_found(not_found_detail).
template <class Repository>
auto find_in_scope(Repository& repo, const Scope& scope, const std::string& id, const char* not_found_detail)
    -> Result<typename decltype(repo.find(scope, id))::value_type> {
  if (!platform::is_uuid(id)) return Error::not_found(not_found_detail);
  auto row = repo.find(scope, id);
  if (!row) return Error::not_found(not_found_detail);
  return std::move(*row);
}

}  // namespace cma::app
