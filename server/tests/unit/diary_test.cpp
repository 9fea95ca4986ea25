// Casework II's domain rules: notes, tasks, appointments and the Europe/London clock.
#include <gtest/gtest.h>

#include "domain/notes/note_rules.hpp"

namespace cma::domain {

TEST(NoteRules, TypesRoundTripAndUnknownOnesAreRefused) {
  for (auto t : {NoteType::call, NoteType::meeting, NoteType::letter, NoteType::email, NoteType::internal})
    EXPECT_EQ(parse_note_type(to_string(t)), t);
  EXPECT_FALSE(parse_note_type("fax"));
  EXPECT_FALSE(parse_note_type("Call"));
  EXPECT_FALSE(parse_note_type(""));
  EXPECT_EQ(note_type_list(), "call, meeting, letter, email, internal");
}

TEST(NoteRules, AuthorsReviseTheirOwnAndManagersAnyone) {
  EXPECT_TRUE(may_revise_note(Role::trainee, true));
  EXPECT_TRUE(may_revise_note(Role::advisor, true));
  EXPECT_FALSE(may_revise_note(Role::advisor, false));
  EXPECT_FALSE(may_revise_note(Role::trainee, false));
  EXPECT_TRUE(may_revise_note(Role::manager, false));
  EXPECT_TRUE(may_revise_note(Role::admin, false));
}

}  // namespace cma::domain

#include "domain/diary/london_time.hpp"

namespace cma::domain {

namespace {
std::int64_t utc(const char* text) {
  return *parse_utc(text);
}
}  // namespace

TEST(LondonTime, ClockChangesOf2026) {
  // BST 2026: from 01:00 UTC on Sunday 29 March to 01:00 UTC on Sunday 25 October.
  EXPECT_EQ(format_utc(bst_start(2026)), "2026-03-29T01:00:00.000000Z");
  EXPECT_EQ(format_utc(bst_end(2026)), "2026-10-25T01:00:00.000000Z");
  EXPECT_EQ(format_utc(bst_start(2024)), "2024-03-31T01:00:00.000000Z");
  EXPECT_EQ(format_utc(bst_end(2024)), "2024-10-27T01:00:00.000000Z");
  EXPECT_EQ(london_offset(utc("2026-03-29T00:59:59Z")), 0);
  EXPECT_EQ(london_offset(utc("2026-03-29T01:00:00Z")), 3600);
  EXPECT_EQ(london_offset(utc("2026-10-25T00:59:59Z")), 3600);
  EXPECT_EQ(london_offset(utc("2026-10-25T01:00:00Z")), 0);
  EXPECT_EQ(london_offset(utc("2026-01-15T12:00:00Z")), 0);
  EXPECT_EQ(london_offset(utc("2026-07-15T12:00:00Z")), 3600);
}

TEST(LondonTime, WallClockToUtcAcrossTheChanges) {
  // Spring: 10:00 London on the day the clocks go forward is 09:00 UTC; the day before, 10:00 UTC.
  EXPECT_EQ(format_utc(*parse_instant("2026-03-29T10:00").utc_seconds), "2026-03-29T09:00:00.000000Z");
  EXPECT_EQ(format_utc(*parse_instant("2026-03-28T10:00").utc_seconds), "2026-03-28T10:00:00.000000Z");
  // 01:30 on 29 March 2026 never happens in London.
  EXPECT_FALSE(parse_instant("2026-03-29T01:30").utc_seconds);
  EXPECT_NE(parse_instant("2026-03-29T01:30").error.find("clocks go forward"), std::string::npos);
  EXPECT_EQ(format_utc(*parse_instant("2026-03-29T00:59").utc_seconds), "2026-03-29T00:59:00.000000Z");
  EXPECT_EQ(format_utc(*parse_instant("2026-03-29T02:00").utc_seconds), "2026-03-29T01:00:00.000000Z");
  // Autumn: 01:30 on 25 October 2026 happens twice; the first (BST) is taken. 10:00 is 10:00 UTC.
  EXPECT_EQ(format_utc(*parse_instant("2026-10-25T01:30").utc_seconds), "2026-10-25T00:30:00.000000Z");
  EXPECT_EQ(format_utc(*parse_instant("2026-10-25T10:00").utc_seconds), "2026-10-25T10:00:00.000000Z");
  EXPECT_EQ(format_utc(*parse_instant("2026-10-24T10:00").utc_seconds), "2026-10-24T09:00:00.000000Z");
  // An explicit zone is taken as given.
  EXPECT_EQ(format_utc(*parse_instant("2026-07-01T09:30Z").utc_seconds), "2026-07-01T09:30:00.000000Z");
  EXPECT_EQ(format_utc(*parse_instant("2026-07-01T10:30:15+01:00").utc_seconds), "2026-07-01T09:30:15.000000Z");
  EXPECT_EQ(format_utc(*parse_instant("2026-07-01T04:30-05:00").utc_seconds), "2026-07-01T09:30:00.000000Z");
}

TEST(LondonTime, UtcToWallClock) {
  EXPECT_EQ(format_london(utc("2026-03-29T00:30:00Z")), "2026-03-29T00:30:00+00:00");
  EXPECT_EQ(format_london(utc("2026-03-29T01:30:00Z")), "2026-03-29T02:30:00+01:00");
  EXPECT_EQ(format_london(utc("2026-10-25T00:30:00Z")), "2026-10-25T01:30:00+01:00");
  EXPECT_EQ(format_london(utc("2026-10-25T01:30:00Z")), "2026-10-25T01:30:00+00:00");
  EXPECT_EQ(format_london(utc("2026-06-30T23:30:00Z")), "2026-07-01T00:30:00+01:00");
  EXPECT_EQ(format_date(london_date(utc("2026-06-30T23:30:00Z"))), "2026-07-01");
  EXPECT_EQ(format_utc(london_midnight({2026, 7, 1})), "2026-06-30T23:00:00.000000Z");
  EXPECT_EQ(format_utc(london_midnight({2026, 12, 1})), "2026-12-01T00:00:00.000000Z");
  // The day of the spring change is 23 hours long, the autumn one 25.
  EXPECT_EQ(london_midnight({2026, 3, 30}) - london_midnight({2026, 3, 29}), 23 * 3600);
  EXPECT_EQ(london_midnight({2026, 10, 26}) - london_midnight({2026, 10, 25}), 25 * 3600);
}

TEST(LondonTime, DatesAndMalformedInput) {
  EXPECT_EQ(iso_weekday({2026, 11, 30}), 1);  // a Monday
  EXPECT_EQ(iso_weekday({2026, 3, 29}), 7);
  EXPECT_EQ(format_date(add_days({2024, 2, 28}, 1)), "2024-02-29");
  EXPECT_EQ(format_date(add_days({2026, 12, 31}, 1)), "2027-01-01");
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_TRUE(parse_date("2028-02-29"));
  for (const char* bad :
       {"", "2026-13-01T10:00", "2026-01-01 10:00", "2026-01-01T24:00", "2026-01-01T10:60", "2026-01-01T10:00+1",
        "2026-01-01T10:00Zjunk", "2026-01-01T10:00+15:00", "x", "2026-01-01T1a:00", "2026-01-01T10:00:61"})
    EXPECT_FALSE(parse_instant(bad).utc_seconds) << bad;
  EXPECT_FALSE(parse_utc("2026-01-01T10:00:00"));
}

}  // namespace cma::domain

#include "domain/diary/appointment_rules.hpp"
#include "domain/tasks/task_rules.hpp"

namespace cma::domain {

TEST(AppointmentRules, OverlapIsHalfOpen) {
  // [10:00, 11:00) against others, in minutes.
  EXPECT_TRUE(overlaps(600, 660, 630, 690));
  EXPECT_TRUE(overlaps(600, 660, 540, 601));
  EXPECT_TRUE(overlaps(600, 660, 610, 620));   // inside
  EXPECT_TRUE(overlaps(600, 660, 540, 720));   // around
  EXPECT_TRUE(overlaps(600, 660, 600, 660));   // the same
  EXPECT_FALSE(overlaps(600, 660, 660, 720));  // starts as it ends
  EXPECT_FALSE(overlaps(600, 660, 540, 600));  // ends as it starts
  EXPECT_FALSE(overlaps(600, 660, 700, 760));
  EXPECT_EQ(parse_appointment_mode("video"), AppointmentMode::video);
  EXPECT_FALSE(parse_appointment_mode("pigeon"));
  EXPECT_EQ(parse_appointment_status("no_show"), AppointmentStatus::no_show);
  EXPECT_FALSE(parse_appointment_status("late"));
  EXPECT_EQ(parse_diary_view("week"), DiaryView::week);
  EXPECT_FALSE(parse_diary_view("month"));
}

TEST(TaskRules, BucketsAndAuditActions) {
  CivilDate today{2026, 11, 30};
  EXPECT_EQ(due_bucket({2026, 11, 29}, today), DueBucket::overdue);
  EXPECT_EQ(due_bucket({2025, 12, 31}, today), DueBucket::overdue);
  EXPECT_EQ(due_bucket({2026, 11, 30}, today), DueBucket::today);
  EXPECT_EQ(due_bucket({2026, 12, 1}, today), DueBucket::upcoming);
  EXPECT_EQ(task_change_action(TaskStatus::open, TaskStatus::done, true), "task.complete");
  EXPECT_EQ(task_change_action(TaskStatus::open, TaskStatus::cancelled, false), "task.cancel");
  EXPECT_EQ(task_change_action(TaskStatus::done, TaskStatus::open, false), "task.reopen");
  EXPECT_EQ(task_change_action(TaskStatus::open, TaskStatus::open, true), "task.reassign");
  EXPECT_EQ(task_change_action(TaskStatus::open, TaskStatus::open, false), "task.update");
  EXPECT_EQ(parse_task_priority("urgent"), TaskPriority::urgent);
  EXPECT_FALSE(parse_task_status("finished"));
}

}  // namespace cma::domain

#include "domain/diary/icalendar.hpp"

namespace cma::domain {

TEST(ICalendar, EscapesFoldsAndRenders) {
  EXPECT_EQ(ical_escape("a,b;c\\d\ne\r\nf\x01g"), "a\\,b\\;c\\\\d\\ne\\nf g");
  EXPECT_EQ(ical_line("SHORT"), "SHORT\r\n");
  std::string long_line(100, 'x');
  EXPECT_EQ(ical_line(long_line), std::string(75, 'x') + "\r\n " + std::string(25, 'x') + "\r\n");
  // A two-byte character straddling octet 75 moves whole to the next line.
  std::string accented = std::string(74, 'x') + "\xC3\xA9" + "yz";
  EXPECT_EQ(ical_line(accented), std::string(74, 'x') + "\r\n \xC3\xA9yz\r\n");
  CalendarEvent e{"a1@cma",
                  *parse_utc("2026-03-29T09:00:00Z"),
                  *parse_utc("2026-03-29T10:00:00Z"),
                  *parse_utc("2026-03-01T12:00:00Z"),
                  "Appointment, in person",
                  "",
                  "",
                  false};
  auto doc = render_icalendar("Diary", *parse_utc("2026-03-02T08:00:00Z"), {e});
  EXPECT_EQ(doc.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(doc.find("DTSTART:20260329T090000Z\r\n"), std::string::npos);
  EXPECT_NE(doc.find("SUMMARY:Appointment\\, in person\r\n"), std::string::npos);
  EXPECT_EQ(doc.find("LOCATION"), std::string::npos);
  EXPECT_EQ(doc.substr(doc.size() - 15), "END:VCALENDAR\r\n");
}

}  // namespace cma::domain

#include "domain/compliance/checklist.hpp"

namespace cma::domain {

TEST(ComplianceChecklist, DerivedItemsStatusAndLateness) {
  std::set<ComplianceItem> manual;
  for (const auto& s : compliance_items())
    if (!s.derived) manual.insert(s.item);
  ComplianceFacts full{3, 12, 4, 0, true};
  CivilDate opened{2026, 11, 1};
  auto ok = evaluate_checklist(full, manual, opened, {2026, 11, 30}, CivilDate{2027, 2, 1});
  EXPECT_EQ(ok.status, ComplianceStatus::compliant);
  ASSERT_EQ(ok.items.size(), 9u);
  // Ticking a derived item changes nothing: the data decides.
  auto with_derived = manual;
  with_derived.insert(ComplianceItem::full_budget);
  ComplianceFacts no_budget{0, 0, 4, 0, true};
  auto missing = evaluate_checklist(no_budget, with_derived, opened, {2026, 11, 20}, std::nullopt);
  EXPECT_EQ(missing.status, ComplianceStatus::incomplete);
  EXPECT_FALSE(missing.items[2].satisfied);
  EXPECT_EQ(missing.items[2].detail, "No budget with any lines yet.");
  EXPECT_EQ(evaluate_checklist({2, 0, 1, 0, true}, manual, opened, {2026, 11, 20}, std::nullopt).items[2].detail,
            "The current budget has no spending.");
  // Incomplete: overdue after 28 days open, or once the review date has passed.
  EXPECT_EQ(evaluate_checklist(no_budget, manual, opened, {2026, 11, 29}, std::nullopt).status,
            ComplianceStatus::incomplete);
  EXPECT_EQ(evaluate_checklist(no_budget, manual, opened, {2026, 11, 30}, std::nullopt).status,
            ComplianceStatus::overdue);
  EXPECT_EQ(evaluate_checklist(no_budget, manual, opened, {2026, 11, 10}, CivilDate{2026, 11, 9}).status,
            ComplianceStatus::overdue);
  // A missing manual tick or a debt without priority is enough to be incomplete.
  auto fewer = manual;
  fewer.erase(ComplianceItem::advice_confirmed_in_writing);
  EXPECT_EQ(evaluate_checklist(full, fewer, opened, {2026, 11, 2}, std::nullopt).status, ComplianceStatus::incomplete);
  EXPECT_FALSE(evaluate_checklist({3, 12, 4, 1, true}, manual, opened, {2026, 11, 2}, std::nullopt).items[3].satisfied);
  EXPECT_FALSE(evaluate_checklist({3, 12, 0, 0, true}, manual, opened, {2026, 11, 2}, std::nullopt).items[3].satisfied);
  EXPECT_EQ(parse_compliance_item("options_explained"), ComplianceItem::options_explained);
  EXPECT_FALSE(parse_compliance_item("tea_offered"));
}

}  // namespace cma::domain

#include "domain/dashboard/figures.hpp"

namespace cma::domain {

TEST(DashboardFigures, ContributionsDifferencesAndMedian) {
  CaseSnapshot open{"adv1",
                    "in_progress",
                    "2026-06-30T23:30:00.000000Z",
                    "",
                    false,
                    {{100000, 20000, true, "active"}, {50000, 0, false, "active"}, {7000, 0, false, "written_off"}}};
  auto c = contribution(open);
  EXPECT_EQ((c[{"adv1", kCasesByStatus, "in_progress"}]), 1);
  EXPECT_EQ((c[{"adv1", kCasesOpened, "2026-07"}]), 1);  // 00:30 on 1 July in London
  EXPECT_EQ((c[{"adv1", kDebtUnderAdvice, ""}]), 150000);
  EXPECT_EQ((c[{"adv1", kPriorityArrears, ""}]), 20000);
  EXPECT_EQ((c[{"adv1", kWrittenOff, ""}]), 7000);
  auto closed = open;
  closed.status = "closed";
  closed.closed_at = "2026-07-15T10:00:00.000000Z";
  auto d = difference(contribution(open), contribution(closed));
  EXPECT_EQ((d[{"adv1", kCasesByStatus, "in_progress"}]), -1);
  EXPECT_EQ((d[{"adv1", kCasesByStatus, "closed"}]), 1);
  EXPECT_EQ((d[{"adv1", kCasesClosed, "2026-07"}]), 1);
  EXPECT_EQ((d[{"adv1", kDaysToClose, "14"}]), 1);
  EXPECT_EQ((d[{"adv1", kClosedCompliant, ""}]), 1);
  EXPECT_EQ((d[{"adv1", kDebtUnderAdvice, ""}]), -150000);
  EXPECT_EQ(d.count({"adv1", kWrittenOff, ""}), 0u);  // unchanged, so not in the difference
  // Reassigning moves everything from one adviser to the other.
  auto moved = open;
  moved.adviser_id = "adv2";
  auto m = difference(contribution(open), contribution(moved));
  EXPECT_EQ((m[{"adv1", kDebtUnderAdvice, ""}]), -150000);
  EXPECT_EQ((m[{"adv2", kDebtUnderAdvice, ""}]), 150000);
  Counters total;
  add_to(total, contribution(open));
  add_to(total, m);
  EXPECT_EQ(total, contribution(moved));

  EXPECT_FALSE(median_days({}));
  EXPECT_EQ(median_days({{"3", 1}}), 3);
  EXPECT_EQ(median_days({{"3", 1}, {"10", 1}}), 6);
  EXPECT_EQ(median_days({{"3", 2}, {"10", 1}, {"100", 1}, {"x", 5}}), 6);
  EXPECT_EQ(median_days({{"100", 1}, {"3", 2}, {"10", 2}}), 10);
}

TEST(DashboardFigures, CsvCellsCannotBecomeFormulas) {
  EXPECT_EQ(csv_cell("Manchester"), "Manchester");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(csv_cell("+44 161"), "'+44 161");
  EXPECT_EQ(csv_cell("-5"), "'-5");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
}

}  // namespace cma::domain

#include "domain/search/search_text.hpp"

namespace cma::domain {

namespace {
std::string marked(const std::vector<SnippetPart>& parts) {
  std::string out;
  for (const auto& p : parts) out += p.match ? "[" + p.text + "]" : p.text;
  return out;
}
}  // namespace

TEST(SearchText, FoldsAccentsAndCaseKeepingOffsets) {
  auto f = fold_for_search("Siân Łukasz ÆSIR Straße");
  EXPECT_EQ(f.folded, "sian lukasz aesir strasse");
  ASSERT_EQ(f.at.size(), f.folded.size());
  EXPECT_EQ(f.at[3], 4u);  // "n" comes from byte 4 of the original (â is two bytes)
  // At most six words, in order, each once.
  EXPECT_EQ(search_words("  O'Brien-Łukasz, M1 1AA!! MAN-C-00042 o"),
            (std::vector<std::string>{"o", "brien", "lukasz", "m1", "1aa", "man"}));
  EXPECT_EQ(search_words("MAN-C-00042"), (std::vector<std::string>{"man", "c", "00042"}));
  EXPECT_TRUE(search_words("%%% ;;; --").empty());
  EXPECT_EQ(search_words("sian SIAN Siân"), std::vector<std::string>{"sian"});
}

TEST(SearchText, SnippetMarksWholeWordsAtTheirStart) {
  EXPECT_EQ(marked(search_snippet("Client Siân Smith rang about the summons", {"sian", "summ"})),
            "Client [Siân] Smith rang about the [summons]");
  EXPECT_EQ(marked(search_snippet("Asmith is not a match for smi", {"smi"})), "Asmith is not a match for [smi]");
  std::string long_text(300, 'x');
  long_text += " needle ";
  long_text += std::string(300, 'y');
  auto parts = search_snippet(long_text, {"needle"}, 60);
  auto text = marked(parts);
  EXPECT_EQ(text.rfind("…", 0), 0u);
  EXPECT_NE(text.find("[needle]"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 3), "…");
  EXPECT_EQ(marked(search_snippet("no match here", {"zzz"})), "no match here");
  // Never cuts a character in two.
  auto accented = search_snippet(std::string(50, 'a') + "éééééééééé" + " hit", {"hit"}, 30);
  for (const auto& p : accented) EXPECT_TRUE(p.text.find('\xC3') == std::string::npos || p.text.size() >= 2);
}

}  // namespace cma::domain
