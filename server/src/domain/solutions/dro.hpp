#pragma once
// Screening for a Debt Relief Order (England and Wales). Screening, not advice: it says which
// conditions a client's figures fail. The limits change over time, so they are data with the date
// they took effect (passed in, never constants here); the limits in force on the screening date
// apply.
#include <optional>
#include <string>
#include <vector>

#include "domain/money/money.hpp"

namespace cma::domain {

struct DroLimits {
  std::string effective_from;  // YYYY-MM-DD
  Money max_qualifying_debts;
  Money max_monthly_surplus;
  Money max_assets;
  Money vehicle_disregard;  // one vehicle worth up to this is not counted as an asset
};

// The row in force on `date` (YYYY-MM-DD): the latest whose effective_from is not after it.
std::optional<DroLimits> dro_limits_on(const std::vector<DroLimits>& history, const std::string& date);

struct DroFacts {
  Money qualifying_debts;
  Money monthly_surplus;  // after normal household expenses; negative for a deficit
  Money assets;           // not counting the one vehicle below
  Money vehicle_value;    // zero when there is no vehicle
  bool vehicle_specially_adapted = false;
  bool homeowner = false;
  bool connected_to_england_or_wales = true;  // lived, had property or traded there in the last 3 years
  bool dro_in_last_six_years = false;
};

enum class DroBarrier {
  debts_over_limit,
  surplus_over_limit,
  assets_over_limit,
  homeowner,
  no_connection_to_england_or_wales,
  dro_in_last_six_years,
};

std::string_view to_string(DroBarrier b);

struct DroScreening {
  bool eligible = false;
  std::vector<DroBarrier> barriers;  // empty when eligible
};

DroScreening screen_dro(const DroLimits& limits, const DroFacts& facts);

}  // namespace cma::domain
