"""Render the docs' picture of the review as a Word document (docs/reports.md) from a real one:
kpi review (the final review of the sample archive, as the golden test makes it) -> LibreOffice
(PDF) -> pdftoppm (PNG, the first page), by the conversion the tests use (tests/office.py).
Beside the picture it writes the hash of the document's text it was made from; a test checks
that it is the current document's, so a change to the document asks for a new picture.

Needs: soffice (LibreOffice Writer) and pdftoppm (poppler-utils). Run from anywhere:

    python scripts/review_picture.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.office import first_page_png, text_hash, to_pdf, tools_missing  # noqa: E402

#: The command whose output the picture shows (the golden tests/golden/review-2024-vi.docx.txt).
COMMAND = ["review", "data/submissions", "--round", "2024", "--as-of", "2025-01-27"]
PICTURE = ROOT / "docs" / "review-2024-vi"
HASH = PICTURE.with_suffix(".png.sha256")


def main() -> None:
    missing = tools_missing()
    if missing:
        sys.exit(f"review_picture: not installed: {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as work:
        document = Path(work) / "tong-ket_2024.docx"
        kpi = [sys.executable, "-m", "cantho_kpi", *COMMAND, "-o", str(document)]
        subprocess.run(kpi, cwd=ROOT, check=True, capture_output=True)
        pdf = to_pdf(document, Path(work) / "pdf")
        first_page_png(pdf, PICTURE)
        shown = " ".join(["kpi", *COMMAND, "-o", "tong-ket_2024.docx"])
        HASH.write_text(f"{text_hash(document.read_bytes())}  text of: {shown}\n", "utf-8")
    print(f"wrote {PICTURE.with_suffix('.png').relative_to(ROOT)} and {HASH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
