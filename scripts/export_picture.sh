#!/usr/bin/env bash
# Render the picture in docs/outputs.md of the summary sheet from a real export:
# kpi export -> LibreOffice (PDF) -> pdftoppm (PNG, first page, cropped).
# Needs: soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
kpi export data/submissions/2024-Q2 -o "$work/tong-hop_2024-Q2.xlsx" --fail-on never
soffice --headless --convert-to pdf --outdir "$work" "$work/tong-hop_2024-Q2.xlsx" >/dev/null
pdftoppm -png -r 160 -f 1 -l 1 -x 40 -y 40 -W 1800 -H 480 -singlefile \
  "$work/tong-hop_2024-Q2.pdf" docs/tong-hop-2024-Q2
echo "wrote docs/tong-hop-2024-Q2.png"
