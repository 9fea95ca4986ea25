// The durable job queue: enqueue in the caller's transaction, claiming under a lease by many threads
// and processes, expired leases, backoff and dead jobs, scheduled jobs' unique keys, the admin API,
// and `cma worker` killed, drained and run twice.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "app/jobs/jobs.hpp"
#include "app/jobs/ports.hpp"
#include "jobs/handlers.hpp"
#include "jobs/worker.hpp"
#include "redis/client.hpp"
#include "redis/job_wakeups.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/redis_server.hpp"
#include "support/test_app.hpp"

namespace cma::testing::jobs_itest {
namespace json = boost::json;
using std::chrono::milliseconds;

namespace {

// The queue on the real clock: leases and run_at are compared with the time now.
struct Queue {
  explicit Queue(TestApp& app) : ids(clock), deps{app.db(), clock, ids, app.reference()} {}
  platform::SystemClock clock;
  platform::UuidV7Generator ids;
  app::Deps deps;

  app::Job enqueue(const std::string& payload = "{}", int max_attempts = 5, const std::string& kind = "system.noop",
                   const std::string& run_at = "") {
    app::JobDraft d;
    d.run_at = run_at;
    d.kind = kind;
    d.payload = payload;
    d.max_attempts = max_attempts;
    auto tx = deps.db.begin(app::TxMode::write);
    auto job = app::enqueue_job(deps, *tx, d);
    tx->commit();
    EXPECT_TRUE(job.has_value());
    return *job;
  }
  std::optional<app::Job> find(const std::string& id) {
    auto tx = deps.db.begin(app::TxMode::read);
    return tx->get<app::JobRepository>().find(id);
  }
  std::vector<app::Job> all(const std::string& state = "", const std::string& kind = "") {
    auto tx = deps.db.begin(app::TxMode::read);
    app::PageRequest page;
    page.limit = 100000;
    return tx->get<app::JobRepository>().list({state, kind}, page);
  }
  long long count(const std::string& state) {
    auto c = app::count_jobs(deps);
    auto it = c.by_state.find(state);
    return it == c.by_state.end() ? 0 : it->second;
  }
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Log lines of `event` about system.noop jobs (workers also run the day's scheduled audit.verify).
int noop_lines(const std::string& log, const std::string& event) {
  int n = 0;
  std::size_t start = 0;
  while (start < log.size()) {
    auto end = log.find('\n', start);
    if (end == std::string::npos) end = log.size();
    auto line = log.substr(start, end - start);
    if (line.find("\"" + event + "\"") != std::string::npos && line.find("system.noop") != std::string::npos) ++n;
    start = end + 1;
  }
  return n;
}

// Kills and reaps a `cma` child that a failed assertion left running (one already reaped is left alone).
struct Reaper {
  std::vector<pid_t> pids;
  ~Reaper() {
    for (auto pid : pids)
      if (::waitpid(pid, nullptr, WNOHANG) == 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
      }
  }
};

std::vector<std::string> worker_env(TestApp& app, std::vector<std::string> extra = {}) {
  std::vector<std::string> env{"DATABASE_URL=" + app.database_url(), "DATA_DIR=" + temp_dir(), "LOG_LEVEL=info",
                               "JOB_POLL_INTERVAL_MS=50", "PORT=0"};
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

}  // namespace

TEST(Jobs, EnqueuedInARolledBackTransactionLeavesNoJob) {
  TestApp app;
  Queue q(app);
  app::JobDraft d;
  d.kind = "system.noop";
  {
    auto tx = q.deps.db.begin(app::TxMode::write);
    ASSERT_TRUE(app::enqueue_job(q.deps, *tx, d).has_value());
  }  // not committed
  EXPECT_TRUE(q.all().empty());
  std::string id;
  {
    auto tx = q.deps.db.begin(app::TxMode::write);
    id = app::enqueue_job(q.deps, *tx, d)->id;
    tx->commit();
  }
  auto job = q.find(id);
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->state, "queued");
  EXPECT_EQ(job->attempts, 0);
  EXPECT_EQ(job->centre_id, "");
  EXPECT_EQ(q.all().size(), 1u);
}

TEST(Jobs, ConcurrentClaimersNeverHoldTheSameJobAndEveryJobRuns) {
  TestApp app;
  Queue q(app);
  constexpr int kJobs = 240, kThreads = 8;
  for (int i = 0; i < kJobs; ++i) q.enqueue();
  std::mutex mu;
  std::set<std::string> held;       // claimed and not yet completed
  std::map<std::string, int> runs;  // completed, by job
  std::atomic<int> overlaps{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string owner = "test:" + std::to_string(t);
      for (int idle = 0; idle < 20;) {
        auto claimed = app::claim_jobs(q.deps, owner, std::chrono::seconds(30), 1 + t % 3);
        if (claimed.empty()) {
          ++idle;
          std::this_thread::sleep_for(milliseconds(5));
          continue;
        }
        idle = 0;
        for (const auto& j : claimed) {
          std::lock_guard lock(mu);
          if (!held.insert(j.id).second) ++overlaps;
        }
        for (const auto& j : claimed) {
          EXPECT_TRUE(app::complete_job(q.deps, j, owner));
          std::lock_guard lock(mu);
          held.erase(j.id);
          ++runs[j.id];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_EQ(runs.size(), static_cast<std::size_t>(kJobs));
  for (const auto& [id, n] : runs) EXPECT_EQ(n, 1) << id;
  EXPECT_EQ(q.count("done"), kJobs);
  EXPECT_EQ(q.count("queued"), 0);
}

TEST(Jobs, AnExpiredLeaseReturnsTheJobToTheQueue) {
  TestApp app;
  Queue q(app);
  auto id = q.enqueue().id;
  auto first = app::claim_jobs(q.deps, "a", milliseconds(300), 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].attempts, 1);
  EXPECT_TRUE(app::claim_jobs(q.deps, "b", milliseconds(300), 1).empty()) << "claimed while the lease held";
  EXPECT_TRUE(app::extend_job_lease(q.deps, first[0], "a", milliseconds(300)));
  EXPECT_FALSE(app::extend_job_lease(q.deps, first[0], "b", milliseconds(300)));
  std::this_thread::sleep_for(milliseconds(400));
  auto second = app::claim_jobs(q.deps, "b", milliseconds(30000), 1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].id, id);
  EXPECT_EQ(second[0].attempts, 2);
  EXPECT_EQ(second[0].lease_owner, "b");
  // The first holder's late result is discarded; the new holder's counts.
  EXPECT_FALSE(app::complete_job(q.deps, first[0], "a"));
  EXPECT_FALSE(app::extend_job_lease(q.deps, first[0], "a", milliseconds(300)));
  EXPECT_TRUE(app::complete_job(q.deps, second[0], "b"));
  EXPECT_EQ(q.find(id)->state, "done");
}

// A claim takes jobs whose lease lapsed first, then due jobs oldest first, and leaves jobs not yet
// due; completing a job claims the runner's next one in the same transaction.
TEST(Jobs, ClaimsTakeLapsedLeasesThenDueJobsOldestFirst) {
  TestApp app;
  Queue q(app);
  auto at = [&](std::chrono::seconds from_now) { return platform::format_time(q.clock.now() + from_now); };
  auto lapsed = q.enqueue();
  ASSERT_EQ(app::claim_jobs(q.deps, "died", milliseconds(1), 1).size(), 1u);  // then its worker died
  auto newer = q.enqueue("{}", 5, "system.noop", at(-std::chrono::seconds(60)));
  auto older = q.enqueue("{}", 5, "system.noop", at(-std::chrono::seconds(120)));
  auto later = q.enqueue("{}", 5, "system.noop", at(std::chrono::seconds(3600)));
  std::this_thread::sleep_for(milliseconds(20));
  auto first = app::claim_jobs(q.deps, "w", milliseconds(30000), 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, lapsed.id);
  EXPECT_EQ(first[0].attempts, 2);
  EXPECT_EQ(first[1].id, older.id);
  auto rest = app::claim_jobs(q.deps, "w", milliseconds(30000), 10);
  ASSERT_EQ(rest.size(), 1u) << "the job due in an hour is left";
  EXPECT_EQ(rest[0].id, newer.id);
  EXPECT_EQ(q.find(later.id)->state, "queued");

  auto nothing_due = app::complete_job_and_claim(q.deps, first[0], "w", milliseconds(30000));
  EXPECT_TRUE(nothing_due.held);
  EXPECT_FALSE(nothing_due.next.has_value());
  auto waiting = q.enqueue();
  auto done = app::complete_job_and_claim(q.deps, first[1], "w", milliseconds(30000));
  EXPECT_TRUE(done.held);
  ASSERT_TRUE(done.next.has_value());
  EXPECT_EQ(done.next->id, waiting.id);
  EXPECT_EQ(q.find(waiting.id)->lease_owner, "w");
  EXPECT_EQ(q.find(first[1].id)->state, "done");
  // A completion by a runner that no longer holds the lease changes nothing.
  auto stale = app::complete_job_and_claim(q.deps, first[0], "w", milliseconds(30000));
  EXPECT_FALSE(stale.held);
}

TEST(Jobs, FailuresBackOffThenTheJobIsDead) {
  TestApp app;
  Queue q(app);
  auto failing = q.enqueue(R"({"fail":"boom"})", 3);
  auto fine = q.enqueue(R"({"sleepMs":1})");
  auto bad = q.enqueue(R"({"sleepMs":"soon"})");
  jobs::HandlerRegistry handlers;
  jobs::add_builtin_handlers(handlers);
  jobs::WorkerOptions options;
  options.concurrency = 2;
  options.poll_interval = milliseconds(20);
  options.backoff = {milliseconds(200), milliseconds(400)};
  options.schedule = false;
  jobs::Worker worker(q.deps, handlers, options, nullptr);
  auto started = std::chrono::steady_clock::now();
  worker.start();
  std::vector<std::string> run_ats;
  ASSERT_TRUE(wait_until(
      [&] {
        auto j = q.find(failing.id);
        if (j->state == "queued" && j->attempts > 0 && (run_ats.empty() || run_ats.back() != j->run_at))
          run_ats.push_back(j->run_at);
        return j->state == "dead";
      },
      20));
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(wait_until([&] { return q.find(fine.id)->state == "done" && q.find(bad.id)->state == "dead"; }, 10));
  EXPECT_EQ(worker.stop(milliseconds(1000)), 0);
  auto dead = *q.find(failing.id);
  EXPECT_EQ(dead.attempts, 3);
  EXPECT_EQ(dead.last_error, "boom");
  EXPECT_EQ(dead.lease_owner, "");
  // Two retries waited at least half of 200 ms and of 400 ms (equal jitter).
  EXPECT_GE(took, milliseconds(100 + 200));
  EXPECT_EQ(worker.outcomes().retried.load(), 2u);
  EXPECT_EQ(worker.outcomes().dead.load(), 2u);  // the failing job, and the one whose payload is wrong
  EXPECT_EQ(worker.outcomes().done.load(), 1u);
  auto wrong = *q.find(bad.id);
  EXPECT_EQ(wrong.attempts, 1) << "a permanent failure is not retried";
  EXPECT_NE(wrong.last_error.find("sleepMs"), std::string::npos) << wrong.last_error;
}

TEST(Jobs, AUniqueKeyLetsOnlyOneOfManyRacingWorkersScheduleARun) {
  TestApp app;
  Queue q(app);
  constexpr int kRacers = 8;
  std::barrier start(kRacers);
  std::atomic<int> added{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < kRacers; ++i) {
    racers.emplace_back([&] {
      start.arrive_and_wait();
      added += jobs::schedule_daily_jobs(q.deps);
    });
  }
  for (auto& t : racers) t.join();
  EXPECT_EQ(added.load(), 2);  // audit.verify and retention.apply
  auto scheduled = q.all("", "audit.verify");
  ASSERT_EQ(scheduled.size(), 1u);
  EXPECT_EQ(scheduled[0].unique_key, "audit.verify:" + platform::format_time(q.clock.now()).substr(0, 10));
  // Once it has run, the day's key still stands: no second run that day.
  ASSERT_EQ(q.all("", "retention.apply").size(), 1u);
  auto claimed = app::claim_jobs(q.deps, "w", std::chrono::seconds(30), 10);
  ASSERT_EQ(claimed.size(), 2u);
  for (const auto& j : claimed) ASSERT_TRUE(app::complete_job(q.deps, j, "w"));
  EXPECT_EQ(jobs::schedule_daily_jobs(q.deps), 0);
}

TEST(Jobs, AdminsRetryAndCancelOthersAreRefusedAndBothAreAudited) {
  TestApp app;
  Queue q(app);
  auto job = q.enqueue(R"({"sleepMs":5})");
  auto admin = app.login(app.admin);
  for (const auto* who : {&app.manager_a, &app.advisor_a}) {
    auto t = app.login(*who);
    EXPECT_EQ(app.get("/api/v1/jobs", t).status, 403);
    EXPECT_EQ(app.get("/api/v1/jobs/" + job.id, t).status, 403);
    EXPECT_EQ(app.post("/api/v1/jobs/" + job.id + "/cancel", json::object{}, t).status, 403);
    EXPECT_EQ(app.post("/api/v1/jobs/" + job.id + "/retry", json::object{}, t).status, 403);
  }
  EXPECT_EQ(q.find(job.id)->state, "queued");

  auto listed = app.get("/api/v1/jobs?state=queued&kind=system.noop", admin);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.obj().at("items").as_array()[0].as_object().at("payload").as_object().at("sleepMs").as_int64(), 5);
  EXPECT_EQ(app.get("/api/v1/jobs?state=later", admin).status, 422);
  EXPECT_EQ(app.get("/api/v1/jobs/not-a-job", admin).status, 404);
  EXPECT_EQ(app.get("/api/v1/jobs/" + q.ids.next(), admin).status, 404);

  EXPECT_EQ(app.post("/api/v1/jobs/" + job.id + "/retry", json::object{}, admin).status, 409)
      << "queued: nothing to retry";
  auto cancelled = app.post("/api/v1/jobs/" + job.id + "/cancel", json::object{}, admin);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.str("state"), "cancelled");
  EXPECT_TRUE(app::claim_jobs(q.deps, "w", std::chrono::seconds(30), 10).empty()) << "a cancelled job ran";
  EXPECT_EQ(app.post("/api/v1/jobs/" + job.id + "/cancel", json::object{}, admin).status, 409);
  auto retried = app.post("/api/v1/jobs/" + job.id + "/retry", json::object{}, admin);
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.str("state"), "queued");
  EXPECT_EQ(retried.obj().at("attempts").as_int64(), 0);
  EXPECT_EQ(app::claim_jobs(q.deps, "w", std::chrono::seconds(30), 10).size(), 1u);

  auto audit = app.get("/api/v1/audit?entityId=" + job.id, admin);
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  for (const auto& e : audit.obj().at("items").as_array()) actions.emplace_back(e.as_object().at("action").as_string());
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"job.cancel", "job.retry"}));

  // Keyset pages, newest first.
  auto second = q.enqueue();
  auto page1 = app.get("/api/v1/jobs?limit=1", admin);
  ASSERT_EQ(page1.status, 200);
  EXPECT_EQ(page1.obj().at("items").as_array()[0].as_object().at("id").as_string(), second.id);
  auto page2 = app.get("/api/v1/jobs?limit=1&cursor=" + page1.str("nextCursor"), admin);
  ASSERT_EQ(page2.status, 200);
  EXPECT_EQ(page2.obj().at("items").as_array()[0].as_object().at("id").as_string(), job.id);
  EXPECT_TRUE(page2.obj().at("nextCursor").is_null());
}

TEST(JobsProcess, TwoWorkerProcessesRunEveryJobOnce) {
  TestApp app;
  Queue q(app);
  Reaper reaper;  // declared after the app: the children go before their database
  constexpr int kJobs = 60;
  const std::string token(40, 't');
  auto a = spawn_cma({"worker", "--concurrency", "3"},
                     worker_env(app, {"METRICS_TOKEN=" + token, "CMA_EMF=true", "CMA_EMF_INTERVAL_SECONDS=1",
                                      "CMA_ENVIRONMENT=itest"}));
  reaper.pids.push_back(a.pid);
  auto b = spawn_cma({"worker", "--concurrency", "3"}, worker_env(app));
  reaper.pids.push_back(b.pid);
  // Both polling before there is work, and work enough (about 2 s for one worker alone) that both
  // get some of it, however slowly either started.
  ASSERT_TRUE(wait_until([&] { return listening_port(slurp(a.log)) && listening_port(slurp(b.log)); }, 60))
      << slurp(a.log) << slurp(b.log);
  std::vector<std::string> ids;
  for (int i = 0; i < kJobs; ++i) ids.push_back(q.enqueue(R"({"sleepMs":100})").id);
  EXPECT_TRUE(wait_until([&] { return q.all("done", "system.noop").size() == static_cast<std::size_t>(kJobs); }, 60))
      << slurp(a.log) << slurp(b.log);
  // Each answers its container's health check on its own port; a metrics token opens /metrics.
  auto port_a = listening_port(slurp(a.log)), port_b = listening_port(slurp(b.log));
  ASSERT_TRUE(port_a && port_b);
  EXPECT_EQ(http_request(*port_a, "GET", "/health").status, 200);
  EXPECT_EQ(http_request(*port_b, "GET", "/health").status, 200);
  EXPECT_EQ(http_request(*port_a, "GET", "/api/v1/jobs").status, 404);
  EXPECT_EQ(http_request(*port_a, "GET", "/metrics").status, 401);
  EXPECT_EQ(http_request(*port_b, "GET", "/metrics", "", {{"Authorization", "Bearer " + token}}).status, 404);
  auto metrics = http_request(*port_a, "GET", "/metrics", "", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("\ncma_jobs_completed_total "), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\ncma_jobs_queued 0\n"), std::string::npos) << metrics.body;
  ::kill(a.pid, SIGTERM);
  ::kill(b.pid, SIGTERM);
  EXPECT_EQ(wait_exit(a.pid, 30), 0);
  EXPECT_EQ(wait_exit(b.pid, 30), 0);
  auto logs = slurp(a.log) + slurp(b.log);
  EXPECT_EQ(noop_lines(logs, "job.completed"), kJobs);
  for (const auto& id : ids) EXPECT_EQ(count_of(logs, "\"job\":\"" + id + "\""), 2) << id;  // started, completed
  EXPECT_GT(noop_lines(slurp(a.log), "job.completed"), 0) << "one worker ran every job";
  EXPECT_GT(noop_lines(slurp(b.log), "job.completed"), 0) << "one worker ran every job";
  // With CMA_EMF, worker a wrote its job figures as CloudWatch metrics, per Environment, once a
  // second and once more on the way out: together they count each job it completed, once.
  double succeeded = 0, failed = 0;
  int job_lines = 0;
  for (const auto& line : split_lines(slurp(a.log))) {
    if (line.find("\"JobsSucceeded\"") == std::string::npos) continue;
    auto doc = json::parse(line).as_object();
    EXPECT_EQ(json::serialize(doc.at("_aws").at("CloudWatchMetrics").at(0).at("Dimensions")), R"([["Environment"]])");
    EXPECT_EQ(doc.at("Environment").as_string(), "itest");
    EXPECT_TRUE(doc.contains("QueueDepth")) << line;
    succeeded += doc.at("JobsSucceeded").to_number<double>();
    failed += doc.at("JobsFailed").to_number<double>();
    ++job_lines;
  }
  EXPECT_GE(job_lines, 2) << slurp(a.log);
  EXPECT_EQ(succeeded, count_of(slurp(a.log), "\"job.completed\""));
  EXPECT_EQ(failed, 0);
}

TEST(JobsProcess, AWorkerKilledMidJobLeavesItToAnotherOnceTheLeaseRunsOut) {
  TestApp app;
  Queue q(app);
  Reaper reaper;  // declared after the app: the children go before their database
  auto job = q.enqueue(R"({"sleepMs":1500})");
  auto a = spawn_cma({"worker", "--concurrency", "1"}, worker_env(app, {"JOB_LEASE_SECONDS=2"}));
  reaper.pids.push_back(a.pid);
  ASSERT_TRUE(wait_until([&] { return q.find(job.id)->state == "running"; }, 30)) << slurp(a.log);
  ASSERT_EQ(::kill(a.pid, SIGKILL), 0);
  EXPECT_EQ(wait_exit(a.pid, 10), 128 + SIGKILL);
  auto killed_at = std::chrono::steady_clock::now();
  auto held = *q.find(job.id);
  EXPECT_EQ(held.state, "running");
  EXPECT_NE(held.lease_owner.find(":" + std::to_string(a.pid) + ":"), std::string::npos) << held.lease_owner;
  auto b = spawn_cma({"worker", "--concurrency", "1"}, worker_env(app, {"JOB_LEASE_SECONDS=2"}));
  reaper.pids.push_back(b.pid);
  ASSERT_TRUE(wait_until([&] { return q.find(job.id)->state == "done"; }, 30)) << slurp(b.log);
  // Not before the dead worker's lease ran out (at most 2 s after it was last extended).
  EXPECT_GE(std::chrono::steady_clock::now() - killed_at, milliseconds(1500));
  ::kill(b.pid, SIGTERM);
  EXPECT_EQ(wait_exit(b.pid, 30), 0);
  auto done = *q.find(job.id);
  EXPECT_EQ(done.attempts, 2) << slurp(a.log) << slurp(b.log);
  // (A process killed with SIGKILL may not have flushed its last log lines: its part is read from
  // the lease it held, above.)
  EXPECT_EQ(noop_lines(slurp(a.log), "job.completed"), 0);
  EXPECT_EQ(noop_lines(slurp(b.log), "job.started"), 1);
  EXPECT_EQ(noop_lines(slurp(b.log), "job.completed"), 1);
}

TEST(JobsProcess, SigtermFinishesRunningJobsWithinTheGraceAndReleasesTheRest) {
  TestApp app;
  Queue q(app);
  Reaper reaper;  // declared after the app: the children go before their database
  auto quick = q.enqueue(R"({"sleepMs":800})");
  auto slow = q.enqueue(R"({"sleepMs":600000})");
  auto w = spawn_cma({"worker", "--concurrency", "2", "--grace-seconds", "3"}, worker_env(app));
  reaper.pids.push_back(w.pid);
  ASSERT_TRUE(wait_until([&] { return noop_lines(slurp(w.log), "job.started") == 2; }, 30)) << slurp(w.log);
  ASSERT_EQ(::kill(w.pid, SIGTERM), 0);
  EXPECT_EQ(wait_exit(w.pid, 20), 0) << slurp(w.log);
  EXPECT_EQ(q.find(quick.id)->state, "done");
  auto released = *q.find(slow.id);
  EXPECT_EQ(released.state, "queued");
  EXPECT_EQ(released.attempts, 0);
  EXPECT_EQ(released.lease_owner, "");
  EXPECT_NE(slurp(w.log).find("job.released"), std::string::npos);
}

TEST(JobsProcess, OnPostgresqlANotificationWakesAnIdleWorkerLongBeforeItsNextPoll) {
  if (!using_postgres()) GTEST_SKIP() << "SQLite has no notifications: its workers poll";
  TestApp app;
  Queue q(app);
  Reaper reaper;  // declared after the app: the children go before their database
  auto w = spawn_cma({"worker", "--concurrency", "1", "--poll-interval-ms", "60000"}, worker_env(app));
  reaper.pids.push_back(w.pid);
  // The worker's start-up: it claims once, and schedules (and runs) the day's audit.verify. Then
  // its runner is idle until a notification or a minute from now.
  ASSERT_TRUE(wait_until([&] { return q.all("done", "audit.verify").size() == 1; }, 30)) << slurp(w.log);
  std::this_thread::sleep_for(milliseconds(300));
  auto job = q.enqueue();
  auto enqueued = std::chrono::steady_clock::now();
  EXPECT_TRUE(wait_until([&] { return q.find(job.id)->state == "done"; }, 10)) << slurp(w.log);
  EXPECT_LT(std::chrono::steady_clock::now() - enqueued, std::chrono::seconds(5))
      << "woken by the poll, not the notification";
  ::kill(w.pid, SIGTERM);
  EXPECT_EQ(wait_exit(w.pid, 30), 0);
}

TEST(JobsProcess, ServeRunsAWorkerInProcessAndShowsTheQueueOnMetrics) {
  TestApp app;
  Queue q(app);
  Reaper reaper;  // declared after the app: the children go before their database
  auto job = q.enqueue();
  const std::string token(40, 'm');
  auto s = spawn_cma({"serve", "--port", "0", "--worker", "true"},
                     worker_env(app, {"METRICS_TOKEN=" + token, "JWT_SECRET=" + std::string(48, 's')}));
  reaper.pids.push_back(s.pid);
  std::optional<int> port;
  ASSERT_TRUE(wait_until([&] { return (port = listening_port(slurp(s.log))).has_value(); }, 30)) << slurp(s.log);
  ASSERT_TRUE(wait_until([&] { return q.find(job.id)->state == "done"; }, 30)) << slurp(s.log);
  q.enqueue(R"({"fail":"no"})", 1);
  // The worker also schedules (and runs) the day's audit.verify and retention.apply.
  ASSERT_TRUE(wait_until([&] { return q.count("dead") == 1 && q.count("done") == 3; }, 30)) << slurp(s.log);
  std::this_thread::sleep_for(milliseconds(1100));  // the queue figures are read at most once a second
  auto metrics = http_request(*port, "GET", "/metrics", "", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("\ncma_jobs_done 3\n"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\ncma_jobs_dead 1\n"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\ncma_jobs_queued 0\n"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\ncma_jobs_completed_total 3\n"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\ncma_jobs_dead_total 1\n"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\ncma_jobs_oldest_due_age_seconds "), std::string::npos) << metrics.body;
  ::kill(s.pid, SIGTERM);
  EXPECT_EQ(wait_exit(s.pid, 30), 0);
}

// With REDIS_URL a job queued through the API wakes an idle `cma worker` at once, on either database
// (SQLite has no notifications, and re-queuing a job sends none on PostgreSQL either): the wake-up is
// Redis's. With Redis killed the worker says so once and the next job still runs, at its poll.
TEST(JobsProcess, WithRedisAJobQueuedThroughTheApiWakesAnIdleWorkerAtOnce) {
  RedisServer redis;
  redis::Client client(redis.settings());
  redis::RedisJobNotifier notifier(client);
  TestAppOptions options;
  options.job_notifier = &notifier;
  TestApp app(options);
  Queue q(app);
  Reaper reaper;  // declared after the app: the children go before their database
  auto admin = app.login(app.admin);
  // A job that is not due (so neither polling nor a notification runs it), then cancelled: the
  // API's retry queues it again, due now.
  auto parked = [&] {
    app::JobDraft d;
    d.kind = "system.noop";
    d.payload = "{}";
    d.run_at = platform::format_time(q.clock.now() + std::chrono::hours(1));
    auto tx = q.deps.db.begin(app::TxMode::write);
    auto job = app::enqueue_job(q.deps, *tx, d);
    tx->commit();
    EXPECT_EQ(app.post("/api/v1/jobs/" + job->id + "/cancel", json::object{}, admin).status, 200);
    return job->id;
  };
  constexpr int kPollMs = 8000;
  auto w = spawn_cma({"worker", "--concurrency", "1", "--poll-interval-ms", std::to_string(kPollMs)},
                     worker_env(app, {"REDIS_URL=" + redis.url()}));
  reaper.pids.push_back(w.pid);
  // Its start-up: a claim, and the day's audit.verify. Then the runner is idle until woken.
  ASSERT_TRUE(wait_until([&] { return q.all("done", "audit.verify").size() == 1; }, 30)) << slurp(w.log);
  std::this_thread::sleep_for(milliseconds(500));

  auto first = parked();
  auto retried = app.post("/api/v1/jobs/" + first + "/retry", json::object{}, admin);
  ASSERT_EQ(retried.status, 200) << retried.body;
  auto queued = std::chrono::steady_clock::now();
  EXPECT_TRUE(wait_until([&] { return q.find(first)->state == "done"; }, 20)) << slurp(w.log);
  EXPECT_LT(std::chrono::steady_clock::now() - queued, milliseconds(kPollMs / 3)) << "woken by the poll, not by Redis\n"
                                                                                  << slurp(w.log);

  redis.kill();
  auto second = parked();
  ASSERT_EQ(app.post("/api/v1/jobs/" + second + "/retry", json::object{}, admin).status, 200);
  EXPECT_TRUE(wait_until([&] { return q.find(second)->state == "done"; }, 3 * kPollMs / 1000 + 10)) << slurp(w.log);
  EXPECT_EQ(count_of(slurp(w.log), "\"jobs.wakeups_unavailable\""), 1) << slurp(w.log);
  ::kill(w.pid, SIGTERM);
  EXPECT_EQ(wait_exit(w.pid, 30), 0);
}

}  // namespace cma::testing::jobs_itest
