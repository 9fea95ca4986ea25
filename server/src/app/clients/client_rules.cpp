#include "app/clients/client_rules.hpp"

#include <algorithm>

#include "domain/clients/client_rules.hpp"
#include "domain/identity/validation.hpp"

namespace cma::app::client_rules {

namespace {

constexpr std::size_t kMaxChildren = 20;
using domain::join_list;

}  // namespace

void apply(const ClientInput& in, bool creating, const std::string& now, Client& c, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  auto required_text = [&](const char* field, const std::optional<std::string>& v, std::size_t max, std::string& out) {
    if (!v) {
      if (creating) errors.push_back({field, "is required"});
    } else if (auto e = domain::check_text(*v, max)) {
      errors.push_back({field, *e});
    } else {
      out = domain::trim(*v);
    }
  };
  auto optional_text = [&](const char* field, const std::optional<std::string>& v, std::size_t max, std::string& out) {
    if (!v) return;
    if (auto e = domain::check_text(*v, max, false))
      errors.push_back({field, *e});
    else
      out = domain::trim(*v);
  };
  auto choice = [&](const char* field, const std::optional<std::string>& v, const std::vector<std::string_view>& list,
                    std::string& out) {
    if (!v) return;
    if (v->empty() || domain::is_one_of(list, *v))
      out = *v;
    else
      errors.push_back({field, domain::one_of_message(list)});
  };

  optional_text("title", in.title, 20, c.title);
  required_text("firstName", in.first_name, 100, c.first_name);
  required_text("lastName", in.last_name, 100, c.last_name);
  if (in.date_of_birth) {
    if (in.date_of_birth->empty())
      c.date_of_birth.clear();
    else if (!domain::is_date(*in.date_of_birth))
      errors.push_back({"dateOfBirth", "must be a date YYYY-MM-DD"});
    else if (*in.date_of_birth > now.substr(0, 10))
      errors.push_back({"dateOfBirth", "cannot be in the future"});
    else
      c.date_of_birth = *in.date_of_birth;
  }
  if (in.ni_number) {
    if (in.ni_number->empty()) {
      c.ni_number.clear();
    } else if (auto ni = domain::normalize_ni_number(*in.ni_number)) {
      c.ni_number = *ni;
    } else {
      errors.push_back({"niNumber",
                        "must be a National Insurance number like AB123456C (two letters HMRC allocates, six digits, "
                        "A to D)"});
    }
  }
  auto phone = [&](const char* field, const std::optional<std::string>& v, std::string& out) {
    if (!v) return;
    if (v->empty())
      out.clear();
    else if (!domain::is_phone(*v))
      errors.push_back({field, "must be a phone number (7 to 15 digits)"});
    else
      out = domain::trim(*v);
  };
  phone("phone", in.phone, c.phone);
  phone("mobile", in.mobile, c.mobile);
  if (in.email) {
    auto email = domain::normalize_email(*in.email);
    if (email.empty())
      c.email.clear();
    else if (auto e = domain::check_email(email))
      errors.push_back({"email", *e});
    else
      c.email = email;
  }
  optional_text("addressLine1", in.address_line1, 200, c.address_line1);
  optional_text("addressLine2", in.address_line2, 200, c.address_line2);
  optional_text("town", in.town, 100, c.town);
  if (in.postcode) {
    if (in.postcode->empty())
      c.postcode.clear();
    else if (auto pc = domain::normalize_postcode(*in.postcode))
      c.postcode = *pc;
    else
      errors.push_back({"postcode", "must be a UK postcode, e.g. M1 1AA"});
  }
  if (in.adults) {
    if (*in.adults < 1 || *in.adults > 20)
      errors.push_back({"adults", "must be a whole number from 1 to 20"});
    else
      c.adults = static_cast<int>(*in.adults);
  }
  if (in.children_ages) {
    if (in.children_ages->size() > kMaxChildren) {
      errors.push_back({"childrenAges", "may list at most 20 children"});
    } else {
      std::vector<int> ages;
      for (std::size_t i = 0; i < in.children_ages->size(); ++i) {
        auto age = (*in.children_ages)[i];
        if (age < 0 || age > 25)
          errors.push_back({domain::indexed("childrenAges", i), "must be an age from 0 to 25"});
        else
          ages.push_back(static_cast<int>(age));
      }
      c.children_ages = ages;
    }
  }
  choice("maritalStatus", in.marital_status, domain::marital_statuses(), c.marital_status);
  choice("employmentStatus", in.employment_status, domain::employment_statuses(), c.employment_status);
  choice("housingTenure", in.housing_tenure, domain::housing_tenures(), c.housing_tenure);
  choice("preferredContact", in.preferred_contact, domain::contact_methods(), c.preferred_contact);
  optional_text("language", in.language, 50, c.language);

  if (in.vulnerability_consent) {
    if (*in.vulnerability_consent && c.vulnerability_consent_at.empty()) c.vulnerability_consent_at = now;
    if (!*in.vulnerability_consent) c.vulnerability_consent_at.clear();
  }
  if (in.vulnerability_flags) {
    std::vector<std::string> flags;
    for (std::size_t i = 0; i < in.vulnerability_flags->size(); ++i) {
      const auto& f = (*in.vulnerability_flags)[i];
      if (!domain::is_one_of(domain::vulnerability_flags(), f))
        errors.push_back(
            {domain::indexed("vulnerabilityFlags", i), domain::one_of_message(domain::vulnerability_flags())});
      else if (std::find(flags.begin(), flags.end(), f) == flags.end())
        flags.push_back(f);
    }
    c.vulnerability_flags = flags;
  } else if (in.vulnerability_consent && !*in.vulnerability_consent) {
    c.vulnerability_flags.clear();  // withdrawing consent removes what it allowed
  }
  if (!c.vulnerability_flags.empty() && c.vulnerability_consent_at.empty())
    errors.push_back(
        {"vulnerabilityFlags", "can be recorded only with the client's consent: send vulnerabilityConsent: true"});
  if (in.data_sharing_consent) {
    if (*in.data_sharing_consent && !c.data_sharing_consent) c.data_sharing_consent_at = now;
    if (!*in.data_sharing_consent) c.data_sharing_consent_at.clear();
    c.data_sharing_consent = *in.data_sharing_consent;
  }
}

ChangeSet diff(const Client& b, const Client& a) {
  ChangeSet cs = b.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("reference", b.reference, a.reference)
      .set("title", b.title, a.title)
      .set("firstName", b.first_name, a.first_name)
      .set("lastName", b.last_name, a.last_name)
      .set("dateOfBirth", b.date_of_birth, a.date_of_birth)
      .set("phone", b.phone, a.phone)
      .set("mobile", b.mobile, a.mobile)
      .set("email", b.email, a.email)
      .set("addressLine1", b.address_line1, a.address_line1)
      .set("addressLine2", b.address_line2, a.address_line2)
      .set("town", b.town, a.town)
      .set("postcode", b.postcode, a.postcode)
      .set("adults", std::to_string(b.adults), std::to_string(a.adults))
      .set("childrenAges", join_list(b.children_ages), join_list(a.children_ages))
      .set("maritalStatus", b.marital_status, a.marital_status)
      .set("employmentStatus", b.employment_status, a.employment_status)
      .set("housingTenure", b.housing_tenure, a.housing_tenure)
      .set("vulnerabilityConsentAt", b.vulnerability_consent_at, a.vulnerability_consent_at)
      .set("dataSharingConsent", b.data_sharing_consent ? "true" : "false", a.data_sharing_consent ? "true" : "false")
      .set("dataSharingConsentAt", b.data_sharing_consent_at, a.data_sharing_consent_at)
      .set("preferredContact", b.preferred_contact, a.preferred_contact)
      .set("language", b.language, a.language)
      .set("status", b.status, a.status);
  // Special-category and identifying data: the trail says that it changed, not what it is.
  if (b.ni_number != a.ni_number) cs.redacted("niNumber");
  if (join_list(b.vulnerability_flags) != join_list(a.vulnerability_flags)) cs.redacted("vulnerabilityFlags");
  return cs;
}

}  // namespace cma::app::client_rules
