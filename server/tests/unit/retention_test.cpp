// Retention's rule at its edges: six years after the London date a case closed, a 29 February
// closing, late-evening closings in summer, and clients with several cases.
#include <gtest/gtest.h>

#include "domain/retention/retention_rules.hpp"

namespace cma::domain {

namespace {
std::int64_t ret_utc(const char* text) {
  return *parse_utc(text);
}
CivilDate ret_day(const char* text) {
  return *parse_date(text);
}
RetainedCase ret_closed(const char* at) {
  return RetainedCase{true, ret_utc(at)};
}
}  // namespace

TEST(Retention, ACaseGoesTheDayAfterItsSixthAnniversary) {
  auto c = ret_closed("2020-03-10T12:00:00.000000Z");
  EXPECT_FALSE(case_past_retention(c, ret_day("2026-03-09")));
  EXPECT_FALSE(case_past_retention(c, ret_day("2026-03-10"))) << "exactly six years is not more than six";
  EXPECT_TRUE(case_past_retention(c, ret_day("2026-03-11")));
  EXPECT_TRUE(case_past_retention(c, ret_day("2030-01-01")));
  EXPECT_EQ(retention_ends(ret_day("2020-03-10")), ret_day("2026-03-11"));
}

TEST(Retention, TheClosingDayIsLondonsNotUtcs) {
  // 23:30 UTC on 30 June 2020 is 00:30 on 1 July in London (BST): closed on 1 July.
  auto c = ret_closed("2020-06-30T23:30:00.000000Z");
  EXPECT_FALSE(case_past_retention(c, ret_day("2026-07-01")));
  EXPECT_TRUE(case_past_retention(c, ret_day("2026-07-02")));
  // In winter London is UTC.
  auto w = ret_closed("2020-12-31T23:30:00.000000Z");
  EXPECT_FALSE(case_past_retention(w, ret_day("2026-12-31")));
  EXPECT_TRUE(case_past_retention(w, ret_day("2027-01-01")));
}

TEST(Retention, A29FebruaryClosingGoesOn1MarchOfACommonYear) {
  EXPECT_EQ(retention_ends(ret_day("2020-02-29")), ret_day("2026-03-01"));
  auto c = ret_closed("2020-02-29T10:00:00.000000Z");
  EXPECT_FALSE(case_past_retention(c, ret_day("2026-02-28")));
  EXPECT_TRUE(case_past_retention(c, ret_day("2026-03-01")));
  // Closed on 28 February, six years later is a leap year: gone on its 29 February.
  EXPECT_EQ(retention_ends(ret_day("2022-02-28")), ret_day("2028-02-29"));
}

TEST(Retention, OpenOrUndatedCasesAreNeverPastRetention) {
  EXPECT_FALSE(case_past_retention(RetainedCase{false, ret_utc("2000-01-01T00:00:00.000000Z")}, ret_day("2026-12-01")));
  EXPECT_FALSE(case_past_retention(RetainedCase{true, std::nullopt}, ret_day("2026-12-01")));
  EXPECT_FALSE(case_past_retention(RetainedCase{false, std::nullopt}, ret_day("2026-12-01")));
}

TEST(Retention, AClientGoesOnlyWhenEveryCaseHas) {
  auto today = ret_day("2026-12-01");
  auto old1 = ret_closed("2019-01-01T10:00:00.000000Z");
  auto old2 = ret_closed("2020-11-30T10:00:00.000000Z");
  auto five_years = ret_closed("2021-12-01T10:00:00.000000Z");
  RetainedCase open{false, std::nullopt};
  EXPECT_TRUE(client_past_retention({old1}, today));
  EXPECT_TRUE(client_past_retention({old1, old2}, today));
  EXPECT_FALSE(client_past_retention({old1, five_years}, today));
  EXPECT_FALSE(client_past_retention({old1, open}, today));
  EXPECT_FALSE(client_past_retention({}, today)) << "no case, nothing to count six years from";
  EXPECT_FALSE(client_past_retention({ret_closed("2020-12-01T10:00:00.000000Z")}, today)) << "exactly six years";
}

}  // namespace cma::domain
