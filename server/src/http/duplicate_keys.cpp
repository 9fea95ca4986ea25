#include <boost/json/basic_parser_impl.hpp>
#include <set>
#include <vector>

#include "http/json_fields.hpp"

namespace cma::http {

namespace {

// A parse pass that builds nothing and remembers the keys of each open object, to catch a key
// that appears twice (which Boost.JSON would otherwise resolve silently: the last one wins).
struct DuplicateKeyFinder {
  constexpr static std::size_t max_object_size = std::size_t(-1);
  constexpr static std::size_t max_array_size = std::size_t(-1);
  constexpr static std::size_t max_key_size = std::size_t(-1);
  constexpr static std::size_t max_string_size = std::size_t(-1);

  std::vector<std::set<std::string>> open;
  std::string key;
  std::optional<std::string> duplicate;

  using ec_t = boost::system::error_code;
  using sv = boost::json::string_view;
  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_array_begin(ec_t&) { return true; }
  bool on_array_end(std::size_t, ec_t&) { return true; }
  bool on_object_begin(ec_t&) {
    open.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, ec_t&) {
    open.pop_back();
    return true;
  }
  bool on_string_part(sv, std::size_t, ec_t&) { return true; }
  bool on_string(sv, std::size_t, ec_t&) { return true; }
  bool on_key_part(sv s, std::size_t, ec_t&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(sv s, std::size_t, ec_t&) {
    key.append(s.data(), s.size());
    if (!open.back().insert(key).second && !duplicate) duplicate = key;
    key.clear();
    return true;
  }
  bool on_number_part(sv, ec_t&) { return true; }
  bool on_int64(std::int64_t, sv, ec_t&) { return true; }
  bool on_uint64(std::uint64_t, sv, ec_t&) { return true; }
  bool on_double(double, sv, ec_t&) { return true; }
  bool on_bool(bool, ec_t&) { return true; }
  bool on_null(ec_t&) { return true; }
  bool on_comment_part(sv, ec_t&) { return true; }
  bool on_comment(sv, ec_t&) { return true; }
};

}  // namespace

std::optional<std::string> first_duplicate_key(std::string_view json_text) {
  boost::json::basic_parser<DuplicateKeyFinder> parser{boost::json::parse_options{}};
  boost::system::error_code ec;
  parser.write_some(false, json_text.data(), json_text.size(), ec);
  if (ec) return std::nullopt;  // not valid JSON: the real parser reports where
  return parser.handler().duplicate;
}

}  // namespace cma::http
