#include "domain/budget/frequency.hpp"

#include <cassert>

namespace cma::domain {

std::string_view to_string(Frequency f) {
  switch (f) {
    case Frequency::weekly:
      return "weekly";
    case Frequency::fortnightly:
      return "fortnightly";
    case Frequency::four_weekly:
      return "four_weekly";
    case Frequency::monthly:
      return "monthly";
    case Frequency::quarterly:
      return "quarterly";
    case Frequency::annual:
      return "annual";
  }
  return "monthly";
}

std::optional<Frequency> parse_frequency(std::string_view s) {
  for (auto f : {Frequency::weekly, Frequency::fortnightly, Frequency::four_weekly, Frequency::monthly,
                 Frequency::quarterly, Frequency::annual})
    if (to_string(f) == s) return f;
  return std::nullopt;
}

std::int64_t scale_rounded(std::int64_t a, std::int64_t numerator, std::int64_t denominator) {
  assert(denominator > 0);
  WidePence product = static_cast<WidePence>(a) * numerator;
  WidePence magnitude = product < 0 ? -product : product;
  WidePence q = (magnitude + denominator / 2) / denominator;  // half away from zero
  return static_cast<std::int64_t>(product < 0 ? -q : q);
}

Money monthly_equivalent(Money amount, Frequency f) {
  assert(is_acceptable_amount(amount));
  std::int64_t p = amount.in_pence();
  switch (f) {
    case Frequency::weekly:
      return Money::pence(scale_rounded(p, 52, 12));
    case Frequency::fortnightly:
      return Money::pence(scale_rounded(p, 26, 12));
    case Frequency::four_weekly:
      return Money::pence(scale_rounded(p, 13, 12));
    case Frequency::monthly:
      return amount;
    case Frequency::quarterly:
      return Money::pence(scale_rounded(p, 4, 12));
    case Frequency::annual:
      return Money::pence(scale_rounded(p, 1, 12));
  }
  return amount;
}

}  // namespace cma::domain
