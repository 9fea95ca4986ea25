#pragma once
// The JSON shapes of audit entries and refusal counts, as api/openapi.yaml describes them.
#include "app/audit/records.hpp"
#include "domain/audit/audit_entry.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<domain::AuditEntry> {
  static boost::json::object of(const domain::AuditEntry& e);
};

template <>
struct Json<app::AccessRefusal> {
  static boost::json::object of(const app::AccessRefusal& r);
};

}  // namespace cma::http
