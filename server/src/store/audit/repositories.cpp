#include "store/audit/repositories.hpp"

#include "app/audit/ports.hpp"
#include "store/audit/queries.hpp"

namespace cma::store::audit {

namespace {

using db::each_row;
using db::into;
using db::param;

#define CMA_INTO_AUDIT(e)                                                                                  \
  into((e).id), into((e).chain), into(seq_value), into((e).at), into((e).actor_user_id), into((e).action), \
      into((e).entity_type), into((e).entity_id), into((e).changes), into((e).request_id), into((e).ip),   \
      into((e).user_agent), into((e).prev_hash), into((e).hash)

#define CMA_INTO_REFUSAL(r)                                                                                          \
  into((r).id), into((r).centre_id), into((r).user_id), into((r).action), into((r).entity_type), into((r).minute),   \
      into(count_value), into((r).first_at), into((r).last_at), into((r).last_entity_id), into((r).last_request_id), \
      into((r).last_ip), into((r).last_user_agent)

// The optional filters of sql::kListAudit*: each is tested for '' and compared, under two names.
#define CMA_BIND_AUDIT_FILTERS(f)                                                                          \
  param((f).entity_type, "etype"), param((f).entity_type, "etype2"), param((f).entity_id, "eid"),          \
      param((f).entity_id, "eid2"), param((f).actor_user_id, "actor"), param((f).actor_user_id, "actor2"), \
      param((f).from, "from"), param((f).from, "from2"), param((f).to, "to"), param((f).to, "to2")

class Audit final : public app::AuditRepository {
 public:
  explicit Audit(db::Connection& c) : sql_(c.sql), dialect_(c.dialect), statements_(c.statements) {}
  // Every write runs these three: statements prepared once per connection.
  app::AuditHead lock_head(const std::string& chain) override {
    {
      db::Query ensure(statements_, sql::kEnsureAuditHead);
      ensure.bind("chain", chain).run();
    }
    db::Query lock(statements_,
                   dialect_ == db::Dialect::postgresql ? sql::kLockAuditHeadPostgres : sql::kLockAuditHeadSqlite);
    lock.bind("chain", chain);
    app::AuditHead head;
    if (lock.next()) {
      head.seq = lock.integer(0);
      lock.read(1, head.hash);
    }
    return head;
  }
  void append(const domain::AuditEntry& e) override {
    db::Query q(statements_, sql::kInsertAudit);
    q.bind("id", e.id)
        .bind("chain", e.chain)
        .bind("seq", static_cast<long long>(e.seq))
        .bind("at", e.at)
        .bind("actor", e.actor_user_id)
        .bind("action", e.action)
        .bind("etype", e.entity_type)
        .bind("eid", e.entity_id)
        .bind("changes", e.changes)
        .bind("rid", e.request_id)
        .bind("ip", e.ip)
        .bind("ua", e.user_agent)
        .bind("prev", e.prev_hash)
        .bind("hash", e.hash)
        .run();
  }
  void set_head(const std::string& chain, const app::AuditHead& head) override {
    db::Query q(statements_, sql::kSetAuditHead);
    q.bind("seq", static_cast<long long>(head.seq)).bind("hash", head.hash).bind("chain", chain).run();
  }
  std::vector<domain::AuditEntry> list(const app::AuditFilter& f, const std::string& before_id, int limit) override {
    std::vector<domain::AuditEntry> out;
    domain::AuditEntry e;
    long long seq_value = 0;
    auto collect = [&] {
      e.seq = seq_value;
      out.push_back(e);
    };
    const std::string* centre = app::centre_of(f.scope);
    if (centre && before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListAuditInChain, CMA_INTO_AUDIT(e), param(*centre, "chain"),
                            CMA_BIND_AUDIT_FILTERS(f), param(limit, "limit"));
      each_row(st, collect);
    } else if (centre) {
      soci::statement st = (sql_.prepare << sql::kListAuditInChainBefore, CMA_INTO_AUDIT(e), param(*centre, "chain"),
                            param(before_id, "before"), CMA_BIND_AUDIT_FILTERS(f), param(limit, "limit"));
      each_row(st, collect);
    } else if (before_id.empty()) {
      soci::statement st =
          (sql_.prepare << sql::kListAudit, CMA_INTO_AUDIT(e), CMA_BIND_AUDIT_FILTERS(f), param(limit, "limit"));
      each_row(st, collect);
    } else {
      soci::statement st = (sql_.prepare << sql::kListAuditBefore, CMA_INTO_AUDIT(e), param(before_id, "before"),
                            CMA_BIND_AUDIT_FILTERS(f), param(limit, "limit"));
      each_row(st, collect);
    }
    return out;
  }
  std::vector<std::string> chains() override {
    std::vector<std::string> out;
    std::string chain;
    soci::statement st = (sql_.prepare << sql::kAuditChains, into(chain));
    each_row(st, [&] { out.push_back(chain); });
    return out;
  }
  std::optional<app::AuditHead> head(const std::string& chain) override {
    long long seq = 0;
    app::AuditHead h;
    sql_ << sql::kAuditHead, into(seq), into(h.hash), param(chain, "chain");
    if (!sql_.got_data()) return std::nullopt;
    h.seq = seq;
    return h;
  }
  std::vector<domain::AuditEntry> read_chain(const std::string& chain, std::int64_t after_seq, int limit) override {
    std::vector<domain::AuditEntry> out;
    domain::AuditEntry e;
    long long seq_value = 0;
    long long after = after_seq;
    soci::statement st = (sql_.prepare << sql::kReadAuditChain, CMA_INTO_AUDIT(e), param(chain, "chain"),
                          param(after, "after"), param(limit, "limit"));
    each_row(st, [&] {
      e.seq = seq_value;
      out.push_back(e);
    });
    return out;
  }
  void record_refusal(const app::AccessRefusal& r) override {
    sql_ << sql::kRecordRefusal, param(r.id, "id"), param(r.centre_id, "centre"), param(r.user_id, "user"),
        param(r.action, "action"), param(r.entity_type, "etype"), param(r.minute, "minute"), param(r.first_at, "first"),
        param(r.last_at, "last"), param(r.last_entity_id, "eid"), param(r.last_request_id, "rid"),
        param(r.last_ip, "ip"), param(r.last_user_agent, "ua");
  }
  std::vector<app::AccessRefusal> list_refusals(const app::RefusalFilter& f, const std::string& before_id,
                                                int limit) override {
    std::vector<app::AccessRefusal> out;
    app::AccessRefusal r;
    long long count_value = 0;
    auto collect = [&] {
      r.count = count_value;
      out.push_back(r);
    };
    const std::string& user = f.user_id;
    const std::string* centre = app::centre_of(f.scope);
    if (centre && before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListRefusalsInCentre, CMA_INTO_REFUSAL(r), param(*centre, "centre"),
                            param(user, "user"), param(user, "user2"), param(limit, "limit"));
      each_row(st, collect);
    } else if (centre) {
      soci::statement st =
          (sql_.prepare << sql::kListRefusalsInCentreBefore, CMA_INTO_REFUSAL(r), param(*centre, "centre"),
           param(before_id, "before"), param(user, "user"), param(user, "user2"), param(limit, "limit"));
      each_row(st, collect);
    } else if (before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListRefusals, CMA_INTO_REFUSAL(r), param(user, "user"),
                            param(user, "user2"), param(limit, "limit"));
      each_row(st, collect);
    } else {
      soci::statement st = (sql_.prepare << sql::kListRefusalsBefore, CMA_INTO_REFUSAL(r), param(before_id, "before"),
                            param(user, "user"), param(user, "user2"), param(limit, "limit"));
      each_row(st, collect);
    }
    return out;
  }

 private:
  soci::session& sql_;
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::AuditRepository, Audit>();
}

}  // namespace cma::store::audit
