#pragma once
// Group commit for SQLite's write transactions. SQLite lets one connection write at a time, and a
// durable commit (synchronous=FULL) waits for the disk; one flush per transaction caps the writes
// a second at the disk's flush rate. So every write transaction runs on one writer connection, in
// turn, as a savepoint inside a shared transaction (a batch); the batch is committed, with one
// flush, when its last member finds nobody waiting to write, or when it holds kMaxMembers. Each
// member's commit() returns only once its batch is durable, and throws if the batch failed, so no
// write is acknowledged before it is on disk. A member that rolls back undoes only its savepoint.
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/db/query.hpp"

namespace cma::store::db {

class GroupCommit {
 public:
  static constexpr int kMaxMembers = 64;
  // How long a writer waits for its turn before the store answers unavailable (as SQLite's own
  // busy timeout, which bounds the wait for another process's writes).
  static constexpr std::chrono::seconds kTurnWait{10};

  // `open` makes the writer connection, on first use.
  explicit GroupCommit(std::function<std::unique_ptr<soci::session>()> open);
  ~GroupCommit();

  // Waits for the write turn and starts a member: the writer connection, inside its savepoint.
  // Every enter() is followed by exactly one commit() or rollback(). A thread that holds the turn
  // and asks for it again gets std::logic_error (it would wait for itself).
  void enter();
  soci::session& session() { return *session_; }
  PreparedStatements& statements() { return *statements_; }
  // Ends the turn. Returns once the member's batch is committed; throws if it was not.
  void commit();
  // Ends the turn, undoing the member's own changes only. Never throws.
  void rollback() noexcept;

 private:
  void run(const char* statement);
  // With the turn held: commits (or, with no members, ends) the open batch and wakes its members.
  void finish_batch() noexcept;
  void batch_failed(std::uint64_t batch, const std::string& why);
  // With the turn held and the member ended: finish the batch unless another writer will.
  void end_turn() noexcept;
  void throw_if_failed(std::uint64_t batch);

  std::function<std::unique_ptr<soci::session>()> open_;
  std::unique_ptr<soci::session> session_;
  std::unique_ptr<PreparedStatements> statements_;  // destroyed before the session (declared after)

  std::timed_mutex turn_;        // held from enter() to the end of commit()/rollback()
  std::atomic<int> waiting_{0};  // threads blocked in enter()
  bool batch_open_ = false;      // touched only with the turn held
  int members_ = 0;              // released savepoints in the open batch (turn held)
  std::uint64_t batch_ = 0;      // the open (or last) batch's number (turn held)

  std::mutex state_mu_;  // guards what waiting members read
  std::condition_variable finished_;
  std::uint64_t finished_batch_ = 0;  // every batch up to this one is finished
  struct Failure {
    std::string why;
    int unread;  // members yet to hear of it
  };
  std::unordered_map<std::uint64_t, Failure> failures_;
};

}  // namespace cma::store::db
