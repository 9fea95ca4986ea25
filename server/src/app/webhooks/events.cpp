#include "app/webhooks/events.hpp"

#include <boost/json.hpp>

#include "app/webhooks/webhooks.hpp"

namespace cma::app {

namespace {

boost::json::value wh_nullable(const std::string& s) {
  if (s.empty()) return nullptr;
  return boost::json::string(s);
}

}  // namespace

int record_case_created_event(const Deps& deps, Transaction& tx, const CentreScope& scope, const Case& c) {
  boost::json::object data;
  data["caseId"] = c.id;
  data["clientId"] = c.client_id;
  data["reference"] = c.reference;
  data["status"] = c.status;
  data["adviserId"] = wh_nullable(c.adviser_id);
  data["openedAt"] = c.opened_at;
  return record_webhook_event(deps, tx, scope, domain::kWebhookCaseCreated, boost::json::serialize(data));
}

int record_case_status_changed_event(const Deps& deps, Transaction& tx, const CentreScope& scope, const Case& after,
                                     const std::string& from) {
  boost::json::object data;
  data["caseId"] = after.id;
  data["reference"] = after.reference;
  data["from"] = from;
  data["to"] = after.status;
  data["changedAt"] = after.updated_at;
  return record_webhook_event(deps, tx, scope, domain::kWebhookCaseStatusChanged, boost::json::serialize(data));
}

int record_appointment_scheduled_event(const Deps& deps, Transaction& tx, const CentreScope& scope,
                                       const Appointment& a) {
  boost::json::object data;
  data["appointmentId"] = a.id;
  data["caseId"] = wh_nullable(a.case_id);
  data["clientId"] = a.client_id;
  data["adviserId"] = a.adviser_id;
  data["startAt"] = a.start_at;
  data["endAt"] = a.end_at;
  data["mode"] = a.mode;
  return record_webhook_event(deps, tx, scope, domain::kWebhookAppointmentScheduled, boost::json::serialize(data));
}

}  // namespace cma::app
