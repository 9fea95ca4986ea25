#include "domain/money/money.hpp"

#include <cstdlib>

namespace cma::domain {

std::optional<Money> checked_add(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a.in_pence(), b.in_pence(), &out)) return std::nullopt;
  return Money::pence(out);
}

std::optional<Money> checked_sub(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a.in_pence(), b.in_pence(), &out)) return std::nullopt;
  return Money::pence(out);
}

std::optional<Money> checked_mul(Money a, std::int64_t factor) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a.in_pence(), factor, &out)) return std::nullopt;
  return Money::pence(out);
}

bool is_acceptable_amount(Money m) {
  return !m.is_negative() && m <= kMaxAmount;
}

std::string format_gbp(Money m) {
  // The magnitude as unsigned, so that the most negative value formats too.
  std::uint64_t p =
      m.is_negative() ? 0 - static_cast<std::uint64_t>(m.in_pence()) : static_cast<std::uint64_t>(m.in_pence());
  std::string whole = std::to_string(p / 100);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  unsigned cents = static_cast<unsigned>(p % 100);
  std::string out = m.is_negative() ? "-\xC2\xA3" : "\xC2\xA3";  // £ in UTF-8
  out += grouped;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

std::optional<Money> parse_gbp(std::string_view text) {
  constexpr std::string_view pound = "\xC2\xA3";
  if (text.substr(0, pound.size()) == pound) text.remove_prefix(pound.size());
  if (text.empty()) return std::nullopt;
  std::int64_t whole = 0;
  int digits = 0, since_comma = -1;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (c == ',') {
      if (digits == 0 || (since_comma != -1 && since_comma != 3)) return std::nullopt;
      since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (whole > kMaxAmount.in_pence() / 100) return std::nullopt;
    whole = whole * 10 + (c - '0');
    ++digits;
    if (since_comma != -1) ++since_comma;
  }
  if (digits == 0 || (since_comma != -1 && since_comma != 3)) return std::nullopt;
  std::int64_t fraction = 0;
  if (i < text.size()) {  // text[i] == '.'
    auto decimals = text.substr(i + 1);
    if (decimals.empty() || decimals.size() > 2) return std::nullopt;
    for (char c : decimals) {
      if (c < '0' || c > '9') return std::nullopt;
      fraction = fraction * 10 + (c - '0');
    }
    if (decimals.size() == 1) fraction *= 10;
  }
  auto total = Money::pence(whole * 100 + fraction);
  if (!is_acceptable_amount(total)) return std::nullopt;
  return total;
}

}  // namespace cma::domain
