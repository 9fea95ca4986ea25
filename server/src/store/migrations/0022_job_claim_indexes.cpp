#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// Claiming a job reads its index in claim order and stops at the first free row: the due queue by
// (run_at, id), and the lapsed leases by (lease_expires_at, id), each holding only the rows in that
// state. The indexes they replace held every state and left the rows to be sorted on each claim,
// so a claim cost grew with the backlog.
const Migration migration0022 = {
    22,
    "job_claim_indexes",
    {"DROP INDEX jobs_claim_idx", "DROP INDEX jobs_lease_idx",
     "CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE state = 'queued'",
     "CREATE INDEX jobs_lease_idx ON jobs (lease_expires_at, id) WHERE state = 'running'"}};

}  // namespace cma::store::migrations
