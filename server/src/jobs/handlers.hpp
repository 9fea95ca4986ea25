#pragma once
// Job handlers by kind. Delivery is at-least-once (a worker killed mid-job leaves the job to run
// again when its lease runs out), so every handler must be idempotent: running it twice has the
// effect of running it once.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "app/context.hpp"
#include "app/jobs/records.hpp"

namespace cma::jobs {

// What a handler said about its attempt.
struct JobResult {
  enum class Status { done, retry, dead, interrupted };
  Status status = Status::done;
  std::string error;

  static JobResult done() { return {}; }
  // Try again later (backoff), or dead once the attempts are used up.
  static JobResult failed(std::string why) { return {Status::retry, std::move(why)}; }
  // No point trying again (the payload is wrong): dead at once.
  static JobResult permanent(std::string why) { return {Status::dead, std::move(why)}; }
  // Stopped early because should_stop() held: the job goes back to the queue, the attempt uncounted.
  static JobResult interrupted() { return {Status::interrupted, {}}; }
};

class JobContext {
 public:
  JobContext(const app::Job& job, const app::Deps& deps, const std::atomic<bool>& stop)
      : job_(job), deps_(deps), stop_(stop) {}
  const app::Job& job() const { return job_; }
  const app::Deps& deps() const { return deps_; }
  // True once the worker is shutting down or the job's lease was lost (cancelled, or taken over):
  // a long handler should return JobResult::interrupted() at its next safe point.
  bool should_stop() const { return stop_.load(); }
  // Sleeps for `d` in short steps; false when should_stop() cut it short.
  bool sleep_for(std::chrono::milliseconds d) const;

 private:
  const app::Job& job_;
  const app::Deps& deps_;
  const std::atomic<bool>& stop_;
};

using JobHandler = std::function<JobResult(JobContext&)>;

class HandlerRegistry {
 public:
  void add(const std::string& kind, JobHandler handler) { handlers_[kind] = std::move(handler); }
  const JobHandler* find(const std::string& kind) const {
    auto it = handlers_.find(kind);
    return it == handlers_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, JobHandler> handlers_;
};

// The kinds built in:
//   system.noop   does nothing (tests, benchmarks). Payload: {"sleepMs": n} waits n ms (≤ 600000)
//                 first; {"fail": "why"} fails every attempt with that message.
//   documents.upload_expire  removes the object of a direct upload never completed (due when its
//                 URL and grace have run out; completing the upload marks it done first).
//   audit.verify  checks every audit hash chain; a broken chain fails the job, so it ends dead and
//                 visible. Scheduled daily (schedule_daily_jobs).
//   document.extract  extracts a document version's text (app/documents/extraction.hpp). Payload:
//                 {"documentId", "version", "centreId"}; queued by uploads.
//   webhook.deliver  one attempt to POST a webhook delivery ({"deliveryId": …}); app/webhooks.
//   appointment.remind  an appointment's reminder: one in-app notification for its adviser and,
//                 with SMTP_URL set, one e-mail (app/notifications/notifications.hpp). Nothing
//                 once the appointment is cancelled, moved or given to another adviser.
//   retention.apply  RULES.md's retention (docs/retention.md): anonymises clients and purges the
//                 documents of cases closed more than six years ago, in batches. Scheduled daily.
inline constexpr const char* kNoopJob = "system.noop";
inline constexpr const char* kAuditVerifyJob = "audit.verify";
inline constexpr const char* kAppointmentRemindJob = "appointment.remind";
inline constexpr const char* kRetentionApplyJob = "retention.apply";
void add_builtin_handlers(HandlerRegistry& registry);

// The retention.apply handler; with `apply` false (RETENTION_APPLY=false) it only logs that the
// rules were not applied (the dry run, GET /api/v1/admin/retention/report, shows what is due).
JobHandler retention_apply_handler(bool apply);

// Enqueues today's run of each daily job unless it exists: the unique key "<kind>:<date>" makes
// every worker's attempt after the first a no-op. Returns the number it added.
int schedule_daily_jobs(const app::Deps& deps);

}  // namespace cma::jobs
