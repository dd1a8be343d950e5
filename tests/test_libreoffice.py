"""Workbooks saved by LibreOffice, a real-world client: committed fixtures, and a live round
trip when ``soffice`` is installed (skipped cleanly when it is not)."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from cantho_kpi.domain import parse_period
from cantho_kpi.submissions import ValueState, read_submission
from cantho_kpi.targets import TargetsFile
from cantho_kpi.workbooks import write_template

from .conftest import DATA, ROOT
from .factories import read_checked

SAVED = DATA / "submissions" / "libreoffice"


def test_hand_made_workbook_saved_by_libreoffice(targets: TargetsFile) -> None:
    sub = read_checked(SAVED / "NK_2024-Q2.xlsx", targets, display="NK_2024-Q2.xlsx")
    assert (sub.unit_code, sub.period, sub.sheet) == ("NK", "2024-Q2", "BaoCao")
    got = {v.code: (v.state, v.value, v.percent, v.location) for v in sub.values}
    assert got == {
        "CT01": (ValueState.VALUE, Decimal("7.8"), False, "NK_2024-Q2.xlsx!BaoCao!D7"),
        "CT03a": (ValueState.VALUE, Decimal("5.75"), True, "NK_2024-Q2.xlsx!BaoCao!D8"),
        "CT06a": (ValueState.VALUE, Decimal("297.18"), False, "NK_2024-Q2.xlsx!BaoCao!D9"),
        "CT08": (ValueState.VALUE, Decimal("76"), False, "NK_2024-Q2.xlsx!BaoCao!D10"),
        "CT11": (ValueState.EMPTY, None, False, "NK_2024-Q2.xlsx!BaoCao!D11"),
        "CT17b": (ValueState.INVALID, None, False, "NK_2024-Q2.xlsx!BaoCao!D12"),
    }
    assert [i.code for i in sub.issues] == ["hidden-sheet-ignored", "ambiguous-number"]


def test_sample_saved_again_by_libreoffice_reads_the_same(targets: TargetsFile) -> None:
    original = read_submission(ROOT / "data/submissions/2024-Q2/CR_2024-Q2.xlsx", targets, "CR")
    resaved = read_checked(SAVED / "CR_2024-Q2.xlsx", targets, "CR")
    # what was read is the same; the days are not compared (the copy was saved from the sample
    # when its 'Ngày lập' was another day, and a file's time is where it was copied)
    days = {"submitted_on", "date_source", "written_on", "written_at", "file_time"}
    assert resaved.model_dump(exclude=days) == original.model_dump(exclude=days)
    assert resaved.value("CT13").value == Decimal("95.5")  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_live_template_round_trip(tmp_path: Path, targets: TargetsFile) -> None:
    """The template, filled in and saved by LibreOffice, reads back with every value."""
    from openpyxl import load_workbook

    period = parse_period("2024-Q4")
    assert period is not None
    unit = targets.reporting_units[0]
    source = write_template(targets, unit, period, tmp_path / "CT_2024-Q4.xlsx", force=False)
    book = load_workbook(source)
    sheet = book["BaoCao"]
    sheet["E11"] = 7.6
    sheet["E12"] = "150,5"
    book.save(source)
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    sub = read_checked(out / source.name, targets)
    assert (sub.unit_code, sub.period) == ("CT", "2024-Q4")
    assert sub.value("CT01").value == Decimal("7.6")  # type: ignore[union-attr]
    assert sub.value("CT02").value == Decimal("150.5")  # type: ignore[union-attr]
    assert sub.issues == []
