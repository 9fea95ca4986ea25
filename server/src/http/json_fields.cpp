#include "http/json_fields.hpp"

#include <algorithm>

#include "domain/identity/validation.hpp"

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

std::optional<long long> FieldReader::integer(const char* name, long long min, long long max) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  std::optional<long long> n;
  if (v->is_int64())
    n = v->as_int64();
  else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(max))
    n = static_cast<long long>(v->as_uint64());
  if (!n || *n < min || *n > max) {
    errors_.push_back({name, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)});
    return std::nullopt;
  }
  return n;
}

std::optional<long long> FieldReader::pence(const char* name) {
  constexpr long long kMaxPence = 1'000'000'000'000LL;  // £10bn, as domain::kMaxAmount
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!(v->is_int64() && v->as_int64() >= 0 && v->as_int64() <= kMaxPence)) {
    errors_.push_back({name, "must be an amount in whole pence (an integer from 0 to 1000000000000)"});
    return std::nullopt;
  }
  return v->as_int64();
}

std::optional<bool> FieldReader::boolean(const char* name) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_bool()) {
    errors_.push_back({name, "must be true or false"});
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::vector<std::string>> FieldReader::text_list(const char* name, std::size_t max_items) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > max_items) {
    errors_.push_back({name, "must be an array of at most " + std::to_string(max_items) + " strings"});
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& item = v->as_array()[i];
    if (!item.is_string()) {
      errors_.push_back({domain::indexed(name, i), "must be a string"});
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

std::optional<std::vector<long long>> FieldReader::integer_list(const char* name, std::size_t max_items) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > max_items) {
    errors_.push_back({name, "must be an array of at most " + std::to_string(max_items) + " whole numbers"});
    return std::nullopt;
  }
  std::vector<long long> out;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& item = v->as_array()[i];
    if (!item.is_int64()) {
      errors_.push_back({domain::indexed(name, i), "must be a whole number"});
      return std::nullopt;
    }
    out.push_back(item.as_int64());
  }
  return out;
}

std::optional<std::vector<const json::object*>> FieldReader::object_list(const char* name, std::size_t max_items) {
  auto* v = body_.if_contains(name);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > max_items) {
    errors_.push_back({name, "must be an array of at most " + std::to_string(max_items) + " objects"});
    return std::nullopt;
  }
  std::vector<const json::object*> out;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& item = v->as_array()[i];
    if (!item.is_object()) {
      errors_.push_back({domain::indexed(name, i), "must be an object"});
      return std::nullopt;
    }
    out.push_back(&item.as_object());
  }
  return out;
}

void FieldReader::adopt_errors(const std::string& prefix, std::vector<FieldError> errors) {
  for (auto& e : errors) {
    std::string field = prefix;
    field.append(".").append(e.field);
    errors_.push_back({std::move(field), std::move(e.message)});
  }
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
