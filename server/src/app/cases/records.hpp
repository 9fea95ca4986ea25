#pragma once
// The cases module's records: a client's case, its screening facts, and what lists filter by.
#include <optional>
#include <string>

#include "app/model.hpp"

namespace cma::app {

struct Case {
  std::string id;
  std::string centre_id;
  std::string client_id;
  std::string reference;  // per centre and year, e.g. MAN-2026-00042
  std::string status = "open";
  std::string priority = "normal";  // urgent | high | normal | low
  std::string adviser_id;           // "" while unassigned
  std::string summary;
  std::string outcome;         // set when closed
  std::string closure_reason;  // set when closed
  // Why it was closed without a complete compliance checklist (a manager's override); "" when the
  // checklist was complete, or the case is not closed.
  std::string compliance_override;
  std::string next_review_date;
  // Facts the debt-solution screening needs beyond the debts and the budget.
  long long assets = 0;         // pence, not counting one vehicle
  long long vehicle_value = 0;  // pence; 0 when there is none
  bool vehicle_adapted = false;
  bool homeowner = false;
  bool connected_to_england_or_wales = true;
  bool dro_in_last_six_years = false;
  bool bankrupt_in_last_five_years = false;
  bool breathing_space_in_last_year = false;
  bool mental_health_crisis = false;
  std::string opened_at;
  std::string closed_at;
  std::string created_at;
  std::string updated_at;
  // Read with the case, never written through it.
  std::string client_first_name;
  std::string client_last_name;
};

enum class CaseSort { opened_desc, opened_asc, reference };

struct CaseQuery {
  std::string centre_id;  // admins: one centre
  std::string status;
  std::string adviser_id;
  std::string priority;
  std::string opened_from;  // YYYY-MM-DD, inclusive
  std::string opened_to;    // YYYY-MM-DD, inclusive
  std::string text;         // case reference or client name, reference, postcode
  CaseSort sort = CaseSort::opened_desc;
};

}  // namespace cma::app
