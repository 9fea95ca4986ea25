#pragma once
// The tasks module's records.
#include <string>

#include "app/model.hpp"

namespace cma::app {

struct Task {
  std::string id;
  std::string centre_id;
  std::string case_id;  // "" for a task of the centre
  std::string title;
  std::string details;
  std::string assignee_id;
  std::string due_date;  // YYYY-MM-DD, a London date
  std::string priority = "normal";
  std::string status = "open";
  std::string created_by;
  std::string completed_by;  // "" unless done
  std::string completed_at;
  std::string created_at;
  std::string updated_at;
};

// A task in someone's own list, with where it stands today.
struct MyTask {
  Task task;
  std::string bucket;  // overdue | today | upcoming
};

struct TaskQuery {
  std::string centre_id;  // admins: required; others: their own centre
  std::string case_id;
  std::string assignee_id;
  std::string status;
};

}  // namespace cma::app
