#include "http/dashboard/json.hpp"

#include "domain/dashboard/figures.hpp"

namespace cma::http {

namespace {
// The share of closed cases closed with a complete checklist, in whole percent; null when none.
std::optional<long long> compliance_percent(const app::DashboardFigures& f) {
  if (f.closed_cases <= 0) return std::nullopt;
  return (f.closed_compliant * 200 + f.closed_cases) / (2 * f.closed_cases);  // rounded half up
}

void write_months(JsonWriter& w, const std::vector<std::pair<std::string, long long>>& months) {
  w.begin_array();
  for (const auto& [month, count] : months) w.begin_object().field("month", month).field("count", count).end_object();
  w.end_array();
}

void write_figures(JsonWriter& w, const app::DashboardFigures& f) {
  w.begin_object().key("casesByStatus").begin_object();
  for (const auto& [status, count] : f.cases_by_status) w.key_text(status).value(count);
  w.end_object().key("openedPerMonth");
  write_months(w, f.opened_per_month);
  w.key("closedPerMonth");
  write_months(w, f.closed_per_month);
  w.key("medianDaysToClose");
  if (f.median_days_to_close)
    w.value(*f.median_days_to_close);
  else
    w.null();
  w.field("debtUnderAdvice", f.debt_under_advice)
      .field("priorityArrears", f.priority_arrears)
      .field("writtenOff", f.written_off)
      .field("repaid", f.repaid)
      .field("closedCases", f.closed_cases)
      .field("closedCompliant", f.closed_compliant)
      .key("complianceRatePercent");
  if (auto p = compliance_percent(f))
    w.value(*p);
  else
    w.null();
  w.end_object();
}

void csv_figures(std::string& out, const std::string& prefix, const app::DashboardFigures& f) {
  auto row = [&](const std::string& table, const std::string& key, const std::string& value) {
    out.append(domain::csv_cell(prefix + table)).append(",").append(domain::csv_cell(key)).append(",");
    out.append(value).append("\r\n");
  };
  for (const auto& [status, count] : f.cases_by_status) row("casesByStatus", status, std::to_string(count));
  for (const auto& [month, count] : f.opened_per_month) row("openedPerMonth", month, std::to_string(count));
  for (const auto& [month, count] : f.closed_per_month) row("closedPerMonth", month, std::to_string(count));
  row("figures", "medianDaysToClose", f.median_days_to_close ? std::to_string(*f.median_days_to_close) : "");
  row("figures", "debtUnderAdvicePence", std::to_string(f.debt_under_advice));
  row("figures", "priorityArrearsPence", std::to_string(f.priority_arrears));
  row("figures", "writtenOffPence", std::to_string(f.written_off));
  row("figures", "repaidPence", std::to_string(f.repaid));
  auto p = compliance_percent(f);
  row("figures", "complianceRatePercent", p ? std::to_string(*p) : "");
}
}  // namespace

void Json<app::Dashboard>::write(JsonWriter& w, const app::Dashboard& d) {
  w.begin_object()
      .nullable("centreId", d.centre_id)
      .nullable("adviserId", d.adviser_id)
      .field("today", d.today)
      .key("figures");
  write_figures(w, d.figures);
  w.field("overdueTasks", d.overdue_tasks)
      .field("appointmentsToday", d.appointments_today)
      .key("centres")
      .begin_array();
  for (const auto& c : d.centres) {
    w.begin_object().field("centreId", c.centre_id).field("centreName", c.centre_name).key("figures");
    write_figures(w, c.figures);
    w.end_object();
  }
  w.end_array().end_object();
}

void Json<app::DashboardCheck>::write(JsonWriter& w, const app::DashboardCheck& c) {
  w.begin_object()
      .field("centreId", c.centre_id)
      .field("consistent", c.consistent)
      .field("repaired", c.repaired)
      .field("cases", c.cases)
      .key("differences")
      .begin_array();
  for (const auto& d : c.differences)
    w.begin_object()
        .field("adviserId", d.adviser_id)
        .field("metric", d.metric)
        .field("bucket", d.bucket)
        .field("stored", d.stored)
        .field("recounted", d.recounted)
        .end_object();
  w.end_array().end_object();
}

std::string dashboard_csv(const app::Dashboard& d) {
  std::string out = "table,key,value\r\n";
  csv_figures(out, "", d.figures);
  out.append("figures,overdueTasks,").append(std::to_string(d.overdue_tasks)).append("\r\n");
  out.append("figures,appointmentsToday,").append(std::to_string(d.appointments_today)).append("\r\n");
  for (const auto& c : d.centres) csv_figures(out, c.centre_name + ": ", c.figures);
  return out;
}

}  // namespace cma::http
