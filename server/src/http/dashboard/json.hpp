#pragma once
// The dashboard as JSON (api/openapi.yaml) and as CSV (every table as rows of table, key, value).
#include <string>

#include "app/dashboard/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Dashboard> {
  static void write(JsonWriter& w, const app::Dashboard& d);
};

template <>
struct Json<app::DashboardCheck> {
  static void write(JsonWriter& w, const app::DashboardCheck& c);
};

// text/csv: a header row, then one row per figure; text cells cannot start a formula.
std::string dashboard_csv(const app::Dashboard& d);

}  // namespace cma::http
