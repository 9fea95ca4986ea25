#pragma once
// Money is a whole number of pence, never a floating-point value. Arithmetic is checked: an amount
// outside what the system accepts is refused where it enters (kMaxAmount), and the checked
// operations below report overflow instead of wrapping.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cma::domain {

// 128-bit intermediates for products of amounts (a share of a surplus, a scaled frequency), which
// can exceed 64 bits before they are divided back down.
__extension__ typedef __int128 WidePence;

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money pence(std::int64_t p) { return Money(p); }
  static constexpr Money pounds(std::int64_t whole) { return Money(whole * 100); }

  constexpr std::int64_t in_pence() const { return pence_; }
  constexpr bool is_negative() const { return pence_ < 0; }
  constexpr bool is_zero() const { return pence_ == 0; }

  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t p) : pence_(p) {}
  std::int64_t pence_ = 0;
};

// The largest single amount the system takes in (£10 billion): far above any household's figures,
// and small enough that sums of many such amounts stay far from overflow.
inline constexpr Money kMaxAmount = Money::pounds(10'000'000'000);

// nullopt when the result does not fit in 64 bits.
std::optional<Money> checked_add(Money a, Money b);
std::optional<Money> checked_sub(Money a, Money b);
std::optional<Money> checked_mul(Money a, std::int64_t factor);

// Whether `m` is within what the system accepts as one entered amount: 0 to kMaxAmount.
bool is_acceptable_amount(Money m);

// £1,234.56 (and -£1,234.56), for letters and screens: the edges only.
std::string format_gbp(Money m);

// Parses "1234.56", "1,234.56", "£1,234.56", "12" or "0.5" into pence; nullopt for anything else
// (more than two decimals, signs, letters, values beyond kMaxAmount).
std::optional<Money> parse_gbp(std::string_view text);

}  // namespace cma::domain
