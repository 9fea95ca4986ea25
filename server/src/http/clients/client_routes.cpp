#include "app/clients/clients.hpp"
#include "http/clients/json.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {
app::ClientInput read_client(const Request& req) {
  FieldReader f(req.json, {"centreId",
                           "title",
                           "firstName",
                           "lastName",
                           "dateOfBirth",
                           "niNumber",
                           "phone",
                           "mobile",
                           "email",
                           "addressLine1",
                           "addressLine2",
                           "town",
                           "postcode",
                           "adults",
                           "childrenAges",
                           "maritalStatus",
                           "employmentStatus",
                           "housingTenure",
                           "vulnerabilityFlags",
                           "vulnerabilityConsent",
                           "dataSharingConsent",
                           "preferredContact",
                           "language"});
  app::ClientInput in;
  in.centre_id = f.text("centreId");
  in.title = f.text("title");
  in.first_name = f.text("firstName");
  in.last_name = f.text("lastName");
  in.date_of_birth = f.text("dateOfBirth");
  in.ni_number = f.text("niNumber");
  in.phone = f.text("phone");
  in.mobile = f.text("mobile");
  in.email = f.text("email");
  in.address_line1 = f.text("addressLine1");
  in.address_line2 = f.text("addressLine2");
  in.town = f.text("town");
  in.postcode = f.text("postcode");
  in.adults = f.integer("adults", 1, 20);
  in.children_ages = f.integer_list("childrenAges", 20);
  in.marital_status = f.text("maritalStatus");
  in.employment_status = f.text("employmentStatus");
  in.housing_tenure = f.text("housingTenure");
  in.vulnerability_flags = f.text_list("vulnerabilityFlags", 20);
  in.vulnerability_consent = f.boolean("vulnerabilityConsent");
  in.data_sharing_consent = f.boolean("dataSharingConsent");
  in.preferred_contact = f.text("preferredContact");
  in.language = f.text("language");
  in.shape_errors = f.take_errors();
  return in;
}
}  // namespace

void add_client_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/clients", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kClientList);
    if (!page) return problem(page.error(), req);
    app::ClientQuery query{req.query_value("centreId").value_or(""), req.query_value("q").value_or("")};
    auto result = app::list_clients(s.deps, c.actor, query, *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  r.add("POST", "/api/v1/clients", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::create_client(s.deps, c.actor, read_client(req)), req, 201);
  });
  r.add("GET", "/api/v1/clients/{id}", {},
        [&s](Request& req, const Caller& c) { return reply(app::get_client(s.deps, c.actor, req.param("id")), req); });
  r.add("PATCH", "/api/v1/clients/{id}", {.body = BodyKind::json_required}, [&s](Request& req, const Caller& c) {
    return reply(app::update_client(s.deps, c.actor, req.param("id"), read_client(req)), req);
  });
  r.add("DELETE", "/api/v1/clients/{id}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::delete_client(s.deps, c.actor, req.param("id")), req);
  });
}

}  // namespace cma::http::routes
