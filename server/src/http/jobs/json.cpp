#include "http/jobs/json.hpp"

#include <boost/json.hpp>

namespace cma::http {

void Json<app::Job>::write(JsonWriter& w, const app::Job& j) {
  // Checked to be a JSON object when the job was enqueued.
  boost::system::error_code ec;
  auto payload = boost::json::parse(j.payload, ec);
  if (ec) payload = boost::json::object();
  w.begin_object()
      .field("id", j.id)
      .nullable("centreId", j.centre_id)
      .field("kind", j.kind)
      .field("payload", payload)
      .field("state", j.state)
      .field("attempts", j.attempts)
      .field("maxAttempts", j.max_attempts)
      .field("runAt", j.run_at)
      .nullable("leaseOwner", j.lease_owner)
      .nullable("leaseExpiresAt", j.lease_expires_at)
      .nullable("lastError", j.last_error)
      .nullable("uniqueKey", j.unique_key)
      .field("createdAt", j.created_at)
      .field("updatedAt", j.updated_at)
      .end_object();
}

}  // namespace cma::http
