#include "extract/office_text.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <expat.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "extract/text_budget.hpp"

namespace cma::extract {

namespace {

// The transitional and the strict namespaces of each vocabulary.
bool office_word_ns(std::string_view ns) {
  return ns == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
         ns == "http://purl.oclc.org/ooxml/wordprocessingml/main";
}
bool office_sheet_ns(std::string_view ns) {
  return ns == "http://schemas.openxmlformats.org/spreadsheetml/2006/main" ||
         ns == "http://purl.oclc.org/ooxml/spreadsheetml/main";
}

// An XML part parsed as it streams in. Expat reports names as "namespace|local". A part with a
// document type declaration is refused: OOXML has none, and without one no entity can expand.
class OfficeXmlPart {
 public:
  OfficeXmlPart() : parser_(XML_ParserCreateNS(nullptr, '|')) {
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &OfficeXmlPart::on_start, &OfficeXmlPart::on_end);
    XML_SetCharacterDataHandler(parser_, &OfficeXmlPart::on_text);
    XML_SetStartDoctypeDeclHandler(parser_, &OfficeXmlPart::on_doctype);
  }
  virtual ~OfficeXmlPart() { XML_ParserFree(parser_); }
  OfficeXmlPart(const OfficeXmlPart&) = delete;
  OfficeXmlPart& operator=(const OfficeXmlPart&) = delete;

  // False when the XML is not well formed (or has a document type declaration).
  bool feed(const char* data, std::size_t size, bool last) {
    return XML_Parse(parser_, data, static_cast<int>(size), last ? XML_TRUE : XML_FALSE) == XML_STATUS_OK;
  }
  // True once the part has given as much text as may be kept: reading stops there.
  virtual bool enough() const = 0;

 protected:
  virtual void start(std::string_view ns, std::string_view local, const XML_Char** attributes) = 0;
  virtual void end(std::string_view ns, std::string_view local) = 0;
  virtual void text(std::string_view chars) = 0;

 private:
  static std::pair<std::string_view, std::string_view> split(const XML_Char* name) {
    std::string_view n(name);
    auto bar = n.rfind('|');
    if (bar == std::string_view::npos) return {{}, n};
    return {n.substr(0, bar), n.substr(bar + 1)};
  }
  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    auto [ns, local] = split(name);
    static_cast<OfficeXmlPart*>(self)->start(ns, local, attributes);
  }
  static void XMLCALL on_end(void* self, const XML_Char* name) {
    auto [ns, local] = split(name);
    static_cast<OfficeXmlPart*>(self)->end(ns, local);
  }
  static void XMLCALL on_text(void* self, const XML_Char* chars, int size) {
    static_cast<OfficeXmlPart*>(self)->text(std::string_view(chars, static_cast<std::size_t>(size)));
  }
  static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    XML_StopParser(static_cast<OfficeXmlPart*>(self)->parser_, XML_FALSE);
  }

  XML_Parser parser_;
};

// A Word document's body: the text runs of each paragraph, a paragraph a line; tabs and breaks
// inside runs as tab and line feed. Deleted text, field codes and tab-stop settings are not text.
class WordBodyText final : public OfficeXmlPart {
 public:
  explicit WordBodyText(std::size_t max_bytes) : max_(max_bytes) {}
  bool enough() const override { return out_.size() > max_; }
  std::string take() { return std::move(out_); }

 private:
  enum Element : unsigned char { other, run, text_run, paragraph };
  void start(std::string_view ns, std::string_view local, const XML_Char**) override {
    Element e = other;
    if (office_word_ns(ns)) {
      bool in_run = !stack_.empty() && stack_.back() == run;
      if (local == "r")
        e = run;
      else if (local == "t")
        e = text_run;
      else if (local == "p")
        e = paragraph;
      else if (in_run && local == "tab")
        out_ += '\t';
      else if (in_run && (local == "br" || local == "cr"))
        out_ += '\n';
    }
    stack_.push_back(e);
  }
  void end(std::string_view, std::string_view) override {
    if (stack_.empty()) return;
    if (stack_.back() == paragraph) out_ += '\n';
    stack_.pop_back();
  }
  void text(std::string_view chars) override {
    if (!stack_.empty() && stack_.back() == text_run && !enough()) out_.append(chars);
  }

  std::size_t max_;
  std::string out_;
  std::vector<Element> stack_;
};

// A workbook's shared strings (xl/sharedStrings.xml): each string item's text, phonetic guides
// left out. Strings past the byte limit are kept empty, so later indexes still line up.
class SharedStrings final : public OfficeXmlPart {
 public:
  explicit SharedStrings(std::size_t max_bytes) : max_(max_bytes) {}
  bool enough() const override { return false; }
  std::vector<std::string> take() { return std::move(strings_); }
  bool cut() const { return cut_; }

 private:
  static constexpr std::size_t kMaxStrings = 1 << 20;
  void start(std::string_view ns, std::string_view local, const XML_Char**) override {
    if (!office_sheet_ns(ns)) return;
    if (local == "si") {
      in_item_ = true;
      current_.clear();
    } else if (local == "rPh") {
      ++phonetic_;
    } else if (local == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view ns, std::string_view local) override {
    if (!office_sheet_ns(ns)) return;
    if (local == "t") {
      in_text_ = false;
    } else if (local == "rPh") {
      if (phonetic_ > 0) --phonetic_;
    } else if (local == "si" && in_item_) {
      in_item_ = false;
      if (strings_.size() >= kMaxStrings) {
        cut_ = true;
        return;
      }
      if (kept_ + current_.size() > max_) {
        cut_ = true;
        current_.clear();
      }
      kept_ += current_.size();
      strings_.push_back(std::move(current_));
      current_.clear();
    }
  }
  void text(std::string_view chars) override {
    if (in_text_ && current_.size() <= max_) current_.append(chars);
  }

  std::size_t max_;
  std::size_t kept_ = 0;
  std::vector<std::string> strings_;
  std::string current_;
  bool in_item_ = false, in_text_ = false, cut_ = false;
  int phonetic_ = 0;
};

// A worksheet (xl/worksheets/sheetN.xml): a row a line, its cells' values separated by tabs; a
// shared string's index is replaced by the string, a boolean by TRUE or FALSE.
class SheetText final : public OfficeXmlPart {
 public:
  SheetText(const std::vector<std::string>& shared, std::size_t max_bytes) : shared_(shared), max_(max_bytes) {}
  bool enough() const override { return out_.size() > max_; }
  std::string take() { return std::move(out_); }

 private:
  void start(std::string_view ns, std::string_view local, const XML_Char** attributes) override {
    if (!office_sheet_ns(ns)) return;
    if (local == "row") {
      cells_in_row_ = 0;
    } else if (local == "c") {
      in_cell_ = true;
      type_.clear();
      value_.clear();
      for (const XML_Char** a = attributes; a[0] != nullptr; a += 2)
        if (std::string_view(a[0]) == "t") type_ = a[1];
    } else if (in_cell_ && (local == "v" || (local == "t" && type_ == "inlineStr"))) {
      in_value_ = true;
    }
  }
  void end(std::string_view ns, std::string_view local) override {
    if (!office_sheet_ns(ns)) return;
    if (local == "v" || local == "t") {
      in_value_ = false;
    } else if (local == "c" && in_cell_) {
      in_cell_ = false;
      std::string_view shown = value_;
      if (type_ == "s") {
        std::size_t index = 0;
        auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
        shown = (ec == std::errc() && end == value_.data() + value_.size() && index < shared_.size())
                    ? std::string_view(shared_[index])
                    : std::string_view();
      } else if (type_ == "b") {
        shown = value_ == "1" ? "TRUE" : "FALSE";
      }
      if (shown.empty() || enough()) return;
      if (cells_in_row_++ > 0) out_ += '\t';
      out_.append(shown);
    } else if (local == "row" && cells_in_row_ > 0) {
      out_ += '\n';
    }
  }
  void text(std::string_view chars) override {
    if (in_value_ && value_.size() <= max_) value_.append(chars);
  }

  const std::vector<std::string>& shared_;
  std::size_t max_;
  std::string out_, type_, value_;
  int cells_in_row_ = 0;
  bool in_cell_ = false, in_value_ = false;
};

struct OfficeArchiveFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using OfficeArchive = std::unique_ptr<archive, OfficeArchiveFree>;

// The file as a ZIP archive, or null when it is not one.
OfficeArchive office_open(const std::filesystem::path& file) {
  OfficeArchive a(archive_read_new());
  if (!a) throw std::bad_alloc();
  archive_read_support_format_zip(a.get());
  if (archive_read_open_filename(a.get(), file.c_str(), 64 * 1024) != ARCHIVE_OK) return nullptr;
  return a;
}

enum class Streamed { whole, cut, damaged };

// Streams the current entry's bytes into `part`, stopping when the part has enough text or the
// bytes unpacked would pass `unpacked_left`, which is reduced by what was read.
Streamed office_stream(archive* a, OfficeXmlPart& part, std::int64_t& unpacked_left) {
  std::array<char, 64 * 1024> buffer{};
  for (;;) {
    la_ssize_t n = archive_read_data(a, buffer.data(), buffer.size());
    if (n < 0) return Streamed::damaged;
    if (n == 0) return part.feed(nullptr, 0, true) ? Streamed::whole : Streamed::damaged;
    unpacked_left -= n;
    if (unpacked_left < 0) return Streamed::cut;
    if (!part.feed(buffer.data(), static_cast<std::size_t>(n), false)) return Streamed::damaged;
    if (part.enough()) return Streamed::cut;
  }
}

bool office_is_sheet(std::string_view name) {
  constexpr std::string_view prefix = "xl/worksheets/sheet";
  return name.size() > prefix.size() + 4 && name.substr(0, prefix.size()) == prefix &&
         name.substr(name.size() - 4) == ".xml" && name.find('/', prefix.size()) == std::string_view::npos;
}

// A part's text without the line feeds that end its last paragraph or row.
std::string office_trimmed(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

app::Extraction office_damaged(OfficeKind kind) {
  return app::Extraction::failed(kind == OfficeKind::docx
                                     ? "The Word document could not be read: it is damaged or protected."
                                     : "The Excel workbook could not be read: it is damaged or protected.");
}

app::Extraction word_text(const std::filesystem::path& file, const app::ExtractionLimits& limits) {
  auto a = office_open(file);
  if (!a) return office_damaged(OfficeKind::docx);
  archive_entry* entry = nullptr;
  int rc = ARCHIVE_OK;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
    if (std::string_view(archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "") != "word/document.xml")
      continue;
    WordBodyText body(limits.max_text_bytes);
    std::int64_t unpacked_left = limits.max_unpacked_bytes;
    auto streamed = office_stream(a.get(), body, unpacked_left);
    if (streamed == Streamed::damaged) return office_damaged(OfficeKind::docx);
    app::Extraction out;
    out.pages = 1;
    TextBudget text(limits.max_text_bytes);
    text.add_page(office_trimmed(body.take()));
    out.truncated = text.full() || streamed == Streamed::cut;
    out.text = text.take();
    return out;
  }
  if (rc != ARCHIVE_EOF) return office_damaged(OfficeKind::docx);
  return app::Extraction::failed("The Word document has no body (word/document.xml) to read.");
}

app::Extraction sheet_text(const std::filesystem::path& file, const app::ExtractionLimits& limits) {
  // Excel writes the shared strings after the sheets that use them: a first pass reads them.
  std::vector<std::string> shared;
  bool cut = false;
  {
    auto a = office_open(file);
    if (!a) return office_damaged(OfficeKind::xlsx);
    archive_entry* entry = nullptr;
    int rc = ARCHIVE_OK;
    while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
      const char* name = archive_entry_pathname(entry);
      if (name == nullptr || std::string_view(name) != "xl/sharedStrings.xml") continue;
      SharedStrings strings(limits.max_text_bytes);
      std::int64_t unpacked_left = limits.max_unpacked_bytes;
      auto streamed = office_stream(a.get(), strings, unpacked_left);
      if (streamed == Streamed::damaged) return office_damaged(OfficeKind::xlsx);
      cut = strings.cut() || streamed == Streamed::cut;
      shared = strings.take();
      break;
    }
    if (rc != ARCHIVE_OK && rc != ARCHIVE_EOF) return office_damaged(OfficeKind::xlsx);
  }
  auto a = office_open(file);
  if (!a) return office_damaged(OfficeKind::xlsx);
  app::Extraction out;
  TextBudget text(limits.max_text_bytes);
  std::int64_t unpacked_left = limits.max_unpacked_bytes;
  archive_entry* entry = nullptr;
  int rc = ARCHIVE_OK;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
    const char* name = archive_entry_pathname(entry);
    if (name == nullptr || !office_is_sheet(name)) continue;
    if (out.pages >= limits.max_pages || text.full() || unpacked_left <= 0) {
      cut = true;
      break;
    }
    SheetText sheet(shared, limits.max_text_bytes);
    auto streamed = office_stream(a.get(), sheet, unpacked_left);
    if (streamed == Streamed::damaged) return office_damaged(OfficeKind::xlsx);
    cut = cut || streamed == Streamed::cut;
    ++out.pages;
    if (!text.add_page(office_trimmed(sheet.take()))) break;
  }
  if (rc != ARCHIVE_OK && rc != ARCHIVE_EOF) return office_damaged(OfficeKind::xlsx);
  if (out.pages == 0) return app::Extraction::failed("The Excel workbook has no sheets to read.");
  out.truncated = cut || text.full();
  out.text = text.take();
  return out;
}

}  // namespace

app::Extraction office_text(const std::filesystem::path& file, OfficeKind kind, const app::ExtractionLimits& limits) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) throw std::runtime_error("the document's bytes could not be opened");
  return kind == OfficeKind::docx ? word_text(file, limits) : sheet_text(file, limits);
}

}  // namespace cma::extract
