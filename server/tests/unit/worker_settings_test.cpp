// The worker's settings: defaults, flags over the environment, and one line naming a bad variable.
#include <gtest/gtest.h>

#include "main/job_worker.hpp"

namespace cma::main {

namespace {
platform::EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}
}  // namespace

TEST(WorkerSettings, DefaultsFlagsOverTheEnvironmentAndEmptyMeansUnset) {
  WorkerSettings s;
  ASSERT_FALSE(load_worker_settings(env_of({}), {}, s).has_value());
  EXPECT_EQ(s.concurrency, 2);
  EXPECT_EQ(s.poll_interval_ms, 1000);
  EXPECT_EQ(s.lease_seconds, 60);
  EXPECT_EQ(s.grace_seconds, 20);
  EXPECT_EQ(s.inprocess, "auto");

  WorkerSettings t;
  ASSERT_FALSE(load_worker_settings(env_of({{"WORKER_CONCURRENCY", "8"},
                                            {"JOB_LEASE_SECONDS", "5"},
                                            {"WORKER_GRACE_SECONDS", ""},
                                            {"CMA_INPROCESS_WORKER", "false"}}),
                                    {{"WORKER_CONCURRENCY", "3"}}, t)
                   .has_value());
  EXPECT_EQ(t.concurrency, 3);
  EXPECT_EQ(t.lease_seconds, 5);
  EXPECT_EQ(t.grace_seconds, 20);
  EXPECT_EQ(t.inprocess, "false");
}

TEST(WorkerSettings, AnInvalidValueNamesItsVariable) {
  for (auto [name, value] : std::vector<std::pair<std::string, std::string>>{{"WORKER_CONCURRENCY", "0"},
                                                                             {"WORKER_CONCURRENCY", "2x"},
                                                                             {"JOB_POLL_INTERVAL_MS", "5"},
                                                                             {"JOB_LEASE_SECONDS", "-1"},
                                                                             {"WORKER_GRACE_SECONDS", "99999"},
                                                                             {"CMA_INPROCESS_WORKER", "yes"}}) {
    WorkerSettings s;
    auto err = load_worker_settings(env_of({{name, value}}), {}, s);
    ASSERT_TRUE(err.has_value()) << name << "=" << value;
    EXPECT_EQ(err->variable, name);
  }
}

TEST(WorkerSettings, TheInProcessWorkerRunsOnSqliteUnlessToldOtherwise) {
  platform::Config sqlite, postgres;
  sqlite.database_url = "sqlite:///./var/cma.db";
  postgres.database_url = "postgresql://cma@db/cma";
  WorkerSettings s;
  EXPECT_TRUE(runs_inprocess_worker(s, sqlite));
  EXPECT_FALSE(runs_inprocess_worker(s, postgres));
  s.inprocess = "true";
  EXPECT_TRUE(runs_inprocess_worker(s, postgres));
  s.inprocess = "false";
  EXPECT_FALSE(runs_inprocess_worker(s, sqlite));
}

}  // namespace cma::main
