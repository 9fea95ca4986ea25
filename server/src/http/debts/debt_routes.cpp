#include "app/debts/debts.hpp"
#include "http/debts/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::DebtInput read_debt(const Request& req) {
  FieldReader f(req.json, {"creditor", "debtType", "accountReference", "balance", "arrears", "contractualPayment",
                           "offeredPayment", "interestFrozen", "priorityOverride", "priorityReason", "status"});
  app::DebtInput in;
  in.creditor = f.text("creditor");
  in.debt_type = f.text("debtType");
  in.account_reference = f.text("accountReference");
  in.balance = f.pence("balance");
  in.arrears = f.pence("arrears");
  in.contractual_payment = f.pence("contractualPayment");
  in.offered_payment = f.pence("offeredPayment");
  in.interest_frozen = f.boolean("interestFrozen");
  in.priority_override = f.text("priorityOverride");
  in.priority_reason = f.text("priorityReason");
  in.status = f.text("status");
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_debt_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/debts", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_debts(s.deps, c.actor, req.param("id"), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result, &Json<app::Debt>::write_in_list);
  });
  r.add("POST", "/api/v1/cases/{id}/debts", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::add_debt(s.deps, c.actor, req.param("id"), read_debt(req)), req, 201);
  });
  r.add("GET", "/api/v1/cases/{id}/debts/{debtId}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_debt(s.deps, c.actor, req.param("id"), req.param("debtId")), req);
  });
  r.add("PATCH", "/api/v1/cases/{id}/debts/{debtId}", {.body = BodyKind::json_required},
        [&s](Request& req, const Caller& c) {
          return reply(app::update_debt(s.deps, c.actor, req.param("id"), req.param("debtId"), read_debt(req)), req);
        });
  r.add("DELETE", "/api/v1/cases/{id}/debts/{debtId}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::remove_debt(s.deps, c.actor, req.param("id"), req.param("debtId")), req);
  });
}

}  // namespace cma::http::routes
