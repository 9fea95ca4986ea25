#include "http/routes/replies.hpp"

#include "app/paging.hpp"

namespace cma::http {

Result<app::PageRequest> page_request(const Request& req) {
  return app::parse_page(req.query_value("limit"), req.query_value("cursor"));
}

Result<app::KeysetRequest> keyset_request(const Request& req, std::string_view list) {
  return app::parse_keyset_page(list, req.query_value("limit"), req.query_value("cursor"));
}

}  // namespace cma::http
