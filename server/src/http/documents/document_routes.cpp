#include <charconv>
#include <limits>

#include "app/documents/documents.hpp"
#include "domain/documents/document_rules.hpp"
#include "http/documents/json.hpp"
#include "http/documents/upload.hpp"
#include "http/json_fields.hpp"
#include "http/routes/routes.hpp"

namespace cma::http::routes {

namespace {

app::DocumentUpload read_upload(const Request& req) {
  app::DocumentUpload in;
  in.document_type = req.form->field("documentType");
  in.name = req.form->field("name");
  in.file = req.form->file;
  return in;
}

// The errors of an upload that are about the file's kind or size rather than a field's value.
Response upload_reply(const Result<app::Document>& r, const Request& req, int ok_status) {
  if (!r && r.error().field_errors.size() == 1 && r.error().field_errors[0].field == "file") {
    const auto& message = r.error().field_errors[0].message;
    if (message.rfind(app::kUnacceptedContent, 0) == 0)
      return problem(415, "Unsupported media type", "The file " + message + ".", req, r.error().field_errors);
    if (message.rfind(app::kFileTooLarge, 0) == 0)
      return problem(413, "Payload too large", "The file " + message + ".", req, r.error().field_errors);
  }
  return reply(r, req, ok_status);
}

Result<std::optional<int>> version_param(const Request& req) {
  auto text = req.query_value("version");
  if (!text) return std::optional<int>();
  int v = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || ptr != text->data() + text->size() || v < 1 || v > 1'000'000)
    return Error::invalid_field("version", "must be a version number (1 or more)");
  return std::optional<int>(v);
}

Response upload_url_reply(const Result<app::DirectUpload>& started, const Request& req) {
  if (!started) return problem(started.error(), req);
  boost::json::object o;
  o["uploadId"] = started->upload_id;
  o["documentId"] = started->document_id;
  o["version"] = started->version;
  o["method"] = "PUT";
  o["url"] = started->put.url;
  o["expiresInSeconds"] = started->put.expires_in.count();
  o["completeBy"] = started->expires_at;
  return Response::json(201, o);
}

Response proceed_or_problem(const Status& checked, const Request& req) {
  return checked ? Response::proceed() : problem(checked.error(), req);
}

}  // namespace

void add_document_routes(Router& r, const Services& s) {
  r.add("GET", "/api/v1/cases/{id}/documents", {}, [&s](Request& req, const Caller& c) {
    auto page = keyset_request(req, app::kDocumentsList);
    if (!page) return problem(page.error(), req);
    auto result = app::list_documents(s.deps, c.actor, req.param("id"), *page);
    if (!result) return problem(result.error(), req);
    return page_json(*result);
  });
  // The uploads are checked on their headers before their body is read (RouteOptions::before_body).
  RouteOptions upload_to_case{.body = BodyKind::multipart, .before_body = [&s](Request& req, const Caller& c) {
                                return proceed_or_problem(app::check_document_upload(s.deps, c.actor, req.param("id")),
                                                          req);
                              }};
  r.add("POST", "/api/v1/cases/{id}/documents", upload_to_case, [&s](Request& req, const Caller& c) {
    return upload_reply(app::upload_document(s.deps, c.actor, req.param("id"), read_upload(req)), req, 201);
  });
  // Direct uploads (S3): a presigned PUT, then the completion that checks and records the bytes.
  r.add("POST", "/api/v1/cases/{id}/documents/upload-url", {.body = BodyKind::json_required},
        [&s](Request& req, const Caller& c) {
          FieldReader f(req.json, {"name", "fileName", "documentType", "sizeBytes"});
          app::DirectUploadRequest in;
          in.name = f.text("name");
          in.file_name = f.text("fileName");
          in.document_type = f.text("documentType");
          in.size_given = req.json.contains("sizeBytes");
          in.size_bytes = f.integer("sizeBytes", 1, std::numeric_limits<std::int64_t>::max());
          if (!f.ok()) return problem(Error::invalid(f.take_errors()), req);
          return upload_url_reply(app::start_direct_upload(s.deps, c.actor, req.param("id"), in, s.document_max_bytes),
                                  req);
        });
  r.add("POST", "/api/v1/cases/{id}/documents/uploads/{uploadId}/complete", {}, [&s](Request& req, const Caller& c) {
    return upload_reply(app::complete_direct_upload(s.deps, c.actor, req.param("id"), req.param("uploadId")), req, 201);
  });
  r.add("GET", "/api/v1/documents/{id}", {}, [&s](Request& req, const Caller& c) {
    return reply(app::get_document(s.deps, c.actor, req.param("id")), req);
  });
  r.add("DELETE", "/api/v1/documents/{id}", {}, [&s](Request& req, const Caller& c) {
    auto result = app::delete_document(s.deps, c.actor, req.param("id"));
    if (!result) return problem(result.error(), req);
    return Response::no_content();
  });
  RouteOptions upload_version{.body = BodyKind::multipart, .before_body = [&s](Request& req, const Caller& c) {
                                return proceed_or_problem(
                                    app::check_document_version_upload(s.deps, c.actor, req.param("id")), req);
                              }};
  r.add("POST", "/api/v1/documents/{id}/versions", upload_version, [&s](Request& req, const Caller& c) {
    return upload_reply(app::add_document_version(s.deps, c.actor, req.param("id"), read_upload(req)), req, 201);
  });
  r.add("POST", "/api/v1/documents/{id}/versions/upload-url", {.body = BodyKind::json_required},
        [&s](Request& req, const Caller& c) {
          FieldReader f(req.json, {"name", "sizeBytes"});
          app::DirectUploadRequest in;
          in.name = f.text("name");
          in.size_given = req.json.contains("sizeBytes");
          in.size_bytes = f.integer("sizeBytes", 1, std::numeric_limits<std::int64_t>::max());
          if (!f.ok()) return problem(Error::invalid(f.take_errors()), req);
          return upload_url_reply(
              app::start_direct_version_upload(s.deps, c.actor, req.param("id"), in, s.document_max_bytes), req);
        });
  r.add("POST", "/api/v1/documents/{id}/versions/uploads/{uploadId}/complete", {}, [&s](Request& req, const Caller& c) {
    return upload_reply(app::complete_direct_version_upload(s.deps, c.actor, req.param("id"), req.param("uploadId")),
                        req, 201);
  });
  r.add("GET", "/api/v1/documents/{id}/content", {}, [&s](Request& req, const Caller& c) {
    auto version = version_param(req);
    if (!version) return problem(version.error(), req);
    auto content = app::open_document_content(s.deps, c.actor, req.param("id"), *version);
    if (!content) return problem(content.error(), req);
    Response resp;
    resp.status = 200;
    resp.content_type = content->content_type;
    resp.file = content->file;
    resp.headers.emplace_back("Content-Disposition", domain::attachment_disposition(content->name));
    resp.headers.emplace_back("Cache-Control", "private, no-store");
    return resp;
  });
  r.add("POST", "/api/v1/documents/{id}/download-url", {}, [&s](Request& req, const Caller& c) {
    auto version = version_param(req);
    if (!version) return problem(version.error(), req);
    auto url = app::document_download_url(s.deps, c.actor, req.param("id"), *version);
    if (!url) return problem(url.error(), req);
    boost::json::object o;
    o["url"] = url->url;
    o["expiresInSeconds"] = url->expires_in.count();
    return Response::json(200, o);
  });
}

}  // namespace cma::http::routes
