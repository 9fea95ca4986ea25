#pragma once
// Offers to non-priority creditors, from the case's current budget: what is available (the
// surplus, never negative) shared pro rata by balance, or token payments of £1 a month when nothing
// is available (domain/offers/pro_rata.hpp). Proposing reads only; saving keeps the offer set;
// applying sets each debt's offered payment from a saved set (offers_apply: not trainees).
#include <string>

#include "app/context.hpp"
#include "app/offers/records.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

Result<OfferSet> propose_offers(const Deps& deps, const Actor& actor, const std::string& case_id);
Result<OfferSet> save_offers(const Deps& deps, const Actor& actor, const std::string& case_id);
Result<OfferSet> get_offer_set(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id);
Result<Page<OfferSet>> list_offer_sets(const Deps& deps, const Actor& actor, const std::string& case_id,
                                       const PageRequest& page);
Result<OfferSet> apply_offers(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id);

inline constexpr const char* kNoSuchOfferSet = "No such offer set on this case.";

}  // namespace cma::app
