#include "app/identity/centres.hpp"

#include <boost/json.hpp>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/identity/users.hpp"
#include "app/lookup.hpp"
#include "app/paging.hpp"
#include "domain/identity/validation.hpp"
#include "platform/ids.hpp"

namespace cma::app {

namespace {

constexpr const char* kNoSuchCentre = "No such centre.";

void validate(const CentreInput& in, bool creating, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  auto text = [&](const char* field, const std::optional<std::string>& v, std::size_t max, bool required) {
    if (!v) {
      if (creating && required) errors.push_back({field, "is required"});
      return;
    }
    if (auto e = domain::check_text(*v, max, required)) errors.push_back({field, *e});
  };
  text("name", in.name, 200, true);
  if (in.code) {
    if (auto e = domain::check_centre_code(*in.code)) errors.push_back({"code", *e});
  } else if (creating) {
    errors.push_back({"code", "is required"});
  }
  text("address", in.address, 500, false);
  text("contactPhone", in.contact_phone, 40, false);
  if (in.contact_email && !in.contact_email->empty()) {
    if (auto e = domain::check_email(domain::normalize_email(*in.contact_email)))
      errors.push_back({"contactEmail", *e});
  }
  if (in.settings) {
    boost::system::error_code ec;
    auto v = boost::json::parse(*in.settings, ec);
    if (ec || !v.is_object())
      errors.push_back({"settings", "must be a JSON object"});
    else if (in.settings->size() > 16 * 1024)
      errors.push_back({"settings", "must be at most 16 KiB"});
  }
}

void apply(const CentreInput& in, Centre& c) {
  if (in.name) c.name = domain::trim(*in.name);
  if (in.code) c.code = *in.code;
  if (in.address) c.address = domain::trim(*in.address);
  if (in.contact_email) c.contact_email = domain::normalize_email(*in.contact_email);
  if (in.contact_phone) c.contact_phone = domain::trim(*in.contact_phone);
  if (in.settings) c.settings = boost::json::serialize(boost::json::parse(*in.settings));
}

ChangeSet diff(const Centre& before, const Centre& after) {
  ChangeSet cs = before.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("name", before.name, after.name)
      .set("code", before.code, after.code)
      .set("address", before.address, after.address)
      .set("contactEmail", before.contact_email, after.contact_email)
      .set("contactPhone", before.contact_phone, after.contact_phone)
      .set("status", before.status, after.status)
      .set("settings", before.settings, after.settings);
  return cs;
}

}  // namespace

Result<Centre> create_centre(const Deps& deps, const Actor& actor, const CentreInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::centres_create))
    return refuse(deps, actor, *refused, "centre.create", "centre");
  std::vector<FieldError> errors;
  validate(in, true, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Centre c;
  apply(in, c);
  c.id = deps.ids.next();
  c.created_at = c.updated_at = platform::format_time(deps.clock.now());
  auto tx = deps.db.begin(TxMode::write);
  if (tx->get<CentreRepository>().code_taken(c.code, ""))
    return Error::invalid_field("code", "is already used by another centre");
  try {
    tx->get<CentreRepository>().insert(c);
  } catch (const UniqueViolation&) {
    return Error::invalid_field("code", "is already used by another centre");
  }
  append_audit(deps, *tx, actor.meta,
               {"", actor.principal.user_id(), "centre.create", "centre", c.id, diff(Centre{}, c)});
  tx->commit();
  return c;
}

Result<Page<Centre>> list_centres(const Deps& deps, const Actor& actor, const PageRequest& page) {
  auto tx = deps.db.begin(TxMode::read);
  auto rows = tx->get<CentreRepository>().list(Tenancy::of(actor.principal), page.after_id, page.limit + 1);
  return make_page(std::move(rows), page.limit, [](const Centre& c) { return c.id; });
}

Result<Centre> get_centre(const Deps& deps, const Actor& actor, const std::string& id) {
  auto tx = deps.db.begin(TxMode::read);
  return find_in_scope(tx->get<CentreRepository>(), Tenancy::of(actor.principal), id, kNoSuchCentre);
}

Result<Centre> update_centre(const Deps& deps, const Actor& actor, const std::string& id, const CentreInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::centres_update))
    return refuse(deps, actor, *refused, "centre.update", "centre", id);
  auto tx = deps.db.begin(TxMode::write);
  auto before = find_in_scope(tx->get<CentreRepository>(), Tenancy::of(actor.principal), id, kNoSuchCentre);
  if (!before) return before.error();
  std::vector<FieldError> errors;
  validate(in, false, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Centre after = *before;
  apply(in, after);
  if (after.code != before->code && tx->get<CentreRepository>().code_taken(after.code, id))
    return Error::invalid_field("code", "is already used by another centre");
  auto changes = diff(*before, after);
  if (changes.empty()) return after;
  after.updated_at = platform::format_time(deps.clock.now());
  try {
    tx->get<CentreRepository>().update(after);
  } catch (const UniqueViolation&) {
    return Error::invalid_field("code", "is already used by another centre");
  }
  append_audit(deps, *tx, actor.meta, {id, actor.principal.user_id(), "centre.update", "centre", id, changes});
  tx->commit();
  return after;
}

Result<Centre> deactivate_centre(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::centres_deactivate))
    return refuse(deps, actor, *refused, "centre.deactivate", "centre", id);
  auto tx = deps.db.begin(TxMode::write);
  auto before = find_in_scope(tx->get<CentreRepository>(), Tenancy::of(actor.principal), id, kNoSuchCentre);
  if (!before) return before.error();
  if (id == actor.principal.centre_id()) return Error::precondition("You cannot deactivate your own centre.");
  if (before->status == kInactive) return *before;
  Centre after = *before;
  after.status = kInactive;
  after.updated_at = platform::format_time(deps.clock.now());
  tx->get<CentreRepository>().update(after);
  append_audit(deps, *tx, actor.meta,
               {id, actor.principal.user_id(), "centre.deactivate", "centre", id, diff(*before, after)});
  tx->commit();
  return after;
}

void for_each_centre(const Deps& deps, const std::function<void(const Centre&, const CentreScope&)>& each) {
  auto op = Principal::operator_command();
  std::string after;
  for (;;) {
    std::vector<Centre> centres;
    {
      auto tx = deps.db.begin(TxMode::read);
      centres = tx->get<CentreRepository>().list(Tenancy::of(op), after, 100);
    }
    for (const auto& c : centres) each(c, *Tenancy::centre_within(op, c.id));
    if (centres.size() < 100) break;
    after = centres.back().id;
  }
}

}  // namespace cma::app
