#include "store/db/group_commit.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "app/unit_of_work.hpp"
#include "platform/log.hpp"

namespace cma::store::db {

GroupCommit::GroupCommit(std::function<std::unique_ptr<soci::session>()> open) : open_(std::move(open)) {}

GroupCommit::~GroupCommit() {
  statements_.reset();  // SQLite closes a connection only once its statements are finalized
  session_.reset();
}

void GroupCommit::run(const char* statement) {
  Query(*statements_, statement).run();
}

namespace {
thread_local const GroupCommit* held_by_this_thread = nullptr;
}  // namespace

void GroupCommit::enter() {
  if (held_by_this_thread == this)
    throw std::logic_error("a write transaction was begun inside another on the same thread");
  ++waiting_;
  bool turn = turn_.try_lock_for(kTurnWait);
  --waiting_;
  if (!turn) throw app::StoreUnavailable("no turn to write within 10 s");
  held_by_this_thread = this;
  try {
    if (!session_) {
      session_ = open_();
      statements_ = std::make_unique<PreparedStatements>(*session_, Dialect::sqlite);
    }
    if (!batch_open_) {
      // IMMEDIATE takes SQLite's write lock up front, so this writer never deadlocks with another
      // process's on upgrade.
      run("BEGIN IMMEDIATE");
      batch_open_ = true;
      members_ = 0;
      ++batch_;
    }
    run("SAVEPOINT member");
  } catch (...) {
    end_turn();
    throw;
  }
}

void GroupCommit::commit() {
  try {
    run("RELEASE member");
  } catch (...) {
    rollback();
    throw;
  }
  ++members_;
  const auto mine = batch_;
  end_turn();
  std::unique_lock lock(state_mu_);
  while (!finished_.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished_batch_ >= mine; })) {
    // The batch is left open only for a writer that was waiting for its turn; should that writer
    // have given up (its wait timed out), the batch would wait for the next write. So a member
    // that still waits finishes the batch itself whenever the turn is free.
    lock.unlock();
    if (turn_.try_lock()) {
      if (batch_open_ && batch_ == mine) finish_batch();
      turn_.unlock();
    }
    lock.lock();
  }
  lock.unlock();
  throw_if_failed(mine);
}

void GroupCommit::rollback() noexcept {
  auto* db = static_cast<soci::sqlite3_session_backend*>(session_->get_backend())->conn_;
  if (batch_open_) {
    try {
      run("ROLLBACK TO member");
      run("RELEASE member");
    } catch (const std::exception& e) {
      platform::log::warn("db.savepoint_rollback_failed",
                          platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    }
    // Some failures (a full disk, an I/O error) make SQLite roll the whole transaction back: the
    // batch's earlier members are lost with it, and must hear so.
    if (sqlite_api::sqlite3_get_autocommit(db) != 0) {
      batch_open_ = false;
      batch_failed(batch_, "the database rolled the batch back after a failed statement");
    }
  }
  end_turn();
}

void GroupCommit::end_turn() noexcept {
  if (batch_open_ && (waiting_.load() == 0 || members_ >= kMaxMembers)) finish_batch();
  held_by_this_thread = nullptr;
  turn_.unlock();
}

void GroupCommit::finish_batch() noexcept {
  batch_open_ = false;
  try {
    run(members_ > 0 ? "COMMIT" : "ROLLBACK");
  } catch (const std::exception& e) {
    try {
      run("ROLLBACK");
    } catch (...) {
    }
    batch_failed(batch_, e.what());
    return;
  }
  std::lock_guard lock(state_mu_);
  finished_batch_ = batch_;
  finished_.notify_all();
}

void GroupCommit::batch_failed(std::uint64_t batch, const std::string& why) {
  platform::log::error("db.group_commit_failed",
                       platform::log::Fields().add("members", members_).add("error", why.substr(0, 200)));
  std::lock_guard lock(state_mu_);
  if (members_ > 0) failures_[batch] = Failure{why, members_};
  finished_batch_ = batch;
  finished_.notify_all();
}

void GroupCommit::throw_if_failed(std::uint64_t batch) {
  std::lock_guard lock(state_mu_);
  auto it = failures_.find(batch);
  if (it == failures_.end()) return;
  std::string why = "the write was not committed: ";
  why.append(it->second.why);
  if (--it->second.unread == 0) failures_.erase(it);
  throw std::runtime_error(why);
}

}  // namespace cma::store::db
