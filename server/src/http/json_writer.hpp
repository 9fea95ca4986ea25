#pragma once
// Writes JSON text straight into a string, for the responses that carry many rows: no document
// tree is built and freed, and every value is copied once. Keys and values are written in call
// order; the caller keeps objects and arrays balanced (begin_/end_ in pairs).
#include <boost/json/fwd.hpp>
#include <concepts>
#include <string>
#include <string_view>

namespace cma::http {

// An object key from the code itself: a string literal, checked at compile time to need no
// escaping, so it is copied as it is. Keys from data go through JsonWriter::key_text.
class JsonKey {
 public:
  template <std::size_t N>
  consteval JsonKey(const char (&s)[N]) : text_(s, N - 1) {  // NOLINT(google-explicit-constructor)
    for (char c : text_)
      if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\')
        throw "a JSON key literal must need no escaping";
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve = 0) { out_.reserve(reserve); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(JsonKey k);
  JsonWriter& key_text(std::string_view k);  // escaped as any string

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  template <std::integral I>
  requires(!std::same_as<I, bool>) JsonWriter& value(I n) { return integer(static_cast<long long>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // A document built elsewhere (for the few shapes that are easier to build as a tree).
  JsonWriter& value(const boost::json::value& v);

  // key(k).value(v) in one call; `nullable` writes null for an empty string.
  template <class V>
  JsonWriter& field(JsonKey k, const V& v) {
    key(k);
    return value(v);
  }
  JsonWriter& nullable(JsonKey k, const std::string& s);

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate() {
    if (need_comma_) out_.push_back(',');
    need_comma_ = true;
  }
  JsonWriter& integer(long long n);
  void quoted(std::string_view s);

  std::string out_;
  bool need_comma_ = false;
};

}  // namespace cma::http
