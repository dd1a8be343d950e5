"""What the tests do with a Word document, and scripts/review_picture.py with them: its text
content in order (paragraphs and table cells), its conversion by LibreOffice to PDF, a PDF's
text per page (poppler's pdftotext) and its first page as a PNG (pdftoppm)."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdftoppm")


def tools_missing() -> list[str]:
    """The tools the conversion needs that are not installed; LibreOffice without Writer (a
    machine with Calc only) cannot open a Word document."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    office = shutil.which("soffice")
    if office is not None:
        program = Path(office).resolve().parent  # Writer's library: libswlo.so, .dylib, .dll
        if not [*program.glob("*swlo.*"), *program.parent.glob("Frameworks/*swlo.*")]:
            missing.append("LibreOffice Writer")
    return missing


def docx_text(data: bytes) -> str:
    """The document's text in order: a line per paragraph that holds text, a line per table
    row (``| cell | cell |``, a cell's lines joined by `` / ``)."""
    doc = Document(io.BytesIO(data))
    lines = []
    for element in doc.element.body.iterchildren():
        if element.tag == qn("w:p"):
            text = Paragraph(element, doc).text
            if text.strip():
                lines.append(text)
        elif element.tag == qn("w:tbl"):
            for row in Table(element, doc).rows:
                lines.append("| " + " | ".join(cell_text(c) for c in row.cells) + " |")
    return "\n".join(lines) + "\n"


def cell_text(cell: _Cell) -> str:
    parts = [line for p in cell.paragraphs for line in p.text.split("\n") if line.strip()]
    return " / ".join(parts)


def text_hash(data: bytes) -> str:
    return hashlib.sha256(docx_text(data).encode("utf-8")).hexdigest()


def to_pdf(document: Path, out: Path) -> Path:
    """LibreOffice's PDF of the document, with a profile of its own (another LibreOffice
    running on the machine is not disturbed, nor waited for)."""
    out.mkdir(parents=True, exist_ok=True)
    profile = (out / "lo-profile").resolve().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(document)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return out / f"{document.stem}.pdf"


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, as pdftotext reads it (in reading order, not laid out)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's size in points."""
    count = len(pdf_pages(pdf))
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            width, _, height = line.split("size:")[1].split()[:3]
            sizes.append((float(width), float(height)))
    return sizes


def first_page_png(pdf: Path, stem: Path, dpi: int = 80) -> Path:
    """The PDF's first page as ``stem``.png."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(stem)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return stem.with_suffix(".png")
