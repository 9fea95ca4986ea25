#include "app/search/search.hpp"

#include <map>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/identity/centres.hpp"
#include "app/search/ports.hpp"

namespace cma::app {

namespace {
SearchDocument doc(const std::string& kind, const std::string& id, const std::string& case_id, const char* field,
                   const std::string& label, const std::string& text) {
  return {kind, id, case_id, field, label, text, domain::search_index_text(text)};
}

void put(Transaction& tx, const CentreScope& scope, const std::string& kind, const std::string& id,
         std::vector<SearchDocument> docs) {
  std::erase_if(docs, [](const SearchDocument& d) { return d.words.empty(); });
  tx.get<SearchIndex>().put(scope, kind, id, docs);
}
}  // namespace

void index_client(Transaction& tx, const CentreScope& scope, const Client& c) {
  if (c.status != kActive) {
    put(tx, scope, "client", c.id, {});
    return;
  }
  std::string name = c.first_name + " " + c.last_name;
  std::string label = name + " (" + c.reference + ")";
  put(tx, scope, "client", c.id,
      {doc("client", c.id, "", "name", label, name), doc("client", c.id, "", "reference", label, c.reference),
       doc("client", c.id, "", "postcode", label, c.postcode), doc("client", c.id, "", "email", label, c.email)});
}

void index_case(Transaction& tx, const CentreScope& scope, const Case& c) {
  std::string label = c.reference + ": " + c.client_first_name + " " + c.client_last_name;
  put(tx, scope, "case", c.id,
      {doc("case", c.id, c.id, "reference", label, c.reference), doc("case", c.id, c.id, "summary", label, c.summary)});
}

void index_note(Transaction& tx, const CentreScope& scope, const Note& n, const Case& c) {
  put(tx, scope, "note", n.id, {doc("note", n.id, c.id, "body", n.note_type + " note on " + c.reference, n.body)});
}

void index_document_text(Transaction& tx, const CentreScope& scope, const std::string& document_id,
                         const std::string& case_id, const std::string& name, const std::string& text) {
  if (text.empty()) {
    put(tx, scope, "document", document_id, {});
    return;
  }
  put(tx, scope, "document", document_id, {doc("document", document_id, case_id, "text", name, text)});
}

Result<std::vector<SearchResult>> search(const Deps& deps, const Actor& actor, const std::string& query,
                                         const std::string& kind, const std::string& centre_id, int limit) {
  if (auto refused = authorize(actor.principal, domain::Permission::clients_read))
    return refuse(deps, actor, *refused, "search", "search");
  std::vector<FieldError> errors;
  auto words = domain::search_words(query);
  if (words.empty()) errors.push_back({"q", "must have at least one letter or digit"});
  if (query.size() > 200) errors.push_back({"q", "must be at most 200 characters"});
  if (!kind.empty() && kind != "client" && kind != "case" && kind != "note" && kind != "document")
    errors.push_back({"kind", "must be client, case, note or document"});
  if (limit < 1 || limit > kMaxSearchResults) errors.push_back({"limit", "must be a whole number from 1 to 50"});
  std::optional<CentreScope> scope;
  if (!centre_id.empty()) {
    scope = Tenancy::centre_within(actor.principal, centre_id);
    if (!scope) errors.push_back({"centreId", "is not a centre you can see"});
  } else if (domain::is_network_wide(actor.principal.role())) {
    errors.push_back({"centreId", "is required for a network-wide role"});
  } else {
    scope = Tenancy::own_centre(actor.principal);
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // A transaction, not a bare read: the index may set how its query is planned for the transaction
  // alone (store/search/repositories.cpp).
  auto tx = deps.db.begin(TxMode::snapshot, ReadFrom::replica);
  std::vector<SearchResult> out;
  for (auto& d : tx->get<SearchIndex>().search(*scope, words, kind, limit))
    out.push_back({d.kind, d.entity_id, d.case_id, d.field, d.label, domain::search_snippet(d.text, words)});
  return out;
}

int fill_missing_search_index(const Deps& deps) {
  int filled = 0;
  for_each_centre(deps, [&](const Centre&, const CentreScope& scope) {
    auto tx = deps.db.begin(TxMode::write);
    auto& index = tx->get<SearchIndex>();
    if (index.has_documents(scope)) return;
    auto src = index.sources(scope);
    if (src.clients.empty()) return;
    std::map<std::string, const Case*> cases;
    for (const auto& k : src.cases) cases[k.id] = &k;
    for (const auto& client : src.clients) index_client(*tx, scope, client);
    for (const auto& k : src.cases) index_case(*tx, scope, k);
    for (const auto& n : src.notes)
      if (auto it = cases.find(n.case_id); it != cases.end()) index_note(*tx, scope, n, *it->second);
    tx->commit();
    ++filled;
  });
  return filled;
}

}  // namespace cma::app
