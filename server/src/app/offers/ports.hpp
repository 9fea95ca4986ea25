#pragma once
// The offers module's storage.
#include <optional>
#include <string>
#include <vector>

#include "app/offers/records.hpp"
#include "app/paging.hpp"

namespace cma::app {

class OfferRepository {
 public:
  virtual ~OfferRepository() = default;
  virtual std::optional<OfferSet> find(const CentreScope& scope, const std::string& case_id, const std::string& id) = 0;
  // Oldest first, with their lines.
  virtual std::vector<OfferSet> list(const CentreScope& scope, const std::string& case_id, const PageRequest& page) = 0;
  virtual void insert(const OfferSet& o) = 0;
  // Marks the set applied unless it already is; false when it was (or is being, by a transaction
  // that then commits) applied already: the row lock makes a second concurrent apply wait and see it.
  virtual bool mark_applied(const CentreScope& scope, const std::string& id, const std::string& at) = 0;
};

}  // namespace cma::app
