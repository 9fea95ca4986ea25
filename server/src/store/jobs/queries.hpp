#pragma once
// The job queue. It serves every centre: a job carries its centre, and these statements are
// network-wide by design (allow-listed in scripts/check_tenant_queries.py). NULL columns read as "".

namespace cma::store::jobs::sql {

#define CMA_JOB_COLUMNS                                                                                              \
  "id, centre_id, kind, payload, state, attempts, max_attempts, run_at, lease_owner, lease_expires_at, last_error, " \
  "unique_key, created_at, updated_at"

// A second job with the same unique key is not added (the statement changes no row).
inline constexpr const char* kInsertJob =
    "INSERT INTO jobs (" CMA_JOB_COLUMNS
    ") VALUES (:id, NULLIF(:centre, ''), :kind, :payload, 'queued', 0, :max_attempts, :run_at, NULL, NULL, NULL, "
    "NULLIF(:unique_key, ''), :created, :created) ON CONFLICT DO NOTHING";
// PostgreSQL: wakes the workers LISTENing on cma_jobs once the transaction commits.
inline constexpr const char* kNotifyJobsPostgresql = "SELECT pg_notify('cma_jobs', '')";
inline constexpr const char* kFindJob = "SELECT " CMA_JOB_COLUMNS " FROM jobs WHERE id = :id";
inline constexpr const char* kUniqueKeyTaken =
    "SELECT COUNT(*) FROM jobs WHERE centre_id = :centre AND unique_key = :unique_key";
inline constexpr const char* kFindJobForUpdatePostgresql =
    "SELECT " CMA_JOB_COLUMNS " FROM jobs WHERE id = :id FOR UPDATE";

// A claim takes jobs whose lease has lapsed (their worker died) first, then due queued jobs, each in
// its own index order (jobs_lease_idx, jobs_due_idx), reading no further than the rows it takes.
#define CMA_JOB_CLAIM_SET                                                                                         \
  "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = :owner, lease_expires_at = :until, " \
  "updated_at = :now WHERE id IN (SELECT id FROM jobs WHERE "
#define CMA_JOB_LAPSED "state = 'running' AND lease_expires_at <= :now ORDER BY lease_expires_at, id LIMIT :limit"
#define CMA_JOB_DUE "state = 'queued' AND run_at <= :now ORDER BY run_at, id LIMIT :limit"
// SQLite: inside the writer connection's transaction, which holds the database's write lock.
inline constexpr const char* kClaimLapsedJobs = CMA_JOB_CLAIM_SET CMA_JOB_LAPSED ") RETURNING " CMA_JOB_COLUMNS;
inline constexpr const char* kClaimDueJobs = CMA_JOB_CLAIM_SET CMA_JOB_DUE ") RETURNING " CMA_JOB_COLUMNS;
// PostgreSQL: rows another claimer has locked are skipped, not waited for.
inline constexpr const char* kClaimLapsedJobsPostgresql =
    CMA_JOB_CLAIM_SET CMA_JOB_LAPSED " FOR UPDATE SKIP LOCKED) RETURNING " CMA_JOB_COLUMNS;
inline constexpr const char* kClaimDueJobsPostgresql =
    CMA_JOB_CLAIM_SET CMA_JOB_DUE " FOR UPDATE SKIP LOCKED) RETURNING " CMA_JOB_COLUMNS;

inline constexpr const char* kExtendJobLease =
    "UPDATE jobs SET lease_expires_at = :until, updated_at = :now "
    "WHERE id = :id AND state = 'running' AND lease_owner = :owner";
// A finished attempt: done, queued again for later, or dead. A success keeps the last failure's text.
inline constexpr const char* kFinishJob =
    "UPDATE jobs SET state = :state, run_at = :run_at, last_error = COALESCE(NULLIF(:error, ''), last_error), "
    "lease_owner = NULL, lease_expires_at = NULL, updated_at = :now "
    "WHERE id = :id AND state = 'running' AND lease_owner = :owner";
inline constexpr const char* kReleaseJob =
    "UPDATE jobs SET state = 'queued', attempts = attempts - 1, run_at = :now, lease_owner = NULL, "
    "lease_expires_at = NULL, updated_at = :now WHERE id = :id AND state = 'running' AND lease_owner = :owner";
inline constexpr const char* kUpdateJob =
    "UPDATE jobs SET state = :state, attempts = :attempts, run_at = :run_at, last_error = NULLIF(:error, ''), "
    "lease_owner = NULL, lease_expires_at = NULL, updated_at = :now WHERE id = :id";
// Newest first. Filters bound as '' are not applied.
inline constexpr const char* kListJobs =
    "SELECT " CMA_JOB_COLUMNS
    " FROM jobs WHERE (:state = '' OR state = :state) AND (:kind = '' OR kind = :kind)"
    " AND (:after = '' OR id < :after) ORDER BY id DESC LIMIT :limit";
inline constexpr const char* kCountJobsByState = "SELECT state, COUNT(*) FROM jobs GROUP BY state";
inline constexpr const char* kOldestDueJob = "SELECT MIN(run_at) FROM jobs WHERE state = 'queued' AND run_at <= :now";

}  // namespace cma::store::jobs::sql
