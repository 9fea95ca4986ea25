#include "app/offers/offers.hpp"
#include "http/offers/json.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

void add_offer_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/offers/proposal", {}, [&s](Request& req, const Caller& c) {
    return reply(app::propose_offers(s.deps, c.actor, req.param("id")), req);
  });
  r.add("GET", "/api/v1/cases/{id}/offers", {}, [&s](Request& req, const Caller& c) {
    auto page = page_request(req);
    if (!page) return problem(page.error(), req);
    auto result = app::list_offer_sets(s.deps, c.actor, req.param("id"), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/cases/{id}/offers", {}, [&s](Request& req, const Caller& c) {
    return reply(app::save_offers(s.deps, c.actor, req.param("id")), req, 201);
  });
  r.add("GET", "/api/v1/cases/{id}/offers/{offerId}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_offer_set(s.deps, c.actor, req.param("id"), req.param("offerId")), req);
  });
  r.add("POST", "/api/v1/cases/{id}/offers/{offerId}/apply", {}, [&s](Request& req, const Caller& c) {
    return reply(app::apply_offers(s.deps, c.actor, req.param("id"), req.param("offerId")), req);
  });
}

}  // namespace cma::http::routes
