// Appointment reminders: the job a booking or a move enqueues makes one in-app notification and,
// with SMTP configured, sends one e-mail (to a real SMTP server, aiosmtpd) in London time; reruns
// and stale reminders change nothing; a user reaches only their own notifications.
#include <gtest/gtest.h>

#include <atomic>

#include "app/jobs/ports.hpp"
#include "app/notifications/ports.hpp"
#include "jobs/handlers.hpp"
#include "mail/smtp_mailer.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_app.hpp"

namespace cma::testing::notifications_itest {
namespace json = boost::json;

namespace {

std::string reminder_client(TestApp& app, const std::string& token, const std::string& last_name = "Quennell") {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Ottoline"}, {"lastName", last_name}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  return client.str("id");
}

std::string book(TestApp& app, const std::string& token, const std::string& client, const std::string& start) {
  auto a =
      app.post("/api/v1/appointments",
               json::object{{"clientId", client}, {"start", start}, {"durationMinutes", 45}, {"mode", "phone"}}, token);
  EXPECT_EQ(a.status, 201) << a.body;
  return a.str("id");
}

// The reminder jobs of one appointment, oldest first.
std::vector<app::Job> reminder_jobs(TestApp& app, const std::string& appointment_id) {
  auto tx = app.db().begin(app::TxMode::read);
  app::PageRequest page;
  page.limit = 1000;
  auto all = tx->get<app::JobRepository>().list({"", "appointment.remind"}, page);
  std::vector<app::Job> out;
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    if (it->payload.find(appointment_id) != std::string::npos) out.push_back(*it);
  return out;
}

// Runs a job's handler as a worker would, with or without a mailer.
struct ReminderRunner {
  explicit ReminderRunner(TestApp& app, app::Mailer* mailer = nullptr)
      : ids(app.clock()), deps{app.db(), app.clock(), ids, app.reference()} {
    deps.mailer = mailer;
    jobs::add_builtin_handlers(handlers);
  }
  jobs::JobResult run(const app::Job& job) {
    const auto* handler = handlers.find(job.kind);
    EXPECT_NE(handler, nullptr);
    std::atomic<bool> stop{false};
    jobs::JobContext ctx(job, deps, stop);
    return (*handler)(ctx);
  }
  platform::UuidV7Generator ids;
  app::Deps deps;
  jobs::HandlerRegistry handlers;
};

platform::SmtpSettings sink_settings(const SmtpSink& sink) {
  platform::SmtpSettings s;
  s.enabled = true;
  s.url = sink.url();
  s.from = "reminders@cma.example";
  s.timeout_seconds = 20;
  return s;
}

const json::array& notification_items(const HttpResult& r) {
  return r.obj().at("items").as_array();
}

}  // namespace

TEST(Reminders, ARemindersJobNotifiesAndEmailsTheAdviserOnceInLondonTime) {
  TestApp app;
  SmtpSink sink;
  mail::SmtpMailer mailer(sink_settings(sink));
  ReminderRunner runner(app, &mailer);
  auto t = app.login(app.advisor_a);
  auto client = reminder_client(app, t);
  // 14:30 London in summer is 13:30 UTC; the reminder is due 24 hours before.
  auto id = book(app, t, client, "2027-07-14T14:30");
  auto jobs = reminder_jobs(app, id);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].run_at, "2027-07-13T13:30:00.000000Z");
  EXPECT_EQ(jobs[0].centre_id, app.centre_a);
  EXPECT_EQ(jobs[0].unique_key, "appointment.remind:" + id + ":2027-07-14T13:30:00.000000Z:" + app.advisor_a.id);

  EXPECT_EQ(app.get("/api/v1/me/notifications", t).obj().at("unreadCount").as_int64(), 0);
  auto first = runner.run(jobs[0]);
  ASSERT_EQ(first.status, jobs::JobResult::Status::done) << first.error;
  auto list = app.get("/api/v1/me/notifications", t);
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(notification_items(list).size(), 1u);
  EXPECT_EQ(list.obj().at("unreadCount").as_int64(), 1);
  const auto& n = notification_items(list)[0].as_object();
  EXPECT_EQ(n.at("kind").as_string(), "appointment.reminder");
  EXPECT_EQ(n.at("appointmentId").as_string(), id);
  EXPECT_TRUE(n.at("emailed").as_bool());
  EXPECT_NE(std::string(n.at("title").as_string()).find("Wednesday 14 July 2027 at 14:30"), std::string::npos);
  EXPECT_EQ(std::string(n.at("body").as_string()).find("Quennell"), std::string::npos) << "a client's name";

  auto mails = sink.wait_for(1, 20);
  ASSERT_EQ(mails.size(), 1u);
  const auto& m = mails[0];
  EXPECT_NE(m.find("X-RcptTo: " + app.advisor_a.email), std::string::npos) << m;
  EXPECT_NE(m.find("X-MailFrom: reminders@cma.example"), std::string::npos) << m;
  EXPECT_NE(m.find("Subject: Appointment reminder: Wednesday 14 July 2027 at 14:30"), std::string::npos) << m;
  EXPECT_NE(m.find("14:30 London time (BST)"), std::string::npos) << m;
  EXPECT_NE(m.find("Message-ID: <reminder-"), std::string::npos) << m;
  EXPECT_NE(m.find("Date: "), std::string::npos) << m;
  EXPECT_EQ(m.find("Quennell"), std::string::npos) << "the centre does not allow client names";

  // At-least-once delivery: the same job again makes no second notification and no second e-mail.
  auto again = runner.run(jobs[0]);
  ASSERT_EQ(again.status, jobs::JobResult::Status::done) << again.error;
  EXPECT_EQ(notification_items(app.get("/api/v1/me/notifications", t)).size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST(Reminders, AMovedOrCancelledAppointmentsOldReminderDoesNothing) {
  TestApp app;
  SmtpSink sink;
  mail::SmtpMailer mailer(sink_settings(sink));
  ReminderRunner runner(app, &mailer);
  auto t = app.login(app.advisor_a);
  auto client = reminder_client(app, t);
  auto moved = book(app, t, client, "2027-01-20T10:00");
  auto cancelled = book(app, t, client, "2027-01-21T10:00");
  ASSERT_EQ(app.patch("/api/v1/appointments/" + moved, json::object{{"start", "2027-01-22T15:15"}}, t).status, 200);
  ASSERT_EQ(app.patch("/api/v1/appointments/" + cancelled, json::object{{"status", "cancelled"}}, t).status, 200);
  auto moved_jobs = reminder_jobs(app, moved);
  ASSERT_EQ(moved_jobs.size(), 2u) << "a move makes a new reminder";
  auto cancelled_jobs = reminder_jobs(app, cancelled);
  ASSERT_EQ(cancelled_jobs.size(), 1u) << "cancelling makes none";

  EXPECT_EQ(runner.run(moved_jobs[0]).status, jobs::JobResult::Status::done);
  EXPECT_EQ(runner.run(cancelled_jobs[0]).status, jobs::JobResult::Status::done);
  EXPECT_TRUE(notification_items(app.get("/api/v1/me/notifications", t)).empty());
  // The new time's reminder, in winter: 15:15 London is 15:15 GMT.
  EXPECT_EQ(runner.run(moved_jobs[1]).status, jobs::JobResult::Status::done);
  auto list = app.get("/api/v1/me/notifications", t);
  ASSERT_EQ(notification_items(list).size(), 1u);
  auto mails = sink.wait_for(1, 20);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].find("15:15 London time (GMT)"), std::string::npos) << mails[0];
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink.messages().size(), 1u);
}

TEST(Reminders, WithoutSmtpOnlyTheNotificationAndNamesOnlyWhereTheCentreAllows) {
  TestApp app;
  ReminderRunner runner(app);  // no mailer
  auto admin = app.login(app.admin);
  ASSERT_EQ(app.patch("/api/v1/centres/" + app.centre_a,
                      json::object{{"settings", json::object{{"calendarShowsClientNames", true}}}}, admin)
                .status,
            200);
  auto t = app.login(app.advisor_a);
  auto id = book(app, t, reminder_client(app, t, "Zebedee"), "2027-02-03T09:00");
  auto jobs = reminder_jobs(app, id);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(runner.run(jobs[0]).status, jobs::JobResult::Status::done);
  auto list = app.get("/api/v1/me/notifications", t);
  ASSERT_EQ(notification_items(list).size(), 1u);
  const auto& n = notification_items(list)[0].as_object();
  EXPECT_FALSE(n.at("emailed").as_bool());
  EXPECT_NE(std::string(n.at("body").as_string()).find("with Ottoline Zebedee"), std::string::npos);
  EXPECT_NE(std::string(n.at("body").as_string()).find("09:00 London time (GMT)"), std::string::npos);
  // A start already within the lead time: due at once.
  auto soon_start = platform::format_time(app.clock().now() + std::chrono::hours(2));
  auto soon = book(app, t, reminder_client(app, t), soon_start.substr(0, 19) + "Z");
  auto soon_jobs = reminder_jobs(app, soon);
  ASSERT_EQ(soon_jobs.size(), 1u);
  EXPECT_LE(soon_jobs[0].run_at, platform::format_time(app.clock().now()));
}

TEST(Reminders, AUserReachesOnlyTheirOwnNotifications) {
  TestApp app;
  ReminderRunner runner(app);
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto trainee = app.login(app.trainee_a);
  auto client = reminder_client(app, a);
  auto first = book(app, a, client, "2027-03-01T10:00");
  auto second = book(app, a, client, "2027-03-02T10:00");
  for (const auto& id : {first, second})
    ASSERT_EQ(runner.run(reminder_jobs(app, id)[0]).status, jobs::JobResult::Status::done);
  auto list = app.get("/api/v1/me/notifications?limit=1", a);
  ASSERT_EQ(notification_items(list).size(), 1u);
  EXPECT_EQ(notification_items(list)[0].at("appointmentId").as_string(), second) << "newest first";
  ASSERT_TRUE(list.obj().at("nextCursor").is_string());
  auto rest =
      app.get("/api/v1/me/notifications?limit=1&cursor=" + std::string(list.obj().at("nextCursor").as_string()), a);
  ASSERT_EQ(notification_items(rest).size(), 1u);
  EXPECT_EQ(notification_items(rest)[0].at("appointmentId").as_string(), first);
  auto nid = std::string(notification_items(list)[0].at("id").as_string());

  // Another centre's user, and another user of the same centre: not found, and nothing listed.
  for (const auto& other : {b, trainee}) {
    EXPECT_EQ(app.call("POST", "/api/v1/me/notifications/" + nid + "/read", other).status, 404);
    auto theirs = app.get("/api/v1/me/notifications", other);
    EXPECT_TRUE(notification_items(theirs).empty());
    EXPECT_EQ(theirs.obj().at("unreadCount").as_int64(), 0);
    EXPECT_EQ(app.call("POST", "/api/v1/me/notifications/read-all", other).obj().at("marked").as_int64(), 0);
  }
  EXPECT_EQ(app.call("POST", "/api/v1/me/notifications/not-an-id/read", a).status, 404);
  EXPECT_EQ(app.get("/api/v1/me/notifications?unread=maybe", a).status, 422);

  auto read = app.call("POST", "/api/v1/me/notifications/" + nid + "/read", a);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_TRUE(read.obj().at("readAt").is_string());
  auto unread = app.get("/api/v1/me/notifications?unread=true", a);
  ASSERT_EQ(notification_items(unread).size(), 1u);
  EXPECT_EQ(notification_items(unread)[0].at("appointmentId").as_string(), first);
  EXPECT_EQ(unread.obj().at("unreadCount").as_int64(), 1);
  EXPECT_EQ(app.call("POST", "/api/v1/me/notifications/read-all", a).obj().at("marked").as_int64(), 1);
  EXPECT_EQ(app.get("/api/v1/me/notifications", a).obj().at("unreadCount").as_int64(), 0);
  EXPECT_EQ(notification_items(app.get("/api/v1/me/notifications", a)).size(), 2u);
}

}  // namespace cma::testing::notifications_itest
