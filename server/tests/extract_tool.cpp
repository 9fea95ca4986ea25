// A command line over the text extractor, for bench/extract.sh: makes a test PDF of text pages,
// renders a page to a PNG as a 300 dpi scan would be, and extracts a file repeatedly, reporting
// pages per minute.
//   extract_tool make-pdf OUT PAGES
//   extract_tool render PDF OUT.png DPI
//   extract_tool run FILE CONTENT_TYPE SECONDS [THREADS]
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "extract/text_extractor.hpp"

namespace {

int fail(const std::string& why) {
  std::cerr << "extract_tool: " << why << "\n";
  return 2;
}

// PAGES pages of 40 lines each in 11 pt Helvetica, like a bank statement's. Objects: 1 the
// catalog, 2 the page tree, 3 the font, then each page (4 + 2p) and its contents (5 + 2p).
std::string text_pdf(int pages) {
  std::string kids;
  for (int p = 0; p < pages; ++p) kids += std::to_string(4 + 2 * p) + " 0 R ";
  std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                   "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>",
                                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  for (int p = 0; p < pages; ++p) {
    std::string stream = "BT /F1 11 Tf 50 780 Td 14 TL";
    for (int line = 0; line < 40; ++line)
      stream += " (" + std::to_string(p * 40 + line + 1) +
                " 12/03/2026 Direct debit Northwick Borough Council council tax 123.45 1,234.56) '";
    stream += " ET";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + std::to_string(5 + 2 * p) +
                      " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  auto xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto at : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", at);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

int run(const std::string& file, const std::string& type, double seconds, int threads) {
  auto extractor = cma::extract::make_text_extractor();
  std::atomic<long long> pages{0}, runs{0}, failed{0};
  auto start = std::chrono::steady_clock::now();
  auto until = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      do {
        auto e = extractor->extract(file, type);
        if (e.outcome != cma::app::Extraction::Outcome::done) ++failed;
        pages += e.pages;
        ++runs;
      } while (std::chrono::steady_clock::now() < until);
    });
  for (auto& w : workers) w.join();
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s runs=%lld failed=%lld pages=%lld seconds=%.1f threads=%d pages_per_minute=%.1f\n", type.c_str(),
              runs.load(), failed.load(), pages.load(), elapsed, threads, pages.load() * 60.0 / elapsed);
  return failed.load() == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "make-pdf") {
      std::ofstream out(args[1], std::ios::binary);
      out << text_pdf(std::stoi(args[2]));
      return out ? 0 : fail("cannot write " + args[1]);
    }
    if (args.size() == 4 && args[0] == "render") {
      std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(args[1]));
      if (!doc) return fail("cannot read " + args[1]);
      std::unique_ptr<poppler::page> page(doc->create_page(0));
      poppler::page_renderer renderer;
      renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
      renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
      double dpi = std::stod(args[3]);
      auto image = renderer.render_page(page.get(), dpi, dpi);
      return image.save(args[2], "png", static_cast<int>(dpi)) ? 0 : fail("cannot write " + args[2]);
    }
    if ((args.size() == 4 || args.size() == 5) && args[0] == "run")
      return run(args[1], args[2], std::stod(args[3]), args.size() == 5 ? std::stoi(args[4]) : 1);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return fail("usage: see the top of extract_tool.cpp");
}
