#pragma once
// The text of Office Open XML documents: a Word document's (DOCX) paragraphs, and an Excel
// workbook's (XLSX) sheets, a row a line with its cells separated by tabs. Both are ZIP archives of
// XML parts; the parts are read with libarchive and parsed as they stream out with expat, so a
// large or hostile file is bounded by the limits, not held in memory.
#include <filesystem>

#include "app/documents/text_extractor.hpp"

namespace cma::extract {

enum class OfficeKind { docx, xlsx };

// Never throws for a damaged file (a failed outcome with its reason); throws std::runtime_error
// only when the file cannot be opened at all.
app::Extraction office_text(const std::filesystem::path& file, OfficeKind kind, const app::ExtractionLimits& limits);

}  // namespace cma::extract
