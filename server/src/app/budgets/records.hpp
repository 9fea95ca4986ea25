#pragma once
// The budgets module's records: a case's income and expenditure in the SFS layout. Every save is a
// new version (initial, revised, final); earlier versions are kept and readable.
#include <string>
#include <vector>

#include "app/model.hpp"

namespace cma::app {

struct BudgetLine {
  std::string id;
  int position = 0;
  std::string section;    // domain::BudgetSection's spelling
  std::string category;   // an id from the category list in force
  std::string label;      // the adviser's own words, optional
  long long amount = 0;   // pence, as paid at `frequency`
  std::string frequency;  // domain::Frequency's spelling
};

struct Budget {
  std::string id;
  std::string centre_id;
  std::string case_id;
  int version = 0;
  std::string kind;  // initial | revised | final
  int adults = 1;
  int children = 0;
  std::string notes;
  std::string created_by;
  std::string created_at;
  std::vector<BudgetLine> lines;  // empty in version lists
};

}  // namespace cma::app
