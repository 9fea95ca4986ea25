#include "app/audit/audit_log.hpp"

#include "app/authorization.hpp"
#include "app/paging.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"
#include "platform/utf8.hpp"

namespace cma::app {

using platform::log::append_json_string;

namespace {
void append_change(std::string& body, int& count, std::string_view field, const std::string* before,
                   const std::string* after) {
  if (count++ > 0) body += ',';
  append_json_string(body, field);
  body += ":{\"before\":";
  if (before)
    append_json_string(body, *before);
  else
    body += "null";
  body += ",\"after\":";
  if (after)
    append_json_string(body, *after);
  else
    body += "null";
  body += '}';
}
// What an audit reader sees: their own centre, or (admins) every centre or the one they name.
Result<Scope> audit_scope(const Principal& p, const std::string& centre_filter) {
  Scope scope = Tenancy::of(p);
  if (centre_filter.empty()) return scope;
  auto centre = Tenancy::centre_within(scope, centre_filter);
  if (!centre) return Error::not_found("No such centre.");
  return Scope(*centre);
}
}  // namespace

ChangeSet& ChangeSet::set(std::string_view field, const std::string& before, const std::string& after) {
  if (creating_) {
    if (!after.empty()) append_change(body_, count_, field, nullptr, &after);
  } else if (before != after) {
    append_change(body_, count_, field, &before, &after);
  }
  return *this;
}
ChangeSet& ChangeSet::created(std::string_view field, const std::string& value) {
  append_change(body_, count_, field, nullptr, &value);
  return *this;
}
ChangeSet& ChangeSet::redacted(std::string_view field) {
  static const std::string kRedacted = "[redacted]";
  append_change(body_, count_, field, &kRedacted, &kRedacted);
  return *this;
}

void append_audit(const Deps& deps, Transaction& tx, const RequestMeta& meta, AuditDraft draft) {
  auto& repo = tx.get<AuditRepository>();
  AuditHead head = repo.lock_head(draft.chain);
  domain::AuditEntry e;
  e.id = deps.ids.next();
  e.chain = draft.chain;
  e.seq = head.seq + 1;
  e.at = platform::format_time(deps.clock.now());
  e.actor_user_id = draft.actor_user_id;
  e.action = draft.action;
  e.entity_type = draft.entity_type;
  e.entity_id = draft.entity_id;
  e.changes = draft.changes.json();
  e.request_id = meta.request_id;
  e.ip = meta.ip;
  e.user_agent = std::string(platform::truncate_utf8(meta.user_agent, 512));
  e.prev_hash = head.hash;
  e.hash = platform::sha256_hex(domain::canonical_content(e));
  repo.append(e);
  repo.set_head(draft.chain, AuditHead{e.seq, e.hash});
}

namespace {
AccessRefusal refusal_row(const Deps& deps, const Actor& actor, const std::string& action,
                          const std::string& entity_type, const std::string& entity_id) {
  auto now = deps.clock.now();
  AccessRefusal r;
  r.id = deps.ids.next();
  r.centre_id = actor.principal.centre_id();
  r.user_id = actor.principal.user_id();
  r.action = action;
  r.entity_type = entity_type;
  r.minute = platform::format_time(std::chrono::floor<std::chrono::minutes>(now));
  r.first_at = r.last_at = platform::format_time(now);
  r.last_entity_id = entity_id;
  r.last_request_id = actor.meta.request_id;
  r.last_ip = actor.meta.ip;
  r.last_user_agent = std::string(platform::truncate_utf8(actor.meta.user_agent, 512));
  return r;
}
}  // namespace

Error refuse(const Deps& deps, const Actor& actor, Error refusal, const std::string& action,
             const std::string& entity_type, const std::string& entity_id) {
  auto tx = deps.db.begin(TxMode::write);
  tx->get<AuditRepository>().record_refusal(refusal_row(deps, actor, action, entity_type, entity_id));
  tx->commit();
  return refusal;
}

Error refuse(const Deps& deps, Transaction& tx, const Actor& actor, Error refusal, const std::string& action,
             const std::string& entity_type, const std::string& entity_id) {
  tx.get<AuditRepository>().record_refusal(refusal_row(deps, actor, action, entity_type, entity_id));
  return refusal;
}

Result<Page<domain::AuditEntry>> list_audit(const Deps& deps, const Actor& actor, const AuditQuery& q) {
  const auto& p = actor.principal;
  if (auto refused = authorize(p, domain::Permission::audit_read))
    return refuse(deps, actor, *refused, "audit.read", "audit");
  std::vector<FieldError> errors;
  auto scope = audit_scope(p, q.centre_id);
  if (!scope) return scope.error();
  AuditFilter f{std::move(scope.value()), {}, {}, {}, {}, {}};
  f.entity_type = q.entity_type;
  f.entity_id = q.entity_id;
  f.actor_user_id = q.user_id;
  auto check_time = [&](const std::string& name, const std::string& v, std::string& out) {
    if (v.empty()) return;
    auto t = platform::parse_time(v);
    if (!t)
      errors.push_back({name, "must be an RFC 3339 time such as 2026-01-31T09:00:00Z"});
    else
      out = platform::format_time(*t);
  };
  check_time("from", q.from, f.from);
  check_time("to", q.to, f.to);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto tx = deps.db.begin(TxMode::read, ReadFrom::replica);
  auto rows = tx->get<AuditRepository>().list(f, q.page.after_id, q.page.limit + 1);
  return make_page(std::move(rows), q.page.limit, [](const domain::AuditEntry& e) { return e.id; });
}

Result<Page<AccessRefusal>> list_refusals(const Deps& deps, const Actor& actor, const RefusalQuery& q) {
  const auto& p = actor.principal;
  if (auto refused = authorize(p, domain::Permission::audit_read))
    return refuse(deps, actor, *refused, "audit.read", "access_refusal");
  auto scope = audit_scope(p, q.centre_id);
  if (!scope) return scope.error();
  RefusalFilter f{std::move(scope.value()), q.user_id};
  auto tx = deps.db.begin(TxMode::read, ReadFrom::replica);
  auto rows = tx->get<AuditRepository>().list_refusals(f, q.page.after_id, q.page.limit + 1);
  return make_page(std::move(rows), q.page.limit, [](const AccessRefusal& r) { return r.id; });
}

namespace {
// `only`: one chain (a centre's), or every chain when nullopt.
AuditVerification verify_chains(Database& db, const std::optional<std::string>& only) {
  AuditVerification report;
  // One snapshot for the whole run: the heads and the entries as of the same moment, so appends
  // committing meanwhile (a live system) are either wholly seen or not at all.
  auto tx = db.begin(TxMode::snapshot, ReadFrom::replica);
  auto& repo = tx->get<AuditRepository>();
  std::vector<std::string> chains;
  if (only)
    chains.push_back(*only);
  else
    chains = repo.chains();
  for (const auto& chain : chains) {
    // A centre with no audited write yet has neither head nor entries: nothing to check.
    if (only && !repo.head(chain) && repo.read_chain(chain, 0, 1).empty()) continue;
    ++report.chains;
    // The head first: inside the snapshot the order does not matter, but were it ever read without
    // one, a head read before the entries can only be behind them, never ahead (no false "deleted").
    auto head = repo.head(chain);
    std::int64_t expected_seq = 1;
    std::string prev_hash;
    bool broken = false;
    auto fail = [&](std::int64_t seq, const std::string& id, std::string reason) {
      report.problems.push_back({chain, seq, id, std::move(reason)});
      broken = true;
    };
    constexpr int kBatch = 1000;
    std::int64_t after = 0;
    while (!broken) {
      auto rows = repo.read_chain(chain, after, kBatch);
      for (const auto& e : rows) {
        ++report.entries;
        if (e.seq != expected_seq) {
          fail(e.seq, e.id,
               e.seq > expected_seq ? "entry " + std::to_string(expected_seq) + " is missing (deleted)"
                                    : "sequence number repeated (inserted)");
          break;
        }
        if (e.prev_hash != prev_hash) {
          fail(e.seq, e.id, "does not link to the entry before it (an entry was inserted or deleted)");
          break;
        }
        if (platform::sha256_hex(domain::canonical_content(e)) != e.hash) {
          fail(e.seq, e.id, "content does not match its hash (edited)");
          break;
        }
        prev_hash = e.hash;
        ++expected_seq;
        after = e.seq;
      }
      if (rows.size() < static_cast<std::size_t>(kBatch)) break;
    }
    if (broken) continue;
    const std::int64_t last = expected_seq - 1;
    if (!head)
      fail(expected_seq, "", "the chain has no recorded head (its row in audit_heads was deleted)");
    else if (head->seq > last)
      fail(expected_seq, "", "the chain ends before its recorded head (the last entries were deleted)");
    else if (head->seq < last)
      fail(head->seq + 1, "", "the chain runs past its recorded head (entries were added at the end)");
    else if (head->hash != prev_hash)
      fail(last, "", "the last entry is not the recorded head (it was replaced)");
  }
  return report;
}
}  // namespace

AuditVerification verify_audit(Database& db) {
  return verify_chains(db, std::nullopt);
}

Result<AuditVerification> verify_audit_trail(const Deps& deps, const Actor& actor, const std::string& centre_id) {
  const auto& p = actor.principal;
  if (auto refused = authorize(p, domain::Permission::audit_read))
    return refuse(deps, actor, *refused, "audit.verify", "audit");
  auto scope = audit_scope(p, centre_id);
  if (!scope) return scope.error();
  std::optional<std::string> only;
  if (const auto* centre = centre_of(*scope)) only = *centre;
  auto when = platform::format_time(deps.clock.now());
  auto report = verify_chains(deps.db, only);
  report.verified_at = std::move(when);
  return report;
}

}  // namespace cma::app
