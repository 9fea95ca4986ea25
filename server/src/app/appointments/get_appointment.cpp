#include <chrono>

#include "app/appointments/appointment_rules.hpp"
#include "app/appointments/ports.hpp"
#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/lookup.hpp"
#include "domain/diary/appointment_rules.hpp"
#include "domain/diary/london_time.hpp"

namespace cma::app {

namespace {
std::string appointment_id(const Appointment& a) {
  return a.id;
}

// The centre a list is of: the one asked for (within reach), or the caller's own; admins must ask.
Result<CentreScope> list_centre(const Actor& actor, const std::string& centre_id) {
  if (!centre_id.empty()) {
    auto scope = Tenancy::centre_within(actor.principal, centre_id);
    if (!scope) return Error::invalid_field("centreId", "is not a centre you can see");
    return *scope;
  }
  if (domain::is_network_wide(actor.principal.role()))
    return Error::invalid_field("centreId", "is required for a network-wide role");
  return Tenancy::own_centre(actor.principal);
}

Result<Page<Appointment>> fetch(const Deps& deps, const CentreScope& scope, const AppointmentQuery& query,
                                const KeysetRequest& page) {
  if (page.has_cursor && !domain::parse_utc(page.after_key))
    return Error::invalid_field("cursor", "is not a cursor this list returned");
  auto tx = deps.db.begin(TxMode::read);
  KeysetRequest more = page;
  more.limit = page.limit + 1;
  auto rows = tx->get<AppointmentRepository>().list(scope, query, more);
  return make_keyset_page(std::move(rows), kAppointmentsList, page.limit, appointment_rules::list_key, appointment_id);
}
}  // namespace

Result<Appointment> get_appointment(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "appointment.read", "appointment", id);
  auto tx = deps.db.begin(TxMode::read);
  return find_in_scope(tx->get<AppointmentRepository>(), Tenancy::of(actor.principal), id, kNoSuchAppointment);
}

Result<Page<Appointment>> list_appointments(const Deps& deps, const Actor& actor, const AppointmentQuery& query,
                                            const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "appointment.list", "appointment");
  std::vector<FieldError> errors;
  AppointmentQuery q = query;
  for (auto [name, value] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    if (value->empty()) continue;
    auto parsed = domain::parse_instant(*value);
    if (parsed.utc_seconds)
      *value = domain::format_utc(*parsed.utc_seconds);
    else
      errors.push_back({name, parsed.error});
  }
  if (!q.status.empty() && !domain::parse_appointment_status(q.status))
    errors.push_back({"status", "must be one of scheduled, completed, cancelled, no_show"});
  for (auto [name, value] :
       {std::pair{"clientId", &q.client_id}, std::pair{"caseId", &q.case_id}, std::pair{"adviserId", &q.adviser_id}})
    if (!value->empty() && !platform::is_uuid(*value)) errors.push_back({name, "must be an id"});
  auto scope = list_centre(actor, q.centre_id);
  if (!scope) errors.push_back(scope.error().field_errors.front());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  return fetch(deps, *scope, q, page);
}

Result<Page<Appointment>> diary(const Deps& deps, const Actor& actor, const DiaryRequest& request,
                                const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "appointment.list", "appointment");
  std::vector<FieldError> errors;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(deps.clock.now().time_since_epoch()).count();
  auto date = request.date.empty() ? std::optional(domain::london_date(now)) : domain::parse_date(request.date);
  if (!date) errors.push_back({"date", "must be a date like 2026-12-01"});
  auto view = domain::parse_diary_view(request.view.empty() ? "week" : request.view);
  if (!view) errors.push_back({"view", "must be day or week"});
  if (!request.adviser_id.empty() && !platform::is_uuid(request.adviser_id))
    errors.push_back({"adviserId", "must be an id"});
  auto scope = list_centre(actor, request.centre_id);
  if (!scope) errors.push_back(scope.error().field_errors.front());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto first = *view == domain::DiaryView::day ? *date : domain::add_days(*date, 1 - domain::iso_weekday(*date));
  auto last = domain::add_days(first, *view == domain::DiaryView::day ? 1 : 7);
  AppointmentQuery q;
  q.adviser_id = request.adviser_id;
  q.from = domain::format_utc(domain::london_midnight(first));
  q.to = domain::format_utc(domain::london_midnight(last));
  return fetch(deps, *scope, q, page);
}

}  // namespace cma::app
