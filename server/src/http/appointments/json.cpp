#include "http/appointments/json.hpp"

#include "domain/diary/london_time.hpp"

namespace cma::http {

namespace {
std::string london(const std::string& utc) {
  auto t = domain::parse_utc(utc);
  return t ? domain::format_london(*t) : std::string();
}
}  // namespace

void Json<app::Appointment>::write(JsonWriter& w, const app::Appointment& a) {
  w.begin_object()
      .field("id", a.id)
      .field("centreId", a.centre_id)
      .field("clientId", a.client_id)
      .nullable("caseId", a.case_id)
      .field("adviserId", a.adviser_id)
      .field("start", a.start_at)
      .field("end", a.end_at)
      .field("startLocal", london(a.start_at))
      .field("endLocal", london(a.end_at))
      .field("durationMinutes", static_cast<long long>(a.duration_minutes))
      .field("mode", a.mode)
      .field("location", a.location)
      .field("preparation", a.preparation)
      .field("status", a.status)
      .field("outcome", a.outcome)
      .nullable("followUpDate", a.follow_up_date)
      .field("createdBy", a.created_by)
      .field("createdAt", a.created_at)
      .field("updatedAt", a.updated_at)
      .end_object();
}

}  // namespace cma::http
