#include "http/routes/replies.hpp"

#include "app/paging.hpp"

namespace cma::http {

Result<app::PageRequest> page_request(const Request& req) {
  return app::parse_page(req.query_value("limit"), req.query_value("cursor"));
}

}  // namespace cma::http
