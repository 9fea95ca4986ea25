#pragma once
// The identity module's records: centres and user accounts.
#include <cstdint>
#include <string>

#include "app/model.hpp"
#include "domain/identity/role.hpp"

namespace cma::app {

struct Centre {
  std::string id;
  std::string name;
  std::string code;
  std::string address;
  std::string contact_email;
  std::string contact_phone;
  std::string status = kActive;
  std::string settings = "{}";  // a JSON object
  std::string created_at;
  std::string updated_at;
};

struct User {
  std::string id;
  std::string centre_id;
  std::string email;
  std::string first_name;
  std::string last_name;
  domain::Role role = domain::Role::trainee;
  std::string status = kActive;
  std::string password_hash;
  std::string last_login_at;  // "" until the first login
  std::string created_at;
  std::string updated_at;
};

}  // namespace cma::app
