#pragma once
// Validation rules for identities and centres. Each check returns an error message, or nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cma::domain {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;

// Lower-cases and trims an e-mail address; addresses compare in this form.
std::string normalize_email(std::string_view email);

std::optional<std::string> check_email(std::string_view normalized_email);
std::optional<std::string> check_password(std::string_view password);
// A required human-readable text (a name, a title): trimmed length 1..max, no control characters.
std::optional<std::string> check_text(std::string_view text, std::size_t max_length, bool required = true);
// Free text over several lines (a summary, a reason): like check_text, but line breaks and tabs
// are allowed.
std::optional<std::string> check_multiline_text(std::string_view text, std::size_t max_length, bool required = true);
// Centre codes are short upper-case tags used in case references (e.g. "MAN").
std::optional<std::string> check_centre_code(std::string_view code);

std::string trim(std::string_view s);

// Comma-separated lists of words or whole numbers, as short list fields are stored and audited.
std::string join_list(const std::vector<std::string>& items);
std::string join_list(const std::vector<int>& items);
std::vector<std::string> split_list(const std::string& text);

// "name[i]", the field name of an array element in error messages.
std::string indexed(std::string_view name, std::size_t i);

}  // namespace cma::domain
