#include "app/notifications/notifications.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "app/appointments/ports.hpp"
#include "app/audit/audit_log.hpp"
#include "app/calendar/calendar.hpp"
#include "app/clients/ports.hpp"
#include "app/identity/ports.hpp"
#include "app/jobs/jobs.hpp"
#include "app/notifications/ports.hpp"
#include "domain/diary/london_time.hpp"
#include "domain/notifications/reminders.hpp"

namespace cma::app {

namespace {

std::int64_t notification_seconds(const platform::Clock& clock) {
  return std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
}

RequestMeta job_meta(const Job& job) {
  return RequestMeta{"job-" + job.id, "local", "cma worker"};
}

ReminderRun reminder_outcome(ReminderRun::Outcome outcome, std::string error = {}) {
  ReminderRun r;
  r.outcome = outcome;
  r.error = std::move(error);
  return r;
}

}  // namespace

Result<NotificationList> list_my_notifications(const Deps& deps, const Actor& actor, bool unread_only,
                                               const PageRequest& page) {
  auto scope = Tenancy::own_centre(actor.principal);
  const auto& user = actor.principal.user_id();
  auto tx = deps.db.begin(TxMode::read);
  auto& notifications = tx->get<NotificationRepository>();
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  NotificationList out;
  out.page = make_page(notifications.list(scope, user, unread_only, fetch), page.limit,
                       [](const Notification& n) { return n.id; });
  out.unread = notifications.count_unread(scope, user);
  return out;
}

Result<Notification> read_my_notification(const Deps& deps, const Actor& actor, const std::string& id) {
  if (!platform::is_uuid(id)) return Error::not_found(kNoSuchNotification);
  auto scope = Tenancy::own_centre(actor.principal);
  const auto& user = actor.principal.user_id();
  auto tx = deps.db.begin(TxMode::write);
  auto& notifications = tx->get<NotificationRepository>();
  auto n = notifications.find_for_user(scope, user, id);
  if (!n) return Error::not_found(kNoSuchNotification);
  if (!n->read_at.empty()) return *n;
  n->read_at = platform::format_time(deps.clock.now());
  notifications.mark_read(scope, user, id, n->read_at);
  ChangeSet changes;
  changes.set("readAt", "", n->read_at);
  append_audit(deps, *tx, actor.meta, {scope.centre_id(), user, "notification.read", "notification", id, changes});
  tx->commit();
  return *n;
}

Result<ReadAllResult> read_all_my_notifications(const Deps& deps, const Actor& actor) {
  auto scope = Tenancy::own_centre(actor.principal);
  const auto& user = actor.principal.user_id();
  auto tx = deps.db.begin(TxMode::write);
  ReadAllResult result;
  result.marked = tx->get<NotificationRepository>().mark_all_read(scope, user, platform::format_time(deps.clock.now()));
  if (result.marked == 0) return result;
  ChangeSet changes;
  changes.set("unread", std::to_string(result.marked), "0");
  append_audit(deps, *tx, actor.meta, {scope.centre_id(), user, "notification.read_all", "user", user, changes});
  tx->commit();
  return result;
}

void schedule_appointment_reminder(const Deps& deps, Transaction& tx, const Appointment& a) {
  if (a.status != "scheduled") return;
  auto start = domain::parse_utc(a.start_at);
  if (!start) return;
  auto now = notification_seconds(deps.clock);
  auto run_at = domain::reminder_run_at(*start, now, deps.reminder_lead_minutes);
  JobDraft draft;
  draft.centre_id = a.centre_id;
  draft.kind = kAppointmentRemindJob;
  draft.payload = boost::json::serialize(
      boost::json::object{{"appointmentId", a.id}, {"startAt", a.start_at}, {"adviserId", a.adviser_id}});
  draft.max_attempts = 8;
  draft.run_at = run_at > now ? domain::format_utc(run_at) : "";
  draft.unique_key = domain::reminder_key(a.id, a.start_at, a.adviser_id);
  enqueue_job(deps, tx, draft);  // nullopt: this appointment, start and adviser have their reminder already
}

ReminderRun run_appointment_reminder(const Deps& deps, const Job& job) {
  using Outcome = ReminderRun::Outcome;
  boost::system::error_code ec;
  auto payload = boost::json::parse(job.payload, ec);
  if (ec || !payload.is_object()) return reminder_outcome(Outcome::bad_payload, "the payload is not a JSON object");
  auto text_of = [&](const char* key) -> std::string {
    const auto* v = payload.as_object().if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  auto appointment_id = text_of("appointmentId"), start_at = text_of("startAt"), adviser_id = text_of("adviserId");
  if (!platform::is_uuid(appointment_id) || start_at.empty() || adviser_id.empty())
    return reminder_outcome(Outcome::bad_payload, "the payload needs appointmentId, startAt and adviserId");
  auto scope = Tenancy::centre_within(Tenancy::of(Principal::operator_command()), job.centre_id);
  if (!scope || job.centre_id.empty()) return reminder_outcome(Outcome::bad_payload, "the job names no centre");

  Notification n;
  std::string recipient;
  ReminderRun run;
  {
    auto tx = deps.db.begin(TxMode::write);
    auto a = tx->get<AppointmentRepository>().find(Scope(*scope), appointment_id);
    // Cancelled, moved or given to another adviser since: the job made for that change reminds.
    if (!a || a->status != "scheduled" || a->start_at != start_at || a->adviser_id != adviser_id)
      return reminder_outcome(Outcome::stale);
    auto user = tx->get<UserRepository>().find(Scope(*scope), adviser_id);
    if (!user || user->status != kActive) return reminder_outcome(Outcome::stale);
    recipient = user->email;
    auto& notifications = tx->get<NotificationRepository>();
    auto key = domain::reminder_key(a->id, a->start_at, a->adviser_id);
    if (auto existing = notifications.find_by_key(*scope, key)) {
      n = *existing;
    } else {
      auto centre = tx->get<CentreRepository>().find(Scope(*scope), scope->centre_id());
      std::string client_name;
      if (centre && shows_client_names(*centre))
        if (auto client = tx->get<ClientRepository>().find(Scope(*scope), a->client_id))
          client_name = client->first_name + " " + client->last_name;
      auto text =
          domain::reminder_text(domain::parse_utc(a->start_at).value_or(0), a->duration_minutes, a->mode, client_name);
      n.id = deps.ids.next();
      n.centre_id = scope->centre_id();
      n.user_id = a->adviser_id;
      n.kind = kAppointmentReminderKind;
      n.title = text.title;
      n.body = text.body;
      n.appointment_id = a->id;
      n.dedupe_key = key;
      n.created_at = platform::format_time(deps.clock.now());
      try {
        notifications.insert(n);
      } catch (const UniqueViolation&) {
        // Another worker ran this job at the same moment (a lease taken over); its notification stands.
        return reminder_outcome(Outcome::failed, "the reminder was being made by another run");
      }
      auto changes = ChangeSet::for_creation();
      changes.created("kind", n.kind).created("userId", n.user_id).created("appointmentId", n.appointment_id);
      append_audit(deps, *tx, job_meta(job), {n.centre_id, "", "notification.create", "notification", n.id, changes});
      tx->commit();
      run.notified = true;
    }
  }
  if (!deps.mailer || !n.emailed_at.empty()) return run;
  if (!domain::plain_email_address(recipient) || !domain::plain_email_address(deps.mailer->from())) {
    run.outcome = Outcome::bad_payload;
    run.error = "the adviser's e-mail address cannot be used as an SMTP recipient";
    return run;
  }
  domain::EmailMessage m;
  m.from = deps.mailer->from();
  m.to = recipient;
  m.subject = n.title;
  m.body = n.body + "\n\nThis reminder was sent by CMA. Open the appointment in CMA for its details.";
  m.message_id = "reminder-" + n.id + m.from.substr(m.from.find('@'));
  m.date = notification_seconds(deps.clock);
  try {
    deps.mailer->send(recipient, domain::render_email(m));
  } catch (const MailError& e) {
    run.outcome = Outcome::failed;
    run.error = std::string("sending the reminder e-mail failed: ") + e.what();
    return run;
  }
  auto tx = deps.db.begin(TxMode::write);
  auto sent_at = platform::format_time(deps.clock.now());
  tx->get<NotificationRepository>().mark_emailed(*scope, n.id, sent_at);
  ChangeSet changes;
  changes.set("emailedAt", "", sent_at);
  append_audit(deps, *tx, job_meta(job), {n.centre_id, "", "notification.email", "notification", n.id, changes});
  tx->commit();
  run.emailed = true;
  return run;
}

}  // namespace cma::app
