#include "main/demo_data.hpp"

#include <array>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/appointments/appointments.hpp"
#include "app/budgets/budgets.hpp"
#include "app/cases/cases.hpp"
#include "app/clients/clients.hpp"
#include "app/compliance/compliance.hpp"
#include "app/debts/debts.hpp"
#include "app/identity/centres.hpp"
#include "app/identity/users.hpp"
#include "app/notes/notes.hpp"
#include "app/offers/offers.hpp"
#include "app/tasks/tasks.hpp"
#include "domain/debts/debt_type.hpp"
#include "domain/diary/london_time.hpp"

namespace cma::main {

namespace {

constexpr std::array kFirstNames = {"Olivia", "Amelia",  "Isla",  "Ava",     "Mia",    "Grace",  "Sophia",   "Lily",
                                    "Freya",  "Emily",   "Noah",  "Oliver",  "George", "Arthur", "Muhammad", "Leo",
                                    "Harry",  "Oscar",   "Jack",  "Charlie", "Aisha",  "Priya",  "Kwame",    "Tomasz",
                                    "Zofia",  "Siobhan", "Dylan", "Rhys",    "Niamh",  "Callum"};
constexpr std::array kLastNames = {"Smith",  "Jones",   "Taylor",   "Brown",  "Williams", "Wilson", "Johnson",
                                   "Davies", "Patel",   "Robinson", "Wright", "Thompson", "Evans",  "Walker",
                                   "White",  "Roberts", "Green",    "Hall",   "Khan",     "Ali",    "Nowak",
                                   "Okafor", "Murphy",  "O'Brien",  "Hughes", "Edwards",  "Lewis",  "Clarke"};
constexpr std::array kStreets = {"Station Road", "Church Street", "Victoria Road", "Green Lane",  "Manor Road",
                                 "Park Avenue",  "Mill Lane",     "King Street",   "Queens Road", "New Street"};
struct Place {
  const char* town;
  const char* outward;
};
constexpr std::array kPlaces = {Place{"Manchester", "M14"}, Place{"Salford", "M6"},   Place{"Stockport", "SK4"},
                                Place{"Leeds", "LS9"},      Place{"Bradford", "BD3"}, Place{"Wakefield", "WF1"},
                                Place{"Oldham", "OL8"},     Place{"Bolton", "BL3"}};
constexpr std::array kCreditors = {"Barclaycard", "NatWest",        "Capital One", "Lloyds Bank",
                                   "Very",        "Klarna",         "Lowell",      "Cabot",
                                   "Vanquis",     "Amigo",          "HMRC",        "British Gas",
                                   "EDF Energy",  "Octopus Energy", "Council Tax", "Housing Association",
                                   "DWP",         "Yorkshire Water"};
constexpr std::array kTenures = {"private_rent", "social_rent", "mortgage", "living_with_family", "owner", "other"};
constexpr std::array kEmployment = {"employed", "unemployed", "self_employed", "unable_to_work", "retired", "carer"};
constexpr std::array kMarital = {"single", "married", "cohabiting", "separated", "divorced", "widowed"};

template <class T>
T ok_or_throw(Result<T> r, const char* what) {
  if (!r) {
    std::string detail = r.error().detail;
    for (const auto& f : r.error().field_errors) detail.append(" ").append(f.field).append(": ").append(f.message);
    throw std::runtime_error(std::string("demo casework: ") + what + " failed: " + detail);
  }
  return std::move(r).value();
}

}  // namespace

DemoCaseworkReport seed_demo_casework(Core& core, int clients, std::uint32_t seed) {
  DemoCaseworkReport report;
  if (clients <= 0) return report;
  auto deps = core.deps();
  auto actor = system_actor("seed-demo");
  std::mt19937 rng(seed);
  auto pick = [&](const auto& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
  };
  auto between = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };

  struct CentreStaff {
    std::string centre_id;
    std::vector<app::User> advisers;
  };
  std::vector<CentreStaff> centres;
  app::PageRequest page;
  page.limit = 100;
  for (const auto& c : ok_or_throw(app::list_centres(deps, actor, page), "listing centres").items) {
    if (c.status != app::kActive) continue;
    CentreStaff staff{c.id, {}};
    for (const auto& u : ok_or_throw(app::list_users(deps, actor, c.id, page), "listing users").items)
      if (u.status == app::kActive && (u.role == domain::Role::advisor || u.role == domain::Role::manager))
        staff.advisers.push_back(u);
    centres.push_back(std::move(staff));
  }
  if (centres.empty()) throw std::runtime_error("demo casework: there is no active centre to add clients to");
  auto today = domain::london_date(
      std::chrono::duration_cast<std::chrono::seconds>(deps.clock.now().time_since_epoch()).count());

  const auto& types = domain::all_debt_types();
  std::size_t next_type = 0;  // every type appears before any repeats
  for (int i = 0; i < clients; ++i) {
    const auto& centre = centres[static_cast<std::size_t>(i) % centres.size()];
    auto place = pick(kPlaces);
    app::ClientInput ci;
    ci.centre_id = centre.centre_id;
    ci.title = std::string(pick(std::array{"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}));
    ci.first_name = std::string(pick(kFirstNames));
    ci.last_name = std::string(pick(kLastNames));
    ci.date_of_birth = std::to_string(between(1945, 2004)) + "-0" + std::to_string(between(1, 9)) + "-1" +
                       std::to_string(between(0, 9));
    ci.mobile = "07700 900" + std::to_string(between(100, 999));
    ci.address_line1 = std::to_string(between(1, 180)) + " " + pick(kStreets);
    ci.town = std::string(place.town);
    ci.postcode = std::string(place.outward) + " " + std::to_string(between(1, 9)) +
                  std::string(1, static_cast<char>('A' + between(0, 25))) +
                  std::string(1, static_cast<char>('A' + between(0, 25)));
    ci.adults = between(1, 2);
    std::vector<long long> children;
    for (long long k = between(0, 3); k > 0; --k) children.push_back(between(0, 17));
    ci.children_ages = children;
    ci.marital_status = std::string(pick(kMarital));
    ci.employment_status = std::string(pick(kEmployment));
    ci.housing_tenure = std::string(pick(kTenures));
    ci.preferred_contact = std::string(pick(std::array{"phone", "mobile", "email", "letter"}));
    ci.language = between(0, 9) == 0 ? "Polish" : "English";
    ci.data_sharing_consent = between(0, 4) != 0;
    if (between(0, 3) == 0) {
      ci.vulnerability_consent = true;
      ci.vulnerability_flags = std::vector<std::string>{std::string(pick(
          std::array{"mental_health", "physical_health", "bereavement", "recent_job_loss", "low_literacy", "carer"}))};
    }
    auto client = ok_or_throw(app::create_client(deps, actor, ci), "creating a client");
    ++report.clients;

    app::CaseInput ki;
    ki.client_id = client.id;
    std::optional<app::User> adviser;
    if (!centre.advisers.empty()) adviser = pick(centre.advisers);
    if (adviser) ki.adviser_id = adviser->id;
    ki.priority = std::string(pick(std::array{"normal", "normal", "high", "urgent", "low"}));
    ki.summary = "Referred for help with " +
                 std::string(pick(std::array{"rent arrears and credit cards", "council tax arrears and bailiffs",
                                             "energy arrears after a job loss", "catalogue and payday loan debts"}));
    ki.assets = between(0, 3) * 25000;
    ki.vehicle_value = between(0, 1) ? between(50, 600) * 1000 : 0;
    auto kase = ok_or_throw(app::open_case(deps, actor, ki), "opening a case");
    ++report.cases;

    for (long long d = between(3, 5); d > 0; --d) {
      auto type = types[next_type < types.size() ? next_type++ : static_cast<std::size_t>(between(0, 20))];
      app::DebtInput di;
      di.creditor = std::string(pick(kCreditors));
      di.debt_type = std::string(domain::to_string(type));
      di.account_reference = std::to_string(between(10000000, 99999999));
      di.balance = between(100, 12000) * 100;
      bool priority = domain::derived_priority(type) == domain::Priority::priority;
      di.arrears = priority ? *di.balance / between(1, 4) : 0;
      di.contractual_payment = between(10, 250) * 100;
      di.interest_frozen = between(0, 2) == 0;
      ok_or_throw(app::add_debt(deps, actor, kase.id, di), "adding a debt");
      ++report.debts;
    }

    app::BudgetInput bi;
    auto line = [](const char* section, const char* category, long long amount, const char* frequency) {
      return app::BudgetLineInput{std::string(section), std::string(category), std::nullopt, std::string(frequency),
                                  amount};
    };
    std::vector<app::BudgetLineInput> lines = {
        line("income", between(0, 1) ? "wages" : "universal_credit", between(900, 2400) * 100, "monthly"),
        line("fixed_costs", "rent", between(450, 1100) * 100, "monthly"),
        line("fixed_costs", "council_tax", between(1200, 2400) * 100, "annual"),
        line("fixed_costs", "electricity", between(60, 140) * 100, "monthly"),
        line("fixed_costs", "water", between(25, 50) * 100, "monthly"),
        line("flexible_costs", "food_and_housekeeping", between(50, 110) * 100, "weekly"),
        line("flexible_costs", "communications_and_leisure", between(40, 110) * 100, "monthly"),
        line("flexible_costs", "personal_costs", between(30, 90) * 100, "monthly")};
    if (!children.empty()) lines.push_back(line("income", "child_benefit", 10240, "four_weekly"));
    bi.lines = lines;
    ok_or_throw(app::save_budget(deps, actor, kase.id, bi), "saving a budget");
    ++report.budgets;

    // The adviser's own record of the work: a note, a task and an appointment.
    std::string note_id;
    std::optional<app::Actor> by_adviser;
    if (adviser) {
      by_adviser = app::Actor{app::Principal::signed_in(*adviser), actor.meta};
      const auto& by = *by_adviser;
      app::NoteInput ni;
      ni.note_type = std::string(pick(std::array{"call", "meeting", "letter", "email"}));
      ni.body = std::string(pick(std::array{
          "First appointment: went through the debts and income; client brought bank statements and two letters.",
          "Client rang worried about a letter from enforcement agents. Explained their powers and the next steps.",
          "Confirmation of advice sent: options explained, including a debt management plan and a DRO.",
          "Spoke to the creditor: account on hold for 30 days while the budget is completed."}));
      note_id = ok_or_throw(app::add_note(deps, by, kase.id, ni), "adding a note").id;
      app::TaskInput ti;
      ti.case_id = kase.id;
      ti.title = std::string(pick(std::array{"Send the budget to the creditors", "Chase the payslips",
                                             "Ring the council about the summons", "Check benefit entitlement"}));
      ti.due_date = domain::format_date(domain::add_days(today, static_cast<int>(between(-4, 10))));
      ti.priority = std::string(pick(std::array{"normal", "high", "urgent", "low"}));
      ok_or_throw(app::create_task(deps, by, ti), "adding a task");
      // A weekday in the next fortnight, on the hour between 9 and 16, London time.
      auto day = domain::add_days(today, static_cast<int>(between(1, 14)));
      while (domain::iso_weekday(day) > 5) day = domain::add_days(day, 1);
      app::AppointmentInput ai;
      ai.client_id = client.id;
      ai.case_id = kase.id;
      char start[32];
      std::snprintf(start, sizeof start, "%sT%02d:00", domain::format_date(day).c_str(),
                    static_cast<int>(between(9, 16)));
      ai.start = std::string(start);
      ai.duration_minutes = pick(std::array{30LL, 45LL, 60LL});
      ai.mode = std::string(pick(std::array{"in_person", "phone", "video"}));
      (void)app::book_appointment(deps, by, ai);  // a clash with the adviser's diary just skips it
    }

    switch (i % 6) {
      case 0:  // still open
        break;
      case 1:
      case 2:
      case 3:
        ok_or_throw(app::transition_case(deps, actor, kase.id,
                                         app::TransitionInput{std::string("in_progress"), {}, {}, {}, {}, {}}),
                    "starting a case");
        if (i % 6 == 3) (void)app::save_offers(deps, actor, kase.id);  // not every case has non-priority debts
        break;
      case 4:
        ok_or_throw(app::transition_case(deps, actor, kase.id,
                                         app::TransitionInput{std::string("in_progress"), {}, {}, {}, {}, {}}),
                    "starting a case");
        if (!note_id.empty()) {  // the checklist, ticked with the adviser's note as evidence
          app::CaseInput review;
          review.next_review_date = domain::format_date(domain::add_days(today, 180));
          ok_or_throw(app::update_case(deps, *by_adviser, kase.id, review), "setting a review date");
          for (const char* item : {"identity_and_authority", "vulnerability_recorded", "priority_debts_first",
                                   "options_explained", "advice_confirmed_in_writing", "creditor_contact_consent"})
            ok_or_throw(app::tick_compliance(deps, *by_adviser, kase.id,
                                             app::ComplianceTickInput{std::string(item), note_id, true, {}}),
                        "ticking the checklist");
        }
        ok_or_throw(app::transition_case(
                        deps, actor, kase.id,
                        app::TransitionInput{
                            std::string("closed"),
                            std::string("Debt management plan set up"),
                            std::string("Advice complete"),
                            {},
                            note_id.empty() ? std::optional<std::string>("Plan agreed with every creditor; no "
                                                                         "adviser's note to evidence the checklist")
                                            : std::nullopt,
                            {}}),
                    "closing a case");
        break;
      case 5:
        ok_or_throw(app::transition_case(deps, actor, kase.id,
                                         app::TransitionInput{std::string("referred"), {}, {}, {}, {}, {}}),
                    "referring a case");
        break;
    }
  }
  return report;
}

}  // namespace cma::main
