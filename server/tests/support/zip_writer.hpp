#pragma once
// ZIP archives made in tests with libarchive: Word (DOCX) and Excel (XLSX) files are ZIP archives of
// XML parts.
#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cma::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// The archive's bytes: the entries deflated, in the order given.
inline std::string zip_bytes(const ZipEntries& entries) {
  std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
  std::string out;
  auto append = [](archive*, void* sink, const void* data, size_t size) -> la_ssize_t {
    static_cast<std::string*>(sink)->append(static_cast<const char*>(data), size);
    return static_cast<la_ssize_t>(size);
  };
  if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK ||
      archive_write_open(a.get(), &out, nullptr, append, nullptr) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(a.get()));
  for (const auto& [name, content] : entries) {
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(content.size()));
    if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK ||
        archive_write_data(a.get(), content.data(), content.size()) != static_cast<la_ssize_t>(content.size()))
      throw std::runtime_error(archive_error_string(a.get()));
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(a.get()));
  return out;
}

inline constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kSheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// A Word document whose body is `body_xml` (the children of <w:body>), its parts in the order Word
// writes them (libmagic knows a DOCX by the package parts that come first).
inline std::string docx_bytes(const std::string& body_xml) {
  return zip_bytes(
      {{"[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" "
        "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
       {"_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>"},
       {"word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"") + kWordNs +
                                 "\"><w:body>" + body_xml + "</w:body></w:document>"}});
}

// An Excel workbook with the given sheets (each the children of <sheetData>) and shared strings
// (each an <si> item's content), the strings after the sheets as Excel writes them.
inline std::string xlsx_bytes(const std::vector<std::string>& sheets, const std::vector<std::string>& shared) {
  ZipEntries parts{
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" "
       "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"") + kSheetNs +
                              "\"><sheets/></workbook>"}};
  for (std::size_t i = 0; i < sheets.size(); ++i)
    parts.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                       std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"") + kSheetNs +
                           "\"><sheetData>" + sheets[i] + "</sheetData></worksheet>");
  std::string sst = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"") + kSheetNs + "\">";
  for (const auto& s : shared) sst += "<si>" + s + "</si>";
  parts.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
  return zip_bytes(parts);
}

}  // namespace cma::testing
