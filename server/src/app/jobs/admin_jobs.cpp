#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/jobs/jobs.hpp"
#include "app/jobs/ports.hpp"
#include "app/paging.hpp"

namespace cma::app {

namespace {

// Admin changes to a job: the state machine's rule, then the change, audited in the same
// transaction. The chain is the job's centre, or the network's for a system job.
Result<Job> change_job(const Deps& deps, const Actor& actor, const std::string& id, const char* action,
                       bool (*allowed)(domain::JobState), const char* refusal,
                       void (*apply)(Job&, const std::string&)) {
  if (auto refused = authorize(actor.principal, domain::Permission::jobs_manage))
    return refuse(deps, actor, *refused, action, "job", id);
  if (!platform::is_uuid(id)) return Error::not_found(kNoSuchJob);
  auto tx = deps.db.begin(TxMode::write);
  auto& jobs = tx->get<JobRepository>();
  auto before = jobs.find_for_update(id);
  if (!before) return Error::not_found(kNoSuchJob);
  auto state = domain::parse_job_state(before->state);
  if (!state || !allowed(*state))
    return Error::precondition(std::string(refusal) + " This job is " + before->state + ".");
  Job after = *before;
  auto now = platform::format_time(deps.clock.now());
  apply(after, now);
  after.lease_owner.clear();
  after.lease_expires_at.clear();
  after.updated_at = now;
  jobs.update(after);
  ChangeSet changes;
  changes.set("state", before->state, after.state);
  if (after.attempts != before->attempts)
    changes.set("attempts", std::to_string(before->attempts), std::to_string(after.attempts));
  if (after.run_at != before->run_at) changes.set("runAt", before->run_at, after.run_at);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), action, "job", after.id, std::move(changes)});
  if (after.state == "queued") notify_workers(deps, *tx);
  tx->commit();
  return after;
}

}  // namespace

Result<Page<Job>> list_jobs(const Deps& deps, const Actor& actor, const JobQuery& query, const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::jobs_manage))
    return refuse(deps, actor, *refused, "job.list", "job");
  if (!query.state.empty() && !domain::parse_job_state(query.state))
    return Error::invalid_field("state", "must be one of queued, running, done, dead, cancelled");
  if (query.kind.size() > 100) return Error::invalid_field("kind", "is longer than any job kind");
  auto tx = deps.db.begin(TxMode::read);
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  return make_page(tx->get<JobRepository>().list(query, fetch), page.limit, [](const Job& j) { return j.id; });
}

Result<Job> get_job(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::jobs_manage))
    return refuse(deps, actor, *refused, "job.read", "job", id);
  if (!platform::is_uuid(id)) return Error::not_found(kNoSuchJob);
  auto tx = deps.db.begin(TxMode::read);
  auto job = tx->get<JobRepository>().find(id);
  if (!job) return Error::not_found(kNoSuchJob);
  return *job;
}

Result<Job> retry_job(const Deps& deps, const Actor& actor, const std::string& id) {
  return change_job(deps, actor, id, "job.retry", domain::may_retry, "Only a dead or cancelled job can be retried.",
                    [](Job& j, const std::string& now) {
                      j.state = "queued";
                      j.attempts = 0;
                      j.run_at = now;
                    });
}

Result<Job> cancel_job(const Deps& deps, const Actor& actor, const std::string& id) {
  return change_job(deps, actor, id, "job.cancel", domain::may_cancel, "Only a queued or running job can be cancelled.",
                    [](Job& j, const std::string&) { j.state = "cancelled"; });
}

}  // namespace cma::app
