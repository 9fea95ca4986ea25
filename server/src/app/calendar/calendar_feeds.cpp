#include <boost/json.hpp>
#include <chrono>
#include <map>

#include "app/appointments/ports.hpp"
#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/calendar/calendar.hpp"
#include "app/calendar/ports.hpp"
#include "app/clients/ports.hpp"
#include "app/identity/ports.hpp"
#include "domain/diary/appointment_rules.hpp"
#include "domain/diary/icalendar.hpp"
#include "domain/diary/london_time.hpp"
#include "platform/crypto.hpp"

namespace cma::app {

namespace {
constexpr std::size_t kTokenBytes = 32;  // 256 bits; 43 characters of base64url

std::int64_t seconds(const platform::Clock& clock) {
  return std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
}

bool well_formed_token(const std::string& token) {
  if (token.size() != 43) return false;
  for (char c : token)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

std::string mode_words(const std::string& mode) {
  if (mode == "phone") return "by phone";
  if (mode == "video") return "by video";
  return "in person";
}
}  // namespace

bool shows_client_names(const Centre& centre) {
  boost::system::error_code ec;
  auto settings = boost::json::parse(centre.settings, ec);
  if (ec || !settings.is_object()) return false;
  const auto* flag = settings.as_object().if_contains("calendarShowsClientNames");
  return flag && flag->is_bool() && flag->as_bool();
}

Result<IssuedCalendarFeed> issue_calendar_feed(const Deps& deps, const Actor& actor) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "calendar_feed.issue", "user", actor.principal.user_id());
  auto scope = Tenancy::own_centre(actor.principal);
  IssuedCalendarFeed issued{platform::base64url_encode(platform::random_bytes(kTokenBytes)),
                            platform::format_time(deps.clock.now())};
  auto tx = deps.db.begin(TxMode::write);
  auto& feeds = tx->get<CalendarFeedRepository>();
  auto revoked = feeds.revoke_all(scope, actor.principal.user_id(), issued.created_at);
  feeds.insert({deps.ids.next(), scope.centre_id(), actor.principal.user_id(), platform::sha256_hex(issued.token),
                issued.created_at, ""});
  ChangeSet changes;
  changes.set("calendarFeed", revoked ? "replaced" : "", "issued");
  append_audit(deps, *tx, actor.meta,
               {scope.centre_id(), actor.principal.user_id(), "calendar_feed.issue", "user", actor.principal.user_id(),
                changes});
  tx->commit();
  return issued;
}

Result<CalendarFeedStatus> revoke_calendar_feed(const Deps& deps, const Actor& actor) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "calendar_feed.revoke", "user", actor.principal.user_id());
  auto scope = Tenancy::own_centre(actor.principal);
  auto tx = deps.db.begin(TxMode::write);
  auto revoked = tx->get<CalendarFeedRepository>().revoke_all(scope, actor.principal.user_id(),
                                                              platform::format_time(deps.clock.now()));
  if (revoked == 0) return CalendarFeedStatus{};
  ChangeSet changes;
  changes.set("calendarFeed", "issued", "revoked");
  append_audit(deps, *tx, actor.meta,
               {scope.centre_id(), actor.principal.user_id(), "calendar_feed.revoke", "user", actor.principal.user_id(),
                changes});
  tx->commit();
  return CalendarFeedStatus{};
}

Result<CalendarFeedStatus> calendar_feed_status(const Deps& deps, const Actor& actor) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "calendar_feed.read", "user", actor.principal.user_id());
  auto tx = deps.db.begin(TxMode::read);
  auto feed =
      tx->get<CalendarFeedRepository>().active_for(Tenancy::own_centre(actor.principal), actor.principal.user_id());
  if (!feed) return CalendarFeedStatus{};
  return CalendarFeedStatus{true, feed->created_at};
}

Result<std::string> read_calendar_feed(const Deps& deps, const std::string& token) {
  const char* kNoSuchFeed = "No such calendar feed.";
  if (!well_formed_token(token)) return Error::not_found(kNoSuchFeed);
  auto tx = deps.db.begin(TxMode::read);
  auto feed =
      tx->get<CalendarFeedRepository>().find_active_by_hash(Tenancy::for_authentication(), platform::sha256_hex(token));
  if (!feed) return Error::not_found(kNoSuchFeed);
  auto user = tx->get<UserRepository>().find_active(feed->user_id);
  if (!user || user->centre_id != feed->centre_id) return Error::not_found(kNoSuchFeed);
  auto principal = Principal::signed_in(*user);
  auto scope = Tenancy::own_centre(principal);
  auto centre = tx->get<CentreRepository>().find(Scope(scope), scope.centre_id());
  bool names = centre && shows_client_names(*centre);

  auto now = seconds(deps.clock);
  auto today = domain::london_date(now);
  AppointmentQuery query;
  query.adviser_id = user->id;
  query.from = domain::format_utc(domain::london_midnight(domain::add_days(today, -kFeedDaysBack)));
  query.to = domain::format_utc(domain::london_midnight(domain::add_days(today, kFeedDaysAhead)));
  KeysetRequest page;
  page.limit = kFeedMaxEvents;
  auto appointments = tx->get<AppointmentRepository>().list(scope, query, page);

  std::map<std::string, std::string> client_names;
  std::vector<domain::CalendarEvent> events;
  events.reserve(appointments.size());
  for (const auto& a : appointments) {
    domain::CalendarEvent e;
    e.uid = a.id + "@cma";
    e.start = domain::parse_utc(a.start_at).value_or(0);
    e.end = domain::parse_utc(a.end_at).value_or(e.start);
    e.last_modified = domain::parse_utc(a.updated_at).value_or(e.start);
    e.cancelled = a.status == "cancelled";
    if (names) {
      auto [it, fresh] = client_names.try_emplace(a.client_id);
      if (fresh) {
        auto client = tx->get<ClientRepository>().find(Scope(scope), a.client_id);
        it->second = client ? client->first_name + " " + client->last_name : "";
      }
      e.summary = it->second.empty() ? "Debt advice appointment" : "Debt advice: " + it->second;
      e.summary.append(" (").append(mode_words(a.mode)).append(")");
      e.location = a.location;
    } else {
      e.summary = "Debt advice appointment (" + mode_words(a.mode) + ")";
    }
    events.push_back(std::move(e));
  }
  return domain::render_icalendar("CMA diary: " + user->first_name + " " + user->last_name, now, events);
}

}  // namespace cma::app
