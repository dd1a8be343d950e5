"""The web page of `kpi report` in a real browser: Debian's chromium, headless (see
``browser.py``). The page loads with no console message and no request but its own file, even
with markup in every text a submission brings; its screenshot is not blank; it prints on A4,
each target from a new page, no chart cut across two pages. Skipped when chromium is not
installed (``.ci/run`` installs it, best effort); the PDF checks need poppler's tools too."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from .browser import Browser, Loaded, chromium, png_pixels
from .pagetext import parse
from .test_report_html import hostile_folder

Kpi = Callable[..., Result]
FIGURES = 35
TARGETS = 21

pytestmark = pytest.mark.skipif(chromium() is None, reason="chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as found:
        yield found


@pytest.fixture(scope="module")
def loaded(browser: Browser, report_pages: dict[str, Path]) -> dict[str, Loaded]:
    return {lang: browser.load(page) for lang, page in report_pages.items()}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_loads_with_no_message_and_fetches_nothing(
    loaded: dict[str, Loaded], report_pages: dict[str, Path], lang: str
) -> None:
    found = loaded[lang]
    assert found.console == []
    assert found.failed == []
    assert found.requests == [report_pages[lang].resolve().as_uri()]


def test_markup_in_submissions_stays_text_in_the_browser(
    kpi: Kpi, browser: Browser, tmp_path: Path
) -> None:
    """A script in a unit's name, a note, a value or a file name would run, or be refused by
    the page's policy with a console message: neither happens."""
    targets, folder = hostile_folder(tmp_path)
    page = tmp_path / "page.html"
    assert kpi("report", str(folder), "-o", str(page), "--targets", str(targets)).exit_code == 0
    found = browser.load(page)
    assert found.console == []
    assert found.failed == []
    assert found.requests == [page.resolve().as_uri()]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_screenshot_is_not_blank(loaded: dict[str, Loaded], lang: str) -> None:
    width, height, rows = png_pixels(loaded[lang].screenshot)
    assert (width, height) == (1200, 1400)
    step = len(rows[0]) // width
    pixels = [row[i : i + 3] for row in rows[::4] for i in range(0, len(row), step * 4)]
    inked = sum(1 for p in pixels if min(p) < 200)
    assert len(set(pixels)) > 50  # text, badges, table heads: many colours
    assert 0.02 < inked / len(pixels) < 0.6  # ink on a white page, not one colour


# -- the printout ------------------------------------------------------------------------------

_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdfinfo") is not None


def _pages(pdf: Path, count: int) -> list[str]:
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


@pytest.mark.skipif(not _POPPLER, reason="pdftotext and pdfinfo (poppler-utils) are not installed")
def test_it_prints_on_a4_a_target_a_page_no_chart_cut(
    loaded: dict[str, Loaded], report_pages: dict[str, Path], tmp_path: Path
) -> None:
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(loaded["vi"].pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (
        re.findall(r"^Page\s+\d+ size:\s+(.*)$", sizes, re.M)
        == ["594.96 x 841.92 pts (A4)"] * count
    )
    pages = _pages(pdf, count)
    # each target starts a page: its heading is the page's first line
    starts = [p.strip().splitlines()[0] for p in pages if p.strip()]
    for number in range(1, TARGETS + 1):
        assert sum(line.startswith(f"Chỉ tiêu {number}:") for line in starts) == 1, number
    # a chart's first words (its code and unit, top left) and its last (its legend, after the
    # same code) are on one page, the same for both, for every chart
    root, _ = parse(report_pages["vi"].read_text(encoding="utf-8"))
    captions = {
        e.attrs["data-code"]: next(t.text for t in e.walk() if t.attrs.get("class") == "caption")
        for e in root.walk()
        if e.tag == "svg"
    }
    assert len(captions) == FIGURES
    for code, caption in captions.items():
        tops = [i for i, page in enumerate(pages) if caption in page]
        ends = [i for i, page in enumerate(pages) if re.search(rf"\b{code}: ", page)]
        assert len(tops) == 1, (code, caption, tops)
        assert ends[:1] == tops, (code, caption, tops, ends)
