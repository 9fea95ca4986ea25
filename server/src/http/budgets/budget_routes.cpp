#include <charconv>

#include "app/budgets/budgets.hpp"
#include "domain/identity/validation.hpp"
#include "http/budgets/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::BudgetInput read_budget(const Request& req) {
  FieldReader f(req.json, {"kind", "notes", "adults", "children", "lines"});
  app::BudgetInput in;
  in.kind = f.text("kind");
  in.notes = f.text("notes");
  in.adults = f.integer("adults", 1, 20);
  in.children = f.integer("children", 0, 20);
  if (auto lines = f.object_list("lines", app::kMaxBudgetLines)) {
    in.lines.emplace();
    for (std::size_t i = 0; i < lines->size(); ++i) {
      FieldReader l(*(*lines)[i], {"section", "category", "label", "amount", "frequency"});
      in.lines->push_back(
          {l.text("section"), l.text("category"), l.text("label"), l.text("frequency"), l.pence("amount")});
      f.adopt_errors(domain::indexed("lines", i), l.take_errors());
    }
  }
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_budget_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/budget", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_budget(s.deps, c.actor, req.param("id"), std::nullopt), req);
  });
  r.add("PUT", "/api/v1/cases/{id}/budget", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::save_budget(s.deps, c.actor, req.param("id"), read_budget(req)), req, 201);
  });
  r.add("GET", "/api/v1/cases/{id}/budget/versions", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_budget_versions(s.deps, c.actor, req.param("id"), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("GET", "/api/v1/cases/{id}/budget/versions/{version}", {}, [&s](Request& req, const Caller& c) {
    const auto& text = req.param("version");
    int version = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec != std::errc() || ptr != text.data() + text.size() || version < 1)
      return problem(Error::not_found("No such version of the budget."), req);
    return reply(app::get_budget(s.deps, c.actor, req.param("id"), version), req);
  });
}

}  // namespace cma::http::routes
