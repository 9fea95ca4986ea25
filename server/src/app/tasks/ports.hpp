#pragma once
// The tasks module's storage: every statement names the centre.
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "app/tasks/records.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class TaskRepository {
 public:
  virtual ~TaskRepository() = default;
  virtual std::optional<Task> find(const Scope& scope, const std::string& id) = 0;
  // Locks the row until the transaction ends (a change reads the row it replaces).
  virtual std::optional<Task> find_for_update(const CentreScope& scope, const std::string& id) = 0;
  virtual void insert(const Task& t) = 0;
  virtual void update(const Task& t) = 0;
  // By due date, then id; up to page.limit rows after the cursor's (due date, id). Filters that are
  // "" are not applied.
  virtual std::vector<Task> list(const CentreScope& scope, const TaskQuery& query, const KeysetRequest& page) = 0;
  // One user's open tasks, by due date, then id.
  virtual std::vector<Task> open_for(const CentreScope& scope, const std::string& assignee_id,
                                     const KeysetRequest& page) = 0;
};

}  // namespace cma::app
