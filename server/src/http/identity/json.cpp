#include "http/identity/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::User>::of(const app::User& u) {
  return json::object{{"id", u.id},
                      {"centreId", u.centre_id},
                      {"email", u.email},
                      {"firstName", u.first_name},
                      {"lastName", u.last_name},
                      {"role", std::string(domain::to_string(u.role))},
                      {"status", u.status},
                      {"lastLoginAt", nullable(u.last_login_at)},
                      {"createdAt", u.created_at},
                      {"updatedAt", u.updated_at}};
}

json::object Json<app::Centre>::of(const app::Centre& c) {
  boost::system::error_code ec;
  auto settings = json::parse(c.settings, ec);
  if (ec || !settings.is_object()) settings = json::object{};
  return json::object{{"id", c.id},
                      {"name", c.name},
                      {"code", c.code},
                      {"address", c.address},
                      {"contactEmail", c.contact_email},
                      {"contactPhone", c.contact_phone},
                      {"status", c.status},
                      {"settings", settings},
                      {"createdAt", c.created_at},
                      {"updatedAt", c.updated_at}};
}

}  // namespace cma::http
