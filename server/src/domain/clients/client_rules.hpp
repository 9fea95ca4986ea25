#pragma once
// What a client record may hold (RULES.md "Client record"): the checks on its fields, the closed
// lists its choice fields take values from, and the per-centre references clients and cases get.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cma::domain {

// A National Insurance number: two prefix letters, six digits and a suffix A–D (e.g. AB123456C),
// spaces ignored, upper-cased. Refused: first letters D, F, I, Q, U, V; second letters D, F, I, O,
// Q, U, V; the prefixes HMRC never allocates (BG, GB, KN, NK, NT, TN, ZZ). Returns the normalised
// number, or nullopt.
std::optional<std::string> normalize_ni_number(std::string_view text);

// A UK postcode (outward code of 2–4 characters, inward code digit-letter-letter), normalised to
// upper case with one space before the inward code; nullopt when the shape is wrong.
std::optional<std::string> normalize_postcode(std::string_view text);

// A calendar date written YYYY-MM-DD (proleptic Gregorian, years 1900–2999).
bool is_date(std::string_view text);

// A phone number as people write them: digits, spaces, +, (, ), - ; 7 to 15 digits.
bool is_phone(std::string_view text);

// The closed lists, as the API spells them.
const std::vector<std::string_view>& marital_statuses();
const std::vector<std::string_view>& employment_statuses();
const std::vector<std::string_view>& housing_tenures();
const std::vector<std::string_view>& contact_methods();
const std::vector<std::string_view>& vulnerability_flags();
bool is_one_of(const std::vector<std::string_view>& list, std::string_view value);
// "one of a, b, c" for error messages.
std::string one_of_message(const std::vector<std::string_view>& list);

// Whether a tenure means the client owns their home (outright or with a mortgage).
bool is_homeowner(std::string_view housing_tenure);

// The per-centre references: clients "MAN-C-00042", cases "MAN-2026-00042" (the number restarts
// each year). Numbers have at least five digits and grow beyond that when they must.
std::string client_reference(std::string_view centre_code, long long number);
std::string case_reference(std::string_view centre_code, int year, long long number);

// The lower-case text a list search matches: names, reference and postcode.
std::string client_search_text(std::string_view first_name, std::string_view last_name, std::string_view reference,
                               std::string_view postcode);
// The key clients are listed by: last name, then first name, lower-case.
std::string client_sort_name(std::string_view first_name, std::string_view last_name);

}  // namespace cma::domain
