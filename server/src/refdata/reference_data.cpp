#include "refdata/reference_data.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iomanip>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/money/money.hpp"
#include "refdata/embedded.hpp"

namespace cma::refdata {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// One file to load: its name, where it came from (for messages) and its text.
struct SourceFile {
  std::string name;
  std::string origin;  // "built in", or the path of the replacement
  std::string text;
};

std::string in_quotes(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string entry(std::string_view list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

[[noreturn]] void fail(const SourceFile& f, const std::string& where, const std::string& what) {
  std::string message = "reference data " + f.name + " (" + f.origin + ")";
  if (!where.empty()) message += ": " + where;
  throw std::runtime_error(message + ": " + what);
}

// A first pass over the text with Boost.JSON's event parser: boost::json::parse silently keeps the
// last of two equal keys in an object, and does not say where a syntax error is.
class KeyChecker {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t, json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    keys_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, json::error_code&) {
    keys_.pop_back();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    key_.append(s.data(), s.size());
    if (!keys_.back().insert(key_).second) {
      duplicate_ = key_;
      ec = json::make_error_code(json::error::syntax);
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, json::error_code&) { return true; }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return true; }
  bool on_double(double, json::string_view, json::error_code&) { return true; }
  bool on_bool(bool, json::error_code&) { return true; }
  bool on_null(json::error_code&) { return true; }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

  const std::optional<std::string>& duplicate() const { return duplicate_; }

 private:
  std::vector<std::set<std::string>> keys_;  // the keys seen so far in each open object
  std::string key_;
  std::optional<std::string> duplicate_;
};

json::value parse_json(const SourceFile& f) {
  std::string_view text = f.text;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark left by an editor
  json::basic_parser<KeyChecker> checker{json::parse_options{}};
  json::error_code ec;
  std::size_t parsed = checker.write_some(false, text.data(), text.size(), ec);
  auto line =
      "line " + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(parsed), '\n'));
  if (ec) {
    if (const auto& key = checker.handler().duplicate()) fail(f, line, "duplicate key " + in_quotes(*key));
    fail(f, line, "not valid JSON: " + ec.message());
  }
  json::value doc = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec == json::error::extra_data) fail(f, line, "not valid JSON: more text after the end of the document");
  if (ec) fail(f, "", "not valid JSON: " + ec.message());
  return doc;
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  for (std::size_t i = 0, part = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) {
      ++part;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    parts[part] = parts[part] * 10 + (s[i] - '0');
  }
  std::chrono::year_month_day ymd{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  return parts[0] >= 1900 && ymd.ok();
}

// One JSON object of a file, read field by field. A key the format does not have is refused, so a
// misspelt key cannot silently leave a field at its default.
class Fields {
 public:
  Fields(const SourceFile& f, std::string where, const json::value& v, std::initializer_list<std::string_view> keys)
      : file_(f), where_(std::move(where)) {
    if (!v.is_object()) fail(file_, where_, "must be a JSON object");
    object_ = &v.get_object();
    for (const auto& kv : *object_) {
      std::string_view key(kv.key().data(), kv.key().size());
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      std::string expected;
      for (auto k : keys) expected += (expected.empty() ? "" : ", ") + std::string(k);
      fail(file_, where_, "unknown key " + in_quotes(key) + " (expected: " + expected + ")");
    }
  }

  // The place of `key` in the file, for messages: "versions[1].rows[3].monthly".
  std::string at(std::string_view key) const {
    return where_.empty() ? std::string(key) : where_ + "." + std::string(key);
  }

  const json::value& required(std::string_view key) const {
    const json::value* v = object_->if_contains(json::string_view(key.data(), key.size()));
    if (!v) fail(file_, where_, "missing " + in_quotes(key));
    return *v;
  }

  std::string text(std::string_view key) const {
    const auto& v = required(key);
    if (!v.is_string() || v.get_string().empty()) fail(file_, at(key), "must be a non-empty string");
    return std::string(v.get_string().data(), v.get_string().size());
  }

  // A note for people ("source"): a string when present, otherwise unused.
  void note(std::string_view key) const {
    if (object_->contains(json::string_view(key.data(), key.size()))) text(key);
  }

  bool flag(std::string_view key, bool fallback) const {
    if (!object_->contains(json::string_view(key.data(), key.size()))) return fallback;
    const auto& v = required(key);
    if (!v.is_bool()) fail(file_, at(key), "must be true or false");
    return v.get_bool();
  }

  std::int64_t whole(std::string_view key, std::int64_t min, std::int64_t max, std::string_view unit = "") const {
    const auto& v = required(key);
    std::string expected = "must be a whole number" + std::string(unit) + " from " + std::to_string(min) + " to " +
                           std::to_string(max) + ", not ";
    if (v.is_double()) {
      std::ostringstream number;
      number << std::setprecision(15) << v.get_double();
      fail(file_, at(key), expected + number.str() + " (write it without a decimal point or exponent)");
    }
    if (v.is_uint64()) fail(file_, at(key), expected + std::to_string(v.get_uint64()));
    if (!v.is_int64()) fail(file_, at(key), expected + json::serialize(v));
    std::int64_t n = v.get_int64();
    if (n < min || n > max) fail(file_, at(key), expected + std::to_string(n));
    return n;
  }

  int small(std::string_view key, int min, int max) const { return static_cast<int>(whole(key, min, max)); }

  domain::Money pence(std::string_view key) const {
    return domain::Money::pence(whole(key, 0, domain::kMaxAmount.in_pence(), " of pence (e.g. 5000 for £50.00)"));
  }

  std::string date(std::string_view key) const {
    auto s = text(key);
    if (!is_date(s)) fail(file_, at(key), in_quotes(s) + " is not a date in the form YYYY-MM-DD");
    return s;
  }

  // A lower-case identifier such as "food_and_housekeeping": stored on budget items, so kept plain.
  std::string identifier(std::string_view key) const {
    auto s = text(key);
    bool ok = s.size() <= 64 && s[0] >= 'a' && s[0] <= 'z' && std::all_of(s.begin(), s.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
              });
    if (!ok)
      fail(file_, at(key),
           in_quotes(s) + " must be lower-case letters, digits and underscores, starting with a letter");
    return s;
  }

  const json::array& list(std::string_view key) const {
    const auto& v = required(key);
    if (!v.is_array() || v.get_array().empty()) fail(file_, at(key), "must be a non-empty array");
    return v.get_array();
  }

 private:
  const SourceFile& file_;
  std::string where_;
  const json::object* object_ = nullptr;
};

// The top level of every file: a "source" note, whether its figures are illustrative (the default
// for its entries), and the list of versions under `list_key`.
struct TopLevel {
  bool illustrative = false;
  const json::array* entries = nullptr;
};

TopLevel read_top_level(const SourceFile& f, const json::value& doc, std::string_view list_key) {
  Fields top(f, "", doc, {"source", "illustrative", list_key});
  top.text("source");
  return {top.flag("illustrative", false), &top.list(list_key)};
}

// An entry parsed from the file with its position there, so that messages written after sorting
// still point at the right place.
template <class T>
struct Numbered {
  T value;
  std::string where;
};

// Two entries of a list may not share `what` (an effective date, a version name).
template <class T, class Key>
void refuse_repeats(const SourceFile& f, const std::vector<Numbered<T>>& items, std::string_view what, Key key) {
  std::map<std::string, const std::string*> first;
  for (const auto& item : items) {
    auto [it, fresh] = first.emplace(key(item.value), &item.where);
    if (!fresh) fail(f, item.where, std::string(what) + " " + in_quotes(it->first) + " is also that of " + *it->second);
  }
}

template <class T>
std::vector<Numbered<T>> sorted_by_date(std::vector<Numbered<T>> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.value.effective_from < b.value.effective_from; });
  return items;
}

template <class T>
std::vector<T> values(std::vector<Numbered<T>> items) {
  std::vector<T> out;
  out.reserve(items.size());
  for (auto& item : items) out.push_back(std::move(item.value));
  return out;
}

std::vector<app::BudgetCategoryList> parse_categories(const SourceFile& f) {
  auto doc = parse_json(f);
  auto top = read_top_level(f, doc, "versions");
  std::vector<Numbered<app::BudgetCategoryList>> versions;
  for (std::size_t i = 0; i < top.entries->size(); ++i) {
    auto where = entry("versions", i);
    Fields v(f, where, (*top.entries)[i], {"version", "effectiveFrom", "source", "categories"});
    app::BudgetCategoryList list{v.text("version"), v.date("effectiveFrom"), {}};
    v.note("source");
    const auto& categories = v.list("categories");
    std::map<std::string, std::string> ids;  // id -> where it was first given
    for (std::size_t j = 0; j < categories.size(); ++j) {
      auto at = where + "." + entry("categories", j);
      Fields c(f, at, categories[j], {"section", "id", "label"});
      auto section_text = c.text("section");
      auto section = domain::parse_budget_section(section_text);
      if (!section)
        fail(f, c.at("section"),
             "unknown section " + in_quotes(section_text) +
                 " (expected income, fixed_costs, flexible_costs, priority_debt_payments or savings)");
      auto id = c.identifier("id");
      auto [first, fresh] = ids.emplace(id, at);
      if (!fresh) fail(f, c.at("id"), "category id " + in_quotes(id) + " is also that of " + first->second);
      list.categories.push_back({*section, std::move(id), c.text("label")});
    }
    versions.push_back({std::move(list), where});
  }
  refuse_repeats(f, versions, "version", [](const auto& l) { return l.version; });
  refuse_repeats(f, versions, "effectiveFrom", [](const auto& l) { return l.effective_from; });
  return values(sorted_by_date(std::move(versions)));
}

// The category lists (sorted by date) in force at some time from `from` until `until` ("" for no
// end); the first list when the period ends before any list took effect.
std::vector<const app::BudgetCategoryList*> lists_in_force(const std::vector<app::BudgetCategoryList>& lists,
                                                           const std::string& from, const std::string& until) {
  std::vector<const app::BudgetCategoryList*> found;
  for (std::size_t j = 0; j < lists.size(); ++j) {
    const auto& starts = lists[j].effective_from;
    const std::string ends = j + 1 < lists.size() ? lists[j + 1].effective_from : "";
    if ((until.empty() || starts < until) && (ends.empty() || ends > from)) found.push_back(&lists[j]);
  }
  if (found.empty() && !lists.empty()) found.push_back(&lists.front());
  return found;
}

std::string describe(const app::BudgetCategoryList& list) {
  return std::string(kBudgetCategoriesFile) + " version " + in_quotes(list.version) + " (from " + list.effective_from +
         ")";
}

// Each table's rows must be for the flexible categories of the category lists in force while the
// table is, cover each of them, and form a full grid of households for each category, so that
// domain::guideline_for finds a row for any household.
void check_against_categories(const SourceFile& f, const std::vector<Numbered<domain::GuidelineTable>>& tables,
                              const std::vector<app::BudgetCategoryList>& lists) {
  for (std::size_t k = 0; k < tables.size(); ++k) {
    const auto& table = tables[k].value;
    const auto& where = tables[k].where;
    auto until = k + 1 < tables.size() ? tables[k + 1].value.effective_from : std::string();
    auto in_force = lists_in_force(lists, table.effective_from, until);

    std::map<std::string, std::set<std::pair<int, int>>> households;  // category -> (adults, children)
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      for (const auto* list : in_force) {
        auto it = std::find_if(list->categories.begin(), list->categories.end(),
                               [&](const app::BudgetCategory& c) { return c.id == row.category; });
        if (it == list->categories.end() || it->section != domain::BudgetSection::flexible_costs)
          fail(f, where + "." + entry("rows", r) + ".category",
               in_quotes(row.category) + " is not a flexible_costs category in " + describe(*list) +
                   ", in force while this table is");
      }
      households[row.category].emplace(row.adults, row.children);
    }
    for (const auto* list : in_force)
      for (const auto& c : list->categories)
        if (c.section == domain::BudgetSection::flexible_costs && !households.contains(c.id))
          fail(f, where, "no rows for the flexible category " + in_quotes(c.id) + " of " + describe(*list));
    for (const auto& [category, seen] : households) {
      int max_adults = 0, max_children = 0;
      for (auto [a, c] : seen) {
        max_adults = std::max(max_adults, a);
        max_children = std::max(max_children, c);
      }
      for (int a = 1; a <= max_adults; ++a)
        for (int c = 0; c <= max_children; ++c)
          if (!seen.contains({a, c}))
            fail(f, where,
                 "no row for " + in_quotes(category) + " with " + std::to_string(a) + " adults and " +
                     std::to_string(c) +
                     " children (a category's rows must cover every household from 1 adult and 0 children up to "
                     "its largest numbers of adults and children)");
    }
  }
}

std::vector<domain::GuidelineTable> parse_guidelines(const SourceFile& f,
                                                     const std::vector<app::BudgetCategoryList>& lists) {
  auto doc = parse_json(f);
  auto top = read_top_level(f, doc, "versions");
  std::vector<Numbered<domain::GuidelineTable>> tables;
  for (std::size_t i = 0; i < top.entries->size(); ++i) {
    auto where = entry("versions", i);
    Fields v(f, where, (*top.entries)[i], {"version", "effectiveFrom", "illustrative", "source", "rows"});
    domain::GuidelineTable table;
    table.version = v.text("version");
    table.effective_from = v.date("effectiveFrom");
    table.illustrative = v.flag("illustrative", top.illustrative);
    v.note("source");
    const auto& rows = v.list("rows");
    std::map<std::tuple<std::string, int, int>, std::string> households;  // -> where first given
    for (std::size_t j = 0; j < rows.size(); ++j) {
      auto at = where + "." + entry("rows", j);
      Fields r(f, at, rows[j], {"category", "adults", "children", "monthly"});
      domain::GuidelineRow row{r.text("category"), r.small("adults", 1, 20), r.small("children", 0, 20),
                               r.pence("monthly")};
      auto [first, fresh] = households.emplace(std::make_tuple(row.category, row.adults, row.children), at);
      if (!fresh)
        fail(f, at,
             "a second row for " + in_quotes(row.category) + " with " + std::to_string(row.adults) + " adults and " +
                 std::to_string(row.children) + " children (the first is " + first->second + ")");
      table.rows.push_back(std::move(row));
    }
    tables.push_back({std::move(table), where});
  }
  refuse_repeats(f, tables, "version", [](const auto& t) { return t.version; });
  refuse_repeats(f, tables, "effectiveFrom", [](const auto& t) { return t.effective_from; });
  auto sorted = sorted_by_date(std::move(tables));
  check_against_categories(f, sorted, lists);
  return values(std::move(sorted));
}

std::vector<domain::DroLimits> parse_dro_limits(const SourceFile& f) {
  auto doc = parse_json(f);
  auto top = read_top_level(f, doc, "history");
  std::vector<Numbered<domain::DroLimits>> rows;
  for (std::size_t i = 0; i < top.entries->size(); ++i) {
    auto where = entry("history", i);
    Fields r(f, where, (*top.entries)[i],
             {"effectiveFrom", "maxQualifyingDebts", "maxMonthlySurplus", "maxAssets", "vehicleDisregard", "source"});
    r.note("source");
    rows.push_back({{r.date("effectiveFrom"), r.pence("maxQualifyingDebts"), r.pence("maxMonthlySurplus"),
                     r.pence("maxAssets"), r.pence("vehicleDisregard")},
                    where});
  }
  refuse_repeats(f, rows, "effectiveFrom", [](const auto& l) { return l.effective_from; });
  return values(sorted_by_date(std::move(rows)));
}

std::vector<domain::SolutionRules> parse_solution_rules(const SourceFile& f) {
  auto doc = parse_json(f);
  auto top = read_top_level(f, doc, "history");
  std::vector<Numbered<domain::SolutionRules>> rows;
  for (std::size_t i = 0; i < top.entries->size(); ++i) {
    auto where = entry("history", i);
    Fields r(f, where, (*top.entries)[i],
             {"effectiveFrom", "bankruptcyFee", "ivaMinMonthlySurplus", "ivaMinDebt", "dmpMinMonthlySurplus",
              "breathingSpaceDays", "breathingSpaceEveryMonths", "illustrative", "source"});
    r.note("source");
    domain::SolutionRules rules;
    rules.effective_from = r.date("effectiveFrom");
    rules.bankruptcy_fee = r.pence("bankruptcyFee");
    rules.iva_min_monthly_surplus = r.pence("ivaMinMonthlySurplus");
    rules.iva_min_debt = r.pence("ivaMinDebt");
    rules.dmp_min_monthly_surplus = r.pence("dmpMinMonthlySurplus");
    rules.breathing_space_days = r.small("breathingSpaceDays", 1, 366);
    rules.breathing_space_every_months = r.small("breathingSpaceEveryMonths", 1, 120);
    rules.illustrative = r.flag("illustrative", top.illustrative);
    rows.push_back({std::move(rules), where});
  }
  refuse_repeats(f, rows, "effectiveFrom", [](const auto& l) { return l.effective_from; });
  return values(sorted_by_date(std::move(rows)));
}

[[noreturn]] void fail_directory(const std::string& dir, const std::string& what) {
  throw std::runtime_error("reference data directory " + in_quotes(dir) + ": " + what);
}

// Checks the override directory: it exists, and every *.json file in it is one this loader reads (a
// misnamed replacement would otherwise be ignored without a word).
void check_directory(const std::string& dir) {
  std::error_code ec;
  auto status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) fail_directory(dir, "does not exist");
  if (ec) fail_directory(dir, ec.message());
  if (!fs::is_directory(status)) fail_directory(dir, "is not a directory");
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    auto name = it->path().filename().string();
    if (it->path().extension() != ".json") continue;
    if (std::find(kFileNames.begin(), kFileNames.end(), name) != kFileNames.end()) continue;
    std::string expected;
    for (auto n : kFileNames) expected += (expected.empty() ? "" : ", ") + std::string(n);
    fail_directory(dir, in_quotes(name) + " is not a reference data file (expected any of: " + expected + ")");
  }
  if (ec) fail_directory(dir, "cannot be listed: " + ec.message());
}

SourceFile read_source(std::string_view name, const std::string& override_dir) {
  if (!override_dir.empty()) {
    auto path = fs::path(override_dir) / name;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (status.type() != fs::file_type::not_found) {
      SourceFile f{std::string(name), path.string(), ""};
      if (ec) fail(f, "", "cannot be read: " + ec.message());
      if (!fs::is_regular_file(status)) fail(f, "", "is not a regular file");
      std::ifstream in(path, std::ios::binary);
      if (!in) fail(f, "", "cannot be opened");
      f.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      if (in.bad()) fail(f, "", "cannot be read");
      return f;
    }
  }
  auto embedded = embedded_file(name);
  if (!embedded)
    throw std::runtime_error("reference data " + std::string(name) +
                             ": not built in (server/CMakeLists.txt embeds the files of data/reference/)");
  return {std::string(name), "built in", std::string(*embedded)};
}

class FileReferenceData final : public app::ReferenceData {
 public:
  FileReferenceData(std::vector<app::BudgetCategoryList> categories, std::vector<domain::GuidelineTable> guidelines,
                    std::vector<domain::DroLimits> dro, std::vector<domain::SolutionRules> rules)
      : categories_(std::move(categories)),
        guidelines_(std::move(guidelines)),
        dro_(std::move(dro)),
        rules_(std::move(rules)) {}

  const std::vector<app::BudgetCategoryList>& budget_categories() const override { return categories_; }
  const std::vector<domain::GuidelineTable>& spending_guidelines() const override { return guidelines_; }
  const std::vector<domain::DroLimits>& dro_limits() const override { return dro_; }
  const std::vector<domain::SolutionRules>& solution_rules() const override { return rules_; }

 private:
  std::vector<app::BudgetCategoryList> categories_;
  std::vector<domain::GuidelineTable> guidelines_;
  std::vector<domain::DroLimits> dro_;
  std::vector<domain::SolutionRules> rules_;
};

}  // namespace

std::unique_ptr<app::ReferenceData> load_reference_data(const std::string& override_dir) {
  if (!override_dir.empty()) check_directory(override_dir);
  auto categories = parse_categories(read_source(kBudgetCategoriesFile, override_dir));
  auto guidelines = parse_guidelines(read_source(kSpendingGuidelinesFile, override_dir), categories);
  auto dro = parse_dro_limits(read_source(kDroLimitsFile, override_dir));
  auto rules = parse_solution_rules(read_source(kSolutionRulesFile, override_dir));
  return std::make_unique<FileReferenceData>(std::move(categories), std::move(guidelines), std::move(dro),
                                             std::move(rules));
}

}  // namespace cma::refdata
