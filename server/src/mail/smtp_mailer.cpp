#include "mail/smtp_mailer.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace cma::mail {

namespace {

struct SmtpUpload {
  const std::string* message;
  std::size_t sent = 0;
};

std::size_t smtp_read(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<SmtpUpload*>(user);
  std::size_t room = size * count;
  std::size_t left = upload->message->size() - upload->sent;
  std::size_t n = left < room ? left : room;
  std::memcpy(buffer, upload->message->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

}  // namespace

void SmtpMailer::send(const std::string& recipient, const std::string& message) {
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw app::MailError("libcurl could not start an SMTP session");
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> recipients(
      curl_slist_append(nullptr, ("<" + recipient + ">").c_str()), curl_slist_free_all);
  const std::string mail_from = "<" + settings_.from + ">";
  SmtpUpload upload{&message};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, smtp_read);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    // Plain smtp:// with credentials: STARTTLS or nothing.
    if (settings_.url.rfind("smtp://", 0) == 0) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  }
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    std::string why = error[0] ? error : curl_easy_strerror(rc);
    if (code > 0) why += " (SMTP " + std::to_string(code) + ")";
    throw app::MailError(why);
  }
}

}  // namespace cma::mail
