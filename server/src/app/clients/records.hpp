#pragma once
// The clients module's records: the people a centre advises (RULES.md "Client record").
#include <string>
#include <vector>

#include "app/model.hpp"

namespace cma::app {

inline constexpr const char* kDeleted = "deleted";

struct Client {
  std::string id;
  std::string centre_id;
  std::string reference;  // per centre, e.g. MAN-C-00042
  std::string title;
  std::string first_name;
  std::string last_name;
  std::string date_of_birth;  // YYYY-MM-DD or ""
  std::string ni_number;      // normalised (AB123456C) or ""
  std::string phone;
  std::string mobile;
  std::string email;
  std::string address_line1;
  std::string address_line2;
  std::string town;
  std::string postcode;  // normalised (M1 1AA) or ""
  int adults = 1;
  std::vector<int> children_ages;
  std::string marital_status;
  std::string employment_status;
  std::string housing_tenure;
  std::vector<std::string> vulnerability_flags;  // only with consent
  std::string vulnerability_consent_at;          // when consent was recorded; "" when not given
  bool data_sharing_consent = false;
  std::string data_sharing_consent_at;  // "" when not given
  std::string preferred_contact;
  std::string language;
  std::string status = kActive;  // active | deleted
  std::string deleted_at;
  std::string created_at;
  std::string updated_at;
};

struct ClientQuery {
  std::string centre_id;  // admins: one centre; others are always limited to their own
  std::string text;       // name, reference or postcode (case-insensitive, contains)
};

}  // namespace cma::app
