#include "http/clients/json.hpp"

#include "http/json_fields.hpp"

namespace cma::http {

namespace json = boost::json;

json::object Json<app::Client>::of(const app::Client& c) {
  json::array children, flags;
  for (int age : c.children_ages) children.push_back(age);
  for (const auto& f : c.vulnerability_flags) flags.push_back(json::value(f));
  return json::object{{"id", c.id},
                      {"centreId", c.centre_id},
                      {"reference", c.reference},
                      {"title", c.title},
                      {"firstName", c.first_name},
                      {"lastName", c.last_name},
                      {"dateOfBirth", nullable(c.date_of_birth)},
                      {"niNumber", nullable(c.ni_number)},
                      {"phone", c.phone},
                      {"mobile", c.mobile},
                      {"email", c.email},
                      {"addressLine1", c.address_line1},
                      {"addressLine2", c.address_line2},
                      {"town", c.town},
                      {"postcode", c.postcode},
                      {"adults", c.adults},
                      {"childrenAges", children},
                      {"maritalStatus", nullable(c.marital_status)},
                      {"employmentStatus", nullable(c.employment_status)},
                      {"housingTenure", nullable(c.housing_tenure)},
                      {"vulnerabilityFlags", flags},
                      {"vulnerabilityConsent", !c.vulnerability_consent_at.empty()},
                      {"vulnerabilityConsentAt", nullable(c.vulnerability_consent_at)},
                      {"dataSharingConsent", c.data_sharing_consent},
                      {"dataSharingConsentAt", nullable(c.data_sharing_consent_at)},
                      {"preferredContact", nullable(c.preferred_contact)},
                      {"language", c.language},
                      {"status", c.status},
                      {"createdAt", c.created_at},
                      {"updatedAt", c.updated_at}};
}

}  // namespace cma::http
