"""Files that lie: declared sizes that are not true, declarations hidden before the root.

Every refusal here must hold for both readers (``engine="openpyxl"`` included): neither reader
ever sees a byte that the vetting did not inflate (bounded) and check.
"""

from __future__ import annotations

import random
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from cantho_kpi.submissions import read_submission
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT
from .factories import rewrite_zip, set_declared_size, workbook_rows, write_xlsx

#: A real workbook saved by LibreOffice: shared strings, its own styles, XML declarations.
SAVED = ROOT / "tests/data/submissions/libreoffice/CR_2024-Q2.xlsx"

ENGINES = ["auto", "lean", "openpyxl"]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lies")
    return write_xlsx(folder / "good.xlsx", workbook_rows([("CT08", "x", 76)]))


def _only_issue(path: Path, targets: TargetsFile, engine: str) -> tuple[str, str]:
    sub = read_submission(path, targets, display=path.name, engine=engine)  # type: ignore[arg-type]
    assert sub.values == []
    (issue,) = sub.issues
    return issue.code, issue.message


def _bomb(source: Path, target: Path, part: str, size: int, method: int) -> Path:
    """``part`` replaced by ``size`` bytes of XML-ish padding that compress to almost nothing."""
    data = b"<a>" + b" " * (size - 7) + b"</a>"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != part:
                new.writestr(info, old.read(info), zipfile.ZIP_DEFLATED)
        new.writestr(part, data, method)
    return target


@pytest.mark.parametrize(
    "part",
    ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/app.xml", "xl/media/a.png"],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_a_part_inflating_past_its_declared_size_is_refused_at_once(
    good: Path, tmp_path: Path, targets: TargetsFile, part: str, engine: str
) -> None:
    # 16 MiB that deflate to about 16 KB, declared as 1,000 bytes
    path = _bomb(good, tmp_path / "a.xlsx", part, 16 * 1024 * 1024, zipfile.ZIP_DEFLATED)
    set_declared_size(path, part, 1_000)
    tracemalloc.start()
    code, message = _only_issue(path, targets, engine)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert code == "zip-bomb"
    assert f"part {part!r} inflates to more than the 1,000 bytes it declares" in message
    assert peak < 4_000_000  # at most the declared size and one chunk were ever inflated


def test_a_stored_part_longer_than_declared_is_refused(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    path = _bomb(good, tmp_path / "a.xlsx", "xl/styles.xml", 100_000, zipfile.ZIP_STORED)
    set_declared_size(path, "xl/styles.xml", 500)
    assert _only_issue(path, targets, "auto")[0] == "zip-bomb"


def test_a_part_shorter_than_declared_is_damaged(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(good.read_bytes())
    set_declared_size(path, "xl/styles.xml", 900_000)
    code, message = _only_issue(path, targets, "auto")
    assert code == "damaged-file"
    assert "'xl/styles.xml' does not match its directory entry" in message


def test_the_declared_size_bounds_what_is_inflated_even_when_the_crc_is_forged(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    """A forged CRC does not help: inflation stops one byte past the declared size."""
    part = "xl/worksheets/sheet1.xml"
    path = _bomb(good, tmp_path / "a.xlsx", part, 8 * 1024 * 1024, zipfile.ZIP_DEFLATED)
    prefix = (b"<a>" + b" " * 100)[:1000]
    set_declared_size(path, part, len(prefix))
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(part)] != part.encode():
        at = data.find(b"PK\x01\x02", at + 4)
    data[at + 16 : at + 20] = zlib.crc32(prefix).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert _only_issue(path, targets, "auto")[0] == "zip-bomb"


# -- declarations before the root element -----------------------------------------------

_PROLOGS = {
    "after a 70 kB comment": b'<?xml version="1.0"?><!--' + b"x" * 70_000 + b"-->",
    "after 100 kB of whitespace": b'<?xml version="1.0"?>' + b"\n" * 100_000,
    "after processing instructions": b'<?xml version="1.0"?>' + b"<?pi data?>" * 8_000,
    "after a byte order mark": b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a -->\n',
}
_DOCTYPE = b'<!DOCTYPE x [<!ENTITY e "ha">]>'


def _root(xml: bytes) -> bytes:
    """A part from its root element on (its own declaration dropped)."""
    at = 0
    while not xml[at + 1 : at + 2].isalpha():
        at = xml.index(b"<", at + 1)
    return xml[at:]


@pytest.mark.parametrize("prolog", list(_PROLOGS), ids=list(_PROLOGS))
@pytest.mark.parametrize(
    "part",
    [
        "xl/sharedStrings.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/styles.xml",
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "docProps/app.xml",
    ],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_a_doctype_anywhere_before_the_root_is_refused(
    tmp_path: Path, targets: TargetsFile, prolog: str, part: str, engine: str
) -> None:
    evil = _PROLOGS[prolog] + _DOCTYPE + _root(zipfile.ZipFile(SAVED).read(part))
    path = rewrite_zip(SAVED, tmp_path / "a.xlsx", {part: evil})
    code, message = _only_issue(path, targets, engine)
    assert code == "xml-doctype"
    assert f"{part!r} declares a DOCTYPE" in message


def test_a_doctype_in_utf16_after_a_long_comment_is_refused(
    tmp_path: Path, targets: TargetsFile
) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><!--' + "x" * 40_000 + "-->"
        '<!DOCTYPE x [<!ENTITY e "ha">]>'
        f'<sst xmlns="{NS}"><si><t>&e;</t></si></sst>'
    )
    path = rewrite_zip(SAVED, tmp_path / "a.xlsx", {"xl/sharedStrings.xml": text.encode("utf-16")})
    for engine in ENGINES:
        assert _only_issue(path, targets, engine)[0] == "xml-doctype"


def test_a_doctype_in_a_part_not_named_xml_is_refused(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    """Readers follow relationships, not names: a sheet stored as ``sheet1.bin`` is XML too."""
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    rels = zipfile.ZipFile(good).read("xl/_rels/workbook.xml.rels")
    evil = b'<?xml version="1.0"?><!--' + b"x" * 70_000 + b"-->" + _DOCTYPE
    evil += sheet[sheet.index(b"<worksheet") :]
    path = rewrite_zip(
        good,
        tmp_path / "a.xlsx",
        {
            "xl/worksheets/sheet1.xml": None,
            "xl/worksheets/sheet1.bin": evil,
            "xl/_rels/workbook.xml.rels": rels.replace(b"sheet1.xml", b"sheet1.bin"),
        },
    )
    for engine in ENGINES:
        assert _only_issue(path, targets, engine)[0] == "xml-doctype"


def test_a_far_cell_does_not_make_openpyxl_build_a_billion(tmp_path: Path) -> None:
    """One cell at XFD1048576 and a dimension claiming the whole grid: openpyxl's iter_rows
    would pad to a million rows of 16,384 cells. Read in a child process, so that a
    regression shows as a hang cut short rather than a stuck test run."""
    import subprocess
    import sys

    sheet = zipfile.ZipFile(SAVED).read("xl/worksheets/sheet1.xml")
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    sheet = sheet.replace(b'<dimension ref="A1:F45"/>', b'<dimension ref="A1:XFD1048576"/>')
    path = rewrite_zip(
        SAVED,
        tmp_path / "CR_2024-Q2.xlsx",
        {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", far)},
    )
    code = (
        "import sys; from pathlib import Path\n"
        "from cantho_kpi.submissions import read_submission\n"
        "from cantho_kpi.targets import load_targets\n"
        "t = load_targets(Path('data/targets.yaml')).targets\n"
        "a = read_submission(Path(sys.argv[1]), t, engine='openpyxl')\n"
        "b = read_submission(Path(sys.argv[1]), t, engine='lean')\n"
        "assert a == b, (a, b); print(len(a.values))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0


# -- what the readers parse is capped; what they do not parse is never kept ----------------


def test_an_xml_part_over_the_cap_is_refused_before_it_is_inflated(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    """A sheet declaring one byte more than 64 MiB (stored, 400 KB on disk: not a ratio
    bomb) is refused from its declared size, before a byte of it is inflated."""
    sheet = b"<a>" + random.Random(4).randbytes(400_000) + b"</a>"
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                new.writestr(info, old.read(info))
        new.writestr("xl/worksheets/sheet1.xml", sheet, zipfile.ZIP_STORED)
    set_declared_size(path, "xl/worksheets/sheet1.xml", 64 * 1024 * 1024 + 1)
    del sheet
    for engine in ENGINES:
        tracemalloc.start()
        code, message = _only_issue(path, targets, engine)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert code == "workbook-too-large"
        assert "part 'xl/worksheets/sheet1.xml' holds 67,108,865 bytes of XML" in message
        assert peak < 1_000_000


def test_xml_parts_over_the_cap_in_all_are_refused(
    good: Path, tmp_path: Path, targets: TargetsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap in all (128 MiB) by the same rule, with the cap lowered to 4 MiB so that the
    test stays small (``benchmarks/bench_hostile.py`` reads the real sizes)."""
    from cantho_kpi.submissions.xlsx import parts

    monkeypatch.setattr(parts, "MAX_XML_BYTES", 4 * 1024 * 1024)
    rng = random.Random(5)
    extra = {
        f"xl/extra{i}.xml": b"<a>" + bytes(rng.choices(b"abcdef", k=1_500_000)) + b"</a>"
        for i in range(3)
    }
    path = rewrite_zip(good, tmp_path / "a.xlsx", dict(extra))
    for engine in ENGINES:
        code, message = _only_issue(path, targets, engine)
        assert code == "workbook-too-large"
        assert "4,194,304 in all" in message


def test_a_large_part_no_reader_parses_is_checked_but_not_kept(
    good: Path, tmp_path: Path, targets: TargetsFile
) -> None:
    media = random.Random(6).randbytes(8 * 1024 * 1024)  # incompressible: not a bomb
    path = rewrite_zip(good, tmp_path / "a.xlsx", {"xl/media/image1.png": media})
    del media
    tracemalloc.start()
    sub = read_submission(path, targets)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert sub.valid
    assert peak < 3_000_000
