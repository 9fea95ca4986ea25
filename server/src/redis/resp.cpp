#include "redis/resp.hpp"

#include <charconv>

namespace cma::redis {

namespace {

constexpr long long kMaxBulk = 64LL << 20;   // far above anything this client asks for
constexpr long long kMaxElements = 1 << 20;  // likewise
constexpr int kMaxDepth = 8;

long long to_integer(std::string_view s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty())
    throw ProtocolError("a RESP length or integer is not a number");
  return v;
}

}  // namespace

std::string encode_command(const std::vector<std::string>& args) {
  std::string out;
  out.push_back('*');
  out.append(std::to_string(args.size()));
  out.append("\r\n");
  for (const auto& a : args) {
    out.push_back('$');
    out.append(std::to_string(a.size()));
    out.append("\r\n");
    out.append(a);
    out.append("\r\n");
  }
  return out;
}

void ReplyParser::feed(std::string_view bytes) {
  if (pos_ > 0 && pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  }
  buffer_.append(bytes);
}

bool ReplyParser::line(std::size_t& at, std::string_view& out) {
  auto end = buffer_.find("\r\n", at);
  if (end == std::string::npos) {
    if (buffer_.size() - at > 64 * 1024) throw ProtocolError("a RESP line is too long");
    return false;
  }
  out = std::string_view(buffer_).substr(at, end - at);
  at = end + 2;
  return true;
}

bool ReplyParser::parse(std::size_t& at, Reply& out, int depth) {
  if (depth > kMaxDepth) throw ProtocolError("RESP arrays nest too deeply");
  if (at >= buffer_.size()) return false;
  const char kind = buffer_[at++];
  std::string_view l;
  if (!line(at, l)) return false;
  switch (kind) {
    case '+':
      out.type = Reply::Type::simple;
      out.text = l;
      return true;
    case '-':
      out.type = Reply::Type::error;
      out.text = l;
      return true;
    case ':':
      out.type = Reply::Type::integer;
      out.integer = to_integer(l);
      return true;
    case '$': {
      long long n = to_integer(l);
      if (n == -1) {
        out.type = Reply::Type::nil;
        return true;
      }
      if (n < 0 || n > kMaxBulk) throw ProtocolError("a RESP bulk string has a bad length");
      const auto len = static_cast<std::size_t>(n);
      if (buffer_.size() - at < len + 2) return false;
      if (buffer_.compare(at + len, 2, "\r\n") != 0) throw ProtocolError("a RESP bulk string is not terminated");
      out.type = Reply::Type::bulk;
      out.text = buffer_.substr(at, len);
      at += len + 2;
      return true;
    }
    case '*': {
      long long n = to_integer(l);
      if (n == -1) {
        out.type = Reply::Type::nil;
        return true;
      }
      if (n < 0 || n > kMaxElements) throw ProtocolError("a RESP array has a bad length");
      out.type = Reply::Type::array;
      out.elements.clear();
      for (long long i = 0; i < n; ++i) {
        Reply e;
        if (!parse(at, e, depth + 1)) return false;
        out.elements.push_back(std::move(e));
      }
      return true;
    }
    default:
      throw ProtocolError("unexpected RESP type byte");
  }
}

std::optional<Reply> ReplyParser::next() {
  std::size_t at = pos_;
  Reply r;
  if (!parse(at, r, 0)) return std::nullopt;
  pos_ = at;
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  }
  return r;
}

}  // namespace cma::redis
