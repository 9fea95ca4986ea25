#pragma once
// The clients module's storage.
#include <optional>
#include <string>
#include <vector>

#include "app/clients/records.hpp"
#include "app/paging.hpp"

namespace cma::app {

class ClientRepository {
 public:
  virtual ~ClientRepository() = default;
  // An active client (deleted ones are kept but not found).
  virtual std::optional<Client> find(const Scope& scope, const std::string& id) = 0;
  // The same, locking the row until the transaction ends: changes and deletion read the row they
  // replace, and a case is opened only for a client that stays active until it commits.
  virtual std::optional<Client> find_for_update(const CentreScope& scope, const std::string& id) = 0;
  virtual void insert(const Client& c) = 0;
  virtual void update(const Client& c) = 0;
  // Active clients by last name, first name and id; `text` ("" for all) matches lower-case
  // names, reference and postcode.
  virtual std::vector<Client> list(const Scope& scope, const std::string& text, const KeysetRequest& page) = 0;
  // How many of the client's cases are not finished (open or in progress).
  virtual long long open_cases(const CentreScope& scope, const std::string& client_id) = 0;
};

}  // namespace cma::app
