#include "http/json_fields.hpp"

#include <algorithm>

namespace cma::http {

namespace json = boost::json;

FieldReader::FieldReader(const json::object& body, std::initializer_list<const char*> known) : body_(body) {
  for (const auto& kv : body_) {
    std::string_view key = kv.key();
    bool is_known = std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; });
    if (!is_known) errors_.push_back({std::string(key), "is not a field this request accepts"});
  }
}

std::optional<std::string> FieldReader::text(const char* name) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    errors_.push_back({name, "must be a string"});
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<std::string> FieldReader::object_text(const char* name) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_object()) {
    errors_.push_back({name, "must be a JSON object"});
    return std::nullopt;
  }
  return json::serialize(*v);
}

json::value nullable(const std::string& s) {
  if (s.empty()) return nullptr;
  return json::value(s);
}

}  // namespace cma::http
