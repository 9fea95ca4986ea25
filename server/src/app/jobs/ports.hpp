#pragma once
// The jobs module's storage. The queue serves every centre: a job carries its centre, and the
// worker's statements are network-wide by design (scripts/check_tenant_queries.py lists them).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/jobs/records.hpp"
#include "app/model.hpp"

namespace cma::app {

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  // False when a job with the same unique key exists already (the row is not added). On PostgreSQL
  // it also notifies idle workers, when the transaction commits.
  virtual bool insert(const Job& job) = 0;
  virtual std::optional<Job> find(const std::string& id) = 0;
  // Whether a job of the centre has this unique key, in any state.
  virtual bool unique_key_taken(const std::string& centre_id, const std::string& unique_key) = 0;
  // Locks the row until the transaction ends.
  virtual std::optional<Job> find_for_update(const std::string& id) = 0;
  // Takes up to `limit` jobs that are due (queued with run_at ≤ now, or running with an expired
  // lease) for `owner` until `lease_until`, counting an attempt each; skips rows other claimers hold.
  virtual std::vector<Job> claim(const std::string& owner, const std::string& now, const std::string& lease_until,
                                 int limit) = 0;
  // These change a job only while `owner` holds its lease; false when it no longer does.
  virtual bool extend_lease(const std::string& id, const std::string& owner, const std::string& until,
                            const std::string& now) = 0;
  virtual bool finish(const std::string& id, const std::string& owner, const std::string& state,
                      const std::string& run_at, const std::string& last_error, const std::string& now) = 0;
  // Back to queued, due now, the attempt uncounted.
  virtual bool release(const std::string& id, const std::string& owner, const std::string& now) = 0;
  // An admin's change: state, attempts, run_at and last_error as given; the lease cleared.
  virtual void update(const Job& job) = 0;
  // Newest first; up to page.limit rows before page.after_id.
  virtual std::vector<Job> list(const JobQuery& query, const PageRequest& page) = 0;
  virtual JobCounts counts(const std::string& now) = 0;
};

}  // namespace cma::app

namespace cma::app {

// Wakes idle workers as soon as a job is enqueued (PostgreSQL LISTEN/NOTIFY). Workers poll as well,
// so a missed or absent notification only delays a job by the poll interval.
class JobWakeups {
 public:
  virtual ~JobWakeups() = default;
  // Waits up to `timeout` for a notification; true when one came (or when listening has just
  // begun, since anything enqueued before then was not notified).
  virtual bool wait(std::chrono::milliseconds timeout) = 0;
};

// Tells the workers that a job has become due (with REDIS_URL: a message on a Redis channel that
// every idle worker subscribes to). Called after the transaction that queued the job commits; must
// not throw, and must not wait long when nobody is listening.
class JobNotifier {
 public:
  virtual ~JobNotifier() = default;
  virtual void job_queued() = 0;
};

}  // namespace cma::app
