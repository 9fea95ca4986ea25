#include "http/documents/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace cma::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// `type; a=b; c="d"` → the parameters, names lower-cased, quoted values unescaped.
std::vector<std::pair<std::string, std::string>> parameters(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> out;
  auto semi = value.find(';');
  if (semi == std::string_view::npos) return out;
  std::string_view rest = value.substr(semi + 1);
  while (!rest.empty()) {
    rest = trim(rest);
    auto eq = rest.find('=');
    if (eq == std::string_view::npos) break;
    std::string name = lower(trim(rest.substr(0, eq)));
    rest.remove_prefix(eq + 1);
    rest = trim(rest);
    std::string v;
    if (!rest.empty() && rest.front() == '"') {
      std::size_t i = 1;
      for (; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
        v.push_back(rest[i]);
      }
      rest.remove_prefix(std::min(rest.size(), i + 1));
      auto next = rest.find(';');
      rest.remove_prefix(next == std::string_view::npos ? rest.size() : next + 1);
    } else {
      auto next = rest.find(';');
      v = std::string(trim(rest.substr(0, next)));
      rest.remove_prefix(next == std::string_view::npos ? rest.size() : next + 1);
    }
    out.emplace_back(std::move(name), std::move(v));
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 8187 ext-value: charset'language'percent-encoded; only UTF-8 is understood.
std::optional<std::string> ext_value(std::string_view v) {
  auto q1 = v.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  auto q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos || lower(v.substr(0, q1)) != "utf-8") return std::nullopt;
  std::string out;
  for (std::size_t i = q2 + 1; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() + 0 && hex_value(v[i + 1]) >= 0 && hex_value(v[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(v[i + 1]) * 16 + hex_value(v[i + 2])));
      i += 2;
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto semi = content_type.find(';');
  if (lower(trim(content_type.substr(0, semi))) != "multipart/form-data") return std::nullopt;
  for (auto& [name, value] : parameters(content_type)) {
    if (name != "boundary") continue;
    if (value.empty() || value.size() > 70) return std::nullopt;
    for (char c : value)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

MultipartParser::MultipartParser(std::string boundary, Callbacks callbacks)
    : delimiter_("\r\n--" + boundary), cb_(std::move(callbacks)) {
  // The first delimiter may start the body, without the CRLF before it: parse as if there were one.
  buf_ = "\r\n";
}

bool MultipartParser::fail(std::string why) {
  if (error_.empty()) error_ = std::move(why);
  buf_.clear();
  return false;
}

bool MultipartParser::parse_headers(std::string_view block) {
  PartHeaders h;
  bool has_disposition = false;
  while (!block.empty()) {
    auto eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block.remove_prefix(eol == std::string_view::npos ? block.size() : eol + 2);
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return fail("A part header has no colon.");
    auto name = lower(trim(line.substr(0, colon)));
    auto value = trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      auto semi = value.find(';');
      if (lower(trim(value.substr(0, semi))) != "form-data") return fail("A part is not form-data.");
      has_disposition = true;
      std::optional<std::string> ext;
      for (auto& [pname, pvalue] : parameters(value)) {
        if (pname == "name") h.name = pvalue;
        if (pname == "filename") h.filename = pvalue;
        if (pname == "filename*") ext = ext_value(pvalue);
      }
      if (ext) h.filename = ext;
    } else if (name == "content-type") {
      h.content_type = std::string(value);
    }
  }
  if (!has_disposition || h.name.empty()) return fail("A part has no Content-Disposition with a name.");
  if (cb_.begin)
    if (auto refused = cb_.begin(h)) return fail(*refused);
  return true;
}

bool MultipartParser::feed(std::string_view chunk) {
  if (failed()) return false;
  if (state_ == State::epilogue) return true;
  buf_.append(chunk);
  for (;;) {
    switch (state_) {
      case State::preamble: {
        auto at = buf_.find(delimiter_);
        if (at == std::string::npos) {
          // Keep only what could be the start of a delimiter.
          if (buf_.size() >= delimiter_.size()) buf_.erase(0, buf_.size() - (delimiter_.size() - 1));
          return true;
        }
        buf_.erase(0, at + delimiter_.size());
        state_ = State::after_delimiter;
        break;
      }
      case State::after_delimiter: {
        // "--" ends the body; otherwise optional whitespace, then CRLF, then a part's headers.
        if (buf_.size() < 2) return true;
        if (buf_.compare(0, 2, "--") == 0) {
          state_ = State::epilogue;
          buf_.clear();
          return true;
        }
        std::size_t i = 0;
        while (i < buf_.size() && (buf_[i] == ' ' || buf_[i] == '\t')) ++i;
        if (i > 256) return fail("The body is not multipart/form-data with the declared boundary.");
        if (buf_.size() < i + 2) return true;
        if (buf_.compare(i, 2, "\r\n") != 0)
          return fail("The body is not multipart/form-data with the declared boundary.");
        buf_.erase(0, i + 2);
        state_ = State::headers;
        break;
      }
      case State::headers: {
        // An empty header block is a part with no headers: "\r\n" straight away.
        std::size_t end = buf_.compare(0, 2, "\r\n") == 0 ? 0 : buf_.find("\r\n\r\n");
        if (end == std::string::npos) {
          if (buf_.size() > kMaxHeaderBytes) return fail("A part's headers are too large.");
          return true;
        }
        std::size_t skip = end == 0 ? 2 : end + 4;
        if (end > kMaxHeaderBytes) return fail("A part's headers are too large.");
        std::string block = buf_.substr(0, end);
        buf_.erase(0, skip);
        if (!parse_headers(block)) return false;
        state_ = State::body;
        break;
      }
      case State::body: {
        auto at = buf_.find(delimiter_);
        if (at == std::string::npos) {
          std::size_t keep = delimiter_.size() - 1;
          if (buf_.size() > keep) {
            std::size_t emit = buf_.size() - keep;
            if (cb_.data)
              if (auto stop = cb_.data(std::string_view(buf_).substr(0, emit))) return fail(*stop);
            buf_.erase(0, emit);
          }
          return true;
        }
        if (at > 0 && cb_.data)
          if (auto stop = cb_.data(std::string_view(buf_).substr(0, at))) return fail(*stop);
        if (cb_.end) cb_.end();
        buf_.erase(0, at + delimiter_.size());
        state_ = State::after_delimiter;
        break;
      }
      case State::epilogue:
        buf_.clear();
        return true;
    }
  }
}

bool MultipartParser::finish() {
  if (failed()) return false;
  if (state_ != State::epilogue) return fail("The multipart body ended before its closing boundary.");
  return true;
}

}  // namespace cma::http
