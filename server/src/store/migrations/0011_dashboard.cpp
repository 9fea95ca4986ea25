#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// The dashboard's counters, kept in the same transaction as each change of a case or its debts
// (domain/dashboard/figures.hpp). adviser_id '*' holds a centre's totals. A database from before
// them has its counters filled from its cases at start-up (app::fill_missing_dashboard_counters).
// Cases also keep why a manager closed one without a complete compliance checklist.
const Migration migration0011 = {11,
                                 "dashboard",
                                 {R"(CREATE TABLE dashboard_counters (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        adviser_id TEXT NOT NULL,
        metric TEXT NOT NULL,
        bucket TEXT NOT NULL,
        value BIGINT NOT NULL,
        PRIMARY KEY (centre_id, adviser_id, metric, bucket)))",
                                  "ALTER TABLE cases ADD COLUMN compliance_override TEXT NOT NULL DEFAULT ''"}};

}  // namespace cma::store::migrations
