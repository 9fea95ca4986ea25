#include "store/appointments/repositories.hpp"

#include "app/appointments/ports.hpp"
#include "store/appointments/queries.hpp"

namespace cma::store::appointments {

namespace {

using db::write_guarded;

// A row of CMA_APPOINTMENT_COLUMNS, in that order.
app::Appointment read_appointment(const db::Query& q) {
  app::Appointment a;
  q.read(0, a.id);
  q.read(1, a.centre_id);
  q.read(2, a.client_id);
  q.read(3, a.case_id);
  q.read(4, a.adviser_id);
  q.read(5, a.start_at);
  q.read(6, a.end_at);
  a.duration_minutes = static_cast<int>(q.integer(7));
  q.read(8, a.mode);
  q.read(9, a.location);
  q.read(10, a.preparation);
  q.read(11, a.status);
  q.read(12, a.outcome);
  q.read(13, a.follow_up_date);
  q.read(14, a.created_by);
  q.read(15, a.created_at);
  q.read(16, a.updated_at);
  return a;
}

class Appointments final : public app::AppointmentRepository {
 public:
  explicit Appointments(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Appointment> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindAppointment : sql::kFindAppointmentAnyCentre);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_appointment(q);
  }

  std::optional<app::Appointment> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_,
                dialect_ == db::Dialect::postgresql ? sql::kFindAppointmentForUpdatePostgresql : sql::kFindAppointment);
    q.bind("id", id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_appointment(q);
  }

  void lock_diary(const app::CentreScope&, const std::string& adviser_id) override {
    if (dialect_ != db::Dialect::postgresql) return;  // SQLite: this transaction is the only writer
    db::Query q(statements_, sql::kLockDiaryPostgresql);
    q.bind("adviser", adviser_id);
    while (q.next()) {
    }
  }

  std::optional<app::Appointment> first_clash(const app::CentreScope& scope, const std::string& adviser_id,
                                              const std::string& start, const std::string& end,
                                              const std::string& earliest_start,
                                              const std::string& except_id) override {
    db::Query q(statements_, sql::kFirstClash);
    q.bind("centre", scope.centre_id())
        .bind("adviser", adviser_id)
        .bind("start", start)
        .bind("end", end)
        .bind("earliest", earliest_start)
        .bind("except", except_id);
    if (!q.next()) return std::nullopt;
    return read_appointment(q);
  }

  void insert(const app::Appointment& a) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertAppointment);
      q.bind("id", a.id)
          .bind("centre", a.centre_id)
          .bind("client_id", a.client_id)
          .bind("case_id", a.case_id)
          .bind("created_by", a.created_by)
          .bind("created", a.created_at);
      bind_fields(q, a);
      q.run();
    });
  }

  void update(const app::Appointment& a) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kUpdateAppointment);
      bind_fields(q, a);
      q.bind("id", a.id).bind("centre", a.centre_id).run();
    });
  }

  std::vector<app::Appointment> list(const app::CentreScope& scope, const app::AppointmentQuery& query,
                                     const app::KeysetRequest& page) override {
    db::Query q(statements_, sql::kListAppointments);
    q.bind("centre", scope.centre_id())
        .bind("adviser", query.adviser_id)
        .bind("client_id", query.client_id)
        .bind("case_id", query.case_id)
        .bind("status", query.status)
        .bind("from", query.from)
        .bind("to", query.to)
        .bind("after_start", page.has_cursor ? page.after_key : std::string())
        .bind("after_id", page.has_cursor ? page.after_id : std::string())
        .bind("limit", page.limit);
    std::vector<app::Appointment> out;
    while (q.next()) out.push_back(read_appointment(q));
    return out;
  }

 private:
  // The columns an insert and an update both write.
  static void bind_fields(db::Query& q, const app::Appointment& a) {
    q.bind("adviser", a.adviser_id)
        .bind("start", a.start_at)
        .bind("end", a.end_at)
        .bind("duration", a.duration_minutes)
        .bind("mode", a.mode)
        .bind("location", a.location)
        .bind("preparation", a.preparation)
        .bind("status", a.status)
        .bind("outcome", a.outcome)
        .bind("follow_up", a.follow_up_date)
        .bind("updated", a.updated_at);
  }

  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::AppointmentRepository, Appointments>();
}

}  // namespace cma::store::appointments
