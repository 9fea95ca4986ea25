#pragma once
// Retention (RULES.md, "Records and retention"): case records are kept for six years after a case
// closes (the Limitation Act 1980's period for contract claims); then the client's personal data
// is anonymised and the case's documents deleted. Decided by London dates. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/diary/london_time.hpp"

namespace cma::domain {

inline constexpr int kRetentionYears = 6;

// The first London date on which a case that closed on `closed` has been closed more than six
// years: the day after its sixth anniversary (a 29 February closing's anniversary in a common
// year is 28 February, so it is past retention from 1 March).
CivilDate retention_ends(CivilDate closed);

// What the rule needs of one case: whether it is finished (closed, referred or cancelled) and
// when it was, in seconds since the epoch (UTC); nullopt when it was not.
struct RetainedCase {
  bool finished = false;
  std::optional<std::int64_t> closed_at;
};

// Whether the case's documents go on `today` (a London date): finished, and closed more than six
// years before today by the London date of its closing.
bool case_past_retention(const RetainedCase& c, CivilDate today);

// Whether the client is anonymised on `today`: they have at least one case and every one of them
// is past retention (so none is open or in progress, and none closed within six years).
bool client_past_retention(const std::vector<RetainedCase>& cases, CivilDate today);

}  // namespace cma::domain
