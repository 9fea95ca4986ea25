#pragma once
// The adapter for app::ReferenceData (app/reference/ports.hpp): the versioned reference data files
// of data/reference/ (embedded at build time), each replaceable at start-up by a file of the same
// name in an operator's directory, so that the licensed SFS spending guidelines (or any newer
// figures) can be loaded without rebuilding. docs/reference-data.md describes the files.
#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "app/reference/ports.hpp"

namespace cma::refdata {

// The files, by name: under data/reference/ and in an override directory alike.
inline constexpr std::string_view kBudgetCategoriesFile = "budget-categories.json";
inline constexpr std::string_view kSpendingGuidelinesFile = "spending-guidelines.json";
inline constexpr std::string_view kDroLimitsFile = "dro-limits.json";
inline constexpr std::string_view kSolutionRulesFile = "solution-rules.json";
inline constexpr std::array<std::string_view, 4> kFileNames = {kBudgetCategoriesFile, kSpendingGuidelinesFile,
                                                               kDroLimitsFile, kSolutionRulesFile};

// Loads and checks the four files. With a non-empty `override_dir`, a file of the same name in that
// directory replaces the embedded one (whole: it must hold every version still needed). Each list
// comes back sorted by its effective date.
//
// Throws std::runtime_error, naming the file (the path of a replacement, or "built in") and the
// entry, when: `override_dir` is not a readable directory or holds a *.json file that is not one of
// kFileNames; a file is not valid JSON (with its line), has a duplicate key, a key the format does
// not have, or a value of the wrong type; a date is not a real YYYY-MM-DD date; an amount is not a
// whole, non-negative number of pence within domain::kMaxAmount; two versions share an effective
// date or a name; a category has an unknown section or an id used twice in its version; a guideline
// row is for a category that is not a flexible cost in the category lists in force while its table
// is, repeats a household, or leaves a gap in its category's grid of adults × children; or a
// flexible category in force has no guideline rows.
std::unique_ptr<app::ReferenceData> load_reference_data(const std::string& override_dir);

}  // namespace cma::refdata
