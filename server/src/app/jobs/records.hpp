#pragma once
// The jobs module's records.
#include <map>
#include <string>

namespace cma::app {

struct Job {
  std::string id;
  std::string centre_id;  // "" for a system job
  std::string kind;       // e.g. system.noop, audit.verify
  std::string payload = "{}";
  std::string state = "queued";
  int attempts = 0;  // started runs, the one running included
  int max_attempts = 5;
  std::string run_at;  // not before
  std::string lease_owner;
  std::string lease_expires_at;
  std::string last_error;
  std::string unique_key;  // "" unless the job must exist once (scheduled runs: "audit.verify:2026-11-30")
  std::string created_at;
  std::string updated_at;
};

// What a caller asks to be done later.
struct JobDraft {
  std::string centre_id;  // the tenant the job works for; "" for a system job
  std::string kind;
  std::string payload = "{}";  // a JSON object
  int max_attempts = 5;
  std::string run_at;  // "" for now
  std::string unique_key;
};

struct JobQuery {
  std::string state;  // "" for any
  std::string kind;   // "" for any
};

// The queue at a glance, for /metrics.
struct JobCounts {
  std::map<std::string, long long> by_state;
  std::string oldest_queued_run_at;  // the earliest run_at of a job due now; "" if none
};

}  // namespace cma::app
