#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <stdexcept>
#include <string>

#include "app/reference/ports.hpp"
#include "domain/budget/guidelines.hpp"
#include "domain/solutions/dro.hpp"
#include "domain/solutions/screening.hpp"
#include "refdata/embedded.hpp"
#include "refdata/reference_data.hpp"

namespace cma::refdata {

namespace {

namespace fs = std::filesystem;
using domain::Money;

// A directory of replacement files, removed when the test ends.
class OverrideDir {
 public:
  OverrideDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("cma-refdata-test-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~OverrideDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  OverrideDir(const OverrideDir&) = delete;
  OverrideDir& operator=(const OverrideDir&) = delete;

  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(path_ / name, std::ios::binary);
    out << text;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// The message load_reference_data throws for `dir`, or "" when it loads.
std::string load_error(const std::string& dir) {
  try {
    load_reference_data(dir);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

// The message for one replaced file, or "" when it loads.
std::string error_with(const std::string& name, const std::string& text) {
  OverrideDir dir;
  dir.write(name, text);
  return load_error(dir.path());
}

const char* const kFlexible[] = {"communications_and_leisure", "food_and_housekeeping", "personal_costs"};

// A guidelines file whose tables each have one row per flexible category for 1 adult, 0 children.
std::string guidelines_file(const std::string& versions) {
  return R"({"source": "test", "versions": [)" + versions + "]}";
}
std::string guideline_version(const std::string& version, const std::string& from, int pounds,
                              const std::string& extra_rows = "") {
  std::string rows;
  for (const char* c : kFlexible)
    rows += std::string(rows.empty() ? "" : ",") + R"({"category": ")" + c +
            R"(", "adults": 1, "children": 0, "monthly": )" + std::to_string(pounds * 100) + "}";
  return R"({"version": ")" + version + R"(", "effectiveFrom": ")" + from + R"(", "rows": [)" + rows + extra_rows +
         "]}";
}

std::string dro_file(const std::string& history) {
  return R"({"source": "test", "history": [)" + history + "]}";
}
std::string dro_row(const std::string& from, const std::string& debts) {
  return R"({"effectiveFrom": ")" + from + R"(", "maxQualifyingDebts": )" + debts +
         R"(, "maxMonthlySurplus": 7500, "maxAssets": 200000, "vehicleDisregard": 400000})";
}

std::string categories_version(const std::string& version, const std::string& from, const std::string& extra = "") {
  std::string categories = R"({"section": "income", "id": "wages", "label": "Wages"})" + extra;
  for (const char* c : kFlexible)
    categories += std::string(R"(, {"section": "flexible_costs", "id": ")") + c + R"(", "label": "x"})";
  return R"({"version": ")" + version + R"(", "effectiveFrom": ")" + from + R"(", "categories": [)" + categories + "]}";
}
std::string categories_file(const std::string& versions) {
  return R"({"source": "test", "versions": [)" + versions + "]}";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

template <class T>
bool sorted_by_date(const std::vector<T>& items) {
  return std::is_sorted(items.begin(), items.end(),
                        [](const T& a, const T& b) { return a.effective_from < b.effective_from; });
}

}  // namespace

TEST(ReferenceData, EveryFileIsEmbedded) {
  for (auto name : kFileNames) EXPECT_TRUE(embedded_file(name)) << name;
  EXPECT_FALSE(embedded_file("nonexistent.json"));
}

TEST(ReferenceData, TheEmbeddedDataLoads) {
  auto data = load_reference_data("");
  ASSERT_TRUE(data);
  EXPECT_FALSE(data->budget_categories().empty());
  EXPECT_GE(data->spending_guidelines().size(), 2u);
  EXPECT_GE(data->dro_limits().size(), 3u);
  EXPECT_FALSE(data->solution_rules().empty());
  EXPECT_TRUE(sorted_by_date(data->budget_categories()));
  EXPECT_TRUE(sorted_by_date(data->spending_guidelines()));
  EXPECT_TRUE(sorted_by_date(data->dro_limits()));
  EXPECT_TRUE(sorted_by_date(data->solution_rules()));
}

TEST(ReferenceData, TheShippedGuidelinesAndRulesOfThumbAreMarkedIllustrative) {
  auto data = load_reference_data("");
  for (const auto& t : data->spending_guidelines()) EXPECT_TRUE(t.illustrative) << t.version;
  for (const auto& r : data->solution_rules()) EXPECT_TRUE(r.illustrative) << r.effective_from;
}

TEST(ReferenceData, CategoryIdsAreUniqueAndTheFlexibleOnesExist) {
  auto data = load_reference_data("");
  for (const auto& list : data->budget_categories()) {
    std::set<std::string> ids;
    for (const auto& c : list.categories) EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    for (const char* id : kFlexible) {
      auto it = std::find_if(list.categories.begin(), list.categories.end(),
                             [&](const app::BudgetCategory& c) { return c.id == id; });
      ASSERT_NE(it, list.categories.end()) << id;
      EXPECT_EQ(it->section, domain::BudgetSection::flexible_costs) << id;
    }
    for (auto section : {domain::BudgetSection::income, domain::BudgetSection::fixed_costs,
                         domain::BudgetSection::priority_debt_payments, domain::BudgetSection::savings})
      EXPECT_TRUE(std::any_of(list.categories.begin(), list.categories.end(), [&](const app::BudgetCategory& c) {
        return c.section == section;
      })) << domain::to_string(section);
  }
}

TEST(ReferenceData, CategoriesOnPicksTheVersionInForce) {
  auto data = load_reference_data("");
  const auto& first = data->budget_categories().front();
  EXPECT_EQ(app::categories_on(*data, "2016-12-31"), nullptr);
  ASSERT_NE(app::categories_on(*data, first.effective_from), nullptr);
  EXPECT_EQ(app::categories_on(*data, first.effective_from)->version, first.version);

  OverrideDir dir;  // listed out of order on purpose
  dir.write("budget-categories.json",
            categories_file(
                categories_version("2", "2026-04-06", R"(, {"section": "income", "id": "new_benefit", "label": "N"})") +
                "," + categories_version("1", "2017-01-01")));
  auto two = load_reference_data(dir.path());
  ASSERT_EQ(two->budget_categories().size(), 2u);
  EXPECT_EQ(two->budget_categories()[0].version, "1");
  EXPECT_EQ(app::categories_on(*two, "2026-04-05")->version, "1");
  EXPECT_EQ(app::categories_on(*two, "2026-04-06")->version, "2");
  EXPECT_EQ(app::categories_on(*two, "2030-01-01")->categories.size(), 5u);
}

TEST(ReferenceData, TheDebtLimitOfADroRoseOn28June2024) {
  auto data = load_reference_data("");
  auto before = domain::dro_limits_on(data->dro_limits(), "2024-06-27");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->max_qualifying_debts, Money::pounds(30'000));
  EXPECT_EQ(before->vehicle_disregard, Money::pounds(2'000));
  auto after = domain::dro_limits_on(data->dro_limits(), "2024-06-28");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->max_qualifying_debts, Money::pounds(50'000));
  EXPECT_EQ(after->max_monthly_surplus, Money::pounds(75));
  EXPECT_EQ(after->max_assets, Money::pounds(2'000));
  EXPECT_EQ(after->vehicle_disregard, Money::pounds(4'000));
  auto in_2016 = domain::dro_limits_on(data->dro_limits(), "2016-01-01");
  ASSERT_TRUE(in_2016);
  EXPECT_EQ(in_2016->max_qualifying_debts, Money::pounds(20'000));
  EXPECT_EQ(in_2016->max_monthly_surplus, Money::pounds(50));
}

TEST(ReferenceData, SolutionRulesHoldTheBreathingSpaceAndBankruptcyFigures) {
  auto data = load_reference_data("");
  EXPECT_FALSE(domain::solution_rules_on(data->solution_rules(), "2021-05-03"));
  auto rules = domain::solution_rules_on(data->solution_rules(), "2025-01-01");
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->bankruptcy_fee, Money::pounds(680));
  EXPECT_EQ(rules->breathing_space_days, 60);
  EXPECT_EQ(rules->breathing_space_every_months, 12);
}

TEST(ReferenceData, GuidelinesSwitchVersionOnTheirEffectiveDate) {
  auto data = load_reference_data("");
  const auto& tables = data->spending_guidelines();
  ASSERT_GE(tables.size(), 2u);
  const auto& newest = tables.back();
  const auto& previous = tables[tables.size() - 2];
  EXPECT_EQ(newest.effective_from, "2025-04-07");  // the first Monday of April 2025
  EXPECT_EQ(domain::guidelines_on(tables, "2025-04-06")->version, previous.version);
  EXPECT_EQ(domain::guidelines_on(tables, "2025-04-07")->version, newest.version);
  EXPECT_FALSE(domain::guidelines_on(tables, "2024-03-31"));
  auto food_before =
      domain::guideline_for(*domain::guidelines_on(tables, "2025-04-06"), "food_and_housekeeping", {1, 0});
  auto food_after =
      domain::guideline_for(*domain::guidelines_on(tables, "2025-04-07"), "food_and_housekeeping", {1, 0});
  ASSERT_TRUE(food_before && food_after);
  EXPECT_NE(*food_before, *food_after);
}

TEST(ReferenceData, EveryFlexibleCategoryHasAGuidelineForOneAdultInEveryVersion) {
  auto data = load_reference_data("");
  for (const auto& table : data->spending_guidelines()) {
    const auto* categories = app::categories_on(*data, table.effective_from);
    ASSERT_NE(categories, nullptr) << table.version;
    for (const auto& c : categories->categories) {
      if (c.section != domain::BudgetSection::flexible_costs) continue;
      bool found = std::any_of(table.rows.begin(), table.rows.end(), [&](const domain::GuidelineRow& r) {
        return r.category == c.id && r.adults == 1 && r.children == 0;
      });
      EXPECT_TRUE(found) << table.version << " " << c.id;
      auto big_household = domain::guideline_for(table, c.id, {4, 6});
      EXPECT_TRUE(big_household) << table.version << " " << c.id;
    }
  }
}

TEST(ReferenceData, AReplacementGuidelinesFileIsUsed) {
  OverrideDir dir;
  dir.write("spending-guidelines.json", guidelines_file(guideline_version("licensed-2026", "2026-04-06", 321)));
  auto data = load_reference_data(dir.path());
  ASSERT_EQ(data->spending_guidelines().size(), 1u);
  const auto& table = data->spending_guidelines()[0];
  EXPECT_EQ(table.version, "licensed-2026");
  EXPECT_FALSE(table.illustrative);
  EXPECT_EQ(domain::guideline_for(table, "personal_costs", {2, 3}), Money::pounds(321));
  // The files not replaced are still the embedded ones.
  EXPECT_EQ(data->dro_limits().size(), load_reference_data("")->dro_limits().size());
}

TEST(ReferenceData, AnEmptyOverrideDirectoryChangesNothing) {
  OverrideDir dir;
  dir.write("README.txt", "licensed table goes here");
  auto data = load_reference_data(dir.path());
  EXPECT_EQ(data->spending_guidelines().size(), load_reference_data("")->spending_guidelines().size());
}

TEST(ReferenceData, ABrokenReplacementThrowsNamingTheFile) {
  OverrideDir dir;
  dir.write("dro-limits.json", "{\n  \"source\": \"x\",\n  \"history\": [\n");
  auto error = load_error(dir.path());
  EXPECT_TRUE(contains(error, "dro-limits.json")) << error;
  EXPECT_TRUE(contains(error, dir.path())) << error;
  EXPECT_TRUE(contains(error, "not valid JSON")) << error;
}

TEST(ReferenceData, ADirectoryThatIsMissingOrHoldsAMisnamedFileIsRefused) {
  OverrideDir dir;
  auto missing = load_error(dir.path() + "/nope");
  EXPECT_TRUE(contains(missing, "does not exist")) << missing;
  dir.write("spending_guidelines.json", guidelines_file(guideline_version("x", "2026-04-06", 1)));
  auto misnamed = load_error(dir.path());
  EXPECT_TRUE(contains(misnamed, "\"spending_guidelines.json\" is not a reference data file")) << misnamed;
}

TEST(ReferenceData, SyntaxErrorsAndDuplicateKeysGiveTheLine) {
  auto duplicate = error_with("dro-limits.json", "{\"source\": \"x\",\n\"history\": [],\n\"source\": \"y\"}");
  EXPECT_TRUE(contains(duplicate, "dro-limits.json")) << duplicate;
  EXPECT_TRUE(contains(duplicate, "line 3: duplicate key \"source\"")) << duplicate;
  auto syntax = error_with("dro-limits.json", "{\"source\": \"x\",\n\n \"history\": [,]}");
  EXPECT_TRUE(contains(syntax, "line 3: not valid JSON")) << syntax;
  auto trailing = error_with("dro-limits.json", dro_file(dro_row("2024-06-28", "5000000")) + " {}");
  EXPECT_TRUE(contains(trailing, "not valid JSON")) << trailing;
  EXPECT_EQ(error_with("dro-limits.json", "\xEF\xBB\xBF" + dro_file(dro_row("2024-06-28", "5000000"))), "");
}

TEST(ReferenceData, BadEntriesAreRefusedWithTheirPlace) {
  struct Case {
    std::string file, text, expected;
  };
  const std::vector<Case> cases = {
      {"budget-categories.json",
       categories_file(
           categories_version("1", "2017-01-01", R"(, {"section": "luxuries", "id": "yacht", "label": "Y"})")),
       "versions[0].categories[1].section: unknown section \"luxuries\""},
      {"budget-categories.json",
       categories_file(
           categories_version("1", "2017-01-01", R"(, {"section": "income", "id": "wages", "label": "W"})")),
       "versions[0].categories[1].id: category id \"wages\" is also that of versions[0].categories[0]"},
      {"budget-categories.json",
       categories_file(
           categories_version("1", "2017-01-01", R"(, {"section": "income", "id": "Bad Id", "label": "W"})")),
       "versions[0].categories[1].id: \"Bad Id\" must be lower-case"},
      {"budget-categories.json",
       categories_file(categories_version("1", "2017-01-01") + "," + categories_version("2", "2017-01-01")),
       "versions[1]: effectiveFrom \"2017-01-01\" is also that of versions[0]"},
      {"budget-categories.json",
       categories_file(categories_version("1", "2017-01-01") + "," + categories_version("1", "2018-01-01")),
       "versions[1]: version \"1\" is also that of versions[0]"},
      {"budget-categories.json", categories_file(categories_version("1", "2025-02-29")),
       "versions[0].effectiveFrom: \"2025-02-29\" is not a date in the form YYYY-MM-DD"},
      {"budget-categories.json", categories_file(categories_version("1", "1/4/2025")),
       "versions[0].effectiveFrom: \"1/4/2025\" is not a date"},
      {"budget-categories.json", R"({"source": "x", "versions": []})", "versions: must be a non-empty array"},
      {"budget-categories.json", R"({"versions": [1]})", "missing \"source\""},
      {"spending-guidelines.json",
       guidelines_file(guideline_version("a", "2024-04-01", 100) + "," + guideline_version("b", "2024-04-01", 110)),
       "versions[1]: effectiveFrom \"2024-04-01\" is also that of versions[0]"},
      {"spending-guidelines.json",
       guidelines_file(guideline_version("a", "2024-04-01", 100,
                                         R"(, {"category": "rent", "adults": 1, "children": 0, "monthly": 5})")),
       "versions[0].rows[3].category: \"rent\" is not a flexible_costs category in budget-categories.json version "
       "\"1\""},
      {"spending-guidelines.json",
       guidelines_file(guideline_version(
           "a", "2024-04-01", 100, R"(, {"category": "personal_costs", "adults": 1, "children": 0, "monthly": 5})")),
       "versions[0].rows[3]: a second row for \"personal_costs\" with 1 adults and 0 children (the first is "
       "versions[0].rows[2])"},
      {"spending-guidelines.json",
       guidelines_file(guideline_version(
           "a", "2024-04-01", 100, R"(, {"category": "personal_costs", "adults": 2, "children": 1, "monthly": 5})")),
       "versions[0]: no row for \"personal_costs\" with 1 adults and 1 children"},
      {"spending-guidelines.json",
       guidelines_file(guideline_version(
           "a", "2024-04-01", 100, R"(, {"category": "personal_costs", "adults": 2, "children": 0, "monthly": -5})")),
       "versions[0].rows[3].monthly: must be a whole number of pence (e.g. 5000 for £50.00) from 0 to 1000000000000, "
       "not -5"},
      {"spending-guidelines.json",
       guidelines_file(
           guideline_version("a", "2024-04-01", 100,
                             R"(, {"category": "personal_costs", "adults": 2, "children": 0, "monthly": 100.5})")),
       "versions[0].rows[3].monthly: must be a whole number of pence (e.g. 5000 for £50.00) from 0 to 1000000000000, "
       "not 100.5"},
      {"spending-guidelines.json",
       guidelines_file(
           guideline_version("a", "2024-04-01", 100,
                             R"(, {"category": "personal_costs", "adults": 2, "children": 0, "monthly": "12.00"})")),
       "versions[0].rows[3].monthly: must be a whole number of pence"},
      {"spending-guidelines.json",
       guidelines_file(guideline_version(
           "a", "2024-04-01", 100, R"(, {"category": "personal_costs", "adults": 0, "children": 0, "monthly": 5})")),
       "versions[0].rows[3].adults: must be a whole number from 1 to 20, not 0"},
      {"spending-guidelines.json",
       guidelines_file(
           R"({"version": "a", "effectiveFrom": "2024-04-01", "rows": [{"category": "food_and_housekeeping", "adults": 1, "children": 0, "monthly": 5}]})"),
       "versions[0]: no rows for the flexible category \"communications_and_leisure\""},
      {"spending-guidelines.json", guidelines_file(R"({"version": "a", "effectivefrom": "2024-04-01", "rows": []})"),
       "versions[0]: unknown key \"effectivefrom\""},
      {"dro-limits.json", dro_file(dro_row("2024-06-28", "5000000") + "," + dro_row("2024-06-28", "3000000")),
       "history[1]: effectiveFrom \"2024-06-28\" is also that of history[0]"},
      {"dro-limits.json", dro_file(dro_row("2024-06-28", "-1")),
       "history[0].maxQualifyingDebts: must be a whole number of pence"},
      {"dro-limits.json", dro_file(dro_row("2024-06-28", "5e6")),
       "history[0].maxQualifyingDebts: must be a whole number of pence"},
      {"dro-limits.json", dro_file(dro_row("2024-06-28", "99999999999999999999")),
       "history[0].maxQualifyingDebts: must be a whole number of pence"},
      {"dro-limits.json", dro_file(R"({"effectiveFrom": "2024-06-28"})"), "history[0]: missing \"maxQualifyingDebts\""},
      {"solution-rules.json",
       R"({"source": "x", "history": [{"effectiveFrom": "2021-05-04", "bankruptcyFee": 68000, "ivaMinMonthlySurplus": 10000, "ivaMinDebt": 1000000, "dmpMinMonthlySurplus": 500, "breathingSpaceDays": 0, "breathingSpaceEveryMonths": 12}]})",
       "history[0].breathingSpaceDays: must be a whole number from 1 to 366, not 0"},
      {"solution-rules.json",
       R"({"source": "x", "history": [{"effectiveFrom": "2021-05-04", "bankruptcyFee": 68000, "ivaMinMonthlySurplus": 10000, "ivaMinDebt": 1000000, "dmpMinMonthlySurplus": 500, "breathingSpaceDays": 60, "breathingSpaceEveryMonths": 12, "illustrative": "yes"}]})",
       "history[0].illustrative: must be true or false"},
  };
  for (const auto& c : cases) {
    auto error = error_with(c.file, c.text);
    EXPECT_TRUE(contains(error, "reference data " + c.file + " (")) << error;
    EXPECT_TRUE(contains(error, c.expected)) << "expected: " << c.expected << "\ngot: " << error;
  }
}

TEST(ReferenceData, GuidelinesAreCheckedAgainstEveryCategoryListInForceDuringTheirTable) {
  OverrideDir dir;
  // Categories version 2 (from 2026) moves personal_costs out of the flexible costs, so a guidelines
  // table in force from 2025 onwards may not have a row for it.
  std::string v2 = R"({"version": "2", "effectiveFrom": "2026-01-01", "categories": [
      {"section": "flexible_costs", "id": "communications_and_leisure", "label": "C"},
      {"section": "flexible_costs", "id": "food_and_housekeeping", "label": "F"},
      {"section": "fixed_costs", "id": "personal_costs", "label": "P"}]})";
  dir.write("budget-categories.json", categories_file(categories_version("1", "2017-01-01") + "," + v2));
  auto error = load_error(dir.path());
  EXPECT_TRUE(contains(error,
                       "spending-guidelines.json (built in): versions[1].rows[16].category: \"personal_costs\" is not "
                       "a flexible_costs category in budget-categories.json version \"2\""))
      << error;
}

}  // namespace cma::refdata
