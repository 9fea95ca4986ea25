#include "app/audit/audit_log.hpp"
#include "http/audit/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_audit_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/audit", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    app::AuditQuery q;
    q.centre_id = req.query_value("centreId").value_or("");
    q.entity_type = req.query_value("entityType").value_or("");
    q.entity_id = req.query_value("entityId").value_or("");
    q.user_id = req.query_value("userId").value_or("");
    q.from = req.query_value("from").value_or("");
    q.to = req.query_value("to").value_or("");
    q.page = *page;
    auto result = app::list_audit(s.deps, c.actor, q);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("GET", "/api/v1/audit/verification", {}, [&s](Request& req, const Caller& c) {
    auto result = app::verify_audit_trail(s.deps, c.actor, req.query_value("centreId").value_or(""));
    if (!result) return problem(result.error(), req);
    const auto& v = *result;
    JsonWriter w(512);
    w.begin_object()
        .field("ok", v.problems.empty())
        .field("chains", v.chains)
        .field("entries", v.entries)
        .field("verifiedAt", v.verified_at)
        .key("problems")
        .begin_array();
    for (const auto& problem : v.problems) {
      w.begin_object()
          .nullable("centreId", problem.chain)
          .field("seq", problem.seq)
          .nullable("entryId", problem.entry_id)
          .field("reason", problem.reason)
          .end_object();
    }
    w.end_array().end_object();
    return Response::json_text(200, w.take());
  });
  r.add("GET", "/api/v1/audit/refusals", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    app::RefusalQuery q;
    q.centre_id = req.query_value("centreId").value_or("");
    q.user_id = req.query_value("userId").value_or("");
    q.page = *page;
    auto result = app::list_refusals(s.deps, c.actor, q);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
}

}  // namespace cma::http::routes
