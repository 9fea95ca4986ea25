#include "jobs/handlers.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <thread>

#include "app/audit/audit_log.hpp"
#include "app/documents/documents.hpp"
#include "app/documents/extraction.hpp"
#include "app/jobs/jobs.hpp"
#include "app/notifications/notifications.hpp"
#include "app/retention/retention.hpp"
#include "app/webhooks/webhooks.hpp"
#include "platform/log.hpp"

namespace cma::jobs {

namespace {

JobResult noop(JobContext& ctx) {
  boost::system::error_code ec;
  auto v = boost::json::parse(ctx.job().payload, ec);
  if (ec || !v.is_object()) return JobResult::permanent("the payload is not a JSON object");
  const auto& o = v.as_object();
  if (const auto* sleep = o.if_contains("sleepMs")) {
    if (!sleep->is_int64() || sleep->as_int64() < 0 || sleep->as_int64() > 600000)
      return JobResult::permanent("sleepMs must be a whole number of milliseconds from 0 to 600000");
    if (!ctx.sleep_for(std::chrono::milliseconds(sleep->as_int64()))) return JobResult::interrupted();
  }
  if (const auto* fail = o.if_contains("fail")) {
    if (!fail->is_string()) return JobResult::permanent("fail must be a string");
    return JobResult::failed(std::string(fail->as_string()));
  }
  return JobResult::done();
}

JobResult audit_verify(JobContext& ctx) {
  auto report = app::verify_audit(ctx.deps().db);
  if (!report.problems.empty()) {
    const auto& p = report.problems.front();
    return JobResult::failed(std::to_string(report.problems.size()) + " audit chain(s) broken; first: chain " +
                             (p.chain.empty() ? "network" : p.chain) + " entry " + std::to_string(p.seq) + ": " +
                             p.reason);
  }
  platform::log::info("audit.verified",
                      platform::log::Fields().add("chains", report.chains).add("entries", report.entries));
  return JobResult::done();
}

JobResult document_extract(JobContext& ctx) {
  const auto& job = ctx.job();
  boost::system::error_code ec;
  auto v = boost::json::parse(job.payload, ec);
  if (ec || !v.is_object()) return JobResult::permanent("the payload is not a JSON object");
  const auto& o = v.as_object();
  const auto* document = o.if_contains("documentId");
  const auto* version = o.if_contains("version");
  const auto* centre = o.if_contains("centreId");
  if (document == nullptr || !document->is_string() || document->as_string().empty())
    return JobResult::permanent("documentId must be a document's id");
  if (version == nullptr || !version->is_int64() || version->as_int64() < 1 || version->as_int64() > 1000000)
    return JobResult::permanent("version must be a version number");
  // The job's own centre is the tenant it works for; a payload naming another is refused.
  if (centre == nullptr || !centre->is_string() || job.centre_id.empty() || centre->as_string() != job.centre_id)
    return JobResult::permanent("centreId must be the job's centre");
  app::RequestMeta meta{"job-" + job.id, "local", "cma worker"};
  auto run = app::run_extraction(ctx.deps(), job.centre_id, std::string(document->as_string()),
                                 static_cast<int>(version->as_int64()), job.attempts >= job.max_attempts, meta);
  if (run.status == app::ExtractionRun::Status::retry) return JobResult::failed(run.error);
  return JobResult::done();
}

// A direct upload that was never completed: its object is removed (app/documents).
JobResult expire_upload(JobContext& ctx) {
  auto done = app::expire_direct_upload(ctx.deps(), ctx.job());
  if (!done) return JobResult::failed(done.error().detail);
  return JobResult::done();
}

// One attempt at a webhook delivery; the queue's backoff spaces the retries (docs/webhooks.md).
JobResult webhook_deliver(JobContext& ctx) {
  boost::system::error_code ec;
  auto v = boost::json::parse(ctx.job().payload, ec);
  const boost::json::value* id = (ec || !v.is_object()) ? nullptr : v.as_object().if_contains("deliveryId");
  if (id == nullptr || !id->is_string()) return JobResult::permanent("the payload has no deliveryId");
  auto attempt = app::deliver_webhook(ctx.deps(), ctx.job().centre_id, std::string(id->as_string()), ctx.job().attempts,
                                      ctx.job().max_attempts);
  switch (attempt.outcome) {
    case app::WebhookAttempt::Outcome::delivered:
    case app::WebhookAttempt::Outcome::nothing_to_do:
      return JobResult::done();
    case app::WebhookAttempt::Outcome::retry:
      return JobResult::failed(attempt.error);
    case app::WebhookAttempt::Outcome::failed:
      return JobResult::permanent(attempt.error);
  }
  return JobResult::done();
}

JobResult appointment_remind(JobContext& ctx) {
  auto run = app::run_appointment_reminder(ctx.deps(), ctx.job());
  switch (run.outcome) {
    case app::ReminderRun::Outcome::reminded:
    case app::ReminderRun::Outcome::stale:
      return JobResult::done();
    case app::ReminderRun::Outcome::failed:
      return JobResult::failed(run.error);
    case app::ReminderRun::Outcome::bad_payload:
      return JobResult::permanent(run.error);
  }
  return JobResult::permanent("unknown reminder outcome");
}

}  // namespace

bool JobContext::sleep_for(std::chrono::milliseconds d) const {
  auto until = std::chrono::steady_clock::now() + d;
  while (!should_stop()) {
    auto left = until - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return true;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(20)));
  }
  return false;
}

void add_builtin_handlers(HandlerRegistry& registry) {
  registry.add(kNoopJob, noop);
  registry.add(kAuditVerifyJob, audit_verify);
  registry.add(app::kExtractJob, document_extract);
  registry.add(app::kDirectUploadExpiryJob, expire_upload);
  registry.add(app::kWebhookDeliverJob, webhook_deliver);
  registry.add(kAppointmentRemindJob, appointment_remind);
  registry.add(kRetentionApplyJob, retention_apply_handler(true));
}

JobHandler retention_apply_handler(bool apply) {
  return [apply](JobContext& ctx) {
    if (!apply) {
      platform::log::info("retention.report_only", platform::log::Fields().add("job", ctx.job().id));
      return JobResult::done();
    }
    auto result = app::apply_retention(ctx.deps(), ctx.job().id, 100, [&ctx] { return ctx.should_stop(); });
    platform::log::info("retention.applied",
                        platform::log::Fields()
                            .add("job", ctx.job().id)
                            .add("clientsAnonymised", static_cast<std::int64_t>(result.clients_anonymised))
                            .add("documentsPurged", static_cast<std::int64_t>(result.documents_purged))
                            .add("blobsDeleted", static_cast<std::int64_t>(result.blobs_deleted)));
    return result.interrupted ? JobResult::interrupted() : JobResult::done();
  };
}

int schedule_daily_jobs(const app::Deps& deps) {
  auto today = platform::format_time(deps.clock.now()).substr(0, 10);
  int added = 0;
  for (const char* kind : {kAuditVerifyJob, kRetentionApplyJob}) {
    app::JobDraft draft;
    draft.kind = kind;
    draft.max_attempts = 3;
    draft.unique_key = std::string(kind) + ":" + today;
    auto tx = deps.db.begin(app::TxMode::write);
    if (app::enqueue_job(deps, *tx, draft)) ++added;
    tx->commit();
  }
  return added;
}

}  // namespace cma::jobs
