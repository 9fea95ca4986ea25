#pragma once
// How often an income or expenditure item is paid, and its monthly equivalent as UK debt advice
// computes it (weekly × 52 ÷ 12, fortnightly × 26 ÷ 12, four-weekly × 13 ÷ 12, quarterly × 4 ÷ 12,
// annual ÷ 12), in pence, rounded once per item, half away from zero.
#include <optional>
#include <string_view>

#include "domain/money/money.hpp"

namespace cma::domain {

enum class Frequency { weekly, fortnightly, four_weekly, monthly, quarterly, annual };

std::string_view to_string(Frequency f);
std::optional<Frequency> parse_frequency(std::string_view s);

// The monthly equivalent of `amount` paid at `f`. `amount` must be an acceptable amount
// (is_acceptable_amount), so the result always fits.
Money monthly_equivalent(Money amount, Frequency f);

// a × numerator ÷ denominator in pence, rounded half away from zero (denominator > 0).
std::int64_t scale_rounded(std::int64_t a, std::int64_t numerator, std::int64_t denominator);

}  // namespace cma::domain
