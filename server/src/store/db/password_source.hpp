#pragma once
// Where a PostgreSQL connection's password comes from when it is not in the URL or PGPASSWORD: a
// secret that can rotate (SociDatabase::set_password_source). Called with nullptr for the password
// to use, and with the password the database just refused, for a newer one if there is one (the
// same again if not); throws when none can be had.
#include <functional>
#include <string>

namespace cma::store::db {

using PasswordSource = std::function<std::string(const std::string* refused)>;

}  // namespace cma::store::db
