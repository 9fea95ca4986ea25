#include "domain/identity/validation.hpp"

#include <algorithm>
#include <cctype>

namespace cma::domain {

std::string trim(std::string_view s) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string normalize_email(std::string_view email) {
  std::string out = trim(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

namespace {
bool has_control_chars(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}
}  // namespace

std::optional<std::string> check_email(std::string_view email) {
  if (email.empty()) return "is required";
  if (email.size() > 254) return "must be at most 254 characters";
  if (has_control_chars(email) || email.find(' ') != std::string_view::npos) return "must not contain spaces";
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return "must be an e-mail address like name@example.org";
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.')
    return "must be an e-mail address like name@example.org";
  return std::nullopt;
}

std::optional<std::string> check_password(std::string_view password) {
  // Length counts characters, not bytes, so non-ASCII passphrases are measured fairly.
  std::size_t chars = 0;
  for (char c : password)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  if (chars < kMinPasswordLength) return "must be at least 12 characters";
  if (password.size() > kMaxPasswordLength) return "must be at most 256 bytes";
  if (password.find('\0') != std::string_view::npos) return "must not contain NUL characters";
  return std::nullopt;
}

std::optional<std::string> check_text(std::string_view text, std::size_t max_length, bool required) {
  std::string t = trim(text);
  if (t.empty()) return required ? std::optional<std::string>("is required") : std::nullopt;
  if (t.size() > max_length) return "must be at most " + std::to_string(max_length) + " characters";
  if (has_control_chars(t)) return "must not contain control characters";
  return std::nullopt;
}

std::optional<std::string> check_multiline_text(std::string_view text, std::size_t max_length, bool required) {
  std::string t = trim(text);
  if (t.empty()) return required ? std::optional<std::string>("is required") : std::nullopt;
  if (t.size() > max_length) return "must be at most " + std::to_string(max_length) + " characters";
  for (unsigned char c : t)
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) return "must not contain control characters";
  return std::nullopt;
}

std::optional<std::string> check_centre_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 10) return "must be 2 to 10 characters";
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return "must contain only upper-case letters A-Z and digits";
  return std::nullopt;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.push_back(',');
    out.append(item);
  }
  return out;
}

std::string join_list(const std::vector<int>& items) {
  std::string out;
  for (int item : items) {
    if (!out.empty()) out.push_back(',');
    out.append(std::to_string(item));
  }
  return out;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string indexed(std::string_view name, std::size_t i) {
  std::string out(name);
  out.push_back('[');
  out.append(std::to_string(i));
  out.push_back(']');
  return out;
}

}  // namespace cma::domain
