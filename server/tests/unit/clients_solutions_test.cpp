// Client record rules (NI numbers, postcodes, dates, references) and debt-solution screening.
#include <gtest/gtest.h>

#include "domain/clients/client_rules.hpp"
#include "domain/debts/debt_totals.hpp"
#include "domain/solutions/screening.hpp"

namespace cma::domain {
namespace {

TEST(NiNumber, NormalisedAndHmrcExcludedPrefixesRefused) {
  EXPECT_EQ(normalize_ni_number("ab 12 34 56 c"), "AB123456C");
  EXPECT_EQ(normalize_ni_number("JG103759A"), "JG103759A");
  for (const char* bad : {"",          "AB123456",  "AB123456E", "A1123456C", "AB12345C6", "DA123456A", "FA123456A",
                          "IA123456A", "QA123456A", "UA123456A", "VA123456A", "AD123456A", "AF123456A", "AI123456A",
                          "AO123456A", "AQ123456A", "AU123456A", "AV123456A", "BG123456A", "GB123456A", "KN123456A",
                          "NK123456A", "NT123456A", "TN123456A", "ZZ123456A"})
    EXPECT_FALSE(normalize_ni_number(bad)) << bad;
}

TEST(Postcode, UkShapesAreNormalised) {
  EXPECT_EQ(normalize_postcode("m11aa"), "M1 1AA");
  EXPECT_EQ(normalize_postcode("SW1A 1AA"), "SW1A 1AA");
  EXPECT_EQ(normalize_postcode("ls14ap"), "LS1 4AP");
  EXPECT_EQ(normalize_postcode("W1A 0AX"), "W1A 0AX");
  for (const char* bad : {"", "M1", "11 1AA", "MM 1AA", "M1 AAA", "M1 1A1", "ABCDE 1AA", "M1-1AA"})
    EXPECT_FALSE(normalize_postcode(bad)) << bad;
}

TEST(Dates, CalendarDatesOnly) {
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_TRUE(is_date("2000-02-29"));
  EXPECT_FALSE(is_date("1900-02-29"));
  EXPECT_FALSE(is_date("2024-04-31"));
  EXPECT_FALSE(is_date("2024-13-01"));
  EXPECT_FALSE(is_date("24-01-01"));
  EXPECT_FALSE(is_date("2024/01/01"));
}

TEST(References, PerCentreAndPaddedToFiveDigits) {
  EXPECT_EQ(case_reference("MAN", 2026, 42), "MAN-2026-00042");
  EXPECT_EQ(case_reference("LDS", 2027, 123456), "LDS-2027-123456");
  EXPECT_EQ(client_reference("MAN", 7), "MAN-C-00007");
  EXPECT_TRUE(is_homeowner("mortgage"));
  EXPECT_TRUE(is_homeowner("owner"));
  EXPECT_FALSE(is_homeowner("social_rent"));
}

TEST(DebtTotals, SplitByEffectivePriority) {
  auto t = debt_totals({{Money::pounds(1200), Money::pounds(1200), Priority::priority},
                        {Money::pounds(5000), Money(), Priority::non_priority},
                        {Money::pounds(800), Money::pounds(100), Priority::priority}});
  EXPECT_EQ(t.total, Money::pounds(7000));
  EXPECT_EQ(t.priority, Money::pounds(2000));
  EXPECT_EQ(t.priority_arrears, Money::pounds(1300));
  EXPECT_EQ(t.non_priority, Money::pounds(5000));
  EXPECT_EQ(t.count, 3);
}

const DroLimits kOld{"2021-06-29", Money::pounds(30000), Money::pounds(75), Money::pounds(2000), Money::pounds(2000)};
const DroLimits kNew{"2024-06-28", Money::pounds(50000), Money::pounds(75), Money::pounds(2000), Money::pounds(4000)};
const SolutionRules kRules{
    "2021-05-04", Money::pounds(680), Money::pounds(100), Money::pounds(10000), Money::pounds(5), 60, 12, true};

const SolutionResult& find(const Screening& s, Solution which) {
  for (const auto& r : s.results)
    if (r.solution == which) return r;
  throw std::runtime_error("missing");
}

ScreeningFacts typical() {
  ScreeningFacts f;
  f.total_debt = Money::pounds(40000);
  f.non_priority_debt = Money::pounds(40000);
  f.non_priority_creditors = 4;
  f.monthly_surplus = Money::pounds(50);
  return f;
}

TEST(Screening, EveryOptionIsReportedInOrder) {
  auto s = screen_solutions(typical(), kNew, kRules, "2025-01-01");
  ASSERT_EQ(s.results.size(), 8u);
  EXPECT_EQ(s.results.front().solution, Solution::debt_relief_order);
  EXPECT_EQ(s.results.back().solution, Solution::write_off_request);
  EXPECT_EQ(s.dro_limits_from, "2024-06-28");
}

TEST(Screening, TheDroRuleNamesTheFiguresThatBrokeIt) {
  auto old = screen_solutions(typical(), kOld, kRules, "2024-06-27");
  const auto& dro = find(old, Solution::debt_relief_order);
  EXPECT_FALSE(dro.available);
  ASSERT_EQ(dro.barriers.size(), 1u);
  EXPECT_EQ(dro.barriers[0].rule, "debts_over_limit");
  EXPECT_EQ(dro.barriers[0].actual, Money::pounds(40000));
  EXPECT_EQ(dro.barriers[0].limit, Money::pounds(30000));
  EXPECT_NE(dro.barriers[0].detail.find("£40,000.00"), std::string::npos) << dro.barriers[0].detail;
  EXPECT_TRUE(find(screen_solutions(typical(), kNew, kRules, "2024-06-28"), Solution::debt_relief_order).available);

  auto f = typical();
  f.vehicle_value = Money::pounds(3000);  // under the new £4,000 disregard, over the old £2,000
  EXPECT_TRUE(find(screen_solutions(f, kNew, kRules, "2025-01-01"), Solution::debt_relief_order).available);
  f.total_debt = Money::pounds(20000);
  auto with_car = find(screen_solutions(f, kOld, kRules, "2024-01-01"), Solution::debt_relief_order);
  ASSERT_EQ(with_car.barriers.size(), 1u);
  EXPECT_EQ(with_car.barriers[0].rule, "assets_over_limit");
  EXPECT_EQ(with_car.barriers[0].actual, Money::pounds(3000));
}

TEST(Screening, SurplusDecidesPlansTokensAndWriteOffs) {
  auto f = typical();
  f.monthly_surplus = Money::pounds(250);
  auto s = screen_solutions(f, kNew, kRules, "2025-01-01");
  EXPECT_TRUE(find(s, Solution::debt_management_plan).available);
  EXPECT_TRUE(find(s, Solution::individual_voluntary_arrangement).available);
  EXPECT_FALSE(find(s, Solution::token_payments).available);
  EXPECT_FALSE(find(s, Solution::write_off_request).available);
  EXPECT_EQ(find(s, Solution::debt_relief_order).barriers[0].rule, "surplus_over_limit");

  f.monthly_surplus = Money::pounds(-20);
  s = screen_solutions(f, kNew, kRules, "2025-01-01");
  EXPECT_FALSE(find(s, Solution::debt_management_plan).available);
  EXPECT_EQ(find(s, Solution::individual_voluntary_arrangement).barriers[0].rule, "surplus_too_low");
  EXPECT_TRUE(find(s, Solution::token_payments).available);
  EXPECT_TRUE(find(s, Solution::write_off_request).available);

  f.monthly_surplus.reset();  // no budget yet
  s = screen_solutions(f, kNew, kRules, "2025-01-01");
  for (auto which : {Solution::debt_relief_order, Solution::debt_management_plan, Solution::token_payments})
    EXPECT_EQ(find(s, which).barriers[0].rule, "no_budget") << to_string(which);
  EXPECT_TRUE(find(s, Solution::bankruptcy).available);
}

TEST(Screening, BreathingSpaceOncePerYearAndCrisisOnlyInTreatment) {
  auto f = typical();
  auto s = screen_solutions(f, kNew, kRules, "2025-01-01");
  EXPECT_TRUE(find(s, Solution::breathing_space).available);
  EXPECT_FALSE(find(s, Solution::mental_health_crisis_breathing_space).available);
  f.breathing_space_in_last_year = true;
  f.mental_health_crisis = true;
  s = screen_solutions(f, kNew, kRules, "2025-01-01");
  EXPECT_EQ(find(s, Solution::breathing_space).barriers[0].rule, "breathing_space_in_last_year");
  EXPECT_TRUE(find(s, Solution::mental_health_crisis_breathing_space).available);
}

TEST(Screening, HomeownersKeepBankruptcyWithACautionButLoseTheDro) {
  auto f = typical();
  f.homeowner = true;
  auto s = screen_solutions(f, kNew, kRules, "2025-01-01");
  EXPECT_EQ(find(s, Solution::debt_relief_order).barriers.back().rule, "homeowner");
  const auto& bankruptcy = find(s, Solution::bankruptcy);
  EXPECT_TRUE(bankruptcy.available);
  bool warned = false;
  for (const auto& c : bankruptcy.cautions) warned = warned || c.find("home") != std::string::npos;
  EXPECT_TRUE(warned);
  EXPECT_NE(bankruptcy.cautions[0].find("£680.00"), std::string::npos);
}

TEST(Screening, RulesInForceOnADate) {
  std::vector<SolutionRules> history{kRules, SolutionRules{"2026-04-06", Money::pounds(700), {}, {}, {}, 60, 12, true}};
  EXPECT_EQ(solution_rules_on(history, "2026-04-05")->bankruptcy_fee, Money::pounds(680));
  EXPECT_EQ(solution_rules_on(history, "2026-04-06")->bankruptcy_fee, Money::pounds(700));
  EXPECT_FALSE(solution_rules_on(history, "2020-01-01"));
}

}  // namespace
}  // namespace cma::domain
