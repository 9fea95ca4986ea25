#include "domain/clients/client_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace cma::domain {

namespace {
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
std::string squeeze_upper(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out.push_back(upper(c));
  return out;
}
std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
}  // namespace

std::optional<std::string> normalize_ni_number(std::string_view text) {
  std::string s = squeeze_upper(text);
  if (s.size() != 9) return std::nullopt;
  if (!is_upper(s[0]) || !is_upper(s[1])) return std::nullopt;
  for (int i = 2; i < 8; ++i)
    if (!is_digit(s[static_cast<std::size_t>(i)])) return std::nullopt;
  if (s[8] < 'A' || s[8] > 'D') return std::nullopt;
  if (std::string_view("DFIQUV").find(s[0]) != std::string_view::npos) return std::nullopt;
  if (std::string_view("DFIOQUV").find(s[1]) != std::string_view::npos) return std::nullopt;
  static constexpr std::array<std::string_view, 7> kExcluded = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  std::string_view prefix(s.data(), 2);
  if (std::find(kExcluded.begin(), kExcluded.end(), prefix) != kExcluded.end()) return std::nullopt;
  return s;
}

std::optional<std::string> normalize_postcode(std::string_view text) {
  std::string s = squeeze_upper(text);
  if (s.size() < 5 || s.size() > 7) return std::nullopt;
  std::string_view inward(s.data() + s.size() - 3, 3);
  std::string_view outward(s.data(), s.size() - 3);
  if (!is_digit(inward[0]) || !is_upper(inward[1]) || !is_upper(inward[2])) return std::nullopt;
  // Outward: a letter, then letters and digits, with at least one digit (A9, A99, AA9, AA99, A9A, AA9A).
  if (!is_upper(outward[0])) return std::nullopt;
  bool has_digit = false;
  for (char c : outward.substr(1)) {
    if (is_digit(c))
      has_digit = true;
    else if (!is_upper(c))
      return std::nullopt;
  }
  if (!has_digit) return std::nullopt;
  return std::string(outward) + " " + std::string(inward);
}

bool is_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!is_digit(t[i])) return false;
  int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  int m = (t[5] - '0') * 10 + (t[6] - '0');
  int d = (t[8] - '0') * 10 + (t[9] - '0');
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[static_cast<std::size_t>(m - 1)];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) days = 29;
  return d <= days;
}

bool is_phone(std::string_view text) {
  int digits = 0;
  for (char c : text) {
    if (is_digit(c))
      ++digits;
    else if (std::string_view(" +()-").find(c) == std::string_view::npos)
      return false;
  }
  return digits >= 7 && digits <= 15;
}

const std::vector<std::string_view>& marital_statuses() {
  static const std::vector<std::string_view> v = {"single",    "married",  "civil_partnership", "cohabiting",
                                                  "separated", "divorced", "widowed",           "other"};
  return v;
}
const std::vector<std::string_view>& employment_statuses() {
  static const std::vector<std::string_view> v = {"employed", "self_employed", "unemployed",     "retired",
                                                  "student",  "carer",         "unable_to_work", "other"};
  return v;
}
const std::vector<std::string_view>& housing_tenures() {
  static const std::vector<std::string_view> v = {"owner",       "mortgage",           "private_rent",
                                                  "social_rent", "living_with_family", "other"};
  return v;
}
const std::vector<std::string_view>& contact_methods() {
  static const std::vector<std::string_view> v = {"phone", "mobile", "email", "letter", "text", "in_person"};
  return v;
}
const std::vector<std::string_view>& vulnerability_flags() {
  static const std::vector<std::string_view> v = {"mental_health",
                                                  "physical_health",
                                                  "learning_difficulty",
                                                  "low_literacy",
                                                  "limited_english",
                                                  "bereavement",
                                                  "domestic_abuse",
                                                  "addiction",
                                                  "carer",
                                                  "recent_job_loss",
                                                  "serious_illness",
                                                  "care_leaver",
                                                  "other"};
  return v;
}

bool is_one_of(const std::vector<std::string_view>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string one_of_message(const std::vector<std::string_view>& list) {
  std::string out = "must be one of ";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ", ";
    out += list[i];
  }
  return out;
}

bool is_homeowner(std::string_view tenure) {
  return tenure == "owner" || tenure == "mortgage";
}

namespace {
std::string padded(long long n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%05lld", n);
  return buf;
}
}  // namespace

std::string client_reference(std::string_view centre_code, long long number) {
  std::string out(centre_code);
  out.append("-C-");
  out.append(padded(number));
  return out;
}

std::string case_reference(std::string_view centre_code, int year, long long number) {
  std::string out(centre_code);
  out.append("-");
  out.append(std::to_string(year));
  out.append("-");
  out.append(padded(number));
  return out;
}

std::string client_search_text(std::string_view first_name, std::string_view last_name, std::string_view reference,
                               std::string_view postcode) {
  std::string out;
  for (std::string_view part : {first_name, std::string_view(" "), last_name, std::string_view(" | "), reference,
                                std::string_view(" | "), postcode, std::string_view(" ")})
    out.append(lower(part));
  out.append(lower(squeeze_upper(postcode)));
  return out;
}

std::string client_sort_name(std::string_view first_name, std::string_view last_name) {
  std::string out = lower(last_name);
  out.append(", ");
  out.append(lower(first_name));
  return out;
}

}  // namespace cma::domain
