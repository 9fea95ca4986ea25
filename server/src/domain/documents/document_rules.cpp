#include "domain/documents/document_rules.hpp"

#include <array>

namespace cma::domain {

namespace {

struct DocumentTypeName {
  DocumentType type;
  std::string_view name;
};

constexpr std::array<DocumentTypeName, 7> kDocumentTypes{{{DocumentType::bank_statement, "bank_statement"},
                                                          {DocumentType::payslip, "payslip"},
                                                          {DocumentType::creditor_letter, "creditor_letter"},
                                                          {DocumentType::court_papers, "court_papers"},
                                                          {DocumentType::benefit_letter, "benefit_letter"},
                                                          {DocumentType::id, "id"},
                                                          {DocumentType::other, "other"}}};

// The length of the well-formed UTF-8 character at the start of `s`, or 0 if it does not begin one
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_char_length(std::string_view s) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;
    if (c == 0xED && b(1) >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;
    if (c == 0xF4 && b(1) >= 0x90) return 0;
    return 4;
  }
  return 0;
}

// Cuts `s` to at most `max` bytes on a character boundary (s is well-formed UTF-8 here).
std::string cut(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

void trim(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t lead = 0;
  while (lead < s.size() && (s[lead] == ' ' || s[lead] == '.')) ++lead;
  s.erase(0, lead);
}

}  // namespace

std::string_view to_string(DocumentType t) {
  for (const auto& n : kDocumentTypes)
    if (n.type == t) return n.name;
  return "other";
}

std::optional<DocumentType> parse_document_type(std::string_view s) {
  for (const auto& n : kDocumentTypes)
    if (n.name == s) return n.type;
  return std::nullopt;
}

std::string document_type_list() {
  std::string out;
  for (const auto& n : kDocumentTypes) out.append(out.empty() ? "" : ", ").append(n.name);
  return out;
}

std::string sanitize_document_name(std::string_view raw) {
  auto slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);
  std::string out;
  out.reserve(std::min<std::size_t>(raw.size(), 4 * kMaxDocumentNameBytes));
  while (!raw.empty() && out.size() <= 4 * kMaxDocumentNameBytes) {
    std::size_t n = utf8_char_length(raw);
    if (n == 0) {
      out.push_back('_');
      raw.remove_prefix(1);
      continue;
    }
    unsigned char c = static_cast<unsigned char>(raw[0]);
    if (n == 1 && (c < 0x20 || c == 0x7F))
      out.push_back('_');
    else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(raw[1]) < 0xA0)  // C1 controls
      out.push_back('_');
    else
      out.append(raw.substr(0, n));
    raw.remove_prefix(n);
  }
  trim(out);
  if (out.size() > kMaxDocumentNameBytes) {
    auto dot = out.rfind('.');
    std::string ext = dot != std::string::npos && out.size() - dot <= 16 ? out.substr(dot) : std::string();
    out = cut(out, kMaxDocumentNameBytes - ext.size()) + ext;
    trim(out);
  }
  if (out.empty() || out == "_") return "document";
  return out;
}

NameCheck check_document_name(std::string_view raw) {
  std::string trimmed(raw);
  trim(trimmed);
  if (trimmed.empty()) return {{}, "must not be blank"};
  if (raw.size() > kMaxDocumentNameBytes)
    return {{}, "must be at most " + std::to_string(kMaxDocumentNameBytes) + " bytes"};
  return {sanitize_document_name(raw), {}};
}

std::string attachment_disposition(std::string_view name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    ascii.push_back(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? static_cast<char>(c) : '_');
    bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' ||
                 c == '_' || c == '~';
    if (plain) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 15]);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

std::optional<std::string> accepted_content_type(std::string_view mime) {
  static constexpr std::array<std::string_view, 7> kAccepted{
      "application/pdf",
      "image/png",
      "image/jpeg",
      "image/tiff",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "text/plain"};
  auto semi = mime.find(';');
  if (semi != std::string_view::npos) mime = mime.substr(0, semi);
  for (auto a : kAccepted)
    if (a == mime) return std::string(a);
  return std::nullopt;
}

std::string accepted_content_type_list() {
  return "PDF, PNG, JPEG, TIFF, DOCX, XLSX, plain text";
}

bool extracts_text(std::string_view content_type) {
  auto accepted = accepted_content_type(content_type);
  return accepted && *accepted == content_type;
}

}  // namespace cma::domain
