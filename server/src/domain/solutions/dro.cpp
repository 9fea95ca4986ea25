#include "domain/solutions/dro.hpp"

namespace cma::domain {

std::optional<DroLimits> dro_limits_on(const std::vector<DroLimits>& history, const std::string& date) {
  std::optional<DroLimits> found;
  for (const auto& row : history)
    if (row.effective_from <= date && (!found || row.effective_from > found->effective_from)) found = row;
  return found;
}

std::string_view to_string(DroBarrier b) {
  switch (b) {
    case DroBarrier::debts_over_limit:
      return "debts_over_limit";
    case DroBarrier::surplus_over_limit:
      return "surplus_over_limit";
    case DroBarrier::assets_over_limit:
      return "assets_over_limit";
    case DroBarrier::homeowner:
      return "homeowner";
    case DroBarrier::no_connection_to_england_or_wales:
      return "no_connection_to_england_or_wales";
    case DroBarrier::dro_in_last_six_years:
      return "dro_in_last_six_years";
  }
  return "debts_over_limit";
}

DroScreening screen_dro(const DroLimits& limits, const DroFacts& f) {
  DroScreening s;
  if (f.qualifying_debts > limits.max_qualifying_debts) s.barriers.push_back(DroBarrier::debts_over_limit);
  if (f.monthly_surplus > limits.max_monthly_surplus) s.barriers.push_back(DroBarrier::surplus_over_limit);
  // A specially adapted vehicle is disregarded whatever its value; any other vehicle up to the
  // disregard; a dearer one counts in full.
  bool vehicle_disregarded = f.vehicle_specially_adapted || f.vehicle_value <= limits.vehicle_disregard;
  auto counted = checked_add(f.assets, vehicle_disregarded ? Money() : f.vehicle_value);
  if (!counted || *counted > limits.max_assets) s.barriers.push_back(DroBarrier::assets_over_limit);
  if (f.homeowner) s.barriers.push_back(DroBarrier::homeowner);
  if (!f.connected_to_england_or_wales) s.barriers.push_back(DroBarrier::no_connection_to_england_or_wales);
  if (f.dro_in_last_six_years) s.barriers.push_back(DroBarrier::dro_in_last_six_years);
  s.eligible = s.barriers.empty();
  return s;
}

}  // namespace cma::domain
