#pragma once
// Reading a JSON request body field by field, collecting one error per bad field.
#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace cma::http {

class FieldReader {
 public:
  FieldReader(const boost::json::object& body, std::initializer_list<const char*> known);
  std::optional<std::string> text(const char* name);
  // A whole number (JSON integer) within [min, max].
  std::optional<long long> integer(const char* name, long long min, long long max);
  // An amount of money in whole pence (a JSON integer), from 0 up to £10bn.
  std::optional<long long> pence(const char* name);
  std::optional<bool> boolean(const char* name);
  // An array of strings / of whole numbers (at most `max_items`).
  std::optional<std::vector<std::string>> text_list(const char* name, std::size_t max_items);
  std::optional<std::vector<long long>> integer_list(const char* name, std::size_t max_items);
  // An array of objects (at most `max_items`); each is read with a FieldReader of its own, whose
  // errors are added here under "name[i].field" (see adopt_errors).
  std::optional<std::vector<const boost::json::object*>> object_list(const char* name, std::size_t max_items);
  void adopt_errors(const std::string& prefix, std::vector<FieldError> errors);
  // An object field, returned as its JSON text.
  std::optional<std::string> object_text(const char* name);
  std::vector<FieldError> take_errors() { return std::move(errors_); }
  bool ok() const { return errors_.empty(); }

 private:
  const boost::json::object& body_;
  std::vector<FieldError> errors_;
};

boost::json::value nullable(const std::string& s);

// The first key that appears twice in one object of `json_text`, if any.
std::optional<std::string> first_duplicate_key(std::string_view json_text);

}  // namespace cma::http
