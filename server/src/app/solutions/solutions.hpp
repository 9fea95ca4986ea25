#pragma once
// Debt-solution screening of a case (domain/solutions/screening.hpp) with the thresholds in force
// on the assessment date: today, or an earlier date to see what applied then.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "domain/result.hpp"
#include "domain/solutions/screening.hpp"

namespace cma::app {

struct CaseScreening {
  std::string case_id;
  domain::ScreeningFacts facts;
  domain::Screening screening;
  bool rules_illustrative = false;
};

Result<CaseScreening> screen_case(const Deps& deps, const Actor& actor, const std::string& case_id,
                                  const std::string& assessed_on);

}  // namespace cma::app
