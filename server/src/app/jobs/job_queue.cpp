#include <boost/json.hpp>
#include <stdexcept>

#include "app/jobs/jobs.hpp"
#include "app/jobs/ports.hpp"

namespace cma::app {

namespace {

std::string at(const Deps& deps, std::chrono::milliseconds from_now = {}) {
  return platform::format_time(deps.clock.now() + std::chrono::duration_cast<std::chrono::microseconds>(from_now));
}

std::string clipped(const std::string& error) {
  if (error.size() <= static_cast<std::size_t>(kMaxJobErrorLength)) return error;
  auto cut = static_cast<std::size_t>(kMaxJobErrorLength);
  while (cut > 0 && (static_cast<unsigned char>(error[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
  return error.substr(0, cut);
}

}  // namespace

void notify_workers(const Deps& deps, Transaction& tx) {
  if (auto* notifier = deps.job_notifier) tx.after_commit([notifier] { notifier->job_queued(); });
}

std::optional<Job> enqueue_job(const Deps& deps, Transaction& tx, const JobDraft& draft) {
  if (draft.kind.empty()) throw std::invalid_argument("enqueue_job: a job needs a kind");
  if (draft.max_attempts < 1) throw std::invalid_argument("enqueue_job: max_attempts must be at least 1");
  boost::system::error_code ec;
  auto payload = boost::json::parse(draft.payload, ec);
  if (ec || !payload.is_object()) throw std::invalid_argument("enqueue_job: the payload must be a JSON object");
  Job job;
  job.id = deps.ids.next();
  job.centre_id = draft.centre_id;
  job.kind = draft.kind;
  job.payload = draft.payload;
  job.max_attempts = draft.max_attempts;
  job.unique_key = draft.unique_key;
  job.created_at = job.updated_at = at(deps);
  job.run_at = draft.run_at.empty() ? job.created_at : draft.run_at;
  if (!tx.get<JobRepository>().insert(job)) return std::nullopt;
  notify_workers(deps, tx);
  return job;
}

std::vector<Job> claim_jobs(const Deps& deps, const std::string& owner, std::chrono::milliseconds lease, int limit) {
  auto tx = deps.db.begin(TxMode::write);
  auto jobs = tx->get<JobRepository>().claim(owner, at(deps), at(deps, lease), limit);
  tx->commit();
  return jobs;
}

bool extend_job_lease(const Deps& deps, const Job& job, const std::string& owner, std::chrono::milliseconds lease) {
  auto tx = deps.db.begin(TxMode::write);
  bool held = tx->get<JobRepository>().extend_lease(job.id, owner, at(deps, lease), at(deps));
  tx->commit();
  return held;
}

bool complete_job(const Deps& deps, const Job& job, const std::string& owner) {
  auto tx = deps.db.begin(TxMode::write);
  bool held = tx->get<JobRepository>().finish(job.id, owner, "done", job.run_at, "", at(deps));
  tx->commit();
  return held;
}

CompletedAndNext complete_job_and_claim(const Deps& deps, const Job& job, const std::string& owner,
                                        std::chrono::milliseconds lease) {
  auto tx = deps.db.begin(TxMode::write);
  auto& jobs = tx->get<JobRepository>();
  CompletedAndNext out;
  out.held = jobs.finish(job.id, owner, "done", job.run_at, "", at(deps));
  auto next = jobs.claim(owner, at(deps), at(deps, lease), 1);
  tx->commit();
  if (!next.empty()) out.next = std::move(next.front());
  return out;
}

std::optional<domain::JobState> fail_job(const Deps& deps, const Job& job, const std::string& owner,
                                         const std::string& error, std::chrono::milliseconds delay, bool permanent) {
  auto next = permanent ? domain::JobState::dead : domain::after_failure(job.attempts, job.max_attempts);
  auto run_at = next == domain::JobState::queued ? at(deps, delay) : job.run_at;
  auto tx = deps.db.begin(TxMode::write);
  bool held = tx->get<JobRepository>().finish(job.id, owner, std::string(domain::to_string(next)), run_at,
                                              clipped(error), at(deps));
  tx->commit();
  if (!held) return std::nullopt;
  return next;
}

bool release_job(const Deps& deps, const Job& job, const std::string& owner) {
  auto tx = deps.db.begin(TxMode::write);
  bool held = tx->get<JobRepository>().release(job.id, owner, at(deps));
  tx->commit();
  return held;
}

JobCounts count_jobs(const Deps& deps) {
  auto tx = deps.db.begin(TxMode::read);
  return tx->get<JobRepository>().counts(at(deps));
}

}  // namespace cma::app
