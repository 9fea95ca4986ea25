#pragma once
#include "http/api.hpp"
#include "http/router.hpp"

namespace cma::http::routes {

void add_system_routes(Router& r, const Services& s);
void add_auth_routes(Router& r, const Services& s);
void add_centre_routes(Router& r, const Services& s);
void add_user_routes(Router& r, const Services& s);
void add_audit_routes(Router& r, const Services& s);
void add_client_routes(Router& r, const Services& s);
void add_case_routes(Router& r, const Services& s);
void add_debt_routes(Router& r, const Services& s);
void add_budget_routes(Router& r, const Services& s);
void add_offer_routes(Router& r, const Services& s);
void add_solution_routes(Router& r, const Services& s);
void add_note_routes(Router& r, const Services& s);
void add_task_routes(Router& r, const Services& s);
void add_appointment_routes(Router& r, const Services& s);
void add_calendar_routes(Router& r, const Services& s);
void add_compliance_routes(Router& r, const Services& s);
void add_dashboard_routes(Router& r, const Services& s);
void add_search_routes(Router& r, const Services& s);
void add_job_routes(Router& r, const Services& s);
void add_document_routes(Router& r, const Services& s);
void add_webhook_routes(Router& r, const Services& s);
void add_notification_routes(Router& r, const Services& s);
void add_retention_routes(Router& r, const Services& s);

}  // namespace cma::http::routes
