#pragma once
// The JSON shape of an offer set, as api/openapi.yaml describes it. Money is whole pence.
#include "app/offers/records.hpp"
#include "http/routes/replies.hpp"

namespace cma::http {

template <>
struct Json<app::OfferSet> {
  static boost::json::object of(const app::OfferSet& o);
};

}  // namespace cma::http
