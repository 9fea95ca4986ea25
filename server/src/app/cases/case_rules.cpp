#include "app/cases/case_rules.hpp"

#include "app/identity/staff.hpp"
#include "domain/clients/client_rules.hpp"
#include "domain/identity/validation.hpp"
#include "platform/ids.hpp"

namespace cma::app::case_rules {

const std::vector<std::string_view>& case_priorities() {
  static const std::vector<std::string_view> v = {"urgent", "high", "normal", "low"};
  return v;
}

void apply(const CaseInput& in, const std::string& today, Case& c, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  if (in.priority) {
    if (domain::is_one_of(case_priorities(), *in.priority))
      c.priority = *in.priority;
    else
      errors.push_back({"priority", domain::one_of_message(case_priorities())});
  }
  if (in.summary) {
    if (auto e = domain::check_multiline_text(*in.summary, 2000, false))
      errors.push_back({"summary", *e});
    else
      c.summary = domain::trim(*in.summary);
  }
  if (in.next_review_date) {
    if (in.next_review_date->empty())
      c.next_review_date.clear();
    else if (!domain::is_date(*in.next_review_date))
      errors.push_back({"nextReviewDate", "must be a date YYYY-MM-DD"});
    else if (*in.next_review_date < today)
      errors.push_back({"nextReviewDate", "cannot be in the past"});
    else
      c.next_review_date = *in.next_review_date;
  }
  if (in.assets) c.assets = *in.assets;
  if (in.vehicle_value) c.vehicle_value = *in.vehicle_value;
  if (in.vehicle_adapted) c.vehicle_adapted = *in.vehicle_adapted;
  if (in.homeowner) c.homeowner = *in.homeowner;
  if (in.connected_to_england_or_wales) c.connected_to_england_or_wales = *in.connected_to_england_or_wales;
  if (in.dro_in_last_six_years) c.dro_in_last_six_years = *in.dro_in_last_six_years;
  if (in.bankrupt_in_last_five_years) c.bankrupt_in_last_five_years = *in.bankrupt_in_last_five_years;
  if (in.breathing_space_in_last_year) c.breathing_space_in_last_year = *in.breathing_space_in_last_year;
  if (in.mental_health_crisis) c.mental_health_crisis = *in.mental_health_crisis;
}

std::string check_adviser(Transaction& tx, const CentreScope& centre, const std::string& adviser_id) {
  if (adviser_id.empty()) return "";
  return check_staff_member(tx, centre, adviser_id, "the case's");
}

namespace {
std::string flag(bool b) {
  return b ? "true" : "false";
}
}  // namespace

ChangeSet diff(const Case& b, const Case& a) {
  ChangeSet cs = b.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("clientId", b.client_id, a.client_id)
      .set("reference", b.reference, a.reference)
      .set("status", b.status, a.status)
      .set("priority", b.priority, a.priority)
      .set("adviserId", b.adviser_id, a.adviser_id)
      .set("summary", b.summary, a.summary)
      .set("outcome", b.outcome, a.outcome)
      .set("closureReason", b.closure_reason, a.closure_reason)
      .set("complianceOverride", b.compliance_override, a.compliance_override)
      .set("nextReviewDate", b.next_review_date, a.next_review_date)
      .set("assets", std::to_string(b.assets), std::to_string(a.assets))
      .set("vehicleValue", std::to_string(b.vehicle_value), std::to_string(a.vehicle_value))
      .set("vehicleAdapted", flag(b.vehicle_adapted), flag(a.vehicle_adapted))
      .set("homeowner", flag(b.homeowner), flag(a.homeowner))
      .set("connectedToEnglandOrWales", flag(b.connected_to_england_or_wales), flag(a.connected_to_england_or_wales))
      .set("droInLastSixYears", flag(b.dro_in_last_six_years), flag(a.dro_in_last_six_years))
      .set("bankruptInLastFiveYears", flag(b.bankrupt_in_last_five_years), flag(a.bankrupt_in_last_five_years))
      .set("breathingSpaceInLastYear", flag(b.breathing_space_in_last_year), flag(a.breathing_space_in_last_year))
      .set("mentalHealthCrisis", flag(b.mental_health_crisis), flag(a.mental_health_crisis))
      .set("openedAt", b.opened_at, a.opened_at)
      .set("closedAt", b.closed_at, a.closed_at);
  return cs;
}

}  // namespace cma::app::case_rules
