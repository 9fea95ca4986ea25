#include "http/json_writer.hpp"

#include <array>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>

namespace cma::http {

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(JsonKey k) {
  separate();
  out_.push_back('"');
  out_.append(k.text());
  out_.append("\":", 2);
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::key_text(std::string_view k) {
  separate();
  quoted(k);
  out_.push_back(':');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  separate();
  quoted(s);
  return *this;
}

JsonWriter& JsonWriter::integer(long long n) {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  separate();
  out_.append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::value(const boost::json::value& v) {
  separate();
  out_.append(boost::json::serialize(v));
  return *this;
}

JsonWriter& JsonWriter::nullable(JsonKey k, const std::string& s) {
  key(k);
  return s.empty() ? null() : value(s);
}

namespace {
// 1 for the bytes a JSON string cannot carry as they are: the quote, the backslash, controls.
constexpr auto kEscape = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = 1;
  t['"'] = 1;
  t['\\'] = 1;
  return t;
}();
}  // namespace

// RFC 8259 string escaping: the quote, the backslash and control characters; everything else
// (including UTF-8 sequences, which were validated on the way in) is copied as it is.
void JsonWriter::quoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  const char* p = s.data();
  const char* end = p + s.size();
  while (p != end) {
    const char* run = p;
    while (p != end && kEscape[static_cast<unsigned char>(*p)] == 0) ++p;
    out_.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    auto c = static_cast<unsigned char>(*p++);
    switch (c) {
      case '"':
        out_.append("\\\"");
        break;
      case '\\':
        out_.append("\\\\");
        break;
      case '\n':
        out_.append("\\n");
        break;
      case '\r':
        out_.append("\\r");
        break;
      case '\t':
        out_.append("\\t");
        break;
      case '\b':
        out_.append("\\b");
        break;
      case '\f':
        out_.append("\\f");
        break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out_.append(esc, sizeof esc);
      }
    }
  }
  out_.push_back('"');
}

}  // namespace cma::http
