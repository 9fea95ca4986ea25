#include "http/clients/json.hpp"

namespace cma::http {

void Json<app::Client>::write(JsonWriter& w, const app::Client& c) {
  w.begin_object()
      .field("id", c.id)
      .field("centreId", c.centre_id)
      .field("reference", c.reference)
      .field("title", c.title)
      .field("firstName", c.first_name)
      .field("lastName", c.last_name)
      .nullable("dateOfBirth", c.date_of_birth)
      .nullable("niNumber", c.ni_number)
      .field("phone", c.phone)
      .field("mobile", c.mobile)
      .field("email", c.email)
      .field("addressLine1", c.address_line1)
      .field("addressLine2", c.address_line2)
      .field("town", c.town)
      .field("postcode", c.postcode)
      .field("adults", c.adults)
      .key("childrenAges")
      .begin_array();
  for (int age : c.children_ages) w.value(age);
  w.end_array()
      .nullable("maritalStatus", c.marital_status)
      .nullable("employmentStatus", c.employment_status)
      .nullable("housingTenure", c.housing_tenure)
      .key("vulnerabilityFlags")
      .begin_array();
  for (const auto& f : c.vulnerability_flags) w.value(f);
  w.end_array()
      .field("vulnerabilityConsent", !c.vulnerability_consent_at.empty())
      .nullable("vulnerabilityConsentAt", c.vulnerability_consent_at)
      .field("dataSharingConsent", c.data_sharing_consent)
      .nullable("dataSharingConsentAt", c.data_sharing_consent_at)
      .nullable("preferredContact", c.preferred_contact)
      .field("language", c.language)
      .field("status", c.status)
      .field("createdAt", c.created_at)
      .field("updatedAt", c.updated_at)
      .end_object();
}

}  // namespace cma::http
