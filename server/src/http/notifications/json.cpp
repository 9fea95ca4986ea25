#include "http/notifications/json.hpp"

namespace cma::http {

void Json<app::Notification>::write(JsonWriter& w, const app::Notification& n) {
  w.begin_object()
      .field("id", n.id)
      .field("kind", n.kind)
      .field("title", n.title)
      .field("body", n.body)
      .nullable("appointmentId", n.appointment_id)
      .field("createdAt", n.created_at)
      .nullable("readAt", n.read_at)
      .field("emailed", !n.emailed_at.empty())
      .end_object();
}

void Json<app::ReadAllResult>::write(JsonWriter& w, const app::ReadAllResult& r) {
  w.begin_object().field("marked", r.marked).field("unreadCount", 0).end_object();
}

}  // namespace cma::http
