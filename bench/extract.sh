#!/usr/bin/env bash
# Text extraction throughput (docs/documents.md, "Measuring"): pages per minute for a PDF's text
# layer and for OCR of a scanned page, with the extractor the worker uses (poppler-cpp, Tesseract),
# through server/tests/extract_tool. The PDF is PDF_PAGES pages of 40 statement lines; the scan is
# its first page rendered at DPI dots per inch. Each measurement runs for DURATION seconds on
# THREADS threads (the worker's WORKER_CONCURRENCY), at least one extraction each. Local files
# only; prints a Markdown table.
#   bench/extract.sh                      # 30 s each, 1 and 2 threads
#   DURATION=2 THREADS_LIST=1 bench/extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
THREADS_LIST=${THREADS_LIST:-"1 2"}
PDF_PAGES=${PDF_PAGES:-50}
DPI=${DPI:-300}
BUILD=${BUILD:-build/release}

if [ ! -x "$BUILD/server/tests/extract_tool" ]; then
  if [ ! -d "$BUILD" ]; then cmake --preset "$(basename "$BUILD")" >/dev/null; fi
  cmake --build "$BUILD" -j2 --target extract_tool >/dev/null
fi
tool="$BUILD/server/tests/extract_tool"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tool" make-pdf "$work/statement.pdf" "$PDF_PAGES"
"$tool" render "$work/statement.pdf" "$work/scan.png" "$DPI"

echo "| what | threads | runs | pages | seconds | pages per minute |"
echo "|---|---|---|---|---|---|"
for threads in $THREADS_LIST; do
  for kind in pdf ocr; do
    if [ "$kind" = pdf ]; then
      line=$("$tool" run "$work/statement.pdf" application/pdf "$DURATION" "$threads")
      what="PDF text ($PDF_PAGES-page file)"
    else
      line=$("$tool" run "$work/scan.png" image/png "$DURATION" "$threads")
      what="OCR (one page, $DPI dpi PNG)"
    fi
    get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    echo "| $what | $threads | $(get runs) | $(get pages) | $(get seconds) | $(get pages_per_minute) |"
  done
done
