#pragma once
// Documents on a case: what kind of paper each is, what its stored name may be, and which kinds of
// file are accepted. The kind of a file is judged by its bytes (sniffed), never by its name or by
// the type the client declared.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cma::domain {

enum class DocumentType { bank_statement, payslip, creditor_letter, court_papers, benefit_letter, id, other };

std::string_view to_string(DocumentType t);
std::optional<DocumentType> parse_document_type(std::string_view s);
// "bank_statement, payslip, …", for error messages.
std::string document_type_list();

inline constexpr std::size_t kMaxDocumentNameBytes = 255;
inline constexpr std::uint64_t kDefaultDocumentMaxBytes = 25ull * 1024 * 1024;

// A file name as a client sent it, made safe to store and to offer back in Content-Disposition:
// only the last path component (after any '/' or '\'), bytes that are not well-formed UTF-8 and
// control characters (NUL included) replaced by '_', leading dots and surrounding spaces removed,
// at most kMaxDocumentNameBytes bytes (the extension kept where it fits), "document" if nothing is
// left. The name never takes part in a storage key.
std::string sanitize_document_name(std::string_view raw);

// A name given explicitly: refused (with the reason) when it is blank or longer than
// kMaxDocumentNameBytes after sanitising; otherwise the sanitised name.
struct NameCheck {
  std::string name;
  std::string error;  // empty when accepted
};
NameCheck check_document_name(std::string_view raw);

// The Content-Disposition that has a browser save a file as `name` (RFC 6266 and 8187): a
// plain-ASCII fallback, then the exact name percent-encoded as UTF-8.
std::string attachment_disposition(std::string_view name);

// The content types accepted, as libmagic names them (MIME type, no parameters): PDF, PNG, JPEG,
// TIFF, DOCX, XLSX and plain text. Returns the type to store and serve, or nullopt when refused.
std::optional<std::string> accepted_content_type(std::string_view sniffed_mime);
// "PDF, PNG, JPEG, TIFF, DOCX, XLSX, plain text", for error messages.
std::string accepted_content_type_list();

// Whether text is extracted from a stored type: every accepted one (PDF, PNG, JPEG, TIFF, DOCX, XLSX,
// plain text). A version of any other type is not_applicable from the start and queues no job.
bool extracts_text(std::string_view content_type);

}  // namespace cma::domain
