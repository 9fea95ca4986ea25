// Appointment reminders: when they run, their keys, their text in London time, and the RFC 5322
// message that carries them.
#include <gtest/gtest.h>

#include "domain/diary/london_time.hpp"
#include "domain/notifications/reminders.hpp"

namespace cma::domain {

TEST(Reminders, RunALeadTimeBeforeTheStartOrNowWhenThatHasPassed) {
  std::int64_t start = 2'000'000'000;
  EXPECT_EQ(reminder_run_at(start, start - 100'000, 24 * 60), start - 86'400);
  EXPECT_EQ(reminder_run_at(start, start - 86'400, 24 * 60), start - 86'400);
  EXPECT_EQ(reminder_run_at(start, start - 3'600, 24 * 60), start - 3'600);  // sooner: now
  EXPECT_EQ(reminder_run_at(start, start + 60, 24 * 60), start + 60);
  EXPECT_EQ(reminder_run_at(start, start - 100, 0), start);
}

TEST(Reminders, KeysDifferByAppointmentStartAndAdviser) {
  auto k = reminder_key("a", "2027-01-01T10:00:00.000000Z", "u");
  EXPECT_NE(k, reminder_key("a", "2027-01-01T11:00:00.000000Z", "u"));
  EXPECT_NE(k, reminder_key("a", "2027-01-01T10:00:00.000000Z", "v"));
  EXPECT_NE(k, reminder_key("b", "2027-01-01T10:00:00.000000Z", "u"));
  EXPECT_EQ(k, reminder_key("a", "2027-01-01T10:00:00.000000Z", "u"));
}

TEST(Reminders, TextGivesLondonTimeAndANameOnlyWhenGiven) {
  // 13:30 UTC on 14 July 2027 is 14:30 BST; 01:30 UTC on 31 October 2027 is 01:30 GMT (after the change).
  auto summer = reminder_text(*parse_utc("2027-07-14T13:30:00.000000Z"), 45, "phone", "");
  EXPECT_EQ(summer.title, "Appointment reminder: Wednesday 14 July 2027 at 14:30");
  EXPECT_NE(summer.body.find("(by phone)"), std::string::npos);
  EXPECT_NE(summer.body.find("14:30 London time (BST)"), std::string::npos);
  EXPECT_NE(summer.body.find("45 minutes"), std::string::npos);
  EXPECT_EQ(summer.body.find(" with "), std::string::npos);
  auto autumn = reminder_text(*parse_utc("2027-10-31T01:30:00.000000Z"), 60, "in_person", "Ann Ash");
  EXPECT_NE(autumn.title.find("Sunday 31 October 2027 at 01:30"), std::string::npos);
  EXPECT_NE(autumn.body.find("01:30 London time (GMT)"), std::string::npos);
  EXPECT_NE(autumn.body.find("(in person) with Ann Ash"), std::string::npos);
}

TEST(Reminders, EmailHasItsHeadersAndEncodesWhatIsNotAscii) {
  EXPECT_EQ(rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(rfc5322_date(*parse_utc("2026-12-01T05:10:09.000000Z")), "Tue, 01 Dec 2026 05:10:09 +0000");
  EXPECT_EQ(encode_header_text("Plain words"), "Plain words");
  EXPECT_EQ(encode_header_text("Caf\xC3\xA9"), "=?UTF-8?B?Q2Fmw6k=?=");
  EXPECT_EQ(encode_header_text("a\r\nBcc: x@y"), "a  Bcc: x@y") << "no header can be injected";
  // A long subject is cut into words of whole characters.
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "\xC3\xA9";
  auto encoded = encode_header_text(long_text);
  EXPECT_NE(encoded.find("?=\r\n =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(quoted_printable("a=b \n\xC3\xA9t\xC3\xA9 "), "a=3Db=20\r\n=C3=A9t=C3=A9=20");
  std::string line(100, 'x');
  auto qp = quoted_printable(line);
  EXPECT_EQ(qp.find("=\r\n"), 75u);

  EmailMessage m{"cma@example.org",    "adviser@example.org",    "R\xC3\xA9minder",
                 "Line one\nLine two", "reminder-1@example.org", 0};
  auto text = render_email(m);
  EXPECT_EQ(text.rfind("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n", 0), 0u);
  EXPECT_NE(text.find("\r\nFrom: <cma@example.org>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nTo: <adviser@example.org>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nMessage-ID: <reminder-1@example.org>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nSubject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nLine one\r\nLine two\r\n"), std::string::npos);
  EXPECT_TRUE(plain_email_address("a.b@example.org"));
  EXPECT_FALSE(plain_email_address("a b@example.org"));
  EXPECT_FALSE(plain_email_address("<a@example.org>"));
  EXPECT_FALSE(plain_email_address("a@example.org\r\nRCPT TO:<x@y>"));
  EXPECT_FALSE(plain_email_address("no-at-sign"));
}

}  // namespace cma::domain
