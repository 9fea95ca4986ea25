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
