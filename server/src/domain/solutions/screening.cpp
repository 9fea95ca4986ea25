#include "domain/solutions/screening.hpp"

namespace cma::domain {

std::optional<SolutionRules> solution_rules_on(const std::vector<SolutionRules>& history, const std::string& date) {
  std::optional<SolutionRules> found;
  for (const auto& row : history)
    if (row.effective_from <= date && (!found || row.effective_from > found->effective_from)) found = row;
  return found;
}

std::string_view to_string(Solution s) {
  switch (s) {
    case Solution::debt_relief_order:
      return "debt_relief_order";
    case Solution::bankruptcy:
      return "bankruptcy";
    case Solution::individual_voluntary_arrangement:
      return "individual_voluntary_arrangement";
    case Solution::debt_management_plan:
      return "debt_management_plan";
    case Solution::breathing_space:
      return "breathing_space";
    case Solution::mental_health_crisis_breathing_space:
      return "mental_health_crisis_breathing_space";
    case Solution::token_payments:
      return "token_payments";
    case Solution::write_off_request:
      return "write_off_request";
  }
  return "debt_relief_order";
}

namespace {

std::string text(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out.append(p);
  return out;
}

Barrier over(const char* rule, const char* what, Money actual, Money limit) {
  return {rule, text({what, " ", format_gbp(actual), " is over the limit of ", format_gbp(limit), "."}), actual, limit};
}

Barrier under(const char* rule, const char* what, Money actual, Money minimum) {
  return {rule, text({what, " ", format_gbp(actual), " is below the ", format_gbp(minimum), " it needs."}), actual,
          minimum};
}

Barrier fact(const char* rule, const char* detail) {
  return {rule, detail, std::nullopt, std::nullopt};
}

Barrier no_budget() {
  return fact("no_budget", "There is no budget yet, so the monthly surplus is not known.");
}

SolutionResult result(Solution s, std::vector<Barrier> barriers, std::vector<std::string> cautions = {}) {
  SolutionResult r{s, barriers.empty(), std::move(barriers), std::move(cautions)};
  return r;
}

SolutionResult dro_result(const ScreeningFacts& f, const DroLimits& limits) {
  std::vector<Barrier> barriers;
  Money surplus = f.monthly_surplus.value_or(Money());
  DroFacts facts{f.total_debt,
                 surplus,
                 f.assets,
                 f.vehicle_value,
                 f.vehicle_specially_adapted,
                 f.homeowner,
                 f.connected_to_england_or_wales,
                 f.dro_in_last_six_years};
  auto dro = screen_dro(limits, facts);
  if (!f.monthly_surplus) barriers.push_back(no_budget());
  bool vehicle_counted = !f.vehicle_specially_adapted && f.vehicle_value > limits.vehicle_disregard;
  Money counted = vehicle_counted ? checked_add(f.assets, f.vehicle_value).value_or(kMaxAmount) : f.assets;
  for (auto b : dro.barriers) {
    switch (b) {
      case DroBarrier::debts_over_limit:
        barriers.push_back(over("debts_over_limit", "Qualifying debts of", f.total_debt, limits.max_qualifying_debts));
        break;
      case DroBarrier::surplus_over_limit:
        barriers.push_back(over("surplus_over_limit", "A monthly surplus of", surplus, limits.max_monthly_surplus));
        break;
      case DroBarrier::assets_over_limit:
        barriers.push_back(over("assets_over_limit",
                                vehicle_counted ? "Assets (with a vehicle over the disregard) of" : "Assets of",
                                counted, limits.max_assets));
        break;
      case DroBarrier::homeowner:
        barriers.push_back(fact("homeowner", "A homeowner cannot have a Debt Relief Order."));
        break;
      case DroBarrier::no_connection_to_england_or_wales:
        barriers.push_back(fact("no_connection_to_england_or_wales",
                                "The client has not lived, had property or traded in England or Wales in the last "
                                "3 years."));
        break;
      case DroBarrier::dro_in_last_six_years:
        barriers.push_back(fact("dro_in_last_six_years", "The client had a Debt Relief Order in the last 6 years."));
        break;
    }
  }
  return result(Solution::debt_relief_order, std::move(barriers),
                {"Applied for through an approved intermediary; lasts 12 months."});
}

}  // namespace

Screening screen_solutions(const ScreeningFacts& f, const DroLimits& dro, const SolutionRules& rules,
                           const std::string& assessed_on) {
  Screening s{assessed_on, dro.effective_from, rules.effective_from, {}};
  bool has_budget = f.monthly_surplus.has_value();
  Money surplus = f.monthly_surplus.value_or(Money());
  bool in_england_or_wales = f.connected_to_england_or_wales;
  auto jurisdiction = [&](std::vector<Barrier>& b) {
    if (!in_england_or_wales)
      b.push_back(fact("no_connection_to_england_or_wales",
                       "Only the England and Wales options are screened; the client has no connection there."));
  };

  s.results.push_back(dro_result(f, dro));

  {  // Bankruptcy: open to anyone in England and Wales who cannot pay; the fee and a home are cautions.
    std::vector<Barrier> b;
    jurisdiction(b);
    std::vector<std::string> cautions{text({"The application fee is ", format_gbp(rules.bankruptcy_fee), "."})};
    if (f.homeowner) cautions.emplace_back("The client's home equity is at risk.");
    if (has_budget && surplus.in_pence() > 0)
      cautions.emplace_back("A surplus may be taken as an income payments agreement for 3 years.");
    s.results.push_back(result(Solution::bankruptcy, std::move(b), std::move(cautions)));
  }
  {  // IVA: a regular surplus and enough unsecured debt to be worth an insolvency practitioner's work.
    std::vector<Barrier> b;
    jurisdiction(b);
    if (!has_budget)
      b.push_back(no_budget());
    else if (surplus < rules.iva_min_monthly_surplus)
      b.push_back(under("surplus_too_low", "A monthly surplus of", surplus, rules.iva_min_monthly_surplus));
    if (f.non_priority_debt < rules.iva_min_debt)
      b.push_back(under("debt_too_low", "Non-priority debt of", f.non_priority_debt, rules.iva_min_debt));
    s.results.push_back(result(Solution::individual_voluntary_arrangement, std::move(b),
                               {"Typically 5 to 6 years of payments; needs creditors' approval."}));
  }
  {  // Debt management plan: informal; needs a surplus to share among non-priority creditors.
    std::vector<Barrier> b;
    if (!has_budget)
      b.push_back(no_budget());
    else if (surplus < rules.dmp_min_monthly_surplus)
      b.push_back(under("surplus_too_low", "A monthly surplus of", surplus, rules.dmp_min_monthly_surplus));
    if (f.non_priority_creditors == 0)
      b.push_back(fact("no_non_priority_debts", "There are no non-priority debts to include."));
    s.results.push_back(result(Solution::debt_management_plan, std::move(b),
                               {"Repays non-priority debts in full; deal with priority debts first."}));
  }
  {  // Breathing space (standard): once in 12 months.
    std::vector<Barrier> b;
    jurisdiction(b);
    if (f.breathing_space_in_last_year)
      b.push_back(
          fact("breathing_space_in_last_year", "The client had a standard breathing space in the last 12 months."));
    if (f.total_debt.is_zero()) b.push_back(fact("no_debts", "There are no debts to protect."));
    s.results.push_back(
        result(Solution::breathing_space, std::move(b),
               {text({"Lasts ", std::to_string(rules.breathing_space_days),
                      " days, with a mid-way review between day 25 and day 35; a debt adviser must check it is "
                      "appropriate."})}));
  }
  {  // Mental-health crisis breathing space: only while the client receives crisis treatment.
    std::vector<Barrier> b;
    jurisdiction(b);
    if (!f.mental_health_crisis)
      b.push_back(fact("not_in_mental_health_crisis_treatment",
                       "Only for a client receiving mental-health crisis treatment (evidence from an approved "
                       "mental-health professional)."));
    if (f.total_debt.is_zero()) b.push_back(fact("no_debts", "There are no debts to protect."));
    s.results.push_back(result(Solution::mental_health_crisis_breathing_space, std::move(b),
                               {"Lasts while the treatment does, plus 30 days; not limited to once a year."}));
  }
  {  // Token payments: when nothing (or less than a pound a creditor) is available.
    std::vector<Barrier> b;
    if (!has_budget) {
      b.push_back(no_budget());
    } else {
      Money tokens = checked_mul(Money::pence(100), f.non_priority_creditors).value_or(kMaxAmount);
      if (f.non_priority_creditors == 0)
        b.push_back(fact("no_non_priority_debts", "There are no non-priority debts to offer token payments to."));
      else if (surplus > tokens)
        b.push_back(over("surplus_available", "A monthly surplus of", surplus, tokens));
    }
    s.results.push_back(result(Solution::token_payments, std::move(b),
                               {"£1 a month to each non-priority creditor; review the case regularly."}));
  }
  {  // Asking creditors to write off: no surplus and nothing of value, with little prospect of change.
    std::vector<Barrier> b;
    if (!has_budget)
      b.push_back(no_budget());
    else if (surplus.in_pence() > 0)
      b.push_back(over("surplus_available", "A monthly surplus of", surplus, Money()));
    if (f.assets > dro.max_assets) b.push_back(over("assets_over_limit", "Assets of", f.assets, dro.max_assets));
    if (f.homeowner) b.push_back(fact("homeowner", "The client owns their home."));
    s.results.push_back(result(Solution::write_off_request, std::move(b),
                               {"Needs evidence that the client's circumstances are unlikely to improve."}));
  }
  return s;
}

}  // namespace cma::domain
