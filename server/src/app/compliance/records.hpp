#pragma once
// The compliance module's records: the ticks advisers give checklist items, and the checklist as
// evaluated for a case.
#include <optional>
#include <string>
#include <vector>

namespace cma::app {

struct ComplianceTick {
  std::string centre_id;
  std::string case_id;
  std::string item;  // domain::ComplianceItemSpec::key
  std::string evidence_note_id;
  std::string ticked_by;
  std::string ticked_at;
};

struct ComplianceItemView {
  std::string item;
  std::string label;
  bool derived = false;
  bool satisfied = false;
  std::string detail;                  // derived items: why
  std::optional<ComplianceTick> tick;  // ticked items: who, when, evidence
};

struct CaseCompliance {
  std::string case_id;
  std::string status;  // compliant | incomplete | overdue
  std::vector<ComplianceItemView> items;
  std::vector<std::string> missing;  // keys of the items not satisfied
};

}  // namespace cma::app
