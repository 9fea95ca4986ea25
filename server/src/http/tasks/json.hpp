#pragma once
// The JSON shape of a task, as api/openapi.yaml describes it.
#include "app/tasks/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Task> {
  static void write(JsonWriter& w, const app::Task& t);
};

template <>
struct Json<app::MyTask> {
  static void write(JsonWriter& w, const app::MyTask& t);
};

}  // namespace cma::http
