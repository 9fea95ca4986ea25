#include "store/jobs/repositories.hpp"

#include "app/jobs/ports.hpp"
#include "store/jobs/queries.hpp"

namespace cma::store::jobs {

namespace {

// A row of CMA_JOB_COLUMNS, in that order.
app::Job read_job(const db::Query& q) {
  app::Job j;
  q.read(0, j.id);
  q.read(1, j.centre_id);
  q.read(2, j.kind);
  q.read(3, j.payload);
  q.read(4, j.state);
  j.attempts = static_cast<int>(q.integer(5));
  j.max_attempts = static_cast<int>(q.integer(6));
  q.read(7, j.run_at);
  q.read(8, j.lease_owner);
  q.read(9, j.lease_expires_at);
  q.read(10, j.last_error);
  q.read(11, j.unique_key);
  q.read(12, j.created_at);
  q.read(13, j.updated_at);
  return j;
}

class Jobs final : public app::JobRepository {
 public:
  explicit Jobs(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  bool insert(const app::Job& j) override {
    long long added = 0;
    db::write_guarded([&] {
      db::Query q(statements_, sql::kInsertJob);
      q.bind("id", j.id)
          .bind("centre", j.centre_id)
          .bind("kind", j.kind)
          .bind("payload", j.payload)
          .bind("max_attempts", j.max_attempts)
          .bind("run_at", j.run_at)
          .bind("unique_key", j.unique_key)
          .bind("created", j.created_at);
      added = q.run();
    });
    if (added > 0 && pg()) {
      db::Query notify(statements_, sql::kNotifyJobsPostgresql);
      while (notify.next()) {
      }
    }
    return added > 0;
  }

  std::optional<app::Job> find(const std::string& id) override { return find_one(sql::kFindJob, id); }

  bool unique_key_taken(const std::string& centre_id, const std::string& unique_key) override {
    db::Query q(statements_, sql::kUniqueKeyTaken);
    q.bind("centre", centre_id).bind("unique_key", unique_key);
    return q.next() && q.integer(0) > 0;
  }

  std::optional<app::Job> find_for_update(const std::string& id) override {
    return find_one(pg() ? sql::kFindJobForUpdatePostgresql : sql::kFindJob, id);
  }

  std::vector<app::Job> claim(const std::string& owner, const std::string& now, const std::string& lease_until,
                              int limit) override {
    std::vector<app::Job> out;
    auto take = [&](const char* statement, int n) {
      db::Query q(statements_, statement);
      q.bind("owner", owner).bind("until", lease_until).bind("now", now).bind("limit", n);
      while (q.next()) out.push_back(read_job(q));
    };
    take(pg() ? sql::kClaimLapsedJobsPostgresql : sql::kClaimLapsedJobs, limit);
    if (static_cast<int>(out.size()) < limit)
      take(pg() ? sql::kClaimDueJobsPostgresql : sql::kClaimDueJobs, limit - static_cast<int>(out.size()));
    return out;
  }

  bool extend_lease(const std::string& id, const std::string& owner, const std::string& until,
                    const std::string& now) override {
    db::Query q(statements_, sql::kExtendJobLease);
    return q.bind("id", id).bind("owner", owner).bind("until", until).bind("now", now).run() > 0;
  }

  bool finish(const std::string& id, const std::string& owner, const std::string& state, const std::string& run_at,
              const std::string& last_error, const std::string& now) override {
    db::Query q(statements_, sql::kFinishJob);
    q.bind("id", id).bind("owner", owner).bind("state", state).bind("run_at", run_at).bind("error", last_error);
    return q.bind("now", now).run() > 0;
  }

  bool release(const std::string& id, const std::string& owner, const std::string& now) override {
    db::Query q(statements_, sql::kReleaseJob);
    return q.bind("id", id).bind("owner", owner).bind("now", now).run() > 0;
  }

  void update(const app::Job& j) override {
    db::Query q(statements_, sql::kUpdateJob);
    q.bind("id", j.id).bind("state", j.state).bind("attempts", j.attempts).bind("run_at", j.run_at);
    q.bind("error", j.last_error).bind("now", j.updated_at).run();
  }

  std::vector<app::Job> list(const app::JobQuery& query, const app::PageRequest& page) override {
    db::Query q(statements_, sql::kListJobs);
    q.bind("state", query.state).bind("kind", query.kind).bind("after", page.after_id).bind("limit", page.limit);
    std::vector<app::Job> out;
    while (q.next()) out.push_back(read_job(q));
    return out;
  }

  app::JobCounts counts(const std::string& now) override {
    app::JobCounts c;
    {
      db::Query q(statements_, sql::kCountJobsByState);
      while (q.next()) c.by_state[q.text(0)] = q.integer(1);
    }
    db::Query q(statements_, sql::kOldestDueJob);
    q.bind("now", now);
    if (q.next()) q.read(0, c.oldest_queued_run_at);
    return c;
  }

 private:
  bool pg() const { return dialect_ == db::Dialect::postgresql; }

  std::optional<app::Job> find_one(const char* statement, const std::string& id) {
    db::Query q(statements_, statement);
    q.bind("id", id);
    if (!q.next()) return std::nullopt;
    return read_job(q);
  }

  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::JobRepository, Jobs>();
}

}  // namespace cma::store::jobs
