"""`kpi template`: the official submission workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import Result

from cantho_kpi.cli import EXIT_OK, EXIT_USAGE
from cantho_kpi.domain import parse_period
from cantho_kpi.targets import TargetsFile
from cantho_kpi.workbooks import HEADER, HEADER_ROW, write_template

from .factories import read_checked

Kpi = Callable[..., Result]


def _write(tmp_path: Path, targets: TargetsFile, code: str = "NK") -> Path:
    unit = next(u for u in targets.reporting_units if u.code == code)
    period = parse_period("2024-Q2")
    assert period is not None
    return write_template(targets, unit, period, tmp_path / f"{code}_2024-Q2.xlsx", force=False)


def test_layout(tmp_path: Path, targets: TargetsFile) -> None:
    book = load_workbook(_write(tmp_path, targets))
    assert book.sheetnames == ["BaoCao", "Hướng dẫn"]
    sheet = book["BaoCao"]
    assert [sheet.cell(r, 1).value for r in range(4, 9)] == [
        "Đơn vị:", "Mã đơn vị:", "Kỳ báo cáo:", "Người lập:", "Ngày lập:",
    ]  # fmt: skip
    assert [sheet.cell(r, 2).value for r in range(4, 7)] == ["Quận Ninh Kiều", "NK", "Quý 2/2024"]
    assert tuple(c.value for c in sheet[HEADER_ROW]) == HEADER
    first = [c.value for c in sheet[HEADER_ROW + 1]]
    assert first == [
        "CT01",
        "Tốc độ tăng trưởng kinh tế (GRDP) bình quân",
        "%",
        "—",  # the city's GRDP growth: no target applies to a district
        None,
        None,
        None,  # the estimate mark
    ]
    assert sheet.cell(HEADER_ROW + 35, 1).value == "CT21"
    # the targets that apply to Ninh Kiều: its own, marked, or the plan's where it names every
    # unit
    shown = {sheet.cell(r, 1).value: sheet.cell(r, 4).value for r in range(HEADER_ROW + 1, 47)}
    assert shown["CT11"] == "< 0,2 % (riêng)"  # NK's own, not the city's < 0,5 %
    assert shown["CT14a"] == "—"  # never the city's 24 communes
    assert shown["CT17b"] == "≥ 1.200 (riêng)"  # its share, not the city's 7.000
    assert shown["CT09a"] == "—"  # a city average: NK set no enrolment target of its own
    assert shown["CT21"] == "≥ 100 %"  # Project 06's tasks: every unit is held to all of them
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.column_dimensions["B"].width > 40


def test_value_column_takes_decimals_only(tmp_path: Path, targets: TargetsFile) -> None:
    sheet = load_workbook(_write(tmp_path, targets))["BaoCao"]
    rules = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    assert len(rules) == 70  # a number in E and the mark x in G, for each of the 35 rows
    assert rules[f"G{HEADER_ROW + 1}"].formula1 == '"x"'
    first = rules[f"E{HEADER_ROW + 1}"]
    assert (first.type, first.operator, first.formula1, first.formula2) == (
        "decimal", "between", "-30", "50",
    )  # fmt: skip
    assert first.showErrorMessage


def test_only_values_and_notes_are_unlocked(tmp_path: Path, targets: TargetsFile) -> None:
    sheet = load_workbook(_write(tmp_path, targets))["BaoCao"]
    assert sheet.protection.sheet
    row = HEADER_ROW + 1
    assert [sheet.cell(row, col).protection.locked for col in range(1, 8)] == [
        True, True, True, True, False, False, False,
    ]  # fmt: skip
    assert sheet.cell(5, 2).protection.locked  # the unit code cannot be changed


def test_guide_explains_how_to_fill_it(tmp_path: Path, targets: TargetsFile) -> None:
    guide = load_workbook(_write(tmp_path, targets))["Hướng dẫn"]
    text = " ".join(str(c.value) for c in guide["A"] if c.value)
    for words in ("điểm phần trăm", "dấu phẩy", "Đơn vị tính", "N/A", ".xlsx"):
        assert words.casefold() in text.casefold()


def test_the_guide_says_what_to_enter_for_each_figure_in_this_round(
    tmp_path: Path, targets: TargetsFile
) -> None:
    """Year-to-date for a flow; the estimate for the whole year, marked x, for a figure that
    describes a year in a half-year report, never last year's; the year's figure at the year
    round (docs/domain.md, "Periods and rounds")."""
    guide = load_workbook(_write(tmp_path, targets))["Hướng dẫn"]
    lines = {str(c.value).split(" – ")[0]: str(c.value) for c in guide["A"] if c.value}
    assert "SỐ LIỆU CẦN NHẬP CHO KỲ NÀY (6 tháng đầu năm 2024)" in lines.values()
    assert "lũy kế từ đầu năm 2024" in lines["CT05a"]  # a flow
    assert "không cộng các năm trước" in lines["CT17b"]  # a flow over the term, year by year
    assert "ước cả năm 2024 và ghi x" in lines["CT02"]  # yearly, in a half-year report
    assert "không ghi số của năm trước" in lines["CT02"]
    assert "thời điểm cuối kỳ" in lines["CT13"]  # a stock
    assert "so với cùng kỳ năm trước" in lines["CT01"]  # a rate of the period
    unit = next(u for u in targets.reporting_units if u.code == "NK")
    year = parse_period("2024-Q4")
    assert year is not None
    path = write_template(targets, unit, year, tmp_path / "NK_2024-Q4.xlsx", force=False)
    guide = load_workbook(path)["Hướng dẫn"]
    ct02 = next(str(c.value) for c in guide["A"] if str(c.value).startswith("CT02 – "))
    assert "số cả năm 2024" in ct02
    assert "ước cả năm" not in ct02
    sheet = load_workbook(path)["BaoCao"]
    prompt = next(
        dv.prompt for dv in sheet.data_validations.dataValidation if str(dv.sqref) == "E12"
    )
    assert sheet.cell(12, 1).value == "CT02"
    assert "số cả năm 2024" in prompt


def test_an_estimate_mark_is_read_and_kept(tmp_path: Path, targets: TargetsFile) -> None:
    book = load_workbook(_write(tmp_path, targets))
    sheet = book["BaoCao"]
    marks = {"CT01": "x", "CT02": "X", "CT03a": None, "CT03b": "có", "CT03c": "maybe"}
    for row in range(HEADER_ROW + 1, HEADER_ROW + 6):
        code = sheet.cell(row, 1).value
        sheet.cell(row, 5, 7)
        sheet.cell(row, 7, marks[code])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    sub = read_checked(filled, targets)
    estimates = {v.code: v.estimate for v in sub.values if v.value is not None}
    assert estimates == {
        "CT01": True, "CT02": True, "CT03a": False, "CT03b": True, "CT03c": False,
    }  # fmt: skip
    bad = [i for i in sub.issues if i.code == "bad-estimate-mark"]
    assert len(bad) == 1
    assert str(bad[0].location).endswith("!G15")
    assert "'maybe'" in bad[0].message


def test_department_template_lists_its_indicators(tmp_path: Path, targets: TargetsFile) -> None:
    sheet = load_workbook(_write(tmp_path, targets, "SYT"))["BaoCao"]
    codes = [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, sheet.max_row + 1)]
    assert codes == ["CT12", "CT13"]


def test_blank_template_reads_back_empty(tmp_path: Path, targets: TargetsFile) -> None:
    sub = read_checked(_write(tmp_path, targets), targets)
    assert (sub.unit_code, sub.period) == ("NK", "2024-Q2")
    assert [(i.code, i.severity) for i in sub.issues] == [("no-values", "warning")]
    assert len(sub.values) == 35
    assert {v.state for v in sub.values} == {"empty"}


def test_same_inputs_same_bytes(tmp_path: Path, targets: TargetsFile) -> None:
    first = _write(tmp_path, targets).read_bytes()
    (tmp_path / "NK_2024-Q2.xlsx").unlink()
    assert _write(tmp_path, targets).read_bytes() == first


def test_cli_writes_and_refuses_to_overwrite(kpi: Kpi, tmp_path: Path) -> None:
    out = tmp_path / "NK.xlsx"
    result = kpi("template", "--unit", "nk", "--period", "Quý 2/2024", "-o", str(out))
    assert result.exit_code == EXIT_OK
    assert out.exists()
    again = kpi("template", "--unit", "NK", "--period", "2024-Q2", "-o", str(out))
    assert again.exit_code == EXIT_USAGE
    assert "đã có; thêm --force để thay thế" in again.stderr
    assert kpi("template", "-u", "NK", "-p", "2024-Q2", "-o", str(out), "--force").exit_code == 0


def test_cli_all_units(kpi: Kpi, tmp_path: Path) -> None:
    result = kpi("template", "--all-units", "--period", "2024-Q4", "-o", str(tmp_path / "q4"))
    assert result.exit_code == EXIT_OK
    names = sorted(p.name for p in (tmp_path / "q4").iterdir())
    assert len(names) == 14
    assert "NK_2024-Q4.xlsx" in names
    later = kpi("template", "--all-units", "--period", "2025-Q3", "-o", str(tmp_path / "q3"))
    assert later.exit_code == EXIT_OK
    assert "NK_2025-Q3.xlsx" not in {p.name for p in (tmp_path / "q3").iterdir()}


def test_cli_usage_errors(kpi: Kpi, tmp_path: Path) -> None:
    assert kpi("template", "--unit", "XX", "--period", "2024-Q2").exit_code == EXIT_USAGE
    assert kpi("template", "--unit", "NK", "--period", "Q9").exit_code == EXIT_USAGE
    assert kpi("template", "--unit", "NK").exit_code == EXIT_USAGE
    assert kpi("template", "--period", "2024-Q2").exit_code == EXIT_USAGE
