#include "app/identity/user_rules.hpp"

#include "domain/identity/validation.hpp"

namespace cma::app::user_rules {

void validate(const UserInput& in, bool creating, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  auto text = [&](const char* field, const std::optional<std::string>& v) {
    if (!v) {
      if (creating) errors.push_back({field, "is required"});
    } else if (auto e = domain::check_text(*v, 100)) {
      errors.push_back({field, *e});
    }
  };
  if (in.email) {
    if (auto e = domain::check_email(domain::normalize_email(*in.email))) errors.push_back({"email", *e});
  } else if (creating) {
    errors.push_back({"email", "is required"});
  }
  text("firstName", in.first_name);
  text("lastName", in.last_name);
  if (in.role) {
    if (!domain::parse_role(*in.role)) errors.push_back({"role", "must be one of admin, manager, advisor, trainee"});
  } else if (creating) {
    errors.push_back({"role", "is required"});
  }
  if (in.password) {
    if (auto e = domain::check_password(*in.password)) errors.push_back({"password", *e});
  } else if (creating) {
    errors.push_back({"password", "is required"});
  }
}

ChangeSet diff(const User& before, const User& after) {
  ChangeSet cs = before.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("centreId", before.centre_id, after.centre_id)
      .set("email", before.email, after.email)
      .set("firstName", before.first_name, after.first_name)
      .set("lastName", before.last_name, after.last_name)
      .set("role", std::string(domain::to_string(before.role)), std::string(domain::to_string(after.role)))
      .set("status", before.status, after.status);
  if (before.password_hash != after.password_hash && !before.id.empty()) cs.redacted("password");
  return cs;
}

}  // namespace cma::app::user_rules
