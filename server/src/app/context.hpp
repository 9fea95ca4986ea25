#pragma once
#include "app/model.hpp"
#include "app/reference/ports.hpp"
#include "app/unit_of_work.hpp"
#include "platform/clock.hpp"
#include "platform/ids.hpp"

namespace cma::app {

class DashboardCache;
class BlobStore;
class ContentSniffer;
class TextExtractor;
class JobNotifier;
struct WebhookSettings;
class Mailer;

// What every use case needs from the outside.
struct Deps {
  Database& db;
  const platform::Clock& clock;
  platform::IdGenerator& ids;
  const ReferenceData& reference;
  DashboardCache* dashboard_cache = nullptr;  // figures reused while a centre's counters stay the same
  BlobStore* blobs = nullptr;                 // documents' bytes; without it documents answer 503
  ContentSniffer* sniffer = nullptr;          // judges an upload's type by its bytes
  TextExtractor* extractor = nullptr;         // documents' text (the worker's); without it extraction retries
  JobNotifier* job_notifier = nullptr;        // wakes the workers once a queued job commits (Redis)
  const WebhookSettings* webhooks = nullptr;  // where webhooks may go, and how they are sent; none: not sent
  Mailer* mailer = nullptr;                   // reminder e-mails (SMTP_URL); without it only in-app notifications
  int reminder_lead_minutes = 24 * 60;        // REMINDER_LEAD_MINUTES: a reminder this long before the start
};

// Who is acting and from where.
struct Actor {
  Principal principal;
  RequestMeta meta;
};

}  // namespace cma::app
