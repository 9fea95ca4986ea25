#pragma once
// Centres: admins create and change them; everyone may read their own.
#include <functional>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/identity/records.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct CentreInput {  // absent fields are left as they are on update
  std::optional<std::string> name, code, address, contact_email, contact_phone, settings;
  std::vector<FieldError> shape_errors;  // found while reading the request (unknown field, wrong type)
};

Result<Centre> create_centre(const Deps& deps, const Actor& actor, const CentreInput& in);
Result<Page<Centre>> list_centres(const Deps& deps, const Actor& actor, const PageRequest& page);
Result<Centre> get_centre(const Deps& deps, const Actor& actor, const std::string& id);
Result<Centre> update_centre(const Deps& deps, const Actor& actor, const std::string& id, const CentreInput& in);
Result<Centre> deactivate_centre(const Deps& deps, const Actor& actor, const std::string& id);

// For start-up work the operator does on every centre (filling derived data): calls `each` with
// each centre, active or not, and its scope, a page of centres read at a time.
void for_each_centre(const Deps& deps, const std::function<void(const Centre&, const CentreScope&)>& each);

}  // namespace cma::app
