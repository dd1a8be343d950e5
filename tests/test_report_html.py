"""`kpi report -o FILE.html`: the page's text (golden), its charts held to the progress JSON,
what it may not fetch, its accessibility basics, escaping of every text that came from a
submission, the drive's parts, and the command's usage errors. The browser tests are in
``test_report_browser.py``."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_OK, EXIT_USAGE

from .conftest import ROOT
from .pagetext import Element, charts, page_text, parse, text_hash

Kpi = Callable[..., Result]
GOLDEN = Path(__file__).parent / "golden"
ARCHIVE = "data/submissions"
LIMIT = 1_500_000  # bytes: the bound for the bundled archive's page
FIGURES = 35


@pytest.fixture
def pages(report_pages: dict[str, Path]) -> dict[str, str]:
    return {lang: path.read_text(encoding="utf-8") for lang, path in report_pages.items()}


# -- the text, golden ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_text_is_the_golden_one(
    pages: dict[str, str], lang: str, golden: Callable[[Path, str], None]
) -> None:
    golden(GOLDEN / f"report-{lang}.txt", page_text(pages[lang]))


def test_the_command_says_what_it_wrote(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "tien-do.html"
    result = kpi("report", ARCHIVE, "-o", str(out))
    assert result.exit_code == EXIT_OK
    assert f"đã ghi {out}" in result.stderr
    assert out.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="vi">')


def test_the_same_files_give_the_same_bytes(kpi: Kpi, tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert kpi("report", ARCHIVE, "-o", str(first)).exit_code == EXIT_OK
    assert kpi("report", ARCHIVE, "-o", str(second)).exit_code == EXIT_OK
    assert first.read_bytes() == second.read_bytes()


# -- self-contained ------------------------------------------------------------------------

_FETCHING = {"src", "srcset", "href", "xlink:href", "action", "formaction", "data", "poster"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_fetches_nothing_and_is_small(pages: dict[str, str], lang: str) -> None:
    """No script, no stylesheet, font or image from anywhere: no element that fetches, no
    link out of the page (only anchors within it), nothing in the stylesheet that loads;
    and the page forbids it anyway (Content-Security-Policy)."""
    html = pages[lang]
    assert len(html.encode("utf-8")) < LIMIT
    root, _ = parse(html)
    elements = root.walk()
    tags = {e.tag for e in elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "audio", "video"}
    links = [(e.tag, k, v) for e in elements for k, v in e.attrs.items() if k in _FETCHING]
    assert links, "the page has its table of contents"
    assert all(k == "href" and v.startswith("#") for _, k, v in links), links
    assert not [e.tag for e in elements if any(k.startswith("on") for k in e.attrs)]
    styles = [e.text for e in elements if e.tag == "style"]
    assert len(styles) == 1
    assert not re.search(r"url\(|@import|@font-face", styles[0])
    policy = [e.attrs["content"] for e in elements if e.attrs.get("http-equiv")]
    assert policy == [
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    ]
    anchors = {v[1:] for _, _, v in links}
    ids = {e.attrs["id"] for e in elements if "id" in e.attrs}
    assert anchors <= ids, anchors - ids  # every link inside the page lands


# -- the charts hold the JSON's numbers ----------------------------------------------------


def _progress_json(kpi: Kpi, path: str, unit: str, *extra: str) -> dict[str, dict[str, object]]:
    result = kpi("progress", path, "--format", "json", "--unit", unit, *extra)
    assert result.exit_code == EXIT_OK
    doc = json.loads(result.stdout)
    return {r["code"]: r for r in doc["results"]}


def _number(value: object) -> Decimal:
    return Decimal(str(value))


def _expected_marks(row: dict[str, object]) -> list[tuple[str, str, Decimal, Decimal | None]]:
    """(kind, period, value, yearly figure) the chart must draw for one JSON result: every
    point of the series (a term total as its running total of whole years), the baseline,
    and the projection of a level or a total."""
    series: list[dict[str, object]] = row["series"]  # type: ignore[assignment]
    cumulative = row["method"] == "cumulative"
    marks = []
    total = Decimal(0)
    for point in series:
        value = _number(point["value"])
        if cumulative:
            drawn = total + value
            total = drawn if point["used"] else total
            marks.append(("point", str(point["period"]), drawn, value))
        else:
            marks.append(("point", str(point["period"]), value, None))
    base: dict[str, object] | None = row["baseline"]  # type: ignore[assignment]
    if base is not None:
        marks.append(("baseline", str(base["period"]), _number(base["value"]), None))
    projection: dict[str, object] | None = row["projection"]  # type: ignore[assignment]
    if projection is not None and row["method"] in ("cagr", "linear", "cumulative"):
        marks.append(("projection", str(projection["period"]), _number(projection["value"]), None))
    return marks


def _charts_hold(html: str, expected: dict[str, dict[str, object]]) -> int:
    """Each chart's marks are those of the JSON's result of its figure; how many were checked."""
    drawn = charts(parse(html)[0])
    assert [c.code for c in drawn] == list(expected)  # one chart per figure, in order
    checked = 0
    for chart in drawn:
        row = expected[chart.code]
        got = [(m.kind, m.period, _number(m.value), None if m.figure is None else _number(m.figure))
               for m in chart.marks]  # fmt: skip
        assert sorted(got, key=str) == sorted(_expected_marks(row), key=str), chart.code
        if row["method"] == "cumulative" and row["to_date"] is not None:
            used = [m for m in chart.marks if m.kind == "point"]
            assert _number(used[-1].value) == _number(row["to_date"]["value"])  # type: ignore[index]
        checked += len(chart.marks)
    assert checked == sum(len(_expected_marks(r)) for r in expected.values())
    return checked


@pytest.mark.parametrize("as_of", [None, "2023"])
def test_every_charts_numbers_are_the_progress_jsons(
    kpi: Kpi, tmp_path: Path, as_of: str | None
) -> None:
    extra = ("--as-of", as_of) if as_of else ()
    out = tmp_path / "page.html"
    assert kpi("report", ARCHIVE, "-o", str(out), *extra).exit_code == EXIT_OK
    expected = _progress_json(kpi, ARCHIVE, "CT", *extra)
    assert len(expected) == FIGURES
    # every figure has three years at least (and some a baseline, a projection)
    assert _charts_hold(out.read_text(encoding="utf-8"), expected) >= 3 * FIGURES


def test_a_districts_file_gives_the_districts_page(kpi: Kpi, tmp_path: Path) -> None:
    """Without the city's files, the page is about the unit whose figures it has: its
    headline over the targets that apply to it, its figures' charts."""
    one = "data/submissions/2024-Q2/NK_2024-Q2.xlsx"
    out = tmp_path / "page.html"
    assert kpi("report", one, "-o", str(out)).exit_code == EXIT_OK
    html = out.read_text(encoding="utf-8")
    text = page_text(html)
    assert "Quận Ninh Kiều (NK)" in text
    assert (
        "Quận Ninh Kiều: đạt và vượt 1/4 chỉ tiêu có số liệu, 2 chỉ tiêu chưa đến kỳ đánh giá "
        "(6 chỉ tiêu áp dụng)." in text
    )
    expected = _progress_json(kpi, one, "NK")
    assert 0 < len(expected) < FIGURES
    assert _charts_hold(html, expected) >= len(expected)


def test_every_mark_is_drawn_where_its_number_lies(pages: dict[str, str]) -> None:
    """Each mark's height, read back through the value axis's labelled ticks, is its number
    (to the tenth of a pixel the drawing is rounded to)."""
    checked = 0
    for chart in charts(parse(pages["vi"])[0]):
        (v0, y0), (v1, y1) = chart.ticks[0], chart.ticks[-1]
        assert len(chart.ticks) >= 3, chart.code
        assert v1 > v0, chart.code
        assert y1 < y0, chart.code
        for mark in chart.marks:
            expected = y0 + (mark.value - v0) * (y1 - y0) / (v1 - v0)
            assert abs(mark.y - expected) <= 0.06, (chart.code, mark)
            checked += 1
    assert checked >= 4 * FIGURES


# -- accessibility ---------------------------------------------------------------------------


def _by_id(root: Element) -> dict[str, Element]:
    return {e.attrs["id"]: e for e in root.walk() if "id" in e.attrs}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_accessibility_basics(pages: dict[str, str], lang: str) -> None:
    root, _ = parse(pages[lang])
    elements = root.walk()
    html = next(e for e in elements if e.tag == "html")
    assert html.attrs["lang"] == lang
    levels = [int(e.tag[1]) for e in elements if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), "a heading level is skipped"
    tables = [e for e in elements if e.tag == "table"]
    assert len(tables) > FIGURES  # a data table per chart, and the others
    for table in tables:
        caption = [c for c in table.children if c.tag == "caption"]
        assert caption
        assert caption[0].all_text().strip()
        heads = [e for e in table.walk() if e.tag == "th"]
        cols = [e for e in heads if e.attrs.get("scope") == "col"]
        rows = [e for e in table.walk() if e.tag == "tr"]
        assert cols
        assert len(heads) == len(cols) + len(rows) - 1
        assert all(e.attrs.get("scope") in ("col", "row") for e in heads)
    ids = _by_id(root)
    svgs = [e for e in elements if e.tag == "svg"]
    assert len(svgs) == FIGURES
    for svg in svgs:
        assert svg.attrs["role"] == "img"
        title_id, desc_id = svg.attrs["aria-labelledby"].split()
        assert [c.tag for c in svg.children[:2]] == ["title", "desc"]
        assert ids[title_id] is svg.children[0]
        assert ids[desc_id] is svg.children[1]
        assert svg.children[0].text.strip()
        assert svg.children[1].text.strip()
        assert svg.attrs["data-code"] in svg.children[0].text


# -- untrusted text arrives escaped --------------------------------------------------------

HOSTILE_UNIT = '<script>alert(1)</script> "onload=alert(1)'
HOSTILE_NOTE = '<script>alert(2)</script> "onload=alert(2)'
HOSTILE_CELL = "<script>alert(3)</script>"
HOSTILE_FILE = 'CT"onload=alert(4)<b>.csv'


def hostile_folder(root: Path) -> tuple[Path, Path]:
    """A working folder whose city is named with markup, and two years of the city's CSV
    reports whose notes, a value and a file name are markup: (targets file, submissions)."""
    data = root / "data"
    data.mkdir()
    text = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
    city = '    name: "Thành phố Cần Thơ"\n    level: city'
    assert city in text
    escaped = HOSTILE_UNIT.replace('"', '\\"')
    (data / "targets.yaml").write_text(
        text.replace(city, f'    name: "{escaped}"\n    level: city'), encoding="utf-8"
    )
    shutil.copy(ROOT / "data" / "drive.yaml", data / "drive.yaml")
    folder = root / "nop"
    folder.mkdir()
    rows = [
        ("2023", "6.2", "7.1"),
        ("2024", "7.6", HOSTILE_CELL),
    ]
    for year, growth, urban in rows:
        name = f"CT_{year}.csv" if year == "2023" else HOSTILE_FILE
        note = HOSTILE_NOTE.replace('"', '""')
        unit = HOSTILE_UNIT.replace('"', '""')
        (folder / name).write_text(
            f'Đơn vị:,"{unit}"\nMã đơn vị:,CT\nKỳ báo cáo:,Năm {year}\n'
            "Mã chỉ tiêu,Giá trị thực hiện,Ghi chú\n"
            f'CT01,{growth},"{note}"\nCT08,{urban},\n',
            encoding="utf-8",
        )
    return data / "targets.yaml", folder


def test_text_from_submissions_and_targets_arrives_escaped(kpi: Kpi, tmp_path: Path) -> None:
    targets, folder = hostile_folder(tmp_path)
    out = tmp_path / "page.html"
    result = kpi("report", str(folder), "-o", str(out), "--targets", str(targets))
    assert result.exit_code == EXIT_OK, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert '"onload=' not in html
    assert "<b>" not in html
    counts = {
        "unit": html.count("&lt;script&gt;alert(1)&lt;/script&gt; &#34;onload=alert(1)"),
        "note": html.count("&lt;script&gt;alert(2)&lt;/script&gt; &#34;onload=alert(2)"),
        "cell": html.count("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "file": html.count("CT&#34;onload=alert(4)&lt;b&gt;.csv"),
    }
    assert all(n >= 1 for n in counts.values()), counts
    text = page_text(html)  # and reads back as the text it was
    assert HOSTILE_UNIT in text
    assert HOSTILE_NOTE in text
    assert HOSTILE_FILE in text


# -- with and without the drive file; --as-of --------------------------------------------


def test_the_ranking_is_the_drive_files_rule_for_deliberation(pages: dict[str, str]) -> None:
    text = page_text(pages["vi"])
    section = text[text.index("Xếp hạng thi đua theo cụm, khối") :]
    assert "theo quy định của tệp phong trào, không phải của Kế hoạch" in section
    assert (
        "để các đơn vị bình xét (Kế hoạch, mục IV.2.c), không phải đề nghị khen thưởng" in section
    )
    assert (
        "Điểm, trừ điểm và điều kiện ứng viên là quy định của tệp phong trào data/drive.yaml, "
        "không phải của Kế hoạch 33/KH-UBND." in section
    )
    assert "Cụm thi đua các quận, huyện, đợt Năm 2024 (2024)" in section
    english = page_text(pages["en"])
    assert "follows the drive file's rule, not the plan's" in english


def test_without_a_drive_file_the_page_says_so(kpi: Kpi, tmp_path: Path) -> None:
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    out = tmp_path / "page.html"
    result = kpi("report", ARCHIVE, "-o", str(out), "--targets", str(tmp_path / "targets.yaml"))
    assert result.exit_code == EXIT_OK
    text = page_text(out.read_text(encoding="utf-8"))
    assert "không có hạn nộp để đánh giá thời hạn" in text
    assert "Không có tệp phong trào (drive.yaml) bên cạnh tệp chỉ tiêu: không có xếp hạng." in text
    assert "tệp phong trào: không có." in text


def test_as_of_a_year_leaves_later_rounds_out(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert kpi("report", ARCHIVE, "-o", str(out), "--as-of", "2023").exit_code == EXIT_OK
    text = page_text(out.read_text(encoding="utf-8"))
    assert "Số liệu đến năm 2023; nhiệm kỳ 2021–2025." in text
    assert "Các đợt báo cáo đã đọc: Năm 2021 (2021), Năm 2022 (2022), Năm 2023 (2023)." in text
    assert "Đợt báo cáo mới nhất: Năm 2023 (2023)." in text
    assert "Tệp phong trào không đặt hạn nộp cho đợt Năm 2023 (2023): không xếp hạng" in text
    # the files of 2024 were read: their problems are listed, as kpi progress lists them
    shown = text[: text.index("Vấn đề của các tệp")]
    assert "2024-Q" not in shown
    assert "Năm 2024" not in shown
    assert "(2024)" not in shown


# -- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-o", "{tmp}/page.txt"], "this command writes to a file as .html (html)"),
        (["-o", "{tmp}/page.html", "--as-of", "2030"], "--as-of 2030 is after the term"),
        (["-o", "{tmp}/page.html", "--as-of", "2019"], "no round of 2019 or before"),
        (["-o", "{tmp}/exists.html"], "--force"),
        (["-o", "data/targets.yaml"], "html"),
    ],
)
def test_usage_errors_exit_2(kpi: Kpi, tmp_path: Path, args: list[str], said: str) -> None:
    (tmp_path / "exists.html").write_text("kept", encoding="utf-8")
    result = kpi("report", ARCHIVE, "--lang", "en", *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == EXIT_USAGE
    assert said in result.stderr
    assert (tmp_path / "exists.html").read_text(encoding="utf-8") == "kept"
    assert not (tmp_path / "page.html").exists()


def test_a_targets_file_without_a_term_is_a_usage_error(kpi: Kpi, tmp_path: Path) -> None:
    text = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
    term = "  term: {from: 2021, to: 2025}\n"
    assert term in text
    (tmp_path / "targets.yaml").write_text(text.replace(term, ""), encoding="utf-8")
    out = tmp_path / "page.html"
    result = kpi("report", ARCHIVE, "-o", str(out), "--targets", str(tmp_path / "targets.yaml"))
    assert result.exit_code == EXIT_USAGE
    assert "term" in result.stderr  # the shipped file's term methods need one: it is invalid
    assert not out.exists()


# -- the picture in the docs is of the current page ------------------------------------------


def test_the_docs_picture_is_of_the_current_page(pages: dict[str, str]) -> None:
    """docs/report-html.md records the hash of the text of the page its picture shows
    (``kpi report data/submissions``); a page whose text changed needs a new picture:
    ``python scripts/report_picture.py``."""
    doc = (ROOT / "docs" / "report-html.md").read_text(encoding="utf-8")
    found = re.search(r"page text SHA-256 `([0-9a-f]{64})`", doc)
    assert found, "docs/report-html.md names the hash of the page its picture shows"
    assert found[1] == text_hash(pages["vi"]), "run: python scripts/report_picture.py"
    assert (ROOT / "docs" / "report-html.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
