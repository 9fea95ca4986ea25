#pragma once
// Retention (docs/retention.md, RULES.md "Records and retention"): six years after a case closes
// its documents are deleted (their bytes purged from the object store), and a client whose cases
// are all that old is anonymised. The dry run reports what applying would change, changing
// nothing; the daily `retention.apply` job applies it in bounded batches, idempotently.
#include <atomic>
#include <functional>
#include <string>

#include "app/context.hpp"
#include "app/retention/records.hpp"
#include "domain/result.hpp"

namespace cma::app {

// Admins: every centre, or one (`centre_id`); managers: their own centre. Nothing is changed.
Result<RetentionReport> retention_report(const Deps& deps, const Actor& actor, const std::string& centre_id);

// Applies the rules to every centre, `batch` cases per transaction. Stops early (interrupted)
// when `should_stop` says so; what was done stays done and the next run carries on.
RetentionRunResult apply_retention(const Deps& deps, const std::string& run_id, int batch,
                                   const std::function<bool()>& should_stop);

// The placeholders an anonymised client's names become.
inline constexpr const char* kAnonymisedFirstName = "Anonymised";
inline constexpr const char* kAnonymisedLastName = "Client";
// Most ids one centre's report lists.
inline constexpr int kRetentionReportLimit = 5000;

}  // namespace cma::app
