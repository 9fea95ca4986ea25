#pragma once
// The JSON shape of an appointment, as api/openapi.yaml describes it: times in UTC and in London
// time with its offset.
#include "app/appointments/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::Appointment> {
  static void write(JsonWriter& w, const app::Appointment& a);
};

}  // namespace cma::http
