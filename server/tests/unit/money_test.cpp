// Money, monthly normalisation and pro-rata offers, with the worked examples of UK debt advice.
#include "domain/money/money.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "domain/budget/frequency.hpp"
#include "domain/offers/pro_rata.hpp"

namespace cma::domain {

TEST(Money, FormatsAsPoundsWithThousandsAndTwoDecimals) {
  EXPECT_EQ(format_gbp(Money::pence(0)),
            "\xC2\xA3"
            "0.00");
  EXPECT_EQ(format_gbp(Money::pence(5)),
            "\xC2\xA3"
            "0.05");
  EXPECT_EQ(format_gbp(Money::pence(123456)),
            "\xC2\xA3"
            "1,234.56");
  EXPECT_EQ(format_gbp(Money::pence(100000000)),
            "\xC2\xA3"
            "1,000,000.00");
  EXPECT_EQ(format_gbp(Money::pence(-99)),
            "-\xC2\xA3"
            "0.99");
  EXPECT_EQ(format_gbp(Money::pence(std::numeric_limits<std::int64_t>::min())),
            "-\xC2\xA3"
            "92,233,720,368,547,758.08");
}

TEST(Money, ParsesPoundsAndPenceExactlyAndRefusesTheRest) {
  EXPECT_EQ(parse_gbp("1,234.56"), Money::pence(123456));
  EXPECT_EQ(parse_gbp("\xC2\xA3"
                      "12"),
            Money::pence(1200));
  EXPECT_EQ(parse_gbp("0.5"), Money::pence(50));
  EXPECT_EQ(parse_gbp("1234567.89"), Money::pence(123456789));
  EXPECT_EQ(parse_gbp("10,000,000,000"), kMaxAmount);
  for (const char* bad : {"", "\xC2\xA3", "1,23", "12.345", "-1", "+1", "abc", "1e3", "1.", ".5", ",100", "1,0000",
                          "10,000,000,000.01", "99999999999999999999"})
    EXPECT_FALSE(parse_gbp(bad)) << bad;
}

TEST(Money, CheckedArithmeticReportsOverflowInsteadOfWrapping) {
  auto max = Money::pence(std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(checked_add(max, Money::pence(1)));
  EXPECT_FALSE(checked_sub(Money::pence(std::numeric_limits<std::int64_t>::min()), Money::pence(1)));
  EXPECT_FALSE(checked_mul(max, 2));
  EXPECT_EQ(checked_add(Money::pence(150), Money::pence(250)), Money::pence(400));
  EXPECT_EQ(checked_mul(Money::pence(-3), 4), Money::pence(-12));
  EXPECT_TRUE(is_acceptable_amount(kMaxAmount));
  EXPECT_FALSE(is_acceptable_amount(Money::pence(kMaxAmount.in_pence() + 1)));
  EXPECT_FALSE(is_acceptable_amount(Money::pence(-1)));
}

TEST(Frequency, MonthlyEquivalentsFollowTheStandardFactorsRoundedOncePerItem) {
  auto hundred = Money::pounds(100);
  EXPECT_EQ(monthly_equivalent(hundred, Frequency::weekly), Money::pence(43333));       // 433.333…
  EXPECT_EQ(monthly_equivalent(hundred, Frequency::fortnightly), Money::pence(21667));  // 216.666…
  EXPECT_EQ(monthly_equivalent(hundred, Frequency::four_weekly), Money::pence(10833));  // 108.333…
  EXPECT_EQ(monthly_equivalent(hundred, Frequency::monthly), hundred);
  EXPECT_EQ(monthly_equivalent(hundred, Frequency::quarterly), Money::pence(3333));  // 33.333…
  EXPECT_EQ(monthly_equivalent(Money::pounds(1200), Frequency::annual), Money::pounds(100));
  // Exact halves go away from zero.
  EXPECT_EQ(monthly_equivalent(Money::pence(18), Frequency::annual), Money::pence(2));  // 1.5
  EXPECT_EQ(monthly_equivalent(Money::pence(30), Frequency::annual), Money::pence(3));  // 2.5
  EXPECT_EQ(monthly_equivalent(Money::pence(6), Frequency::annual), Money::pence(1));   // 0.5
  EXPECT_EQ(monthly_equivalent(Money::pence(5), Frequency::annual), Money::pence(0));   // 0.41…
  // The largest accepted amount does not overflow.
  EXPECT_EQ(monthly_equivalent(kMaxAmount, Frequency::weekly).in_pence(), 4333333333333);  // £43.3 billion
  EXPECT_EQ(scale_rounded(-18, 1, 12), -2);
}

TEST(Frequency, NamesRoundTrip) {
  for (auto f : {Frequency::weekly, Frequency::fortnightly, Frequency::four_weekly, Frequency::monthly,
                 Frequency::quarterly, Frequency::annual})
    EXPECT_EQ(parse_frequency(to_string(f)), f);
  EXPECT_FALSE(parse_frequency("daily"));
}

namespace {
std::int64_t total(const std::vector<Offer>& offers) {
  std::int64_t sum = 0;
  for (const auto& o : offers) sum += o.monthly.in_pence();
  return sum;
}
}  // namespace

TEST(ProRata, SharesTheSurplusByBalance) {
  auto offers = pro_rata_offers(Money::pounds(150), {{"a", Money::pounds(5000), "2024-01-01T00:00:00Z"},
                                                     {"b", Money::pounds(3000), "2024-01-01T00:00:00Z"},
                                                     {"c", Money::pounds(2000), "2024-01-01T00:00:00Z"}});
  ASSERT_EQ(offers.size(), 3u);
  EXPECT_EQ(offers[0].monthly, Money::pounds(75));
  EXPECT_EQ(offers[1].monthly, Money::pounds(45));
  EXPECT_EQ(offers[2].monthly, Money::pounds(30));
  EXPECT_FALSE(offers[0].token);
}

TEST(ProRata, TheLeftoverPennyGoesToTheLargestThenOldestDebtAndTheTotalIsExact) {
  auto offers = pro_rata_offers(Money::pounds(100), {{"newer", Money::pounds(1000), "2025-03-01T00:00:00Z"},
                                                     {"oldest", Money::pounds(1000), "2023-06-01T00:00:00Z"},
                                                     {"older", Money::pounds(1000), "2024-02-01T00:00:00Z"}});
  EXPECT_EQ(offers[0].monthly, Money::pence(3333));
  EXPECT_EQ(offers[1].monthly, Money::pence(3334));
  EXPECT_EQ(offers[2].monthly, Money::pence(3333));
  EXPECT_EQ(total(offers), 10000);
  // A larger balance takes a leftover penny before an older one.
  auto uneven = pro_rata_offers(Money::pence(100), {{"old", Money::pence(100), "2020-01-01T00:00:00Z"},
                                                    {"big", Money::pence(200), "2025-01-01T00:00:00Z"}});
  EXPECT_EQ(uneven[0].monthly, Money::pence(33));
  EXPECT_EQ(uneven[1].monthly, Money::pence(67));
}

TEST(ProRata, TheSharesNeverAddUpToMoreThanIsAvailable) {
  std::vector<OfferDebt> debts;
  for (int i = 1; i <= 7; ++i) {
    std::string id(1, 'd');
    id.append(std::to_string(i));
    debts.push_back({id, Money::pence(i * 9973), "2024-01-01T00:00:00Z"});
  }
  for (std::int64_t available : {1, 2, 6, 7, 99, 1000, 12345, 99999}) {
    auto offers = pro_rata_offers(Money::pence(available), debts);
    EXPECT_EQ(total(offers), available) << available;
  }
}

TEST(ProRata, NothingAvailableMeansATokenPaymentToEachCreditor) {
  auto offers = pro_rata_offers(Money::pence(0), {{"a", Money::pounds(500), ""}, {"b", Money::pounds(20), ""}});
  ASSERT_EQ(offers.size(), 2u);
  for (const auto& o : offers) {
    EXPECT_TRUE(o.token);
    EXPECT_EQ(o.monthly, Money::pounds(1));
  }
}

}  // namespace cma::domain
